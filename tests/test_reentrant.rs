//! A build that needs its own value (Dynamo's `allow_lazy_constant` hazard)
//! is a clear panic naming the type, in both flavours: never a stack
//! overflow, never a deadlock.

mod common;

use common::panic_message;
use std::cell::OnceCell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;
use std::sync::mpsc;
use std::time::Duration;

use lazy_core::{Lazy, Realize, sync};

/// Runs `f` on another thread and fails the test if it does not finish in
/// time: a deadlock must fail the test, not hang CI.
fn finishes<R: Send + 'static>(f: impl FnOnce() -> R + Send + 'static) -> R {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || sender.send(f()));
    receiver
        .recv_timeout(Duration::from_secs(20))
        .expect("realizing deadlocked or died")
}

type SelfRef = Lazy<u32, Box<dyn FnOnce() -> u32>>;

#[test]
fn unsync_build_that_realizes_itself_panics_with_the_type() {
    let message = finishes(|| {
        let slot: Rc<OnceCell<Rc<SelfRef>>> = Rc::new(OnceCell::new());
        let inner = Rc::clone(&slot);
        let lazy: Rc<SelfRef> = Rc::new(Lazy::new(Box::new(move || {
            inner.get().map_or(0, |me| *me.realize() + 1)
        })));
        let _ = slot.set(Rc::clone(&lazy));
        let result = catch_unwind(AssertUnwindSafe(|| *lazy.realize()));
        let poisoned = Lazy::is_poisoned(&lazy);
        (panic_message(result.unwrap_err()), poisoned)
    });
    assert!(
        message.0.contains("Lazy<u32> was realized re-entrantly"),
        "{}",
        message.0
    );
    assert!(message.1, "the interrupted build leaves the lazy poisoned");
}

#[test]
fn unsync_cycle_through_two_lazies_panics_instead_of_overflowing() {
    let message = finishes(|| {
        type Node = Lazy<u32, Box<dyn FnOnce() -> u32>>;
        let a_slot: Rc<OnceCell<Rc<Node>>> = Rc::new(OnceCell::new());
        let a_in_b = Rc::clone(&a_slot);
        let b: Rc<Node> = Rc::new(Lazy::new(Box::new(move || {
            a_in_b.get().map_or(0, |a| *a.realize())
        })));
        let b_in_a = Rc::clone(&b);
        let a: Rc<Node> = Rc::new(Lazy::new(Box::new(move || *b_in_a.realize() + 1)));
        let _ = a_slot.set(Rc::clone(&a));
        panic_message(catch_unwind(AssertUnwindSafe(|| *a.realize())).unwrap_err())
    });
    assert!(message.contains("re-entrantly"), "{message}");
}

static SELF_REFERENTIAL: sync::Lazy<u64> = sync::Lazy::new(|| *SELF_REFERENTIAL.realize() + 1);

#[test]
fn sync_build_that_realizes_itself_panics_instead_of_deadlocking() {
    let (message, poisoned) = finishes(|| {
        let result = catch_unwind(|| *SELF_REFERENTIAL.realize());
        (
            panic_message(result.unwrap_err()),
            sync::Lazy::is_poisoned(&SELF_REFERENTIAL),
        )
    });
    assert!(
        message.contains("Lazy<u64> was realized re-entrantly"),
        "{message}"
    );
    assert!(poisoned);
}

#[test]
fn unsync_realize_while_peeking_panics_clearly() {
    let lazy: Lazy<u8> = Lazy::new(|| 1);
    let guard = Lazy::peek(&lazy);
    let result = catch_unwind(AssertUnwindSafe(|| *lazy.realize()));
    drop(guard);
    let message = panic_message(result.unwrap_err());
    assert!(
        message.contains("cannot be realized while its seed is borrowed"),
        "{message}"
    );
}

#[test]
fn unsync_realize_panics_until_the_last_peek_guard_is_dropped() {
    let lazy: Lazy<String> = Lazy::new(|| String::from("built"));
    let first = Lazy::peek(&lazy).expect("not built yet");
    let second = Lazy::peek(&lazy).expect("guards may be alive together");
    assert!(Lazy::try_defer(&lazy, |s| s.push_str(" + hint")).is_ok());
    assert_eq!(
        format!("{lazy:?}"),
        "Lazy(unrealized: fn() -> alloc::string::String)"
    );
    drop(first);
    let result = catch_unwind(AssertUnwindSafe(|| lazy.realize().len()));
    let message = panic_message(result.unwrap_err());
    assert!(
        message
            .contains("Lazy<alloc::string::String> cannot be realized while its seed is borrowed"),
        "{message}"
    );
    assert!(
        !Lazy::is_poisoned(&lazy),
        "refusing to build poisons nothing"
    );
    drop(second);
    assert_eq!(lazy.realize(), "built + hint");
    assert!(Lazy::peek(&lazy).is_none());
}

#[test]
fn sync_realize_while_peeking_on_the_same_thread_panics_clearly() {
    let lazy: sync::Lazy<u8> = sync::Lazy::new(|| 1);
    let guard = sync::Lazy::peek(&lazy);
    let result = catch_unwind(AssertUnwindSafe(|| *lazy.realize()));
    drop(guard);
    let message = panic_message(result.unwrap_err());
    assert!(
        message.contains("sync::Lazy<u8> cannot be realized while its seed is borrowed"),
        "{message}"
    );
    assert_eq!(*lazy.realize(), 1, "builds normally once the guard is gone");
}
