// A lifetime argument for a trait that declares none: one error at the
// trait's name, counting in words.
use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

#[derive(RealizeForward)]
#[realize_forward(Tracker<'static>)]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
}

fn main() {}
