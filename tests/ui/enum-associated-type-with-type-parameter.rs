// The variants' targets must agree on every associated type, which a bound
// can state for lifetime parameters only: an associated type with a type
// parameter is one error at the trait's name.

use lazy_core::{RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    type Wrapped<T>;
    fn python_type(&self) -> &'static str;
}

pub struct Int;
impl Tracker for Int {
    type Wrapped<T> = Option<T>;
    fn python_type(&self) -> &'static str {
        "int"
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub enum AnyTracker {
    Int(Int),
    Other(Int),
}

fn main() {}
