use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

pub struct Real;
impl Tracker for Real {
    fn python_type(&self) -> &'static str {
        "int"
    }
}

// A union forwards only through a `Realize` impl of its own (the derive
// cannot tell which field is live): one error at `union`, whose note says so.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub union LazyTracker {
    cache: std::mem::ManuallyDrop<Lazy<Real>>,
}

fn main() {}
