// `#[derive(FromRealized)]` refused (other fields, a shared lazy, a deref
// field, an enum) beside a derive that forwards methods returning `Self`:
// the refusal is the one error of each wrapper. The derive writes, beside
// it, an impl that stands in for the one the user is to write, so that the
// forwarders and the calls below do not each say again that the wrapper
// is not `FromRealized`.
use std::rc::Rc;

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

#[derive(RealizeForward, FromRealized)]
#[realize_forward(Shape)]
pub struct Tagged {
    tag: u8,
    #[realize]
    square: Lazy<Square>,
}

#[derive(RealizeForward, FromRealized)]
#[realize_forward(Shape)]
pub struct Shared(#[realize] Rc<Lazy<Square>>);

#[derive(RealizeForward, FromRealized)]
#[realize_forward(Shape)]
pub struct Boxed(#[realize(plain, deref)] Box<Square>);

#[derive(RealizeForward, FromRealized)]
#[realize_forward(Shape)]
pub struct Generic<T: Shape> {
    tag: u8,
    #[realize]
    shape: Lazy<T>,
}

#[derive(RealizeForward, FromRealized)]
#[realize_forward(Shape)]
pub enum Either {
    Lazy(#[realize] Lazy<Square>),
    Ready(#[realize(plain)] Square),
}

fn main() {
    let tagged = Tagged { tag: 0, square: Lazy::new(|| Square(2)) };
    let shared = Shared(Rc::new(Lazy::new(|| Square(2))));
    let boxed = Boxed(Box::new(Square(2)));
    let generic = Generic { tag: 0, shape: Lazy::new(|| Square(2)) };
    let either = Either::Ready(Square(2));
    let _ = tagged.scaled(2).area() + u32::from(tagged.tag);
    let _ = shared.scaled(2).area();
    let _ = boxed.scaled(2).area();
    let _ = generic.scaled(2).area() + u32::from(generic.tag);
    let _ = either.scaled(2).area();
}
