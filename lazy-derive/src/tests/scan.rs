//! The syn-free reading of a trait (`scan`) against the syn path: for every
//! trait, `#[forwardable]` must write the very same tokens (compared as
//! text) whichever path runs, and the plain shapes must be read by `scan`,
//! so that the comparison is not vacuous.

use std::ops::Range;

use proc_macro2::{TokenStream, TokenTree};
use proptest::prelude::*;
use proptest::sample::{select, subsequence};

use super::proptests::{runner, trait_spec, unmark};
use crate::{scan, trait_def};

/// Whether `scan` reads `source`; panics when what `#[forwardable]` writes
/// differs from the syn path's output.
fn same_as_syn(args: &str, source: &str) -> bool {
    let input: TokenStream = source.parse().expect("test source lexes");
    let args: TokenStream = args.parse().expect("test args lex");
    same_tokens_as_syn(args, input, source)
}

/// [`same_as_syn`] for tokens (`source` names them in a failure).
pub(super) fn same_tokens_as_syn(args: TokenStream, input: TokenStream, source: &str) -> bool {
    let read = match args.to_string().as_str() {
        "" => scan::scan(&input, &TokenStream::new(), &TokenStream::new(), false).is_some(),
        // A blanket trait is read without syn when it has a template.
        "blanket" => scan::scan(&input, &TokenStream::new(), &TokenStream::new(), true)
            .is_some_and(|s| s.fast),
        _ => false,
    };
    let fast = trait_def::forwardable(args.clone(), input.clone());
    let syn = trait_def::forwardable_syn(args, input);
    assert_eq!(
        fast.to_string(),
        syn.to_string(),
        "scan and syn differ on:\n{source}"
    );
    // Errors about the written code point where they did: the same source
    // positions, token by token (the crate's tests see real positions).
    let (mut fast_spans, mut syn_spans) = (Vec::new(), Vec::new());
    spans(fast, &mut fast_spans);
    spans(syn, &mut syn_spans);
    assert!(
        fast_spans == syn_spans,
        "scan and syn point elsewhere on:\n{source}"
    );
    read
}

/// Every token's text and the source bytes its span covers.
fn spans(tokens: TokenStream, out: &mut Vec<(String, Range<usize>)>) {
    for tree in tokens {
        match tree {
            TokenTree::Group(group) => {
                out.push((
                    format!("{:?}", group.delimiter()),
                    group.span().byte_range(),
                ));
                spans(group.stream(), out);
            }
            other => out.push((other.to_string(), other.span().byte_range())),
        }
    }
}

/// The benchmark's trait (`benches/compile_time/gen.rs`), all eight shapes
/// and its associated type.
const BENCH: &str = "
pub trait Big {
    type Out;
    fn m0(&self) -> u64;
    fn m1(&mut self, x: u64) -> u64;
    fn m2<T: Into<u64>>(&self, x: T) -> u64;
    fn m3(&self, a: u64, b: u64) -> u64 { a.wrapping_add(b) }
    fn m4<'a>(&self, s: &'a str) -> &'a str;
    fn m5(&self) -> Self::Out;
    fn m6(&self, v: &[u64]) -> Option<u64>;
    fn m7<I>(&self, it: I) -> u64 where I: IntoIterator<Item = u64>;
}";

/// Traits `scan` must read (and write as the syn path does).
pub(super) const READ: &[&str] = &[
    BENCH,
    "trait Empty {}",
    "pub(crate) trait Vis { fn a(&self); }",
    "pub(super) trait Vis { fn a(&self) -> (); }",
    "/// Docs.\n#[doc = \"more\"]\npub trait Docs {\n    /// A method.\n    fn a(&self) -> u8;\n    #[doc(hidden)]\n    type T;\n}",
    "trait Sup: Clone + 'static + ::core::fmt::Debug { fn a(&self); }",
    "trait Sup: Iterator<Item = u8> { fn a(&self); }",
    "trait Bounded { type Out: Clone + Default; fn get(&self) -> Self::Out; }",
    "trait Bounded { type Out: Iterator<Item = u8> + ?Sized; }",
    "trait ByValue { fn take(self) -> u8; fn take_mut(mut self, mut x: u8); }",
    "trait Lifetimes { fn a<'a>(&'a self) -> &'a str; fn b<'a, 'b: 'a>(&'a mut self, x: &'b [u8]) -> &'a u8; }",
    "trait NoReceiver { fn make() -> u8 { 3 } fn with_args(x: u8, y: &str) -> Option<u8> { None } }",
    "trait Alloc { fn a(&self, x: Vec<String>) -> Box<Option<Vec<u8>>>; fn b(&mut self) -> Option<Option<u8>>; }",
    "trait ByValueAlloc { fn a(self, x: &str) -> Option<u8>; fn b(self, x: u8) -> Option<u8>; }",
    "trait Absolute { fn a(&self, x: ::std::collections::HashMap<u8, u8>) -> ::core::option::Option<u8>; }",
    "trait Tuples { fn a(&self, x: (u8, &str), y: [u8; 4], z: &[(u8,)]) -> (); fn b(&self) -> !; }",
    "trait Generic { fn a<T: Clone + Into<u64>, U>(&self, t: T, u: Vec<U>) -> Option<T> where U: Copy, T: Default,; }",
    "trait Projection { type Item; fn a<T: Iterator>(&self, t: T) -> T::Item; fn b(&self) -> Option<Self::Item>; }",
    "trait Nested { fn a(&self) -> Option<Vec<Option<u8>>>; fn b(&self, x: &&str) -> &'static str; }",
    "trait Trailing { fn a(&self, x: u8,) -> u8; fn b<T,>(&self, t: T,); }",
    "trait Defaults { fn a(&self) -> u8 { 1 } fn b(&mut self, x: u8) { let _ = x; } }",
    "trait Spacing { fn a(&self, x: (Vec<Vec<u8>>, u8)) -> [Option<Vec<u8>>; 2]; fn b(&self, x: &[Option<Vec<u8>>]); fn c(&self, x: Vec<Vec<u8>>); }",
    "trait Consts { const N: usize; const M: Option<u8> = 3; const S: &'static str; fn a(&self); type T; }",
    // Types `def_site` carries as the hidden supertrait's.
    "trait A { fn a(&self, x: String) -> MyType; }",
    "trait A { fn a(&self, x: std::fmt::Formatter); fn b(&self, x: Option<Tag>); }",
    "trait A { fn a(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result; fn b(&self) -> Cow<'_, str>; fn c<'a>(&'a self, x: Foo<'_, Tag>, y: Foo<'a, Tag>) -> Foo<'_, u8>; }",
    "trait A { fn e(self, k: Foo<'_, Tag>) -> Foo<'_, Tag>; fn f(&mut self) -> Map<'_, Tag, Foo<'_>>; fn g(&self, x: Foo<'static, Tag>) -> Cow<'static, str>; fn h(&self, x: Pair<'_, '_>, y: Foo<Bar<'_>, Baz<'_>>) -> Pair<'_, '_>; fn i(&self, x: Holder<'_, (One<'_>, u8)>, y: Holder<'static, (One<'static>, Tag)>); }",
    "trait Dedup { fn a(&self, x: Tag) -> Tag; fn b(&mut self, y: &Tag, z: Vec<Tag>) -> Result<Tag, Error>; const C: Tag; }",
    "trait Elided { fn a<'a>(&'a self) -> Cow<str>; fn b(&self) -> Cow<str>; fn c(self) -> Cow<str>; fn d(self, s: &str) -> Tag; }",
    "trait Partly { fn a<K>(&self, m: HashMap<K, Tag>) -> Foo<'static, Tag>; fn b(&self, x: Map<Self::Out, Tag>); type Out; }",
    "trait Shapes { fn a(&self, x: (Tag, u8), y: [Tag; 2], z: &[Tag], w: (Tag)) -> (Tag,); fn b(&self) -> ::std::vec::Vec<Tag>; }",
    "trait Nested { fn a(&self, x: Vec<Vec<Tag>>) -> Option<Box<dyn_ish::Thing<u8, Item = Tag>>>; }",
    "pub(crate) trait V: Clone { fn a(&self) -> Tag; }",
    "pub trait P: Clone + Send { /// Docs.\n fn a(&self) -> a::b::C; }",
    "trait Lits { fn a(&self) -> [u8; 3]; fn b(&self, x: &mut [Option<u8>]); }",
    // `dyn` types: kept, the trait paths' arguments looked at.
    "trait Dyn { fn a(&self, x: &dyn VariableTracker) -> bool; fn b(&mut self, w: &mut dyn Write); fn c(&self) -> Box<dyn Error + Send + Sync>; fn d(&self) -> &dyn Any; }",
    "trait DynArgs { fn a(&self, it: &mut dyn Iterator<Item = Tag>) -> Option<Box<dyn Fnord<u8, Tag> + 'static>>; fn b<'a>(&'a self) -> Box<dyn Iterator<Item = Tag> + 'a>; fn c(self) -> Box<dyn Iterator<Item = Tag>>; }",
    "trait DynPath { fn a(&self, x: &dyn ::std::any::Any, y: &'static dyn std::io::Write) -> Box<dyn core::error::Error>; fn b(&self, x: &dyn Any<'_>); }",
    "trait DynParen { fn a(&self, x: &(dyn Any + Send)) -> Box<(dyn Any)>; fn b(&self, x: &'static (dyn A + 'static), y: (Box<dyn A>, u8)); }",
    "trait DynPlus { fn a(&self) -> Box<dyn Any +>; fn b(&self, x: Vec<dyn 'static + Any>); }",
    "trait DynBounds { fn a<T: AsRef<dyn Any>>(&self, t: T) where T: Into<Box<dyn Error + Send>>; type X: Borrow<dyn Any>; const C: &'static dyn Any; }",
    "trait DynGeneric { fn a<T>(&self, t: Box<dyn Into<T>>, u: Box<dyn Iterator<Item = Vec<T>>>) -> Option<Box<dyn Fnord<T, Tag>>>; }",
    // `impl Trait` arguments: kept whole; the forwarder's turbofish names
    // the method's own parameters.
    "trait ImplArgs { fn a(&self, x: impl Into<u8>); fn b<T: Clone>(&mut self, t: T, x: impl Iterator<Item = Tag> + Send) -> Option<T>; fn c(&self, x: &impl Display, y: &mut (impl Write + Send + 'static)); }",
    "trait ImplArgs { fn a(&self, x: Vec<impl Into<Option<Tag>>>, y: Foo<impl A>, z: Box<dyn Fnord<Tag>>, w: Foo<Box<dyn A>, impl B>); fn b<T>(self, x: impl Into<T>) -> T; fn c<T>(&self, t: T) -> Option<T> where T: Into<Tag>; }",
    "trait ImplArgs { fn a<'a, T>(&'a self, x: impl Fnord<'a> + 'a, t: T) -> &'a T; fn b<U: Into<u8>>(&self, u: U, x: (impl A, impl B +)) -> u8; }",
    // Results that hold the wrapper: no forwarder where there is a default,
    // no fast rule where there is none.
    "trait A { fn a(&self) -> Self; }",
    "trait A { fn a(&self) -> Option<Self>; fn b(&self) -> u8; }",
    "trait Builder { fn with(self, x: u8) -> Self; fn dup(&self) -> Option<Self>; fn all(&mut self) -> Vec<Self>; fn res(&self) -> ::core::result::Result<Self, Error>; fn get(&self) -> u8; }",
    "trait Defaults { fn me(&self) -> Self { todo!() } fn maybe(&mut self) -> Option<Self> { None } fn pair(self) -> (Self, Tag) { todo!() } fn get(&mut self) -> u8; fn take(self) -> u8; }",
    "trait Nested { fn a(&self) -> Box<Self>; fn b(&self) -> Foo<Self, Tag>; fn c(&self) -> &Self; fn d(self) -> ::core::result::Result<Self, Box<dyn Error>>; fn e(&self) -> Box<dyn PartialEq<Self>>; }",
    "trait Mixed { fn a(&self) -> Self::Out; type Out; fn b(&self) -> Option<Self> { None } fn c(&self) -> ::std::vec::Vec<Self> { Vec::new() } fn make() -> Self { todo!() } }",
    "trait Mixed { fn a(&self) -> Foo<Box<dyn A>, Self> { todo!() } fn b(&self, x: u8) -> Tag; }",
    // `where Self: ..`: `Sized` keeps a default, else asks a sized target;
    // another bound is as a result that holds the wrapper.
    "trait A { fn a(&self) where Self: Sized; fn b(&self) -> Vec<Self> where Self: Sized { Vec::new() } }",
    "trait A { fn a(&self) -> Self where Self: Sized; fn b(&self) -> Self where Self: Clone { todo!() } }",
    "trait SizedOnly { fn a(&self) -> u8 where Self: Sized; fn b(&self) -> u8 where Self: Sized { 0 } fn c(&mut self) where Self: ::core::marker::Sized + 'static; fn d(self) where Self: Sized, Self: 'static; fn e(&self) -> u8 where Self: ?Sized; fn f(&self) -> u8 where Self: Sized +; }",
    "trait Shape { fn area(&self) -> u32; fn scaled(&self, k: u32) -> Self; fn halved(&self) -> Option<Self> where Self: Sized; fn checked(&self, limit: u32) -> ::core::result::Result<Self, String> where Self: Sized; fn boxed(&mut self) -> Box<Self>; }",
    "trait Dyn { fn python_type(&self) -> String; fn describe(&self) -> String where Self: Sized { String::new() } }",
    "trait Mix { fn a(&self) -> u8 where Self: Clone { 0 } fn b(&self) -> u8 where Self: Sized; fn c(&self) -> u8 where Self: Foo<Sized> { 0 } fn d(&self) where Self: 'static; }",
    "trait Bounded { fn a(&self) -> u8 where Self: Clone; fn b(&self) -> u8; }",
    "trait Bounded { fn a(&self) -> u8 where Self: Sized + Clone; fn b(&self) -> u8; }",
    "trait Bounded { fn a(&self) -> u8 where Self: Iterator<Item = u8>, Self: Sized { 0 } fn b(&self) -> u8 where Self: std::marker::Sized; }",
    // `Self` arguments: realized like the receiver, or kept with a default.
    "trait A { fn a(&self, other: &Self); }",
    "trait A { fn a(&self, x: Option<Self>) -> Self; }",
    "trait Merge { fn merge(&mut self, other: &mut Self, x: u8) -> u8; fn same(&self, other: &Self) -> bool; fn take(self, other: Self) -> u8; fn all(&self, a: &'static Self, b: Self, c: u8, d: &mut Self); }",
    "trait Merge { fn same(&self, other: &Self) -> bool { true } fn with(self, x: Vec<Self>) -> u8 { 0 } fn get(&self) -> u8; fn sized(&self, other: &Self) -> u8 where Self: Sized; }",
    "trait Merge { fn with(&self, x: Vec<Self>) -> u8; fn get(&self) -> u8; }",
    "trait MutArg { fn a(&self, other: &mut Self); }",
    "trait IntoArg { fn a(&self, other: Self); }",
    "trait A { fn a(&self, x: Box<dyn Any + Self>); }",
    "trait A { fn a(&self, x: Box<dyn PartialEq<Self>>); }",
    "trait A { fn a(&self, x: impl Into<Self>); }",
    "trait Merge { fn with(&self, x: &dyn PartialEq<Self>) -> u8 { 0 } fn get(&self, x: impl Into<Self>) -> u8 { 0 } fn h(&self, x: Box<Self>); }",
    // `impl Trait` results: their paths' arguments looked at.
    "trait A { fn a(&self) -> impl Iterator<Item = u8>; fn b(&self) -> Option<impl Into<u8>>; fn c(&self) -> Foo<impl Into<u8>>; const C: Box<impl Sized>; }",
    "trait Iter { fn digits(&self) -> impl Iterator<Item = u32>; fn tags(&self) -> impl Iterator<Item = Tag> + '_; fn owned(self) -> impl Into<Option<Tag>>; fn s(self, x: &str) -> impl Iterator<Item = Tag>; fn nested(&self) -> Option<impl Clone>; }",
    "trait Iter { fn a<'a>(&'a self) -> impl Iterator<Item = Cow<str>> + 'a; fn b(&self) -> Box<impl Fnord<Tag> + Send>; fn c<T>(&self, t: T) -> impl Into<T>; fn d(&self, x: impl A) -> impl B; }",
    "trait Iter { fn a(&self) -> impl Iterator<Item = Self>; fn b(&self) -> impl Sized { 0 } fn c(&self) -> (impl A, impl B); const C: Foo<impl Sized, Box<dyn A>>; }",
    // A method with neither a receiver nor a default: no fast rule.
    "trait A { fn a(); }",
    "trait Tracker { fn python_type(&self) -> &'static str; fn create(source: &str) -> Self where Self: Sized; fn make() -> Tag; fn b(&mut self, x: u8) -> u8; }",
    // `self: Box<Self>`.
    "trait A { fn a(self: Box<Self>); }",
    "trait Boxed { fn a(self: Box<Self>) -> u8; fn b(self: ::std::boxed::Box<Self>, x: &str) -> Tag; fn c(self:std::boxed::Box<Self>) -> Option<Tag>; fn d(self: Box<Self>) -> u8 { 0 } fn e(&self) -> u8; }",
    "trait Boxed { fn a(self: Box<Self>) -> Self; }",
    "trait Boxed { fn a(self: Box<Self>, other: &Self, x: Self) -> u8; fn b(self: Box<Self>) -> u8 where Self: Sized; }",
    "trait Boxed { fn a(self: Box<Self>,) -> Tag; }",
    // Item attributes the syn path drops.
    "trait M { #[doc::x] fn a(&self); #[inline] fn b(&self) {} }",
    "trait M { #[must_use] fn a(&self) -> u8; #[must_use = \"use it\"] #[inline(always)] fn b(&self) -> Tag { todo!() } #[rustfmt::skip] type T; #[doc] #[tool::attr[x]] const C: u8; }",
    "trait M { /// Docs.\n#[must_use]\n/// More.\nfn a(&self) -> u8; #[track_caller] fn b(self, x: Tag); }",
    // A type carried whole that holds a `dyn`: keyed by its text.
    "trait DynKey { fn a(&self) -> Result<(), Box<dyn Error>>; fn b(&self, x: Result<(), Box<dyn Error>>); fn c(&self, x: Foo<Box<dyn Error + '_>>); fn d<T>(&self, x: Foo<dyn Bar<T>>); fn e(&self, x: Foo<Box<dyn Error>, 3>) -> Result<(), Box<dyn Error + Send>>; }",
    "trait DynKey { fn a(&self) -> Foo<[Box<dyn A>]>; fn b(&self, x: Foo<(dyn A)>) -> Foo<Box<dyn A<Self::Out>>>; type Out; fn c(self, s: &str) -> Foo<Box<dyn A>>; fn d(self) -> Foo<Box<dyn A>>; }",
    // A `Result` that holds the wrapper, by a path that `def_site` carries
    // with the wrapper for a parameter (`Carrier::self_result`).
    "trait A { fn a(&self) -> Result<Self, Error>; }",
    "trait A { fn a(&self) -> Result<Self>; }",
    "trait A { fn a(&self) -> io::Result<Self>; }",
    "trait A { fn a(&self) -> std::result::Result<Self, (Tag, u8),>; }",
    "trait A { type Ok; fn a(&self) -> Result<Self::Ok>; }",
    // By value beside lifetimes the arguments write: their one lifetime,
    // by its name if it has one, else `'static`.
    "trait A { fn a(self, x: &str) -> Result<Self>; fn b(mut self, x: &'static str) -> Result<Self, Tag>; fn c<'k>(self, x: &'k str) -> Result<Self>; }",
    "trait A { fn b(self, t: Tag, k: &str) -> io::Result<Self>; fn c(self: Box<Self>, a: &str, b: &[u8]) -> Result<Self, u8>; fn d(self, f: &dyn Display) -> Result<Self>; }",
    "trait A { fn a<'a>(&'a self) -> Result<Self, Vec<Tag>> { todo!() } fn b(self) -> Result<Self>; fn c(&mut self, t: Tag) -> Result<Self> where Self: Sized; fn d(&self) -> Tag; fn e(self) -> Result<Self, !>; }",
    "trait A { fn a(&self, t: Tag) -> Option<Tag>; fn b(&self) -> Result<Self, Tag> { todo!() } fn c(&self) -> Result<Self, Tag> { todo!() } }",
    // The trait naming itself: written as the derive's path.
    "trait Failure { fn cause(&self) -> Option<&dyn Failure>; fn all(&self) -> Vec<Box<dyn Failure + Send>>; fn visit(&self, f: &mut dyn Visit<dyn Failure>); }",
    "trait Node { fn same<T: Node>(&self, t: &T) -> bool where T: Node + Clone; fn any(&self, x: impl Node) -> Box<dyn Node>; const ROOT: &'static dyn Node; type Child: Node; }",
    "trait Node { fn a(&self, x: &dyn a::Node, y: Node::Out, z: &dyn ::Node) -> Self::Node; type Node; }",
    // A parameter of the trait's name: the trait is left as written.
    "trait Failure { fn pick<Failure: Clone>(&self, x: Failure) -> Failure; fn cause(&self) -> Option<&dyn Failure>; }",
    "trait Failure { fn pick<'a, Failure>(&'a self, x: &'a Failure) -> Box<dyn Failure>; }",
    "trait Failure { type Child: Failure; fn child(&self) -> Option<Box<dyn Failure>>; }",
    "trait Failure { type Child: Failure; fn n(&self) -> u8; }",
];

/// Traits `scan` leaves to syn: each is a near miss of a shape it reads.
const FALLBACK: &[&str] = &[
    "trait G<T> { fn a(&self) -> T; }",
    "trait W where Self: Sized { fn a(&self); }",
    "unsafe trait U { fn a(&self); }",
    "#[deprecated] trait D { fn a(&self); }",
    "#[cfg(all())] trait C { fn a(&self); }",
    "#[must_use] trait M { fn a(&self); }",
    "#[doc] trait M { fn a(&self); }",
    "#[doc = ] trait M { fn a(&self); }",
    "trait A { #[cfg(all())] fn a(&self); }",
    "trait A { #[deprecated] fn a(&self); }",
    "trait A { fn a(&self, #[cfg(all())] x: u8); }",
    "trait A { async fn a(&self); }",
    "trait A { const fn a(&self); }",
    "trait A { unsafe fn a(&self); }",
    "trait A { extern \"C\" fn a(&self); }",
    "trait A { fn a(&self, (x, y): (u8, u8)); }",
    "trait A { fn a(&self, _: u8); }",
    "trait A { fn a(&self, &x: &u8) {} }",
    "trait A { m!(); }",
    "trait A { fn a<T: PartialEq<Self>>(&self, t: T); }",
    "trait A { fn a(&self, x: crate::Tag); }",
    "trait A { fn a(&self, x: Foo<3>); }",
    "trait A { fn a(&self, x: Foo<[u8; 2]>); }",
    "trait A { fn a(&self, x: [Tag; N]); }",
    "trait A { fn a(&self, x: &dyn Fn(u8) -> u8); }",
    "trait A { fn a(&self, x: fn(u8) -> u8); }",
    "trait A { fn a<F: Fn(u8) -> u8>(&self, f: F); }",
    "trait A { fn a(&self, x: <u8 as Into<u16>>::Output); }",
    "trait A { fn a(&self, x: Vec::<u8>); }",
    "trait A { fn a(&self, x: *const u8); }",
    "trait A { fn a(&self, r#gen: u8); }",
    "trait A { fn r#type(&self); }",
    "trait r#A { fn a(&self); }",
    "trait A { fn a(&self, gen: u8); }",
    "trait A { fn a<const N: usize>(&self) -> [u8; N]; }",
    "trait A { fn a<T = u8>(&self); }",
    "trait A { fn a<T, 'a>(&self, t: &'a T); }",
    "trait A { fn a<>(&self); }",
    "trait A { fn a(&self) where; }",
    "trait A { fn a(self: &Self); }",
    "trait A { fn a(&self, ...); }",
    "trait A { const C: u8 = -1; }",
    "trait A { const C: u8 = 1 + 2; }",
    "trait A { const C<T>: u8; }",
    "trait A { const C: u8 where Self: Sized; }",
    "trait A { type T = u8; }",
    "trait A { type T<'a>; }",
    "trait A { type T where Self: Sized; }",
    "trait A { type T:; }",
    "trait A { fn a(&self) -> [u8; N]; }",
    "trait A { fn a(&self, x: &'gen u8); }",
    "trait A { fn a(&self, x: $crate::T); }",
    "pub(in crate::a) trait A { fn a(&self); }",
    "pub(nonsense) trait A { fn a(&self); }",
    "auto trait A {}",
    "trait A: { fn a(&self); }",
    "trait A: Fn(u8) { fn a(&self); }",
    "trait A { fn a(&self) }",
    "trait A { fn a(&self); ; }",
    "trait A { fn a(&self) -> ; }",
    "trait A { fn a(&self, x: u8 u8); }",
    "trait A { fn a(&self, x: Option<u8); }",
    "struct A;",
    "fn a() {}",
    // Found by `tests::scan_mutations`.
    "trait A { fn a(&self); /// Docs.\n}",
    "trait A { #[doc(hidden)] }",
    "trait A { fn a<'a>(&'a self) -> &'Self str; }",
    "trait A { fn a(&'Self self); }",
    "trait A { fn a(&'gen self); }",
    "trait A { fn a<'a>(&'a self) where 'a: 'fn; }",
    "trait A { fn a(&self) -> Result<Tag, 'a>; }",
    "trait A { fn a<K>(&self, m: HashMap<K, 'a>); }",
    "trait A { fn a(&self, m: Into<u8, 'a>); }",
    // `dyn` types: syn's errors, and shapes left to syn.
    "trait A { fn a(&self, x: &dyn A + Send); }",
    "trait A { fn a(&self, x: &dyn for<'a> Fnord<'a>); }",
    "trait A { fn a(&self, x: Box<dyn ?Sized>); }",
    "trait A { fn a(&self, x: Box<dyn Any + ?Sized>); }",
    "trait A { fn a(&self, x: Box<dyn 'static>); }",
    "trait A { fn a(&self, x: Box<dyn (Any)>); }",
    "trait A { fn a(&self, x: Box<dyn* Any>); }",
    "trait A { fn a(&self, x: Box<dyn>); }",
    "trait A { fn a(&self, x: Box<dyn Fn(u8)>); }",
    "trait A { fn a(&self, x: Box<dyn Any + Fn(u8)>); }",
    "trait A { fn a(&self, x: Box<dyn Any + for<'a> Foo<'a>>); }",
    "trait A { fn a(&self, x: Box<dyn Any + crate::Foo>); }",
    "trait A { fn a(&self, x: Foo<3, Box<dyn Error>>); }",
    "trait A { fn a(&self, x: Foo<[Box<dyn Error>; 2]>); }",
    "trait A { fn a(&self, x: Box<dyn Any Send>); }",
    "trait A { fn a(&self, x: Box<dyn Any + + Send>); }",
    "trait A { fn a(&self, x: Box<Any + Send>); }",
    // `impl Trait` elsewhere than in an argument, and shapes left to syn.
    "trait A { fn a(&self, x: impl Fn(u8)); }",
    "trait A { fn a(&self, x: impl ?Sized + A); }",
    "trait A { fn a(&self, x: impl A + use<>); }",
    "trait A { fn a(&self, x: impl for<'a> A<'a>); }",
    "trait A { fn a(&self, x: impl 'static); }",
    "trait A { fn a(&self, x: &impl A + Send); }",
    "trait A { fn a(&self, x: impl const A); }",
    "trait A { fn a(&self, x: impl [const] A); }",
    "trait A { fn a(&self, x: impl A + [const] B); }",
    // `Self` of its own elsewhere than in a result.
    "trait A { fn a(&self) -> Self<u8>; }",
    "trait A { fn a<T: Into<Self>>(&self) -> Self; }",
    "trait A { const C: Option<Self>; }",
    "trait A { type T: Into<Self>; }",
    "trait A { fn a(&self) -> Self::<u8>; }",
    "trait A { fn a(&self) where Self: PartialEq<Self>; }",
    "trait A { fn a(&self) where (Self): Sized; }",
    "trait A { fn a(&self) where Self: for<'a> Foo<'a>; }",
    "trait A { fn a(&self) where Self:: Sized; }",
    "trait A { fn a(&self) where Self: ; }",
    "trait A { fn a(&self) where Self: Fn(u8); }",
    "trait A { fn a(&self) where Self: Sized Clone; }",
    "trait A { fn a(&self, other: (Self)); }",
    "trait A { fn a(&self, other: &(Self)); }",
    "trait A { fn a(&self, other: (&Self)); }",
    "trait A { fn a(&self, other: &Self<u8>); }",
    "trait A { fn a(&self, other: &mut Self::); }",
    "trait A { fn a(&self) -> impl Sized + use<'_, Self>; }",
    "trait A { fn a(&self) -> impl Sized + use<>; }",
    "trait A { fn a(&self) -> Option<impl Sized + use<>>; }",
    "trait A { fn a(&self) -> impl Fn(u8); }",
    "trait A { fn a(&self) -> impl ?Sized + A; }",
    "trait A { fn a(&self) -> &impl A + Send; }",
    "trait A { #[allow(unused)] fn a(&self) -> Tag; }",
    "trait A { #[expect(unused)] fn a(&self); }",
    "trait A { #[cfg_attr(all(), must_use)] fn a(&self); }",
    "trait A { #[must_use = ] fn a(&self); }",
    "trait A { #[must_use = -1] fn a(&self); }",
    "trait A { #[doc = include_str!(\"x\")] fn a(&self); }",
    "trait A { #[r#must_use] fn a(&self); }",
    "trait A { #[fn] fn a(&self); }",
    "trait A { #[a::] fn a(&self); }",
    "trait A { #![allow(unused)] fn a(&self); }",
    "trait A { #[must_use] }",
    "trait A { fn a(self: Rc<Self>); }",
    "trait A { fn a(mut self: Box<Self>); }",
    "trait A { fn a(self: Box<Self, A>); }",
    "trait A { fn a(self: Box<Self>::X); }",
    "trait A { fn a(self: Box<(Self)>); }",
    "trait A { fn a(self:::std::boxed::Box<Self>); }",
    "trait A { fn a(self: Box<Self> x); }",
    "trait A { fn a(self: crate::Box<Self>); }",
    "trait A { fn a(self: Box::<Self>); }",
    // A `Result` that holds the wrapper, whose other arguments `def_site`
    // passes to the carried type (a parameter, `Self::Err`, a lifetime, a
    // `dyn`), or that it does not carry (by value beside a borrowed
    // argument).
    "trait A<U> { fn a(&self) -> Result<Self, U>; }",
    "trait A { type Err; fn a(&self) -> Result<Self, Self::Err>; }",
    "trait A { fn a(&self) -> Result<Self, &'static str>; }",
    "trait A { fn a(&self) -> Result<Self, Box<dyn Error>>; }",
    "trait A { fn a(self, x: &str) -> Result<Self, &'static str>; }",
    "trait A { fn a(&self) -> Result<Self, E = u8>; }",
    "trait A { fn a(&self) -> Result<Self, 3>; }",
    "trait A { fn a(&self) -> Result<Self,>::Ok; }",
    "trait A { fn a(&self) -> io<u8>::Result<Self>; }",
    "trait A { fn a(&self) -> Result<Tag, Self>; }",
    // A head named like a method's parameter is not carried by `def_site`.
    "trait A { fn a<T>(&self, t: T) -> x::T::Result<Self>; }",
];

/// A carried type keyed by its text is keyed by its tokens' text alone:
/// `def_site` keys the type as syn prints it, whatever its spacing in the
/// source, where a group passed on as written prints that spacing.
#[test]
fn text_keys_do_not_depend_on_spacing() {
    let key = |source: &str| {
        let trees: Vec<TokenTree> = source.parse::<TokenStream>().unwrap().into_iter().collect();
        let mut key = String::new();
        scan::spaced_text(&trees, true, &mut key);
        key
    };
    assert_eq!(
        key("Foo<(Tag,u8), &&T>"),
        key("Foo < ( Tag , u8 ) , & & T >")
    );
    assert_ne!(key("Foo<(Tag, u8)>"), key("Foo<(Tag, u16)>"));
    assert_ne!(key("Foo<(Tag)>"), key("Foo<[Tag]>"));
}

#[test]
fn scan_writes_what_syn_writes_for_each_shape() {
    for source in READ {
        assert!(same_as_syn("", source), "scan does not read:\n{source}");
    }
    for source in FALLBACK {
        assert!(
            !same_as_syn("", source),
            "scan reads a near miss:\n{source}"
        );
    }
}

/// `#[forwardable(blanket)]`: the blanket impl and rule are written alike
/// by both paths, for every shape (those without a template are errors of
/// the syn path's, at `blanket` or the method, beside the trait written as
/// without `blanket`).
#[test]
fn scan_writes_what_syn_writes_with_blanket() {
    let mut read = 0;
    for source in READ.iter().chain(FALLBACK) {
        if same_as_syn("blanket", source) {
            read += 1;
        }
    }
    assert!(
        read * 2 > READ.len(),
        "scan read only {read} blanket traits of {}",
        READ.len()
    );
}

/// Random plain traits under `blanket`, as under no argument below.
#[test]
fn scan_writes_what_syn_writes_for_plain_blanket_traits() {
    let mut runner = runner(1_000);
    let read = std::cell::Cell::new(0u32);
    let result = runner.run(&plain_trait(), |source| {
        if same_as_syn("blanket", &source) {
            read.set(read.get() + 1);
        }
        Ok(())
    });
    if let Err(err) = result {
        panic!("{err}");
    }
    assert!(read.get() > 0, "scan read none of the plain blanket traits");
}

/// The benchmark's trait at its real size: every method read by `scan`.
#[test]
fn scan_reads_the_benchmark_trait() {
    let mut source = String::from("pub trait Big {\n    type Out;\n");
    let body = BENCH.split_once("type Out;").map_or("", |(_, rest)| rest);
    for i in 0..100 {
        let renamed = body.replace("fn m", &format!("fn n{i}_m"));
        source.push_str(renamed.trim_end().trim_end_matches('}'));
    }
    source.push('}');
    assert!(same_as_syn("", &source));
}

/// Every trait the property tests generate: `scan` reads some of them, and
/// what it reads is written as the syn path writes it.
#[test]
fn scan_writes_what_syn_writes_for_generated_traits() {
    let mut runner = runner(3_000);
    let read = std::cell::Cell::new(0u32);
    let result = runner.run(&trait_spec(), |spec| {
        let (args, _) = unmark(spec.args);
        let (source, _) = unmark(&spec.to_string());
        if same_as_syn(&args, &source) {
            read.set(read.get() + 1);
        }
        Ok(())
    });
    if let Err(err) = result {
        panic!("{err}");
    }
    assert!(read.get() > 0, "scan read none of the generated traits");
}

/// One method of the plain grammar `scan` reads, with near misses mixed in.
fn plain_method() -> impl Strategy<Value = String> {
    const TYPES: &[&str] = &[
        "u8",
        "&str",
        "&'a str",
        "T",
        "Option<T>",
        "Vec<String>",
        "&[u64]",
        "(u8, &str)",
        "[u8; 4]",
        "Box<Option<u8>>",
        "::std::string::String",
        "U::Item",
        "Option<Vec<U>>",
        "&mut Vec<u8>",
        "()",
        "Self::Out",
        "Option<Self::Out>",
        "&dyn Any",
        "&mut dyn Write",
        "Box<dyn Error + Send + 'a>",
        "Box<dyn Iterator<Item = T>>",
        "Result<(), Box<dyn Error>>",
        "&(dyn Fnord<Tag> + Sync)",
        "&mut Self",
        "Vec<Self>",
        "impl Into<Option<Tag>>",
        "&mut impl Iterator<Item = T>",
        // Near misses.
        "HashMap<u8, u8>",
        "Self",
        "&Self",
        "impl Sized",
        "crate::T",
        "Vec<Tag>",
        "&dyn Fn(u8)",
        "&dyn Any + Send",
    ];
    (
        select(
            &[
                "&self",
                "&mut self",
                "self",
                "mut self",
                "&'a self",
                "&'a mut self",
                "",
            ][..],
        ),
        subsequence(
            &["'a", "'b: 'a", "T", "U: Into<u64> + Clone", "V: ?Sized"][..],
            0..=3,
        ),
        prop::collection::vec((select(&["x{i}", "mut y{i}"][..]), select(TYPES)), 0..=3),
        select(
            &[
                "",
                "-> u8",
                "-> Self::Out",
                "-> Option<u64>",
                "-> &'a str",
                "-> T",
                "-> Vec<Option<T>>",
                "-> !",
                "-> (u8, Option<u8>)",
                "-> String",
                "-> Self",
                "-> Tag",
                "-> Box<dyn Error + Send>",
                "-> &dyn Iterator<Item = Tag>",
                "-> Result<u8, Box<dyn Error>>",
                "-> Option<Self>",
                "-> Result<Self, Tag>",
                "-> (Self, u8)",
                "-> impl Iterator<Item = Tag> + '_",
                "-> impl Sized + use<>",
            ][..],
        ),
        subsequence(
            &[
                "T: Clone",
                "U: Default",
                "'a: 'b",
                "T: IntoIterator<Item = Option<u8>>",
                "Self::Out: Copy",
                "Self: Sized",
                "Self: Clone + 'static",
            ][..],
            0..=2,
        ),
        prop::option::of(select(&["{}", "{ 0 }"][..])),
    )
        .prop_map(
            |(receiver, generics, params, output, predicates, default)| {
                let mut inputs: Vec<String> = Vec::new();
                if !receiver.is_empty() {
                    inputs.push(receiver.to_owned());
                }
                for (i, (pattern, ty)) in params.iter().enumerate() {
                    inputs.push(format!("{}: {ty}", pattern.replace("{i}", &i.to_string())));
                }
                let generics = if generics.is_empty() {
                    String::new()
                } else {
                    format!("<{}>", generics.join(", "))
                };
                let where_clause = if predicates.is_empty() {
                    String::new()
                } else {
                    format!(" where {}", predicates.join(", "))
                };
                format!(
                    "fn m{generics}({}) {output}{where_clause}{}",
                    inputs.join(", "),
                    default.unwrap_or(";")
                )
            },
        )
}

/// A plain trait: what `scan` reads, and near misses of it.
fn plain_trait() -> impl Strategy<Value = String> {
    (
        select(&["", "pub ", "pub(crate) ", "/// Docs.\npub ", "#[must_use] "][..]),
        select(&["", ": Clone", ": Iterator<Item = u8> + 'static"][..]),
        prop::collection::vec(
            prop_oneof![
                6 => plain_method(),
                1 => select(&["type Out;", "type Out: Clone;", "/// Docs.\ntype Out: Iterator<Item = u8> + ?Sized;"][..])
                    .prop_map(String::from),
                1 => select(&["const N: usize;", "const M: Option<u8> = 3;", "const C: Tag;", "const D: u8 = -1;"][..])
                    .prop_map(String::from),
            ],
            0..=6,
        ),
    )
        .prop_map(|(head, supertraits, items)| {
            let mut source = format!("{head}trait Plain{supertraits} {{\n");
            for (i, item) in items.iter().enumerate() {
                source.push_str(&item.replacen("fn m", &format!("fn m{i}"), 1));
                source.push('\n');
            }
            source.push('}');
            source
        })
}

/// Random plain traits: most are read by `scan`, and every one is written
/// as the syn path writes it.
#[test]
fn scan_writes_what_syn_writes_for_plain_traits() {
    let mut runner = runner(3_000);
    let cases = runner.config().cases;
    let read = std::cell::Cell::new(0u32);
    let result = runner.run(&plain_trait(), |source| {
        if same_as_syn("", &source) {
            read.set(read.get() + 1);
        }
        Ok(())
    });
    if let Err(err) = result {
        panic!("{err}");
    }
    assert!(
        read.get() >= cases / 10,
        "scan read only {} of {cases} plain traits",
        read.get()
    );
}

/// `scan::refused` matches exactly its words, looked up by first letter:
/// each word, and none of the names beside them (their prefixes and
/// extensions, other keywords, the primitives, the names of std's types).
#[test]
fn refused_words_are_exactly_the_list() {
    const WORDS: &[&str] = &[
        "Self", "as", "async", "const", "crate", "dyn", "extern", "fn", "for", "gen", "impl",
        "mut", "self", "static", "super", "trait", "type", "unsafe", "use", "where", "_",
    ];
    for word in WORDS {
        assert!(scan::refused(word), "`{word}` ends the scan");
    }
    let mut others: Vec<String> = Vec::new();
    for word in WORDS {
        for end in 0..word.len() {
            others.push(word[..end].to_string());
        }
        others.push(format!("{word}s"));
        others.push(format!("_{word}"));
        others.push(word.to_uppercase());
    }
    for other in [
        "u8", "u64", "usize", "i32", "f64", "bool", "char", "str", "Option", "String", "Vec",
        "Box", "Into", "T", "a", "where_", "loop", "in", "move", "ref", "return", "while",
        "r#type", "__T",
    ] {
        others.push(other.to_string());
    }
    for other in others
        .iter()
        .filter(|other| !WORDS.contains(&other.as_str()))
    {
        assert!(!scan::refused(other), "`{other}` does not end the scan");
    }
}

/// Types that differ in their lifetimes only read alike; a character
/// (`Tag<'x'>`) is no lifetime.
#[test]
fn spaced_text_without_lifetimes_keeps_characters() {
    let text = |source: &str| {
        let mut out = String::new();
        let trees: Vec<TokenTree> = source.parse::<TokenStream>().unwrap().into_iter().collect();
        scan::spaced_text(&trees, false, &mut out);
        out
    };
    assert_eq!(text("Parser<'a>"), text("Parser<'static>"));
    assert_eq!(
        text("Pair<'a, Vec<&'b str>>"),
        text("Pair<'_x, Vec<&'c str>>")
    );
    assert_ne!(text("Tag<'x'>"), text("Tag<'y'>"));
    assert_ne!(text("Parser<'a>"), text("Other<'a>"));
    assert_ne!(text("(A, B)"), text("[A, B]"));
}
