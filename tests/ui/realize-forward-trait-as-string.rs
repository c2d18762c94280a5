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

// A trait is named by its path: one error at the string, saying to drop the
// quotes. The string's path is read as meant: the wrapper forwards the
// trait, and its uses add no error (each was one more, the impl missing).
#[derive(RealizeForward)]
#[realize_forward("Tracker")]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
}

fn main() {
    let tracker = LazyTracker { cache: Lazy::new(|| 1) };
    let _: &str = tracker.python_type();
}
