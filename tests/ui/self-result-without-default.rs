use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    // `Self` arguments are realized, and a `Self` result is built back with
    // `FromRealized` (which this wrapper lacks), but `Self` inside an
    // argument's type cannot be converted.
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
