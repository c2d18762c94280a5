//! Forwardable traits written in edition 2024, derived from edition 2021.

#![deny(missing_docs, warnings)]

/// A trait whose tokens travel into an edition-2021 crate.
#[lazy_core::forwardable]
pub trait Modern {
    /// A raw identifier: `gen` is reserved in 2024.
    fn r#gen(&self) -> u32;
    /// In 2024, return-position `impl Trait` captures every lifetime in scope.
    fn values(&self) -> impl Iterator<Item = &u32>;
    /// The sum.
    fn total(&self) -> u32;
}

/// An implementor to build lazily.
pub struct Numbers(pub Vec<u32>);

impl Modern for Numbers {
    fn r#gen(&self) -> u32 {
        self.0.len() as u32
    }
    fn values(&self) -> impl Iterator<Item = &u32> {
        self.0.iter()
    }
    fn total(&self) -> u32 {
        self.0.iter().sum()
    }
}
