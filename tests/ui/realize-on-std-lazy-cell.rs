use std::cell::LazyCell;

use lazy_core::{RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

pub struct Real;
impl Tracker for Real {
    fn python_type(&self) -> &'static str { "int" }
}

// std's `LazyCell` for lazy-core's `Lazy`: one error at `LazyCell` naming
// the lazy to hold.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize]
    cache: LazyCell<Real>,
}

fn main() {}
