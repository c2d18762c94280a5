// An associated const of the wrapper's own type (`const ZERO: Self;`, as
// num-traits' `ConstZero` has) cannot be forwarded: one error at the
// trait's path in each derive (it said "expected `LazyNumber`, found `u32`"
// at `#[forwardable]`), and none about the impl. With a default, the const
// keeps it and the derive forwards the rest.
use lazy_core::{Lazy, RealizeForward};

#[lazy_core::forwardable]
pub trait ConstZero {
    const ZERO: Self;
    const WIDTH: u32;
    fn is_zero(&self) -> bool;
}

#[lazy_core::forwardable]
pub trait Defaulted: Sized {
    const NOTHING: Option<Self> = None;
    fn get(&self) -> u32;
}

impl ConstZero for u32 {
    const ZERO: Self = 0;
    const WIDTH: u32 = 32;
    fn is_zero(&self) -> bool {
        *self == 0
    }
}

impl Defaulted for u32 {
    fn get(&self) -> u32 {
        *self
    }
}

#[derive(RealizeForward)]
#[realize_forward(ConstZero, Defaulted)]
pub struct LazyNumber(#[realize] Lazy<u32>);

#[derive(RealizeForward)]
#[realize_forward(ConstZero)]
pub enum Number {
    Later(#[realize] Lazy<u32>),
    Now(u32),
}

fn main() {
    let lazy = LazyNumber(Lazy::new(|| 0));
    assert!(lazy.is_zero() && lazy.get() == 0 && LazyNumber::WIDTH == 32);
    assert!(LazyNumber::NOTHING.is_none());
    assert!(Number::Now(0).is_zero());
}
