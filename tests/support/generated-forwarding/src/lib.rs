//! A few hundred random forwardable traits with real implementations and
//! derived wrappers, written by `build.rs` (a fixed seed: the same code on
//! every build; `LAZY_GENERATED_SEED` and `LAZY_GENERATED_TRAITS` change the
//! seed and the count). That this crate compiles checks that the derive
//! writes code that type-checks, without warnings; [`run_all`] calls every
//! forwarded method once on a fresh wrapper and on an eager value, and
//! asserts equal results and exactly one build per wrapper.

#![deny(warnings)]
// Generated traits are public and never implemented elsewhere: `async fn`
// in them is fine.
#![allow(async_fn_in_trait)]

use std::cell::Cell;
use std::future::Future;
use std::pin::pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use lazy_core::{Lazy, Seed};

/// Builds its value with a function and counts the builds.
pub struct Counted<T> {
    make: Box<dyn FnOnce() -> T>,
    builds: Rc<Cell<u32>>,
}

impl<T> Seed for Counted<T> {
    type Output = T;
    fn build(self) -> T {
        self.builds.set(self.builds.get() + 1);
        (self.make)()
    }
}

/// A lazy that builds `make()` on first use, and the counter of its builds.
pub fn counted<T>(make: impl FnOnce() -> T + 'static) -> (Lazy<T, Counted<T>>, Rc<Cell<u32>>) {
    let builds = Rc::new(Cell::new(0));
    let seed = Counted {
        make: Box::new(make),
        builds: Rc::clone(&builds),
    };
    (Lazy::new(seed), builds)
}

/// Polls a future that never waits to completion.
pub fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(value) = future.as_mut().poll(&mut cx) {
            return value;
        }
    }
}

/// What [`run_all`] checked.
#[derive(Debug, Default)]
pub struct Report {
    /// Traits forwarded.
    pub traits: usize,
    /// Methods called through a wrapper and compared with the eager value.
    pub forwarded: usize,
    /// Methods (and consts) whose default stays, checked not to realize.
    pub kept: usize,
    /// Methods answered by the wrapper through `except(...)`.
    pub excepted: usize,
}

pub use generated::run_all;

// Lifetimes are written out and methods are named like the derive's own API
// (`into_realized(&self)`) on purpose: those are shapes under test.
#[allow(clippy::needless_lifetimes, clippy::wrong_self_convention)]
#[doc(hidden)]
pub mod generated {
    include!(concat!(env!("OUT_DIR"), "/generated.rs"));
}
