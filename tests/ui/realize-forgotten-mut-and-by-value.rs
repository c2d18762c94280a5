use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn name(&self) -> u8;
    fn call(&mut self) -> u8;
    fn into_tag(self) -> u8;
}

#[forwardable]
pub trait Other {
    fn other(&mut self) -> u8;
}

pub struct Real;

// Without `#[realize]`, a trait with `&mut self` and `self` methods: the
// wrapper has none of `Realize`, `RealizeMut` and `RealizeInto`; each is said
// once, at the field where `#[realize]` goes, whatever the number of traits.
#[derive(RealizeForward)]
#[realize_forward(Tracker, Other)]
pub struct LazyTracker {
    cache: Box<Lazy<Real>>,
}

fn main() {}
