//! `#[forwardable(blanket)]` on every item shape the derive forwards, and
//! with every kind of wrapper: the blanket impl's forwarders give what the
//! target gives, as the derive's own impl does.

#![deny(warnings)]
#![allow(async_fn_in_trait)]
// `cfg(all())` / `cfg(any())`: always on / off.
#![allow(clippy::non_minimal_cfg)]

mod common;

use std::future::Future;
use std::pin::pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use common::{Counted, counted};
use lazy_core::{Lazy, RealizeForward, forwardable};

/// Shapes the scanner leaves to syn: GATs, `async`, `unsafe`, raw names,
/// `#[deprecated]` items, `Self` arguments, consts with defaults.
#[forwardable(blanket)]
pub trait Syn {
    type Item<'a>: Clone
    where
        Self: 'a;
    type Plain: Default;
    const LIMIT: u32;
    const DEFAULTED: u32 = 5;
    fn item<'a>(&'a self, at: usize) -> Self::Item<'a>;
    async fn fetch(&self, key: u32) -> u32;
    /// # Safety
    /// `index` must be below 4.
    unsafe fn get_unchecked(&self, index: usize) -> u8;
    fn r#match(&self, r#in: u8) -> u8;
    #[deprecated(note = "use `r#match`")]
    fn old(&self) -> u8;
    fn same(&self, other: &Self) -> bool;
    fn absorb(&mut self, other: Self) -> u8
    where
        Self: Sized;
    fn boxed(self: Box<Self>) -> u8;
    fn elided(&self, s: &str) -> &str;
    fn arg_impl(&self, x: impl Into<u32>) -> u32;
    fn ret_impl(&self) -> impl Iterator<Item = u8> + '_;
    fn overridden(&self) -> u8 {
        0
    }
    fn kept(&self) -> u8
    where
        Self: Sized,
    {
        100
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Real([u8; 4]);

impl Syn for Real {
    type Item<'a> = &'a u8;
    type Plain = String;
    const LIMIT: u32 = 7;
    fn item<'a>(&'a self, at: usize) -> &'a u8 {
        &self.0[at]
    }
    async fn fetch(&self, key: u32) -> u32 {
        key + u32::from(self.0[0])
    }
    unsafe fn get_unchecked(&self, index: usize) -> u8 {
        // SAFETY: the caller keeps `index` below 4.
        unsafe { *self.0.get_unchecked(index) }
    }
    fn r#match(&self, r#in: u8) -> u8 {
        self.0[0] + r#in
    }
    fn old(&self) -> u8 {
        self.0[1]
    }
    fn same(&self, other: &Self) -> bool {
        self == other
    }
    fn absorb(&mut self, other: Self) -> u8 {
        self.0[0] += other.0[0];
        self.0[0]
    }
    fn boxed(self: Box<Self>) -> u8 {
        self.0[3]
    }
    fn elided(&self, _s: &str) -> &str {
        if self.0[0] == 1 { "one" } else { "other" }
    }
    fn arg_impl(&self, x: impl Into<u32>) -> u32 {
        x.into() * u32::from(self.0[1])
    }
    fn ret_impl(&self) -> impl Iterator<Item = u8> + '_ {
        self.0.iter().copied()
    }
    fn overridden(&self) -> u8 {
        42
    }
}

#[derive(RealizeForward)]
#[realize_forward(Syn)]
pub struct LazySyn {
    #[realize]
    cache: Lazy<Real, Counted<Real>>,
}

fn lazy_syn() -> (LazySyn, Rc<std::cell::Cell<u32>>) {
    let (cache, builds) = counted(|| Real([1, 2, 3, 4]));
    (LazySyn { cache }, builds)
}

fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(value) = future.as_mut().poll(&mut cx) {
            return value;
        }
    }
}

#[test]
#[allow(deprecated)]
fn syn_shapes_forward_through_the_blanket_impl() {
    let (mut lazy, builds) = lazy_syn();
    let real = Real([1, 2, 3, 4]);
    assert_eq!(builds.get(), 0);
    assert_eq!(<LazySyn as Syn>::LIMIT, 7);
    assert_eq!(<LazySyn as Syn>::DEFAULTED, 5);
    assert_eq!(<LazySyn as Syn>::Plain::default(), String::new());
    assert_eq!(lazy.item(2), real.item(2));
    assert_eq!(builds.get(), 1);
    assert_eq!(block_on(lazy.fetch(10)), 11);
    // SAFETY: 3 is below 4.
    assert_eq!(unsafe { lazy.get_unchecked(3) }, 4);
    assert_eq!(lazy.r#match(1), 2);
    assert_eq!(lazy.old(), 2);
    let (other, other_builds) = lazy_syn();
    assert!(lazy.same(&other));
    assert_eq!(other_builds.get(), 1);
    assert_eq!(lazy.elided("abc"), "one");
    assert_eq!(lazy.arg_impl(3u8), 6);
    assert_eq!(lazy.ret_impl().collect::<Vec<_>>(), [1, 2, 3, 4]);
    assert_eq!(lazy.overridden(), 42);
    assert_eq!(lazy.kept(), 100);
    assert_eq!(lazy.absorb(other), 2);
    assert_eq!(Box::new(lazy).boxed(), 4);
    assert_eq!(builds.get(), 1);
}

/// More `#[cfg]` predicates than the macro is written out for: the blanket
/// impl's forwarders carry them.
#[forwardable(blanket)]
pub trait ManyCfgs {
    #[cfg(all())]
    fn one(&self) -> u8;
    #[cfg(not(any()))]
    fn two(&self) -> u8;
    #[cfg(any(all()))]
    fn three(&self) -> u8;
    #[cfg(all(all()))]
    fn four(&self) -> u8;
    #[cfg(any())]
    fn never(&self) -> u8;
    fn always(&self) -> u8;
}

impl ManyCfgs for Real {
    fn one(&self) -> u8 {
        self.0[0]
    }
    fn two(&self) -> u8 {
        self.0[1]
    }
    fn three(&self) -> u8 {
        self.0[2]
    }
    fn four(&self) -> u8 {
        self.0[3]
    }
    fn always(&self) -> u8 {
        9
    }
}

/// A struct whose `Realize` impl is the field itself.
#[derive(RealizeForward)]
#[realize_forward(ManyCfgs, Syn)]
pub struct Plain(#[realize(plain)] Real);

#[test]
fn many_cfgs_and_a_plain_wrapper() {
    let plain = Plain(Real([1, 2, 3, 4]));
    assert_eq!(
        [plain.one(), plain.two(), plain.three(), plain.four()],
        [1, 2, 3, 4]
    );
    assert_eq!(plain.always(), 9);
    assert_eq!(plain.overridden(), 42);
}
