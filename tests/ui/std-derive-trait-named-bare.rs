use lazy_core::{Lazy, RealizeForward};

// std's `Debug` named bare, without the mirror imported. Known limit: the
// derive cannot tell it from a `#[forwardable]` trait of yours named
// `Debug`, and rustc answers that `Debug` is a derive macro. The fix is
// `use lazy_core::remote::Debug;` (see `realize_forward`'s known limits).
#[derive(RealizeForward)]
#[realize_forward(Debug)]
pub struct LazyName {
    #[realize]
    cache: Lazy<String>,
}

fn main() {}
