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

// The only field is a lazy without `#[realize]`, and the trait has a
// `&mut self` method: one error, at the field, whose note says to mark it
// `#[realize]`.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker(Lazy<Real>);

fn main() {}
