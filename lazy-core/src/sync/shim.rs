//! What a [`sync::Lazy`](super::Lazy) takes from the platform: the state
//! word, the pause of a spin, and the lock and condition variable threads
//! sleep on (the thread-locals are in `state.rs`). In the crate's unit
//! tests under `RUSTFLAGS="--cfg loom"` each is loom's model instead, so
//! that `loom_models.rs` can run every interleaving of a few threads through
//! the real state machine.

#[cfg(all(test, loom))]
pub(super) use loom::sync::atomic::AtomicUsize;
#[cfg(all(test, loom))]
pub(super) use loom::sync::{Condvar, Mutex};

#[cfg(not(all(test, loom)))]
pub(super) use core::sync::atomic::AtomicUsize;
#[cfg(not(all(test, loom)))]
pub(super) use std::sync::{Condvar, Mutex};

/// The word, read through `&mut` (`get_mut`, which loom spells `with_mut`).
#[inline(always)]
pub(super) fn read_mut(state: &mut AtomicUsize) -> usize {
    #[cfg(not(all(test, loom)))]
    return *state.get_mut();
    #[cfg(all(test, loom))]
    return state.with_mut(|word| *word);
}

/// Stores the word through `&mut`.
#[inline(always)]
pub(super) fn write_mut(state: &mut AtomicUsize, word: usize) {
    #[cfg(not(all(test, loom)))]
    {
        *state.get_mut() = word;
    }
    #[cfg(all(test, loom))]
    state.with_mut(|old| *old = word);
}

/// A pause in a loop that waits a few instructions for another thread; under
/// loom, a yield, so that the model lets the other thread run.
#[inline(always)]
pub(super) fn spin() {
    #[cfg(not(all(test, loom)))]
    core::hint::spin_loop();
    #[cfg(all(test, loom))]
    loom::thread::yield_now();
}

/// Where threads sleep until a lazy's word changes (see `state::wait`).
pub(super) fn park() -> &'static (Mutex<()>, Condvar) {
    #[cfg(not(all(test, loom)))]
    {
        static PARK: (Mutex<()>, Condvar) = (Mutex::new(()), Condvar::new());
        &PARK
    }
    #[cfg(all(test, loom))]
    {
        loom::lazy_static! {
            static ref PARK: (Mutex<()>, Condvar) = (Mutex::new(()), Condvar::new());
        }
        &PARK
    }
}

/// The cell of the deferred queue, which the `LOCKED` bit guards: core's
/// `UnsafeCell`, or loom's, which fails the model if two threads ever touch
/// the queue at once.
pub(super) struct QueueCell<T>(
    #[cfg(not(all(test, loom)))] core::cell::UnsafeCell<T>,
    #[cfg(all(test, loom))] loom::cell::UnsafeCell<T>,
);

impl<T> QueueCell<T> {
    #[cfg(not(all(test, loom)))]
    pub(super) const fn new(queue: T) -> Self {
        QueueCell(core::cell::UnsafeCell::new(queue))
    }

    #[cfg(all(test, loom))]
    pub(super) fn new(queue: T) -> Self {
        QueueCell(loom::cell::UnsafeCell::new(queue))
    }

    /// Runs `f` on the queue.
    ///
    /// # Safety
    /// No other thread touches the queue until `f` returns (see the comment
    /// on `Lazy` for who may).
    #[inline(always)]
    pub(super) unsafe fn with_mut<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        #[cfg(not(all(test, loom)))]
        // SAFETY: the caller's promise: this is the only access.
        return f(unsafe { &mut *self.0.get() });
        #[cfg(all(test, loom))]
        // SAFETY: as above; loom checks the promise.
        return self.0.with_mut(|queue| f(unsafe { &mut *queue }));
    }

    /// The queue, through `&mut`.
    #[inline(always)]
    pub(super) fn get_mut(&mut self) -> &mut T {
        #[cfg(not(all(test, loom)))]
        return self.0.get_mut();
        #[cfg(all(test, loom))]
        // SAFETY: `&mut self` excludes every other access.
        return self.0.with_mut(|queue| unsafe { &mut *queue });
    }
}
