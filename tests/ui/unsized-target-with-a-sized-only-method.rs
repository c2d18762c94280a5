// A `dyn Tracker` target (through `#[realize(deref)]`) and a method that
// only a sized target has (`where Self: Sized`, no default): rustc's error
// points at that method, whose forwarder needs the bound; `except(visit)`
// or a default body would fix it.
use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn name(&self) -> String;
    fn visit<T: std::fmt::Debug>(&self, t: T) -> String
    where
        Self: Sized;
}

pub struct Real;

impl Tracker for Real {
    fn name(&self) -> String {
        "real".to_string()
    }
    fn visit<T: std::fmt::Debug>(&self, t: T) -> String {
        format!("{t:?}")
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize(deref)]
    cache: Lazy<Box<dyn Tracker>>,
}

fn main() {}
