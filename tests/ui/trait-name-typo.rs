// A misspelled trait name: one error at the name, with rustc's suggestion
// of the name meant.
use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

#[derive(RealizeForward)]
#[realize_forward(Traker)]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
}

fn main() {}
