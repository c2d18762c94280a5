use lazy_core::{RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

#[forwardable]
pub trait Named {
    fn name(&self) -> String;
}

pub struct Real;

impl Tracker for Real {
    fn python_type(&self) -> &'static str {
        "int"
    }
}

impl Named for Real {
    fn name(&self) -> String {
        String::from("x")
    }
}

// `#[realize]` on a `Box` of something that is not a lazy, with two traits:
// the bound is on what the box holds, so rustc reports it once, at the
// field's type, not once more per trait.
#[derive(RealizeForward)]
#[realize_forward(Tracker, Named)]
pub struct LazyTracker {
    #[realize]
    cache: Box<Real>,
}

fn main() {}
