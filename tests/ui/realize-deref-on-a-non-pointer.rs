use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

pub struct Real;
impl Tracker for Real {
    fn python_type(&self) -> &'static str { "int" }
}

// `#[realize(deref)]` on a lazy whose value is not a pointer: the derive
// cannot see that `Real` has no `Deref`, but it bounds `Real` itself (read
// from `Lazy<Real>`), so rustc reports it once, at `deref`, the token to
// remove, whatever the number of traits.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize(deref)]
    cache: Lazy<Real>,
}

fn main() {}
