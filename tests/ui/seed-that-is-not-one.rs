//! A lazy's seed that is neither a `Seed` nor a closure with no arguments:
//! one error at the seed, which says what a seed can be (it said "expected
//! an `FnOnce()` closure", misleading for a seed type that lacks its impl);
//! a closure that takes arguments keeps rustc's error on its arity.

use lazy_core::{Lazy, sync};

pub struct FromSource(&'static str);

fn main() {
    let _typed: Lazy<u8, FromSource> = Lazy::new(FromSource("L['x']"));
    let _with_an_argument = sync::Lazy::new(|x: u8| x);
}
