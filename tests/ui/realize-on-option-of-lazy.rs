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

// `Option<Lazy<..>>` is not a lazy. Known limit: two errors at the field's
// type, one for `Realize` and one for `RealizeMut` (the trait has a
// `&mut self` method), however many traits and methods.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize]
    cache: Option<Lazy<Real>>,
}

fn main() {}
