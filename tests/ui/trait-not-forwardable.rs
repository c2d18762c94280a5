use lazy_core::{Lazy, RealizeForward};

pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
}

fn main() {}
