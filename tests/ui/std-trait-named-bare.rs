// std's traits named bare (in the prelude or imported): one error each, at
// the name, naming lazy-core's mirror. A name of one of the prelude's derive
// macros (`PartialEq`) is rustc's "cannot find macro" with its note that the
// name is a derive macro: the derive calls such a name as written.
use lazy_core::{Lazy, RealizeForward};
use std::fmt::Display;

#[derive(RealizeForward)]
#[realize_forward(Iterator, Display, PartialEq)]
pub struct Numbers {
    #[realize]
    cache: Lazy<Vec<u8>>,
}

fn main() {}
