use lazy_core::{RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn call(&mut self, x: u8) -> u8;
    fn into_type(self) -> &'static str;
}

pub struct Real;

impl Tracker for Real {
    fn python_type(&self) -> &'static str {
        "int"
    }
    fn call(&mut self, x: u8) -> u8 {
        x
    }
    fn into_type(self) -> &'static str {
        "int"
    }
}

#[forwardable]
pub trait IntoType {
    fn into_type(self) -> &'static str;
}

impl IntoType for Real {
    fn into_type(self) -> &'static str {
        "int"
    }
}

// `#[realize]` on a `Box` of something that is not a lazy, with `self`
// methods (with or without `&mut self` ones): the error that `Real` is not
// `Realize`, and at the field's type that the box can neither lend nor give
// its value, each once; a wrapper's uses add none.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct AllReceivers {
    #[realize]
    cache: Box<Real>,
}

#[derive(RealizeForward)]
#[realize_forward(IntoType)]
pub struct ByValueOnly {
    #[realize]
    cache: Box<Real>,
}

fn main() {}
