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

// The inherent `python_type` takes one more argument than the trait's: one
// error at the name in `except(...)` giving the signature it must have, and
// no fix written into `except(...)` (rustc would offer
// `except(python_type(.., /* bool */))`).
#[derive(RealizeForward)]
#[realize_forward(Tracker, except(python_type))]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
}

impl LazyTracker {
    fn python_type(&self, _strict: bool) -> &'static str {
        "int"
    }
}

fn main() {}
