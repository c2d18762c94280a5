//! `except(...)`: the wrapper's own inherent methods answer, as the methods a
//! Dynamo lazy class defines itself do; everything else is forwarded.

mod common;

use std::cell::RefCell;

use common::{Counted, counted};
use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn set_name_hint(&mut self, hint: &str);
    fn name_hint(&self) -> Option<String>;
    fn call(&self, args: &[i64]) -> i64;
    /// Receiverless without default: only an `except` can supply it.
    fn create(source: &str) -> Self
    where
        Self: Sized;
    /// `Self` in argument position without default: same.
    fn merge(&mut self, other: Self)
    where
        Self: Sized;
}

#[derive(Debug, Default)]
pub struct Real {
    hint: Option<String>,
}

impl Tracker for Real {
    fn python_type(&self) -> &'static str {
        "int"
    }
    fn set_name_hint(&mut self, hint: &str) {
        self.hint = Some(hint.to_owned());
    }
    fn name_hint(&self) -> Option<String> {
        self.hint.clone()
    }
    fn call(&self, args: &[i64]) -> i64 {
        args.iter().sum()
    }
    fn create(_source: &str) -> Self {
        Real::default()
    }
    fn merge(&mut self, other: Self) {
        if self.hint.is_none() {
            self.hint = other.hint;
        }
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker, except(python_type, set_name_hint, create, merge))]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<Real, Counted<Real>>,
    source: String,
    pending_hint: RefCell<Option<String>>,
}

impl LazyTracker {
    /// Answers from the source, without building (Dynamo's `peek_type`).
    fn python_type(&self) -> &'static str {
        if self.source.starts_with('L') {
            "int"
        } else {
            "unknown"
        }
    }

    /// Buffers the hint until the value is built (Dynamo's `set_name_hint`).
    fn set_name_hint(&mut self, hint: &str) {
        match Lazy::get_mut(&mut self.cache) {
            Some(real) => real.set_name_hint(hint),
            None => {
                let hint = hint.to_owned();
                *self.pending_hint.borrow_mut() = Some(hint.clone());
                Lazy::defer(&mut self.cache, move |real| real.set_name_hint(&hint));
            }
        }
    }

    fn create(source: &str) -> Self {
        let (cache, _) = counted(Real::default);
        LazyTracker {
            cache,
            source: source.to_owned(),
            pending_hint: RefCell::new(None),
        }
    }

    fn merge(&mut self, other: Self) {
        self.source.push_str(&other.source);
    }
}

fn lazy() -> (LazyTracker, std::rc::Rc<std::cell::Cell<u32>>) {
    let (cache, builds) = counted(Real::default);
    let tracker = LazyTracker {
        cache,
        source: String::from("L['x']"),
        pending_hint: RefCell::new(None),
    };
    (tracker, builds)
}

#[test]
fn excepted_methods_answer_from_the_wrapper_without_building() {
    let (mut tracker, builds) = lazy();
    assert_eq!(Tracker::python_type(&tracker), "int");
    Tracker::set_name_hint(&mut tracker, "x");
    assert_eq!(builds.get(), 0, "neither excepted method builds");
    assert_eq!(tracker.pending_hint.borrow().as_deref(), Some("x"));
    assert_eq!(
        tracker.name_hint().as_deref(),
        Some("x"),
        "forwarded, and the deferred hint applied"
    );
    assert_eq!(builds.get(), 1);
}

#[test]
fn other_methods_are_still_forwarded() {
    let (tracker, builds) = lazy();
    assert_eq!(tracker.call(&[1, 2, 3]), 6);
    assert_eq!(builds.get(), 1);
}

#[test]
fn receiverless_and_self_argument_methods_through_except() {
    let mut tracker = <LazyTracker as Tracker>::create("G['y']");
    assert_eq!(tracker.source, "G['y']");
    let (other, builds) = lazy();
    Tracker::merge(&mut tracker, other);
    assert_eq!(tracker.source, "G['y']L['x']");
    assert_eq!(builds.get(), 0);
}
