use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn set_name_hint(&mut self, hint: &str);
}

impl Tracker for u8 {
    fn set_name_hint(&mut self, _hint: &str) {}
}

// The trait's `set_name_hint` takes `&mut self`; the inherent one takes
// `self` by value, which the forwarder cannot give away: one error at the
// name in `except(...)` saying it must take `&self` or `&mut self` (rustc
// alone says "expected `LazyTracker`, found `&mut LazyTracker`" at the
// derive).
#[derive(RealizeForward)]
#[realize_forward(Tracker, except(set_name_hint))]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
}

impl LazyTracker {
    fn set_name_hint(self, _hint: &str) {}
}

fn main() {}
