use lazy_core::{RealizeForward, forwardable};

#[forwardable]
pub trait Finish {
    fn finish(self) -> u8;
    fn peek(&self) -> u8;
}

// A generic wrapper whose `Drop` impl holds for every `L`: the same one
// error as a concrete wrapper's, at the field, in the derive's terms (not
// rustc's E0509).
#[derive(RealizeForward)]
#[realize_forward(Finish)]
pub struct LazyFinish<L> {
    #[realize]
    cache: L,
}

impl<L> Drop for LazyFinish<L> {
    fn drop(&mut self) {}
}

fn main() {}
