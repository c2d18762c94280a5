//! `#[forwardable(blanket)]`: the forwarders are written once, beside the
//! trait, as a blanket impl; a derived struct without `except` names for the
//! trait only joins it (a generic one too, unless the trait has
//! supertraits), and every other wrapper (an enum, with `except`) gets the
//! derive's own impl, as without `blanket`.
//! Each forwarded call gives what the target gives, and builds the target
//! once.

use std::cell::Cell;
use std::rc::Rc;

use lazy_core::{Lazy, RealizeForward};

mod model {
    // Imported here only: the blanket impl is written here, so the
    // wrappers' modules need none of these.
    use std::collections::BTreeMap;

    /// The module's own `Result`.
    pub type Result<T> = std::result::Result<T, String>;

    /// Every shape of method the blanket impl writes.
    #[lazy_core::forwardable(blanket)]
    pub trait Tracker {
        type Out: Clone;
        const KIND: &'static str;
        fn value(&self) -> u64;
        fn bump(&mut self, by: u64) -> u64;
        fn mix<T: Into<u64>>(&self, x: T) -> u64;
        fn sum(&self, a: u64, b: u64) -> u64 {
            a.wrapping_add(b)
        }
        fn first<'a>(&self, s: &'a str) -> &'a str;
        fn out(&self) -> Self::Out;
        fn total<I>(&self, it: I) -> u64
        where
            I: IntoIterator<Item = u64>;
        fn table(&self) -> BTreeMap<String, u64>;
        fn check(&self, limit: u64) -> Result<u64>;
        fn evens(&self) -> impl Iterator<Item = u64>;
        fn into_value(self) -> u64
        where
            Self: Sized;
        /// Not forwarded: keeps this default.
        fn kind(&self) -> &'static str
        where
            Self: Sized,
        {
            Self::KIND
        }
    }

    /// A supertrait, both forwarded by blanket impls.
    #[lazy_core::forwardable(blanket)]
    pub trait Typed: Tracker {
        fn is_big(&self) -> bool;
    }

    /// Read by syn, not by the scanner (a `#[cfg]` on a method): the same
    /// blanket impl, gated as the method is.
    #[lazy_core::forwardable(blanket)]
    pub trait Gated {
        fn always(&self) -> u8;
        #[cfg(test)]
        fn kept(&self) -> u8;
        #[cfg(not(test))]
        fn dropped(&self) -> u8;
    }

    /// Dyn-compatible: a blanket-forwarded wrapper can be boxed.
    #[lazy_core::forwardable(blanket)]
    pub trait Named {
        fn name(&self) -> String;
    }
}

use model::{Gated, Named, Tracker, Typed};

#[derive(Clone, Debug, PartialEq)]
pub struct Real(u64);

impl Tracker for Real {
    type Out = String;
    const KIND: &'static str = "real";
    fn value(&self) -> u64 {
        self.0
    }
    fn bump(&mut self, by: u64) -> u64 {
        self.0 += by;
        self.0
    }
    fn mix<T: Into<u64>>(&self, x: T) -> u64 {
        self.0 ^ x.into()
    }
    fn first<'a>(&self, s: &'a str) -> &'a str {
        &s[..1]
    }
    fn out(&self) -> String {
        format!("real {}", self.0)
    }
    fn total<I>(&self, it: I) -> u64
    where
        I: IntoIterator<Item = u64>,
    {
        self.0 + it.into_iter().sum::<u64>()
    }
    fn table(&self) -> std::collections::BTreeMap<String, u64> {
        [("v".to_string(), self.0)].into_iter().collect()
    }
    fn check(&self, limit: u64) -> model::Result<u64> {
        if self.0 <= limit {
            Ok(self.0)
        } else {
            Err(format!("{} > {limit}", self.0))
        }
    }
    fn evens(&self) -> impl Iterator<Item = u64> {
        (0..self.0).filter(|n| n % 2 == 0)
    }
    fn into_value(self) -> u64 {
        self.0
    }
}

impl Typed for Real {
    fn is_big(&self) -> bool {
        self.0 > 100
    }
}

impl Gated for Real {
    fn always(&self) -> u8 {
        1
    }
    fn kept(&self) -> u8 {
        2
    }
}

impl Named for Real {
    fn name(&self) -> String {
        format!("Real({})", self.0)
    }
}

/// A lazy of `Real(value)` that counts its builds in `builds`.
fn counted(value: u64, builds: &Rc<Cell<u32>>) -> Lazy<Real, Box<dyn FnOnce() -> Real>> {
    let builds = Rc::clone(builds);
    Lazy::new(Box::new(move || {
        builds.set(builds.get() + 1);
        Real(value)
    }))
}

mod wrappers {
    // No import of `BTreeMap` or `model::Result`: the blanket impl's
    // signatures were resolved in `model`.
    use super::{Lazy, Real, RealizeForward};

    #[derive(RealizeForward)]
    #[realize_forward(super::Tracker, super::Typed, super::Gated, super::Named)]
    pub struct LazyReal {
        #[realize]
        pub cache: Lazy<Real, Box<dyn FnOnce() -> Real>>,
    }
}
use wrappers::LazyReal;

/// A second wrapper of the same traits: it costs one `Forwards` impl.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
struct AlsoLazy(#[realize] Lazy<Real>);

/// Generic, forwarding a trait with a by-value method (whose blanket impl
/// needs a `Sized` target): joins the blanket impl.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
struct Generic<T: Tracker>(#[realize] Lazy<T>);

/// Generic, with a subtrait: `Tracker` through the blanket impl, `Typed`
/// (which has a supertrait) by the derive's own impl, which proves the
/// blanket one's `Sized` target.
#[derive(RealizeForward)]
#[realize_forward(Tracker, Typed)]
struct GenericTyped<T>(#[realize] Lazy<T>)
where
    T: Typed;

/// Generic, with a `where` clause: joins the blanket impls of `Named` and
/// `Gated` for every `T` it can be realized to.
#[derive(RealizeForward)]
#[realize_forward(Named, Gated)]
struct GenericNamed<T>(#[realize] Lazy<T>)
where
    T: Named + Gated;

/// With `except`: the derive's own impl, answering `value` itself.
#[derive(RealizeForward)]
#[realize_forward(Tracker, except(value))]
struct Excepting(#[realize] Lazy<Real>);

impl Excepting {
    fn value(&self) -> u64 {
        7
    }
}

/// An enum: the derive's per-variant impl.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
enum Either {
    First(#[realize] Lazy<Real>),
    Second(#[realize] Lazy<Real>),
}

/// A wrapper of a wrapper: its target forwards through the blanket impl.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
struct Outer(#[realize] Lazy<AlsoLazy>);

#[test]
fn blanket_forwarders_give_what_the_target_gives_and_build_once() {
    let builds = Rc::new(Cell::new(0));
    let mut lazy = LazyReal {
        cache: counted(10, &builds),
    };
    let mut real = Real(10);
    assert_eq!(builds.get(), 0);
    assert_eq!(lazy.value(), real.value());
    assert_eq!(builds.get(), 1);
    assert_eq!(lazy.bump(5), real.bump(5));
    assert_eq!(lazy.mix(3u8), real.mix(3u8));
    assert_eq!(lazy.sum(2, 3), 5);
    assert_eq!(lazy.first("xyz"), "x");
    assert_eq!(lazy.out(), real.out());
    assert_eq!(lazy.total([1, 2]), real.total([1, 2]));
    assert_eq!(lazy.table(), real.table());
    assert_eq!(lazy.check(20), real.check(20));
    assert_eq!(lazy.check(1), real.check(1));
    assert_eq!(
        lazy.evens().collect::<Vec<_>>(),
        real.evens().collect::<Vec<_>>()
    );
    assert_eq!(<LazyReal as Tracker>::KIND, "real");
    // The default stays the trait's, and reads the wrapper's `KIND`.
    assert_eq!(lazy.kind(), "real");
    assert!(!lazy.is_big());
    assert_eq!((lazy.always(), lazy.kept()), (1, 2));
    assert_eq!(builds.get(), 1);
    assert_eq!(lazy.into_value(), real.into_value());
}

#[test]
fn blanket_trait_stays_dyn_compatible() {
    let builds = Rc::new(Cell::new(0));
    let boxed: Box<dyn Named> = Box::new(LazyReal {
        cache: counted(4, &builds),
    });
    assert_eq!(builds.get(), 0);
    assert_eq!(boxed.name(), "Real(4)");
    assert_eq!(builds.get(), 1);
}

#[test]
fn other_wrappers_get_the_derives_own_impl() {
    let also = AlsoLazy(Lazy::new(|| Real(3)));
    assert_eq!(also.value(), 3);
    let generic = Generic(Lazy::new(|| Real(4)));
    assert_eq!(generic.value(), 4);
    assert_eq!(generic.out(), "real 4");
    let typed = GenericTyped(Lazy::new(|| Real(300)));
    assert!(typed.is_big());
    assert_eq!(typed.into_value(), 300);
    let named = GenericNamed(Lazy::new(|| Real(2)));
    assert_eq!(
        (named.name(), named.always(), named.kept()),
        ("Real(2)".into(), 1, 2)
    );
    // A wrapper of a wrapper, both generic and in the blanket impl.
    let nested = GenericNamed(Lazy::new(|| GenericNamed(Lazy::new(|| Real(5)))));
    assert_eq!(nested.name(), "Real(5)");
    let boxed: Box<dyn Named> = Box::new(nested);
    assert_eq!(boxed.name(), "Real(5)");
    let excepting = Excepting(Lazy::new(|| Real(5)));
    assert_eq!(Tracker::value(&excepting), 7);
    assert_eq!(excepting.mix(1u8), 4);
    let first = Either::First(Lazy::new(|| Real(6)));
    let second = Either::Second(Lazy::new(|| Real(8)));
    assert_eq!((first.value(), second.value()), (6, 8));
    let outer = Outer(Lazy::new(|| AlsoLazy(Lazy::new(|| Real(9)))));
    assert_eq!(outer.total([1]), 10);
    assert_eq!(outer.out(), "real 9");
}

/// A struct that implements `Realize` by hand beside a lazy it does not
/// mark `#[realize]`: the derive cannot tell it from a forgotten mark, so it
/// realizes through lazy-core's `Unmarked` family, which the hand-written
/// impls give it. Under a blanket trait it joins the blanket impl; a plain
/// trait's hidden macro writes its impl; a trait with a by-value method
/// (which needs a `Sized` target) is written by the chain. Each call goes
/// through the hand-written impls (counted).
mod by_hand {
    use std::cell::Cell;

    use lazy_core::{Lazy, RealizeForward};

    #[lazy_core::forwardable(blanket)]
    pub trait Counter {
        fn get(&self) -> u32;
        fn add(&mut self, by: u32) -> u32;
    }

    #[lazy_core::forwardable]
    pub trait Label {
        fn label(&self) -> String;
        fn relabel(&mut self, to: &str);
    }

    #[lazy_core::forwardable]
    pub trait Spend {
        fn peek(&self) -> u32;
        fn grow(&mut self);
        fn spend(self) -> u32
        where
            Self: Sized;
    }

    pub struct Real {
        pub count: u32,
        pub label: String,
    }

    impl Counter for Real {
        fn get(&self) -> u32 {
            self.count
        }
        fn add(&mut self, by: u32) -> u32 {
            self.count += by;
            self.count
        }
    }

    impl Label for Real {
        fn label(&self) -> String {
            self.label.clone()
        }
        fn relabel(&mut self, to: &str) {
            self.label = to.to_string();
        }
    }

    impl Spend for Real {
        fn peek(&self) -> u32 {
            self.count
        }
        fn grow(&mut self) {
            self.count *= 2;
        }
        fn spend(self) -> u32 {
            self.count + 1000
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Counter, Label, Spend)]
    pub struct Logged {
        pub lazy: Lazy<Real, fn() -> Real>,
        pub reads: Cell<u32>,
        pub writes: u32,
    }

    impl lazy_core::Realize for Logged {
        type Target = Real;
        fn realize(&self) -> &Real {
            self.reads.set(self.reads.get() + 1);
            lazy_core::Realize::realize(&self.lazy)
        }
    }

    impl lazy_core::RealizeMut for Logged {
        fn realize_mut(&mut self) -> &mut Real {
            self.writes += 1;
            lazy_core::RealizeMut::realize_mut(&mut self.lazy)
        }
    }

    impl lazy_core::RealizeInto for Logged {
        fn into_realized(self) -> Real {
            lazy_core::RealizeInto::into_realized(self.lazy)
        }
    }

    pub fn logged() -> Logged {
        Logged {
            lazy: Lazy::new(|| Real {
                count: 1,
                label: String::from("one"),
            }),
            reads: Cell::new(0),
            writes: 0,
        }
    }
}

#[test]
fn a_hand_written_realize_beside_an_unmarked_lazy_forwards_through_it() {
    use by_hand::{Counter, Label, Spend};
    let mut logged = by_hand::logged();
    assert_eq!(logged.add(2), 3);
    assert_eq!(logged.get(), 3);
    logged.relabel("three");
    assert_eq!(logged.label(), "three");
    logged.grow();
    assert_eq!(logged.peek(), 6);
    assert_eq!((logged.reads.get(), logged.writes), (3, 3));
    assert_eq!(logged.spend(), 1006);
}
