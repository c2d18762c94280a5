//! Derive macros of [`lazy-core`](https://docs.rs/lazy-core). Depend on
//! `lazy-core` (feature `derive`, on by default) instead of this crate: the
//! generated code names `::lazy_core::…`.
//!
//! - `#[forwardable]` on a trait records its items in a hidden
//!   `macro_rules!` that is imported together with the trait.
//! - `#[derive(RealizeForward)]` with `#[realize_forward(Trait, ...)]` on a
//!   wrapper type implements each listed trait by realizing the wrapper and
//!   forwarding every method to the real value.
//!
//! See `FORWARDING.md` in this crate for the rules and the known limits.

mod expand;
mod fallback;
mod input;
mod method;
#[cfg(test)]
mod snapshots;
mod tokens;
mod trait_def;
mod valid;

use proc_macro::TokenStream;

/// Records a trait's items so that `#[derive(RealizeForward)]` can forward
/// them. `#[forwardable(remote = ::path::Trait)]` on a signature-only mirror
/// describes a trait of another crate.
#[proc_macro_attribute]
pub fn forwardable(args: TokenStream, input: TokenStream) -> TokenStream {
    trait_def::forwardable(args.into(), input.into()).into()
}

/// Implements the traits named in `#[realize_forward(...)]` by realizing the
/// value and forwarding every method to it.
#[proc_macro_derive(RealizeForward, attributes(realize_forward, realize))]
pub fn derive_realize_forward(input: TokenStream) -> TokenStream {
    expand::derive(input.into()).into()
}

/// The work behind `#[derive(RealizeForward)]`, invoked through the hidden
/// macro that `#[forwardable]` writes beside a trait. Not a public API.
#[doc(hidden)]
#[proc_macro]
pub fn __forward_impl(input: TokenStream) -> TokenStream {
    expand::forward_impl(input.into()).into()
}
