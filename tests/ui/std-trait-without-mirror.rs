use lazy_core::{Lazy, RealizeForward};

// std's traits carry no `#[forwardable]`: the error names the mirror in
// `lazy_core::remote`, or says how to write one. A trait with a mirror is
// then forwarded through it, so its uses add no error.
#[derive(RealizeForward)]
#[realize_forward(std::fmt::Display, std::fmt::Write, core::ops::Add)]
pub struct LazyName {
    #[realize]
    cache: Lazy<String>,
}

fn main() {
    let name = LazyName { cache: Lazy::new(|| String::from("a")) };
    println!("{name}");
}
