// std's traits named through their module (`fmt::Display` after `use
// std::fmt;`): one error each, at the path. One with a mirror names it, as
// for the bare name; one without (`ops::Add`) says to write a mirror, and
// nothing about its `Rhs = Self` parameter (the probe of the path asked
// `?Sized` of a type, which `Add` cannot have: a second error before).
use std::fmt;
use std::ops;

use lazy_core::{Lazy, RealizeForward};

#[derive(RealizeForward)]
#[realize_forward(fmt::Display)]
pub struct Text {
    #[realize]
    cache: Lazy<String>,
}

#[derive(RealizeForward)]
#[realize_forward(ops::Add)]
pub struct Number {
    #[realize]
    cache: Lazy<u8>,
}

fn main() {}
