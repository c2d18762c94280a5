use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Store<K> {
    fn put(&mut self, key: K);
}

#[derive(RealizeForward)]
#[realize_forward(Store<u8, u16>)]
pub struct LazyStore {
    #[realize]
    cache: Lazy<Vec<u8>>,
}

fn main() {}
