//! What both lazy flavours share: the mutations deferred until the value is
//! built, and the build itself.

use alloc::boxed::Box;
use alloc::vec::Vec;

use crate::Seed;

/// One queued mutation. `Send`, so that a lazy of `Send` parts can move to
/// another thread.
type Mutation<T> = Box<dyn FnOnce(&mut T) + Send>;

/// The mutations queued before the build, in order.
///
/// Most lazies never queue one: boxing the queue makes an empty one cost one
/// pointer instead of a `Vec`'s three words in every lazy (`Lazy<u64>` is 24
/// bytes, `tests/test_sizes.rs`, instead of 40).
#[allow(clippy::box_collection)] // boxed on purpose, for the size of every lazy
pub(crate) struct Deferred<T>(Option<Box<Vec<Mutation<T>>>>);

impl<T> Default for Deferred<T> {
    fn default() -> Self {
        Deferred::new()
    }
}

impl<T> Deferred<T> {
    pub(crate) const fn new() -> Self {
        Deferred(None)
    }

    pub(crate) fn push(&mut self, mutation: impl FnOnce(&mut T) + Send + 'static) {
        self.0.get_or_insert_default().push(Box::new(mutation));
    }
}

/// Builds the value and applies the deferred mutations in the order they were
/// queued, before anyone else can see the value.
#[inline(always)]
pub(crate) fn build<S: Seed>(seed: S, deferred: Deferred<S::Output>) -> S::Output {
    let value = seed.build();
    // Checked here: most lazies queue nothing, and an empty queue should cost
    // one compare in the build, not a call, an iterator and its drop.
    match deferred.0 {
        None => value,
        Some(queue) => apply(queue, value),
    }
}

/// Applies the queue, out of line so the build without one stays small;
/// takes the box so that freeing it happens here too.
#[inline(never)]
#[allow(clippy::box_collection, clippy::boxed_local)] // the queue as `Deferred` holds it
fn apply<T>(queue: Box<Vec<Mutation<T>>>, mut value: T) -> T {
    for mutation in *queue {
        mutation(&mut value);
    }
    value
}
