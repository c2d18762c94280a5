// Mistakes in `#[realize(plain, deref)]` (a flag twice, capitalized, with a
// value, without its comma or with another separator, one flag in the
// other's parentheses): each is one error whose fix names
// the whole attribute meant, and the derive goes on with both flags, so
// nothing follows from it. A second attribute on the field is read as part
// of the first, on a struct's field as on an enum variant's.

use lazy_core::{RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

pub struct Real;
impl Tracker for Real {
    fn python_type(&self) -> &'static str {
        "int"
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct Twice(#[realize(plain, deref, deref)] Box<Real>);

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct Capitalized(#[realize(plain, Deref)] Box<Real>);

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct WithAValue(#[realize(plain, deref = true)] Box<Real>);

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct NoComma(#[realize(plain deref)] Box<Real>);

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct Semicolon(#[realize(plain; deref)] Box<Real>);

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct PathSeparator(#[realize(plain::deref)] Box<Real>);

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct Nested(#[realize(deref(plain))] Box<Real>);

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct TwoAttributes(#[realize(plain)] #[realize(deref)] Box<Real>);

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub enum AnyTracker {
    Real(Real),
    Twice(#[realize(plain, deref, deref)] Box<Real>),
    TwoAttributes(#[realize(plain)] #[realize(deref)] Box<Real>),
    Nested(#[realize(deref(plain))] Box<Real>),
}

fn main() {
    assert_eq!(Twice(Box::new(Real)).python_type(), "int");
    assert_eq!(Semicolon(Box::new(Real)).python_type(), "int");
    assert_eq!(Nested(Box::new(Real)).python_type(), "int");
}
