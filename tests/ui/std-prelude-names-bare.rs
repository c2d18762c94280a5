// Other names of std's prelude, named bare: a type (`Option`) and a derive
// of std's (`Clone`) are called as written, as every bare name that std's
// prelude holds (see `std-trait-named-bare.rs`): rustc's "cannot find
// macro", whose note says what the name is, and the chain stops there.
use lazy_core::{Lazy, RealizeForward};

#[derive(RealizeForward)]
#[realize_forward(Option, Clone)]
pub struct Numbers {
    #[realize]
    cache: Lazy<Vec<u8>>,
}

fn main() {}
