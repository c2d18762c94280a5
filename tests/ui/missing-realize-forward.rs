use lazy_core::{Lazy, RealizeForward};

#[derive(RealizeForward)]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
}

fn main() {}
