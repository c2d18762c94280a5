// A variant forwards to its one field: a second field is one error there.

use lazy_core::{Lazy, RealizeForward, forwardable};

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
    Sourced(#[realize] Lazy<Real>, &'static str),
    Named { value: Real, name: String },
}

fn main() {}
