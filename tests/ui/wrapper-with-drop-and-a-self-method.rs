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
// method. Known limit: the derive cannot see the `Drop` impl; rustc's one
// error (E0509) is at the `#[realize]` field's type, and the fix is to list
// `finish` in `except(...)` and answer it on the wrapper, or drop the `Drop`.
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
