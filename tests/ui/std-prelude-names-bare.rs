// Other names of std's prelude, named bare: a type (`Option`) is rustc's
// "expected trait", at the name. A derive of std's (`Clone`) is called as
// written (its import would bring std's derive macro): rustc's "cannot find
// macro", whose note says that it is a derive macro.
use lazy_core::{Lazy, RealizeForward};

#[derive(RealizeForward)]
#[realize_forward(Option, Clone)]
pub struct Numbers {
    #[realize]
    cache: Lazy<Vec<u8>>,
}

fn main() {}
