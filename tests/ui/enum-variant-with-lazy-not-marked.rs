// A variant that holds a lazy without `#[realize]` would forward to the lazy
// itself, which rarely implements the trait: one error at its type, with
// both fixes.

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn set_name_hint(&mut self, name: &str);
}

pub struct Real;
impl Tracker for Real {
    fn python_type(&self) -> &'static str {
        "int"
    }
    fn set_name_hint(&mut self, _: &str) {}
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub enum LazyTracker {
    Int(Lazy<Real>),
    Eager(Real),
}

fn main() {}
