// A wrapper without parameters whose target its field does not show (a lazy
// behind an alias; a `Realize` written by hand), forwarding a method that
// returns `Self`, without `FromRealized`: one error at the trait's name that
// says what to implement, and the calls of the forwarded methods add none.
use lazy_core::{Lazy, Realize, RealizeForward, forwardable};

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

type Cached = Lazy<Square>;

#[derive(RealizeForward)]
#[realize_forward(Shape)]
pub struct Aliased {
    #[realize]
    cache: Cached,
}

#[derive(RealizeForward)]
#[realize_forward(Shape)]
pub struct ByHand {
    square: Square,
}

impl Realize for ByHand {
    type Target = Square;
    fn realize(&self) -> &Square {
        &self.square
    }
}

fn main() {
    let aliased = Aliased { cache: Lazy::new(|| Square(2)) };
    let by_hand = ByHand { square: Square(2) };
    let _ = aliased.scaled(2).area() + aliased.scaled(3).area();
    let _ = by_hand.scaled(2).area() + by_hand.scaled(3).area();
}
