// Traits of std's prelude that lazy-core has no mirror of, named bare
// (`Send`, and `From` without arguments): called as written, as every bare
// name that std's prelude holds (see `std-trait-named-bare.rs`), so the
// first is rustc's "cannot find macro" with its note that the name is a
// trait, and the chain stops there.
use lazy_core::{Lazy, RealizeForward};

#[derive(RealizeForward)]
#[realize_forward(Send, From)]
pub struct Numbers {
    #[realize]
    cache: Lazy<Vec<u8>>,
}

fn main() {}
