//! `#[derive(RealizeForward)]` on an enum: every method forwards to the
//! active variant's field, as it is (unmarked) or realized first
//! (`#[realize]`, `#[realize(deref)]`). Results equal the direct calls, and a
//! lazy variant builds once, when a forwarded method first needs it.

mod common;

use std::cell::Cell;
use std::future::Future;
use std::pin::pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use common::panic_message;
use lazy_core::{Lazy, RealizeForward, Seed, forwardable};

#[forwardable]
#[allow(async_fn_in_trait)] // Used here only, with no `Send` bound needed.
pub trait Shape {
    type Unit;
    fn area(&self) -> u32;
    fn grow(&mut self, by: u32);
    fn into_sides(self) -> u32;
    fn boxed_sides(self: Box<Self>) -> u32;
    fn pick<T: Into<u32>>(&self, value: T) -> u32;
    fn pick_default<T: Default + Into<u32>>(&self, value: impl Into<u32>) -> u32;
    fn unit(&self) -> Self::Unit;
    fn same(&self, other: &Self) -> bool;
    fn merged(self, other: Self) -> Self;
    fn scaled(&self, k: u32) -> Self;
    fn halved(&self) -> Option<Self>
    where
        Self: Sized;
    fn checked(&self, limit: u32) -> Result<Self, String>
    where
        Self: Sized;
    fn split(&self) -> Vec<Self>
    where
        Self: Sized;
    fn boxed(&self) -> Box<Self>;
    fn corners(&self) -> impl Iterator<Item = u32>;
    async fn fetch(&self, key: u32) -> u32;
    fn name(&self) -> &'static str {
        "a shape"
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Square(u32);

#[derive(Debug, Clone, PartialEq)]
pub struct Circle(u32);

#[derive(Debug, Clone, PartialEq)]
pub struct Polygon {
    sides: u32,
}

macro_rules! shape {
    ($ty:ident, $field:tt, $new:expr, $area:expr) => {
        impl Shape for $ty {
            type Unit = &'static str;
            fn area(&self) -> u32 {
                let area: fn(u32) -> u32 = $area;
                area(self.$field)
            }
            fn grow(&mut self, by: u32) {
                self.$field += by;
            }
            fn into_sides(self) -> u32 {
                self.$field * 10
            }
            fn boxed_sides(self: Box<Self>) -> u32 {
                self.$field * 100
            }
            fn pick<T: Into<u32>>(&self, value: T) -> u32 {
                self.$field + value.into()
            }
            fn pick_default<T: Default + Into<u32>>(&self, value: impl Into<u32>) -> u32 {
                self.$field + value.into() + T::default().into()
            }
            fn unit(&self) -> &'static str {
                stringify!($ty)
            }
            fn same(&self, other: &Self) -> bool {
                self.$field == other.$field
            }
            fn merged(self, other: Self) -> Self {
                let new: fn(u32) -> Self = $new;
                new(self.$field + other.$field)
            }
            fn scaled(&self, k: u32) -> Self {
                let new: fn(u32) -> Self = $new;
                new(self.$field * k)
            }
            fn halved(&self) -> Option<Self> {
                let new: fn(u32) -> Self = $new;
                (self.$field % 2 == 0).then(|| new(self.$field / 2))
            }
            fn checked(&self, limit: u32) -> Result<Self, String> {
                if self.$field <= limit {
                    Ok(self.clone())
                } else {
                    Err(format!("{} > {limit}", self.$field))
                }
            }
            fn split(&self) -> Vec<Self> {
                let new: fn(u32) -> Self = $new;
                vec![new(1), new(self.$field - 1)]
            }
            fn boxed(&self) -> Box<Self> {
                Box::new(self.clone())
            }
            fn corners(&self) -> impl Iterator<Item = u32> {
                let value = self.$field;
                (0..2).map(move |i| value + i)
            }
            async fn fetch(&self, key: u32) -> u32 {
                self.$field * 1000 + key
            }
        }
    };
}

shape!(Square, 0, Square, |side| side * side);
shape!(Circle, 0, Circle, |radius| 3 * radius * radius);
shape!(Polygon, sides, |sides| Polygon { sides }, |sides| sides * 5);

/// Builds a polygon and counts the builds.
pub struct PolygonSeed {
    sides: u32,
    builds: Rc<Cell<u32>>,
}

impl Seed for PolygonSeed {
    type Output = Polygon;
    fn build(self) -> Polygon {
        self.builds.set(self.builds.get() + 1);
        Polygon { sides: self.sides }
    }
}

#[derive(Debug, RealizeForward)]
#[realize_forward(Shape)]
enum AnyShape {
    Square(Square),
    Circle(Circle),
    Later(#[realize] Lazy<Polygon, PolygonSeed>),
}

fn later(sides: u32) -> (AnyShape, Rc<Cell<u32>>) {
    let builds = Rc::new(Cell::new(0));
    let seed = PolygonSeed {
        sides,
        builds: Rc::clone(&builds),
    };
    (AnyShape::Later(Lazy::new(seed)), builds)
}

fn ready(value: &AnyShape) -> bool {
    match value {
        AnyShape::Later(lazy) => Lazy::is_realized(lazy),
        _ => true,
    }
}

/// Polls a future that never waits.
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(value) => value,
        Poll::Pending => panic!("the future waited"),
    }
}

#[test]
fn by_ref_forwards_to_the_active_variant() {
    assert_eq!(AnyShape::Square(Square(3)).area(), Square(3).area());
    assert_eq!(AnyShape::Circle(Circle(2)).area(), Circle(2).area());
    let (shape, builds) = later(4);
    assert_eq!(builds.get(), 0, "making the enum builds nothing");
    assert_eq!(shape.area(), Polygon { sides: 4 }.area());
    assert_eq!(shape.area(), 20);
    assert_eq!(builds.get(), 1, "the lazy variant builds once");
    assert_eq!(shape.unit(), "Polygon");
    assert_eq!(AnyShape::Circle(Circle(1)).unit(), "Circle");
}

#[test]
fn by_mut_ref_and_by_value() {
    let mut square = AnyShape::Square(Square(3));
    square.grow(2);
    assert_eq!(square.area(), 25);
    let (mut shape, builds) = later(4);
    shape.grow(1);
    assert_eq!(builds.get(), 1);
    assert_eq!(shape.area(), 25);
    assert_eq!(shape.into_sides(), 50);
    assert_eq!(builds.get(), 1);
    let (shape, builds) = later(6);
    assert_eq!(Box::new(shape).boxed_sides(), 600);
    assert_eq!(builds.get(), 1);
    assert_eq!(Box::new(AnyShape::Circle(Circle(2))).boxed_sides(), 200);
    assert_eq!(AnyShape::Circle(Circle(2)).into_sides(), 20);
}

#[test]
fn generic_methods_and_defaults() {
    assert_eq!(AnyShape::Square(Square(3)).pick(4u8), 7);
    let (shape, builds) = later(5);
    assert_eq!(shape.pick(1u16), 6);
    assert_eq!(shape.pick_default::<u8>(2u16), 7);
    assert_eq!(builds.get(), 1);
    assert_eq!(AnyShape::Square(Square(3)).pick_default::<u32>(1u8), 4);
    // A method with a default forwards too: the target may override it.
    let (shape, builds) = later(5);
    assert_eq!(shape.name(), "a shape");
    assert_eq!(builds.get(), 1);
}

#[test]
fn self_arguments_in_the_same_variant() {
    assert!(AnyShape::Square(Square(3)).same(&AnyShape::Square(Square(3))));
    assert!(!AnyShape::Square(Square(3)).same(&AnyShape::Square(Square(4))));
    let (left, left_builds) = later(3);
    let (right, right_builds) = later(3);
    assert!(left.same(&right));
    assert_eq!((left_builds.get(), right_builds.get()), (1, 1));
    let merged = AnyShape::Circle(Circle(1)).merged(AnyShape::Circle(Circle(2)));
    assert!(matches!(merged, AnyShape::Circle(Circle(3))));
}

#[test]
fn self_arguments_in_different_variants_panic_naming_both() {
    let payload =
        std::panic::catch_unwind(|| AnyShape::Square(Square(3)).same(&AnyShape::Circle(Circle(3))))
            .expect_err("different variants panic");
    let message = panic_message(payload);
    assert!(
        message.contains("`Shape::same`") && message.contains("(`Square`, `Circle`)"),
        "{message}"
    );
    let (lazy, builds) = later(3);
    let payload = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        lazy.merged(AnyShape::Square(Square(1)))
    }))
    .expect_err("different variants panic");
    assert!(panic_message(payload).contains("(`Later`, `Square`)"));
    assert_eq!(builds.get(), 0, "nothing is built before the panic");
}

// Variants of one target type (a value, a lazy of it, a boxed lazy): a
// `Self` argument is realized in whichever variant it is, after the
// receiver, so values in different variants are forwarded too.
#[forwardable]
pub trait Pairwise {
    fn same(&self, other: &Self) -> bool;
    fn absorb(&mut self, other: &mut Self);
    fn merged(self, other: Self) -> Self;
}

#[derive(Debug, PartialEq)]
pub struct Count(u32);

impl Pairwise for Count {
    fn same(&self, other: &Self) -> bool {
        self.0 == other.0
    }
    fn absorb(&mut self, other: &mut Self) {
        self.0 += std::mem::take(&mut other.0);
    }
    fn merged(self, other: Self) -> Self {
        Count(self.0 + other.0)
    }
}

/// Builds `Count(n)`, writing `n` into the log when it does.
pub struct CountSeed(u32, Rc<std::cell::RefCell<Vec<u32>>>);

impl Seed for CountSeed {
    type Output = Count;
    fn build(self) -> Count {
        self.1.borrow_mut().push(self.0);
        Count(self.0)
    }
}

#[derive(RealizeForward)]
#[realize_forward(Pairwise)]
pub enum OneCount {
    Ready(Count),
    Later(#[realize] Lazy<Count, CountSeed>),
    Boxed(#[realize] Box<Lazy<Count, CountSeed>>),
}

/// A value or a pointer to one (`deref`, which lends only).
#[derive(RealizeForward)]
#[realize_forward(lazy_core::remote::PartialEq)]
pub enum Pointed {
    Ready(Count),
    Boxed(#[realize(plain, deref)] Box<Count>),
}

#[test]
fn self_arguments_in_different_variants_of_one_target() {
    let log = Rc::new(std::cell::RefCell::new(Vec::new()));
    let later = |n| OneCount::Later(Lazy::new(CountSeed(n, Rc::clone(&log))));
    assert!(OneCount::Ready(Count(3)).same(&later(3)));
    let boxed = |n| OneCount::Boxed(Box::new(Lazy::new(CountSeed(n, Rc::clone(&log)))));
    assert!(!later(3).same(&boxed(4)));
    assert!(boxed(5).same(&OneCount::Ready(Count(5))));
    assert!(Pointed::Boxed(Box::new(Count(2))) == Pointed::Ready(Count(2)));
    assert!(Pointed::Ready(Count(2)) != Pointed::Boxed(Box::new(Count(1))));
    // The receiver is realized first, then the argument.
    log.borrow_mut().clear();
    assert!(!later(7).same(&later(8)));
    assert_eq!(*log.borrow(), [7, 8]);
    let mut into = OneCount::Ready(Count(1));
    let mut from = later(2);
    into.absorb(&mut from);
    assert!(into.same(&OneCount::Ready(Count(3))));
    assert!(from.same(&OneCount::Ready(Count(0))));
    // A `Self` result comes back in the receiver's variant.
    match boxed(1).merged(later(4)) {
        OneCount::Boxed(lazy) => assert_eq!(*Lazy::force(&lazy), Count(5)),
        _ => panic!("the variant changed"),
    }
    match later(2).merged(OneCount::Ready(Count(1))) {
        OneCount::Later(lazy) => assert_eq!(*Lazy::force(&lazy), Count(3)),
        _ => panic!("the variant changed"),
    }
}

/// A pointer that names a parameter of the enum (`Box<T>`, `&'a String`):
/// its pointee is not known to be the other variants' target where the impl
/// is checked, so values are compared in one variant (as before one target
/// was read): these compile, and values in different variants are unequal,
/// as `#[derive(PartialEq)]` has them.
#[derive(RealizeForward)]
#[realize_forward(lazy_core::remote::PartialEq)]
pub enum Words<'a> {
    Owned(String),
    Borrowed(#[realize(plain, deref)] &'a String),
}

#[derive(RealizeForward)]
#[realize_forward(lazy_core::remote::PartialEq)]
pub enum BoxedCount<T: PartialEq + 'static> {
    Ready(T),
    Boxed(#[realize(deref)] Lazy<Box<T>>),
}

#[test]
fn pointers_that_name_a_parameter_keep_values_in_one_variant() {
    let word = String::from("a");
    assert!(Words::Owned(String::from("a")) == Words::Owned(String::from("a")));
    assert!(Words::Borrowed(&word) == Words::Borrowed(&word));
    assert!(Words::Owned(String::from("a")) != Words::Borrowed(&word));
    let boxed = || BoxedCount::Boxed(Lazy::new(|| Box::new(Count(2))));
    assert!(BoxedCount::Ready(Count(1)) == BoxedCount::Ready(Count(1)));
    assert!(boxed() == boxed());
}

/// std's comparisons through their mirrors on a value or a lazy of it.
#[derive(RealizeForward)]
#[realize_forward(
    lazy_core::remote::PartialEq,
    lazy_core::remote::Eq,
    lazy_core::remote::PartialOrd,
    lazy_core::remote::Ord
)]
pub enum Compared<T: 'static> {
    Ready(T),
    Later(#[realize] Lazy<T>),
}

#[test]
fn comparisons_across_a_value_and_its_lazy() {
    let ready = |n: u32| Compared::Ready(n);
    let later = |value: fn() -> u32| Compared::Later(Lazy::new(value));
    assert!(ready(3) == later(|| 3));
    assert!(later(|| 3) != ready(4));
    assert!(later(|| 2) < ready(3));
    assert_eq!(ready(5).cmp(&later(|| 4)), std::cmp::Ordering::Greater);
    let mut sorted = vec![later(|| 3), ready(1), later(|| 2)];
    sorted.sort();
    assert!(sorted == [ready(1), ready(2), ready(3)]);
    assert!(Numbers::Range(0..2) == Numbers::Later(Lazy::new(|| 0..2)));
    assert!(Numbers::Shared(lazy_core::sync::Lazy::new(|| 1..2)) != Numbers::Range(0..2));
}

#[test]
fn self_results_come_back_in_the_same_variant() {
    assert!(matches!(
        AnyShape::Square(Square(3)).scaled(2),
        AnyShape::Square(Square(6))
    ));
    let (shape, builds) = later(4);
    let scaled = shape.scaled(3);
    assert!(ready(&scaled), "a lazy variant comes back already built");
    assert_eq!(scaled.area(), Polygon { sides: 12 }.area());
    assert_eq!(builds.get(), 1);
    assert!(matches!(
        AnyShape::Circle(Circle(4)).halved(),
        Some(AnyShape::Circle(Circle(2)))
    ));
    assert!(AnyShape::Circle(Circle(3)).halved().is_none());
    assert!(matches!(
        AnyShape::Square(Square(3)).checked(5),
        Ok(AnyShape::Square(Square(3)))
    ));
    assert_eq!(
        AnyShape::Square(Square(9)).checked(5).err(),
        Some(String::from("9 > 5"))
    );
    let parts = AnyShape::Circle(Circle(5)).split();
    assert_eq!(parts.iter().map(Shape::area).collect::<Vec<_>>(), [3, 48]);
    assert!(parts.iter().all(|part| matches!(part, AnyShape::Circle(_))));
    let (shape, _) = later(7);
    let boxed = shape.boxed();
    assert!(matches!(*boxed, AnyShape::Later(_)));
    assert_eq!(boxed.area(), 35);
}

#[test]
fn impl_trait_results_are_boxed_per_variant() {
    let square: Vec<u32> = AnyShape::Square(Square(3)).corners().collect();
    assert_eq!(square, Square(3).corners().collect::<Vec<_>>());
    let (shape, builds) = later(7);
    assert_eq!(shape.corners().collect::<Vec<_>>(), [7, 8]);
    assert_eq!(builds.get(), 1);
}

#[test]
fn async_methods_realize_when_polled() {
    assert_eq!(block_on(AnyShape::Circle(Circle(2)).fetch(5)), 2005);
    let (shape, builds) = later(3);
    let future = shape.fetch(1);
    assert_eq!(
        builds.get(),
        0,
        "an enum's forwarded future realizes when polled"
    );
    assert_eq!(block_on(future), 3001);
    assert_eq!(builds.get(), 1);
}

// Named fields, `#[realize(deref)]`, `#[realize(plain)]` and `except`.
#[forwardable]
pub trait Describe {
    fn describe(&self) -> String;
    fn rename(&mut self, name: &str);
    fn kind(&self) -> &'static str;
}

pub struct Named(String);

impl Describe for Named {
    fn describe(&self) -> String {
        format!("named {}", self.0)
    }
    fn rename(&mut self, name: &str) {
        self.0 = name.to_string();
    }
    fn kind(&self) -> &'static str {
        "named"
    }
}

#[derive(RealizeForward)]
#[realize_forward(Describe, except(kind))]
pub enum AnyDescribe {
    Eager { value: Named },
    Boxed(#[realize(deref)] Lazy<Box<dyn Describe>>),
    Plain(#[realize(plain)] Named),
}

impl AnyDescribe {
    fn kind(&self) -> &'static str {
        "any"
    }
}

#[test]
fn named_fields_deref_plain_and_except() {
    let mut eager = AnyDescribe::Eager {
        value: Named("a".into()),
    };
    eager.rename("b");
    assert_eq!(eager.describe(), "named b");
    let mut boxed = AnyDescribe::Boxed(Lazy::new(|| {
        Box::new(Named("c".into())) as Box<dyn Describe>
    }));
    boxed.rename("d");
    assert_eq!(boxed.describe(), "named d");
    assert_eq!(AnyDescribe::Plain(Named("e".into())).describe(), "named e");
    assert_eq!(Describe::kind(&boxed), "any");
}

// A generic enum, a generic trait, and an associated const.
#[forwardable]
pub trait Measure<U> {
    const UNITS: u32;
    fn measure(&self, unit: U) -> u32;
}

impl Measure<u32> for Square {
    const UNITS: u32 = 2;
    fn measure(&self, unit: u32) -> u32 {
        self.0 * unit
    }
}

#[derive(RealizeForward)]
#[realize_forward(Measure<u32>)]
pub enum MaybeLazy<T: 'static> {
    Ready(T),
    Later(#[realize] Lazy<T>),
    Shared(#[realize] Rc<Lazy<T>>),
}

#[test]
fn generic_enum_with_an_associated_const() {
    assert_eq!(<MaybeLazy<Square> as Measure<u32>>::UNITS, 2);
    assert_eq!(MaybeLazy::Ready(Square(3)).measure(2), 6);
    assert_eq!(MaybeLazy::Later(Lazy::new(|| Square(4))).measure(2), 8);
    let shared: Rc<Lazy<Square>> = Rc::new(Lazy::new(|| Square(5)));
    assert_eq!(MaybeLazy::Shared(Rc::clone(&shared)).measure(3), 15);
    assert!(Lazy::is_realized(&shared));
}

// Associated types that agree across different targets, with a lifetime.
#[forwardable]
pub trait Items {
    type Item<'a>
    where
        Self: 'a;
    type Count;
    fn first(&self) -> Option<Self::Item<'_>>;
    fn count(&self) -> Self::Count;
}

impl Items for Vec<u8> {
    type Item<'a> = &'a u8;
    type Count = usize;
    fn first(&self) -> Option<&u8> {
        self.as_slice().first()
    }
    fn count(&self) -> usize {
        self.len()
    }
}

impl Items for [u8; 2] {
    type Item<'a> = &'a u8;
    type Count = usize;
    fn first(&self) -> Option<&u8> {
        Some(&self[0])
    }
    fn count(&self) -> usize {
        2
    }
}

#[derive(RealizeForward)]
#[realize_forward(Items)]
pub enum AnyItems {
    Many(Vec<u8>),
    Pair([u8; 2]),
}

/// A type both ready and lazy, and twice lazy, after another type: under
/// `for<'a>`, bounds that name `[u8; 2]` three ways were ambiguous to rustc
/// (E0284); such variants name no parameter, and rustc needs no bound.
#[derive(RealizeForward)]
#[realize_forward(Items)]
pub enum MixedItems {
    Many(Vec<u8>),
    Pair([u8; 2]),
    LaterPair(#[realize] Lazy<[u8; 2]>),
    SharedPair(#[realize] lazy_core::sync::Lazy<[u8; 2]>),
}

#[test]
fn associated_types_agree() {
    assert_eq!(AnyItems::Many(vec![4, 5, 6]).count(), 3);
    assert_eq!(AnyItems::Pair([7, 8]).first(), Some(&7));
    assert_eq!(AnyItems::Many(vec![]).first(), None);
    assert_eq!(MixedItems::Many(vec![1]).first(), Some(&1));
    assert_eq!(MixedItems::Pair([2, 3]).first(), Some(&2));
    let later = MixedItems::LaterPair(Lazy::new(|| [4, 5]));
    assert_eq!(later.first(), Some(&4));
    assert_eq!(later.count(), 2);
    let shared = MixedItems::SharedPair(lazy_core::sync::Lazy::new(|| [6, 7]));
    assert_eq!(shared.first(), Some(&6));
}

// Several traits, std's through their mirrors: `PartialEq` compares two
// values, of any variant (one target type), `Iterator` agrees on `Item`.
#[derive(RealizeForward)]
#[realize_forward(
    lazy_core::remote::Debug,
    lazy_core::remote::PartialEq,
    lazy_core::remote::Iterator
)]
pub enum Numbers {
    Range(std::ops::Range<u32>),
    Later(#[realize] Lazy<std::ops::Range<u32>>),
    Shared(#[realize] lazy_core::sync::Lazy<std::ops::Range<u32>>),
}

#[derive(RealizeForward)]
#[realize_forward(lazy_core::remote::Display, lazy_core::remote::PartialEq)]
pub enum Text {
    Word(&'static str),
    Number(#[realize] Box<Lazy<u32>>),
}

#[test]
fn several_traits_through_std_mirrors() {
    assert_eq!(Text::Word("hi").to_string(), "hi");
    assert_eq!(Text::Number(Box::new(Lazy::new(|| 7))).to_string(), "7");
    assert!(Text::Word("a") == Text::Word("a"));
    assert!(Text::Word("a") != Text::Word("b"));
    assert!(Text::Number(Box::new(Lazy::new(|| 1))) == Text::Number(Box::new(Lazy::new(|| 1))));
    let mut later = Numbers::Later(Lazy::new(|| 2..5));
    assert_eq!(later.next(), Some(2));
    assert_eq!(later.collect::<Vec<_>>(), [3, 4]);
    let shared = Numbers::Shared(lazy_core::sync::Lazy::new(|| 0..2));
    assert_eq!(shared.sum::<u32>(), 1);
    assert!(Numbers::Range(0..1) == Numbers::Range(0..1));
    assert_eq!(format!("{:?}", Numbers::Later(Lazy::new(|| 1..3))), "1..3");
}

#[test]
fn values_in_different_variants_are_unequal_as_derive_has_them() {
    let number = Text::Number(Box::new(Lazy::new(|| 1)));
    assert!(Text::Word("1") != number);
    assert!(number != Text::Word("1"));
    match &number {
        Text::Number(lazy) => assert!(
            !Lazy::is_realized(lazy),
            "nothing is built to tell them apart"
        ),
        Text::Word(_) => unreachable!(),
    }
}

/// Variants of different targets (and one a lazy of another's): std's
/// comparisons order values by their variant first, then by their targets,
/// as `#[derive(PartialOrd, Ord)]` on the enum would.
#[derive(RealizeForward)]
#[realize_forward(
    lazy_core::remote::PartialEq,
    lazy_core::remote::Eq,
    lazy_core::remote::PartialOrd,
    lazy_core::remote::Ord
)]
pub enum Mixed {
    Int(i64),
    Text(String),
    Later(#[realize] Lazy<i64, Box<dyn FnOnce() -> i64>>),
}

/// Discriminants written on the variants: values in different variants
/// are ordered by them, as `#[derive(PartialOrd)]` orders them (`C` is one
/// more than `B`).
#[derive(RealizeForward)]
#[realize_forward(lazy_core::remote::PartialEq, lazy_core::remote::PartialOrd)]
#[repr(u8)]
pub enum Discriminants {
    A(i64) = 5,
    B(String) = 1,
    C(#[realize] Lazy<i64, Box<dyn FnOnce() -> i64>>),
}

/// The same enum with std's derives, to compare with.
#[derive(PartialEq, PartialOrd)]
#[repr(u8)]
pub enum DerivedDiscriminants {
    A(i64) = 5,
    B(String) = 1,
    C(i64),
}

#[test]
fn comparisons_across_variants_follow_written_discriminants_as_derive_does() {
    let ours = |index: usize| match index {
        0 => Discriminants::A(0),
        1 => Discriminants::B(String::new()),
        _ => Discriminants::C(Lazy::new(Box::new(|| 0))),
    };
    let derived = |index: usize| match index {
        0 => DerivedDiscriminants::A(0),
        1 => DerivedDiscriminants::B(String::new()),
        _ => DerivedDiscriminants::C(0),
    };
    for left in 0..3 {
        for right in 0..3 {
            assert_eq!(
                ours(left).partial_cmp(&ours(right)),
                derived(left).partial_cmp(&derived(right)),
                "{left} against {right}"
            );
            let lt = ours(left) < ours(right);
            assert_eq!(lt, derived(left) < derived(right), "{left} < {right}");
        }
    }
    assert!(ours(1) < ours(2) && ours(2) < ours(0));
}

#[test]
fn comparisons_across_variants_of_different_targets_follow_the_variants_order() {
    use std::cmp::Ordering;
    let int = |n: i64| Mixed::Int(n);
    let text = |t: &str| Mixed::Text(String::from(t));
    let later = |n: i64| Mixed::Later(Lazy::new(Box::new(move || n)));
    assert!(
        int(1) != later(1),
        "a value and a lazy of it are different variants"
    );
    assert!(int(1) == int(1) && later(2) == later(2) && text("a") != text("b"));
    assert_eq!(int(9).partial_cmp(&text("a")), Some(Ordering::Less));
    assert_eq!(later(0).cmp(&text("z")), Ordering::Greater);
    assert!(int(5) < text("") && int(5) <= text(""));
    assert!(later(-1) > int(7) && later(-1) >= int(7));
    // Each operator is its own forwarded method (`lt`, `le`, `gt`, `ge`).
    let (lt, le) = (text("a") < int(0), text("a") <= int(0));
    assert!(!lt && !le);
    let (gt, ge) = (text("a") > later(0), text("a") >= later(0));
    assert!(!gt && !ge);
    let mut values = vec![later(2), text("b"), int(3), later(1), text("a"), int(-1)];
    values.sort();
    assert!(values == [int(-1), int(3), text("a"), text("b"), later(1), later(2)]);
    assert!(values.iter().max() == Some(&later(2)));
}

// A boxed lazy variant built back from a `Self` result.
#[derive(RealizeForward)]
#[realize_forward(Shape)]
pub enum Recursive {
    Square(Square),
    Boxed(#[realize] Box<Lazy<Square>>),
}

#[test]
fn boxed_lazy_variant_comes_back_boxed_and_built() {
    let scaled = Recursive::Boxed(Box::new(Lazy::new(|| Square(2)))).scaled(5);
    match &scaled {
        Recursive::Boxed(lazy) => assert!(Lazy::is_realized(lazy)),
        Recursive::Square(_) => panic!("the variant changed"),
    }
    assert_eq!(scaled.area(), 100);
    assert_eq!(
        Recursive::Square(Square(2))
            .merged(Recursive::Square(Square(1)))
            .area(),
        9
    );
}

// A generic enum forwarding every shape: the bounds are the impl's
// assumptions, and the boxed `impl Trait` and the async body capture `T`.
#[derive(RealizeForward)]
#[realize_forward(Shape)]
pub enum Either<T: 'static, U> {
    Left(T),
    Right(#[realize] Lazy<U>),
}

#[test]
fn generic_enum_forwards_every_shape() {
    type Pair = Either<Square, Circle>;
    let mut left: Pair = Either::Left(Square(2));
    left.grow(1);
    assert_eq!(left.area(), 9);
    let right: Pair = Either::Right(Lazy::new(|| Circle(1)));
    assert_eq!(right.corners().collect::<Vec<_>>(), [1, 2]);
    assert_eq!(block_on(right.fetch(4)), 1004);
    assert!(right.same(&Either::Right(Lazy::new(|| Circle(1)))));
    assert_eq!(right.scaled(2).area(), 12);
    assert_eq!(Box::new(left).boxed_sides(), 300);
    assert_eq!(right.unit(), "Circle");
    // One target type on both sides agrees with itself.
    let same: Either<Square, Square> = Either::Right(Lazy::new(|| Square(4)));
    assert_eq!(same.area(), 16);
}

// Regression: a variant named like an associated type (`Self::Unit` would
// be ambiguous), and variants sharing a target type, written alike or not
// (an agreement bound of a projection with itself made rustc overflow).
#[forwardable]
pub trait Gauge {
    type Unit;
    fn unit(&self) -> Self::Unit;
    fn doubled(&self) -> Self;
}

pub struct Meter(u8);
impl Gauge for Meter {
    type Unit = u8;
    fn unit(&self) -> u8 {
        self.0
    }
    fn doubled(&self) -> Self {
        Meter(self.0 * 2)
    }
}

#[derive(RealizeForward)]
#[realize_forward(Gauge)]
pub enum AnyGauge {
    Unit(Meter),
    Later(#[realize] Lazy<Meter>),
    Again(Meter),
    Written(self::Meter),
}

#[test]
fn variant_named_like_an_associated_type_and_shared_targets() {
    assert_eq!(AnyGauge::Unit(Meter(1)).unit(), 1);
    assert_eq!(AnyGauge::Again(Meter(2)).doubled().unit(), 4);
    assert_eq!(AnyGauge::Later(Lazy::new(|| Meter(3))).doubled().unit(), 6);
    assert_eq!(AnyGauge::Written(Meter(5)).doubled().unit(), 10);
}

// `impl Trait` results: joined in nested `Either`s for the iterator traits,
// `Future`, `Display` and `Debug` (no allocation, generic methods too), boxed
// for the `Fn` traits.
#[forwardable]
pub trait Views {
    fn repeat<T: Clone>(&self, value: T) -> impl Iterator<Item = T>;
    fn both_ways(&self) -> impl DoubleEndedIterator<Item = u32> + ExactSizeIterator;
    fn shown(&self) -> impl std::fmt::Display;
    fn ready(&self) -> impl Future<Output = u32> + Send;
    fn adder(&self) -> impl Fn(u32) -> u32 + '_;
}

macro_rules! views {
    ($ty:ident, $n:expr) => {
        impl Views for $ty {
            fn repeat<T: Clone>(&self, value: T) -> impl Iterator<Item = T> {
                std::iter::repeat_n(value, $n)
            }
            fn both_ways(&self) -> impl DoubleEndedIterator<Item = u32> + ExactSizeIterator {
                (0..$n).map(|i| i * 10)
            }
            fn shown(&self) -> impl std::fmt::Display {
                format!("{}{}", stringify!($ty), $n)
            }
            fn ready(&self) -> impl Future<Output = u32> + Send {
                std::future::ready($n)
            }
            fn adder(&self) -> impl Fn(u32) -> u32 + '_ {
                move |x| x + $n
            }
        }
    };
}

views!(Square, 1);
views!(Circle, 2);
views!(Polygon, 3);

#[derive(RealizeForward)]
#[realize_forward(Views)]
pub enum AnyView {
    Square(Square),
    Circle(Circle),
    Later(#[realize] Lazy<Polygon>),
}

#[test]
fn impl_trait_results_of_every_variant() {
    let views = [
        AnyView::Square(Square(0)),
        AnyView::Circle(Circle(0)),
        AnyView::Later(Lazy::new(|| Polygon { sides: 0 })),
    ];
    for (view, n) in views.iter().zip(1u32..) {
        assert_eq!(view.repeat('x').count(), n as usize);
        assert_eq!(view.both_ways().len(), n as usize);
        assert_eq!(view.both_ways().next_back(), Some((n - 1) * 10));
        assert!(view.shown().to_string().ends_with(&n.to_string()));
        assert_eq!(block_on(view.ready()), n);
        assert_eq!(view.adder()(10), 10 + n);
    }
}

fn is_send<T: Send>(value: T) -> T {
    value
}

#[test]
fn joined_futures_stay_send() {
    let view = AnyView::Circle(Circle(0));
    assert_eq!(block_on(is_send(view.ready())), 2);
}

// A trait written by a `macro_rules!` whose result is a `$r:ty`: the
// `impl Trait` arrives in an invisible group and is joined as when written.
macro_rules! counted_trait {
    ($name:ident, $result:ty) => {
        #[forwardable]
        pub trait $name {
            fn counted(&self) -> $result;
        }
    };
}

counted_trait!(Counted, impl Iterator<Item = u32>);

impl Counted for Square {
    fn counted(&self) -> impl Iterator<Item = u32> {
        0..self.0
    }
}

impl Counted for Circle {
    fn counted(&self) -> impl Iterator<Item = u32> {
        (0..self.0).rev()
    }
}

#[derive(RealizeForward)]
#[realize_forward(Counted)]
pub enum AnyCounted {
    Square(Square),
    Circle(#[realize] Lazy<Circle>),
}

#[test]
fn impl_trait_result_from_a_macros_type() {
    let square = AnyCounted::Square(Square(3));
    assert_eq!(square.counted().collect::<Vec<_>>(), [0, 1, 2]);
    let circle = AnyCounted::Circle(Lazy::new(|| Circle(2)));
    assert_eq!(circle.counted().collect::<Vec<_>>(), [1, 0]);
}

// A trait named with `Self` as its argument: each variant's target is bound
// with its own type there, and the argument matched in the same variant.
#[forwardable]
pub trait Combine<Rhs> {
    fn combine(&self, other: &Rhs) -> u32;
}

impl Combine<Square> for Square {
    fn combine(&self, other: &Square) -> u32 {
        self.0 + other.0
    }
}

impl Combine<Circle> for Circle {
    fn combine(&self, other: &Circle) -> u32 {
        self.0 * other.0
    }
}

#[derive(RealizeForward)]
#[realize_forward(Combine<Self>)]
pub enum Combined {
    Square(Square),
    Circle(#[realize] Lazy<Circle>),
}

#[test]
fn self_as_the_traits_argument() {
    assert_eq!(
        Combined::Square(Square(2)).combine(&Combined::Square(Square(3))),
        5
    );
    let circle = || Combined::Circle(Lazy::new(|| Circle(4)));
    assert_eq!(circle().combine(&circle()), 16);
}

// Regression: a lazy variant and a ready one of the same type, the lazy one
// first, with an associated type (and a const): the ready variant's
// agreement with `<Lazy<Sensor> as Realize>::Target` made rustc overflow
// (E0275). The same type written another way (`self::Sensor`) agrees too.
#[forwardable]
pub trait Reading {
    type Out: Clone;
    const SCALE: u64;
    fn out(&self) -> Self::Out;
    fn scaled(&self) -> u64;
}

#[derive(Debug, PartialEq)]
pub struct Sensor(u64);
impl Reading for Sensor {
    type Out = u64;
    const SCALE: u64 = 3;
    fn out(&self) -> u64 {
        self.0
    }
    fn scaled(&self) -> u64 {
        self.0 * Self::SCALE
    }
}

#[derive(RealizeForward)]
#[realize_forward(Reading)]
pub enum LazyOrReady {
    Later(#[realize] Lazy<Sensor>),
    Ready(Sensor),
    Written(self::Sensor),
    Shared(#[realize] Rc<Lazy<Sensor>>),
}

#[test]
fn lazy_variant_first_and_a_ready_one_agree_on_the_associated_type() {
    let ready = LazyOrReady::Ready(Sensor(1));
    let later = LazyOrReady::Later(Lazy::new(|| Sensor(2)));
    let written = LazyOrReady::Written(Sensor(4));
    let shared = LazyOrReady::Shared(Rc::new(Lazy::new(|| Sensor(5))));
    let out: u64 = ready.out();
    assert_eq!(out, Sensor(1).out());
    assert_eq!(later.out(), Sensor(2).out());
    assert_eq!(written.out(), Sensor(4).out());
    assert_eq!(shared.out(), Sensor(5).out());
    assert_eq!(later.scaled(), Sensor(2).scaled());
    assert_eq!(ready.scaled(), 3);
    assert_eq!(<LazyOrReady as Reading>::SCALE, <Sensor as Reading>::SCALE);
}

// The same shape on a generic enum (which did not overflow: `T` stays a
// parameter there): the bounds are the impl's assumptions, met where it is
// used.
#[derive(RealizeForward)]
#[realize_forward(Reading)]
pub enum LaterOrNow<T: 'static> {
    Later(#[realize] Lazy<T>),
    Now(T),
}

#[test]
fn generic_lazy_variant_first_and_a_ready_one() {
    let now = LaterOrNow::Now(Sensor(6));
    let later = LaterOrNow::Later(Lazy::new(|| Sensor(7)));
    assert_eq!(now.out(), Sensor(6).out());
    assert_eq!(later.out(), Sensor(7).out());
    assert_eq!(later.scaled(), Sensor(7).scaled());
    assert_eq!(<LaterOrNow<Sensor> as Reading>::SCALE, 3);
}

// Consts with a default, one a literal (read by the scanner) and one an
// expression (read by syn): an enum keeps the trait's default, whatever its
// variants' targets (here different types, one overriding both consts).
#[forwardable]
pub trait Scaled {
    const SCALE: u32 = 1;
    fn scale(&self) -> u32 {
        Self::SCALE
    }
}

#[forwardable]
pub trait Limited {
    const LIMIT: u32 = 2 * 3;
    fn limit(&self) -> u32;
}

impl Scaled for Square {
    const SCALE: u32 = 9;
}
impl Scaled for Circle {}
impl Limited for Square {
    const LIMIT: u32 = 10;
    fn limit(&self) -> u32 {
        Self::LIMIT
    }
}
impl Limited for Circle {
    fn limit(&self) -> u32 {
        Self::LIMIT
    }
}

#[derive(RealizeForward)]
#[realize_forward(Scaled, Limited)]
pub enum ScaledShape {
    Square(Square),
    Circle(#[realize] Lazy<Circle>),
}

#[test]
fn consts_with_a_default_keep_it_across_different_targets() {
    assert_eq!(<ScaledShape as Scaled>::SCALE, 1);
    assert_eq!(<ScaledShape as Limited>::LIMIT, 6);
    // The methods still forward to each variant's own.
    assert_eq!(ScaledShape::Square(Square(1)).scale(), 9);
    assert_eq!(ScaledShape::Square(Square(1)).limit(), 10);
    assert_eq!(ScaledShape::Circle(Lazy::new(|| Circle(1))).limit(), 6);
}

/// An enum whose variant holds the enum again (a tree of trackers): its
/// impl forwards into itself, as a hand-written one would. Each bound of
/// such a variant's target would be the impl's own (`Tree: Node`), which
/// rustc cannot prove while it proves the impl (E0275, "overflow").
#[test]
fn an_enum_holding_itself_forwards_into_itself() {
    #[forwardable]
    trait Node {
        type Label;
        fn depth(&self) -> u32;
        fn deepen(&mut self);
        fn label(&self) -> Self::Label;
    }

    struct Leaf(u32);

    impl Node for Leaf {
        type Label = &'static str;
        fn depth(&self) -> u32 {
            self.0
        }
        fn deepen(&mut self) {
            self.0 += 1;
        }
        fn label(&self) -> &'static str {
            "leaf"
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Node)]
    enum Tree {
        Leaf(Leaf),
        Boxed(#[realize(plain, deref)] Box<Tree>),
        Later(#[realize] Box<Lazy<Tree>>),
        LaterBoxed(#[realize(deref)] Lazy<Box<Self>>),
    }

    #[derive(RealizeForward)]
    #[realize_forward(Node)]
    enum Generic<T: Node<Label = &'static str>> {
        Own(T),
        Nested(#[realize(plain, deref)] Box<Generic<T>>),
    }

    let mut tree = Tree::Boxed(Box::new(Tree::Later(Box::new(Lazy::new(|| {
        Tree::LaterBoxed(Lazy::new(|| Box::new(Tree::Leaf(Leaf(3)))))
    })))));
    assert_eq!(tree.depth(), 3);
    tree.deepen();
    assert_eq!(tree.depth(), 4);
    assert_eq!(tree.label(), "leaf");
    let mut generic = Generic::Nested(Box::new(Generic::Own(Leaf(1))));
    generic.deepen();
    assert_eq!(generic.depth(), 2);
    assert_eq!(generic.label(), "leaf");
}

/// A generic enum holding itself through a `#[realize(deref)]` lazy of a
/// pointer (`Lazy<Box<Tree<T>>>`, `Lazy<Box<Self>>`, `Lazy<Rc<Tree<T>>>`):
/// the lazy's `Realize` and the pointer's `Deref` bounds, unbound, made
/// their `Target`s opaque in the impl, so the call into the enum's own impl
/// was unproven (E0277 at the trait's name). Bound to the lazy's value and
/// to the enum, it forwards into itself.
#[test]
fn a_generic_enum_holding_itself_in_a_lazy_pointer_forwards_into_itself() {
    #[forwardable]
    trait Node {
        type Label;
        fn depth(&self) -> u32;
        fn deepen(&mut self);
        fn label(&self) -> Self::Label;
    }

    #[forwardable]
    trait Titled {
        fn name(&self) -> String;
    }

    struct Leaf(u32);

    impl Node for Leaf {
        type Label = &'static str;
        fn depth(&self) -> u32 {
            self.0
        }
        fn deepen(&mut self) {
            self.0 += 1;
        }
        fn label(&self) -> &'static str {
            "leaf"
        }
    }

    impl Titled for Leaf {
        fn name(&self) -> String {
            format!("leaf {}", self.0)
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Node)]
    enum Tree<T: Node + 'static> {
        Own(T),
        Later(#[realize(deref)] Lazy<Box<Tree<T>>>),
        LaterSelf(#[realize(deref)] Box<Lazy<Box<Self>>>),
    }

    #[derive(RealizeForward)]
    #[realize_forward(Titled)]
    enum Shared<T: Titled + 'static> {
        Own(T),
        Later(#[realize(deref)] Lazy<Rc<Shared<T>>>),
    }

    let mut tree: Tree<Leaf> = Tree::Later(Lazy::new(|| {
        Box::new(Tree::LaterSelf(Box::new(Lazy::new(|| {
            Box::new(Tree::Own(Leaf(5)))
        }))))
    }));
    assert_eq!(tree.depth(), 5);
    tree.deepen();
    assert_eq!(tree.depth(), 6);
    assert_eq!(tree.label(), "leaf");
    let shared: Shared<Leaf> = Shared::Later(Lazy::new(|| Rc::new(Shared::Own(Leaf(2)))));
    assert_eq!(shared.name(), "leaf 2");
}

/// The enum named through its module (`self::Tree`) is the enum too: each
/// spelling was E0275 ("overflow evaluating the requirement") where the bare
/// name compiled.
mod holding_itself_through_its_module {
    use lazy_core::{Lazy, RealizeForward, forwardable};

    #[forwardable]
    pub trait Node {
        fn depth(&self) -> u32;
        fn deepen(&mut self);
    }

    pub struct Leaf(pub u32);

    impl Node for Leaf {
        fn depth(&self) -> u32 {
            self.0
        }
        fn deepen(&mut self) {
            self.0 += 1;
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Node)]
    pub enum Tree {
        Leaf(Leaf),
        Boxed(#[realize(plain, deref)] Box<self::Tree>),
        Later(#[realize] Box<Lazy<self::Tree>>),
    }

    #[derive(RealizeForward)]
    #[realize_forward(Node)]
    pub enum Generic<T: Node> {
        Own(T),
        Nested(#[realize(plain, deref)] Box<self::Generic<T>>),
    }

    #[test]
    fn forwards_into_itself() {
        let mut tree = Tree::Boxed(Box::new(Tree::Later(Box::new(Lazy::new(|| {
            Tree::Leaf(Leaf(3))
        })))));
        tree.deepen();
        assert_eq!(tree.depth(), 4);
        let mut generic = Generic::Nested(Box::new(Generic::Own(Leaf(1))));
        generic.deepen();
        assert_eq!(generic.depth(), 2);
    }
}

/// A generic trait named bare (`Lookup`, for every `K`) with an associated
/// type, on enums with a `#[realize]` variant: the lazy's target was a
/// projection that rustc cannot normalize under the impl's own `K`, so a
/// ready value and a lazy one of the same type overflowed (E0275) and a
/// lazy one before another type did not agree (E0277). Named
/// `Lookup<usize>`, each compiled. A trait of a lifetime (`Parse<'de>`)
/// is generic the same way.
mod bare_generic_trait {
    use lazy_core::{Lazy, RealizeForward, forwardable};

    #[forwardable]
    pub trait Lookup<K: ?Sized> {
        type Output: ?Sized;
        fn lookup(&self, key: K) -> &Self::Output;
    }

    pub struct Table(Vec<String>);
    pub struct Fixed(&'static str);

    impl Lookup<usize> for Table {
        type Output = str;
        fn lookup(&self, key: usize) -> &str {
            &self.0[key]
        }
    }

    impl Lookup<usize> for Fixed {
        type Output = str;
        fn lookup(&self, _: usize) -> &str {
            self.0
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Lookup)]
    pub enum ReadyThenLazy {
        Ready(Table),
        Later(#[realize] Lazy<Table>),
    }

    #[derive(RealizeForward)]
    #[realize_forward(Lookup)]
    pub enum LazyThenOther {
        Later(#[realize] Lazy<Table>),
        Other(Fixed),
    }

    #[derive(RealizeForward)]
    #[realize_forward(Lookup)]
    pub enum TwoLazies {
        Table(#[realize] Lazy<Table>),
        Fixed(#[realize] Lazy<Fixed>),
    }

    #[forwardable]
    pub trait Parse<'de> {
        type Value;
        fn parse(&self, text: &'de str) -> Self::Value;
    }

    pub struct Length;
    pub struct Words;

    impl<'de> Parse<'de> for Length {
        type Value = usize;
        fn parse(&self, text: &'de str) -> usize {
            text.len()
        }
    }

    impl<'de> Parse<'de> for Words {
        type Value = usize;
        fn parse(&self, text: &'de str) -> usize {
            text.split_whitespace().count()
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Parse)]
    pub enum Parser {
        Length(Length),
        LaterLength(#[realize] Lazy<Length>),
        LaterWords(#[realize] Lazy<Words>),
    }

    fn table() -> Table {
        Table(vec![String::from("zero"), String::from("one")])
    }

    #[test]
    fn each_variant_forwards_for_every_argument_the_targets_take() {
        assert_eq!(ReadyThenLazy::Ready(table()).lookup(1), "one");
        let later = ReadyThenLazy::Later(Lazy::new(table));
        assert_eq!(later.lookup(0), "zero");
        assert_eq!(LazyThenOther::Later(Lazy::new(table)).lookup(1), "one");
        assert_eq!(LazyThenOther::Other(Fixed("fixed")).lookup(9), "fixed");
        assert_eq!(TwoLazies::Table(Lazy::new(table)).lookup(0), "zero");
        assert_eq!(TwoLazies::Fixed(Lazy::new(|| Fixed("f"))).lookup(3), "f");
        assert_eq!(Parser::Length(Length).parse("a b"), 3);
        assert_eq!(Parser::LaterLength(Lazy::new(|| Length)).parse("abcd"), 4);
        assert_eq!(Parser::LaterWords(Lazy::new(|| Words)).parse("a b c"), 3);
    }
}

/// A generic enum sharing its lazy (`Rc<Lazy<T>>`, `Arc<Lazy<T>>`) with a
/// method that returns `Self`: the variant is built back as a new `Rc` or
/// `Arc` around a realized lazy (the derive writes `Rc::new`), for every `T`,
/// so the enum implements the trait whatever it holds.
mod a_shared_lazy_is_built_back_as_a_new_pointer {
    use std::rc::Rc;
    use std::sync::Arc;

    use lazy_core::{Lazy, Realize, RealizeForward, forwardable, sync};

    #[forwardable]
    pub trait Again {
        fn count(&self) -> u32;
        fn again(&self) -> Self;
    }

    #[derive(Debug, PartialEq)]
    pub struct Real(u32);

    impl Again for Real {
        fn count(&self) -> u32 {
            self.0
        }
        fn again(&self) -> Self {
            Real(self.0 + 1)
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Again)]
    pub enum Rebuilt<X: 'static + Send + Sync> {
        Ready(X),
        Shared(#[realize] Rc<Lazy<X>>),
        Threaded(#[realize] Arc<sync::Lazy<X>>),
    }

    /// The same without parameters: the build is checked in the arm. (A
    /// box of an `Rc`: each pointer is built anew, outermost last.)
    #[allow(clippy::redundant_allocation)]
    #[derive(RealizeForward)]
    #[realize_forward(Again)]
    pub enum Concrete {
        Ready(Real),
        Shared(#[realize] Box<Rc<Lazy<Real>>>),
    }

    #[test]
    fn without_parameters_too() {
        let shared = Concrete::Shared(Box::new(Rc::new(Lazy::new(|| Real(9)))));
        match shared.again() {
            Concrete::Shared(again) => assert_eq!(again.realize(), &Real(10)),
            Concrete::Ready(_) => panic!("a shared variant came back as a ready one"),
        }
    }

    #[test]
    fn each_variant_comes_back_as_itself_holding_the_result() {
        let lazy: Rc<Lazy<Real>> = Rc::new(Lazy::new(|| Real(4)));
        let shared = Rebuilt::Shared(Rc::clone(&lazy));
        assert_eq!(shared.count(), 4);
        match shared.again() {
            Rebuilt::Shared(again) => {
                assert_eq!(again.realize(), &Real(5));
                assert!(!Rc::ptr_eq(&again, &lazy), "a new Rc, not the old one");
            }
            _ => panic!("a shared variant came back as another"),
        }
        assert_eq!(lazy.realize(), &Real(4), "the old value is unchanged");
        let threaded = Rebuilt::Threaded(Arc::new(sync::Lazy::new(|| Real(7))));
        match threaded.again() {
            Rebuilt::Threaded(again) => assert_eq!(again.realize(), &Real(8)),
            _ => panic!("a threaded variant came back as another"),
        }
        match Rebuilt::Ready(Real(1)).again() {
            Rebuilt::Ready(real) => assert_eq!(real, Real(2)),
            _ => panic!("a ready variant came back as another"),
        }
    }
}

/// Variants whose targets differ in their lifetimes only: no bound of the
/// trait on them (two would be ambiguous to rustc, E0283).
mod targets_differing_in_lifetimes {
    use lazy_core::{Lazy, RealizeForward, forwardable};

    #[forwardable]
    pub trait Named {
        fn name(&self) -> &str;
    }

    #[forwardable]
    pub trait Items {
        type Item;
        fn first(&self) -> Option<Self::Item>;
    }

    pub struct Parser<'c>(&'c str);

    impl Named for Parser<'_> {
        fn name(&self) -> &str {
            self.0
        }
    }

    impl Items for Parser<'_> {
        type Item = char;
        fn first(&self) -> Option<char> {
            self.0.chars().next()
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Named, Items)]
    pub enum Source<'a> {
        Borrowed(Parser<'a>),
        Static(Parser<'static>),
        Later(#[realize] Lazy<Parser<'static>>),
    }

    #[derive(RealizeForward)]
    #[realize_forward(Named)]
    pub enum Two<'a, 'b> {
        One(Parser<'a>),
        Other(Parser<'b>),
    }

    #[test]
    fn each_variant_forwards_to_its_own_target() {
        let text = String::from("borrowed");
        let borrowed = Source::Borrowed(Parser(&text));
        assert_eq!(borrowed.name(), "borrowed");
        assert_eq!(borrowed.first(), Some('b'));
        assert_eq!(Source::Static(Parser("static")).first(), Some('s'));
        let later = Source::Later(Lazy::new(|| Parser("later")));
        assert_eq!(later.name(), "later");
        assert_eq!(Two::One(Parser("one")).name(), "one");
        assert_eq!(Two::Other(Parser(&text)).name(), "borrowed");
    }
}

/// A generic associated type, and a variant of a concrete type before one
/// of the enum's parameter: the types are the generic variant's.
mod generic_associated_type_after_a_concrete_variant {
    use lazy_core::{Lazy, RealizeForward, forwardable};

    #[forwardable]
    pub trait Container {
        type Iter<'a>: Iterator<Item = &'a u8>
        where
            Self: 'a;
        fn iter(&self) -> Self::Iter<'_>;
    }

    pub struct Bytes(Vec<u8>);

    impl Container for Bytes {
        type Iter<'a> = std::slice::Iter<'a, u8>;
        fn iter(&self) -> Self::Iter<'_> {
            self.0.iter()
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Container)]
    pub enum Either<T> {
        Concrete(Bytes),
        Generic(T),
        Later(#[realize] Lazy<T>),
    }

    /// A variant holding the enum itself, which names its parameter too: the
    /// types are not taken from it (rustc would recurse).
    #[derive(RealizeForward)]
    #[realize_forward(Container)]
    pub enum Tree<T: 'static> {
        Leaf(#[realize] Lazy<Bytes>),
        Node(#[realize(plain, deref)] Box<Tree<T>>),
        Generic(T),
    }

    #[test]
    fn every_variant_iterates() {
        let tree: Tree<Bytes> = Tree::Node(Box::new(Tree::Generic(Bytes(vec![2, 3]))));
        assert_eq!(tree.iter().sum::<u8>(), 5);
        let leaf: Tree<Bytes> = Tree::Leaf(Lazy::new(|| Bytes(vec![1])));
        assert_eq!(leaf.iter().count(), 1);
        let concrete: Either<Bytes> = Either::Concrete(Bytes(vec![1, 2]));
        assert_eq!(concrete.iter().sum::<u8>(), 3);
        let generic = Either::Generic(Bytes(vec![4]));
        assert_eq!(generic.iter().count(), 1);
        let later = Either::Later(Lazy::new(|| Bytes(vec![5, 6, 7])));
        assert_eq!(later.iter().copied().max(), Some(7));
    }
}

/// A generic associated type (`Chunk<'c>` where `Self: 'c`) and a variant
/// whose target names the enum's lifetime (`BytesRef<'a>`), in either order
/// and as plain or lazy variants: no bound of agreement for every `'c`
/// (E0477 before), and the impls proven where the arms call them; an
/// associated type without lifetimes (`Unit`) is still agreed on.
mod generic_associated_type_beside_a_borrowing_variant {
    use lazy_core::{Lazy, RealizeForward, forwardable};

    #[forwardable]
    pub trait Source {
        type Chunk<'c>
        where
            Self: 'c;
        type Unit: Copy;
        fn chunk(&self) -> Self::Chunk<'_>;
        fn len(&self) -> usize;
        fn unit(&self) -> Self::Unit;
    }

    pub struct Bytes(Vec<u8>);
    pub struct BytesRef<'a>(&'a [u8]);

    impl Source for Bytes {
        type Chunk<'c> = &'c [u8];
        type Unit = u8;
        fn unit(&self) -> u8 {
            1
        }
        fn chunk(&self) -> &[u8] {
            &self.0
        }
        fn len(&self) -> usize {
            self.0.len()
        }
    }

    impl<'a> Source for BytesRef<'a> {
        type Chunk<'c>
            = &'c [u8]
        where
            Self: 'c;
        type Unit = u8;
        fn unit(&self) -> u8 {
            2
        }
        fn chunk(&self) -> &[u8] {
            self.0
        }
        fn len(&self) -> usize {
            self.0.len()
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Source)]
    pub enum OwnedFirst<'a> {
        Owned(Bytes),
        Borrowed(BytesRef<'a>),
    }

    #[derive(RealizeForward)]
    #[realize_forward(Source)]
    pub enum BorrowedFirst<'a> {
        Borrowed(#[realize] Lazy<BytesRef<'a>>),
        Owned(#[realize] Lazy<Bytes>),
        Plain(BytesRef<'a>),
    }

    #[derive(RealizeForward)]
    #[realize_forward(Source)]
    pub enum PlainBorrowedFirst<'a> {
        Borrowed(BytesRef<'a>),
        Owned(Bytes),
    }

    #[test]
    fn every_variant_gives_its_chunk() {
        let text = vec![7u8, 8, 9];
        let owned = OwnedFirst::Owned(Bytes(vec![1, 2]));
        assert_eq!(owned.chunk(), &[1, 2]);
        let borrowed = OwnedFirst::Borrowed(BytesRef(&text));
        assert_eq!((borrowed.chunk(), borrowed.len()), (&[7u8, 8, 9][..], 3));
        let later = BorrowedFirst::Borrowed(Lazy::new(|| BytesRef(&[8, 9])));
        assert_eq!(later.chunk(), &[8, 9]);
        let owned_later = BorrowedFirst::Owned(Lazy::new(|| Bytes(vec![4])));
        assert_eq!(owned_later.len(), 1);
        let plain = BorrowedFirst::Plain(BytesRef(&text[2..]));
        assert_eq!(plain.chunk(), &[9]);
        assert_eq!((owned.unit(), plain.unit(), owned_later.unit()), (1, 2, 1));
        let first = PlainBorrowedFirst::Borrowed(BytesRef(&text[..1]));
        let second = PlainBorrowedFirst::Owned(Bytes(vec![5, 6]));
        assert_eq!((first.chunk(), first.unit()), (&[7u8][..], 2));
        assert_eq!((second.chunk(), second.unit()), (&[5u8, 6][..], 1));
    }
}

// A variant whose lazy is named so that the derive cannot see it is one
// (`SyncLazy` for lazy-core's `sync::Lazy`) beside a variant of its value's
// type, forwarding a generic trait with an associated type: named with its
// arguments, or with the lazy written by its path (`limits`: named bare with
// the lazy renamed, rustc overflows).
mod lazy_under_another_name {
    use lazy_core::sync::Lazy as SyncLazy;
    use lazy_core::{RealizeForward, forwardable};

    #[forwardable]
    pub trait Scale<T> {
        type Out;
        fn scale(&self, by: T) -> Self::Out;
    }

    pub struct Unit(u16);

    impl Scale<u8> for Unit {
        type Out = u16;
        fn scale(&self, by: u8) -> u16 {
            self.0 * u16::from(by)
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Scale<u8>)]
    pub enum Renamed {
        Ready(Unit),
        Later(#[realize] SyncLazy<Unit>),
    }

    #[derive(RealizeForward)]
    #[realize_forward(Scale)]
    pub enum ByPath {
        Ready(Unit),
        Later(#[realize] lazy_core::sync::Lazy<Unit>),
    }

    #[test]
    fn forwards_to_each_variant() {
        assert_eq!(Renamed::Ready(Unit(2)).scale(3), 6);
        assert_eq!(Renamed::Later(SyncLazy::new(|| Unit(4))).scale(3), 12);
        assert_eq!(ByPath::Ready(Unit(5)).scale(2), 10);
        assert_eq!(ByPath::Later(SyncLazy::new(|| Unit(6))).scale(2u8), 12);
    }
}
