//! An edition-2015 crate that names lazy-core only through the extern
//! prelude (`lazy_core::...` in attributes, types and calls), with no
//! `extern crate lazy_core;` at its root. In edition 2015 `::lazy_core` is
//! a path from the crate's root, which has no `lazy_core` here: every path
//! of lazy-core the macros write must be read in their own edition, whatever
//! span of the user's it is written at (the trait's name, an `except`
//! name, `blanket`, a field's type). Each wrapper below takes another way
//! through the macros.

#![deny(missing_docs, warnings)]

/// The traits.
pub mod traits {
    /// A trait whose hidden macro forwards it.
    #[lazy_core::forwardable]
    pub trait Tracker {
        /// The Python type's name.
        fn python_type(&self) -> &'static str;
        /// Counts one more.
        fn bump(&mut self) -> u8;
    }

    /// A trait forwarded by a blanket impl beside it.
    #[lazy_core::forwardable(blanket)]
    pub trait Named {
        /// A name.
        fn name(&self) -> String;
    }

    /// A type of this module, named by a trait.
    pub struct Tag(pub u8);

    /// A trait naming a type of its module, with a by-value method.
    #[lazy_core::forwardable]
    pub trait Tagged {
        /// The tag.
        fn tag(&self) -> Tag;
        /// The tag, by value.
        fn into_tag(self) -> Tag
        where
            Self: Sized;
    }

    /// A generic trait, and methods that return the wrapper.
    #[lazy_core::forwardable]
    pub trait Convert<T> {
        /// Converts.
        fn convert(&self, t: T) -> u8;
        /// A wrapper of the next value.
        fn next(&self) -> Self
        where
            Self: Sized;
    }
}

/// The wrappers, one per way through the macros.
pub mod wrappers {
    use traits::{Convert, Named, Tag, Tagged, Tracker};

    /// The tracker the lazies build.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Real(pub u8);

    impl Tracker for Real {
        fn python_type(&self) -> &'static str {
            "int"
        }
        fn bump(&mut self) -> u8 {
            self.0 += 1;
            self.0
        }
    }

    impl Named for Real {
        fn name(&self) -> String {
            format!("r{}", self.0)
        }
    }

    impl Tagged for Real {
        fn tag(&self) -> Tag {
            Tag(self.0)
        }
        fn into_tag(self) -> Tag {
            Tag(self.0)
        }
    }

    impl Convert<u8> for Real {
        fn convert(&self, t: u8) -> u8 {
            self.0 * t
        }
        fn next(&self) -> Self {
            Real(self.0 + 1)
        }
    }

    /// The hidden macros' fast rules, a blanket trait, a generic trait, a
    /// mirror of std's `PartialEq` and a method that returns the wrapper.
    #[derive(lazy_core::RealizeForward, Debug)]
    #[realize_forward(Tracker, Named, Tagged, Convert<u8>, lazy_core::remote::PartialEq)]
    pub struct Fast {
        /// The lazily built tracker.
        #[realize]
        pub cache: lazy_core::Lazy<Real>,
    }

    impl lazy_core::FromRealized<Real> for Fast {
        fn from_realized(real: Real) -> Self {
            Fast {
                cache: lazy_core::Lazy::from_value(real),
            }
        }
    }

    /// The derive's own impl, answering one method itself.
    #[derive(lazy_core::RealizeForward)]
    #[realize_forward(Tracker, except(python_type))]
    pub struct Except {
        /// The lazily built tracker.
        #[realize]
        pub cache: lazy_core::Lazy<Real>,
    }

    impl Except {
        /// Answers `Tracker::python_type` itself.
        pub fn python_type(&self) -> &'static str {
            "except"
        }
    }

    /// A generic wrapper.
    #[derive(lazy_core::RealizeForward)]
    #[realize_forward(Tracker, Named)]
    pub struct Generic<T> {
        /// The lazily built tracker.
        #[realize]
        pub cache: lazy_core::Lazy<Real>,
        /// Anything.
        pub other: T,
    }

    /// An enum, forwarding to its variants.
    #[derive(lazy_core::RealizeForward)]
    #[realize_forward(Tracker, Tagged)]
    pub enum Either {
        /// Not built yet.
        Later(#[realize] lazy_core::Lazy<Real>),
        /// Built.
        Ready(Real),
    }

    /// Through the pointer the lazy builds.
    #[derive(lazy_core::RealizeForward)]
    #[realize_forward(Tracker)]
    pub struct Deref {
        /// The lazily built pointer.
        #[realize(deref)]
        pub cache: lazy_core::Lazy<Box<Real>>,
    }

    /// To a plain field.
    #[derive(lazy_core::RealizeForward)]
    #[realize_forward(Tracker, Tagged)]
    pub struct Plain {
        /// The tracker itself.
        #[realize(plain)]
        pub inner: Real,
    }

    /// A tree of lazies.
    #[derive(lazy_core::RealizeAll)]
    pub struct All {
        /// One lazy.
        pub one: lazy_core::Lazy<u8>,
        /// More.
        pub more: Vec<lazy_core::Lazy<u8>>,
    }

    /// A lazy of `Real(1)`, not built yet.
    pub fn lazy() -> lazy_core::Lazy<Real> {
        lazy_core::Lazy::new(|| Real(1))
    }
}
