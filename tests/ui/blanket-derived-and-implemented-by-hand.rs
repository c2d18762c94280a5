//! A wrapper that forwards a `blanket` trait and implements it by hand too:
//! one error each, at `blanket` for a trait of this crate (at the derive
//! without `blanket`), at the hand impl for a trait of another crate.

use edition2021_traits::{Numbers, Tally};
use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable(blanket)]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

pub struct Real;

impl Tracker for Real {
    fn python_type(&self) -> &'static str {
        "int"
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker(#[realize] Lazy<Real>);

impl Tracker for LazyTracker {
    fn python_type(&self) -> &'static str {
        "lazy"
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tally)]
pub struct LazyTally(#[realize] Lazy<Numbers>);

impl Tally for LazyTally {
    fn r#gen(&self) -> u32 {
        0
    }
    fn add(&mut self, n: u32) -> u32 {
        n
    }
}

fn main() {}
