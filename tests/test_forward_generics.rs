//! Generic methods, generic traits (with and without arguments), lifetime
//! parameters, and generic or tuple wrapper structs.

mod common;

use std::fmt::Debug;

use common::{Counted, counted};
use lazy_core::{Lazy, Realize, RealizeForward, forwardable};

#[forwardable]
pub trait Convert {
    /// Type parameter with bounds and a where clause.
    fn describe<T: Debug, U>(&self, value: T, extra: U) -> String
    where
        U: Clone + Into<u64>;
    /// A parameter only the return type determines: needs the turbofish.
    fn parse<T: std::str::FromStr>(&self) -> Option<T>;
    /// A const parameter.
    fn repeat<const N: usize>(&self) -> [u8; N];
    /// Lifetime parameters, late-bound and early-bound.
    fn longest<'a>(&self, a: &'a str, b: &'a str) -> &'a str;
    fn pick<'a, T: 'a + ?Sized>(&'a self, other: &'a T) -> (&'a str, &'a T);
    /// `impl Trait` argument.
    fn join(&self, parts: impl IntoIterator<Item = u8>) -> String;
    /// Type and const parameters no argument determines, beside an `impl
    /// Trait` argument: the turbofish names them, and not the argument's.
    fn make<T: Default + Debug>(&self, tag: impl std::fmt::Display) -> String;
    fn width<const N: usize>(&self, value: impl Debug) -> usize;
    /// `impl Trait` in return position.
    fn digits(&self) -> impl Iterator<Item = u32> + '_;
}

pub struct Text(String);

impl Convert for Text {
    fn describe<T: Debug, U>(&self, value: T, extra: U) -> String
    where
        U: Clone + Into<u64>,
    {
        format!("{}={:?}+{}", self.0, value, extra.into())
    }
    fn parse<T: std::str::FromStr>(&self) -> Option<T> {
        self.0.parse().ok()
    }
    fn repeat<const N: usize>(&self) -> [u8; N] {
        [self.0.len() as u8; N]
    }
    fn longest<'a>(&self, a: &'a str, b: &'a str) -> &'a str {
        if a.len() >= b.len() { a } else { b }
    }
    fn pick<'a, T: 'a + ?Sized>(&'a self, other: &'a T) -> (&'a str, &'a T) {
        (&self.0, other)
    }
    fn join(&self, parts: impl IntoIterator<Item = u8>) -> String {
        let parts: Vec<String> = parts.into_iter().map(|p| p.to_string()).collect();
        format!("{}:{}", self.0, parts.join(","))
    }
    fn make<T: Default + Debug>(&self, tag: impl std::fmt::Display) -> String {
        format!("{}{tag}{:?}", self.0, T::default())
    }
    fn width<const N: usize>(&self, value: impl Debug) -> usize {
        format!("{value:?}").len() * N
    }
    fn digits(&self) -> impl Iterator<Item = u32> + '_ {
        self.0.chars().filter_map(|c| c.to_digit(10))
    }
}

#[derive(RealizeForward)]
#[realize_forward(Convert)]
pub struct LazyText {
    #[realize]
    cache: Lazy<Text, Counted<Text>>,
}

fn lazy_text(s: &'static str) -> (LazyText, std::rc::Rc<std::cell::Cell<u32>>) {
    let (cache, builds) = counted(move || Text(s.to_owned()));
    (LazyText { cache }, builds)
}

#[test]
fn generic_methods_forward_with_their_arguments() {
    let (text, builds) = lazy_text("42");
    assert_eq!(text.describe(7u8, 1u32), "42=7+1");
    assert_eq!(text.parse::<u64>(), Some(42));
    assert_eq!(text.parse::<f32>(), Some(42.0));
    assert_eq!(text.repeat::<3>(), [2, 2, 2]);
    assert_eq!(text.longest("ab", "abc"), "abc");
    assert_eq!(text.pick("x"), ("42", "x"));
    assert_eq!(text.join([1, 2]), "42:1,2");
    assert_eq!(text.make::<u8>("-"), "42-0");
    assert_eq!(text.make::<String>(1), "421\"\"");
    assert_eq!(text.width::<3>("ab"), 12);
    assert_eq!(text.digits().collect::<Vec<_>>(), vec![4, 2]);
    assert_eq!(builds.get(), 1);
}

// Generic wrappers of `Convert`, whose methods declare `T`, `U`, `N` and
// `'a`: a wrapper whose parameters are other names gets the hidden macro's
// fast rule; one that reuses a method's name (`T`, `'a`) goes to the chain,
// which renames the method's parameter. Both forward the same.
#[derive(RealizeForward)]
#[realize_forward(Convert)]
pub struct OtherNames<'w, X: Convert> {
    #[realize]
    cache: &'w mut Lazy<X>,
}

#[derive(RealizeForward)]
#[realize_forward(Convert)]
pub struct SameType<T: Convert> {
    #[realize]
    cache: Lazy<T>,
}

#[derive(RealizeForward)]
#[realize_forward(Convert)]
pub struct SameLifetime<'a, X: Convert> {
    #[realize]
    cache: &'a Lazy<X>,
}

#[derive(RealizeForward)]
#[realize_forward(Convert)]
pub struct SameConst<const N: usize, X: Convert> {
    #[realize]
    cache: Lazy<X>,
    sizes: [u8; N],
}

fn check_convert(text: &impl Convert) {
    assert_eq!(text.describe(7u8, 1u32), "42=7+1");
    assert_eq!(text.parse::<u64>(), Some(42));
    assert_eq!(text.repeat::<3>(), [2, 2, 2]);
    assert_eq!(text.longest("ab", "abc"), "abc");
    assert_eq!(text.pick("x"), ("42", "x"));
    assert_eq!(text.join([1, 2]), "42:1,2");
    assert_eq!(text.make::<u8>("-"), "42-0");
    assert_eq!(text.width::<3>("ab"), 12);
    assert_eq!(text.digits().collect::<Vec<_>>(), vec![4, 2]);
}

#[test]
fn generic_wrappers_forward_whatever_their_parameters_are_named() {
    let text: fn() -> Text = || Text("42".to_owned());
    let mut lazy = Lazy::new(text);
    check_convert(&OtherNames { cache: &mut lazy });
    check_convert(&SameType {
        cache: Lazy::new(text),
    });
    let lazy = Lazy::new(text);
    check_convert(&SameLifetime { cache: &lazy });
    let same_const = SameConst {
        cache: Lazy::new(text),
        sizes: [0; 2],
    };
    check_convert(&same_const);
    assert_eq!(same_const.sizes.len(), 2);
}

// A generic trait, forwarded for every instantiation (named without
// arguments) or for one (named with arguments).
#[forwardable]
pub trait Store<K, V = String>
where
    K: PartialEq,
{
    fn put(&mut self, key: K, value: V);
    fn fetch(&self, key: &K) -> Option<&V>;
}

#[derive(Default)]
pub struct VecStore<K, V> {
    items: Vec<(K, V)>,
}

impl<K: PartialEq, V> Store<K, V> for VecStore<K, V> {
    fn put(&mut self, key: K, value: V) {
        self.items.push((key, value));
    }
    fn fetch(&self, key: &K) -> Option<&V> {
        self.items.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

/// Named without arguments: `impl<K, V> Store<K, V> for AnyStore<...>`.
/// The wrapper's own parameter `K` collides with the trait's, on purpose.
#[derive(RealizeForward)]
#[realize_forward(Store)]
pub struct AnyStore<K: PartialEq + 'static> {
    #[realize]
    cache: Lazy<VecStore<K, u32>, Counted<VecStore<K, u32>>>,
}

/// Named with arguments (the second one defaulted).
#[derive(RealizeForward)]
#[realize_forward(Store<u8>)]
pub struct ByteStore(#[realize] Lazy<VecStore<u8, String>, Counted<VecStore<u8, String>>>);

#[test]
fn generic_trait_without_arguments_forwards_every_instantiation() {
    let (cache, builds) = counted(VecStore::<&'static str, u32>::default);
    let mut store = AnyStore { cache };
    store.put("a", 1);
    store.put("b", 2);
    assert_eq!(store.fetch(&"b"), Some(&2));
    assert_eq!(store.fetch(&"z"), None);
    assert_eq!(builds.get(), 1);
}

#[test]
fn generic_trait_with_arguments_and_tuple_struct() {
    let (cache, builds) = counted(VecStore::<u8, String>::default);
    let mut store = ByteStore(cache);
    store.put(1, String::from("one"));
    assert_eq!(store.fetch(&1).map(String::as_str), Some("one"));
    assert_eq!(builds.get(), 1);
}

// Parameters that may be unsized, relaxed in the `where` clause: named with
// arguments, the impl is for `str` and `[u8]`, where no bound is relaxed.
#[forwardable]
pub trait Measure<T, U>
where
    T: ?Sized,
    U: ?Sized + Debug,
{
    fn measure(&self, text: &T, bytes: &U) -> String;
}

pub struct Measurer;

impl<T: ?Sized + AsRef<[u8]>, U: ?Sized + Debug> Measure<T, U> for Measurer {
    fn measure(&self, text: &T, bytes: &U) -> String {
        format!("{} {bytes:?}", text.as_ref().len())
    }
}

#[derive(RealizeForward)]
#[realize_forward(Measure<str, [u8]>)]
pub struct LazyMeasurer(#[realize] Lazy<Measurer, Counted<Measurer>>);

#[derive(RealizeForward)]
#[realize_forward(Measure)]
pub struct AnyMeasurer(#[realize] Lazy<Measurer, Counted<Measurer>>);

#[derive(RealizeForward)]
#[realize_forward(Measure<str, [u8]>)]
pub enum EitherMeasurer {
    Ready(Measurer),
    Later(#[realize] Lazy<Measurer, Counted<Measurer>>),
}

#[test]
fn relaxed_bounds_in_the_where_clause_with_and_without_arguments() {
    let (cache, builds) = counted(|| Measurer);
    assert_eq!(LazyMeasurer(cache).measure("abc", &[1u8][..]), "3 [1]");
    assert_eq!(builds.get(), 1);
    let (cache, builds) = counted(|| Measurer);
    assert_eq!(AnyMeasurer(cache).measure("ab", "x"), "2 \"x\"");
    assert_eq!(builds.get(), 1);
    let (cache, builds) = counted(|| Measurer);
    assert_eq!(EitherMeasurer::Later(cache).measure("a", &[][..]), "1 []");
    assert_eq!(
        EitherMeasurer::Ready(Measurer).measure("", &[2u8][..]),
        "0 [2]"
    );
    assert_eq!(builds.get(), 1);
}

// A trait with a lifetime parameter.
#[forwardable]
pub trait Borrowing<'a> {
    fn first(&self, items: &'a [u8]) -> &'a u8;
}

pub struct First;
impl<'a> Borrowing<'a> for First {
    fn first(&self, items: &'a [u8]) -> &'a u8 {
        &items[0]
    }
}

#[derive(RealizeForward)]
#[realize_forward(Borrowing)]
pub struct LazyFirst(#[realize] Lazy<First, Counted<First>>);

#[test]
fn trait_with_lifetime_parameter() {
    let (cache, builds) = counted(|| First);
    let lazy = LazyFirst(cache);
    let items = [9, 8];
    assert_eq!(*lazy.first(&items), 9);
    assert_eq!(builds.get(), 1);
}

// A generic wrapper with lifetime, type and const parameters and a where
// clause, realizing through a hand-written `Realize`.
#[forwardable]
pub trait Sized3 {
    fn size(&self) -> usize;
}

impl<T> Sized3 for Vec<T> {
    fn size(&self) -> usize {
        self.len()
    }
}

#[derive(RealizeForward)]
#[realize_forward(Sized3)]
pub struct Window<'a, T, const N: usize>
where
    T: Clone,
{
    items: &'a Lazy<Vec<T>>,
}

impl<'a, T: Clone, const N: usize> Realize for Window<'a, T, N> {
    type Target = Vec<T>;
    fn realize(&self) -> &Vec<T> {
        self.items.realize()
    }
}

#[test]
fn generic_wrapper_with_hand_written_realize() {
    let items: Lazy<Vec<char>> = Lazy::new(|| vec!['a', 'b']);
    let window: Window<'_, char, 4> = Window { items: &items };
    assert!(!Lazy::is_realized(&items));
    assert_eq!(window.size(), 2);
    assert!(Lazy::is_realized(&items));
}

// Const parameters with defaults: `Array<>` takes the default, `Array<5>`
// names one instantiation.
#[forwardable]
pub trait Array<const N: usize = 3> {
    const LEN: usize = N;
    fn array(&self) -> [u8; N];
}

impl<const N: usize> Array<N> for u8 {
    fn array(&self) -> [u8; N] {
        [*self; N]
    }
}

/// A trait with no items at all.
#[forwardable]
pub trait Marker {}

impl Marker for u8 {}

#[derive(RealizeForward)]
#[realize_forward(Marker, Array<>, Array<5>)]
pub struct LazyByte(#[realize] Lazy<u8, Counted<u8>>);

#[test]
fn const_parameter_defaults_and_empty_traits() {
    fn is_marker(_: &impl Marker) {}
    let (cache, builds) = counted(|| 2u8);
    let byte = LazyByte(cache);
    is_marker(&byte);
    assert_eq!(<LazyByte as Array>::array(&byte), [2, 2, 2]);
    assert_eq!(<LazyByte as Array<5>>::array(&byte), [2; 5]);
    assert_eq!(<LazyByte as Array<5>>::LEN, 5);
    assert_eq!(builds.get(), 1);
}

/// A const argument written as a block lands in the signatures as an
/// array's length, where rustc's `unused_braces` does not fire on the
/// derive's impls (denied here) for braces that `realize_forward` needs.
#[deny(unused_braces)]
mod braced_const_argument {
    use lazy_core::{Lazy, RealizeForward};

    use super::Array;

    #[derive(RealizeForward)]
    #[realize_forward(Array<{ 2 + 2 }>)]
    pub struct LazyByte(#[realize] pub Lazy<u8>);

    #[derive(RealizeForward)]
    #[realize_forward(Array<{ 2 + 2 }>)]
    pub enum EitherByte {
        Later(#[realize] Lazy<u8>),
        Ready(u8),
    }
}

#[test]
fn braced_const_arguments_forward_without_a_lint() {
    use braced_const_argument::{EitherByte, LazyByte};
    assert_eq!(LazyByte(Lazy::new(|| 1)).array(), [1; 4]);
    assert_eq!(<EitherByte as Array<4>>::LEN, 4);
    assert_eq!(EitherByte::Ready(2).array(), [2; 4]);
    assert_eq!(EitherByte::Later(Lazy::new(|| 3)).array(), [3; 4]);
}

/// The wrapper's lifetime `'a` has the name of `Borrowing<'a>`'s parameter,
/// which the derive renames in the impl.
#[derive(RealizeForward)]
#[realize_forward(Borrowing)]
pub struct BorrowedFirst<'a>(#[realize] &'a Lazy<First, Counted<First>>);

#[test]
fn trait_lifetime_named_like_the_wrappers() {
    let (cache, builds) = counted(|| First);
    let borrowed = BorrowedFirst(&cache);
    let items = [5, 6];
    assert_eq!(*borrowed.first(&items), 5);
    assert_eq!(builds.get(), 1);
}

/// Renamed parameters get names that are free: the wrapper already has `__T`
/// (and `__U`), so the trait's `T` and the method's `U` cannot become those.
#[forwardable]
pub trait Conv<T> {
    fn conv(&self, x: T) -> T;
    fn pair<U>(&self, x: T, u: U) -> (T, U);
}

impl<A> Conv<A> for u8 {
    fn conv(&self, a: A) -> A {
        a
    }
    fn pair<U>(&self, a: A, u: U) -> (A, U) {
        (a, u)
    }
}

#[derive(RealizeForward)]
#[realize_forward(Conv)]
pub struct LazyConv<T, __T, U, __U> {
    #[realize]
    cache: Lazy<u8>,
    _names: std::marker::PhantomData<(T, __T, U, __U)>,
}

/// The trait has both `T` and `__T`: the renamed `T` skips `__T`.
#[forwardable]
pub trait Both<T, __T> {
    fn both(&self, t: T, u: __T) -> (T, __T);
}

impl<A, B> Both<A, B> for u8 {
    fn both(&self, a: A, b: B) -> (A, B) {
        (a, b)
    }
}

#[derive(RealizeForward)]
#[realize_forward(Both)]
pub struct LazyBoth<T> {
    #[realize]
    cache: Lazy<u8>,
    _name: std::marker::PhantomData<T>,
}

#[test]
fn renamed_generic_parameters_avoid_the_wrappers_names() {
    let conv: LazyConv<(), (), (), ()> = LazyConv {
        cache: Lazy::new(|| 0),
        _names: std::marker::PhantomData,
    };
    assert_eq!(conv.conv("x"), "x");
    assert_eq!(conv.pair(1u8, 'c'), (1, 'c'));
    let both: LazyBoth<()> = LazyBoth {
        cache: Lazy::new(|| 0),
        _name: std::marker::PhantomData,
    };
    assert_eq!(both.both(1u8, "b"), (1, "b"));
}

#[forwardable]
pub trait Named {
    fn name(&self) -> String;
    fn rename(&mut self, name: &str);
}

impl Named for String {
    fn name(&self) -> String {
        self.clone()
    }
    fn rename(&mut self, name: &str) {
        name.clone_into(self);
    }
}

/// The whole `#[realize]` field is a parameter with no bound written: the
/// derive bounds each impl on it (`L: Realize`, `L: RealizeMut`), so the
/// struct needs none, as with `#[derive(RealizeAll)]` (issue 16, item 2).
#[derive(RealizeForward)]
#[realize_forward(Named)]
pub struct AnyCache<L> {
    #[realize]
    cache: L,
}

#[test]
fn an_unbounded_realize_field_parameter_gets_its_bounds_from_the_derive() {
    let mut owned = AnyCache {
        cache: Lazy::new(|| String::from("a")),
    };
    owned.rename("b");
    assert_eq!(owned.name(), "b");
    let mut boxed = AnyCache {
        cache: Box::new(Lazy::new(|| String::from("c"))),
    };
    boxed.rename("d");
    assert_eq!(boxed.name(), "d");
    // `Rc` cannot lend mutably: the impl is not there, and `realize` is.
    let shared = AnyCache {
        cache: std::rc::Rc::new(Lazy::new(|| String::from("e"))),
    };
    assert_eq!(shared.realize(), "e");
}

#[forwardable]
pub trait Label {
    fn label(&self) -> String;
}

impl Label for String {
    fn label(&self) -> String {
        format!("<{self}>")
    }
}

/// The same with a trait of `&self` methods only, which needs no
/// `RealizeMut`: the impl is bounded on the wrapper's `Realize`, which the
/// derive writes too (it once forgot it, and rustc gave four errors).
#[derive(RealizeForward)]
#[realize_forward(Label)]
pub struct AnyLabel<L> {
    #[realize]
    cache: L,
}

#[test]
fn an_unbounded_realize_field_parameter_with_shared_methods_only() {
    let owned = AnyLabel {
        cache: Lazy::new(|| String::from("a")),
    };
    assert_eq!(owned.label(), "<a>");
    let shared = AnyLabel {
        cache: std::rc::Rc::new(Lazy::new(|| String::from("b"))),
    };
    assert_eq!(shared.label(), "<b>");
}

#[forwardable]
pub trait Counter {
    fn count(&self) -> u32;
    fn bump(&mut self) -> u32;
    fn into_count(self) -> u32
    where
        Self: Sized;
    fn doubled(&self) -> Self
    where
        Self: Sized;
}

#[derive(Clone)]
pub struct Tally(u32);

impl Counter for Tally {
    fn count(&self) -> u32 {
        self.0
    }
    fn bump(&mut self) -> u32 {
        self.0 += 1;
        self.0
    }
    fn into_count(self) -> u32 {
        self.0
    }
    fn doubled(&self) -> Self {
        Tally(self.0 * 2)
    }
}

/// A lazy's seed as the wrapper's parameter, written without `S: Seed`
/// (a closure's type cannot be named): the derives bound it themselves, as
/// a std derive bounds its parameters. Without, each impl was "`S` is not a
/// seed" at the trait's `#[forwardable]`, with rustc's fix spliced into
/// that attribute.
#[derive(RealizeForward, lazy_core::FromRealized)]
#[realize_forward(Counter)]
pub struct SeededBy<S> {
    #[realize]
    cache: Lazy<Tally, S>,
}

/// The same behind a `Box`, with a method answered by the wrapper (the
/// derive's own impl, not the trait's hidden macro), and through
/// `sync::Lazy` in an enum's variant.
#[derive(RealizeForward, lazy_core::FromRealized)]
#[realize_forward(Counter, except(count))]
pub struct BoxedSeededBy<S> {
    #[realize]
    cache: Box<Lazy<Tally, S>>,
}

impl<S> BoxedSeededBy<S> {
    fn count(&self) -> u32 {
        100
    }
}

#[forwardable]
pub trait Total {
    fn total(&self) -> u32;
}

impl Total for Tally {
    fn total(&self) -> u32 {
        self.0
    }
}

#[derive(RealizeForward)]
#[realize_forward(Total)]
pub enum SyncOrKnown<S> {
    Lazy(#[realize] lazy_core::sync::Lazy<Tally, S>),
    Known(Tally),
}

#[forwardable]
pub trait Twice: Counter {
    fn twice(&self) -> u32;
}

impl Twice for Tally {
    fn twice(&self) -> u32 {
        self.0 * 2
    }
}

/// An enum's too, where a subtrait's impl proves what the supertrait's
/// asks of the field (`RealizeMut`, for `bump`) from the seed's bound: it
/// was "`S` is not a seed" at the subtrait.
#[derive(RealizeForward)]
#[realize_forward(Counter, Twice)]
pub enum SeededEnum<S> {
    Later(#[realize] Lazy<Tally, S>),
    Known(Tally),
}

#[test]
fn a_seed_parameter_needs_no_bound_on_the_wrapper() {
    let (cache, builds) = counted(|| Tally(1));
    let mut wrapper = SeededBy { cache };
    assert_eq!(wrapper.count(), 1);
    assert_eq!(wrapper.bump(), 2);
    let doubled: SeededBy<_> = wrapper.doubled();
    assert_eq!(doubled.count(), 4);
    assert_eq!(wrapper.into_count(), 2);
    assert_eq!(builds.get(), 1);

    let mut boxed = BoxedSeededBy {
        cache: Box::new(Lazy::new(|| Tally(5))),
    };
    assert_eq!(Counter::count(&boxed), 100);
    assert_eq!(boxed.bump(), 6);
    assert_eq!(Counter::count(&boxed.doubled()), 100);
    assert_eq!(boxed.into_count(), 6);

    let lazy: SyncOrKnown<fn() -> Tally> =
        SyncOrKnown::Lazy(lazy_core::sync::Lazy::new(|| Tally(7)));
    assert_eq!(lazy.total(), 7);
    assert_eq!(SyncOrKnown::<fn() -> Tally>::Known(Tally(8)).total(), 8);

    let mut later = SeededEnum::Later(Lazy::new(|| Tally(2)));
    assert_eq!(later.bump(), 3);
    assert_eq!(later.twice(), 6);
    assert_eq!(later.doubled().count(), 6);
    assert_eq!(SeededEnum::<fn() -> Tally>::Known(Tally(4)).twice(), 8);
}

/// A value named through the seed, which the user bounded: the derive adds
/// no `S: Seed<Output = S::Output>` (a cycle, E0391, once it did).
#[derive(RealizeForward)]
#[realize_forward(Total)]
pub struct SeedNamesValue<S: lazy_core::Seed>(#[realize] Lazy<S::Output, S>);

#[test]
fn a_value_named_through_its_bounded_seed() {
    let wrapper = SeedNamesValue(Lazy::new(|| Tally(9)));
    assert_eq!(wrapper.total(), 9);
}

#[forwardable]
pub trait Source {
    type Item;
    fn next_item(&mut self) -> Option<Self::Item>;
    fn show(&mut self) -> String
    where
        Self::Item: std::fmt::Display;
    fn each<F: FnMut(Self::Item)>(&mut self, f: F);
    fn measure(&self, f: impl Fn(&Self::Item) -> u32) -> u32;
}

pub struct Steps(u8);

impl Source for Steps {
    type Item = u8;
    fn next_item(&mut self) -> Option<u8> {
        self.0 += 1;
        Some(self.0)
    }
    fn show(&mut self) -> String {
        self.0.to_string()
    }
    fn each<F: FnMut(u8)>(&mut self, mut f: F) {
        f(self.0);
    }
    fn measure(&self, f: impl Fn(&u8) -> u32) -> u32 {
        f(&self.0)
    }
}

/// Methods that bound the trait's associated type (`where Self::Item:
/// Display`, `F: FnMut(Self::Item)`, `impl Fn(&Self::Item)`), through a
/// wrapper generic over its target: the impls bound `T: Source` beside
/// `<Self as Realize>::Target: Source`, whose projection rustc does not
/// normalize where it checks a method's own bounds (each was "`T: Source`
/// is not satisfied" at the trait's `#[forwardable]`).
#[derive(RealizeForward)]
#[realize_forward(Source)]
pub struct LazySource<T>(#[realize] Lazy<T>);

#[derive(RealizeForward)]
#[realize_forward(Source)]
pub struct SyncSource<T>(#[realize] lazy_core::sync::Lazy<T>);

#[derive(RealizeForward)]
#[realize_forward(Source)]
pub struct PlainSource<T>(#[realize(plain)] T);

/// The same through the derive's own impl (`except`), not the hidden
/// macro's.
#[derive(RealizeForward)]
#[realize_forward(Source, except(measure))]
pub struct MeasuredSource<T>(#[realize] Lazy<T>);

impl<T: Source> MeasuredSource<T> {
    fn measure(&self, _: impl Fn(&T::Item) -> u32) -> u32 {
        0
    }
}

fn walk(source: &mut impl Source<Item = u8>) -> (Option<u8>, String, u8, u32) {
    let next = source.next_item();
    let shown = source.show();
    let mut seen = 0;
    source.each(|item| seen = item);
    (
        next,
        shown,
        seen,
        source.measure(|item| u32::from(*item) * 10),
    )
}

#[test]
fn methods_bounding_the_associated_type_through_a_generic_wrapper() {
    let expected = (Some(1), String::from("1"), 1, 10);
    assert_eq!(walk(&mut LazySource(Lazy::new(|| Steps(0)))), expected);
    assert_eq!(
        walk(&mut SyncSource(lazy_core::sync::Lazy::new(|| Steps(0)))),
        expected
    );
    assert_eq!(walk(&mut PlainSource(Steps(0))), expected);
    let (next, shown, seen, measured) = walk(&mut MeasuredSource(Lazy::new(|| Steps(0))));
    assert_eq!(
        (next, shown, seen, measured),
        (Some(1), String::from("1"), 1, 0)
    );
}

// Lifetimes written among a trait's arguments: `'static`, one the wrapper
// declares, and one a `for<..>` binds; none is "not declared" (issue 16's
// check of undeclared lifetimes must let them through).
#[derive(RealizeForward)]
#[realize_forward(Borrowing<'static>)]
pub struct LazyStaticFirst(#[realize] Lazy<First>);

#[derive(RealizeForward)]
#[realize_forward(Borrowing<'a>)]
pub struct LazyFirstOf<'a> {
    #[realize]
    cache: Lazy<First>,
    _items: std::marker::PhantomData<&'a [u8]>,
}

#[derive(RealizeForward)]
#[realize_forward(Conv<for<'b> fn(&'b u8) -> &'b u8>)]
pub struct LazyConvFn(#[realize] Lazy<u8>);

#[test]
fn lifetimes_among_the_trait_arguments() {
    static ITEMS: [u8; 2] = [7, 6];
    let lazy = LazyStaticFirst(Lazy::new(|| First));
    assert_eq!(*lazy.first(&ITEMS), 7);
    let items = [5, 4];
    let lazy = LazyFirstOf {
        cache: Lazy::new(|| First),
        _items: std::marker::PhantomData,
    };
    assert_eq!(*lazy.first(&items), 5);
    fn same(x: &u8) -> &u8 {
        x
    }
    let lazy = LazyConvFn(Lazy::new(|| 0));
    let f = lazy.conv(same);
    assert_eq!(*f(&3), 3);
}

/// A generic wrapper forwarding a trait whose impl needs a `Sized` target (a
/// by-value method, `where Self: Sized`) and a subtrait of it: the subtrait's
/// impl must prove the supertrait's, `Sized` target included. Its bound on
/// realizing (`G<T>: RealizeInto`, `RealizeMut`) made the target an opaque
/// `<G<T> as Realize>::Target` there, whose size nothing said (E0277).
mod sized_supertrait_of_a_generic_wrapper {
    use lazy_core::{Lazy, Realize, RealizeForward, forwardable, sync};

    #[forwardable]
    pub trait Tracker {
        fn value(&self) -> u64;
        fn into_value(self) -> u64
        where
            Self: Sized;
    }

    #[forwardable]
    pub trait Typed: Tracker {
        type Out;
        fn is_big(&self) -> bool;
        fn out(&self) -> Self::Out;
    }

    #[forwardable]
    pub trait Counter {
        fn count(&self) -> u64;
        fn bump(&mut self);
        fn peek(&self) -> u64
        where
            Self: Sized;
    }

    #[forwardable]
    pub trait Stepped: Counter {
        fn step(&mut self, by: u64);
    }

    #[derive(Clone, Copy)]
    pub struct Real(u64);

    impl Tracker for Real {
        fn value(&self) -> u64 {
            self.0
        }
        fn into_value(self) -> u64 {
            self.0 * 10
        }
    }

    impl Typed for Real {
        type Out = u64;
        fn is_big(&self) -> bool {
            self.0 > 100
        }
        fn out(&self) -> u64 {
            self.0 + 1
        }
    }

    impl Counter for Real {
        fn count(&self) -> u64 {
            self.0
        }
        fn bump(&mut self) {
            self.0 += 1;
        }
        fn peek(&self) -> u64 {
            self.0 + 1000
        }
    }

    impl Stepped for Real {
        fn step(&mut self, by: u64) {
            self.0 += by;
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Tracker, Typed)]
    struct Tracked<T>(#[realize] Lazy<T>)
    where
        T: Typed;

    // The subtrait first: its impl has no bound on realizing.
    #[derive(RealizeForward)]
    #[realize_forward(Typed, Tracker)]
    struct TypedFirst<T: Typed>(#[realize] Lazy<T>);

    #[derive(RealizeForward)]
    #[realize_forward(Counter, Stepped)]
    struct Stepping<T> {
        #[realize]
        lazy: Box<Lazy<T>>,
    }

    #[derive(RealizeForward)]
    #[realize_forward(Tracker, Typed, Counter, Stepped)]
    struct Shared<T>(#[realize] sync::Lazy<T>);

    #[derive(RealizeForward)]
    #[realize_forward(Stepped, Counter)]
    struct Plain<T> {
        #[realize(plain)]
        real: T,
    }

    // A field of a parameter's type: its target is `L::Target`, whose size
    // the wrapper's `where` clause states (see the derive's known limits).
    #[derive(RealizeForward)]
    #[realize_forward(Tracker, Typed)]
    struct Field<L>
    where
        L: Realize,
        L::Target: Typed + Sized,
    {
        #[realize]
        lazy: L,
    }

    // Through `#[realize(deref)]`: the field's bound said nothing of what
    // the lazy realizes to, so no impl for a generic wrapper knew its
    // `Deref` (E0277, even without a supertrait).
    #[derive(RealizeForward)]
    #[realize_forward(Stepped, Counter)]
    struct Pointed<T> {
        #[realize(deref)]
        lazy: Box<Lazy<Box<T>>>,
    }

    // An enum's impls bound each variant's field (`Lazy<T>: Realize`):
    // the same opaque target, the same fix.
    #[derive(RealizeForward)]
    #[realize_forward(Tracker, Typed)]
    enum LaterOrNow<T: 'static> {
        Later(#[realize] Lazy<T>),
        Now(T),
    }

    // Two targets, which must agree on `Typed::Out`.
    #[derive(RealizeForward)]
    #[realize_forward(Typed, Tracker)]
    enum Either<T: 'static, U> {
        Later(#[realize] Lazy<T>),
        Now(U),
    }

    #[derive(RealizeForward)]
    #[realize_forward(Stepped, Counter)]
    enum BoxedOrNow<T: 'static> {
        Later(#[realize] Box<Lazy<T>>),
        Now(T),
    }

    // A field whose type names none of the wrapper's parameters: its bound
    // is the concrete wrapper's (`Lazy<Real>: Realize`), which names no
    // parameter and so hides nothing from the impls (see
    // `concrete_field_in_a_generic_wrapper`).
    #[derive(RealizeForward)]
    #[realize_forward(Tracker, Typed, Counter, Stepped)]
    struct Tagged<T> {
        #[realize]
        lazy: Box<Lazy<Real>>,
        tag: T,
    }

    #[derive(RealizeForward)]
    #[realize_forward(Typed)]
    #[realize_forward(Tracker, except(into_value))]
    struct Borrowed<'a> {
        #[realize]
        lazy: &'a Lazy<Real>,
    }

    impl Borrowed<'_> {
        fn into_value(self) -> u64 {
            0
        }
    }

    fn value_of<T: Typed>(tracked: &Tracked<T>) -> u64 {
        tracked.value()
    }

    fn stepped<S: Stepped>(mut stepping: S) -> (u64, u64) {
        stepping.bump();
        stepping.step(2);
        (stepping.count(), stepping.peek())
    }

    fn direct_steps(mut real: Real) -> (u64, u64) {
        real.bump();
        real.step(2);
        (real.count(), real.peek())
    }

    /// Each wrapper's answers against the real value's, built by `make`.
    fn same_as_direct(make: fn() -> Real) {
        let real = make();
        let tracked = Tracked(Lazy::new(make));
        assert_eq!(value_of(&tracked), real.value());
        assert_eq!(tracked.is_big(), real.is_big());
        assert_eq!(tracked.into_value(), real.into_value());
        let first = TypedFirst(Lazy::new(make));
        assert_eq!(
            (first.value(), first.is_big()),
            (real.value(), real.is_big())
        );
        assert_eq!(first.into_value(), real.into_value());
        let field = Field {
            lazy: Lazy::new(make),
        };
        assert_eq!(
            (field.value(), field.is_big()),
            (real.value(), real.is_big())
        );
        assert_eq!(field.into_value(), real.into_value());
        for either in [LaterOrNow::Later(Lazy::new(make)), LaterOrNow::Now(make())] {
            assert_eq!(
                (either.value(), either.is_big()),
                (real.value(), real.is_big())
            );
            assert_eq!(either.into_value(), real.into_value());
        }
        for either in [Either::Later(Lazy::new(make)), Either::Now(make())] {
            assert_eq!((either.value(), either.out()), (real.value(), real.out()));
            assert_eq!(either.into_value(), real.into_value());
        }
    }

    #[test]
    fn by_value_supertrait() {
        same_as_direct(|| Real(3));
        same_as_direct(|| Real(300));
        assert_eq!(Tracked(Lazy::new(|| Real(300))).into_value(), 3000);
    }

    #[test]
    fn mutable_supertrait() {
        let expected = direct_steps(Real(5));
        assert_eq!(expected, (8, 1008));
        let stepping = Stepping {
            lazy: Box::new(Lazy::new(|| Real(5))),
        };
        assert_eq!(stepped(stepping), expected);
        assert_eq!(stepped(Plain { real: Real(5) }), expected);
        let pointed = Pointed {
            lazy: Box::new(Lazy::new(|| Box::new(Real(5)))),
        };
        assert_eq!(stepped(pointed), expected);
        assert_eq!(stepped(Shared(sync::Lazy::new(|| Real(5)))), expected);
        let later = BoxedOrNow::Later(Box::new(Lazy::new(|| Real(5))));
        assert_eq!(stepped(later), expected);
        assert_eq!(stepped(BoxedOrNow::Now(Real(5))), expected);
    }

    #[test]
    fn sync_lazy() {
        let real = Real(300);
        let shared = Shared(sync::Lazy::new(|| Real(300)));
        assert_eq!(
            (shared.value(), shared.is_big()),
            (real.value(), real.is_big())
        );
        assert_eq!(shared.into_value(), real.into_value());
    }

    #[test]
    fn concrete_field_in_a_generic_wrapper() {
        let real = Real(300);
        let tagged = Tagged {
            lazy: Box::new(Lazy::new(|| Real(300))),
            tag: "t",
        };
        assert_eq!(tagged.tag, "t");
        assert_eq!(
            (tagged.value(), tagged.is_big(), tagged.out()),
            (real.value(), real.is_big(), real.out())
        );
        assert_eq!(tagged.into_value(), real.into_value());
        let stepping = Tagged {
            lazy: Box::new(Lazy::new(|| Real(5))),
            tag: (),
        };
        assert_eq!(stepped(stepping), direct_steps(Real(5)));
        let lazy: Lazy<Real> = Lazy::new(|| Real(300));
        let borrowed = Borrowed { lazy: &lazy };
        assert_eq!(
            (borrowed.value(), borrowed.is_big(), borrowed.out()),
            (real.value(), real.is_big(), real.out())
        );
        assert_eq!(Tracker::into_value(borrowed), 0);
    }
}

/// Wrappers named like a type parameter of a forwarded method (`W` here,
/// `H` for the `Hash` mirror's `fn hash<H: Hasher>`): inside a forwarder the
/// method's parameter shadows the wrapper's name, so the forwarders name the
/// wrapper's target through `Self`.
mod wrappers_named_like_a_method_parameter {
    use lazy_core::{Lazy, RealizeForward, forwardable};
    use std::hash::{BuildHasher, Hash};

    #[forwardable]
    pub trait Put {
        fn put<W: Copy>(&self, w: W) -> (u8, W);
    }

    impl Put for u8 {
        fn put<W: Copy>(&self, w: W) -> (u8, W) {
            (*self, w)
        }
    }

    /// By the trait's hidden macro (the fast rule).
    #[derive(RealizeForward)]
    #[realize_forward(Put)]
    pub struct W(#[realize] pub Lazy<u8>);

    /// By the derive's own impl (`except` and a generic wrapper).
    pub mod generic {
        use super::Put;
        use lazy_core::{Lazy, RealizeForward};

        #[derive(RealizeForward)]
        #[realize_forward(Put, lazy_core::remote::Hash)]
        pub struct W<T> {
            #[realize]
            pub cache: Lazy<u8>,
            pub tag: T,
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(
        lazy_core::remote::Hash,
        lazy_core::remote::PartialEq,
        lazy_core::remote::Eq
    )]
    pub struct H(#[realize] pub Lazy<u8>);

    /// An enum: its arms name the variants `Self::V`.
    pub mod enumerated {
        use super::Put;
        use lazy_core::{Lazy, RealizeForward};

        #[derive(RealizeForward)]
        #[realize_forward(Put, lazy_core::remote::Hash)]
        pub enum W {
            Later(#[realize] Lazy<u8>),
            Ready(u8),
        }
    }

    #[test]
    fn the_wrappers_forward_methods_whose_parameters_bear_their_names() {
        assert_eq!(W(Lazy::new(|| 7)).put('x'), (7, 'x'));
        let generic = generic::W {
            cache: Lazy::new(|| 8),
            tag: 'g',
        };
        assert_eq!(generic.put("y"), (8, "y"));
        let state = std::collections::hash_map::RandomState::new();
        assert_eq!(state.hash_one(H(Lazy::new(|| 9))), state.hash_one(9u8));
        assert_eq!(state.hash_one(&generic), state.hash_one(8u8));
        assert_eq!(generic.tag, 'g');
        let later = enumerated::W::Later(Lazy::new(|| 3));
        assert_eq!(later.put(1u16), (3, 1));
        assert_eq!(enumerated::W::Ready(4).put(()), (4, ()));
        assert_eq!(state.hash_one(&later), state.hash_one(3u8));
        fn hashable<T: Hash>(_: &T) {}
        hashable(&H(Lazy::new(|| 1)));
    }
}

/// Field types that name a type a forwarded item's own parameter shadows:
/// `H` for the `Hash` mirror's `fn hash<H: Hasher>`, and for an associated
/// type's and a method's parameter below. Inside those items the parameter
/// is meant, so the impls name the target through `Self`, never through the
/// field's type (a change that named it through the field in associated
/// types and mirror calls failed to compile these).
mod field_types_named_like_an_item_parameter {
    use lazy_core::{Lazy, RealizeForward, forwardable};
    use std::hash::BuildHasher;

    #[derive(Clone, Copy, Debug, Hash, PartialEq, Eq)]
    pub struct H(pub u8);

    #[forwardable]
    pub trait Pair {
        /// A generic associated type whose parameter is named `H`.
        type Out<H>;
        const WIDTH: usize;
        fn pair<H>(&self, h: H) -> Self::Out<H>;
    }

    impl Pair for H {
        type Out<T> = (u8, T);
        const WIDTH: usize = 2;
        fn pair<T>(&self, h: T) -> (u8, T) {
            (self.0, h)
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Pair, lazy_core::remote::Hash, lazy_core::remote::PartialEq)]
    pub struct W(#[realize] pub Lazy<H, fn() -> H>);

    fn seven() -> H {
        H(7)
    }

    #[test]
    fn the_items_forward_to_the_field_whose_type_they_shadow() {
        let w = W(Lazy::new(seven));
        assert_eq!(w.pair('h'), (7, 'h'));
        assert_eq!(<W as Pair>::WIDTH, 2);
        let state = std::collections::hash_map::RandomState::new();
        assert_eq!(state.hash_one(&w), state.hash_one(H(7)));
        assert!(w == W(Lazy::new(seven)));
        assert!(w != W(Lazy::new(|| H(8))));
    }
}

/// Trait arguments that hold a `_` or an `impl` that stand for no type: a
/// `fn` pointer's parameter name and an array length's block are valid
/// arguments, not placeholders.
mod underscores_that_are_no_placeholders {
    use lazy_core::{Lazy, RealizeForward};

    use super::{Store, VecStore};

    type Callback = fn(_: u8) -> u8;

    fn double(x: u8) -> u8 {
        x * 2
    }

    #[derive(RealizeForward)]
    #[realize_forward(Store<[u8; { let _ = 1; 3 }], fn(_: u8) -> u8>)]
    pub struct Callbacks(#[realize] Lazy<VecStore<[u8; 3], Callback>>);

    #[test]
    fn a_parameter_name_and_a_block_are_no_placeholders() {
        let mut callbacks = Callbacks(Lazy::new(|| VecStore { items: Vec::new() }));
        callbacks.put([1, 2, 3], double);
        let found = callbacks.fetch(&[1, 2, 3]).expect("put");
        assert_eq!(found(4), 8);
        assert!(callbacks.fetch(&[3, 2, 1]).is_none());
    }
}

/// A trait named without arguments keeps its parameters generic in the
/// impl; one named like a type the wrapper names (the wrapper itself, a
/// field's type) is renamed there, else the impl's parameter shadowed that
/// type (`impl<E> Parser<E> for E`: conflicting impls, "`E` cannot be
/// realized").
mod trait_parameter_named_like_the_wrappers_types {
    use lazy_core::{Lazy, RealizeForward, forwardable};

    #[forwardable]
    pub trait Parser<E> {
        fn parse(&self, input: E) -> u32;
    }

    pub struct Real(u32);

    impl<X: Into<u32>> Parser<X> for Real {
        fn parse(&self, input: X) -> u32 {
            self.0 + input.into()
        }
    }

    /// The wrapper is named like the parameter.
    #[derive(RealizeForward)]
    #[realize_forward(Parser)]
    pub struct E(#[realize] Lazy<Real>);

    pub mod as_an_enum {
        use super::{Lazy, Real, RealizeForward};

        #[derive(RealizeForward)]
        #[realize_forward(super::Parser)]
        pub enum E {
            Ready(Real),
            Later(#[realize] Lazy<Real>),
        }
    }

    /// A field's type is named like the parameter.
    pub mod as_a_field {
        use super::{Lazy, Parser, RealizeForward};

        pub struct E(pub u32);

        impl<X: Into<u32>> Parser<X> for E {
            fn parse(&self, input: X) -> u32 {
                self.0 * input.into()
            }
        }

        #[derive(RealizeForward)]
        #[realize_forward(Parser)]
        pub struct Wrapper(#[realize] pub Lazy<E>);

        #[derive(RealizeForward)]
        #[realize_forward(Parser)]
        pub enum Either {
            Ready(E),
            Later(#[realize] Lazy<E>),
        }
    }

    /// A generic wrapper whose `#[realize]` field names the type: its impl
    /// is bounded on the field (`&mut self`), where the shadowed name made
    /// the bound unprovable.
    pub mod in_a_generic_wrappers_field {
        use std::marker::PhantomData;

        use lazy_core::{FromRealized, Lazy, RealizeForward, forwardable};

        #[forwardable]
        pub trait Parser<E> {
            fn parse(&mut self, input: E) -> u32;
            fn again(&self) -> Self;
        }

        pub struct E(pub u32);

        impl<X: Into<u32>> Parser<X> for E {
            fn parse(&mut self, input: X) -> u32 {
                self.0 * input.into()
            }
            fn again(&self) -> Self {
                E(self.0 + 1)
            }
        }

        #[derive(RealizeForward)]
        #[realize_forward(Parser)]
        pub struct Plain<T>(#[realize(plain)] pub E, pub PhantomData<T>);

        #[derive(RealizeForward)]
        #[realize_forward(Parser)]
        pub struct Later<T>(#[realize] pub Lazy<E>, pub PhantomData<T>);

        impl<T> FromRealized<E> for Plain<T> {
            fn from_realized(e: E) -> Self {
                Plain(e, PhantomData)
            }
        }

        impl<T> FromRealized<E> for Later<T> {
            fn from_realized(e: E) -> Self {
                Later(Lazy::from_value(e), PhantomData)
            }
        }
    }

    /// A trait's lifetime named like a `for<'de>` binder of the wrapper's
    /// `where` clause (E0496, the binder shadowing the impl's lifetime).
    pub mod lifetime_named_like_a_binder {
        use std::marker::PhantomData;

        use lazy_core::{Lazy, RealizeForward, forwardable};

        #[forwardable]
        pub trait Parse<'de> {
            fn parse(&self, input: &'de str) -> usize;
        }

        pub struct Real;

        impl<'de> Parse<'de> for Real {
            fn parse(&self, input: &'de str) -> usize {
                input.len()
            }
        }

        #[derive(RealizeForward)]
        #[realize_forward(Parse)]
        pub struct Checked<F: 'static>
        where
            F: for<'de> Fn(&'de str) -> bool,
        {
            #[realize]
            pub inner: Lazy<Real>,
            pub check: PhantomData<F>,
        }
    }

    /// A mirror's parameter (`Index<Idx>`) named like the wrapper.
    #[derive(RealizeForward)]
    #[realize_forward(lazy_core::remote::Index)]
    pub struct Idx(#[realize] Lazy<Vec<u32>>);

    #[test]
    fn each_forwards_for_every_argument_the_target_takes() {
        assert_eq!(E(Lazy::new(|| Real(1))).parse(2_u8), 3);
        assert_eq!(E(Lazy::new(|| Real(1))).parse(2_u32), 3);
        assert_eq!(as_an_enum::E::Ready(Real(4)).parse(1_u16), 5);
        assert_eq!(as_an_enum::E::Later(Lazy::new(|| Real(5))).parse(1_u8), 6);
        let wrapper = as_a_field::Wrapper(Lazy::new(|| as_a_field::E(3)));
        assert_eq!(wrapper.parse(4_u8), 12);
        assert_eq!(as_a_field::Either::Ready(as_a_field::E(2)).parse(5_u8), 10);
        let later = as_a_field::Either::Later(Lazy::new(|| as_a_field::E(2)));
        assert_eq!(later.parse(6_u16), 12);
        assert_eq!(Idx(Lazy::new(|| vec![7, 8, 9]))[2], 9);
        {
            use in_a_generic_wrappers_field::{E, Later, Parser, Plain};
            use std::marker::PhantomData;
            assert_eq!(Plain::<u8>(E(2), PhantomData).parse(3_u8), 6);
            let again = <Plain<u8> as Parser<u8>>::again(&Plain(E(2), PhantomData));
            assert_eq!(again.0.0, 3);
            let mut later = Later::<u8>(Lazy::new(|| E(2)), PhantomData);
            assert_eq!(later.parse(4_u16), 8);
        }
        {
            use lifetime_named_like_a_binder::{Checked, Parse as _, Real};
            let checked = Checked::<fn(&str) -> bool> {
                inner: Lazy::new(|| Real),
                check: std::marker::PhantomData,
            };
            assert_eq!(checked.parse("four"), 4);
        }
    }
}

// A generic wrapper whose `Realize` is written by hand with a bound the
// struct does not carry, or for one argument only: the derive's impl holds
// where the wrapper realizes, for a trait of `&self` methods alone (whose
// impl asks no `RealizeMut` of it) as for any other.
#[forwardable]
pub trait Caption {
    fn caption(&self) -> String;
    fn shout(&self) -> String {
        self.caption().to_uppercase()
    }
}

impl Caption for String {
    fn caption(&self) -> String {
        self.clone()
    }
}

#[derive(RealizeForward)]
#[realize_forward(Caption)]
pub struct Bounded<T> {
    cache: Lazy<T, Counted<T>>,
}

impl<T: Clone> Realize for Bounded<T> {
    type Target = T;
    fn realize(&self) -> &T {
        self.cache.realize()
    }
}

#[derive(RealizeForward)]
#[realize_forward(Caption, except(shout))]
pub struct OneArgument<T> {
    cache: Lazy<T, Counted<T>>,
}

impl Realize for OneArgument<String> {
    type Target = String;
    fn realize(&self) -> &String {
        self.cache.realize()
    }
}

impl<T> OneArgument<T> {
    fn shout(&self) -> String {
        String::from("quiet")
    }
}

fn captions(value: &impl Caption) -> (String, String) {
    (value.caption(), value.shout())
}

#[test]
fn a_generic_wrapper_with_a_bounded_hand_written_realize_forwards_where_it_holds() {
    let (cache, builds) = counted(|| String::from("tensor"));
    let bounded = Bounded { cache };
    assert_eq!(builds.get(), 0);
    assert_eq!(captions(&bounded), ("tensor".into(), "TENSOR".into()));
    assert_eq!(builds.get(), 1);

    let (cache, builds) = counted(|| String::from("dict"));
    let one = OneArgument { cache };
    assert_eq!(captions(&one), ("dict".into(), "quiet".into()));
    assert_eq!(builds.get(), 1);
}

/// Trait arguments that name something a method's (or an associated type's)
/// own parameter of the same name would capture: the wrapper's parameter
/// `U` (`G<U>` on `W<U>`), a type of the module named `U`, the wrapper's
/// lifetime `'a`. The item's parameter is renamed before the argument goes
/// in; it was renamed after, with the argument, or not at all, and the
/// forwarders' signatures did not match the trait's (E0053).
mod arguments_named_like_an_item_parameter {
    use lazy_core::{Lazy, RealizeForward, forwardable};

    #[forwardable]
    pub trait Give<T> {
        fn give<U: Default>(&self, t: T) -> (T, U);
        fn pair<U>(&self, t: T, u: U) -> (T, U);
    }

    #[derive(Debug, PartialEq)]
    pub struct Real;

    impl<T> Give<T> for Real {
        fn give<U: Default>(&self, t: T) -> (T, U) {
            (t, U::default())
        }
        fn pair<U>(&self, t: T, u: U) -> (T, U) {
            (t, u)
        }
    }

    #[derive(Debug, PartialEq)]
    pub struct U;

    #[derive(RealizeForward)]
    #[realize_forward(Give<U>)]
    pub struct Plain(#[realize] pub Lazy<Real>);

    #[derive(RealizeForward)]
    #[realize_forward(Give<U>, Give<Option<U>>)]
    pub struct Generic<U>(#[realize] pub Lazy<Real>, pub U);

    #[derive(RealizeForward)]
    #[realize_forward(Give<U>)]
    pub enum Either<U> {
        Ready(Real),
        Later(#[realize] Lazy<Real>),
        Other(Generic<U>),
    }

    #[forwardable]
    pub trait Read<'de> {
        type Item<'a>
        where
            Self: 'a;
        fn read<'a>(&'a self, source: &'de str) -> (Self::Item<'a>, &'de str);
    }

    impl<'de> Read<'de> for Real {
        type Item<'a> = &'a Real;
        fn read<'a>(&'a self, source: &'de str) -> (&'a Real, &'de str) {
            (self, source)
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Read<'a>)]
    pub struct Borrowing<'a>(#[realize] pub Lazy<Real>, pub &'a str);

    #[test]
    fn the_items_own_parameters_capture_no_argument() {
        let plain = Plain(Lazy::new(|| Real));
        assert_eq!(plain.give(U), (U, 0u8));
        assert_eq!(plain.pair(U, 'p'), (U, 'p'));
        let generic = Generic(Lazy::new(|| Real), 1u16);
        assert_eq!(Give::<u16>::pair(&generic, 2, 'g'), (2, 'g'));
        assert_eq!(Give::<Option<u16>>::give(&generic, None), (None, ""));
        let either = Either::<u16>::Later(Lazy::new(|| Real));
        let given: (u16, char) = either.give(3);
        assert_eq!(given, (3, '\0'));
        assert_eq!(Either::<u16>::Ready(Real).pair(4, ()), (4, ()));
        let other = Either::Other(Generic(Lazy::new(|| Real), 5u16));
        assert_eq!(other.pair(6, ()), (6, ()));
        let text = String::from("text");
        let borrowing = Borrowing(Lazy::new(|| Real), "own");
        assert_eq!(borrowing.read(&text), (&Real, "text"));
        assert_eq!(borrowing.1, "own");
    }
}

/// Raw names of parameters: a method's `r#U` renamed apart from an
/// argument `r#U`, or from the wrapper's own `r#U`, is `__U` (the derive
/// panicked writing `__r#U`, no identifier).
mod raw_parameter_names {
    use lazy_core::{Lazy, RealizeForward, forwardable};

    #[forwardable]
    pub trait Give<T> {
        fn pair<r#U>(&self, t: T, u: r#U) -> (T, r#U);
    }

    #[forwardable]
    pub trait Echo {
        fn echo<r#U>(&self, u: r#U) -> r#U;
    }

    pub struct Real;

    impl<T> Give<T> for Real {
        fn pair<V>(&self, t: T, u: V) -> (T, V) {
            (t, u)
        }
    }

    impl Echo for Real {
        fn echo<V>(&self, u: V) -> V {
            u
        }
    }

    #[derive(Debug, PartialEq)]
    pub struct r#U;

    #[derive(RealizeForward)]
    #[realize_forward(Give<r#U>)]
    pub struct Given(#[realize] pub Lazy<Real>);

    #[derive(RealizeForward)]
    #[realize_forward(Echo)]
    pub struct Own<r#U>(#[realize] pub Lazy<Real>, pub r#U);

    #[forwardable]
    pub trait Mirror {
        fn mirror<U>(&self, u: U) -> U;
    }

    impl Mirror for Real {
        fn mirror<V>(&self, u: V) -> V {
            u
        }
    }

    /// `U` and `r#U` are one name: the argument written bare, the method's
    /// parameter raw; the wrapper's parameter bare and the method's raw, and
    /// the other way round (E0403 where a method's parameter was not
    /// renamed apart from the impl's).
    #[derive(RealizeForward)]
    #[realize_forward(Give<U>)]
    pub struct Bare(#[realize] pub Lazy<Real>);

    #[derive(RealizeForward)]
    #[realize_forward(Echo)]
    pub struct OwnBare<U>(#[realize] pub Lazy<Real>, pub U);

    #[derive(RealizeForward)]
    #[realize_forward(Mirror)]
    pub struct OwnRaw<r#U>(#[realize] pub Lazy<Real>, pub r#U);

    #[test]
    fn raw_names_are_renamed_apart() {
        assert_eq!(Given(Lazy::new(|| Real)).pair(r#U, 1u8), (r#U, 1));
        assert_eq!(Own(Lazy::new(|| Real), ()).echo('r'), 'r');
        assert_eq!(Bare(Lazy::new(|| Real)).pair(U, 2u8), (U, 2));
        assert_eq!(OwnBare(Lazy::new(|| Real), ()).echo('b'), 'b');
        assert_eq!(OwnRaw(Lazy::new(|| Real), ()).mirror(3u8), 3);
    }
}

/// A name in the bound that qualifies a projection (`U` in `T: Conv<U>`,
/// written `<Range<u16> as Conv<U>>::Out`) is renamed apart from a method's
/// own parameter of that name, as the arguments' names are.
mod a_bound_named_like_an_item_parameter {
    use lazy_core::{Lazy, RealizeForward, forwardable};

    #[derive(Debug, Default, PartialEq)]
    pub struct U;

    pub trait Conv<X> {
        type Out;
    }

    impl Conv<U> for std::ops::Range<u16> {
        type Out = u32;
    }

    #[forwardable]
    pub trait Tr<T: Conv<U>> {
        fn f<U: Default>(&self, t: T) -> (Option<T::Out>, U);
    }

    pub struct Real;

    impl<T: Conv<U>> Tr<T> for Real {
        fn f<V: Default>(&self, _t: T) -> (Option<T::Out>, V) {
            (None, V::default())
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Tr<std::ops::Range<u16>>)]
    pub struct W(#[realize] pub Lazy<Real>);

    #[test]
    fn the_bound_keeps_its_own_names() {
        let (out, own): (Option<u32>, char) = W(Lazy::new(|| Real)).f(0..1);
        assert_eq!((out, own), (None, '\0'));
    }
}

/// A trait parameter projected by its shorthand (`I::Item`, `S::Target`),
/// the trait named with an argument that is no parameter: `Range<u16>::Item`
/// is ambiguous (E0223, whose help rewrote `realize_forward(..)` as
/// `<.. as Example>::Take<..>`); the impl writes it `<Range<u16> as
/// Iterator>::Item`, by the parameter's one
/// bound with associated items, inline or in the `where` clause, less its
/// bindings (`Deref<Target = u8>`).
mod shorthand_projections_of_a_given_argument {
    use lazy_core::{Lazy, RealizeForward, forwardable};
    use std::ops::Deref;

    #[forwardable]
    pub trait Take<I: Clone + Iterator, S>
    where
        S: Deref<Target = u8> + Send,
    {
        fn first(&self, items: I) -> Option<I::Item>;
        fn inner(&self, s: S) -> Vec<S::Target>;
        /// The shorthand written `<I>::Item`, in another type's arguments.
        fn last(&self, items: I) -> Option<<I>::Item>;
        /// After `&'x`, `&mut` and `*const`.
        fn same<'x>(&self, item: &'x <I>::Item) -> &'x <I>::Item;
        fn bump(&self, item: &mut <I>::Item);
        fn null(&self, item: *const <I>::Item) -> bool;
    }

    pub struct Real;

    impl<I: Clone + Iterator, S: Deref<Target = u8> + Send> Take<I, S> for Real {
        fn first(&self, mut items: I) -> Option<I::Item> {
            items.next()
        }
        fn inner(&self, s: S) -> Vec<S::Target> {
            vec![*s]
        }
        fn last(&self, items: I) -> Option<<I>::Item> {
            items.last()
        }
        fn same<'x>(&self, item: &'x <I>::Item) -> &'x <I>::Item {
            item
        }
        fn bump(&self, item: &mut <I>::Item) {
            let _ = item;
        }
        fn null(&self, item: *const <I>::Item) -> bool {
            item.is_null()
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Take<std::ops::Range<u16>, Box<u8>>)]
    pub struct Given(#[realize] pub Lazy<Real>);

    /// A parameter of the wrapper projects by its own bounds, as written.
    #[derive(RealizeForward)]
    #[realize_forward(Take<I, Box<u8>>)]
    pub struct Generic<I: Clone + Iterator>(#[realize] pub Lazy<Real>, pub I);

    #[derive(RealizeForward)]
    #[realize_forward(Take<std::ops::Range<u16>, Box<u8>>)]
    pub enum Either {
        Ready(Real),
        Later(#[realize] Lazy<Real>),
    }

    /// A parameter with two bounds that may have the item: the trait
    /// writes the projection qualified, and the derive keeps it.
    pub trait Named {}
    impl Named for std::ops::Range<u16> {}

    #[forwardable]
    pub trait Both<I: Iterator + Named> {
        fn head(&self, items: I) -> Option<<I as Iterator>::Item>;
    }

    impl<I: Iterator + Named> Both<I> for Real {
        fn head(&self, mut items: I) -> Option<<I as Iterator>::Item> {
            items.next()
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Both<std::ops::Range<u16>>)]
    pub struct Qualified(#[realize] pub Lazy<Real>);

    /// A bound in the methods' own `where` clauses, where the trait leaves
    /// the parameter unbound: the one bound they name qualifies it.
    #[forwardable]
    pub trait Later<I> {
        fn head(&self, items: I) -> Option<I::Item>
        where
            I: Iterator;
        fn tail(&self, items: I) -> Option<<I>::Item>
        where
            I: Iterator + Send;
    }

    impl<I> Later<I> for Real {
        fn head(&self, mut items: I) -> Option<I::Item>
        where
            I: Iterator,
        {
            items.next()
        }
        fn tail(&self, items: I) -> Option<<I>::Item>
        where
            I: Iterator + Send,
        {
            items.last()
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Later<std::ops::Range<u16>>)]
    pub struct Bounded(#[realize] pub Lazy<Real>);

    #[test]
    fn a_bound_in_a_methods_where_clause_qualifies_its_projections() {
        let bounded = Bounded(Lazy::new(|| Real));
        assert_eq!(bounded.head(4..7), Some(4));
        assert_eq!(bounded.tail(4..7), Some(6));
    }

    #[test]
    fn a_projection_written_qualified_is_kept() {
        assert_eq!(Qualified(Lazy::new(|| Real)).head(8..9), Some(8));
    }

    #[test]
    fn the_projections_are_qualified_by_the_parameters_bound() {
        let given = Given(Lazy::new(|| Real));
        assert_eq!(given.first(3..5), Some(3));
        assert_eq!(given.inner(Box::new(4)), [4]);
        assert_eq!(given.last(3..5), Some(4));
        assert_eq!(*given.same(&9), 9);
        let mut item = 1;
        given.bump(&mut item);
        assert!(given.null(std::ptr::null()));
        assert!(!given.null(&item));
        let generic = Generic(Lazy::new(|| Real), 0..1u8);
        assert_eq!(generic.first(generic.1.clone()), Some(0));
        let later = Either::Later(Lazy::new(|| Real));
        assert_eq!(later.first(6..7), Some(6));
        assert_eq!(later.last(6..9), Some(8));
        assert_eq!(Either::Ready(Real).inner(Box::new(5)), [5]);
    }
}

/// A `for<'a>` binder in a signature (`dyn for<'a> Fn(&'a u8)`, a bound
/// `F: for<'a> Fn(..)`, `for<'a> fn(..)`) beside a wrapper or a trait
/// argument that names its own `'a`: the binder's lifetime is the item's
/// own and is renamed apart, as an item's parameters are (it was E0496,
/// "lifetime name `'a` shadows a lifetime name that is already in scope",
/// and a "lifetime may not live long enough" at each forwarder).
mod binder_lifetimes_named_like_the_impls {
    use lazy_core::{Lazy, RealizeForward, forwardable};
    use std::marker::PhantomData;

    #[forwardable]
    pub trait Visit<'t> {
        fn visit(&self, f: &dyn for<'a> Fn(&'a u8) -> &'t u8) -> u8;
        fn each<F>(&self, f: F) -> u8
        where
            F: for<'a> Fn(&'a u8) -> u8;
        fn pointer(&self, f: for<'a> fn(&'a u8) -> u8) -> u8;
    }

    pub struct Real(u8);

    impl<'t> Visit<'t> for Real {
        fn visit(&self, f: &dyn for<'a> Fn(&'a u8) -> &'t u8) -> u8 {
            *f(&self.0) + self.0
        }
        fn each<F>(&self, f: F) -> u8
        where
            F: for<'a> Fn(&'a u8) -> u8,
        {
            f(&self.0) * 2
        }
        fn pointer(&self, f: for<'a> fn(&'a u8) -> u8) -> u8 {
            f(&self.0) * 3
        }
    }

    /// The trait named bare: the wrapper's `'a` beside the binders' (a
    /// generic wrapper, which the trait's hidden macro sends to the chain
    /// for the clash).
    #[derive(RealizeForward)]
    #[realize_forward(Visit)]
    pub struct Bare<'a> {
        #[realize]
        pub inner: Lazy<Real>,
        pub seen: PhantomData<&'a ()>,
    }

    /// The trait's `'t` given as the wrapper's `'a`.
    #[derive(RealizeForward)]
    #[realize_forward(Visit<'a>)]
    pub struct Given<'a> {
        #[realize]
        pub inner: Lazy<Real>,
        pub seen: PhantomData<&'a ()>,
    }

    /// A lifetime of another name: the trait's hidden macro writes the impl.
    #[derive(RealizeForward)]
    #[realize_forward(Visit)]
    pub struct Apart<'w> {
        #[realize]
        pub inner: Lazy<Real>,
        pub seen: PhantomData<&'w ()>,
    }

    /// A trait without parameters, which `#[forwardable]` reads without syn
    /// (its own scan), beside a wrapper's `'a`.
    #[forwardable]
    pub trait Call {
        fn call(&self, f: &dyn for<'a> Fn(&'a u8) -> u8) -> u8;
        fn each<F>(&self, f: F) -> u8
        where
            F: for<'a> Fn(&'a u8) -> u8;
    }

    impl Call for Real {
        fn call(&self, f: &dyn for<'a> Fn(&'a u8) -> u8) -> u8 {
            f(&self.0) + 100
        }
        fn each<F>(&self, f: F) -> u8
        where
            F: for<'a> Fn(&'a u8) -> u8,
        {
            f(&self.0) + 200
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Call)]
    pub struct Scanned<'a>(#[realize] pub Lazy<Real>, pub PhantomData<&'a ()>);

    fn one(x: &u8) -> u8 {
        *x + 1
    }

    #[test]
    fn the_wrappers_forward_methods_whose_binders_bear_their_lifetimes_name() {
        static TEN: u8 = 10;
        let bare = Bare {
            inner: Lazy::new(|| Real(4)),
            seen: PhantomData,
        };
        assert_eq!(Visit::<'static>::visit(&bare, &|_| &TEN), 14);
        assert_eq!(Visit::<'static>::each(&bare, |x| *x + 1), 10);
        assert_eq!(Visit::<'static>::pointer(&bare, one), 15);
        let given = Given {
            inner: Lazy::new(|| Real(5)),
            seen: PhantomData,
        };
        assert_eq!(given.visit(&|_| &TEN), 15);
        assert_eq!(given.each(|x| *x), 10);
        assert_eq!(given.pointer(one), 18);
        let apart = Apart {
            inner: Lazy::new(|| Real(6)),
            seen: PhantomData,
        };
        assert_eq!(Visit::<'static>::each(&apart, |x| *x), 12);
        assert_eq!(Visit::<'static>::pointer(&apart, one), 21);
        let scanned = Scanned(Lazy::new(|| Real(7)), PhantomData);
        assert_eq!(scanned.call(&|x| *x), 107);
        assert_eq!(scanned.each(one), 208);
    }
    /// Binders outside a method: in an associated const's type, in the
    /// trait's `where` clause and in a bound of the trait's parameter.
    #[forwardable]
    pub trait Konst {
        const PICK: for<'a> fn(&'a u8) -> u8;
        fn konst(&self) -> u8;
    }

    impl Konst for Real {
        const PICK: for<'a> fn(&'a u8) -> u8 = one;
        fn konst(&self) -> u8 {
            Self::PICK(&self.0)
        }
    }

    #[forwardable]
    pub trait Apply<F>
    where
        F: for<'a> Fn(&'a u8) -> u8,
    {
        fn apply(&self, f: F) -> u8;
    }

    impl<F> Apply<F> for Real
    where
        F: for<'a> Fn(&'a u8) -> u8,
    {
        fn apply(&self, f: F) -> u8 {
            f(&self.0) + 50
        }
    }

    #[forwardable]
    pub trait Bounded<F: for<'a> Fn(&'a u8) -> u8> {
        fn bounded(&self, f: F) -> u8;
    }

    impl<F: for<'a> Fn(&'a u8) -> u8> Bounded<F> for Real {
        fn bounded(&self, f: F) -> u8 {
            f(&self.0) + 60
        }
    }

    /// A binder in a parameter's default, which the impl writes where the
    /// parameter is left to it.
    #[forwardable]
    pub trait Defaulted<X, F = for<'a> fn(&'a u8) -> u8> {
        fn defaulted(&self, x: X, f: F) -> u8;
    }

    impl<X: Into<u8>, F: Fn(&u8) -> u8> Defaulted<X, F> for Real {
        fn defaulted(&self, x: X, f: F) -> u8 {
            f(&self.0) + x.into()
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Defaulted<u8>)]
    pub struct DefaultBinder<'a>(#[realize] pub Lazy<Real>, pub PhantomData<&'a ()>);

    /// The traits' parameters kept generic beside the wrapper's `'a`.
    #[derive(RealizeForward)]
    #[realize_forward(Konst, Apply, Bounded)]
    pub struct Outside<'a>(#[realize] pub Lazy<Real>, pub PhantomData<&'a ()>);

    /// The traits' parameters given as a function pointer.
    #[derive(RealizeForward)]
    #[realize_forward(Apply<fn(&u8) -> u8>, Bounded<fn(&u8) -> u8>)]
    pub struct OutsideGiven<'a>(#[realize] pub Lazy<Real>, pub PhantomData<&'a ()>);

    #[test]
    fn the_binders_of_consts_and_of_the_traits_bounds_are_renamed_too() {
        let outside = Outside(Lazy::new(|| Real(8)), PhantomData);
        assert_eq!(outside.konst(), 9);
        assert_eq!(<Outside<'static> as Konst>::PICK(&1), 2);
        assert_eq!(outside.apply(|x| *x), 58);
        assert_eq!(outside.bounded(one), 69);
        let defaulted = DefaultBinder(Lazy::new(|| Real(3)), PhantomData);
        assert_eq!(defaulted.defaulted(10, one), 14);
        let given = OutsideGiven(Lazy::new(|| Real(9)), PhantomData);
        assert_eq!(given.apply(one), 60);
        assert_eq!(given.bounded(one), 70);
    }
}

/// A method's own parameter named like a name the forwarders write: the
/// type of the field forwarded to (building the wrapper back from it), a
/// variant's type, the trait's own name (its call `Failure::pick(..)`).
mod method_params_named_like_what_forwarders_write {
    use lazy_core::{FromRealized, Lazy, RealizeForward, forwardable};

    #[forwardable]
    pub trait Scale {
        fn scaled<R: Into<u32>>(&self, k: R) -> Self;
        fn value(&self) -> u32;
    }

    pub struct R(u32);

    impl Scale for R {
        fn scaled<K: Into<u32>>(&self, k: K) -> Self {
            R(self.0 * k.into())
        }
        fn value(&self) -> u32 {
            self.0
        }
    }

    #[derive(RealizeForward, FromRealized)]
    #[realize_forward(Scale)]
    pub struct Wrapper {
        #[realize]
        cache: Lazy<R>,
    }

    #[derive(RealizeForward)]
    #[realize_forward(Scale)]
    pub enum Either {
        Ready(R),
        Later(#[realize] Lazy<R>),
    }

    #[forwardable]
    pub trait Failure {
        fn pick<Failure: Default>(&self) -> Failure;
        fn cause(&self) -> u8;
    }

    impl Failure for R {
        fn pick<F: Default>(&self) -> F {
            F::default()
        }
        fn cause(&self) -> u8 {
            self.0 as u8
        }
    }

    /// Read by `#[forwardable]`'s syn path (a `where` clause), not its scan.
    #[forwardable]
    pub trait Fallible<T>
    where
        T: Copy,
    {
        fn fail<Fallible: From<T>>(&self, t: T) -> Fallible;
    }

    impl<T: Copy> Fallible<T> for R {
        fn fail<F: From<T>>(&self, t: T) -> F {
            F::from(t)
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Failure, Fallible<u8>)]
    pub struct Bare(#[realize] pub Lazy<R>);

    #[derive(RealizeForward)]
    #[realize_forward(self::Failure)]
    pub struct ByPath(#[realize] pub Lazy<R>);

    #[derive(RealizeForward)]
    #[realize_forward(Failure)]
    pub enum Picked {
        Ready(R),
        Later(#[realize] Lazy<R>),
    }

    /// A blanket impl, written beside the trait.
    #[forwardable(blanket)]
    pub trait Choice {
        fn choose<Choice: Default>(&self) -> Choice;
        fn weight(&self) -> u8;
    }

    impl Choice for R {
        fn choose<C: Default>(&self) -> C {
            C::default()
        }
        fn weight(&self) -> u8 {
            self.0 as u8 + 1
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Choice)]
    pub struct Blanket(#[realize] pub Lazy<R>);

    #[test]
    fn the_wrappers_forward_them() {
        let wrapper = Wrapper {
            cache: Lazy::new(|| R(3)),
        };
        assert_eq!(wrapper.scaled(2u8).value(), 6);
        assert_eq!(Either::Ready(R(4)).scaled(3u8).value(), 12);
        assert_eq!(Either::Later(Lazy::new(|| R(5))).scaled(2u8).value(), 10);
        let bare = Bare(Lazy::new(|| R(7)));
        assert_eq!(bare.pick::<u32>(), 0);
        assert_eq!(bare.cause(), 7);
        assert_eq!(bare.fail::<u64>(9), 9u64);
        assert_eq!(ByPath(Lazy::new(|| R(8))).pick::<String>(), "");
        assert_eq!(Picked::Ready(R(1)).pick::<i8>(), 0);
        assert_eq!(Picked::Later(Lazy::new(|| R(2))).cause(), 2);
        let blanket = Blanket(Lazy::new(|| R(4)));
        assert_eq!(blanket.choose::<u16>(), 0);
        assert_eq!(blanket.weight(), 5);
    }
}

/// A const parameter given by a macro's fragment (`$n:path`, `$n:expr`,
/// `$n:ty`), which reaches the derive in an invisible group.
mod const_argument_from_a_macro_fragment {
    use lazy_core::{Lazy, RealizeForward, forwardable};

    #[forwardable]
    pub trait Width<const N: usize> {
        fn width(&self) -> usize;
    }

    pub struct Real;

    impl<const N: usize> Width<N> for Real {
        fn width(&self) -> usize {
            N
        }
    }

    pub const THREE: usize = 3;

    macro_rules! wrapper {
        ($name:ident, $kind:ident, $n:tt) => {
            wrapper!(@ $name, $kind, $n);
        };
        (@ $name:ident, path, $n:path) => {
            wrapper!(# $name, $n);
        };
        (@ $name:ident, expr, $n:expr) => {
            wrapper!(# $name, $n);
        };
        (@ $name:ident, ty, $n:ty) => {
            wrapper!(# $name, $n);
        };
        (# $name:ident, $n:tt) => {
            #[derive(RealizeForward)]
            #[realize_forward(Width<$n>)]
            pub struct $name {
                #[realize]
                cache: Lazy<Real>,
            }

            impl $name {
                pub fn new() -> Self {
                    $name {
                        cache: Lazy::new(|| Real),
                    }
                }
            }
        };
    }

    wrapper!(ByPath, path, THREE);
    wrapper!(ByExpr, expr, THREE);
    wrapper!(ByType, ty, THREE);

    #[test]
    fn the_fragment_is_the_value() {
        assert_eq!(ByPath::new().width(), 3);
        assert_eq!(ByExpr::new().width(), 3);
        assert_eq!(ByType::new().width(), 3);
    }
}

/// A method's `where` bound that names none of its own parameters (`T:
/// Copy` in `Store<T>`, `Self::Item: Ord`) in an impl for concrete types
/// that do not meet it (`Store<String>`, an `Item` of `f64`): the impl
/// compiles, as the target's generic one does, and the method is there
/// where the bound holds. Written as the trait writes it, rustc rejected the
/// impl ("`String: Copy` is not satisfied", E0277). The crate's lints that
/// the forwarders' bound lifetime could trip are denied here.
#[deny(unused_lifetimes, single_use_lifetimes)]
mod where_bounds_that_concrete_types_do_not_meet {
    use lazy_core::{Lazy, RealizeForward, forwardable};

    #[forwardable]
    pub trait Store<T> {
        fn put(&mut self, item: T);
        fn last_copy(&self) -> Option<T>
        where
            T: Copy;
        fn put_all<I>(&mut self, items: I)
        where
            I: IntoIterator<Item = T>,
            T: Clone;
    }

    pub struct Items<T>(Vec<T>);

    impl<T> Store<T> for Items<T> {
        fn put(&mut self, item: T) {
            self.0.push(item);
        }
        fn last_copy(&self) -> Option<T>
        where
            T: Copy,
        {
            self.0.last().copied()
        }
        fn put_all<I>(&mut self, items: I)
        where
            I: IntoIterator<Item = T>,
            T: Clone,
        {
            self.0.extend(items);
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Store<String>)]
    pub struct LazyStrings(#[realize] Lazy<Items<String>>);

    #[derive(RealizeForward)]
    #[realize_forward(Store<u8>)]
    pub struct LazyBytes(#[realize] Lazy<Items<u8>>);

    #[forwardable]
    pub trait Bag {
        type Item;
        fn push(&mut self, item: Self::Item);
        fn largest(&self) -> Option<Self::Item>
        where
            Self::Item: Ord + Clone;
        fn len(&self) -> usize;
    }

    pub struct Floats(Vec<f64>);

    impl Bag for Floats {
        type Item = f64;
        fn push(&mut self, item: f64) {
            self.0.push(item);
        }
        fn largest(&self) -> Option<f64> {
            None
        }
        fn len(&self) -> usize {
            self.0.len()
        }
    }

    pub struct Words(Vec<&'static str>);

    impl Bag for Words {
        type Item = &'static str;
        fn push(&mut self, item: &'static str) {
            self.0.push(item);
        }
        fn largest(&self) -> Option<&'static str> {
            self.0.iter().max().copied()
        }
        fn len(&self) -> usize {
            self.0.len()
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Bag)]
    pub struct LazyFloats(#[realize] Lazy<Floats>);

    #[derive(RealizeForward)]
    #[realize_forward(Bag)]
    pub struct LazyWords(#[realize] Lazy<Words>);

    #[derive(RealizeForward)]
    #[realize_forward(Bag)]
    pub enum AnyFloats {
        Ready(Floats),
        Later(#[realize] Lazy<Floats>),
    }

    /// A bound under a `for<..>` of its own is left as written (a second
    /// binder around it would be E0316): forwarded where it holds.
    #[forwardable]
    pub trait Parse<T> {
        fn parse(&self, text: &str) -> T
        where
            T: for<'a> From<&'a str>;
    }

    pub struct Parser;

    impl<T> Parse<T> for Parser {
        fn parse(&self, text: &str) -> T
        where
            T: for<'a> From<&'a str>,
        {
            T::from(text)
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Parse<String>)]
    pub struct LazyStringParser(#[realize] Lazy<Parser>);

    #[derive(RealizeForward)]
    #[realize_forward(Parse)]
    pub struct LazyParser(#[realize] Lazy<Parser>);

    #[forwardable(blanket)]
    pub trait Names {
        type Name;
        fn is_named(&self, name: &str) -> bool
        where
            Self::Name: for<'a> PartialEq<&'a str>;
    }

    impl Names for Parser {
        type Name = String;
        fn is_named(&self, name: &str) -> bool {
            name == "parser"
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Names)]
    pub struct LazyNames(#[realize] Lazy<Parser>);

    #[test]
    fn bounds_under_their_own_binder_are_forwarded() {
        let strings = LazyStringParser(Lazy::new(|| Parser));
        assert_eq!(strings.parse("a"), "a");
        let any = LazyParser(Lazy::new(|| Parser));
        assert_eq!(Parse::<String>::parse(&any, "b"), "b");
        assert!(LazyNames(Lazy::new(|| Parser)).is_named("parser"));
    }

    #[test]
    fn forwarded_where_the_bounds_hold() {
        let mut strings = LazyStrings(Lazy::new(|| Items(Vec::new())));
        strings.put(String::from("a"));
        strings.put_all([String::from("b")]);
        let mut bytes = LazyBytes(Lazy::new(|| Items(vec![1])));
        bytes.put_all([2, 3]);
        assert_eq!(bytes.last_copy(), Some(3));

        let mut floats = LazyFloats(Lazy::new(|| Floats(Vec::new())));
        floats.push(1.5);
        assert_eq!(floats.len(), 1);
        let mut words = LazyWords(Lazy::new(|| Words(vec!["b"])));
        words.push("c");
        assert_eq!(words.largest(), Some("c"));
        let mut any = AnyFloats::Ready(Floats(Vec::new()));
        any.push(2.5);
        let later = AnyFloats::Later(Lazy::new(|| Floats(vec![1.0, 2.0])));
        assert_eq!((any.len(), later.len()), (1, 2));
    }
}

// A generic wrapper whose lazy is named so that the derive cannot see it is
// one (lazy-core's `sync::Lazy` imported under another name, a `Realize`
// type of the user's own), forwarding a trait with `&mut self` methods and a
// supertrait that the wrapper has only where `T` has it (`Send + Sync`,
// `Debug`): the impl cannot prove the supertrait from the target's bound,
// as it does not know the target is `T` (`limits`). The two fixes it names
// compile: the lazy written by its path, or the struct bounded.
mod lazy_under_another_name {
    use std::fmt::Debug;

    use lazy_core::sync::Lazy as SyncLazy;
    use lazy_core::{Lazy, Realize, RealizeForward, RealizeMut, forwardable};

    #[forwardable]
    pub trait Store: Send + Sync {
        fn put(&mut self, value: u8);
        fn get(&self) -> u8;
    }

    #[forwardable]
    pub trait Tally: Debug {
        fn bump(&mut self);
        fn total(&self) -> u8;
    }

    #[derive(Debug)]
    pub struct Cell(u8);

    impl Store for Cell {
        fn put(&mut self, value: u8) {
            self.0 = value;
        }
        fn get(&self) -> u8 {
            self.0
        }
    }

    impl Tally for Cell {
        fn bump(&mut self) {
            self.0 += 1;
        }
        fn total(&self) -> u8 {
            self.0
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Store)]
    pub struct ByPath<T>(#[realize] lazy_core::sync::Lazy<T>);

    #[derive(RealizeForward)]
    #[realize_forward(Store)]
    pub struct Bounded<T: Send + Sync>(#[realize] SyncLazy<T>);

    #[derive(Debug, RealizeForward)]
    #[realize_forward(Tally)]
    pub struct BoundedDeref<T: Debug>(#[realize(deref)] SyncLazy<Box<T>>);

    /// A `Realize` type of the user's own.
    #[derive(Debug)]
    pub struct Logged<T>(Lazy<T>);

    impl<T> Realize for Logged<T> {
        type Target = T;
        fn realize(&self) -> &T {
            self.0.realize()
        }
    }

    impl<T> RealizeMut for Logged<T> {
        fn realize_mut(&mut self) -> &mut T {
            self.0.realize_mut()
        }
    }

    #[derive(Debug, RealizeForward)]
    #[realize_forward(Tally)]
    pub struct Own<T: Debug>(#[realize] Logged<T>);

    /// What binding the target to the field type's would break (tried and
    /// withdrawn): a field whose `Realize` holds under bounds of its own,
    /// and `deref` over a parameter.
    pub struct Checked<T>(Lazy<T>);

    impl<T: Clone> Realize for Checked<T> {
        type Target = T;
        fn realize(&self) -> &T {
            self.0.realize()
        }
    }

    impl<T: Clone> RealizeMut for Checked<T> {
        fn realize_mut(&mut self) -> &mut T {
            self.0.realize_mut()
        }
    }

    #[forwardable]
    pub trait Slot {
        fn set(&mut self, value: u8);
        fn read(&self) -> u8;
    }

    #[derive(Clone)]
    pub struct Plain(u8);

    impl Slot for Plain {
        fn set(&mut self, value: u8) {
            self.0 = value;
        }
        fn read(&self) -> u8 {
            self.0
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Slot)]
    pub struct OwnBounded<T>(#[realize] Checked<T>);

    #[derive(RealizeForward)]
    #[realize_forward(Slot)]
    pub struct DerefParam<L>(#[realize(deref)] L);

    #[test]
    fn fields_realized_under_their_own_bounds_and_deref_over_a_parameter() {
        let mut own = OwnBounded(Checked(Lazy::new(|| Plain(1))));
        own.set(6);
        assert_eq!(own.read(), 6);

        let mut deref = DerefParam(Lazy::new(|| Box::new(Plain(1))));
        deref.set(2);
        assert_eq!(deref.read(), 2);
    }

    fn shared<T: Send + Sync>(value: T) -> T {
        value
    }

    #[test]
    fn forwards_with_the_lazy_by_path_or_the_struct_bounded() {
        let mut by_path = shared(ByPath(SyncLazy::new(|| Cell(1))));
        by_path.put(7);
        assert_eq!(by_path.get(), 7);

        let mut bounded = shared(Bounded(SyncLazy::new(|| Cell(1))));
        bounded.put(8);
        assert_eq!(bounded.get(), 8);

        let mut deref = BoundedDeref(SyncLazy::new(|| Box::new(Cell(2))));
        deref.bump();
        assert_eq!(deref.total(), 3);

        let mut own = Own(Logged(Lazy::new(|| Cell(4))));
        own.bump();
        assert_eq!(own.total(), 5);
        assert!(format!("{own:?}").contains("Cell(5)"));
    }
}
