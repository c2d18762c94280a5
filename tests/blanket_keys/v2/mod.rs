//! `Backend`, at the same line and column as in `../v1/mod.rs`, a file of
//! the same name.

/// Its blanket impl's key differs from `v1::Backend`'s.
#[lazy_core::forwardable(blanket)]
pub trait Backend {
    fn get(&self) -> u8;
}
