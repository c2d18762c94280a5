use lazy_core::{RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn a(&self) -> u8;
    fn b(&self) -> u8;
    fn c(&self) -> u8;
    fn d(&self) -> u8;
}

#[forwardable]
pub trait Other {
    fn e(&self) -> u8;
}

pub struct Real;

// `#[realize]` on a field that is not a lazy: one error, at the field,
// however many traits and methods are forwarded.
#[derive(RealizeForward)]
#[realize_forward(Tracker, Other)]
pub struct LazyTracker {
    #[realize]
    cache: Real,
}

fn main() {}
