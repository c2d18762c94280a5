use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub unsafe trait Zeroable {
    fn zero(&self) -> u8;
}

#[derive(RealizeForward)]
#[realize_forward(Zeroable)]
pub struct LazyZero {
    #[realize]
    cache: Lazy<u8>,
}

fn main() {}
