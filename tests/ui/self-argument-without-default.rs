use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn merge(&mut self, other: Self)
    where
        Self: Sized;
    fn duplicate(&self) -> Self
    where
        Self: Sized;
}

impl Tracker for u8 {
    fn merge(&mut self, other: Self) {
        *self += other;
    }
    fn duplicate(&self) -> Self {
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
