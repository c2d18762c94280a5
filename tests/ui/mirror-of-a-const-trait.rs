// std's source (1.95) writes `pub const trait Neg`: copied into a mirror,
// one error of ours at `const` that says to remove it (beside rustc's
// feature gate), and the mirror is read without it: its derive forwards.
use lazy_core::{Lazy, RealizeForward};

#[lazy_core::forwardable(remote = ::core::ops::Neg)]
pub const trait Neg {
    type Output;
    fn neg(self) -> Self::Output;
}

/// `const unsafe trait`, as std writes an unsafe one: the same error at
/// `const`; the trait is then an `unsafe trait`, which is not forwarded.
#[lazy_core::forwardable]
pub const unsafe trait Sealed {
    fn id(&self) -> u8;
}

#[derive(RealizeForward)]
#[realize_forward(Neg)]
pub struct LazyNumber(#[realize] Lazy<i8>);

fn main() {
    let _: i8 = -LazyNumber(Lazy::new(|| 2));
}
