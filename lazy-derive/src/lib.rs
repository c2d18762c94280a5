//! Derive macros of [`lazy-core`](https://docs.rs/lazy-core): compile-time
//! realize-and-forward delegation. Depend on `lazy-core` (feature `derive`,
//! on by default) instead of this crate: the generated code names
//! `::lazy_core::…`.
//!
//! ```
//! use lazy_core::{Lazy, RealizeForward, forwardable};
//!
//! #[forwardable]
//! pub trait Tracker {
//!     fn python_type(&self) -> &'static str;
//!     fn call(&mut self, args: &[i64]) -> i64;
//! }
//!
//! pub struct IntTracker;
//! impl Tracker for IntTracker {
//!     fn python_type(&self) -> &'static str { "int" }
//!     fn call(&mut self, args: &[i64]) -> i64 { args.iter().sum() }
//! }
//!
//! #[derive(RealizeForward)]
//! #[realize_forward(Tracker)]
//! pub struct LazyTracker {
//!     #[realize]
//!     cache: Lazy<IntTracker>,
//! }
//!
//! let mut tracker = LazyTracker { cache: Lazy::new(|| IntTracker) };
//! assert!(!Lazy::is_realized(&tracker.cache));
//! assert_eq!(tracker.call(&[1, 2]), 3);
//! assert!(Lazy::is_realized(&tracker.cache));
//! ```
//!
//! - `#[forwardable]` on a trait records its items in a hidden
//!   `macro_rules!` that is imported together with the trait.
//! - `#[derive(RealizeForward)]` with `#[realize_forward(Trait, ...)]` on a
//!   wrapper type implements each listed trait by realizing the wrapper and
//!   forwarding every method to the real value.
//!
//! The README of the repository (section "Forwarding") has the attributes,
//! the rules for every trait shape, the errors and the known limits; its
//! examples run as doctests of lazy-core.

mod captures;
mod cfg_params;
mod chain;
mod expand;
mod fallback;
#[cfg(test)]
mod fast_path;
mod generics;
mod input;
mod method;
#[cfg(test)]
mod proptests;
mod realize_all;
#[cfg(test)]
mod robustness;
#[cfg(test)]
mod snapshots;
#[cfg(test)]
mod test_support;
mod tokens;
mod trait_def;
mod valid;

use proc_macro::TokenStream;

/// Records a trait's items so that `#[derive(RealizeForward)]` can forward
/// them.
///
/// The trait is emitted unchanged. Beside it comes a hidden `macro_rules!`
/// re-exported under the trait's name with the trait's visibility, so
/// `use a::Tracker;` (or a path `crate::a::Tracker`) is all the derive needs.
///
/// ```
/// mod a {
///     #[lazy_core::forwardable]
///     pub trait Tracker {
///         fn python_type(&self) -> &'static str;
///     }
/// }
///
/// impl a::Tracker for u8 {
///     fn python_type(&self) -> &'static str { "int" }
/// }
///
/// #[derive(lazy_core::RealizeForward)]
/// #[realize_forward(a::Tracker)]
/// struct LazyInt(#[realize] lazy_core::Lazy<u8>);
///
/// use a::Tracker;
/// assert_eq!(LazyInt(lazy_core::Lazy::new(|| 1)).python_type(), "int");
/// ```
///
/// `#[forwardable(remote = ::path::Trait)]` on a signature-only mirror
/// describes a trait of another crate: only the hidden macro is emitted, and
/// deriving with it implements the real trait (see `lazy_core::remote`).
///
/// ```
/// #[lazy_core::forwardable(remote = ::core::fmt::Display)]
/// /// Forwards `Display`.
/// pub trait Shown {
///     fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result;
/// }
///
/// #[derive(lazy_core::RealizeForward)]
/// #[realize_forward(Shown)]
/// struct LazyName(#[realize] lazy_core::Lazy<String>);
///
/// let name = LazyName(lazy_core::Lazy::new(|| String::from("x")));
/// assert_eq!(name.to_string(), "x");
/// ```
#[proc_macro_attribute]
pub fn forwardable(args: TokenStream, input: TokenStream) -> TokenStream {
    trait_def::forwardable(args.into(), input.into()).into()
}

/// Implements the traits named in `#[realize_forward(...)]` by realizing the
/// value and forwarding every method to it.
///
/// - `#[realize_forward(Trait, path::Other<u8>, except(m, n))]`, repeatable:
///   the traits (each marked `#[forwardable]`), and the methods of those
///   traits that the wrapper's own inherent methods answer.
/// - `#[realize]` on one field: also implements `Realize` (and `RealizeMut` /
///   `RealizeInto` when forwarded receivers need them) through that field;
///   `#[realize(deref)]` realizes through `Deref` (`Box<dyn Trait>` →
///   `dyn Trait`). Without it, implement `lazy_core::Realize` yourself.
///
/// ```
/// use lazy_core::{Lazy, Realize, RealizeForward, forwardable};
///
/// #[forwardable]
/// pub trait Tracker {
///     fn python_type(&self) -> String;
///     fn set_name_hint(&mut self, hint: &str);
/// }
///
/// struct Real;
/// impl Tracker for Real {
///     fn python_type(&self) -> String { "int".into() }
///     fn set_name_hint(&mut self, _: &str) {}
/// }
///
/// #[derive(RealizeForward)]
/// #[realize_forward(Tracker, except(set_name_hint))]
/// struct LazyTracker {
///     #[realize(deref)]
///     cache: Lazy<Box<dyn Tracker>>,
///     hints: Vec<String>,
/// }
///
/// impl LazyTracker {
///     // Buffered on the wrapper: never builds the value.
///     fn set_name_hint(&mut self, hint: &str) {
///         self.hints.push(hint.to_owned());
///     }
/// }
///
/// let mut tracker = LazyTracker {
///     cache: Lazy::new(|| Box::new(Real) as Box<dyn Tracker>),
///     hints: Vec::new(),
/// };
/// tracker.set_name_hint("x");
/// assert!(!Lazy::is_realized(&tracker.cache));
/// let _: &dyn Tracker = tracker.realize();
/// assert_eq!(tracker.python_type(), "int");
/// ```
#[proc_macro_derive(RealizeForward, attributes(realize_forward, realize))]
pub fn derive_realize_forward(input: TokenStream) -> TokenStream {
    chain::derive(input.into()).into()
}

/// The work behind `#[derive(RealizeForward)]`, invoked through the hidden
/// macro that `#[forwardable]` writes beside a trait. Not a public API.
#[doc(hidden)]
#[proc_macro]
pub fn __forward_impl(input: TokenStream) -> TokenStream {
    chain::forward_impl(input.into()).into()
}

/// Implements `lazy_core::RealizeAll` for a struct or enum: realizing all
/// walks every field, except those marked `#[realize_all(skip)]`.
///
/// Fields of std's leaf types (numbers, `bool`, `char`, `String`, …) need no
/// mark; a field of another type without `RealizeAll` is an error at that
/// field that says to implement it or skip the field. A walked field whose
/// type mentions a type parameter is bounded (`Vec<T>: RealizeAll`), unless
/// it mentions the type itself (`Box<Expr<T>>` in a recursive `Expr<T>`).
///
/// ```
/// use lazy_core::{Lazy, RealizeAll};
///
/// #[derive(RealizeAll)]
/// struct Frame {
///     locals: Vec<Lazy<u32>>,
///     depth: usize,
///     #[realize_all(skip)]
///     name: std::cell::Cell<u8>, // not a tracker: left alone
/// }
///
/// let frame = Frame {
///     locals: vec![Lazy::new(|| 1), Lazy::new(|| 2)],
///     depth: 0,
///     name: std::cell::Cell::new(0),
/// };
/// frame.realize_all();
/// assert!(frame.locals.iter().all(Lazy::is_realized));
/// ```
#[proc_macro_derive(RealizeAll, attributes(realize_all))]
pub fn derive_realize_all(input: TokenStream) -> TokenStream {
    realize_all::derive(input.into()).into()
}
