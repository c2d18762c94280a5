//! `#[forwardable(blanket)]` writes one impl for every wrapper, whose
//! forwarders cannot say that the wrapper's `Item` (a supertrait's) is the
//! target's. The one error is at the first such name in a signature (a
//! default body may name it): the trait is written as without `blanket`,
//! and its derives work.

use lazy_core::{Lazy, RealizeForward, remote};

#[lazy_core::forwardable(blanket)]
pub trait Peek: Iterator {
    type Own;
    fn peek(&self) -> Option<&Self::Item>;
    fn own(&self) -> Self::Own;
    fn skip_to(&mut self, item: <Self as Iterator>::Item) -> usize {
        let _: Option<Self::Item> = None;
        let _ = item;
        0
    }
}

pub struct Real(Vec<u8>);

impl Iterator for Real {
    type Item = u8;
    fn next(&mut self) -> Option<u8> {
        self.0.pop()
    }
}

impl Peek for Real {
    type Own = ();
    fn peek(&self) -> Option<&u8> {
        self.0.last()
    }
    fn own(&self) {}
}

#[derive(RealizeForward)]
#[realize_forward(Peek, remote::Iterator)]
pub struct LazyReal(#[realize] Lazy<Real>);

fn main() {
    let lazy = LazyReal(Lazy::new(|| Real(vec![1, 2])));
    let _: Option<&u8> = lazy.peek();
}
