//! The library's `shared` module, declared again: the binary's `Shared` is
//! another trait than the library's, though written at the same place. A
//! wrapper that derives the library's gets only that one's blanket impl,
//! so the binary's can be implemented by hand beside it (their blanket
//! impls once shared a key: E0119 here).

#![deny(missing_docs, warnings)]

mod shared;

use lazy_core::{Lazy, RealizeForward};

/// A value of each trait.
pub struct Real;

impl edition2024_traits::shared::Shared for Real {
    fn number(&self) -> u32 {
        1
    }
}

/// Forwards the library's `Shared`.
#[derive(RealizeForward)]
#[realize_forward(edition2024_traits::shared::Shared)]
pub struct Wrapper(#[realize] Lazy<Real>);

impl shared::Shared for Wrapper {
    fn number(&self) -> u32 {
        2
    }
}

fn main() {
    let wrapper = Wrapper(Lazy::new(|| Real));
    assert_eq!(edition2024_traits::shared::Shared::number(&wrapper), 1);
    assert_eq!(shared::Shared::number(&wrapper), 2);
}

#[cfg(test)]
mod tests {
    #[test]
    fn each_trait_has_its_own_impl() {
        super::main();
    }
}
