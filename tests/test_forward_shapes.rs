//! Method shapes: `async fn`, `unsafe fn`, `#[cfg]`, `#[deprecated]`,
//! `#[must_use]`, pattern parameters, `extern "C"` methods, `#[cfg_attr]`.

#![deny(warnings)]
#![allow(async_fn_in_trait)]
// the trait is only used here
// `cfg(all())` / `cfg(any())`: always on / off, for rustc and rust-analyzer alike.
#![allow(clippy::non_minimal_cfg)]

mod common;

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use common::{Counted, counted};
use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Shapes {
    async fn fetch(&self, key: u32) -> u32;
    fn fetch_send(&self) -> impl Future<Output = u32> + Send;
    /// # Safety
    /// `index` must be below 4.
    unsafe fn get_unchecked(&self, index: usize) -> u8;
    #[cfg(all())]
    fn present(&self) -> &'static str;
    #[cfg(any())]
    fn absent(&self) -> &'static str;
    /// Could not be forwarded, but is compiled out: no error.
    #[cfg(any())]
    fn create() -> Self
    where
        Self: Sized;
    #[deprecated(note = "use `present`")]
    fn old(&self) -> u8;
    #[must_use]
    fn must(&self) -> u8;
    fn patterns(&self, (a, b): (u8, u8), [c, ..]: [u8; 2], mut d: u8, _: u8) -> u8 {
        d += a + b + c;
        d
    }
    extern "C" fn c_abi(&self) -> u8;
}

pub struct Real([u8; 4]);

impl Shapes for Real {
    async fn fetch(&self, key: u32) -> u32 {
        key + u32::from(self.0[0])
    }
    fn fetch_send(&self) -> impl Future<Output = u32> + Send {
        let first = u32::from(self.0[0]);
        async move { first * 2 }
    }
    unsafe fn get_unchecked(&self, index: usize) -> u8 {
        // SAFETY: the caller keeps `index` below 4.
        unsafe { *self.0.get_unchecked(index) }
    }
    #[cfg(all())]
    fn present(&self) -> &'static str {
        "present"
    }
    fn old(&self) -> u8 {
        self.0[1]
    }
    fn must(&self) -> u8 {
        self.0[2]
    }
    fn patterns(&self, (a, b): (u8, u8), [c, _]: [u8; 2], d: u8, e: u8) -> u8 {
        self.0[0] + a + b + c + d + e
    }
    extern "C" fn c_abi(&self) -> u8 {
        self.0[3]
    }
}

#[derive(RealizeForward)]
#[realize_forward(Shapes)]
pub struct LazyShapes {
    #[realize]
    cache: Lazy<Real, Counted<Real>>,
}

fn lazy() -> (LazyShapes, std::rc::Rc<std::cell::Cell<u32>>) {
    let (cache, builds) = counted(|| Real([1, 2, 3, 4]));
    (LazyShapes { cache }, builds)
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
fn async_fn_realizes_when_called_and_forwards_the_future() {
    let (shapes, builds) = lazy();
    let future = shapes.fetch(10);
    assert_eq!(builds.get(), 1, "calling realizes, before any poll");
    assert_eq!(block_on(future), 11);
    assert_eq!(block_on(shapes.fetch_send()), 2);
    assert_eq!(builds.get(), 1);
}

#[test]
fn unsafe_fn_is_forwarded_as_unsafe() {
    let (shapes, builds) = lazy();
    // SAFETY: 3 is below 4.
    assert_eq!(unsafe { shapes.get_unchecked(3) }, 4);
    assert_eq!(builds.get(), 1);
}

#[test]
fn cfg_methods_are_forwarded_under_the_same_cfg() {
    let (shapes, _) = lazy();
    assert_eq!(shapes.present(), "present");
}

#[test]
#[allow(deprecated)]
fn deprecated_methods_are_forwarded_without_warning() {
    let (shapes, _) = lazy();
    assert_eq!(shapes.old(), 2);
}

#[test]
fn must_use_patterns_and_abi() {
    let (shapes, builds) = lazy();
    assert_eq!(shapes.must(), 3);
    assert_eq!(shapes.patterns((1, 1), [1, 9], 1, 1), 6);
    assert_eq!(shapes.c_abi(), 4);
    assert_eq!(builds.get(), 1);
}

/// More cfg predicates than the hidden macro is written out for: the
/// forwarders carry the `#[cfg]`s instead.
#[forwardable]
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
}

impl ManyCfgs for u8 {
    fn one(&self) -> u8 {
        1
    }
    fn two(&self) -> u8 {
        2
    }
    fn three(&self) -> u8 {
        3
    }
    fn four(&self) -> u8 {
        4
    }
}

#[derive(RealizeForward)]
#[realize_forward(ManyCfgs)]
pub struct LazyMany(#[realize] Lazy<u8>);

#[test]
fn many_cfg_predicates() {
    let many = LazyMany(Lazy::new(|| 0));
    assert_eq!(
        [many.one(), many.two(), many.three(), many.four()],
        [1, 2, 3, 4]
    );
}

/// Parameters under the same `#[cfg]` are there or not together: eight of
/// them under two cfgs make 4 forwarders, within the limit of 6 distinct
/// cfgs per method (2^8 would be past it).
#[forwardable]
pub trait Wide {
    #[allow(clippy::too_many_arguments)]
    fn digits(
        &self,
        #[cfg(all())] a: u32,
        #[cfg(any())] b: u32,
        #[cfg(all())] c: u32,
        #[cfg(any())] d: u32,
        #[cfg(all())] e: u32,
        #[cfg(any())] f: u32,
        #[cfg(all())] g: u32,
        #[cfg(any())] h: u32,
        last: u32,
    ) -> u32;
}

impl Wide for u32 {
    fn digits(
        &self,
        #[cfg(all())] a: u32,
        #[cfg(any())] b: u32,
        #[cfg(all())] c: u32,
        #[cfg(any())] d: u32,
        #[cfg(all())] e: u32,
        #[cfg(any())] f: u32,
        #[cfg(all())] g: u32,
        #[cfg(any())] h: u32,
        last: u32,
    ) -> u32 {
        self + a * 10_000 + c * 1_000 + e * 100 + g * 10 + last
    }
}

#[derive(RealizeForward)]
#[realize_forward(Wide)]
pub struct LazyWide(#[realize] Lazy<u32, Counted<u32>>);

#[test]
fn parameters_under_one_cfg_are_forwarded_together() {
    let (cache, builds) = counted(|| 100_000);
    let wide = LazyWide(cache);
    assert_eq!(wide.digits(1, 2, 3, 4, 5), 112_345);
    assert_eq!(wide.digits(1, 2, 3, 4, 5), 100_000.digits(1, 2, 3, 4, 5));
    assert_eq!(builds.get(), 1);
}

/// Two alternative definitions of one trait, chosen by `#[cfg]`: each takes
/// its hidden macro along (else both re-exports would clash).
#[forwardable]
#[cfg(any())]
pub trait Present {
    fn absent(&self) -> u8;
}

#[forwardable]
#[cfg(all())]
pub trait Present {
    fn present(&self) -> u8;
}

impl Present for u8 {
    fn present(&self) -> u8 {
        9
    }
}

#[derive(RealizeForward)]
#[realize_forward(Present)]
pub struct LazyPresent(#[realize] Lazy<u8>);

#[test]
fn cfg_on_the_trait_gates_its_macro() {
    assert_eq!(LazyPresent(Lazy::new(|| 0)).present(), 9);
}

/// `#[cfg_attr(p, cfg(q))]` on items and parameters is the cfg it stands
/// for, nested too; `#[cfg_attr(p, deprecated)]` warns where the trait is
/// used, not in each derive's forwarders (this file denies warnings). The
/// derive is written on a struct and an enum.
#[forwardable]
pub trait CfgAttrs {
    #[cfg_attr(all(), cfg(any()))]
    fn gone(&self) -> u8;
    #[cfg_attr(any(), cfg(any()))]
    fn kept(&self) -> u8;
    #[cfg_attr(all(), cfg_attr(all(), cfg(any())))]
    fn nested_gone(&self) -> u8;
    #[cfg_attr(all(), deprecated(note = "use `kept`"))]
    fn old(&self) -> u8;
    #[cfg_attr(all(), must_use)]
    fn sum(&self, #[cfg_attr(all(), cfg(any()))] dropped: u8, kept: u8) -> u8;
}

impl CfgAttrs for u8 {
    fn kept(&self) -> u8 {
        *self
    }
    fn old(&self) -> u8 {
        *self + 1
    }
    fn sum(&self, kept: u8) -> u8 {
        *self + kept
    }
}

#[derive(RealizeForward)]
#[realize_forward(CfgAttrs)]
pub struct LazyCfgAttrs(#[realize] Lazy<u8>);

#[derive(RealizeForward)]
#[realize_forward(CfgAttrs)]
pub enum EitherCfgAttrs {
    Later(#[realize] Lazy<u8>),
    Ready(u8),
}

#[test]
#[allow(deprecated)]
fn cfg_attr_on_items_and_parameters_is_the_cfg_it_stands_for() {
    let lazy = LazyCfgAttrs(Lazy::new(|| 5));
    assert_eq!((lazy.kept(), lazy.old(), lazy.sum(2)), (5, 6, 7));
    let either = EitherCfgAttrs::Later(Lazy::new(|| 7));
    assert_eq!((either.kept(), either.old(), either.sum(1)), (7, 8, 8));
    assert_eq!(EitherCfgAttrs::Ready(1).sum(1), 2);
}

/// `extern fn` without an ABI (`"C"`): rustc warns once, at the trait,
/// which allows it here; the forwarders write the ABI out (this file
/// denies warnings).
#[forwardable]
#[allow(missing_abi)]
pub trait ImplicitAbi {
    extern "C" fn implicit(&self) -> u8;
}

impl ImplicitAbi for u8 {
    extern "C" fn implicit(&self) -> u8 {
        *self * 2
    }
}

#[derive(RealizeForward)]
#[realize_forward(ImplicitAbi)]
pub struct LazyImplicitAbi(#[realize] Lazy<u8>);

#[derive(RealizeForward)]
#[realize_forward(ImplicitAbi)]
pub enum EitherImplicitAbi {
    Later(#[realize] Lazy<u8>),
    Ready(u8),
}

#[test]
fn extern_without_an_abi_forwards_as_extern_c() {
    assert_eq!(LazyImplicitAbi(Lazy::new(|| 3)).implicit(), 6);
    assert_eq!(EitherImplicitAbi::Ready(4).implicit(), 8);
    let forwarder: extern "C" fn(&LazyImplicitAbi) -> u8 = ImplicitAbi::implicit;
    assert_eq!(forwarder(&LazyImplicitAbi(Lazy::new(|| 1))), 2);
}
