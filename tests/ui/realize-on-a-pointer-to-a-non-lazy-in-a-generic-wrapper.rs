// `#[realize]` on a pointer to something that is not a lazy, in a wrapper
// with generic parameters that the field's type does not use (`&'a Real`,
// `Box<Real>` beside a `T`): one error at the field's type, as in a wrapper
// without parameters. It was one more for every forwarded method and trait.

use lazy_core::{RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn kind(&self) -> u8;
}

#[forwardable]
pub trait Named {
    fn name(&self) -> String;
}

pub struct Real;

impl Tracker for Real {
    fn python_type(&self) -> &'static str {
        "int"
    }
    fn kind(&self) -> u8 {
        0
    }
}

impl Named for Real {
    fn name(&self) -> String {
        String::from("x")
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker, Named)]
pub struct Borrowed<'a> {
    #[realize]
    cache: &'a Real,
}

#[derive(RealizeForward)]
#[realize_forward(Tracker, Named)]
pub struct Boxed<T> {
    #[realize]
    cache: Box<Real>,
    tag: T,
}

fn main() {}
