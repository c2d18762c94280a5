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
// from `Lazy<Real>`) by lazy-core's `DerefValue`, whose message says to drop
// `deref`: one error, at `deref`, whatever the number of traits (see
// realize-deref-on-a-non-pointer-two-traits).
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize(deref)]
    cache: Lazy<Real>,
}

fn main() {}
