use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

#[derive(RealizeForward)]
#[realize_forward(Tracker, except(python_type, python_type))]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
}

impl LazyTracker {
    fn python_type(&self) -> &'static str {
        "int"
    }
}

fn main() {}
