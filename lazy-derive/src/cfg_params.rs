//! `#[cfg]` on a method's parameters.
//!
//! A forwarder declares the parameters and passes them on, but a call cannot
//! leave out an argument under a cfg. A method with cfg'd parameters gets one
//! forwarder per combination of them, each under the cfg that selects it and
//! without the parameters that this combination leaves out.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use syn::{Attribute, FnArg, Meta};

use crate::method::{ForwardPlan, Method};

/// Past this many cfg'd parameters (2^6 forwarders), one forwarder is
/// written, and rustc reports the mismatch.
const MAX_CFG_PARAMS: usize = 6;

/// What `write` makes of `method`, once per combination of its cfg'd
/// parameters.
pub fn per_variant(method: &Method, write: impl Fn(&Method) -> TokenStream) -> TokenStream {
    let typed: Vec<&syn::PatType> = method
        .item
        .sig
        .inputs
        .iter()
        .filter_map(|arg| match arg {
            FnArg::Typed(arg) => Some(arg),
            FnArg::Receiver(_) => None,
        })
        .collect();
    // (index among the typed parameters, its cfg predicates)
    let cfgd: Vec<(usize, Vec<TokenStream>)> = typed
        .iter()
        .enumerate()
        .filter_map(|(index, arg)| {
            let predicates: Vec<TokenStream> = arg.attrs.iter().filter_map(predicate).collect();
            (!predicates.is_empty()).then_some((index, predicates))
        })
        .collect();
    if cfgd.is_empty() || cfgd.len() > MAX_CFG_PARAMS {
        return write(method);
    }
    let mut out = TokenStream::new();
    for mask in 0..(1_u32 << cfgd.len()) {
        let mut conditions = Vec::new();
        let mut left_out = Vec::new();
        for (bit, (index, predicates)) in cfgd.iter().enumerate() {
            if mask & (1 << bit) != 0 {
                conditions.push(quote!(all(#(#predicates),*)));
            } else {
                conditions.push(quote!(not(all(#(#predicates),*))));
                left_out.push(*index);
            }
        }
        let mut item = method.item.clone();
        let mut index = 0;
        item.sig.inputs = item
            .sig
            .inputs
            .into_iter()
            .filter_map(|arg| match arg {
                FnArg::Typed(mut arg) => {
                    index += 1;
                    if left_out.contains(&(index - 1)) {
                        return None;
                    }
                    arg.attrs.retain(|attr| !attr.path().is_ident("cfg"));
                    Some(FnArg::Typed(arg))
                }
                receiver => Some(receiver),
            })
            .collect();
        let variant = Method {
            item,
            receiver: method.receiver.clone(),
            plan: ForwardPlan::Forward,
            self_args: method
                .self_args
                .iter()
                .enumerate()
                .filter(|(index, _)| !left_out.contains(index))
                .map(|(_, arg)| *arg)
                .collect(),
            needs_sized_target: method.needs_sized_target,
        };
        let tokens = write(&variant);
        out.extend(quote!(#[cfg(all(#(#conditions),*))] #tokens));
    }
    out
}

/// The predicate of a `#[cfg(...)]`.
fn predicate(attr: &Attribute) -> Option<TokenStream> {
    if !attr.path().is_ident("cfg") {
        return None;
    }
    match &attr.meta {
        Meta::List(list) => Some(list.tokens.clone()),
        other => Some(other.to_token_stream()),
    }
}
