// Two or more `#[realize]` attributes on one field are read as one, on a
// struct's field as on an enum variant's: each after the first is one error
// naming the one attribute that says them all, and the derive goes on with
// it, so that nothing follows. A mistake in one of them is its own error.

use lazy_core::{Lazy, RealizeForward, forwardable};

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
impl Tracker for String {
    fn python_type(&self) -> &'static str {
        "str"
    }
}

// `plain` in the second: a `String` is then no mistake (it was "not a lazy"
// and "only one field can be `#[realize]`").
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct PlainSecond(#[realize] #[realize(plain)] String);

// Three: both errors name all three's flags.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct Three(#[realize(plain)] #[realize] #[realize(deref)] Box<Real>);

// One unreadable: its error, and the other is read.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct Unreadable(#[realize(bogus)] #[realize(plain)] Real);

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub enum AnyTracker {
    Lazy(#[realize] Lazy<Real>),
    PlainSecond(#[realize] #[realize(plain)] Real),
    Three(#[realize(plain)] #[realize] #[realize(deref)] Box<Real>),
    Unreadable(#[realize(bogus)] #[realize(plain)] Real),
}

fn main() {
    assert_eq!(PlainSecond(String::new()).python_type(), "str");
}
