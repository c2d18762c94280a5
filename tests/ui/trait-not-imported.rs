// A `#[forwardable]` trait of another module, not imported: one error at the
// name, with rustc's suggestion of the import.
use lazy_core::{Lazy, RealizeForward};

mod traits {
    #[lazy_core::forwardable]
    pub trait Tracker {
        fn python_type(&self) -> &'static str;
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
}

fn main() {}
