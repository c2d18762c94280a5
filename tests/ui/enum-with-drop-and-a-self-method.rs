use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Finish {
    fn finish(self) -> u8;
    fn join(self, other: Self) -> u8;
    fn peek(&self) -> u8;
}

pub struct Real;

impl Finish for Real {
    fn finish(self) -> u8 {
        0
    }
    fn join(self, _: Self) -> u8 {
        0
    }
    fn peek(&self) -> u8 {
        0
    }
}

// An enum with a `Drop` impl cannot give its variants' values away to the
// `self` methods: one error at the trait's name (rustc's E0509 would be one
// per by-value method, at the derive, naming neither the method nor a fix).
#[derive(RealizeForward)]
#[realize_forward(Finish)]
pub enum LazyFinish {
    Lazy(#[realize] Lazy<Real>),
    Plain(Real),
}

impl Drop for LazyFinish {
    fn drop(&mut self) {}
}

fn main() {}
