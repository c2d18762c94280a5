// `#[forwardable]` written on the trait but not imported: rustc's error at
// the attribute, then the derive's, whose note says to import it.

use lazy_core::{Lazy, RealizeForward};

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
pub struct Wrapper {
    #[realize]
    cache: Lazy<Real>,
}

fn main() {}
