// The impl states an associated type once, the first variant's: a variant
// whose target has another is one error, at that variant.

use lazy_core::{RealizeForward, forwardable};

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
    Int(Int),
    Float(Float),
}

fn main() {}
