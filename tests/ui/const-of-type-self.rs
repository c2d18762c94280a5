// An associated const of the wrapper's own type (`const ZERO: Self;`, as
// num-traits' `ConstZero` has) cannot be forwarded: one error at the
// trait's path in each derive (it said "expected `LazyNumber`, found `u32`"
// at `#[forwardable]`), and none about the impl. With a default, the const
// keeps it and the derive forwards the rest; a projection (`<Self>::Unit`)
// forwards. Several such consts are one error that names them all. A
// mirror's fix is the impl by hand (a default there would not be
// the real trait's).
use lazy_core::{Lazy, RealizeForward};

#[lazy_core::forwardable]
pub trait ConstZero {
    type Unit;
    const ZERO: Self;
    const MAX: Self;
    const WIDTH: u32;
    const ONE: <Self>::Unit;
    fn is_zero(&self) -> bool;
}

#[lazy_core::forwardable]
pub trait Defaulted: Sized {
    const NOTHING: Option<Self> = None;
    fn get(&self) -> u32;
}

impl ConstZero for u32 {
    type Unit = u8;
    const ZERO: Self = 0;
    const MAX: Self = u32::MAX;
    const WIDTH: u32 = 32;
    const ONE: u8 = 1;
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

/// `blanket`: the const without a default is one error at it; with one, the
/// blanket impl keeps it.
#[lazy_core::forwardable(blanket)]
pub trait BlanketZero {
    const ZERO: Self;
    fn zero(&self) -> bool;
}

#[lazy_core::forwardable(blanket)]
pub trait BlanketAll: Sized {
    const ALL: &'static [Self] = &[];
    fn all(&self) -> usize;
}

impl BlanketAll for u32 {
    fn all(&self) -> usize {
        3
    }
}

#[derive(RealizeForward)]
#[realize_forward(BlanketAll)]
pub struct LazyAll(#[realize] Lazy<u32>);

mod mirrors {
    #[lazy_core::forwardable(remote = crate::ConstZero)]
    pub trait ConstZero {
        type Unit;
        const ZERO: Self;
        const MAX: Self;
        const WIDTH: u32;
        const ONE: <Self>::Unit;
        fn is_zero(&self) -> bool;
    }
}

#[derive(RealizeForward)]
#[realize_forward(mirrors::ConstZero)]
pub struct Mirrored(#[realize] Lazy<u32>);

fn main() {
    let lazy = LazyNumber(Lazy::new(|| 0));
    assert!(lazy.is_zero() && lazy.get() == 0 && LazyNumber::WIDTH == 32);
    assert_eq!(LazyNumber::ONE, 1);
    assert!(LazyAll::ALL.is_empty() && LazyAll(Lazy::new(|| 1)).all() == 3);
    assert!(LazyNumber::NOTHING.is_none());
    assert!(Number::Now(0).is_zero());
}
