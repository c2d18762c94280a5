//! The workspace's root package: it hosts the integration tests of
//! `lazy-core` and `lazy-derive`, and is not published (the small examples
//! are run by `examples/small`).
//!
//! Its library holds nothing but the README's example, compiled and run as a
//! doctest so that it stays true. (A crate that is published cannot include
//! the README: a packaged crate has no `../README.md`.)

/// The README, whose Rust code block runs as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctest;
