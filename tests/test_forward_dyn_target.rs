//! `Target = dyn Trait`: a lazy that builds a boxed trait object, realized
//! through `#[realize(deref)]` or a hand-written `Realize`.

mod common;

use common::{Counted, counted};
use lazy_core::{Lazy, Realize, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> String;
    fn set_name_hint(&mut self, hint: &str);
    fn name_hint(&self) -> Option<String>;
    /// Kept as the default: `dyn Tracker` has no `describe` to forward to.
    fn describe(&self) -> String
    where
        Self: Sized,
    {
        String::from("described by default")
    }
}

#[derive(Default)]
pub struct IntTracker {
    hint: Option<String>,
}

impl Tracker for IntTracker {
    fn python_type(&self) -> String {
        String::from("int")
    }
    fn set_name_hint(&mut self, hint: &str) {
        self.hint = Some(hint.to_owned());
    }
    fn name_hint(&self) -> Option<String> {
        self.hint.clone()
    }
}

pub struct ListTracker;

impl Tracker for ListTracker {
    fn python_type(&self) -> String {
        String::from("list")
    }
    fn set_name_hint(&mut self, _: &str) {}
    fn name_hint(&self) -> Option<String> {
        None
    }
}

/// Dynamo's shape: the lazy builds some tracker, boxed.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize(deref)]
    cache: Lazy<Box<dyn Tracker>, Counted<Box<dyn Tracker>>>,
}

fn lazy(make: fn() -> Box<dyn Tracker>) -> (LazyTracker, std::rc::Rc<std::cell::Cell<u32>>) {
    let (cache, builds) = counted(make);
    (LazyTracker { cache }, builds)
}

#[test]
fn realize_deref_targets_the_trait_object() {
    let (mut tracker, builds) = lazy(|| Box::new(IntTracker::default()));
    let _: &dyn Tracker = tracker.realize();
    assert_eq!(tracker.python_type(), "int");
    tracker.set_name_hint("x");
    assert_eq!(tracker.name_hint().as_deref(), Some("x"));
    assert_eq!(tracker.describe(), "described by default");
    assert_eq!(builds.get(), 1);
}

#[test]
fn lazy_and_eager_trackers_side_by_side() {
    let (a, builds_a) = lazy(|| Box::new(ListTracker));
    let (b, builds_b) = lazy(|| Box::new(IntTracker::default()));
    let trackers: Vec<Box<dyn Tracker>> = vec![Box::new(a), Box::new(ListTracker), Box::new(b)];
    let types: Vec<String> = trackers.iter().map(|t| t.python_type()).collect();
    assert_eq!(types, ["list", "list", "int"]);
    assert_eq!((builds_a.get(), builds_b.get()), (1, 1));
}

/// The same with a hand-written `Realize` whose target is `dyn Tracker`.
pub struct Manual {
    cache: Lazy<Box<dyn Tracker>>,
}

impl Realize for Manual {
    type Target = dyn Tracker;
    fn realize(&self) -> &(dyn Tracker + 'static) {
        &**self.cache.realize()
    }
}

impl lazy_core::RealizeMut for Manual {
    fn realize_mut(&mut self) -> &mut (dyn Tracker + 'static) {
        &mut **lazy_core::RealizeMut::realize_mut(&mut self.cache)
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct ManualWrapper(Manual);

impl Realize for ManualWrapper {
    type Target = dyn Tracker;
    fn realize(&self) -> &(dyn Tracker + 'static) {
        self.0.realize()
    }
}

impl lazy_core::RealizeMut for ManualWrapper {
    fn realize_mut(&mut self) -> &mut (dyn Tracker + 'static) {
        lazy_core::RealizeMut::realize_mut(&mut self.0)
    }
}

#[test]
fn hand_written_realize_with_a_dyn_target() {
    let mut wrapper = ManualWrapper(Manual {
        cache: Lazy::new(|| Box::new(IntTracker::default()) as Box<dyn Tracker>),
    });
    assert!(!Lazy::is_realized(&wrapper.0.cache));
    wrapper.set_name_hint("y");
    assert_eq!(wrapper.name_hint().as_deref(), Some("y"));
    assert_eq!(wrapper.python_type(), "int");
}
