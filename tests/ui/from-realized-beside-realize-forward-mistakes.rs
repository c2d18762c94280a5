// `#[derive(FromRealized)]` beside `#[derive(RealizeForward)]`, with a
// mistake in the marks that both read: `#[realize]` on the type, on two
// fields. One error each, the one both derives give at the same token
// (rustc shows it once); FromRealized said something else beside it before
// ("mark its field", "needs one field"). `#[realize]` on the type of a
// wrapper whose one lazy is the field is read as meant by both.

use lazy_core::{FromRealized, Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Dup {
    fn dup(&self) -> Self;
}

pub struct Real(pub u8);

impl Dup for Real {
    fn dup(&self) -> Self {
        Real(self.0 + 1)
    }
}

#[derive(RealizeForward, FromRealized)]
#[realize_forward(Dup)]
#[realize]
pub struct OnTheType(Lazy<Real>);

#[derive(RealizeForward, FromRealized)]
#[realize_forward(Dup)]
pub struct TwoMarks {
    #[realize]
    first: Lazy<Real>,
    #[realize]
    second: Lazy<Real>,
}

#[derive(RealizeForward, FromRealized)]
#[realize_forward(Dup)]
pub struct MarkAndPlain {
    #[realize(plain)]
    first: Real,
    #[realize]
    second: Lazy<Real>,
}

fn main() {
    let _ = OnTheType(Lazy::new(|| Real(1))).dup();
}
