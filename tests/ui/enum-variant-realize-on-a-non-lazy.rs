// `#[realize]` on a variant's field that can never realize is one error at
// its type, as on a struct's field; the other variants still forward.

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
    Number(#[realize] u8),
}

fn main() {
    assert_eq!(AnyTracker::Real(Real).python_type(), "int");
}
