// `#[forwardable]` twice on one trait is one error, at the second: the
// second writes the macro, so the derive adds none.
use lazy_core::{Lazy, RealizeForward};

#[lazy_core::forwardable]
#[lazy_core::forwardable]
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
pub struct LazyTracker {
    #[realize]
    cache: Lazy<Real>,
}

fn main() {
    let tracker = LazyTracker {
        cache: Lazy::new(|| Real),
    };
    assert_eq!(tracker.python_type(), "int");
}
