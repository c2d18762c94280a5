//! A `#[realize]` reference written without a lifetime (`&Lazy<Real>`): one
//! error, rustc's, with its fix. The impls the derive writes name the field's
//! type too; each repeated the mistake ("missing lifetime in associated
//! type" for a struct, E0637 for an enum, and E0310 for a generic enum's
//! parameter).

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn name(&self) -> String;
}

pub struct Real;

impl Tracker for Real {
    fn name(&self) -> String {
        "real".to_string()
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct Borrowed<'a> {
    #[realize]
    cache: &Lazy<Real>,
    other: &'a str,
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub enum Either {
    Ready(Real),
    Later(#[realize] &Lazy<Real>),
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub enum Generic<X: Tracker> {
    Ready(Real),
    Later(#[realize] &Lazy<X>),
}

fn names(borrowed: &Borrowed, either: &Either, generic: &Generic<Real>) -> String {
    borrowed.name() + &either.name() + &generic.name()
}

fn main() {}
