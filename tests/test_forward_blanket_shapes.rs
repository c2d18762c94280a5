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
    fn arg_impl_and_param<T: Default + Into<u32>>(&self, x: impl Into<u32>) -> u32;
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
    fn item(&self, at: usize) -> &u8 {
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
    fn arg_impl_and_param<T: Default + Into<u32>>(&self, x: impl Into<u32>) -> u32 {
        x.into() + T::default().into()
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
    assert_eq!(lazy.arg_impl_and_param::<u8>(3u8), 3);
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

// Two traits of one name, at the same line and column of two files named
// `mod.rs`, and two written by two calls of one macro: four blanket impls
// with four keys, so a wrapper forwards both of a pair (one key would be two
// `Forwards<key>` impls for it, E0119).
#[path = "blanket_keys/v1/mod.rs"]
mod v1;
#[path = "blanket_keys/v2/mod.rs"]
mod v2;

macro_rules! versioned_api {
    ($module:ident) => {
        pub mod $module {
            #[lazy_core::forwardable(blanket)]
            pub trait Api {
                fn api(&self) -> u8;
            }
        }
    };
}
versioned_api!(api1);
versioned_api!(api2);

impl v1::Backend for Real {
    fn get(&self) -> u8 {
        1
    }
}

impl v2::Backend for Real {
    fn get(&self) -> u8 {
        2
    }
}

impl api1::Api for Real {
    fn api(&self) -> u8 {
        1
    }
}

impl api2::Api for Real {
    fn api(&self) -> u8 {
        2
    }
}

#[derive(RealizeForward)]
#[realize_forward(v1::Backend, v2::Backend, api1::Api, api2::Api)]
pub struct Versions(#[realize] Lazy<Real>);

#[test]
fn same_named_traits_at_the_same_place_keep_their_own_blanket_impls() {
    let versions = Versions(Lazy::new(|| Real([0; 4])));
    assert_eq!(
        (v1::Backend::get(&versions), v2::Backend::get(&versions)),
        (1, 2)
    );
    assert_eq!(
        (api1::Api::api(&versions), api2::Api::api(&versions)),
        (1, 2)
    );
}

/// A `pub(crate)` blanket trait, and a wrapper in another module.
mod narrow {
    #[lazy_core::forwardable(blanket)]
    pub(crate) trait Narrow {
        fn narrow(&self) -> u8;
    }

    impl Narrow for super::Real {
        fn narrow(&self) -> u8 {
            self.0[0]
        }
    }
}

mod narrow_wrappers {
    use lazy_core::{Lazy, RealizeForward};

    #[derive(RealizeForward)]
    #[realize_forward(crate::narrow::Narrow)]
    pub(crate) struct LazyNarrow(#[realize] pub(crate) Lazy<super::Real>);
}

#[test]
fn narrow_trait_and_a_trait_in_a_function_body() {
    use narrow::Narrow;
    let lazy = narrow_wrappers::LazyNarrow(Lazy::new(|| Real([3; 4])));
    assert_eq!(lazy.narrow(), 3);

    #[forwardable(blanket)]
    trait Local {
        fn local(&self) -> u8;
    }
    impl Local for Real {
        fn local(&self) -> u8 {
            self.0[1]
        }
    }
    #[derive(RealizeForward)]
    #[realize_forward(Local)]
    struct LazyLocal(#[realize] Lazy<Real>);
    assert_eq!(LazyLocal(Lazy::new(|| Real([4; 4]))).local(), 4);
}

/// A supertrait that is not a blanket trait, and one that is.
#[forwardable]
pub trait Base {
    fn base(&self) -> u8;
}

#[forwardable(blanket)]
pub trait Derived: Base {
    fn derived(&self) -> u8;
    fn bump(&mut self) -> u8;
}

#[forwardable(blanket)]
pub trait ReadOnly {
    fn read(&self) -> u8;
}

#[forwardable(blanket)]
pub trait OnReadOnly: ReadOnly {
    fn twice(&self) -> u8;
}

impl Base for Real {
    fn base(&self) -> u8 {
        self.0[0]
    }
}

impl Derived for Real {
    fn derived(&self) -> u8 {
        self.0[1]
    }
    fn bump(&mut self) -> u8 {
        self.0[1] += 1;
        self.0[1]
    }
}

impl ReadOnly for Real {
    fn read(&self) -> u8 {
        self.0[2]
    }
}

/// The trait's crate implements it for a box of its own type: no overlap
/// with the blanket impl.
impl ReadOnly for Box<Real> {
    fn read(&self) -> u8 {
        self.0[2] + 100
    }
}

impl OnReadOnly for Real {
    fn twice(&self) -> u8 {
        self.0[2] * 2
    }
}

// Every kind of `#[realize]` field, each forwarding blanket and non-blanket
// traits together.
#[derive(RealizeForward)]
#[realize_forward(Base, Derived, ReadOnly, OnReadOnly)]
pub struct Owned(#[realize] Lazy<Real>);

#[derive(RealizeForward)]
#[realize_forward(Base, Derived, ReadOnly)]
pub struct Synced(#[realize] lazy_core::sync::Lazy<Real>);

#[derive(RealizeForward)]
#[realize_forward(Base, Derived, ReadOnly)]
pub struct Boxed(#[realize] Box<Lazy<Real>>);

/// Shared: cannot lend mutably, so only `&self` traits.
#[derive(RealizeForward)]
#[realize_forward(Base, ReadOnly, OnReadOnly)]
pub struct Shared(#[realize] Rc<Lazy<Real>>);

#[derive(RealizeForward)]
#[realize_forward(ReadOnly, Base, Derived)]
pub struct Pointed(#[realize(deref)] Lazy<Box<Real>>);

#[derive(RealizeForward)]
#[realize_forward(ReadOnly)]
pub struct PointedDyn(#[realize(deref)] Lazy<Box<dyn ReadOnly>>);

/// Generic with a lifetime, a const parameter, bounds and a `where` clause:
/// joins `ReadOnly`'s blanket impl; `OnReadOnly` (a supertrait) gets the
/// derive's own impl, which finds `ReadOnly` through the blanket impl.
#[derive(RealizeForward)]
#[realize_forward(ReadOnly, OnReadOnly)]
pub struct Generic<'a, T: Clone + 'a, const N: usize>(
    #[realize] Lazy<T>,
    std::marker::PhantomData<&'a [u8; N]>,
)
where
    T: ReadOnly;

/// A wrapper whose target is a wrapper in the blanket impls.
#[derive(RealizeForward)]
#[realize_forward(Base, Derived, ReadOnly, OnReadOnly)]
pub struct Outer(#[realize] Lazy<Owned>);

#[test]
fn every_kind_of_field_joins_the_blanket_impls() {
    fn real() -> Real {
        Real([1, 2, 3, 4])
    }
    let mut owned = Owned(Lazy::new(real));
    assert_eq!(
        (owned.base(), owned.derived(), owned.bump(), owned.twice()),
        (1, 2, 3, 6)
    );
    let mut synced = Synced(lazy_core::sync::Lazy::new(real));
    assert_eq!((synced.bump(), synced.read()), (3, 3));
    let mut boxed = Boxed(Box::new(Lazy::new(real)));
    assert_eq!((boxed.bump(), boxed.base()), (3, 1));
    let shared = Shared(Rc::new(Lazy::new(real)));
    let again = Shared(Rc::clone(&shared.0));
    assert_eq!((shared.read(), again.twice(), again.base()), (3, 6, 1));
    let mut pointed = Pointed(Lazy::new(|| Box::new(real())));
    assert_eq!((pointed.read(), pointed.bump()), (3, 3));
    assert_eq!(ReadOnly::read(&Box::new(real())), 103);
    let dynamic = PointedDyn(Lazy::new(|| Box::new(real()) as Box<dyn ReadOnly>));
    assert_eq!(dynamic.read(), 3);
    let generic: Generic<'_, Real, 2> = Generic(Lazy::new(real), std::marker::PhantomData);
    assert_eq!((generic.read(), generic.twice()), (3, 6));
    let mut outer = Outer(Lazy::new(|| Owned(Lazy::new(real))));
    assert_eq!((outer.bump(), outer.derived(), outer.twice()), (3, 3, 6));
}

/// A type of a signature that names a parameter of the method (`Tagged<T>`)
/// and is imported only where the trait is: the blanket impl is written
/// there, so a derive elsewhere needs no import (without `blanket`, it
/// would: `tests/ui/signature-type-not-in-scope.rs`).
mod tagging {
    mod types {
        #[derive(Debug, PartialEq)]
        pub struct Tagged<T>(pub T);
    }

    pub use types::Tagged as PublicTagged;
    use types::Tagged;

    #[lazy_core::forwardable(blanket)]
    pub trait Tagging {
        fn tagged<T>(&self, value: T) -> Tagged<T>;
    }

    impl Tagging for super::Real {
        fn tagged<T>(&self, value: T) -> Tagged<T> {
            Tagged(value)
        }
    }
}

#[derive(RealizeForward)]
#[realize_forward(tagging::Tagging)]
pub struct LazyTagging(#[realize] Lazy<Real>);

#[test]
fn signature_types_with_method_parameters_resolve_where_the_trait_is() {
    use tagging::Tagging;
    let lazy = LazyTagging(Lazy::new(|| Real([0; 4])));
    assert_eq!(lazy.tagged(5u8), tagging::PublicTagged(5u8));
}

/// A `#[cfg]` on the trait gates its blanket impl and macro too.
#[cfg(any())]
#[forwardable(blanket)]
pub trait Gone {
    fn gone(&self) -> u8;
}

#[forwardable(blanket)]
#[cfg(all())]
pub trait Here {
    fn here(&self) -> u8;
}

impl Here for Real {
    fn here(&self) -> u8 {
        self.0[3]
    }
}

/// A union with a `Realize` impl of its own joins the blanket impl.
#[derive(RealizeForward)]
#[realize_forward(Here)]
pub union LazyUnion {
    lazy: std::mem::ManuallyDrop<Lazy<Real>>,
}

impl lazy_core::Realize for LazyUnion {
    type Target = Real;
    fn realize(&self) -> &Real {
        // SAFETY: `lazy` is the union's only field, always the live one.
        lazy_core::Realize::realize(unsafe { &*self.lazy })
    }
}

#[test]
fn gated_trait_and_a_union() {
    let mut lazy = LazyUnion {
        lazy: std::mem::ManuallyDrop::new(Lazy::new(|| Real([0, 0, 0, 8]))),
    };
    assert_eq!(lazy.here(), 8);
    // SAFETY: as above; dropped once.
    unsafe { std::mem::ManuallyDrop::drop(&mut lazy.lazy) };
}

/// A raw trait name, a GAT, an `async fn` and bounded lifetimes, forwarded
/// by a generic wrapper through the blanket impl.
#[forwardable(blanket)]
pub trait r#Borrowing {
    type View<'a>: PartialEq + std::fmt::Debug
    where
        Self: 'a;
    fn view<'a>(&'a self) -> Self::View<'a>;
    fn pick<'a, 'b: 'a>(&'a self, other: &'b [u8]) -> &'a u8;
    async fn later(&self) -> u8;
}

impl Borrowing for Real {
    type View<'a> = &'a [u8];
    fn view(&self) -> &[u8] {
        &self.0[..2]
    }
    fn pick<'a, 'b: 'a>(&'a self, other: &'b [u8]) -> &'a u8 {
        &other[usize::from(self.0[0])]
    }
    async fn later(&self) -> u8 {
        self.0[1]
    }
}

#[derive(RealizeForward)]
#[realize_forward(r#Borrowing)]
pub struct LazyBorrowing<T>(#[realize] Lazy<T>);

#[test]
fn generic_wrapper_with_a_gat_and_async() {
    let lazy = LazyBorrowing(Lazy::new(|| Real([1, 2, 3, 4])));
    assert_eq!(lazy.view(), &[1, 2][..]);
    assert_eq!(*lazy.pick(&[7, 8]), 8);
    assert_eq!(block_on(lazy.later()), 2);
    let nested = LazyBorrowing(Lazy::new(|| {
        LazyBorrowing(Lazy::new(|| Real([0, 5, 0, 0])))
    }));
    assert_eq!(block_on(nested.later()), 5);
}

/// Associated types bounded by each other: the blanket impl's types are the
/// target's, and rustc proves the bounds through them. (A trailing comma
/// after `blanket` is fine.)
#[forwardable(blanket)]
pub trait Sequence {
    type Item: Copy + Into<u64>;
    type Iter<'a>: Iterator<Item = Self::Item>
    where
        Self: 'a;
    type Pair: From<(Self::Item, Self::Item)>;
    fn items(&self) -> Self::Iter<'_>;
    fn pair(&self) -> Self::Pair;
}

impl Sequence for Real {
    type Item = u8;
    type Iter<'a> = std::iter::Copied<std::slice::Iter<'a, u8>>;
    type Pair = (u8, u8);
    fn items(&self) -> Self::Iter<'_> {
        self.0.iter().copied()
    }
    fn pair(&self) -> (u8, u8) {
        (self.0[0], self.0[1])
    }
}

#[derive(RealizeForward)]
#[realize_forward(Sequence)]
pub struct LazySequence(#[realize] Lazy<Real>);

#[derive(RealizeForward)]
#[realize_forward(Sequence)]
pub struct LazySequenceOf<T>(#[realize] Lazy<T>);

fn total<S: Sequence>(s: &S) -> u64 {
    s.items().map(Into::into).sum()
}

#[test]
fn associated_types_bounded_by_each_other() {
    let lazy = LazySequence(Lazy::new(|| Real([1, 2, 3, 4])));
    assert_eq!(total(&lazy), 10);
    assert_eq!(lazy.pair(), (1, 2));
    let nested = LazySequenceOf(Lazy::new(|| LazySequence(Lazy::new(|| Real([5, 6, 0, 0])))));
    assert_eq!(total(&nested), 11);
    assert_eq!(nested.pair(), (5, 6));
}

/// A trait without items, alone and over a supertrait.
#[forwardable(blanket)]
pub trait Marker {}

#[forwardable(blanket)]
pub trait Both: ReadOnly + Base {}

impl Marker for Real {}

impl Both for Real {}

#[derive(RealizeForward)]
#[realize_forward(Marker, ReadOnly, Base, Both)]
pub struct Marked(#[realize] Lazy<Real>);

#[derive(RealizeForward)]
#[realize_forward(Marker)]
pub struct MarkedOf<T>(#[realize] Lazy<T>);

fn marked<T: Marker>(_: &T) -> bool {
    true
}

fn both<T: Both>(value: &T) -> u8 {
    value.read() + value.base()
}

#[test]
fn traits_without_items() {
    let lazy = Marked(Lazy::new(|| Real([1, 0, 2, 0])));
    assert!(marked(&lazy));
    assert_eq!(both(&lazy), 3);
    assert!(marked(&MarkedOf(Lazy::new(|| Real([0; 4])))));
}

/// A trait with an associated type named `Target`, as `Realize`'s: the
/// blanket impl names the wrapper's target `__LazyWrapper::Target`, which
/// is `Realize`'s (the trait's own is not among the wrapper's bounds).
#[forwardable(blanket)]
pub trait Pointing {
    type Target: Copy + std::fmt::Debug + PartialEq;
    fn point(&self) -> Self::Target;
    fn first(&self, of: &[Self::Target]) -> Option<Self::Target> {
        of.first().copied()
    }
}

impl Pointing for Real {
    type Target = u8;
    fn point(&self) -> u8 {
        self.0[0]
    }
}

/// A supertrait with its own `Target`: the blanket impl of its subtrait
/// names the wrapper's target in full, `__LazyWrapper::Target` being
/// ambiguous there (`Realize`'s or `Pointing`'s).
#[forwardable(blanket)]
pub trait Aimed: Pointing {
    fn aim(&self) -> u8;
}

impl Aimed for Real {
    fn aim(&self) -> u8 {
        self.0[1]
    }
}

#[derive(RealizeForward)]
#[realize_forward(Pointing, Aimed)]
pub struct LazyPointing(#[realize] Lazy<Real>);

#[derive(RealizeForward)]
#[realize_forward(Pointing, Aimed)]
pub struct PointingOf<T>(#[realize] Lazy<T>);

#[test]
fn a_trait_with_its_own_target() {
    let lazy = LazyPointing(Lazy::new(|| Real([4, 5, 0, 0])));
    let target: <LazyPointing as Pointing>::Target = lazy.point();
    assert_eq!(target, 4u8);
    assert_eq!(lazy.first(&[9, 8]), Some(9));
    assert_eq!(lazy.aim(), 5);
    let generic = PointingOf(Lazy::new(|| Real([6, 7, 0, 0])));
    assert_eq!((generic.point(), generic.aim()), (6, 7));
}

/// A blanket trait named `T`, with a supertrait: the derive's check that
/// the wrapper forwards the trait named its own type parameter `T`, which
/// hid the trait (E0404 "expected trait, found type parameter").
mod named_t {
    use lazy_core::{Lazy, RealizeForward, forwardable};

    #[forwardable(blanket)]
    pub trait T: Send {
        fn get(&self) -> u32;
    }

    pub struct Value(pub u32);

    impl T for Value {
        fn get(&self) -> u32 {
            self.0
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(T)]
    pub struct Wrapper(#[realize] pub Lazy<Value, fn() -> Value>);
}

#[test]
fn a_blanket_trait_named_like_a_type_parameter_forwards() {
    use named_t::T;
    let wrapper = named_t::Wrapper(Lazy::new(|| named_t::Value(4)));
    assert_eq!(wrapper.get(), 4);
}

/// A supertrait's associated type named only in a default body, and the
/// trait's own in its signatures: `blanket` takes the trait (a supertrait's
/// in a signature does not forward by a blanket impl, see its docs).
mod supertrait_items_in_bodies {
    use super::*;

    #[forwardable]
    pub trait Source {
        type Item;
        fn first(&self) -> Self::Item;
    }

    #[forwardable(blanket)]
    pub trait Tally: Source {
        type Count;
        fn count(&self) -> Self::Count;
        fn none(&self) -> usize {
            let none: Option<Self::Item> = None;
            usize::from(none.is_none())
        }
    }

    impl Source for Real {
        type Item = u8;
        fn first(&self) -> u8 {
            self.0[0]
        }
    }

    impl Tally for Real {
        type Count = u32;
        fn count(&self) -> u32 {
            4
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Source, Tally)]
    pub struct LazyReal(#[realize] Lazy<Real>);

    #[test]
    fn forwards_through_the_blanket_impl() {
        let lazy = LazyReal(Lazy::new(|| Real([7; 4])));
        assert_eq!(lazy.first(), 7);
        assert_eq!(lazy.count(), 4);
        assert_eq!(lazy.none(), 1);
    }
}
