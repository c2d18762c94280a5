#![doc = include_str!("../docs/crate.md")]

mod captures;
mod cfg_params;
mod chain;
mod errors;
mod expand;
mod fallback;
mod generics;
mod input;
mod method;
mod mirrors;
mod realize_all;
#[cfg(test)]
mod tests;
mod tokens;
mod trait_def;
mod valid;

use proc_macro::TokenStream;

#[doc = include_str!("../docs/forwardable.md")]
#[proc_macro_attribute]
pub fn forwardable(args: TokenStream, input: TokenStream) -> TokenStream {
    trait_def::forwardable(args.into(), input.into()).into()
}

#[doc = include_str!("../docs/realize_forward.md")]
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

#[doc = include_str!("../docs/realize_all.md")]
#[proc_macro_derive(RealizeAll, attributes(realize_all))]
pub fn derive_realize_all(input: TokenStream) -> TokenStream {
    realize_all::derive(input.into()).into()
}
