// std's traits named bare: one error each, at the name. One that the
// prelude does not hold (`Display`) is named with lazy-core's mirror. A name
// that std's prelude holds (`Iterator`, `PartialEq`) is rustc's "cannot find
// macro" with its note that the name is a trait: the derive calls such a
// name as written (its import would be ambiguous with a trait of that name
// written by `#[forwardable]`), and the chain stops there.
use lazy_core::{Lazy, RealizeForward};
use std::fmt::Display;

#[derive(RealizeForward)]
#[realize_forward(Display, Iterator)]
pub struct Numbers {
    #[realize]
    cache: Lazy<Vec<u8>>,
}

fn main() {}
