// A seed that builds another type than the lazy holds (`Box<Real>` for a
// `Lazy<Real, ..>`): the message says it is no seed of this lazy's value,
// and the note that `Lazy<T, S>` needs `S: Seed<Output = T>`; it said the
// function was no seed at all. (Three errors: the bound fails in the
// `Realize` impl, the trait's and `RealizeMut`'s, as for a seed that is no
// seed at all.)
use lazy_core::{Lazy, RealizeForward, forwardable};

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

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<Real, fn() -> Box<Real>>,
}

fn main() {}
