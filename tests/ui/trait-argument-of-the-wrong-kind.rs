use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Pair<'a, T> {
    fn first(&self, x: &'a T) -> u8;
}

#[forwardable]
pub trait Sized3<const N: usize> {
    fn bytes(&self) -> [u8; N];
}

pub struct Real;

impl<'a, T> Pair<'a, T> for Real {
    fn first(&self, _x: &'a T) -> u8 {
        1
    }
}

impl<const N: usize> Sized3<N> for Real {
    fn bytes(&self) -> [u8; N] {
        [0; N]
    }
}

/// A value for a type parameter.
#[derive(RealizeForward)]
#[realize_forward(Pair<'static, 3>)]
pub struct ValueForType {
    #[realize]
    cache: Lazy<Real>,
}

/// Types for a const parameter.
#[derive(RealizeForward)]
#[realize_forward(Sized3<u8>)]
pub struct PrimitiveForValue {
    #[realize]
    cache: Lazy<Real>,
}

#[derive(RealizeForward)]
#[realize_forward(Sized3<Vec<u8>>)]
pub struct TypeForValue {
    #[realize]
    cache: Lazy<Real>,
}

/// A const's name, which syn reads as a type, is a value.
const FOUR: usize = 4;

#[derive(RealizeForward)]
#[realize_forward(Sized3<FOUR>)]
pub struct NamedValue {
    #[realize]
    cache: Lazy<Real>,
}

fn main() {
    assert_eq!(NamedValue { cache: Lazy::new(|| Real) }.bytes(), [0; 4]);
}
