// `#[realize(plain)]` on an enum's field follows the rule of `#[realize]`
// there: one error at the attribute, and no trait impls that would repeat it.

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
    Real(#[realize(plain)] Real),
}

fn main() {}
