#![doc = include_str!("../docs/crate.md")]
// Index loops where `.iter().enumerate()` would do: each `Enumerate` over
// another item type is one more copy of std's code in this crate's build,
// which every user of the derive compiles once (30 such loops written as
// index loops took 40 M instructions off it, `BENCHMARKS.md`).
#![allow(clippy::needless_range_loop)]
// Likewise `match` for `Option::map` with a closure: each closure is one
// more copy of `Option::map` (about 0.2 M instructions of this crate's
// build each, `BENCHMARKS.md`).
#![allow(clippy::manual_map)]
// And counters where `.enumerate()` would do over an iterator that cannot be
// indexed (`Punctuated::into_iter`, `chars`).
#![allow(clippy::explicit_counter_loop)]

mod captures;
mod cfg_params;
mod chain;
mod def_site;
mod enums;
mod errors;
mod expand;
mod fallback;
mod forwardable_args;
mod from_realized;
mod generics;
mod impl_head;
mod input;
mod method;
mod mirrors;
mod punct;
mod realize_all;
mod scan;
mod syntax;
mod template;
#[cfg(test)]
mod tests;
mod tokens;
mod trait_def;
mod unforwardable;
mod valid;
mod variants;

use proc_macro::TokenStream;

#[doc = include_str!("../docs/forwardable.md")]
#[proc_macro_attribute]
pub fn forwardable(args: TokenStream, input: TokenStream) -> TokenStream {
    trait_def::forwardable(args.into(), input.into()).into()
}

#[doc = include_str!("../docs/realize_forward.md")]
#[doc = include_str!("../docs/enums.md")]
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

/// What `#[derive(RealizeForward)]` calls for a path that names no
/// `#[forwardable]` trait: the error that says so. Not a public API.
#[doc(hidden)]
#[proc_macro]
pub fn __not_forwardable(input: TokenStream) -> TokenStream {
    chain::not_forwardable(input.into()).into()
}

#[doc = include_str!("../docs/realize_all.md")]
#[proc_macro_derive(RealizeAll, attributes(realize_all, realize))]
pub fn derive_realize_all(input: TokenStream) -> TokenStream {
    realize_all::derive(input.into()).into()
}

/// Implements `lazy_core::FromRealized` for a struct whose one field is its
/// target, so that forwarded methods returning `Self` give a wrapper again.
///
/// The field is marked as for `#[derive(RealizeForward)]`:
///
/// - `#[realize(plain)]`: the new wrapper holds the target;
/// - `#[realize]` on a lazy (`Lazy`, `sync::Lazy`): the new wrapper holds a
///   lazy already realized (`Lazy::from_value`); on a `Box` of one, a new
///   box of such a lazy.
///
/// Either way it goes through the field type's own `FromRealized`.
///
/// The derive refuses, with an error that says to implement
/// `lazy_core::FromRealized` by hand: a struct with other fields (a new
/// wrapper could not know what they hold), an enum or a union (an enum that
/// forwards needs no impl: each target goes back into its variant), a field
/// that shares its lazy (`Rc<Lazy<T>>`, `Arc<Lazy<T>>`, `&Lazy<T>`: an
/// error at its type), and `deref` (`#[realize(deref)]`,
/// `#[realize(plain, deref)]`: an error at `deref`, since the target is
/// what the field points to, not the field).
///
/// A mistake in `#[realize(...)]` is reported as `#[derive(RealizeForward)]`
/// reports it, once when both derives are on the wrapper. A wrapper it
/// refuses gets, beside its error, an impl that stands in for the one to
/// write by hand (it never runs: the crate does not build), so that the
/// forwarded methods returning `Self` add no error of their own; it takes
/// every target, so an impl written by hand beside the refused derive
/// conflicts with it (E0119): remove the derive.
///
/// ```
/// use lazy_core::{FromRealized, Lazy, RealizeForward, forwardable};
///
/// #[forwardable]
/// pub trait Shape {
///     fn side(&self) -> u32;
///     fn scaled(&self, k: u32) -> Self;
/// }
///
/// pub struct Square(u32);
/// impl Shape for Square {
///     fn side(&self) -> u32 { self.0 }
///     fn scaled(&self, k: u32) -> Self { Square(self.0 * k) }
/// }
///
/// #[derive(RealizeForward, FromRealized)]
/// #[realize_forward(Shape)]
/// pub struct Plain(#[realize(plain)] Square);
///
/// #[derive(RealizeForward, FromRealized)]
/// #[realize_forward(Shape)]
/// pub struct LazySquare {
///     #[realize]
///     cache: Lazy<Square>,
/// }
///
/// assert_eq!(Plain(Square(2)).scaled(3).side(), 6);
/// let lazy = LazySquare { cache: Lazy::new(|| Square(2)) };
/// let scaled = lazy.scaled(3);
/// assert!(Lazy::is_realized(&scaled.cache));
/// assert_eq!(scaled.side(), 6);
/// ```
#[proc_macro_derive(FromRealized, attributes(realize))]
pub fn derive_from_realized(input: TokenStream) -> TokenStream {
    from_realized::derive(input.into()).into()
}
