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

// `except(python_type)` but no inherent `LazyTracker::python_type`: the
// forwarder would call itself forever, so it is a compile error.
#[derive(RealizeForward)]
#[realize_forward(Tracker, except(python_type))]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
}

fn main() {}
