// An associated type with a lifetime parameter that a variant's target
// gives another type: the arms disagree, one error at the trait's name.

use lazy_core::{RealizeForward, forwardable};

#[forwardable]
pub trait Shape {
    type Unit<'a>
    where
        Self: 'a;
    fn unit(&self) -> Self::Unit<'_>;
}

pub struct Square;
impl Shape for Square {
    type Unit<'a> = u8;
    fn unit(&self) -> u8 {
        1
    }
}

pub struct Circle;
impl Shape for Circle {
    type Unit<'a> = u16;
    fn unit(&self) -> u16 {
        2
    }
}

#[derive(RealizeForward)]
#[realize_forward(Shape)]
pub enum AnyShape {
    Square(Square),
    Circle(Circle),
}

fn main() {}
