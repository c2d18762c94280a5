use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn name(&self) -> String;
}

impl Tracker for u8 {
    fn name(&self) -> String {
        String::from("int")
    }
}

// The inherent `name` returns `&str` where the trait wants `String`: one
// error at `name` in `except(...)` giving the signature it must have, and
// rustc's `.to_string()` fix is not written into `except(name)`.
#[derive(RealizeForward)]
#[realize_forward(Tracker, except(name))]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
}

impl LazyTracker {
    fn name(&self) -> &'static str {
        "int"
    }
}

fn main() {}
