//! `sync::Lazy` under threads: racing realizers build exactly once and see
//! one value; waiters on a build that panics get the poison panic, never hang.

mod common;

use common::panic_message;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier, mpsc};
use std::time::Duration;

use lazy_core::{Realize, sync::Lazy};

#[test]
fn racing_threads_build_exactly_once_and_share_the_value() {
    const THREADS: usize = 8;
    // Miri runs each round some thousand times slower: a few suffice there.
    let rounds = if cfg!(miri) { 3 } else { 20 };
    for _round in 0..rounds {
        let builds = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&builds);
        let lazy = Arc::new(Lazy::new(move || {
            counted.fetch_add(1, Ordering::SeqCst);
            std::thread::yield_now();
            vec![1_u64, 2, 3]
        }));
        let barrier = Arc::new(Barrier::new(THREADS));
        let handles: Vec<_> = (0..THREADS)
            .map(|_| {
                let (lazy, barrier) = (Arc::clone(&lazy), Arc::clone(&barrier));
                std::thread::spawn(move || {
                    barrier.wait();
                    let value = lazy.realize();
                    assert_eq!(value, &[1, 2, 3]);
                    (value as *const Vec<u64>).addr()
                })
            })
            .collect();
        let addresses: Vec<usize> = handles
            .into_iter()
            .map(|handle| handle.join().expect("no realizer panics"))
            .collect();
        assert_eq!(builds.load(Ordering::SeqCst), 1);
        assert!(addresses.iter().all(|&address| address == addresses[0]));
    }
}

#[test]
fn waiters_on_a_panicking_build_get_the_poison_panic() {
    const WAITERS: usize = 4;
    let (started_tx, started_rx) = mpsc::channel::<()>();
    let (release_tx, release_rx) = mpsc::channel::<()>();
    let lazy: Arc<Lazy<String, Box<dyn FnOnce() -> String + Send>>> =
        Arc::new(Lazy::new(Box::new(move || {
            started_tx.send(()).ok();
            release_rx.recv().ok();
            panic!("guard installation failed")
        })));

    let builder = {
        let lazy = Arc::clone(&lazy);
        std::thread::spawn(move || lazy.realize().len())
    };
    started_rx.recv().expect("the build starts");
    let (done_tx, done_rx) = mpsc::channel();
    for _ in 0..WAITERS {
        let (lazy, done) = (Arc::clone(&lazy), done_tx.clone());
        std::thread::spawn(move || {
            let result =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| lazy.realize().len()));
            done.send(result.map_err(panic_message)).ok();
        });
    }
    // Let the waiters block on the build, then make it fail.
    std::thread::sleep(Duration::from_millis(50));
    release_tx.send(()).expect("the builder waits for release");

    let message = panic_message(builder.join().unwrap_err());
    assert_eq!(message, "guard installation failed");
    for _ in 0..WAITERS {
        let outcome = done_rx
            .recv_timeout(Duration::from_secs(20))
            .expect("a waiter hung on a poisoned lazy");
        let message = outcome.unwrap_err();
        assert!(
            message.contains("Lazy<alloc::string::String> is poisoned"),
            "{message}"
        );
    }
    assert!(Lazy::is_poisoned(&lazy));
}

#[test]
fn sync_lazy_is_send_and_sync_when_its_parts_are() {
    fn shareable<T: Send + Sync>() {}
    shareable::<Lazy<Vec<u8>>>();
    shareable::<Lazy<String, Box<dyn FnOnce() -> String + Send>>>();
}

/// A seed guard stays on its thread (its drop uncounts that thread's
/// peek), but other threads may read through a shared borrow of it, as
/// through a `MutexGuard`: scoped threads read the seed while the guard
/// lives.
#[test]
fn a_seed_guard_is_shared_with_scoped_threads() {
    let lazy: Lazy<u64, Box<dyn FnOnce() -> u64 + Send + Sync>> = Lazy::new(Box::new(|| 7));
    let guard = Lazy::peek(&lazy).expect("not built yet");
    let shared = &guard;
    let types: Vec<&str> = std::thread::scope(|scope| {
        let readers: Vec<_> = (0..2)
            .map(|_| scope.spawn(move || std::any::type_name_of_val(&**shared)))
            .collect();
        readers
            .into_iter()
            .map(|r| r.join().expect("no panic"))
            .collect()
    });
    assert_eq!(types.len(), 2);
    assert!(types.iter().all(|name| name.contains("FnOnce")));
    drop(guard);
    assert_eq!(*lazy.realize(), 7);
}

#[test]
fn sync_lazy_is_unwind_safe_as_lazylock_is() {
    fn unwind_safe<T: std::panic::RefUnwindSafe + std::panic::UnwindSafe>() {}
    unwind_safe::<std::sync::LazyLock<Vec<u8>>>();
    unwind_safe::<Lazy<Vec<u8>>>();
    static TABLE: Lazy<u32> = Lazy::new(|| 3);
    assert_eq!(std::panic::catch_unwind(|| *TABLE.realize()).ok(), Some(3));
}

#[test]
fn peek_blocks_nothing_else_on_its_own_thread() {
    let lazy: Lazy<String, Box<dyn FnOnce() -> String + Send + Sync>> =
        Lazy::new(Box::new(|| String::from("built")));
    let first = Lazy::peek(&lazy).expect("not built yet");
    // Each of these waited forever on the lock the guard used to hold.
    let second = Lazy::peek(&lazy).expect("a second guard of the same thread");
    assert!(Lazy::seed_type_name(&lazy).is_some());
    assert!(!Lazy::is_poisoned(&lazy));
    assert!(Lazy::try_defer(&lazy, |s| s.push_str(" + hint")).is_ok());
    assert!(format!("{lazy:?}").starts_with("Lazy(unrealized: "));
    drop((first, second));
    assert_eq!(lazy.realize(), "built + hint");
}

#[test]
fn another_thread_realizes_only_after_the_peek_guards_are_dropped() {
    let lazy = Arc::new(Lazy::new(|| vec![1_u8, 2]));
    let guard = Lazy::peek(&lazy).expect("not built yet");
    let (started_tx, started_rx) = mpsc::channel();
    let realizer = {
        let lazy = Arc::clone(&lazy);
        std::thread::spawn(move || {
            started_tx.send(()).ok();
            lazy.realize().len()
        })
    };
    started_rx.recv().expect("the realizer starts");
    std::thread::yield_now();
    // However far the other thread got, the seed is still here to read.
    assert!(!Lazy::is_realized(&lazy));
    assert_eq!((*guard)(), vec![1, 2]);
    drop(guard);
    assert_eq!(realizer.join().expect("no panic"), 2);
    assert!(Lazy::is_realized(&lazy));
}

#[test]
fn threads_peek_at_once_and_queue_mutations_while_others_peek() {
    const THREADS: usize = 4;
    let lazy = Arc::new(Lazy::new(|| String::from("built")));
    let guard = Lazy::peek(&lazy).expect("not built yet");
    let barrier = Arc::new(Barrier::new(THREADS));
    let handles: Vec<_> = (0..THREADS)
        .map(|i| {
            let (lazy, barrier) = (Arc::clone(&lazy), Arc::clone(&barrier));
            std::thread::spawn(move || {
                let seed = Lazy::peek(&lazy).expect("other threads may peek too");
                barrier.wait();
                assert_eq!((*seed)(), "built");
                let queued = Lazy::try_defer(&lazy, move |s| s.push_str(&i.to_string()));
                assert!(queued.is_ok(), "not built while peeked");
            })
        })
        .collect();
    for handle in handles {
        handle.join().expect("no peeker panics");
    }
    drop(guard);
    let value = lazy.realize();
    assert!(value.starts_with("built") && value.len() == "built".len() + THREADS);
    for i in 0..THREADS {
        assert!(value.contains(&i.to_string()), "{value}");
    }
}

#[test]
fn racing_try_defer_and_realize_lose_no_mutation() {
    const THREADS: usize = 4;
    let rounds = if cfg!(miri) { 3 } else { 10 };
    for _round in 0..rounds {
        let lazy = Arc::new(Lazy::new(Vec::<usize>::new));
        let barrier = Arc::new(Barrier::new(THREADS + 1));
        let handles: Vec<_> = (0..THREADS)
            .map(|i| {
                let (lazy, barrier) = (Arc::clone(&lazy), Arc::clone(&barrier));
                std::thread::spawn(move || {
                    barrier.wait();
                    // Queued before the build, or given back after it.
                    match Lazy::try_defer(&lazy, move |v| v.push(i)) {
                        Ok(()) => None,
                        Err(_) => Some(i),
                    }
                })
            })
            .collect();
        barrier.wait();
        let built = lazy.realize().clone();
        let late: Vec<usize> = handles
            .into_iter()
            .filter_map(|handle| handle.join().expect("no panic"))
            .collect();
        let mut all: Vec<usize> = lazy.realize().iter().copied().chain(late).collect();
        all.sort_unstable();
        assert_eq!(all, (0..THREADS).collect::<Vec<_>>(), "built: {built:?}");
    }
}

/// A peek during the destruction of a thread's locals panics (its guard
/// could not be recorded), and leaves the lazy as it was: another thread
/// then builds it, instead of waiting for a guard that was never made.
#[test]
fn a_peek_refused_while_locals_are_destroyed_holds_no_build_back() {
    static LAZY: Lazy<u32> = Lazy::new(|| 7);
    struct PeekOnDrop(mpsc::Sender<bool>);
    impl Drop for PeekOnDrop {
        fn drop(&mut self) {
            let refused = std::panic::catch_unwind(|| {
                let _guard = Lazy::peek(&LAZY);
            })
            .is_err();
            let _ = self.0.send(refused);
        }
    }
    std::thread_local! {
        static ON_EXIT: std::cell::RefCell<Option<PeekOnDrop>> =
            const { std::cell::RefCell::new(None) };
    }
    let (sent, refused) = mpsc::channel();
    std::thread::spawn(move || {
        // Registered before the guards' record, so destroyed after it.
        ON_EXIT.with(|slot| *slot.borrow_mut() = Some(PeekOnDrop(sent)));
        drop(Lazy::peek(&LAZY));
    })
    .join()
    .expect("the thread ends");
    assert_eq!(refused.recv_timeout(Duration::from_secs(20)), Ok(true));
    let (done, built) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(*LAZY.realize());
    });
    assert_eq!(built.recv_timeout(Duration::from_secs(20)), Ok(7));
}

/// A lazy in the seed of another, realized by a thread that peeks at the
/// outer one while another thread peeks at the inner one: it waits for that
/// guard, as for any other thread's. The two may share an address (the
/// inner one first in the outer's memory, as here with `u128` values): a
/// thread's record of its guards names each lazy by its state, not its
/// address, so the guard on the outer one is not taken for one on the inner.
#[test]
fn a_guard_on_an_outer_lazy_is_not_one_on_the_lazy_in_its_seed() {
    struct Outer {
        inner: Lazy<u128>,
    }
    impl lazy_core::Seed for Outer {
        type Output = u128;
        fn build(self) -> u128 {
            *self.inner.realize() + 1
        }
    }
    let outer: Lazy<u128, Outer> = Lazy::new(Outer {
        inner: Lazy::new(|| 41),
    });
    let main_outer = Lazy::peek(&outer).expect("not built yet");
    let inner: &Lazy<u128> = &main_outer.inner;
    let main_inner = Lazy::peek(inner).expect("not built yet");
    std::thread::scope(|scope| {
        let (started_tx, started_rx) = mpsc::channel();
        let outer = &outer;
        let realizer = scope.spawn(move || {
            let outer_guard = Lazy::peek(outer).expect("other threads may peek too");
            started_tx.send(()).ok();
            *outer_guard.inner.realize()
        });
        started_rx.recv().expect("the realizer starts");
        std::thread::sleep(Duration::from_millis(100));
        drop(main_inner);
        assert_eq!(realizer.join().expect("it waits, it does not panic"), 41);
    });
    drop(main_outer);
    assert_eq!(*outer.realize(), 42);
}

/// A guard leaked on a lazy that then gives way to another at the same place:
/// this thread's record of the leaked guard goes with the old lazy, so a
/// guard on the new one held by another thread makes this thread wait for it
/// (the stale record made it panic as if this thread held the guard).
#[test]
fn a_leaked_guard_is_forgotten_with_its_lazy() {
    let mut lazy: Lazy<u8> = Lazy::new(|| 1);
    let before: *const Lazy<u8> = &lazy;
    std::mem::forget(Lazy::peek(&lazy).expect("not built yet"));
    lazy = Lazy::new(|| 2);
    assert_eq!(before, &raw const lazy, "the new lazy is at the same place");
    let (peeked_tx, peeked_rx) = mpsc::channel();
    std::thread::scope(|scope| {
        let lazy = &lazy;
        let peeker = scope.spawn(move || {
            let guard = Lazy::peek(lazy).expect("not built yet");
            peeked_tx.send(()).ok();
            // Long enough for the realize below to find the guard alive.
            std::thread::sleep(Duration::from_millis(50));
            drop(guard);
        });
        peeked_rx.recv().expect("the other thread peeks");
        assert_eq!(*lazy.realize(), 2);
        peeker.join().expect("no panic");
    });
}
