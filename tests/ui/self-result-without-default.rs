use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    // `Self` arguments are realized, but a `Self` result cannot be made from
    // the realized value, nor can `Self` inside another type be converted.
    fn merge(&mut self, other: Self)
    where
        Self: Sized;
    fn duplicate(&self) -> Self
    where
        Self: Sized;
    fn merge_all(&mut self, others: Vec<Self>)
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
    fn merge_all(&mut self, others: Vec<Self>) {
        *self += others.iter().sum::<u8>();
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
}

fn main() {}
