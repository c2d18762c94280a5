// A mirror that declares the trait's parameters, with a `remote` path that
// gives them arguments too: one error at the arguments, saying the derive
// gives them (each derive was "expected `::`, found keyword `for`"); the
// mirror is then of the trait the path names, and its derives forward. (A
// mirror without parameters may name one instance: tests/test_regressions.rs.)
use lazy_core::{Lazy, RealizeForward};

#[lazy_core::forwardable(remote = ::core::ops::Add<u8>)]
pub trait Add<Rhs = Self> {
    type Output;
    fn add(self, rhs: Rhs) -> Self::Output;
}

#[lazy_core::forwardable(remote = ::core::ops::Mul::<u8>)]
pub trait Mul<Rhs = Self> {
    type Output;
    fn mul(self, rhs: Rhs) -> Self::Output;
}

/// A mirror of one instance whose path binds the associated type too: one
/// error at the binding (each derive was E0229), which is dropped.
#[lazy_core::forwardable(remote = ::core::ops::Sub<u8, Output = u8>)]
pub trait SubU8 {
    type Output;
    fn sub(self, rhs: u8) -> Self::Output;
}

/// Arguments on a module's name before the trait's: one error at them
/// (each derive was E0229 or E0109), and they are dropped.
#[lazy_core::forwardable(remote = ::core::ops<Output = u8>::Div::<u8>)]
pub trait DivU8 {
    type Output;
    fn div(self, rhs: u8) -> Self::Output;
}

#[lazy_core::forwardable(remote = ::core<u8>::ops::Rem<u8>)]
pub trait RemU8 {
    type Output;
    fn rem(self, rhs: u8) -> Self::Output;
}

#[derive(RealizeForward)]
#[realize_forward(Add<u8>, Mul<u8>, SubU8, DivU8, RemU8)]
pub struct LazyByte(#[realize] Lazy<u8>);

fn main() {
    let _: u8 = LazyByte(Lazy::new(|| 2)) + 1;
    let _: u8 = LazyByte(Lazy::new(|| 2)) * 3;
    let _: u8 = LazyByte(Lazy::new(|| 2)) - 1;
    let _: u8 = LazyByte(Lazy::new(|| 2)) / 1;
    let _: u8 = LazyByte(Lazy::new(|| 2)) % 1;
}
