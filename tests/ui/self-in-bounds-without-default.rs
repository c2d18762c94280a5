use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn equals<T: PartialEq<Self>>(&self, other: T) -> bool
    where
        Self: Sized;
    fn cloned(&self) -> u8
    where
        Self: Clone;
}

impl Tracker for u8 {
    fn equals<T: PartialEq<Self>>(&self, other: T) -> bool {
        other == *self
    }
    fn cloned(&self) -> u8 {
        *self
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
}

fn main() {}
