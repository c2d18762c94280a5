use lazy_core::{Lazy, RealizeForward, forwardable};

// `except(...)` in an attribute of its own, beside the one that names the
// trait: one error at the attribute, saying that it goes beside the traits,
// read as meant (the method is left out of the trait that attribute names),
// so the wrapper's uses add no error.
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

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
#[realize_forward(except(python_type))]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
}

impl LazyTracker {
    fn python_type(&self) -> &'static str {
        "lazy"
    }
}

fn main() {
    let tracker = LazyTracker { cache: Lazy::new(|| 1) };
    let _: usize = tracker.size();
    let _: &str = Tracker::python_type(&tracker);
}
