use std::rc::Rc;

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn shared(self: Rc<Self>) -> u8;
}

impl Tracker for u8 {
    fn shared(self: Rc<Self>) -> u8 {
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
