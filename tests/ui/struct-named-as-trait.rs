use lazy_core::{Lazy, RealizeForward};

pub struct Real;

// A struct where a trait goes: rustc's "cannot find macro", whose note says
// `Real` is a struct.
#[derive(RealizeForward)]
#[realize_forward(Real)]
pub struct LazyReal {
    #[realize]
    cache: Lazy<Real>,
}

fn main() {}
