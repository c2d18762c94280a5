// A lazy whose seed's size is not known (`Lazy<T, dyn FnOnce() -> T>`):
// rustc refuses the field itself, and the derive says at the seed's type to
// box it; the wrapper gets no impls, each of which would name the field's
// type and be rustc's error again (14 errors for each wrapper before). Only
// a lazy named through lazy_core, as for an unsized value
// (realize-lazy-of-an-unsized-value.rs). A slice or `str` is no seed at
// all: one error that says what a seed is (9 errors before).
use lazy_core::{RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn rename(&mut self, name: &str);
}

pub struct Real;

impl Tracker for Real {
    fn python_type(&self) -> &'static str {
        "real"
    }
    fn rename(&mut self, _: &str) {}
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct Built {
    #[realize]
    cache: lazy_core::Lazy<Real, dyn FnOnce() -> Real>,
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct Shared {
    #[realize]
    cache: lazy_core::sync::Lazy<Real, dyn FnOnce() -> Real + Send>,
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct Bytes {
    #[realize]
    cache: lazy_core::Lazy<Real, [u8]>,
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct Parenthesized {
    #[realize]
    cache: lazy_core::Lazy<Real, (dyn FnOnce() -> Real)>,
}

fn main() {}
