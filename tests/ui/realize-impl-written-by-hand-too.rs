use lazy_core::{Lazy, Realize, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

pub struct Real;
impl Tracker for Real {
    fn python_type(&self) -> &'static str { "int" }
}

// `#[realize]` implements `Realize`; a hand-written impl conflicts with it:
// one error (E0119), which shows the hand-written impl. Drop one of the two.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<Real>,
}

impl Realize for LazyTracker {
    type Target = Real;
    fn realize(&self) -> &Real {
        self.cache.realize()
    }
}

fn main() {}
