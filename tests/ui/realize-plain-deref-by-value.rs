// `self` by value cannot be forwarded to what a `#[realize(plain, deref)]`
// field points to, in a struct or in an enum's variant: one error each, at
// `deref`, with the fix. `#[derive(FromRealized)]` cannot build the field
// back from its pointee either.

use lazy_core::{FromRealized, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn into_name(self) -> String;
}

pub struct Real;
impl Tracker for Real {
    fn python_type(&self) -> &'static str {
        "int"
    }
    fn into_name(self) -> String {
        String::from("x")
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct Boxed(#[realize(plain, deref)] Box<Real>);

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub enum AnyTracker {
    Real(Real),
    Boxed(#[realize(plain, deref)] Box<Real>),
}

#[derive(FromRealized)]
pub struct Rebuilt(#[realize(plain, deref)] Box<Real>);

fn main() {}
