// Methods that cannot be forwarded and return `impl Trait`: one error each,
// and no second error from the stub that keeps the impl complete (its body
// once was `unreachable!()`, and `!` is not an iterator; then a call to the
// target's method, which does not fit where `Self` is in the signature).
// `make`, without a receiver, is forwarded to the target's: no error.

use std::rc::Rc;

#[lazy_core::forwardable]
pub trait Source {
    fn make() -> impl Iterator<Item = u8>;
    fn drain(self: Rc<Self>, limit: usize) -> impl Iterator<Item = u8>;
    fn many() -> impl Iterator<Item = Self>;
    fn merge(self: Rc<Self>, other: &Self) -> impl Iterator<Item = u8>;
    fn next(&mut self) -> Option<u8>;
}

pub struct Bytes;

impl Source for Bytes {
    fn make() -> impl Iterator<Item = u8> {
        0..3
    }
    fn drain(self: Rc<Self>, limit: usize) -> impl Iterator<Item = u8> {
        (0..3).take(limit)
    }
    fn many() -> impl Iterator<Item = Self> {
        std::iter::once(Bytes)
    }
    fn merge(self: Rc<Self>, _: &Self) -> impl Iterator<Item = u8> {
        0..3
    }
    fn next(&mut self) -> Option<u8> {
        None
    }
}

#[derive(lazy_core::RealizeForward)]
#[realize_forward(Source)]
pub struct LazyBytes(#[realize] lazy_core::Lazy<Bytes>);

fn main() {}
