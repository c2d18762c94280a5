// Attributes in brackets, where the fix to name is not the bracket's:
// `#[realize[skip]]` is `#[realize_all(skip)]`'s option (one error, that
// one), `#[realize[]]` says what `#[realize]` takes (one error), a
// suggestion keeps the spaces that part two words (`&'static str`), and a
// field's `#[realize_all[skip]]` is reported beside another mistake.
use lazy_core::{Lazy, RealizeAll, RealizeForward, forwardable};

#[forwardable]
pub trait Named<T: ?Sized> {
    fn name(&self) -> u32;
}

// Walks, so that the bracket is `Skipped`'s one mistake.
#[derive(RealizeAll)]
pub struct Square(u32);

impl Named<&'static str> for Square {
    fn name(&self) -> u32 {
        self.0
    }
}

#[derive(RealizeForward, RealizeAll)]
#[realize_forward(Named<&'static str>)]
pub struct Skipped {
    #[realize]
    square: Lazy<Square>,
    #[realize[skip]]
    other: u8,
}

#[derive(RealizeForward)]
#[realize_forward(Named<&'static str>)]
pub struct Empty {
    #[realize[]]
    square: Lazy<Square>,
}

#[derive(RealizeForward)]
#[realize_forward[Named<&'static str>]]
pub struct Spaced(#[realize] Lazy<Square>);

pub struct Guards;

#[derive(RealizeAll)]
pub struct Frame {
    #[realize_all[skip]]
    guards: Guards,
    #[realize_all(skipp)]
    other: Guards,
}

fn main() {}
