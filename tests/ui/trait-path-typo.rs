// Misspelled traits in paths: one error each, rustc's "unresolved import",
// at the name that names nothing (not over a span from the derive to the
// path), with its suggestion of the name meant, or of the import meant
// given as a help (not written over the attribute with the derive's alias).
use lazy_core::{Lazy, RealizeForward};

pub mod traits {
    #[lazy_core::forwardable]
    pub trait Tracker {
        fn python_type(&self) -> &'static str;
    }
}

pub mod other {}

#[derive(RealizeForward)]
#[realize_forward(traits::Traker)]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
}

#[derive(RealizeForward)]
#[realize_forward(other::Tracker)]
pub struct LazyOther {
    #[realize]
    cache: Lazy<u8>,
}

fn main() {}
