//! A `blanket` trait's supertrait that the wrapper does not forward: one
//! error at the trait's name in `realize_forward(...)`.

use lazy_core::{Lazy, RealizeForward};

#[lazy_core::forwardable(blanket)]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

#[lazy_core::forwardable(blanket)]
pub trait Typed: Tracker {
    fn is_int(&self) -> bool;
}

pub struct Real;

impl Tracker for Real {
    fn python_type(&self) -> &'static str {
        "int"
    }
}

impl Typed for Real {
    fn is_int(&self) -> bool {
        true
    }
}

#[derive(RealizeForward)]
#[realize_forward(Typed)]
pub struct LazyReal {
    #[realize]
    cache: Lazy<Real>,
}

fn main() {}
