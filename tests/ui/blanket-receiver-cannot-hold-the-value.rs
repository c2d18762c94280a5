//! A method that `blanket` cannot write once (here, a receiver that cannot
//! hold the realized value): one error at its name that says why, and the
//! trait is written as without `blanket`, so a derive of it reports what it
//! reports without `blanket`, and nothing about a missing macro.

use std::rc::Rc;

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable(blanket)]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn shared(self: Rc<Self>) -> u8;
}

pub struct Real;

impl Tracker for Real {
    fn python_type(&self) -> &'static str {
        "int"
    }
    fn shared(self: Rc<Self>) -> u8 {
        1
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<Real>,
}

fn main() {}
