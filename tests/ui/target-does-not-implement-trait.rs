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

// The target is `Box<dyn Tracker>`, which does not implement `Tracker`:
// `#[realize(deref)]` would make the target `dyn Tracker`.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<Box<dyn Tracker>>,
}

fn main() {}
