use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

// A trait is named by its path: one error at the string, saying to drop the
// quotes.
#[derive(RealizeForward)]
#[realize_forward("Tracker")]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
}

fn main() {}
