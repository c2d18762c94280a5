// `#[realize(plain)]` with `deref`: a plain field is the target as it is, so
// `deref` has nothing to go through. One error at `deref`; the derive goes
// on as for `#[realize(plain)]`, so using the wrapper is no further error.

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
pub struct PlainTracker {
    #[realize(plain, deref)]
    inner: Real,
}

fn main() {
    let tracker = PlainTracker { inner: Real };
    assert_eq!(tracker.python_type(), "int");
}
