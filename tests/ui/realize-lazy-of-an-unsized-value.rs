// A lazy of a value whose size is not known (`Lazy<dyn Tracker>`,
// `sync::Lazy<str>`): rustc refuses the field itself, and the derive says
// at the value's type to hold it boxed and forward with `#[realize(deref)]`;
// the wrapper gets no impls, each of which would name the field's type and
// be rustc's error again (9 errors for the first wrapper before). Only a
// lazy named through lazy_core: a bare `Lazy` may be the user's own, which
// can hold an unsized value (tests/test_regressions.rs).
use lazy_core::{RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize]
    cache: lazy_core::Lazy<dyn Tracker>,
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyText {
    #[realize]
    cache: lazy_core::sync::Lazy<str>,
}

fn main() {}
