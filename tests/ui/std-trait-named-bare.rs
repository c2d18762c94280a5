// std's traits named bare: one error each, at the name, naming lazy-core's
// mirror, whether the prelude holds the name (`Iterator`: the derive
// imports it in two steps) or not (`Display`).
use lazy_core::{Lazy, RealizeForward};
use std::fmt::Display;

#[derive(RealizeForward)]
#[realize_forward(Display, Iterator)]
pub struct Numbers {
    #[realize]
    cache: Lazy<Vec<u8>>,
}

fn main() {}
