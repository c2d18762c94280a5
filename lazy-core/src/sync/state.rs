//! The state word of a [`sync::Lazy`](super::Lazy), and how threads wait on
//! it.
//!
//! One `AtomicUsize` says everything the lazy's bytes hold and who uses them:
//!
//! | low 2 bits | meaning | the rest of the word |
//! |---|---|---|
//! | `INCOMPLETE` | the seed and the queue are there | the number of live `SeedRef`s, `LOCKED`, `WAITERS` |
//! | `RUNNING` | a thread builds | the builder's [`marker`], `WAITERS` |
//! | `COMPLETE` | the value is there | nothing |
//! | `POISONED` | nothing is there | nothing |
//!
//! `LOCKED` is held for the few instructions of a push on the deferred
//! queue. `WAITERS` says a thread sleeps on [`park`] until the word changes:
//! whoever clears it (or ends a build) wakes them.

use core::sync::atomic::Ordering::{Acquire, Relaxed};
use std::cell::RefCell;
use std::sync::PoisonError;
use std::vec::Vec;

use super::shim::{AtomicUsize, park};

pub(super) const KIND: usize = 0b11;
pub(super) const INCOMPLETE: usize = 0b00;
pub(super) const RUNNING: usize = 0b01;
pub(super) const COMPLETE: usize = 0b10;
pub(super) const POISONED: usize = 0b11;
/// Somebody sleeps on [`park`] until this word changes.
pub(super) const WAITERS: usize = 0b100;
/// The deferred queue is being pushed to (only with `INCOMPLETE`).
pub(super) const LOCKED: usize = 0b1000;
/// One live `SeedRef` (only with `INCOMPLETE`): the count sits above the flags.
pub(super) const ONE_PEEK: usize = 0b1_0000;
/// The builder's marker sits above the flags (only with `RUNNING`).
pub(super) const FLAGS: usize = ONE_PEEK - 1;

/// The place of a thread-local: different for every thread alive, aligned so
/// that the four flag bits below it are zero, and never zero.
#[repr(align(16))]
struct Marker(#[allow(dead_code)] u8); // only its address matters

#[cfg(not(all(test, loom)))]
std::thread_local! {
    static MARKER: Marker = const { Marker(0) };
    /// The lazies (by address) whose seed this thread's live `SeedRef`s
    /// borrow, once per guard.
    static PEEKING: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

// The same under loom, whose macro takes no `const` initializers.
#[cfg(all(test, loom))]
loom::thread_local! {
    static MARKER: Marker = Marker(0);
    static PEEKING: RefCell<Vec<usize>> = RefCell::new(Vec::new());
}

/// Who this thread is, as the high bits of a `RUNNING` word. `Marker` has no
/// destructor, so this works during the destruction of other thread-locals.
pub(super) fn marker() -> usize {
    MARKER.with(|marker| (marker as *const Marker).addr())
}

/// Records that this thread holds one more guard on the lazy at `lazy`.
///
/// # Panics
/// While this thread's locals are being destroyed (the record is gone).
pub(super) fn start_peeking(lazy: usize) {
    PEEKING
        .try_with(|peeking| peeking.borrow_mut().push(lazy))
        .expect("`sync::Lazy::peek` cannot be used while the thread's locals are destroyed");
}

/// Forgets one guard of this thread on the lazy at `lazy`.
pub(super) fn stop_peeking(lazy: usize) {
    let _ = PEEKING.try_with(|peeking| {
        let mut peeking = peeking.borrow_mut();
        if let Some(at) = peeking.iter().rposition(|&other| other == lazy) {
            peeking.swap_remove(at);
        }
    });
}

/// Forgets every guard this thread recorded on the lazy at `lazy`: guards
/// leaked with `mem::forget`, once `&mut` access to the lazy proves that no
/// guard is alive. (Another thread's record of its own leaked guards cannot
/// be reached from here.)
pub(super) fn forget_leaked_peeks(lazy: usize) {
    let _ = PEEKING.try_with(|peeking| peeking.borrow_mut().retain(|&other| other != lazy));
}

/// Whether this thread holds a guard on the lazy at `lazy`.
pub(super) fn is_peeking(lazy: usize) -> bool {
    PEEKING
        .try_with(|peeking| peeking.borrow().contains(&lazy))
        .unwrap_or(false)
}

/// Sleeps until `state` is no longer `seen`, unless it changed already.
///
/// All lazies sleep on one lock and condition variable ([`park`]), since
/// waiting is rare (two threads want the same unbuilt value at once); a
/// wake-up for another lazy is spurious and the sleeper checks again.
///
/// Sets `WAITERS` under `park`'s lock, so a thread that clears it (and then
/// takes the lock to wake everyone) cannot do so between this check and the
/// sleep.
pub(super) fn wait(state: &AtomicUsize, seen: usize) {
    let (lock, sleepers) = park();
    let guard = lock.lock().unwrap_or_else(PoisonError::into_inner);
    if seen & WAITERS == 0
        && state
            .compare_exchange(seen, seen | WAITERS, Relaxed, Acquire)
            .is_err()
    {
        return;
    }
    if state.load(Relaxed) != seen | WAITERS {
        return;
    }
    drop(sleepers.wait(guard).unwrap_or_else(PoisonError::into_inner));
}

/// Wakes every thread sleeping in [`wait`]; called after clearing `WAITERS`.
pub(super) fn wake_all() {
    let (lock, sleepers) = park();
    drop(lock.lock().unwrap_or_else(PoisonError::into_inner));
    sleepers.notify_all();
}
