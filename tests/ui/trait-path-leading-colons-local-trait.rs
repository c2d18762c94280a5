// `::Tracker` names a crate from edition 2018 on, not the crate's own
// trait: the one error is at `Tracker` in `realize_forward(...)`, with
// rustc's help to write `crate::Tracker`, not at the derive.
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

#[derive(RealizeForward)]
#[realize_forward(::Tracker)]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
}

fn main() {}
