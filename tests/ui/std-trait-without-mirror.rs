use lazy_core::{Lazy, RealizeForward};

// std's traits carry no `#[forwardable]`: the error names the mirror in
// `lazy_core::remote`, or says how to write one.
#[derive(RealizeForward)]
#[realize_forward(std::fmt::Display, std::fmt::Write, core::ops::Add)]
pub struct LazyName {
    #[realize]
    cache: Lazy<String>,
}

fn main() {}
