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

// With bounds after the trait, one error too, and the trait read as meant.
#[derive(RealizeForward)]
#[realize_forward(dyn Tracker + Send + 'static)]
pub struct WithBounds {
    #[realize]
    cache: Lazy<u8>,
}

// `except(...)` inside the parentheses after it: the error says where it goes.
#[derive(RealizeForward)]
#[realize_forward(dyn Tracker(except(python_type)))]
pub struct ExceptInside {
    #[realize]
    cache: Lazy<u8>,
}

fn main() {
    let tracker = LazyTracker { cache: Lazy::new(|| 1) };
    let _: &str = tracker.python_type();
    let bounded = WithBounds { cache: Lazy::new(|| 1) };
    let _: &str = bounded.python_type();
}
