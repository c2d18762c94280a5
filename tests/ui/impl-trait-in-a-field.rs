use lazy_core::{Lazy, RealizeAll, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn set_name_hint(&mut self, name: &str);
}

pub struct Real;
impl Tracker for Real {
    fn python_type(&self) -> &'static str { "int" }
    fn set_name_hint(&mut self, _: &str) {}
}

// `impl Trait` in a field is rustc's E0562; each impl that copied the type
// would repeat it ("not allowed in bounds", "in paths", "in associated
// types"). Two errors at each: the derive's, with the types to write, and
// rustc's.

// A closure written as the seed's type.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<Real, impl FnOnce() -> Real>,
}

// A variant's target.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub enum AnyTracker {
    Now(Real),
    Other(impl Tracker),
}

// A field that `RealizeAll` walks: rustc's error alone.
#[derive(RealizeAll)]
pub struct Trackers {
    first: Lazy<u64>,
    later: Lazy<u64, impl FnOnce() -> u64>,
}

fn main() {}
