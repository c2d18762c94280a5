use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn create(source: &str) -> Self
    where
        Self: Sized;
}

impl Tracker for u8 {
    fn python_type(&self) -> &'static str {
        "int"
    }
    fn create(_: &str) -> Self {
        0
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
}

fn main() {}
