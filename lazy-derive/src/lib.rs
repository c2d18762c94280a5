//! Derive macros of [`lazy-core`](https://docs.rs/lazy-core). Depend on
//! `lazy-core` (feature `derive`, on by default) instead of this crate.

use proc_macro::TokenStream;

/// Records a trait's items so that `#[derive(RealizeForward)]` can forward them.
#[proc_macro_attribute]
pub fn forwardable(_args: TokenStream, input: TokenStream) -> TokenStream {
    input
}
