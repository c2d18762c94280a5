//! The size of the lazies against std's `LazyCell` and `LazyLock` (a size is
//! not a timing: it cannot flake). Dynamo keeps one lazy tracker per value of
//! a frame, tens of thousands per trace, so every word counts.
//!
//! The bounds hold on 64-bit targets; on others the test checks nothing.

use std::cell::LazyCell;
use std::mem::size_of;
use std::sync::LazyLock;

use lazy_core::{Lazy, sync};

const WORD: usize = size_of::<usize>();

#[test]
fn unsync_lazy_is_at_most_one_word_over_lazycell() {
    if WORD != 8 {
        return;
    }
    // One word for the queue of deferred mutations; the count of
    // `Lazy::peek`'s guards (a `u32`) shares its word with the state's tag.
    assert_eq!(size_of::<Lazy<u64>>(), 24);
    assert_eq!(size_of::<Lazy<String>>(), 32);
    assert!(size_of::<Lazy<u64>>() <= size_of::<LazyCell<u64>>() + WORD);
    assert!(size_of::<Lazy<String>>() <= size_of::<LazyCell<String>>() + WORD);
    let boxed = size_of::<Lazy<u64, Box<dyn FnOnce() -> u64>>>();
    assert!(boxed <= size_of::<LazyCell<u64, Box<dyn FnOnce() -> u64>>>() + WORD);
}

#[test]
fn unsync_lazy_keeps_its_state_once() {
    // The value and the seed share their bytes, as in `LazyCell`: a bigger
    // value does not add to a seed's size, and a bigger seed only adds what
    // exceeds the value.
    assert_eq!(
        size_of::<Lazy<[u64; 4]>>(),
        size_of::<Lazy<[u64; 4], [u64; 2]>>()
    );
}

#[test]
fn sync_lazy_is_at_most_one_word_over_lazylock() {
    if WORD != 8 {
        return;
    }
    // One word of state (std's `Once` is half of one), the seed and the value
    // in the same bytes, and one word for the queue of deferred mutations.
    assert_eq!(size_of::<sync::Lazy<u64>>(), 24);
    assert_eq!(size_of::<sync::Lazy<String>>(), 40);
    assert!(size_of::<sync::Lazy<u64>>() <= size_of::<LazyLock<u64>>() + WORD);
    assert!(size_of::<sync::Lazy<String>>() <= size_of::<LazyLock<String>>() + WORD);
    let boxed = size_of::<sync::Lazy<u64, Box<dyn FnOnce() -> u64 + Send>>>();
    assert!(boxed <= size_of::<LazyLock<u64, Box<dyn FnOnce() -> u64 + Send>>>() + WORD);
}

#[test]
fn sync_lazy_keeps_its_state_once() {
    assert_eq!(
        size_of::<sync::Lazy<[u64; 4]>>(),
        size_of::<sync::Lazy<[u64; 4], [u64; 2]>>()
    );
}

#[test]
fn peek_guards_are_one_pointer() {
    // The lazy alone: the seed and the count of guards are read through it.
    assert_eq!(size_of::<lazy_core::SeedRef<'_, u64, fn() -> u64>>(), WORD);
    assert_eq!(size_of::<sync::SeedRef<'_, u64, fn() -> u64>>(), WORD);
}
