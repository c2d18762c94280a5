use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

#[forwardable]
pub trait Named {
    fn name(&self) -> String;
}

pub struct Real;

impl Tracker for Real {
    fn python_type(&self) -> &'static str {
        "int"
    }
}

impl Named for Real {
    fn name(&self) -> String {
        String::new()
    }
}

// Two traits, one of them through the slow path (an `except` name): still
// one error at `deref`. Each trait's bound on the target is at `deref` too
// (under `deref` the target is what the value points to), so that rustc,
// which fails it again through the wrapper's `Realize` impl, says the same
// thing at the same place.
#[derive(RealizeForward)]
#[realize_forward(Tracker, Named, except(name))]
pub struct LazyTracker {
    #[realize(deref)]
    cache: Lazy<Real>,
}

impl LazyTracker {
    fn name(&self) -> String {
        String::from("lazy")
    }
}

fn main() {}
