// `#[derive(FromRealized)]` on a wrapper whose `#[realize]` field is an
// `Rc` of a lazy: nothing builds a new `Rc` around a target (the lazy is
// shared), which the error at the field's type says.
use std::rc::Rc;

use lazy_core::{FromRealized, Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Shape {
    fn area(&self) -> u32;
}

pub struct Square(u32);

impl Shape for Square {
    fn area(&self) -> u32 {
        self.0 * self.0
    }
}

#[derive(RealizeForward, FromRealized)]
#[realize_forward(Shape)]
pub struct Shared(#[realize] Rc<Lazy<Square>>);

fn main() {}
