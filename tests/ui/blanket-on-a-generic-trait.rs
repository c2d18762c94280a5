//! `#[forwardable(blanket)]` writes one impl for every wrapper: a trait with
//! generic parameters, whose arguments each wrapper names, cannot have one.
//! The one error is at `blanket`: the trait is written as without it, and
//! its derives work.

use lazy_core::{Lazy, RealizeForward};

#[lazy_core::forwardable(blanket)]
pub trait Store<T> {
    fn get(&self) -> T;
}

pub struct Real;

impl Store<u8> for Real {
    fn get(&self) -> u8 {
        1
    }
}

#[derive(RealizeForward)]
#[realize_forward(Store<u8>)]
pub struct LazyStore(#[realize] Lazy<Real>);

fn main() {
    let _: u8 = LazyStore(Lazy::new(|| Real)).get();
}
