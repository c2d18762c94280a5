//! A forgotten `#[realize]` on a wrapper whose trait has a method returning
//! `Self`, with `FromRealized` implemented: one error, that the wrapper
//! cannot be realized. Building the wrapper back names the target the field
//! shows, not the wrapper's `Realize`, so it adds no error of its own (it
//! added "cannot be built back from its target `<W as Realize>::Target`",
//! beside the impl it has, while the check was through `Realize`).

use lazy_core::{FromRealized, Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Shape {
    fn area(&self) -> u32;
    fn scaled(&self, k: u32) -> Self;
}

pub struct Square(u32);

impl Shape for Square {
    fn area(&self) -> u32 {
        self.0 * self.0
    }
    fn scaled(&self, k: u32) -> Self {
        Square(self.0 * k)
    }
}

#[derive(RealizeForward)]
#[realize_forward(Shape)]
pub struct Named {
    shape: Lazy<Square>,
}

impl FromRealized<Square> for Named {
    fn from_realized(square: Square) -> Self {
        Named {
            shape: FromRealized::from_realized(square),
        }
    }
}

fn main() {}
