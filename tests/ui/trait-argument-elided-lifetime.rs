// A trait named with an elided lifetime (`Visitor<'_>`), which an impl's
// header cannot have: one error at `'_` that names both fixes, and the
// derive goes on with the trait named bare (forwarded for every lifetime),
// so the calls below add no error; with other arguments beside it too
// (`Pair<'_, u8>`). Before, rustc's E0637 alone, with no fix.
use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Visitor<'a> {
    fn visit(&mut self, name: &'a str) -> usize;
}

pub struct Real;

impl<'a> Visitor<'a> for Real {
    fn visit(&mut self, name: &'a str) -> usize {
        name.len()
    }
}

#[forwardable]
pub trait Pair<'a, T> {
    fn pair(&self, name: &'a str, value: T) -> usize;
}

impl<'a, T> Pair<'a, T> for Real {
    fn pair(&self, name: &'a str, _value: T) -> usize {
        name.len()
    }
}

#[derive(RealizeForward)]
#[realize_forward(Pair<'_, u8>)]
pub struct LazyPair {
    #[realize]
    cache: Lazy<Real>,
}

#[derive(RealizeForward)]
#[realize_forward(Visitor<'_>)]
pub struct LazyVisitor {
    #[realize]
    cache: Lazy<Real>,
}

fn main() {
    let mut visitor = LazyVisitor { cache: Lazy::new(|| Real) };
    let _ = visitor.visit("name");
    let pair = LazyPair { cache: Lazy::new(|| Real) };
    let _ = pair.pair("name", 1u8);
}
