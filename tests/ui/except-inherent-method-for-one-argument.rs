// An `except(...)` method written for one argument of a generic wrapper
// (`impl Wrapper<Real>`) is not there for the others: the error says to
// write it for all.

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn id(&self) -> u8;
}

pub struct Real;

impl Tracker for Real {
    fn python_type(&self) -> &'static str {
        "int"
    }
    fn id(&self) -> u8 {
        1
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker, except(python_type))]
pub struct Wrapper<T> {
    #[realize]
    cache: Lazy<T>,
}

impl Wrapper<Real> {
    pub fn python_type(&self) -> &'static str {
        "lazy int"
    }
}

fn main() {
    let wrapper = Wrapper { cache: Lazy::new(|| Real) };
    assert_eq!(Tracker::python_type(&wrapper), "lazy int");
}
