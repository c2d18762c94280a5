//! Forwardable traits written in edition 2024, derived from edition 2021.

#![deny(missing_docs, warnings)]

pub mod shared;

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
    /// Whether this is of `kind` (a `crate::` path right after an
    /// argument's `:`).
    fn is(&self, kind: crate::kinds::Kind) -> bool;
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
    fn is(&self, kind: crate::kinds::Kind) -> bool {
        kind == self.kind()
    }
}

/// A trait whose signatures name what only its module imports: a private
/// module's type, `BTreeMap`, `Formatter` (whose lifetime it leaves out) and
/// the module's own `Result`. A derive in another crate needs none of them.
pub mod catalog {
    use self::private::Tag;
    use std::collections::BTreeMap;
    use std::fmt::{self, Formatter};

    mod private {
        /// A tag.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct Tag(pub u32);
    }

    /// The error of this module.
    #[derive(Debug, PartialEq, Eq)]
    pub struct Missing;

    /// This module's own `Result`.
    pub type Result<T> = std::result::Result<T, Missing>;

    /// Entries by name.
    #[lazy_core::forwardable]
    pub trait Catalog {
        /// Every entry.
        fn entries(&self) -> BTreeMap<String, u32>;
        /// The entry's tag.
        fn tag(&self, key: &str) -> Result<Tag>;
        /// Writes how many entries there are.
        #[allow(elided_lifetimes_in_paths)]
        fn show(&self, f: &mut Formatter) -> fmt::Result;
    }

    /// The entries of `numbers`, named by their index.
    impl Catalog for crate::Numbers {
        fn entries(&self) -> BTreeMap<String, u32> {
            self.0
                .iter()
                .enumerate()
                .map(|(i, v)| (i.to_string(), *v))
                .collect()
        }
        fn tag(&self, key: &str) -> Result<Tag> {
            self.entries().get(key).map(|v| Tag(*v)).ok_or(Missing)
        }
        #[allow(elided_lifetimes_in_paths)]
        fn show(&self, f: &mut Formatter) -> fmt::Result {
            write!(f, "{} entries", self.0.len())
        }
    }

    /// The tag of `n`, for tests.
    pub fn tag(n: u32) -> Tag {
        Tag(n)
    }
}

/// A `blanket` trait whose signatures name this module's private imports and
/// its own `Result`: wrappers in other crates join the blanket impl written
/// here.
pub mod shelf {
    use std::collections::BTreeSet;

    /// Why a label is not on the shelf.
    #[derive(Debug, PartialEq, Eq)]
    pub struct NotShelved;

    /// This module's own `Result`.
    pub type Result<T> = std::result::Result<T, NotShelved>;

    /// Labels on a shelf.
    #[lazy_core::forwardable(blanket)]
    pub trait Shelf {
        /// Every label.
        fn labels(&self) -> BTreeSet<String>;
        /// The position of `label`.
        fn find(&self, label: &str) -> Result<usize>;
        /// Puts `value` on the shelf; the number of values.
        fn put(&mut self, value: u32) -> usize;
        /// Puts `other`'s values on the shelf (`crate::` is this crate,
        /// wherever the wrapper is).
        fn merge(&mut self, other: &crate::Numbers) -> usize;
    }

    impl Shelf for crate::Numbers {
        fn labels(&self) -> BTreeSet<String> {
            self.0.iter().map(u32::to_string).collect()
        }
        fn find(&self, label: &str) -> Result<usize> {
            self.0
                .iter()
                .position(|v| v.to_string() == label)
                .ok_or(NotShelved)
        }
        fn put(&mut self, value: u32) -> usize {
            self.0.push(value);
            self.0.len()
        }
        fn merge(&mut self, other: &crate::Numbers) -> usize {
            self.0.extend_from_slice(&other.0);
            self.0.len()
        }
    }
}
