// A trait both forwarded and implemented by hand, for a wrapper whose impl
// the derive writes itself (an `except` name; an enum): rustc's one conflict
// (E0119) is at the trait's name in `realize_forward(...)`, beside the
// impl by hand. (For a wrapper whose impl the trait's hidden macro writes,
// it is at the trait's `#[forwardable]`: the macro's own tokens.)
use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn size(&self) -> u8;
}

pub struct Real;
impl Tracker for Real {
    fn python_type(&self) -> &'static str {
        "int"
    }
    fn size(&self) -> u8 {
        0
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker, except(size))]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<Real>,
}

impl LazyTracker {
    pub fn size(&self) -> u8 {
        1
    }
}

impl Tracker for LazyTracker {
    fn python_type(&self) -> &'static str {
        "int"
    }
    fn size(&self) -> u8 {
        1
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub enum AnyTracker {
    Lazy(#[realize] Lazy<Real>),
    Ready(Real),
}

impl Tracker for AnyTracker {
    fn python_type(&self) -> &'static str {
        "int"
    }
    fn size(&self) -> u8 {
        1
    }
}

fn main() {}
