//! A `#[realize]` field of type `Rc<Lazy<..>>`: clones of a tracker share one
//! cache, as clones of a Dynamo lazy tracker share `_cache`. `Rc` gives no
//! `&mut` access, so the derive must only implement what the trait's
//! receivers need (`Realize`, not `RealizeMut`).

mod common;

use std::rc::Rc;

use common::{Counted, counted};
use lazy_core::{Lazy, Realize, RealizeForward, forwardable};

#[forwardable]
pub trait Describe {
    fn describe(&self) -> String;
}

pub struct Real(&'static str);

impl Describe for Real {
    fn describe(&self) -> String {
        format!("real {}", self.0)
    }
}

#[derive(Clone, RealizeForward)]
#[realize_forward(Describe)]
pub struct SharedTracker {
    #[realize]
    cache: Rc<Lazy<Real, Counted<Real>>>,
    name_hint: Option<&'static str>,
}

#[test]
fn clones_share_one_cache_and_build_once() {
    let (cache, builds) = counted(|| Real("x"));
    let first = SharedTracker {
        cache: Rc::new(cache),
        name_hint: None,
    };
    let second = SharedTracker {
        name_hint: Some("y"),
        ..first.clone()
    };
    assert_eq!(second.describe(), "real x");
    assert!(
        Lazy::is_realized(&first.cache),
        "realizing one realizes all"
    );
    assert_eq!(first.describe(), "real x");
    assert_eq!(first.realize().0, "x");
    assert_eq!(builds.get(), 1);
    assert_eq!(second.name_hint, Some("y"));
}

/// The thread-safe flavour: an `Arc<sync::Lazy<..>>` field makes a tracker
/// that threads share; the forwarded methods build the value once.
#[forwardable]
pub trait Sum {
    fn sum(&self) -> u64;
}

impl Sum for Vec<u64> {
    fn sum(&self) -> u64 {
        self.iter().sum()
    }
}

/// A seed that can be sent to another thread.
type SendSeed = Box<dyn FnOnce() -> Vec<u64> + Send>;

#[derive(Clone, RealizeForward)]
#[realize_forward(Sum)]
pub struct SharedSum {
    #[realize]
    cache: std::sync::Arc<lazy_core::sync::Lazy<Vec<u64>, SendSeed>>,
}

#[test]
fn threads_share_one_sync_cache_and_build_once() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU32, Ordering};

    let builds = Arc::new(AtomicU32::new(0));
    let counter = Arc::clone(&builds);
    let seed: SendSeed = Box::new(move || {
        counter.fetch_add(1, Ordering::SeqCst);
        (1..=100).collect()
    });
    let shared = SharedSum {
        cache: Arc::new(lazy_core::sync::Lazy::new(seed)),
    };
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let tracker = shared.clone();
            std::thread::spawn(move || tracker.sum())
        })
        .collect();
    for handle in handles {
        assert_eq!(handle.join().unwrap(), 5050);
    }
    assert_eq!(builds.load(Ordering::SeqCst), 1);
}
