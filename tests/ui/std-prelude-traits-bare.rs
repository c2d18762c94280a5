// Traits of std's prelude that lazy-core has no mirror of, named bare: one
// error each, at the name, saying that it is not a `#[forwardable]` trait,
// for a trait (`Send`) and for a generic trait named without arguments
// (`From`) alike.
use lazy_core::{Lazy, RealizeForward};

#[derive(RealizeForward)]
#[realize_forward(Send, From)]
pub struct Numbers {
    #[realize]
    cache: Lazy<Vec<u8>>,
}

fn main() {}
