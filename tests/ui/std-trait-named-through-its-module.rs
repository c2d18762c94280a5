// std's traits named through their module (`fmt::Display` after `use
// std::fmt;`): one error each, at the path. One with a mirror names it, as
// for the bare name; one without (`iter::Sum`) says to write a mirror, and
// nothing about its `A = Self` parameter (the probe of the path once asked
// `?Sized` of a type, which such a parameter cannot be: a second error,
// then, for `ops::Add`, which has a mirror since).
use std::fmt;
use std::iter;

use lazy_core::{Lazy, RealizeForward};

#[derive(RealizeForward)]
#[realize_forward(fmt::Display)]
pub struct Text {
    #[realize]
    cache: Lazy<String>,
}

#[derive(RealizeForward)]
#[realize_forward(iter::Sum)]
pub struct Number {
    #[realize]
    cache: Lazy<u8>,
}

fn main() {}
