//! Receivers: `&self`, `&mut self`, `self`, `self: Box<Self>`,
//! `self: Pin<&mut Self>`.

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

// `Rc<Self>` and `Arc<Self>` receivers cannot hold the realized value: the
// default answers. A `Pin<&mut Self>` method with a default keeps it too
// (forwarding it would ask the wrapper and its target to be `Unpin`).
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

// `self: Pin<&mut Self>` without a default: forwarded through
// `Pin::get_mut` and `Pin::new`, the impl asking the wrapper and its target
// to be `Unpin` (`tests/ui/pinned-receiver-not-unpin.rs`).
#[forwardable]
pub trait Step {
    /// The next value, counting up from the target's.
    fn step(self: std::pin::Pin<&mut Self>, by: u32) -> u32;
    fn peek(&self) -> u32;
}

impl Step for Real {
    fn step(mut self: std::pin::Pin<&mut Self>, by: u32) -> u32 {
        self.value += by;
        self.value
    }
    fn peek(&self) -> u32 {
        self.value
    }
}

#[derive(RealizeForward)]
#[realize_forward(Step)]
pub struct LazyStep {
    #[realize]
    cache: Lazy<Real, CountingSeed>,
}

/// Generic over the seed: the impl holds where the seed is `Unpin`.
#[derive(RealizeForward)]
#[realize_forward(Step)]
pub struct GenericStep<S: Seed<Output = Real>> {
    #[realize]
    cache: Lazy<Real, S>,
}

/// A newtype forwarding to its field as it is.
#[derive(RealizeForward)]
#[realize_forward(Step)]
pub struct PlainStep(#[realize(plain)] Real);

#[derive(RealizeForward)]
#[realize_forward(Step)]
pub enum EitherStep {
    Later(#[realize] Lazy<Real, CountingSeed>),
    Ready(Real),
}

fn counting(value: u32) -> (CountingSeed, Rc<Cell<u32>>) {
    let builds = Rc::new(Cell::new(0));
    let seed = CountingSeed {
        value,
        builds: Rc::clone(&builds),
    };
    (seed, builds)
}

#[test]
fn pinned_receiver_forwards_to_the_realized_value() {
    use std::pin::Pin;
    let (seed, builds) = counting(3);
    let mut lazy = LazyStep {
        cache: Lazy::new(seed),
    };
    assert_eq!(builds.get(), 0);
    assert_eq!(Pin::new(&mut lazy).step(2), 5);
    assert_eq!(Pin::new(&mut lazy).step(1), 6);
    assert_eq!(lazy.peek(), 6, "the steps changed the realized value");
    assert_eq!(builds.get(), 1);

    let (seed, builds) = counting(10);
    let mut generic = GenericStep {
        cache: Lazy::new(seed),
    };
    assert_eq!(Pin::new(&mut generic).step(5), 15);
    assert_eq!(generic.peek(), 15);
    assert_eq!(builds.get(), 1);

    let mut plain = PlainStep(Real { value: 4 });
    assert_eq!(Pin::new(&mut plain).step(4), 8);
    assert_eq!(plain.0.value, 8);

    let (seed, builds) = counting(7);
    let mut later = EitherStep::Later(Lazy::new(seed));
    let mut ready = EitherStep::Ready(Real { value: 1 });
    assert_eq!(Pin::new(&mut later).step(1), 8);
    assert_eq!(Pin::new(&mut ready).step(1), 2);
    assert_eq!((later.peek(), ready.peek()), (8, 2));
    assert_eq!(builds.get(), 1);
}

/// std's `Future`, mirrored: a wrapper whose lazy builds the future when it
/// is first polled.
#[forwardable(remote = ::core::future::Future)]
pub trait Future {
    type Output;
    fn poll(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Self::Output>;
}

/// Ready after `polls` more polls.
pub struct Countdown {
    polls: u32,
}

impl std::future::Future for Countdown {
    type Output = &'static str;
    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<&'static str> {
        if self.polls == 0 {
            return std::task::Poll::Ready("done");
        }
        self.polls -= 1;
        cx.waker().wake_by_ref();
        std::task::Poll::Pending
    }
}

#[derive(RealizeForward)]
#[realize_forward(Future)]
pub struct LazyFuture {
    #[realize]
    future: Lazy<Countdown, Box<dyn FnOnce() -> Countdown>>,
}

#[test]
fn a_lazy_future_is_built_at_its_first_poll() {
    use std::future::Future as _;
    use std::task::{Context, Poll, Waker};
    let builds = Rc::new(Cell::new(0));
    let counted = Rc::clone(&builds);
    let mut future = LazyFuture {
        future: Lazy::new(Box::new(move || {
            counted.set(counted.get() + 1);
            Countdown { polls: 2 }
        }) as Box<dyn FnOnce() -> Countdown>),
    };
    let mut cx = Context::from_waker(Waker::noop());
    assert_eq!(builds.get(), 0);
    let mut pinned = std::pin::Pin::new(&mut future);
    assert_eq!(pinned.as_mut().poll(&mut cx), Poll::Pending);
    assert_eq!(pinned.as_mut().poll(&mut cx), Poll::Pending);
    assert_eq!(pinned.as_mut().poll(&mut cx), Poll::Ready("done"));
    assert_eq!(builds.get(), 1);
}

/// The same through lazy-core's ready mirror of `Future`.
#[derive(RealizeForward)]
#[realize_forward(lazy_core::remote::Future)]
pub struct ReadyMirrorFuture {
    #[realize]
    future: Lazy<Countdown>,
}

#[test]
fn lazy_cores_future_mirror_forwards_poll() {
    use std::future::Future as _;
    use std::task::{Context, Poll, Waker};
    let mut future = ReadyMirrorFuture {
        future: Lazy::new(|| Countdown { polls: 1 }),
    };
    let mut cx = Context::from_waker(Waker::noop());
    assert!(!Lazy::is_realized(&future.future));
    let mut pinned = std::pin::Pin::new(&mut future);
    assert_eq!(pinned.as_mut().poll(&mut cx), Poll::Pending);
    assert_eq!(pinned.as_mut().poll(&mut cx), Poll::Ready("done"));
    assert!(Lazy::is_realized(&future.future));
}

// `Pin<..>` whose argument comes through a macro's `$r:ty` (an invisible
// group) or parentheses is the same receiver.
macro_rules! pinned_trait {
    ($r:ty) => {
        #[forwardable]
        #[allow(unused_parens)]
        pub trait Spun {
            fn spin(self: std::pin::Pin<$r>, by: u32) -> u32;
            fn spin_back(self: std::pin::Pin<(&mut Self)>, by: u32) -> u32;
        }
    };
}
pinned_trait!(&mut Self);

impl Spun for Real {
    fn spin(mut self: std::pin::Pin<&mut Self>, by: u32) -> u32 {
        self.value += by;
        self.value
    }
    fn spin_back(mut self: std::pin::Pin<&mut Self>, by: u32) -> u32 {
        self.value -= by;
        self.value
    }
}

#[derive(RealizeForward)]
#[realize_forward(Spun)]
pub struct LazySpun {
    #[realize]
    cache: Lazy<Real, CountingSeed>,
}

#[test]
fn pinned_receivers_through_a_macro_and_parentheses() {
    let (seed, builds) = counting(5);
    let mut spun = LazySpun {
        cache: Lazy::new(seed),
    };
    assert_eq!(std::pin::Pin::new(&mut spun).spin(3), 8);
    assert_eq!(std::pin::Pin::new(&mut spun).spin_back(2), 6);
    assert_eq!(builds.get(), 1);
}

/// Two variants of one type with other lifetimes ("twins"): a bound on each
/// (`Word<'a>: Unpin`, `Word<'static>: Unpin`) would be ambiguous (E0283);
/// the arms' `Pin::new` checks them.
pub struct Word<'a>(&'a str);

impl Step for Word<'_> {
    fn step(self: std::pin::Pin<&mut Self>, by: u32) -> u32 {
        by + self.0.len() as u32
    }
    fn peek(&self) -> u32 {
        self.0.len() as u32
    }
}

#[derive(RealizeForward)]
#[realize_forward(Step)]
pub enum Words<'a> {
    Later(#[realize] Lazy<Word<'a>>),
    Fixed(Word<'static>),
}

#[test]
fn pinned_receiver_on_twin_variants() {
    let text = String::from("four");
    let mut later = Words::Later(Lazy::from_value(Word(&text)));
    let mut fixed = Words::Fixed(Word("ab"));
    assert_eq!(std::pin::Pin::new(&mut later).step(1), 5);
    assert_eq!(std::pin::Pin::new(&mut fixed).step(1), 3);
}
