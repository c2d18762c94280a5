use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

impl Tracker for u8 {
    fn python_type(&self) -> &'static str {
        "int"
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker, except(python_type, python_type))]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
}

impl LazyTracker {
    fn python_type(&self) -> &'static str {
        "int"
    }
}

// The derive still writes the impl: using it is no further error.
fn main() {
    let tracker = LazyTracker {
        cache: Lazy::new(|| 1),
    };
    assert_eq!(Tracker::python_type(&tracker), "int");
}
