use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Visitor<'a> {
    fn visit(&self, name: &'a str) -> &'a str;
}

pub struct Real;
impl<'a> Visitor<'a> for Real {
    fn visit(&self, name: &'a str) -> &'a str { name }
}

// `'a` is not declared on the wrapper: one error at `'a` that names both
// fixes (the trait named bare, or `'a` declared on the struct), none that
// edits the trait.
#[derive(RealizeForward)]
#[realize_forward(Visitor<'a>)]
pub struct LazyVisitor {
    #[realize]
    cache: Lazy<Real>,
}

fn main() {}
