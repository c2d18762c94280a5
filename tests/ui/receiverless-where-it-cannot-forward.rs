// A method without a receiver is forwarded by a struct to its target's own;
// where there is none to call, one error each, that says to answer it with
// `except(...)`: an enum (no value, so no variant), a target that is a trait
// object (its `where Self: Sized` function is not on `dyn Shape`; this was an
// unsized-target error and a `FromRealized` no wrapper can have), and a
// `blanket` trait (written once for any wrapper).
use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Shape {
    fn area(&self) -> u32;
    fn unit() -> Self
    where
        Self: Sized;
}

pub struct Square(u32);

impl Shape for Square {
    fn area(&self) -> u32 {
        self.0 * self.0
    }
    fn unit() -> Self {
        Square(1)
    }
}

#[derive(RealizeForward)]
#[realize_forward(Shape)]
pub enum AnyShape {
    Later(#[realize] Lazy<Square>),
    Now(Square),
}

#[derive(RealizeForward)]
#[realize_forward(Shape)]
pub struct Dyn(#[realize(deref)] Lazy<Box<dyn Shape>>);

#[forwardable(blanket)]
pub trait Kind {
    fn kind() -> &'static str;
    fn size(&self) -> u32;
}

fn main() {}
