//! A crate that depends on lazy-core under another name (`lazy`), as
//! `lazy-derive`'s documentation allows: the code the macros write names
//! `::lazy_core::...`, which `extern crate lazy as lazy_core;` at the root
//! puts into the extern prelude. Every way through the macros is taken once
//! below, and the crate is built for the test that uses it
//! (`tests/test_forward_editions.rs`).

#![deny(missing_docs, warnings)]

extern crate lazy as lazy_core;

use lazy::{FromRealized, Lazy, RealizeAll, RealizeForward, forwardable};

/// A trait whose hidden macro holds its impl ready.
#[forwardable]
pub trait Tracker {
    /// The Python type's name.
    fn python_type(&self) -> &'static str;
    /// Counts one more.
    fn bump(&mut self) -> u8;
}

/// A trait forwarded by a blanket impl beside it.
#[forwardable(blanket)]
pub trait Named {
    /// A name.
    fn name(&self) -> String;
}

/// A method that returns the wrapper, and one that takes it by value.
#[forwardable]
pub trait Step {
    /// A wrapper of the next value.
    fn next(&self) -> Self
    where
        Self: Sized;
    /// The value, by value.
    fn into_value(self) -> u8
    where
        Self: Sized;
}

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

impl Step for Real {
    fn next(&self) -> Self {
        Real(self.0 + 1)
    }
    fn into_value(self) -> u8 {
        self.0
    }
}

/// The fast rules, the blanket trait, a mirror of std's `PartialEq` and
/// `FromRealized`'s derive for the method that returns the wrapper.
#[derive(RealizeForward, FromRealized, Debug)]
#[realize_forward(Tracker, Named, Step, lazy::remote::PartialEq)]
pub struct Fast {
    /// The lazily built tracker.
    #[realize]
    pub cache: Lazy<Real>,
}

/// A generic wrapper that answers one method itself.
#[derive(RealizeForward)]
#[realize_forward(Tracker, except(python_type))]
pub struct Except<T> {
    /// The lazily built tracker.
    #[realize]
    pub cache: Lazy<Real>,
    /// Anything.
    pub other: T,
}

impl<T> Except<T> {
    /// Answers `Tracker::python_type` itself.
    pub fn python_type(&self) -> &'static str {
        "except"
    }
}

/// An enum, forwarding to its active variant.
#[derive(RealizeForward)]
#[realize_forward(Tracker, Step)]
pub enum Either {
    /// Not built yet.
    Later(#[realize] Lazy<Real>),
    /// Built.
    Ready(Real),
}

/// A tree of lazies.
#[derive(RealizeAll)]
pub struct All {
    /// One lazy.
    pub one: Lazy<u8>,
    /// More.
    pub more: Vec<Lazy<u8>>,
}

/// A lazy of `Real(1)`, not built yet.
pub fn lazy() -> Lazy<Real> {
    Lazy::new(|| Real(1))
}
