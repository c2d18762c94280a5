use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn size(&self) -> usize;
}

impl Tracker for u8 {
    fn python_type(&self) -> &'static str {
        "int"
    }
    fn size(&self) -> usize {
        1
    }
}

// A method in `except(...)` is named by its name alone: quoted, or as a path
// through its trait, it is one error at what was written, showing the name,
// and the name is read as meant: the wrappers forward the rest of the trait
// (`Tracker::size`), and their uses add no error.
#[derive(RealizeForward)]
#[realize_forward(Tracker, except("python_type"))]
pub struct Quoted {
    #[realize]
    cache: Lazy<u8>,
}

impl Quoted {
    fn python_type(&self) -> &'static str {
        "int"
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker, except(Tracker::python_type))]
pub struct ThroughTheTrait {
    #[realize]
    cache: Lazy<u8>,
}

impl ThroughTheTrait {
    fn python_type(&self) -> &'static str {
        "int"
    }
}

fn main() {
    let quoted = Quoted { cache: Lazy::new(|| 1) };
    let _: usize = quoted.size();
    let through = ThroughTheTrait { cache: Lazy::new(|| 1) };
    let _: usize = through.size();
}
