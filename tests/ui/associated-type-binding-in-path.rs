use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Source {
    type Item;
    fn first(&self) -> Self::Item;
}

#[derive(RealizeForward)]
#[realize_forward(Source<Item = u8>)]
pub struct LazySource {
    #[realize]
    cache: Lazy<Vec<u8>>,
}

fn main() {}
