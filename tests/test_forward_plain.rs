//! `#[realize(plain)]`: the field, as it is, is the target. Nothing is built;
//! every trait shape forwards to the field as it would to a realized lazy,
//! and `&mut self` / `self` need no `RealizeMut` / `RealizeInto` written by
//! hand.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use lazy_core::{Realize, RealizeForward, RealizeInto, RealizeMut, forwardable};

#[forwardable]
#[allow(async_fn_in_trait)] // Used here only, with no `Send` bound needed.
pub trait Counter {
    type Unit;
    const SCALE: u32;
    fn get(&self) -> u32;
    fn add(&mut self, by: u32);
    fn into_total(self) -> u32;
    fn boxed_total(self: Box<Self>) -> u32;
    fn pick<T: Into<u32>>(&self, value: T) -> u32;
    fn digits(&self) -> impl Iterator<Item = u32>;
    async fn fetch(&self, key: u32) -> u32;
    fn same(&self, other: &Self) -> bool;
    fn merge(self, other: Self) -> u32;
    fn unit(&self) -> Self::Unit;
}

#[derive(Debug, Clone, PartialEq)]
pub struct Real {
    value: u32,
}

impl Counter for Real {
    type Unit = &'static str;
    const SCALE: u32 = 7;
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
    fn pick<T: Into<u32>>(&self, value: T) -> u32 {
        self.value + value.into()
    }
    fn digits(&self) -> impl Iterator<Item = u32> {
        let value = self.value;
        (0..3).map(move |i| value + i)
    }
    async fn fetch(&self, key: u32) -> u32 {
        self.value * 1000 + key
    }
    fn same(&self, other: &Self) -> bool {
        self.value == other.value
    }
    fn merge(self, other: Self) -> u32 {
        self.value + other.value
    }
    fn unit(&self) -> &'static str {
        "real"
    }
}

/// A wrapper whose other fields ride along: only `inner` is the target.
#[derive(RealizeForward)]
#[realize_forward(Counter)]
pub struct Plain {
    name: &'static str,
    #[realize(plain)]
    inner: Real,
}

fn plain(value: u32) -> Plain {
    Plain {
        name: "plain",
        inner: Real { value },
    }
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
fn realize_gives_the_field_itself() {
    let mut wrapper = plain(3);
    assert!(std::ptr::eq(wrapper.realize(), &wrapper.inner));
    wrapper.realize_mut().value = 4;
    assert_eq!(wrapper.inner, Real { value: 4 });
    assert_eq!(wrapper.name, "plain");
    assert_eq!(wrapper.into_realized(), Real { value: 4 });
}

#[test]
fn every_receiver_forwards_like_a_direct_call() {
    let direct = Real { value: 3 };
    let wrapper = plain(3);
    assert_eq!(wrapper.get(), direct.get());
    assert_eq!(wrapper.pick(2u8), direct.pick(2u8));
    assert_eq!(
        wrapper.digits().collect::<Vec<_>>(),
        direct.digits().collect::<Vec<_>>()
    );
    assert_eq!(block_on(wrapper.fetch(5)), block_on(direct.fetch(5)));
    assert_eq!(wrapper.unit(), direct.unit());
    assert_eq!(wrapper.into_total(), direct.clone().into_total());
    assert_eq!(
        Box::new(plain(3)).boxed_total(),
        Box::new(direct.clone()).boxed_total()
    );

    let mut wrapper = plain(3);
    let mut direct = direct;
    wrapper.add(4);
    direct.add(4);
    assert_eq!(wrapper.inner, direct);
}

#[test]
fn associated_items_are_the_fields() {
    assert_eq!(<Plain as Counter>::SCALE, <Real as Counter>::SCALE);
    let unit: <Plain as Counter>::Unit = plain(1).unit();
    assert_eq!(unit, "real");
}

#[test]
fn self_arguments_take_the_other_wrappers_field() {
    assert!(plain(3).same(&plain(3)));
    assert!(!plain(3).same(&plain(4)));
    assert_eq!(
        plain(3).merge(plain(4)),
        Real { value: 3 }.merge(Real { value: 4 })
    );
}

/// A tuple struct whose plain field is a type of std: no `Realize` is
/// asked of it.
#[forwardable]
pub trait Describe {
    fn describe(&self) -> String;
    fn bump(&mut self);
}

impl Describe for u8 {
    fn describe(&self) -> String {
        format!("u8 {self}")
    }
    fn bump(&mut self) {
        *self += 1;
    }
}

#[derive(RealizeForward)]
#[realize_forward(Describe)]
pub struct Byte(#[realize(plain)] u8);

#[test]
fn a_std_type_is_a_plain_target() {
    let mut byte = Byte(7);
    assert_eq!(byte.describe(), 7u8.describe());
    byte.bump();
    assert_eq!(byte.0, 8);
}

/// A generic wrapper over any implementor, with a generic trait.
#[forwardable]
pub trait Scale<T> {
    fn scale(&self, by: T) -> T;
}

impl Scale<u32> for Real {
    fn scale(&self, by: u32) -> u32 {
        self.value * by
    }
}

#[derive(RealizeForward)]
#[realize_forward(Counter, Scale<u32>)]
pub struct Generic<C> {
    #[realize(plain)]
    inner: C,
}

#[test]
fn a_generic_wrapper_forwards_to_its_field() {
    let direct = Real { value: 6 };
    let mut wrapper = Generic {
        inner: direct.clone(),
    };
    assert_eq!(wrapper.get(), direct.get());
    assert_eq!(wrapper.scale(3), direct.scale(3));
    wrapper.add(1);
    assert_eq!(wrapper.get(), 7);
    assert_eq!(wrapper.into_total(), 70);
    assert_eq!(<Generic<Real> as Counter>::SCALE, 7);
}

/// `except(...)`: the wrapper's own method answers, the rest forwards.
#[derive(RealizeForward)]
#[realize_forward(Describe, except(describe))]
pub struct Named {
    #[realize(plain)]
    inner: u8,
}

impl Named {
    fn describe(&self) -> String {
        format!("named {}", self.inner)
    }
}

#[test]
fn except_keeps_the_wrappers_method() {
    let mut named = Named { inner: 1 };
    assert_eq!(Describe::describe(&named), "named 1");
    named.bump();
    assert_eq!(named.inner, 2);
}

/// A union forwards through a `Realize` impl of its own: the derive cannot
/// tell which field is live, the union can (the error without one is the
/// trybuild case `derive-on-union-without-realize`).
mod union_with_its_own_realize {
    use std::mem::ManuallyDrop;

    use lazy_core::{Lazy, Realize, RealizeForward, forwardable};

    #[forwardable]
    pub trait Named {
        fn name(&self) -> String;
    }

    impl Named for String {
        fn name(&self) -> String {
            self.clone()
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Named)]
    pub union LazyName {
        lazy: ManuallyDrop<Lazy<String>>,
    }

    impl Realize for LazyName {
        type Target = String;
        fn realize(&self) -> &String {
            // SAFETY: `lazy` is the union's only field, always the live one.
            Realize::realize(unsafe { &*self.lazy })
        }
    }

    #[test]
    fn the_union_forwards_through_its_realize() {
        let mut lazy = LazyName {
            lazy: ManuallyDrop::new(Lazy::new(|| String::from("int"))),
        };
        assert_eq!(lazy.name(), "int");
        // SAFETY: as above; dropped once.
        unsafe { ManuallyDrop::drop(&mut lazy.lazy) };
    }
}

/// `#[realize(plain, deref)]`: the target is what the field points to, the
/// `dyn` trait object inside a `Box<dyn Trait>`, the value inside an `Rc`,
/// in a struct and in an enum's variant, mutably when the pointer lends.
mod plain_deref {
    use std::rc::Rc;

    use lazy_core::{Lazy, Realize, RealizeForward, RealizeMut, forwardable};

    #[forwardable]
    pub trait Tracker {
        fn name(&self) -> String;
        fn bump(&mut self) -> u32;
        fn answer(&self) -> u32 {
            42
        }
    }

    #[forwardable]
    pub trait Named {
        fn label(&self) -> String;
    }

    pub struct Real(u32);
    impl Tracker for Real {
        fn name(&self) -> String {
            format!("real {}", self.0)
        }
        fn bump(&mut self) -> u32 {
            self.0 += 1;
            self.0
        }
        fn answer(&self) -> u32 {
            self.0 * 2
        }
    }
    impl Named for Real {
        fn label(&self) -> String {
            format!("#{}", self.0)
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Tracker)]
    pub struct Boxed {
        #[realize(plain, deref)]
        inner: Box<dyn Tracker>,
    }

    #[derive(RealizeForward)]
    #[realize_forward(Named)]
    pub struct Shared(#[realize(plain, deref)] Rc<Real>);

    #[derive(RealizeForward)]
    #[realize_forward(Tracker, Named)]
    pub struct Generic<T: Tracker + Named>(#[realize(plain, deref)] Box<T>);

    #[derive(RealizeForward)]
    #[realize_forward(Tracker)]
    pub enum AnyTracker {
        Real(Real),
        Boxed(#[realize(plain, deref)] Box<dyn Tracker>),
        Later(#[realize] Lazy<Real>),
    }

    #[test]
    fn a_boxed_trait_object_forwards_to_the_object() {
        let mut boxed = Boxed {
            inner: Box::new(Real(1)),
        };
        assert_eq!(boxed.bump(), 2);
        assert_eq!(boxed.bump(), 3);
        assert_eq!(boxed.name(), "real 3");
        // The target's own answer, not the trait's default.
        assert_eq!(boxed.answer(), 6);
        // `Realize` and `RealizeMut` lend the object itself.
        assert_eq!(boxed.realize().name(), "real 3");
        assert_eq!(boxed.realize_mut().bump(), 4);
    }

    #[test]
    fn a_shared_pointer_forwards_shared_methods() {
        let real = Rc::new(Real(5));
        let shared = Shared(Rc::clone(&real));
        assert_eq!(shared.label(), "#5");
        assert!(std::ptr::eq(shared.realize(), &*real));
    }

    #[test]
    fn a_generic_box_forwards_to_its_value() {
        let mut generic = Generic(Box::new(Real(7)));
        assert_eq!(generic.bump(), 8);
        assert_eq!(generic.label(), "#8");
    }

    #[forwardable]
    pub trait Shape {
        fn area(&self) -> u32;
        fn scaled(&self, k: u32) -> Self;
    }

    #[derive(Debug, PartialEq)]
    pub struct Square(u32);
    impl Shape for Square {
        fn area(&self) -> u32 {
            self.0 * self.0
        }
        fn scaled(&self, k: u32) -> Self {
            Square(self.0 * k)
        }
    }

    /// A result of the wrapper's type goes back into its pointer
    /// (`Box::new`, `Rc::new`: `From`).
    #[derive(RealizeForward, Debug, PartialEq)]
    #[realize_forward(Shape)]
    pub enum AnyShape {
        Inline(Square),
        Boxed(#[realize(plain, deref)] Box<Square>),
        Shared(#[realize(plain, deref)] Rc<Square>),
    }

    #[test]
    fn an_enum_variant_builds_its_pointer_back() {
        let boxed = AnyShape::Boxed(Box::new(Square(2)));
        assert_eq!(boxed.scaled(3), AnyShape::Boxed(Box::new(Square(6))));
        let shared = AnyShape::Shared(Rc::new(Square(2)));
        assert_eq!(shared.scaled(2), AnyShape::Shared(Rc::new(Square(4))));
        assert_eq!(shared.area(), 4);
    }

    #[test]
    fn an_enum_variant_forwards_to_its_object() {
        let mut all = [
            AnyTracker::Real(Real(1)),
            AnyTracker::Boxed(Box::new(Real(10))),
            AnyTracker::Later(Lazy::new(|| Real(20))),
        ];
        let bumped: Vec<u32> = all.iter_mut().map(Tracker::bump).collect();
        assert_eq!(bumped, [2, 11, 21]);
        let names: Vec<String> = all.iter().map(Tracker::name).collect();
        assert_eq!(names, ["real 2", "real 11", "real 21"]);
        assert_eq!(all[1].answer(), 22);
    }
}
