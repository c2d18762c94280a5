// The helper attributes written with the crate's path, as the derive may
// be: one error at each path saying to write it without one (beside
// rustc's "cannot find"), read as meant, so that the wrapper forwards and
// its uses add no error. It said the attribute was missing.
use lazy_core::{Lazy, forwardable};

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

#[derive(lazy_core::RealizeForward)]
#[lazy_core::realize_forward(Tracker)]
pub struct LazyTracker {
    #[::lazy_core::realize]
    cache: Lazy<Real>,
}

#[derive(lazy_core::RealizeForward)]
#[lazy_core::realize_forward(Tracker)]
pub enum AnyTracker {
    Now(Real),
    Later(#[lazy_core::realize] Lazy<Real>),
}

fn main() {
    let mut tracker = LazyTracker { cache: Lazy::new(|| Real) };
    let _ = (tracker.python_type(), tracker.call(&[1, 2]));
    let mut any = AnyTracker::Now(Real);
    let _ = (any.python_type(), any.call(&[1]));
}
