//! A generic wrapper in a `blanket` trait's impl whose target lacks the
//! trait: a method call says that the target lacks it, with no word of the
//! hidden `Forwards`; a bound elsewhere says that the wrapper lacks it (the
//! blanket impl is `do_not_recommend`), where without `blanket` rustc goes
//! on to the target.

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable(blanket)]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

pub struct Untracked;

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker<T>(#[realize] Lazy<T>);

fn tracked<X: Tracker>(_: X) {}

fn main() {
    LazyTracker(Lazy::new(|| Untracked)).python_type();
    tracked(LazyTracker(Lazy::new(|| Untracked)));
}
