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

// A seed that is a trait object is no pointer to one: the fix still says
// to realize without `deref`.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct BoxedSeed {
    #[realize(deref)]
    cache: Lazy<Box<u8>, Box<dyn FnOnce() -> Box<u8>>>,
}

fn main() {}
