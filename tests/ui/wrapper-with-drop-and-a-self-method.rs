use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Finish {
    fn finish(self) -> u8;
}

pub struct Real;

impl Finish for Real {
    fn finish(self) -> u8 {
        0
    }
}

// A wrapper that implements `Drop` cannot give its lazy away to a `self`
// method. The derive cannot see the `Drop` impl; its `RealizeInto` impl asks
// the type system, and the one error (in place of rustc's E0509) is at the
// `#[realize]` field's type, saying to list the method in `except(...)` or
// to drop the `Drop` impl.
#[derive(RealizeForward)]
#[realize_forward(Finish)]
pub struct LazyFinish {
    #[realize]
    cache: Lazy<Real>,
}

impl Drop for LazyFinish {
    fn drop(&mut self) {}
}

fn main() {}
