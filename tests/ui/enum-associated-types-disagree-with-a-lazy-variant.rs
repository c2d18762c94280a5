// The first variant is lazy, and a ready variant's target has another
// associated type: one error, at the ready variant, as when both are ready.

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    type Value;
    fn value(&self) -> Self::Value;
}

pub struct Int;
impl Tracker for Int {
    type Value = i64;
    fn value(&self) -> i64 {
        1
    }
}

pub struct Float;
impl Tracker for Float {
    type Value = f64;
    fn value(&self) -> f64 {
        1.0
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub enum AnyTracker {
    Later(#[realize] Lazy<Int>),
    Ready(Int),
    Float(Float),
}

fn main() {}
