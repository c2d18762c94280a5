// A method without a receiver that returns `Self` is the target's, built
// back into the wrapper: a wrapper without `FromRealized` is one error at the
// trait's path that says to implement it (it was "cannot forward: it has no
// `self` receiver", before such methods were forwarded).
use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn create(source: &str) -> Self
    where
        Self: Sized;
}

impl Tracker for u8 {
    fn python_type(&self) -> &'static str {
        "int"
    }
    fn create(_: &str) -> Self {
        0
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
}

fn main() {}
