// A name that `lazy_core::remote` has no mirror of: one error at the name,
// saying how to write a mirror, where rustc's error at the import
// suggested std's `Clone`, which has no `#[forwardable]` either. The
// other traits are forwarded: printing the wrapper adds no error.
use lazy_core::{Lazy, RealizeForward};

#[derive(RealizeForward)]
#[realize_forward(lazy_core::remote::Display, lazy_core::remote::Clone)]
pub struct Name {
    #[realize]
    cache: Lazy<String>,
}

fn main() {
    let name = Name { cache: Lazy::new(|| String::from("x")) };
    println!("{name}");
}
