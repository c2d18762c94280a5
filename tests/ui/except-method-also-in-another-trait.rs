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

pub trait Peek {
    fn python_type(&self) -> &'static str;
}

// `except(python_type)` is answered by another trait's impl, not by an
// inherent method: one error at the name in `except(...)` listing both
// candidates, and no fix written into `except(...)` (rustc would offer
// `except(Peek::python_type)`, which the derive rejects).
#[derive(RealizeForward)]
#[realize_forward(Tracker, except(python_type))]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
}

impl Peek for LazyTracker {
    fn python_type(&self) -> &'static str {
        "int"
    }
}

fn main() {}
