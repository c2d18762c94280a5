use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

pub struct Real;
impl Tracker for Real {
    fn python_type(&self) -> &'static str { "int" }
}

// `deref = true` for the flag `deref`: one error at `deref`; the derive goes
// on as for `#[realize(deref)]` (the target is `Real`, not `Box<Real>`).
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize(deref = true)]
    cache: Lazy<Box<Real>>,
}

fn main() {
    let tracker = LazyTracker {
        cache: Lazy::new(|| Box::new(Real)),
    };
    assert_eq!(tracker.python_type(), "int");
}
