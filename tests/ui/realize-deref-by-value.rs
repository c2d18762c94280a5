use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn into_type(self) -> &'static str;
}

impl Tracker for u8 {
    fn into_type(self) -> &'static str {
        "int"
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize(deref)]
    cache: Lazy<Box<u8>>,
}

fn main() {}
