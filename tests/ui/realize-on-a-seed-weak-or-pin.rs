// `#[realize]` on what builds a lazy (a boxed closure, a function pointer),
// on a `Weak` and on a `Pin`: one error each, at the type, saying what to
// hold instead.

use std::pin::Pin;
use std::rc::Weak;

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn get(&self) -> u8;
    fn bump(&mut self);
}

pub struct Real(u8);

impl Tracker for Real {
    fn get(&self) -> u8 {
        self.0
    }
    fn bump(&mut self) {
        self.0 += 1;
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct Closure(#[realize] Box<dyn Fn() -> Real>);

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct Function(#[realize] fn() -> Real);

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct Shared(#[realize] Weak<Lazy<Real>>);

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct Pinned(#[realize] Pin<Box<Lazy<Real>>>);

fn main() {}
