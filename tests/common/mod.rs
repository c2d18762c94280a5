//! Shared by the forwarding tests: a seed that counts how often it builds.

#![allow(dead_code)]

use std::cell::Cell;
use std::rc::Rc;

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

/// The text of a panic caught with `catch_unwind`.
pub fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    match payload.downcast::<String>() {
        Ok(message) => *message,
        Err(payload) => payload
            .downcast::<&'static str>()
            .map(|message| message.to_string())
            .unwrap_or_default(),
    }
}
