use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub unsafe trait Zeroable {
    fn zero(&self) -> u8;
}

// One error: the `except` name is a method of the trait all the same.
#[derive(RealizeForward)]
#[realize_forward(Zeroable, except(zero))]
pub struct LazyZero {
    #[realize]
    cache: Lazy<u8>,
}

fn main() {}
