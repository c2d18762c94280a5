// `except(...)` naming an associated type or const of the trait: the error
// says what the name is (not a misspelled method) and why it cannot be
// answered by the wrapper.
use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    type Tag;
    const KIND: u8;
    fn kind(&self) -> u8;
}

pub struct Real;

impl Tracker for Real {
    type Tag = u8;
    const KIND: u8 = 1;
    fn kind(&self) -> u8 {
        Self::KIND
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker, except(Tag, KIND))]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<Real>,
}

fn main() {}
