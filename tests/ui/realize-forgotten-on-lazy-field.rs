use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn a(&self) -> u8;
    fn b(&self) -> u8;
    fn c(&self) -> u8;
    fn d(&self) -> u8;
}

pub struct Real;
impl Tracker for Real {
    fn a(&self) -> u8 { 1 }
    fn b(&self) -> u8 { 2 }
    fn c(&self) -> u8 { 3 }
    fn d(&self) -> u8 { 4 }
}

// `#[realize]` is missing on `cache`: one error, at the field where it goes,
// however many methods the trait has.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    name: String,
    cache: Lazy<Real>,
}

fn main() {}
