//! The generated code names everything absolutely and introduces no names the
//! user could see: it compiles without warnings, even with `core`, `std`,
//! `lazy_core`, `Result`, `Option`, `Box`, `Vec`, `Realize`, `FromRealized`
//! and friends shadowed,
//! and with user names that look like ours.

#![deny(warnings, unused_qualifications, clippy::all)]
#![allow(dead_code, non_camel_case_types)]

mod core {}
mod std {}
mod lazy_core {}
struct Result;
struct Option;
struct Box;
struct Vec;
struct String;
struct Realize;
struct RealizeMut;
struct RealizeInto;
struct FromRealized;
struct Sized;
struct Future;
struct Deref;
struct __private;
struct Forwards;
trait Trait {}

mod tracker {
    #[::lazy_core::forwardable]
    pub trait Tracker {
        type Output;
        const ID: u32;
        fn realize(&self, __arg0: u32, __arg1: u32) -> u32;
        fn into_realized(self, realize: u32) -> u32;
        fn realize_mut(&mut self, self_: u32) -> u32;
        fn boxed(self: ::std::boxed::Box<Self>) -> u32;
        fn output(&self) -> Self::Output;
        /// Pattern parameters, allowed with a default body.
        fn patterns(&self, (a, b): (u32, u32), mut c: u32, _: u32) -> u32 {
            c += a + b;
            c
        }
        fn generic<T: ::core::fmt::Debug, const N: usize>(&self, t: T) -> ::std::string::String;
    }
}

use tracker::Tracker;

struct Real(u32);

impl Tracker for Real {
    type Output = ::std::string::String;
    const ID: u32 = 9;
    fn realize(&self, a: u32, b: u32) -> u32 {
        self.0 + a + b
    }
    fn into_realized(self, realize: u32) -> u32 {
        self.0 * realize
    }
    fn realize_mut(&mut self, by: u32) -> u32 {
        self.0 += by;
        self.0
    }
    fn boxed(self: ::std::boxed::Box<Self>) -> u32 {
        self.0
    }
    fn output(&self) -> ::std::string::String {
        ::std::format!("real {}", self.0)
    }
    fn patterns(&self, (a, b): (u32, u32), c: u32, d: u32) -> u32 {
        self.0 + a + b + c + d
    }
    fn generic<T: ::core::fmt::Debug, const N: usize>(&self, t: T) -> ::std::string::String {
        ::std::format!("{t:?}{N}")
    }
}

#[derive(::lazy_core::RealizeForward)]
#[realize_forward(Tracker)]
struct Wrapper<T: ::core::fmt::Debug> {
    #[realize]
    cache: ::lazy_core::Lazy<Real>,
    extra: T,
}

#[test]
fn expansion_is_hygienic() {
    use ::lazy_core::Realize as _;
    let make = || Wrapper {
        cache: ::lazy_core::Lazy::new(|| Real(1)),
        extra: 'x',
    };
    let wrapper = make();
    assert_eq!(Tracker::realize(&wrapper, 2, 3), 6);
    assert_eq!(wrapper.output(), "real 1");
    assert_eq!(wrapper.patterns((1, 1), 1, 1), 5);
    assert_eq!(wrapper.generic::<u8, 3>(7), "73");
    assert_eq!(<Wrapper<char> as Tracker>::ID, 9);
    assert_eq!(wrapper.cache.realize().0, 1);
    let mut wrapper = make();
    assert_eq!(Tracker::realize_mut(&mut wrapper, 4), 5);
    assert_eq!(Tracker::into_realized(wrapper, 10), 50);
    assert_eq!(::std::boxed::Box::new(make()).boxed(), 1);
}

/// Nothing from the prelude is assumed either.
mod no_prelude {
    #![no_implicit_prelude]

    #[::lazy_core::forwardable]
    pub trait Bare {
        fn bare(&self) -> ::core::option::Option<u8>;
        fn bare_mut(&mut self, by: u8);
        fn bare_value(self) -> u8;
        fn boxed(self: ::std::boxed::Box<Self>) -> u8;
        async fn later(&self) -> u8;
    }

    impl Bare for u8 {
        fn bare(&self) -> ::core::option::Option<u8> {
            ::core::option::Option::Some(*self)
        }
        fn bare_mut(&mut self, by: u8) {
            *self += by;
        }
        fn bare_value(self) -> u8 {
            self
        }
        fn boxed(self: ::std::boxed::Box<Self>) -> u8 {
            *self
        }
        async fn later(&self) -> u8 {
            *self
        }
    }

    #[derive(::lazy_core::RealizeForward)]
    #[realize_forward(Bare, except(later))]
    pub struct LazyBare(#[realize] pub ::lazy_core::Lazy<u8>);

    impl LazyBare {
        async fn later(&self) -> u8 {
            0
        }
    }
}

#[test]
fn no_implicit_prelude() {
    use no_prelude::{Bare, LazyBare};
    let mut bare = LazyBare(::lazy_core::Lazy::new(|| 4));
    bare.bare_mut(1);
    assert_eq!(bare.bare(), ::core::option::Option::Some(5));
    assert_eq!(bare.bare_value(), 5);
    assert_eq!(
        ::std::boxed::Box::new(LazyBare(::lazy_core::Lazy::new(|| 6))).boxed(),
        6
    );
}

/// A trait whose signatures name what only its module sees, derived in a
/// module without the prelude: the hidden supertrait that carries those
/// types adds no names, lints or warnings, and a user type named like its
/// generic parameter (`__LazyX`) is the user's.
mod catalog {
    use self::inner::Tag;
    use ::std::collections::BTreeMap;

    mod inner {
        #[derive(Debug, PartialEq)]
        pub struct Tag(pub u8);
    }

    #[derive(Debug, PartialEq)]
    pub struct __LazyX;

    pub type Result<T> = ::core::result::Result<T, __LazyX>;

    #[::lazy_core::forwardable]
    pub trait Catalog {
        fn entries(&self) -> BTreeMap<u8, Tag>;
        fn first(&self) -> Result<Tag>;
        fn marker(&self, x: __LazyX) -> u8;
    }

    impl Catalog for u8 {
        fn entries(&self) -> BTreeMap<u8, Tag> {
            ::core::iter::Iterator::collect(::core::iter::once((*self, Tag(*self))))
        }
        fn first(&self) -> Result<Tag> {
            ::core::result::Result::Ok(Tag(*self))
        }
        fn marker(&self, _: __LazyX) -> u8 {
            *self
        }
    }

    pub fn tag(n: u8) -> Tag {
        Tag(n)
    }
}

mod no_prelude_catalog {
    #![no_implicit_prelude]

    #[derive(::lazy_core::RealizeForward)]
    #[realize_forward(super::catalog::Catalog)]
    pub struct LazyCatalog(#[realize] pub ::lazy_core::Lazy<u8>);
}

#[test]
fn signature_types_resolve_where_the_trait_is() {
    use catalog::Catalog;
    let lazy = no_prelude_catalog::LazyCatalog(::lazy_core::Lazy::new(|| 3));
    assert_eq!(lazy.entries().len(), 1);
    assert_eq!(lazy.first(), ::core::result::Result::Ok(catalog::tag(3)));
    assert_eq!(lazy.marker(catalog::__LazyX), 3);
}

mod shape {
    #[::lazy_core::forwardable]
    pub trait Shape {
        fn side(&self) -> u32;
        fn scaled(&self, k: u32) -> Self;
        fn halved(&self) -> ::core::option::Option<Self>
        where
            Self: ::core::marker::Sized;
        fn checked(&self, limit: u32) -> ::core::result::Result<Self, u32>
        where
            Self: ::core::marker::Sized;
        fn split(&self) -> ::std::vec::Vec<Self>
        where
            Self: ::core::marker::Sized;
        fn boxed(&mut self) -> ::std::boxed::Box<Self>;
        fn grown(self) -> Self;
    }
}

use shape::Shape;

struct Square(u32);

impl Shape for Square {
    fn side(&self) -> u32 {
        self.0
    }
    fn scaled(&self, k: u32) -> Self {
        Square(self.0 * k)
    }
    fn halved(&self) -> ::core::option::Option<Self> {
        ::core::option::Option::Some(Square(self.0 / 2))
    }
    fn checked(&self, limit: u32) -> ::core::result::Result<Self, u32> {
        if self.0 <= limit {
            ::core::result::Result::Ok(Square(self.0))
        } else {
            ::core::result::Result::Err(self.0)
        }
    }
    fn split(&self) -> ::std::vec::Vec<Self> {
        ::std::vec![Square(1), Square(self.0 - 1)]
    }
    fn boxed(&mut self) -> ::std::boxed::Box<Self> {
        self.0 += 1;
        ::std::boxed::Box::new(Square(self.0))
    }
    fn grown(self) -> Self {
        Square(self.0 + 1)
    }
}

/// A plain field, and methods that return the wrapper.
#[derive(::lazy_core::RealizeForward)]
#[realize_forward(Shape)]
struct PlainShape<T> {
    tag: T,
    #[realize(plain)]
    inner: Square,
}

impl<T: ::core::default::Default> ::lazy_core::FromRealized<Square> for PlainShape<T> {
    fn from_realized(inner: Square) -> Self {
        PlainShape {
            tag: T::default(),
            inner,
        }
    }
}

#[test]
fn plain_fields_and_self_results_are_hygienic() {
    let make = |side| PlainShape {
        tag: 1u8,
        inner: Square(side),
    };
    assert_eq!(make(3).scaled(2).side(), 6);
    assert_eq!(make(3).scaled(2).tag, 0);
    assert_eq!(
        make(4).halved().map(|half| half.side()),
        ::core::option::Option::Some(2)
    );
    assert_eq!(make(4).checked(3).map(|_| ()).unwrap_err(), 4);
    assert_eq!(make(4).split().len(), 2);
    let mut shape = make(4);
    assert_eq!(shape.boxed().side(), 5);
    assert_eq!(shape.inner.0, 5);
    assert_eq!(shape.grown().side(), 6);
}

/// An enum under `no_implicit_prelude`: the `match`, the `Self` arguments'
/// mismatch arm, the results built back into a variant and the boxed
/// `impl Trait` name nothing from the prelude.
mod no_prelude_enum {
    #![no_implicit_prelude]

    #[::lazy_core::forwardable]
    pub trait Dial {
        fn value(&self) -> u8;
        fn turn(&mut self, by: u8);
        fn into_value(self) -> u8;
        fn boxed(self: ::std::boxed::Box<Self>) -> u8;
        fn same(&self, other: &Self) -> bool;
        fn doubled(&self) -> ::core::option::Option<Self>
        where
            Self: ::core::marker::Sized;
        fn steps(&self) -> impl ::core::iter::Iterator<Item = u8>;
        async fn later(&self) -> u8;
    }

    impl Dial for u8 {
        fn value(&self) -> u8 {
            *self
        }
        fn turn(&mut self, by: u8) {
            *self += by;
        }
        fn into_value(self) -> u8 {
            self
        }
        fn boxed(self: ::std::boxed::Box<Self>) -> u8 {
            *self
        }
        fn same(&self, other: &Self) -> bool {
            *self == *other
        }
        fn doubled(&self) -> ::core::option::Option<Self> {
            ::core::option::Option::Some(*self * 2)
        }
        fn steps(&self) -> impl ::core::iter::Iterator<Item = u8> {
            0..*self
        }
        async fn later(&self) -> u8 {
            *self
        }
    }

    #[derive(::lazy_core::RealizeForward)]
    #[realize_forward(Dial)]
    pub enum AnyDial {
        Ready(u8),
        Later(#[realize] ::lazy_core::Lazy<u8>),
    }
}

#[test]
fn enums_are_hygienic() {
    use no_prelude_enum::{AnyDial, Dial};
    let mut dial = AnyDial::Later(::lazy_core::Lazy::new(|| 4));
    dial.turn(1);
    assert_eq!(dial.value(), 5);
    assert!(dial.same(&AnyDial::Later(::lazy_core::Lazy::new(|| 5))));
    assert_eq!(
        dial.doubled().map(|dial| dial.value()),
        ::core::option::Option::Some(10)
    );
    assert_eq!(dial.steps().count(), 5);
    assert_eq!(AnyDial::Ready(3).into_value(), 3);
    assert_eq!(::std::boxed::Box::new(AnyDial::Ready(2)).boxed(), 2);
}

/// A `blanket` trait: its blanket impl, written here beside the shadowing
/// names and under these lints, is as hygienic as the derive's impls, and a
/// wrapper without the prelude joins it. The trait's crate may implement it
/// for a reference to its own type too.
mod blanket {
    #[::lazy_core::forwardable(blanket)]
    pub trait Blanket {
        type Output;
        const ID: u32;
        fn realize(&self, __arg0: u32, __arg1: u32) -> u32;
        fn into_realized(self, realize: u32) -> u32;
        fn realize_mut(&mut self, self_: u32) -> u32;
        fn boxed(self: ::std::boxed::Box<Self>) -> u32;
        fn output(&self) -> Self::Output;
    }

    pub struct Real(pub u32);

    impl Blanket for Real {
        type Output = u32;
        const ID: u32 = 3;
        fn realize(&self, a: u32, b: u32) -> u32 {
            self.0 + a + b
        }
        fn into_realized(self, realize: u32) -> u32 {
            self.0 + realize
        }
        fn realize_mut(&mut self, self_: u32) -> u32 {
            self.0 += self_;
            self.0
        }
        fn boxed(self: ::std::boxed::Box<Self>) -> u32 {
            self.0
        }
        fn output(&self) -> u32 {
            self.0
        }
    }

    impl Blanket for &Real {
        type Output = u32;
        const ID: u32 = 4;
        fn realize(&self, a: u32, b: u32) -> u32 {
            a * b
        }
        fn into_realized(self, realize: u32) -> u32 {
            realize
        }
        fn realize_mut(&mut self, self_: u32) -> u32 {
            self_
        }
        fn boxed(self: ::std::boxed::Box<Self>) -> u32 {
            self.0
        }
        fn output(&self) -> u32 {
            self.0
        }
    }
}

mod no_prelude_blanket {
    #![no_implicit_prelude]

    #[derive(::lazy_core::RealizeForward)]
    #[realize_forward(super::blanket::Blanket)]
    pub struct LazyBlanket(#[realize] pub ::lazy_core::Lazy<super::blanket::Real>);
}

#[test]
fn blanket_impls_are_hygienic() {
    use blanket::{Blanket, Real};
    use no_prelude_blanket::LazyBlanket;
    let mut lazy = LazyBlanket(::lazy_core::Lazy::new(|| Real(1)));
    assert_eq!(lazy.realize(1, 2), 4);
    assert_eq!(lazy.realize_mut(1), 2);
    assert_eq!(lazy.output(), 2);
    assert_eq!(<LazyBlanket as Blanket>::ID, 3);
    assert_eq!(<&Real as Blanket>::realize(&&Real(0), 2, 3), 6);
    assert_eq!(lazy.into_realized(1), 3);
}
