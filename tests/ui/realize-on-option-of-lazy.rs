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

// `Option<Lazy<..>>` can never realize (lazy-core does not implement
// `Realize` for `Option`, and no other crate may): one error at `Option`,
// saying what to hold or to implement instead, and no impls that would
// repeat it for `Realize` and `RealizeMut`.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize]
    cache: Option<Lazy<Real>>,
}

fn main() {}
