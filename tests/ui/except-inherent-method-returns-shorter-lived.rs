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

// The inherent `python_type` returns a `&str` borrowed from the wrapper
// where the trait promises `&'static str`: the borrow checker reports it,
// at the name in `except(...)` (it was at the derive's name).
#[derive(RealizeForward)]
#[realize_forward(Tracker, except(python_type))]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
    name: String,
}

impl LazyTracker {
    fn python_type(&self) -> &str {
        &self.name
    }
}

fn main() {}
