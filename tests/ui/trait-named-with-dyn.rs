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

// `dyn Tracker` where the trait's path goes: one error at `dyn`, to drop it.
// The path after it is read as meant: the wrapper forwards the trait, and
// its uses add no error.
#[derive(RealizeForward)]
#[realize_forward(dyn Tracker)]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
}

fn main() {
    let tracker = LazyTracker { cache: Lazy::new(|| 1) };
    let _: &str = tracker.python_type();
}
