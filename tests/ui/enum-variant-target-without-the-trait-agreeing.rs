// A ready variant whose target does not implement the trait, beside a lazy
// one, when the trait has an associated type the variants must agree on: one
// error, at that variant's field, naming its type.

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    type Value;
    fn value(&self) -> Self::Value;
}

pub struct Real;
impl Tracker for Real {
    type Value = i64;
    fn value(&self) -> i64 {
        1
    }
}

pub struct Untracked;

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub enum AnyTracker {
    Later(#[realize] Lazy<Real>),
    Plain(Untracked),
    Ready(Real),
}

fn main() {}
