// A method named by a keyword (`r#type`) listed in `except(...)` as the
// keyword alone: one error that says to write it raw. Before, the parser's
// "expected identifier, found keyword".
use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn r#type(&self) -> &'static str;
}

pub struct Real;

impl Tracker for Real {
    fn r#type(&self) -> &'static str {
        "int"
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker, except(type))]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<Real>,
}

impl LazyTracker {
    pub fn r#type(&self) -> &'static str {
        "lazy"
    }
}

fn main() {}
