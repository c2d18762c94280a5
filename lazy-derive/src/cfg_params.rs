//! `#[cfg]` on a method's parameters and generic parameters.
//!
//! A forwarder declares the parameters and passes them on (the generic ones
//! in a turbofish), but a call cannot leave out an argument under a cfg. A
//! method with cfg'd parameters gets one forwarder per combination of them,
//! each under the cfg that selects it and without the parameters that this
//! combination leaves out. Parameters under the same cfg go together, and
//! past `MAX_CFGS` distinct cfgs the method is an error (2^n forwarders).

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use syn::{Attribute, FnArg, GenericParam, Meta};

use crate::method::{ForwardPlan, Method};

/// The most distinct cfgs on one method's parameters: 2^6 forwarders.
pub const MAX_CFGS: usize = 6;

/// The parameters under one cfg.
struct CfgGroup {
    /// The predicates as text: what makes two cfgs the same.
    key: String,
    predicates: Vec<TokenStream>,
    /// (a generic parameter?, its index among those)
    members: Vec<(bool, usize)>,
}

/// What `write` makes of `method`, once per combination of the cfgs on its
/// parameters; `None` past `MAX_CFGS` distinct cfgs.
pub fn per_variant(method: &Method, write: impl Fn(&Method) -> TokenStream) -> Option<TokenStream> {
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
    // Parameters under the same cfg are there or not together.
    let mut groups: Vec<CfgGroup> = Vec::new();
    let params = typed
        .iter()
        .map(|arg| &arg.attrs)
        .enumerate()
        .map(|(index, attrs)| (false, index, attrs));
    let generic_params = method
        .item
        .sig
        .generics
        .params
        .iter()
        .map(generic_attrs)
        .enumerate()
        .map(|(index, attrs)| (true, index, attrs));
    for (generic, index, attrs) in params.chain(generic_params) {
        let predicates: Vec<TokenStream> = attrs.iter().filter_map(predicate).collect();
        if predicates.is_empty() {
            continue;
        }
        let key = quote!(#(#predicates)*).to_string();
        match groups.iter_mut().find(|group| group.key == key) {
            Some(group) => group.members.push((generic, index)),
            None => groups.push(CfgGroup {
                key,
                predicates,
                members: vec![(generic, index)],
            }),
        }
    }
    if groups.is_empty() {
        return Some(write(method));
    }
    if groups.len() > MAX_CFGS {
        return None;
    }
    let mut out = TokenStream::new();
    for mask in 0..(1_u32 << groups.len()) {
        let mut conditions = Vec::new();
        let mut left_out = Vec::new();
        let mut generics_left_out = Vec::new();
        for (
            bit,
            CfgGroup {
                predicates,
                members,
                ..
            },
        ) in groups.iter().enumerate()
        {
            if mask & (1 << bit) != 0 {
                conditions.push(quote!(all(#(#predicates),*)));
                continue;
            }
            conditions.push(quote!(not(all(#(#predicates),*))));
            for &(generic, index) in members {
                if generic {
                    generics_left_out.push(index);
                } else {
                    left_out.push(index);
                }
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
        item.sig.generics.params = item
            .sig
            .generics
            .params
            .into_iter()
            .enumerate()
            .filter(|(index, _)| !generics_left_out.contains(index))
            .map(|(_, mut param)| {
                generic_attrs_mut(&mut param).retain(|attr| !attr.path().is_ident("cfg"));
                param
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
            wrap: method.wrap,
        };
        let tokens = write(&variant);
        out.extend(quote!(#[cfg(all(#(#conditions),*))] #tokens));
    }
    Some(out)
}

fn generic_attrs(param: &GenericParam) -> &Vec<Attribute> {
    match param {
        GenericParam::Lifetime(param) => &param.attrs,
        GenericParam::Type(param) => &param.attrs,
        GenericParam::Const(param) => &param.attrs,
    }
}

fn generic_attrs_mut(param: &mut GenericParam) -> &mut Vec<Attribute> {
    match param {
        GenericParam::Lifetime(param) => &mut param.attrs,
        GenericParam::Type(param) => &mut param.attrs,
        GenericParam::Const(param) => &mut param.attrs,
    }
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
