// A trait named with arguments that has no `#[forwardable]`: one error at
// its name (the derive cannot test the trait with the wrapper's own
// arguments, so it says so without rustc's help).
use lazy_core::{Lazy, RealizeForward};

pub trait Store<T> {
    fn get(&self) -> T;
}

#[derive(RealizeForward)]
#[realize_forward(Store<u8>)]
pub struct LazyStore {
    #[realize]
    cache: Lazy<u8>,
}

fn main() {}
