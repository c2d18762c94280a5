// rustc hands a derive's helper attribute over with brackets or braces as
// well as parentheses: each such attribute is one error that says to write
// parentheses, and the derive reads it as meant, so that the uses below add
// none.
use lazy_core::{Lazy, RealizeAll, RealizeForward, forwardable};

#[forwardable]
pub trait Shape {
    fn area(&self) -> u32;
}

pub struct Square(u32);

impl Shape for Square {
    fn area(&self) -> u32 {
        self.0
    }
}

#[derive(RealizeForward)]
#[realize_forward[Shape]]
pub struct Bracketed {
    #[realize]
    square: Lazy<Square>,
}

#[derive(RealizeForward)]
#[realize_forward(Shape)]
pub struct PlainInBrackets {
    #[realize[plain]]
    square: Square,
}

#[derive(RealizeForward)]
#[realize_forward{Shape}]
pub struct Braced {
    #[realize{plain}]
    square: Square,
}

pub struct Guards;

#[derive(RealizeAll)]
pub struct Frame {
    #[realize_all[skip]]
    guards: Guards,
    local: Lazy<u32>,
}

fn main() {
    let bracketed = Bracketed { square: Lazy::new(|| Square(2)) };
    let plain = PlainInBrackets { square: Square(3) };
    let braced = Braced { square: Square(4) };
    let _ = bracketed.area() + plain.area() + braced.area();
    Frame { guards: Guards, local: Lazy::new(|| 1) }.realize_all();
}
