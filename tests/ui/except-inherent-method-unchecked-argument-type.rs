// An `except` method whose signature the derive's check does not cover (more
// than 12 parameters, a `dyn` type): an argument the inherent method takes
// as another type is rustc's error at the derive. It was at the trait's
// `#[forwardable]`, whose tokens the parameters' names come through.

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    #[allow(clippy::too_many_arguments)]
    fn many(
        &self,
        a: u8, b: u8, c: u8, d: u8, e: u8, f: u8,
        g: u8, h: u8, i: u8, j: u8, k: u8, l: u8,
    ) -> u8;
    fn show(&self, out: &mut dyn std::fmt::Write) -> u8;
}

impl Tracker for u8 {
    fn many(
        &self,
        a: u8, _: u8, _: u8, _: u8, _: u8, _: u8,
        _: u8, _: u8, _: u8, _: u8, _: u8, _: u8,
    ) -> u8 {
        a
    }
    fn show(&self, _: &mut dyn std::fmt::Write) -> u8 {
        0
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker, except(many, show))]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
}

impl LazyTracker {
    #[allow(clippy::too_many_arguments)]
    fn many(
        &self,
        a: u8, _: u8, _: u8, _: u8, _: u8, _: u8,
        _: u8, _: u8, _: u8, _: u8, _: u8, _: u16,
    ) -> u8 {
        a
    }

    fn show(&self, _: &mut dyn std::io::Write) -> u8 {
        0
    }
}

fn main() {}
