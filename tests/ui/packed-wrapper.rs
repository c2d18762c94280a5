// A packed wrapper cannot lend its lazy by reference: one error at `packed`;
// so for `RealizeAll`'s walk, and its uses add none.

use lazy_core::{Lazy, RealizeAll, RealizeForward, forwardable};

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

#[derive(RealizeAll)]
#[repr(packed)]
pub struct Frame {
    depth: u8,
    locals: Lazy<u32>,
}

fn main() {
    let frame = Frame { depth: 0, locals: Lazy::new(|| 1) };
    frame.realize_all();
}
