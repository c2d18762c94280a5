// A unit variant has no field to forward to: one error at the variant, and
// the rest of the impl is still written (no error at the uses).

use lazy_core::{RealizeForward, forwardable};

#[forwardable]
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
pub enum AnyTracker {
    Real(Real),
    Missing,
}

fn main() {
    assert_eq!(AnyTracker::Real(Real).python_type(), "int");
}
