//! Forwardable traits written in edition 2021, derived from edition 2024.

#![deny(missing_docs, warnings)]

/// A trait whose tokens travel, through its hidden macro, into a crate of
/// another edition.
#[lazy_core::forwardable]
pub trait Legacy {
    /// `gen` is an identifier in 2021 and a reserved keyword in 2024.
    fn gen(&self) -> u32;
    /// Return-position `impl Trait` capturing the receiver's lifetime.
    fn values(&self) -> impl Iterator<Item = &u32> + '_;
    /// Adds to every value (`dyn_`: `dyn` was a keyword already in 2018).
    fn bump(&mut self, dyn_: u32);
    /// Present in this crate's build (never a test build): the derive in a
    /// test crate must forward it all the same, as the trait has it.
    #[cfg(not(test))]
    fn outside_tests(&self) -> u32;
    /// Absent from this crate's build: no forwarder may be written for it.
    #[cfg(test)]
    fn inside_tests(&self) -> u32;
    /// Parameters under cfgs, decided here as well: `by` is there in this
    /// crate's build, `never` is not (nor `T`), whatever the derive's crate
    /// says of `test`.
    fn scaled<#[cfg(test)] T>(&self, #[cfg(not(test))] by: u32, #[cfg(test)] never: T) -> u32;
    /// The sum, later.
    #[allow(async_fn_in_trait)]
    async fn later(&self) -> u32;
}

/// An implementor to build lazily.
pub struct Numbers(pub Vec<u32>);

impl Legacy for Numbers {
    fn gen(&self) -> u32 {
        self.0.len() as u32
    }
    fn values(&self) -> impl Iterator<Item = &u32> + '_ {
        self.0.iter()
    }
    fn bump(&mut self, by: u32) {
        self.0.iter_mut().for_each(|v| *v += by);
    }
    async fn later(&self) -> u32 {
        self.0.iter().sum()
    }
    #[cfg(not(test))]
    fn outside_tests(&self) -> u32 {
        7
    }
    #[cfg(test)]
    fn inside_tests(&self) -> u32 {
        8
    }
    fn scaled<#[cfg(test)] T>(&self, #[cfg(not(test))] by: u32, #[cfg(test)] never: T) -> u32 {
        #[cfg(test)]
        let _ = never;
        #[cfg(not(test))]
        return self.0.iter().sum::<u32>() * by;
        #[cfg(test)]
        0
    }
}

/// Forwarded through a blanket impl written here, in edition 2021: a derive
/// in another crate, of another edition, only marks its wrapper.
#[lazy_core::forwardable(blanket)]
pub trait Tally {
    /// `gen` again, now in the blanket impl.
    fn gen(&self) -> u32;
    /// Adds `n` to every value; the new sum.
    fn add(&mut self, n: u32) -> u32;
}

impl Tally for Numbers {
    fn gen(&self) -> u32 {
        self.0.len() as u32
    }
    fn add(&mut self, n: u32) -> u32 {
        self.0.iter_mut().for_each(|v| *v += n);
        self.0.iter().sum()
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

/// Writes, in the crate that calls it, lazy wrappers of [`Numbers`] that
/// forward [`Legacy`] and [`Tally`] named through `$crate`: `$name` by the
/// traits' hidden macros, `$except` through the derive's own impl (it
/// answers `bump` itself).
#[macro_export]
macro_rules! lazy_numbers {
    ($name:ident, $except:ident) => {
        /// Lazy numbers, written by `edition2021_traits::lazy_numbers!`.
        #[derive(::lazy_core::RealizeForward)]
        #[realize_forward($crate::Legacy, $crate::Tally)]
        pub struct $name {
            /// The numbers, built on first use.
            #[realize]
            pub cache: ::lazy_core::Lazy<$crate::Numbers>,
        }

        /// Lazy numbers whose `bump` does nothing.
        #[derive(::lazy_core::RealizeForward)]
        #[realize_forward($crate::Legacy, except(bump))]
        pub struct $except {
            /// The numbers, built on first use.
            #[realize]
            pub cache: ::lazy_core::Lazy<$crate::Numbers>,
        }

        impl $except {
            /// Does nothing.
            pub fn bump(&mut self, _: u32) {}
        }
    };
}
