// The target itself in a field, with no lazy and no `#[realize]`, as
// forwarding crates without lazies take it: forwarding a `&mut self` method
// is one error at the struct, whose note names `#[realize(plain)]` (a trait
// of `&self` methods alone gets `Realize`'s, which names it too); a `self`
// method, one error whose note names it too.
use lazy_core::{RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn call(&mut self, args: &[i64]) -> i64;
}

pub struct Real;
impl Tracker for Real {
    fn python_type(&self) -> &'static str { "int" }
    fn call(&mut self, args: &[i64]) -> i64 { args.iter().sum() }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct Wrapped {
    inner: Real,
}

#[forwardable]
pub trait Named {
    fn into_name(self) -> String;
}

impl Named for Real {
    fn into_name(self) -> String { String::from("real") }
}

#[derive(RealizeForward)]
#[realize_forward(Named)]
pub struct Moved {
    inner: Real,
}

fn main() {}
