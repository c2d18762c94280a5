//! A wrapper of `blanket` trait whose target lacks the trait: one error, at
//! the trait's name in `realize_forward(...)`, as without `blanket`, and no
//! word of the hidden blanket impl.

use lazy_core::{Lazy, RealizeForward};

#[lazy_core::forwardable(blanket)]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

pub struct Real;

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyReal {
    #[realize]
    cache: Lazy<Real>,
}

fn main() {}
