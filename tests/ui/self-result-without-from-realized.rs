// A forwarded method that returns `Self` builds the wrapper back with
// `FromRealized`: without an impl of it, one error at the trait in
// `realize_forward(...)` says what to implement, and the wrapper still
// implements the trait, so its uses (calls of the forwarded methods,
// including the ones returning `Self`) add no error of their own. The impl's
// bound on `FromRealized` named no parameter: when it failed, rustc held the
// impl unimplemented, and each call was one more error (2 errors here: the
// first call's result was unknown to the rest).

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

fn main() {
    let named = Named { shape: Square(2) };
    let bigger = named.scaled(3);
    let _ = (bigger.area(), bigger.halved().is_none());
}
