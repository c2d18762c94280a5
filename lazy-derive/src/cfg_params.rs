//! `#[cfg]` on a method's parameters and generic parameters.
//!
//! A forwarder declares the parameters and passes them on (the generic ones
//! in a turbofish), but a call cannot leave out an argument under a cfg. A
//! method with cfg'd parameters gets one forwarder per combination of them,
//! each under the cfg that selects it and without the parameters that this
//! combination leaves out. Parameters under the same cfg go together, and
//! past `MAX_CFGS` distinct cfgs the method is an error (2^n forwarders).
//! The hidden macro's copies by cfg combination (`trait_def::cfg_variants`)
//! leave no cfg on a parameter unless the trait has too many to copy it for:
//! this is for those.

use crate::syntax::{FnArg, TraitItemFn};
use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::punctuated::Punctuated;
use syn::{Attribute, GenericParam, Meta};

use crate::method::{ForwardPlan, Method};
use crate::template;

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
    // One compiled copy for every caller's closure: this crate's build time
    // grows with each generic copy.
    per_variant_dyn(method, &write)
}

fn per_variant_dyn(method: &Method, write: &dyn Fn(&Method) -> TokenStream) -> Option<TokenStream> {
    // Parameters under the same cfg are there or not together: each
    // parameter (a generic one?, its index among those, its attributes)
    // joins its cfg's group as it is met, with no list of the parameters.
    let mut groups: Vec<CfgGroup> = Vec::new();
    let mut join = |generic: bool, index: usize, attrs: &[Attribute]| {
        let mut predicates = Vec::new();
        for attr in attrs {
            if let Some(predicate) = predicate(attr) {
                predicates.push(predicate);
            }
        }
        if predicates.is_empty() {
            return;
        }
        let key = template::joined(&predicates, "")
            .to_token_stream()
            .to_string();
        let mut known = None;
        for group in groups.iter_mut() {
            if group.key == key {
                known = Some(group);
                break;
            }
        }
        match known {
            Some(group) => group.members.push((generic, index)),
            None => groups.push(CfgGroup {
                key,
                predicates,
                members: vec![(generic, index)],
            }),
        }
    };
    let mut index = 0;
    for arg in crate::punct::values(&method.item.sig.inputs) {
        if let FnArg::Typed(arg) = arg {
            join(false, index, &arg.attrs);
            index += 1;
        }
    }
    for index in 0..method.item.sig.generics.params.len() {
        let param = &method.item.sig.generics.params[index];
        join(true, index, generic_attrs(param));
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
        for bit in 0..groups.len() {
            let CfgGroup {
                predicates,
                members,
                ..
            } = &groups[bit];
            if mask & (1 << bit) != 0 {
                conditions.push(template::tokens(
                    "all(#0)",
                    &[&template::joined(predicates, ",")],
                ));
                continue;
            }
            conditions.push(template::tokens(
                "not(all(#0))",
                &[&template::joined(predicates, ",")],
            ));
            for &(generic, index) in members {
                if generic {
                    generics_left_out.push(index);
                } else {
                    left_out.push(index);
                }
            }
        }
        // A copy of the method (printed and parsed back: lazy-derive builds
        // syn without `Clone` for its trees), for a method with parameters
        // under `#[cfg]` only.
        let Ok(mut item) = syn::parse2::<TraitItemFn>(method.item.to_token_stream()) else {
            return None;
        };
        let mut inputs = Punctuated::new();
        let mut index = 0;
        for arg in item.sig.inputs {
            match arg {
                FnArg::Typed(mut arg) => {
                    index += 1;
                    if !left_out.contains(&(index - 1)) {
                        strip_cfgs(&mut arg.attrs);
                        inputs.push(FnArg::Typed(arg));
                    }
                }
                receiver => inputs.push(receiver),
            }
        }
        item.sig.inputs = inputs;
        let mut generic_params = Punctuated::new();
        let mut next_index = 0usize;
        for mut param in item.sig.generics.params.into_iter() {
            let index = next_index;
            next_index += 1;
            if !generics_left_out.contains(&index) {
                strip_cfgs(generic_attrs_mut(&mut param));
                generic_params.push(param);
            }
        }
        item.sig.generics.params = generic_params;
        let mut self_args = Vec::new();
        for index in 0..method.self_args.len() {
            let arg = &method.self_args[index];
            if !left_out.contains(&index) {
                self_args.push(*arg);
            }
        }
        let variant = Method {
            item,
            receiver: method.receiver.clone(),
            plan: ForwardPlan::Forward,
            self_args,
            needs_sized_target: method.needs_sized_target,
            wrap: method.wrap,
        };
        let tokens = write(&variant);
        template::append(
            &mut out,
            "#[cfg(all(#0))] #1",
            &[&template::joined(&conditions, ","), &tokens],
        );
    }
    Some(out)
}

pub fn generic_attrs(param: &GenericParam) -> &Vec<Attribute> {
    match param {
        GenericParam::Lifetime(param) => &param.attrs,
        GenericParam::Type(param) => &param.attrs,
        GenericParam::Const(param) => &param.attrs,
    }
}

pub fn generic_attrs_mut(param: &mut GenericParam) -> &mut Vec<Attribute> {
    match param {
        GenericParam::Lifetime(param) => &mut param.attrs,
        GenericParam::Type(param) => &mut param.attrs,
        GenericParam::Const(param) => &mut param.attrs,
    }
}

fn is_cfg(attr: &Attribute) -> bool {
    attr.path().is_ident("cfg")
}

fn strip_cfgs(attrs: &mut Vec<Attribute>) {
    retain_attrs(attrs, &mut |attr| !is_cfg(attr));
}

/// `attrs.retain(keep)`, through `&dyn`: one compiled copy of `retain` for
/// every caller.
pub fn retain_attrs(attrs: &mut Vec<Attribute>, keep: &mut dyn FnMut(&Attribute) -> bool) {
    attrs.retain(|attr| keep(attr));
}

/// The predicate of a `#[cfg(...)]`.
fn predicate(attr: &Attribute) -> Option<TokenStream> {
    if !is_cfg(attr) {
        return None;
    }
    match &attr.meta {
        Meta::List(list) => Some(list.tokens.clone()),
        other => Some(other.to_token_stream()),
    }
}

/// `#[cfg_attr(p, a, b, ..)]` among `attrs` as what it means to the
/// carried copy: a `cfg(q)` in it is the item's (or parameter's) cfg
/// `any(not(p), q)`, which the copies by cfg combination and the forwarders
/// then handle as any `#[cfg]`; a `deprecated` is the item's (the forwarders
/// allow it, whether `p` holds or not); a nested `cfg_attr(q, ..)` is read
/// under `all(p, q)`; any other attribute stays behind `cfg_attr(p, ..)`. A
/// `cfg_attr` that does not read is left as it is, for rustc to report on
/// the trait itself.
pub fn expand_cfg_attrs(attrs: &mut Vec<Attribute>) {
    let mut any = false;
    for attr in attrs.iter() {
        any |= attr.path().is_ident("cfg_attr");
    }
    if !any {
        return;
    }
    let mut out = Vec::with_capacity(attrs.len());
    for attr in std::mem::take(attrs) {
        let Meta::List(list) = &attr.meta else {
            out.push(attr);
            continue;
        };
        if !list.path.is_ident("cfg_attr") {
            out.push(attr);
            continue;
        }
        let mut expanded = Vec::new();
        match expand_cfg_attr(list.tokens.clone(), None, &mut expanded) {
            Ok(()) => {
                // Outer, as every attribute of a trait item or parameter.
                for meta in expanded {
                    out.push(Attribute {
                        pound_token: syn::Token![#](attr.pound_token.span),
                        style: syn::AttrStyle::Outer,
                        bracket_token: syn::token::Bracket {
                            span: attr.bracket_token.span,
                        },
                        meta,
                    });
                }
            }
            Err(_) => out.push(attr),
        }
    }
    *attrs = out;
}

/// The attributes that `cfg_attr(tokens)` stands for under `outer`.
fn expand_cfg_attr(
    tokens: TokenStream,
    outer: Option<&TokenStream>,
    out: &mut Vec<Meta>,
) -> syn::Result<()> {
    let parser = |input: syn::parse::ParseStream| {
        let predicate: Meta = input.parse()?;
        input.parse::<syn::Token![,]>()?;
        let metas = Punctuated::<Meta, syn::Token![,]>::parse_terminated(input)?;
        Ok((predicate, metas))
    };
    let (predicate, metas) = syn::parse::Parser::parse2(parser, tokens)?;
    let predicate = match outer {
        Some(outer) => template::tokens("all(#0, #1)", &[&outer, &predicate]),
        None => predicate.to_token_stream(),
    };
    for meta in metas {
        match meta {
            Meta::List(list) if list.path.is_ident("cfg") => {
                let cfg = &list.tokens;
                out.push(syn::parse_quote!(cfg(any(not(#predicate), #cfg))));
            }
            Meta::List(list) if list.path.is_ident("cfg_attr") => {
                expand_cfg_attr(list.tokens, Some(&predicate), out)?;
            }
            meta if meta.path().is_ident("deprecated") => out.push(meta),
            meta => out.push(syn::parse_quote!(cfg_attr(#predicate, #meta))),
        }
    }
    Ok(())
}
