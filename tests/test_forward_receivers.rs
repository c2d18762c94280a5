//! Receivers: `&self`, `&mut self`, `self`, `self: Box<Self>`.

use std::cell::Cell;
use std::rc::Rc;

use lazy_core::{Lazy, Realize, RealizeForward, Seed, forwardable};

#[forwardable]
pub trait Counter {
    fn get(&self) -> u32;
    fn add(&mut self, by: u32);
    fn into_total(self) -> u32;
    fn boxed_total(self: Box<Self>) -> u32;
}

#[derive(Debug)]
pub struct Real {
    value: u32,
}

impl Counter for Real {
    fn get(&self) -> u32 {
        self.value
    }
    fn add(&mut self, by: u32) {
        self.value += by;
    }
    fn into_total(self) -> u32 {
        self.value * 10
    }
    fn boxed_total(self: Box<Self>) -> u32 {
        self.value * 100
    }
}

/// Builds `Real { value }` and counts the builds.
pub struct CountingSeed {
    value: u32,
    builds: Rc<Cell<u32>>,
}

impl Seed for CountingSeed {
    type Output = Real;
    fn build(self) -> Real {
        self.builds.set(self.builds.get() + 1);
        Real { value: self.value }
    }
}

#[derive(RealizeForward)]
#[realize_forward(Counter)]
pub struct LazyCounter {
    #[realize]
    cache: Lazy<Real, CountingSeed>,
}

fn lazy(value: u32) -> (LazyCounter, Rc<Cell<u32>>) {
    let builds = Rc::new(Cell::new(0));
    let seed = CountingSeed {
        value,
        builds: Rc::clone(&builds),
    };
    (
        LazyCounter {
            cache: Lazy::new(seed),
        },
        builds,
    )
}

#[test]
fn by_ref_realizes_once() {
    let (counter, builds) = lazy(3);
    assert_eq!(builds.get(), 0, "construction builds nothing");
    assert_eq!(counter.get(), 3);
    assert_eq!(counter.get(), 3);
    assert_eq!(builds.get(), 1);
    assert!(Lazy::is_realized(&counter.cache));
}

#[test]
fn by_mut_ref_reaches_the_value() {
    let (mut counter, builds) = lazy(3);
    counter.add(4);
    counter.add(1);
    assert_eq!(counter.get(), 8);
    assert_eq!(counter.realize().value, 8);
    assert_eq!(builds.get(), 1);
}

#[test]
fn by_value_consumes_the_value() {
    let (counter, builds) = lazy(3);
    assert_eq!(counter.into_total(), 30);
    assert_eq!(builds.get(), 1);
}

#[test]
fn box_self_forwards_the_boxed_value() {
    let (counter, builds) = lazy(2);
    assert_eq!(Box::new(counter).boxed_total(), 200);
    assert_eq!(builds.get(), 1);
}

#[test]
fn the_wrapper_is_a_real_implementor() {
    let (a, builds_a) = lazy(1);
    let (b, builds_b) = lazy(2);
    let all: Vec<Box<dyn Counter>> = vec![Box::new(a), Box::new(Real { value: 5 }), Box::new(b)];
    let sum: u32 = all.iter().map(|c| c.get()).sum();
    assert_eq!(sum, 8);
    assert_eq!((builds_a.get(), builds_b.get()), (1, 1));
}

// `Rc<Self>`, `Arc<Self>` and `Pin<&mut Self>` receivers cannot hold the
// realized value: with a default, the default answers.
#[forwardable]
pub trait Shared {
    fn value(&self) -> u32;
    fn by_rc(self: Rc<Self>) -> &'static str {
        "rc default"
    }
    fn by_arc(self: std::sync::Arc<Self>) -> &'static str {
        "arc default"
    }
    fn by_pin(self: std::pin::Pin<&mut Self>) -> &'static str {
        "pin default"
    }
}

impl Shared for Real {
    fn value(&self) -> u32 {
        self.value
    }
    fn by_rc(self: Rc<Self>) -> &'static str {
        "rc real"
    }
}

#[derive(RealizeForward)]
#[realize_forward(Shared)]
pub struct LazyShared {
    #[realize]
    cache: Lazy<Real, CountingSeed>,
}

#[test]
#[allow(clippy::arc_with_non_send_sync)] // `Arc<Self>` is the receiver under test
fn smart_pointer_receivers_keep_the_default() {
    let builds = Rc::new(Cell::new(0));
    let make = || LazyShared {
        cache: Lazy::new(CountingSeed {
            value: 5,
            builds: Rc::clone(&builds),
        }),
    };
    assert_eq!(Rc::new(make()).by_rc(), "rc default");
    assert_eq!(std::sync::Arc::new(make()).by_arc(), "arc default");
    let mut pinned = make();
    assert_eq!(std::pin::Pin::new(&mut pinned).by_pin(), "pin default");
    assert_eq!(builds.get(), 0, "the defaults do not realize");
    assert_eq!(make().value(), 5);
    assert_eq!(builds.get(), 1);
}

/// An enum wrapper: either still lazy or already eager, each variant
/// forwarding to its own field (`tests/test_forward_enum.rs` has the rest).
#[derive(RealizeForward)]
#[realize_forward(Counter)]
pub enum EitherCounter {
    Lazy(#[realize] Lazy<Real, CountingSeed>),
    Eager(Real),
}

#[test]
fn enum_wrapper_forwards_per_variant() {
    let mut eager = EitherCounter::Eager(Real { value: 1 });
    eager.add(1);
    assert_eq!(eager.get(), 2);
    let (counter, builds) = lazy(4);
    let lazy = EitherCounter::Lazy(counter.cache);
    assert_eq!(lazy.into_total(), 40);
    assert_eq!(builds.get(), 1);
}

// Receivers written out in full, with explicit lifetimes, and `mut self`.
#[forwardable]
#[allow(clippy::needless_arbitrary_self_type)] // the spelling is under test
pub trait Spelled {
    fn typed_ref(self: &Self) -> u32;
    fn typed_mut(self: &mut Self) -> u32;
    fn typed_value(self: Self) -> u32;
    fn with_lifetime<'a>(&'a self, other: &'a u32) -> &'a u32;
    fn mut_value(mut self) -> u32
    where
        Self: Sized,
    {
        self.typed_mut()
    }
}

impl Spelled for Real {
    fn typed_ref(&self) -> u32 {
        self.value
    }
    fn typed_mut(&mut self) -> u32 {
        self.value += 1;
        self.value
    }
    fn typed_value(self) -> u32 {
        self.value * 2
    }
    fn with_lifetime<'a>(&'a self, other: &'a u32) -> &'a u32 {
        if *other > self.value {
            other
        } else {
            &self.value
        }
    }
}

#[derive(RealizeForward)]
#[realize_forward(Spelled)]
pub struct LazySpelled {
    #[realize]
    cache: Lazy<Real, CountingSeed>,
}

#[test]
fn receivers_spelled_out() {
    let builds = Rc::new(Cell::new(0));
    let make = || LazySpelled {
        cache: Lazy::new(CountingSeed {
            value: 5,
            builds: Rc::clone(&builds),
        }),
    };
    let mut spelled = make();
    assert_eq!(spelled.typed_ref(), 5);
    assert_eq!(spelled.typed_mut(), 6);
    assert_eq!(*spelled.with_lifetime(&9), 9);
    assert_eq!(spelled.typed_value(), 12);
    assert_eq!(
        make().mut_value(),
        6,
        "the default, through the forwarded typed_mut"
    );
    assert_eq!(builds.get(), 2);
}
