// `FromRealized` implemented for another type than the wrapper's target (the
// lazy, `Lazy<Square>`, where the target is `Square`), with a forwarded
// method that returns `Self`: one error, at the trait's name, that the
// wrapper cannot be built back from `Square`. The forwarders name the
// target, so rustc does not take the one impl's `Lazy<Square>` for it (2
// more errors at `#[forwardable]` before: a mismatched type, and
// `Lazy<Square>: Shape`).

use lazy_core::{FromRealized, Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Shape {
    fn side(&self) -> u32;
    fn scaled(&self, k: u32) -> Self;
}

pub struct Square(u32);

impl Shape for Square {
    fn side(&self) -> u32 {
        self.0
    }
    fn scaled(&self, k: u32) -> Self {
        Square(self.0 * k)
    }
}

#[derive(RealizeForward)]
#[realize_forward(Shape)]
pub struct Wrapper {
    #[realize]
    cache: Lazy<Square>,
}

impl FromRealized<Lazy<Square>> for Wrapper {
    fn from_realized(cache: Lazy<Square>) -> Self {
        Wrapper { cache }
    }
}

fn main() {}
