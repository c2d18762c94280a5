// A packed wrapper cannot lend its lazy by reference: one error at `packed`.

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn get(&self) -> u8;
}

impl Tracker for u8 {
    fn get(&self) -> u8 {
        *self
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
#[repr(C, packed)]
pub struct Packed(#[realize] Lazy<u8>);

fn main() {}
