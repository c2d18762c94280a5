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
#[realize_forward(Tracker)]
#[realize_forward(Tracker, except(python_type))]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
}

/// A raw name is the same name.
#[derive(RealizeForward)]
#[realize_forward(Tracker, r#Tracker)]
pub struct RawTracker {
    #[realize]
    cache: Lazy<u8>,
}

fn main() {}
