// An option of `#[realize_forward(...)]` that does not exist: the error
// names it, lists the valid one, and suggests it when the name is close. The
// trait is still forwarded, so nothing else is reported.

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

impl Tracker for u8 {
    fn python_type(&self) -> &'static str {
        "int"
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker, exept(python_type))]
pub struct Misspelled {
    #[realize]
    cache: Lazy<u8>,
}

#[derive(RealizeForward)]
#[realize_forward(Tracker, bogus(a))]
pub struct Unknown {
    #[realize]
    cache: Lazy<u8>,
}

fn main() {}
