// `remote = self::Tracker` on `Tracker`: the item names itself, meaning
// the crate's own trait. One error at the path; the trait is then written
// as a plain `#[forwardable]` one, so its impl and its derive add none.
use lazy_core::{Lazy, RealizeForward};

#[lazy_core::forwardable(remote = self::Tracker)]
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
pub struct LazyTracker(#[realize] Lazy<Real>);

fn main() {
    assert_eq!(LazyTracker(Lazy::new(|| Real)).python_type(), "int");
}
