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

/// Types the trait below names by `crate::` paths.
pub mod kinds {
    /// A kind of value.
    #[derive(Debug, PartialEq, Eq)]
    pub struct Kind(pub &'static str);
}

/// A trait whose signatures name this crate's own items by `crate::` paths:
/// derived in another crate, they still mean this crate's items.
#[lazy_core::forwardable]
pub trait Kinded {
    /// The kind.
    fn kind(&self) -> crate::kinds::Kind;
    /// Whether `other` is the same kind.
    fn same(&self, other: &crate::kinds::Kind) -> bool
    where
        crate::kinds::Kind: PartialEq;
}

impl Kinded for Numbers {
    fn kind(&self) -> crate::kinds::Kind {
        crate::kinds::Kind("numbers")
    }
    fn same(&self, other: &crate::kinds::Kind) -> bool
    where
        crate::kinds::Kind: PartialEq,
    {
        *other == self.kind()
    }
}
