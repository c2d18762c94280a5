//! `self: Pin<&mut Self>` is forwarded by the derive's impl, which asks the
//! wrapper and its target to be `Unpin`; `blanket`'s one impl for every
//! wrapper cannot ask that of each: one error at the method's name, after
//! which the trait is derived as without `blanket` (the derive below
//! compiles).

use std::pin::Pin;

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable(blanket)]
pub trait Poller {
    fn poll_once(self: Pin<&mut Self>) -> u8;
}

pub struct Real;

impl Poller for Real {
    fn poll_once(self: Pin<&mut Self>) -> u8 {
        1
    }
}

#[derive(RealizeForward)]
#[realize_forward(Poller)]
pub struct LazyPoller {
    #[realize]
    cache: Lazy<Real>,
}

fn main() {}
