// A forwarded method that returns `Self` builds the wrapper back with
// `FromRealized`: without an impl of it, one error at the trait in
// `realize_forward(...)` says what to implement.

use lazy_core::{RealizeForward, forwardable};

#[forwardable]
pub trait Shape {
    fn area(&self) -> u32;
    fn scaled(&self, k: u32) -> Self;
    fn halved(&self) -> Option<Self>
    where
        Self: Sized;
}

pub struct Square(u32);
impl Shape for Square {
    fn area(&self) -> u32 {
        self.0 * self.0
    }
    fn scaled(&self, k: u32) -> Self {
        Square(self.0 * k)
    }
    fn halved(&self) -> Option<Self> {
        None
    }
}

#[derive(RealizeForward)]
#[realize_forward(Shape)]
pub struct Named {
    #[realize(plain)]
    shape: Square,
}

fn main() {}
