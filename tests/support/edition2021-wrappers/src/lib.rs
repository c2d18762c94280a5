//! An edition-2021 crate that derives `RealizeForward` for a trait of an
//! edition-2024 crate.

#![deny(missing_docs, warnings)]

use edition2024_traits::{Modern, Numbers};
use lazy_core::{Lazy, RealizeForward};

/// Forwards `Modern` to lazily built numbers.
#[derive(RealizeForward)]
#[realize_forward(Modern)]
pub struct LazyModern {
    #[realize]
    /// The lazily built numbers.
    pub cache: Lazy<Numbers>,
}

impl LazyModern {
    /// A lazy that builds its numbers with `make` on first use.
    pub fn new(make: fn() -> Numbers) -> Self {
        LazyModern {
            cache: Lazy::new(make),
        }
    }
}

/// Forwards the edition-2024 crate's `Catalog`, none of whose signature types
/// this crate imports.
#[derive(RealizeForward)]
#[realize_forward(edition2024_traits::catalog::Catalog)]
pub struct LazyCatalog(#[realize] pub Lazy<Numbers>);

/// A trait of this 2021 crate with a method named `gen`, derived here too:
/// the hidden macro's body is read in lazy-derive's edition (2024), where
/// `gen` is reserved.
#[lazy_core::forwardable]
pub trait Generate {
    /// `gen` is an identifier in 2021.
    fn gen(&self) -> u32;
}

impl Generate for u32 {
    fn gen(&self) -> u32 {
        *self + 1
    }
}

/// Forwards `Generate`, in the crate that defines it.
#[derive(RealizeForward)]
#[realize_forward(Generate)]
pub struct LazyGen(#[realize] pub Lazy<u32>);

/// Forwards `Generate` from a generic wrapper (the derive writes the impl).
#[derive(RealizeForward)]
#[realize_forward(Generate)]
pub struct LazyGenOf<T: Generate>(#[realize] pub Lazy<T>);

/// Joins the blanket impl of the edition-2024 crate's `Shelf`, none of whose
/// signature types this crate imports.
#[derive(RealizeForward)]
#[realize_forward(edition2024_traits::shelf::Shelf)]
pub struct LazyShelf(#[realize] pub Lazy<Numbers>);

/// A generic wrapper joins it too, for every target that has `Shelf`.
#[derive(RealizeForward)]
#[realize_forward(edition2024_traits::shelf::Shelf)]
pub struct LazyShelfOf<T>(#[realize] pub Lazy<T>);
