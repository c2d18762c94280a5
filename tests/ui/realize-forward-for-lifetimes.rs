// `for<'a>` before the trait is one error that says a bare name already
// forwards for every lifetime.

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Parse<'de> {
    fn parse(&self, text: &'de str) -> usize;
}

impl<'de> Parse<'de> for u8 {
    fn parse(&self, text: &'de str) -> usize {
        text.len()
    }
}

#[derive(RealizeForward)]
#[realize_forward(for<'a> Parse<'a>)]
pub struct Parser(#[realize] Lazy<u8>);

fn main() {}
