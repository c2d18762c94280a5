// `self` by value cannot be forwarded through a `#[realize(deref)]` variant:
// one error at `deref`.

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn into_name(self) -> String;
}

pub struct Real;
impl Tracker for Real {
    fn python_type(&self) -> &'static str {
        "int"
    }
    fn into_name(self) -> String {
        String::from("x")
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub enum AnyTracker {
    Real(Real),
    Boxed(#[realize(deref)] Lazy<Box<Real>>),
}

fn main() {}
