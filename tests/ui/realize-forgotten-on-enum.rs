use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn set_name_hint(&mut self, name: &str);
}

pub struct Real;
impl Tracker for Real {
    fn python_type(&self) -> &'static str { "int" }
    fn set_name_hint(&mut self, _: &str) {}
}

// An enum has no `#[realize]` field: it implements `Realize` and
// `RealizeMut` itself. One error, at the first lazy, whose note says so.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub enum LazyTracker {
    Int(Lazy<Real>),
    Float(Lazy<Real>),
}

fn main() {}
