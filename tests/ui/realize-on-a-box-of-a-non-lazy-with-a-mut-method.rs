use lazy_core::{RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn call(&mut self, x: u8) -> u8;
}

pub struct Real;

impl Tracker for Real {
    fn python_type(&self) -> &'static str {
        "int"
    }
    fn call(&mut self, x: u8) -> u8 {
        x
    }
}

// `#[realize]` on a `Box` of something that is not a lazy, with a
// `&mut self` method: the error that `Real` is not `Realize` comes first;
// rustc adds that it cannot lend its value mutably (at the field's type),
// and the note says which of these to fix (a known limit: the derive cannot
// see the field's type, so rustc reports each bound it cannot prove).
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize]
    cache: Box<Real>,
}

fn main() {}
