// Flags written as a string, `#[realize("plain")]`, or as a value,
// `#[realize = "deref"]`: one error each, saying to write them without
// quotes or in parentheses, and the derive goes on with the flags the
// string names, as for `realize_forward("Tracker")`, so that using the
// wrappers is no further error.

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn set(&mut self, value: u8);
}

pub struct Real(pub u8);
impl Tracker for Real {
    fn python_type(&self) -> &'static str {
        "int"
    }
    fn set(&mut self, value: u8) {
        self.0 = value;
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct Quoted {
    #[realize("plain")]
    inner: Real,
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct QuotedTogether {
    #[realize("plain, deref")]
    inner: Box<Real>,
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct AsAValue {
    #[realize = "deref"]
    cache: Lazy<Box<Real>>,
}

fn main() {
    let mut quoted = Quoted { inner: Real(0) };
    quoted.set(1);
    let mut together = QuotedTogether { inner: Box::new(Real(0)) };
    together.set(1);
    let mut value = AsAValue { cache: Lazy::new(|| Box::new(Real(0))) };
    value.set(1);
    assert_eq!(value.python_type(), "int");
}
