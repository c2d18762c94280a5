//! Loom models of `sync::Lazy`'s state machine: every interleaving of a few
//! threads that realize, peek at and queue mutations on one lazy. Under
//! `RUSTFLAGS="--cfg loom"`, the crate's unit tests build `sync::Lazy` on
//! loom's atomics, lock and thread-locals (`shim.rs`), so a lost wake-up is a
//! deadlock loom reports, and a second build fails an assert. loom is a
//! dev-dependency: a user's build never sees it.
//!
//! ```text
//! RUSTFLAGS="--cfg loom" cargo test -p lazy-core --release --no-default-features --features std --lib loom_models
//! ```

use std::string::String;
use std::vec::Vec;

use crate::sync::Lazy;
use crate::{Realize, Seed};
use loom::sync::Arc;
use loom::sync::atomic::AtomicUsize;
use loom::sync::atomic::Ordering::Relaxed;
use loom::thread;

/// A seed that counts its builds; `Sync`, so that threads may peek at it.
struct Counted(Arc<AtomicUsize>);

impl Seed for Counted {
    type Output = String;
    fn build(self) -> String {
        self.0.fetch_add(1, Relaxed);
        String::from("x")
    }
}

fn lazy() -> (Arc<Lazy<String, Counted>>, Arc<AtomicUsize>) {
    let builds = Arc::new(AtomicUsize::new(0));
    (Arc::new(Lazy::new(Counted(Arc::clone(&builds)))), builds)
}

#[test]
fn racing_realizes_build_once_and_agree() {
    loom::model(|| {
        let (lazy, builds) = lazy();
        let other = {
            let lazy = Arc::clone(&lazy);
            thread::spawn(move || lazy.realize().clone())
        };
        assert_eq!(lazy.realize(), "x");
        assert_eq!(other.join().unwrap(), "x");
        assert_eq!(builds.load(Relaxed), 1);
    });
}

#[test]
fn a_peek_on_one_thread_holds_back_a_build_on_another() {
    loom::model(|| {
        let (lazy, builds) = lazy();
        let peeker = {
            let lazy = Arc::clone(&lazy);
            let builds = Arc::clone(&builds);
            thread::spawn(move || {
                if let Some(seed) = Lazy::peek(&lazy) {
                    // The seed is still here while the guard lives.
                    assert_eq!(seed.0.load(Relaxed), 0);
                    assert_eq!(builds.load(Relaxed), 0);
                }
            })
        };
        assert_eq!(lazy.realize(), "x");
        peeker.join().unwrap();
        assert_eq!(builds.load(Relaxed), 1);
    });
}

#[test]
fn a_mutation_queued_during_a_build_is_applied_or_given_back() {
    loom::model(|| {
        let (lazy, _) = lazy();
        let deferrer = {
            let lazy = Arc::clone(&lazy);
            thread::spawn(move || Lazy::try_defer(&lazy, |s| s.push('!')).is_ok())
        };
        let value = lazy.realize().clone();
        let queued = deferrer.join().unwrap();
        // Queued before the build: applied by it. Too late: given back.
        assert_eq!(value, if queued { "x!" } else { "x" });
    });
}

#[test]
fn two_waiters_behind_a_peek_both_wake_to_one_build() {
    // Three threads: every interleaving with at most 3 forced switches, which
    // takes about a second (4: five seconds; unbounded: minutes).
    let mut bounded = loom::model::Builder::new();
    bounded.preemption_bound = Some(3);
    bounded.check(|| {
        let (lazy, builds) = lazy();
        let guard = Lazy::peek(&lazy).expect("not built yet");
        let realizers: Vec<_> = (0..2)
            .map(|_| {
                let lazy = Arc::clone(&lazy);
                thread::spawn(move || lazy.realize().clone())
            })
            .collect();
        assert_eq!(
            builds.load(Relaxed),
            0,
            "nobody builds while the guard lives"
        );
        drop(guard);
        for realizer in realizers {
            assert_eq!(realizer.join().unwrap(), "x");
        }
        assert_eq!(builds.load(Relaxed), 1);
    });
}
