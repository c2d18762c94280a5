//! A module of this package's library and of its binary (`src/main.rs`):
//! two traits, one in each crate, at the same place in the same file.

/// Forwarded by a blanket impl in each crate that declares it.
#[lazy_core::forwardable(blanket)]
pub trait Shared {
    /// A number.
    fn number(&self) -> u32;
}
