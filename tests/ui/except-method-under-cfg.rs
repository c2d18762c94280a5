// A method under a `#[cfg]` that is off is not in the trait the derive sees:
// naming it in `except(...)` is an unknown name, whose message says how to
// name it under the same condition.
use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    #[cfg(any())]
    fn check(&self) -> bool;
}

impl Tracker for u8 {
    fn python_type(&self) -> &'static str {
        "int"
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker, except(check))]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
}

fn main() {}
