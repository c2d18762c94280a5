use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

impl Tracker for u8 {
    fn python_type(&self) -> &'static str {
        "int"
    }
}

// The inherent `python_type` takes `&mut self` where the trait takes
// `&self`: one error at the name in `except(...)` giving the signature it
// must have (rustc alone says "types differ in mutability" at the derive).
#[derive(RealizeForward)]
#[realize_forward(Tracker, except(python_type))]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
}

impl LazyTracker {
    fn python_type(&mut self) -> &'static str {
        "int"
    }
}

fn main() {}
