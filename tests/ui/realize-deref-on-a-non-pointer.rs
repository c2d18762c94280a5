use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

pub struct Real;
impl Tracker for Real {
    fn python_type(&self) -> &'static str { "int" }
}

// `#[realize(deref)]` on a lazy whose value is not a pointer. Known limit:
// the derive cannot see that `Real` has no `Deref`, and rustc reports the
// bound in each impl that needs it; the bounds point at `deref`, the token
// to remove.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize(deref)]
    cache: Lazy<Real>,
}

fn main() {}
