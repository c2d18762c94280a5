// `#[derive(FromRealized)]` on a wrapper with fields besides its target: a
// new wrapper could not know what they hold. One error at the wrapper's
// name; so is a wrapper without a marked field.

use lazy_core::FromRealized;

pub struct Square(u32);

#[derive(FromRealized)]
pub struct Named {
    name: &'static str,
    #[realize(plain)]
    shape: Square,
}

#[derive(FromRealized)]
pub struct Unmarked(Square);

fn main() {}
