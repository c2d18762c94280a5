// An associated const is never taken from one variant: the variants' targets
// must be one type. One error, at the variant that is not.

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    const KIND: &'static str;
    fn python_type(&self) -> &'static str;
}

pub struct Int;
impl Tracker for Int {
    const KIND: &'static str = "int";
    fn python_type(&self) -> &'static str {
        "int"
    }
}

pub struct Float;
impl Tracker for Float {
    const KIND: &'static str = "float";
    fn python_type(&self) -> &'static str {
        "float"
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub enum AnyTracker {
    Int(Int),
    Later(#[realize] Lazy<Int>),
    Float(Float),
}

fn main() {}
