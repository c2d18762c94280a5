//! Writes the tokens.
//!
//! `#[derive(RealizeForward)]` cannot see the traits it forwards, so it emits
//! a chain: the `Realize` impl (for a `#[realize]` field) and a call of the
//! first trait's hidden macro. That macro hands the trait's items and the
//! wrapper to `__forward_impl!`, which writes the trait's impl and calls the
//! next trait's macro; the last link writes what needs every trait's answer
//! (`RealizeMut` / `RealizeInto` for the `#[realize]` field, and the errors
//! about `except` names that no trait has).

use std::collections::HashSet;

use proc_macro2::{Literal, Span, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::{
    DeriveInput, Error, FnArg, GenericArgument, GenericParam, Generics, Ident, ItemTrait, Path,
    Result, ReturnType, Token, TraitItem, TraitItemConst, TraitItemType, WherePredicate,
};

use crate::fallback;
use crate::input::{RealizeField, TraitRef, Wrapper};
use crate::method::{ForwardPlan, Method, ReceiverKind, has_impl_trait};
use crate::tokens::{self, Substitution};
use crate::valid::{self, Errors};

/// `#[derive(RealizeForward)]`.
pub fn derive(input: TokenStream) -> TokenStream {
    match derive_impl(input) {
        Ok(tokens) => tokens,
        Err(err) => err.into_compile_error(),
    }
}

fn derive_impl(input: TokenStream) -> Result<TokenStream> {
    let derive_input: DeriveInput = syn::parse2(input.clone())?;
    let wrapper = Wrapper::from_input(derive_input)?;
    let realize = wrapper
        .realize
        .as_ref()
        .map(|field| realize_impl(&wrapper, field));
    let first_link = link(&wrapper, &LinkState::default(), &input);
    Ok(quote! {
        #realize
        #first_link
    })
}

/// What the links of the chain pass on.
#[derive(Default, Clone)]
pub struct LinkState {
    /// Index of the trait this link forwards.
    pub step: usize,
    /// Some forwarded method takes `&mut self`.
    pub needs_mut: bool,
    /// Some forwarded method takes `self` or `self: Box<Self>`.
    pub needs_into: bool,
    /// Indexes (in `Wrapper::except_names`) of the `except` names that a
    /// trait had.
    pub matched: Vec<usize>,
}

/// The call of the hidden macro of trait number `state.step`.
fn link(wrapper: &Wrapper, state: &LinkState, input: &TokenStream) -> TokenStream {
    let Some(trait_ref) = wrapper.traits.get(state.step) else {
        return TokenStream::new();
    };
    let path = &trait_ref.path;
    let step = Literal::usize_unsuffixed(state.step);
    let needs_mut = state.needs_mut.then(|| quote!(realize_mut));
    let needs_into = state.needs_into.then(|| quote!(realize_into));
    let matched = state.matched.iter().map(|i| Literal::usize_unsuffixed(*i));
    quote! {
        #path! {
            step = #step;
            needs = [#needs_mut #needs_into];
            matched = [#(#matched)*];
            input = { #input }
        }
    }
}

/// What `__forward_impl!` receives from a trait's hidden macro.
struct ForwardInput {
    trait_def: ItemTrait,
    remote: Option<Path>,
    state: LinkState,
    input: TokenStream,
}

fn keyword(input: ParseStream, expected: &str) -> Result<()> {
    let ident = input.call(Ident::parse_any)?;
    if ident == expected {
        Ok(())
    } else {
        Err(Error::new(ident.span(), format!("expected `{expected}`")))
    }
}

impl Parse for ForwardInput {
    fn parse(input: ParseStream) -> Result<Self> {
        input.parse::<Token![trait]>()?;
        let content;
        syn::braced!(content in input);
        let trait_def: ItemTrait = content.parse()?;
        let remote = if input.peek(Ident) && input.fork().call(Ident::parse_any)? == "remote" {
            keyword(input, "remote")?;
            let content;
            syn::braced!(content in input);
            Some(content.parse()?)
        } else {
            None
        };
        keyword(input, "derive")?;
        let derive;
        syn::braced!(derive in input);

        keyword(&derive, "step")?;
        derive.parse::<Token![=]>()?;
        let step = derive.parse::<syn::LitInt>()?.base10_parse()?;
        derive.parse::<Token![;]>()?;

        keyword(&derive, "needs")?;
        derive.parse::<Token![=]>()?;
        let needs;
        syn::bracketed!(needs in derive);
        let mut state = LinkState {
            step,
            ..LinkState::default()
        };
        while !needs.is_empty() {
            let need: Ident = needs.parse()?;
            match need.to_string().as_str() {
                "realize_mut" => state.needs_mut = true,
                "realize_into" => state.needs_into = true,
                _ => return Err(Error::new(need.span(), "unknown need")),
            }
        }
        derive.parse::<Token![;]>()?;

        keyword(&derive, "matched")?;
        derive.parse::<Token![=]>()?;
        let matched;
        syn::bracketed!(matched in derive);
        while !matched.is_empty() {
            state
                .matched
                .push(matched.parse::<syn::LitInt>()?.base10_parse()?);
        }
        derive.parse::<Token![;]>()?;

        keyword(&derive, "input")?;
        derive.parse::<Token![=]>()?;
        let wrapper;
        syn::braced!(wrapper in derive);
        let input: TokenStream = wrapper.parse()?;
        Ok(ForwardInput {
            trait_def,
            remote,
            state,
            input,
        })
    }
}

/// `__forward_impl!`: one link of the chain.
pub fn forward_impl(input: TokenStream) -> TokenStream {
    let forward: ForwardInput = match syn::parse2(input) {
        Ok(forward) => forward,
        Err(err) => {
            return Error::new(
                err.span(),
                format!(
                    "{err}; this macro is called by `#[derive(RealizeForward)]`, not by hand: write `#[derive(lazy_core::RealizeForward)] #[realize_forward(Trait)]` on a wrapper type"
                ),
            )
            .into_compile_error();
        }
    };
    let wrapper =
        match syn::parse2::<DeriveInput>(forward.input.clone()).and_then(Wrapper::from_input) {
            Ok(wrapper) => wrapper,
            Err(err) => return err.into_compile_error(),
        };
    let Some(trait_ref) = wrapper.traits.get(forward.state.step) else {
        return Error::new(
            Span::call_site(),
            "`__forward_impl!`: no trait at this step",
        )
        .into_compile_error();
    };
    let mut errors = Errors::default();
    let mut state = forward.state.clone();
    let trait_impl = trait_impl(
        &wrapper,
        trait_ref,
        &forward.trait_def,
        forward.remote.as_ref(),
        &mut state,
        &mut errors,
    );
    state.step += 1;
    let rest = if state.step < wrapper.traits.len() {
        link(&wrapper, &state, &forward.input)
    } else {
        last_link(&wrapper, &state, &mut errors)
    };
    let errors = errors.into_compile_errors();
    quote! {
        #trait_impl
        #errors
        #rest
    }
}

/// What the last link writes: the `RealizeMut` / `RealizeInto` impls that the
/// forwarded methods need, and the errors about unknown `except` names.
fn last_link(wrapper: &Wrapper, state: &LinkState, errors: &mut Errors) -> TokenStream {
    valid::check_except_names(wrapper, &state.matched, errors);
    let Some(field) = &wrapper.realize else {
        return TokenStream::new();
    };
    let mut out = TokenStream::new();
    if state.needs_mut {
        out.extend(realize_mut_impl(wrapper, field));
    }
    // A by-value forward through `#[realize(deref)]` is an error of its link.
    if state.needs_into && field.deref.is_none() {
        out.extend(realize_into_impl(wrapper, field));
    }
    out
}

/// The pieces of the impl that come from the trait's generics.
struct TraitGenerics {
    /// Generic parameters of the impl that come from the trait (the trait was
    /// named without arguments, or without its lifetimes).
    lifetimes: Vec<GenericParam>,
    others: Vec<GenericParam>,
    /// Predicates of the trait's `where` clause, rewritten for the impl.
    predicates: Vec<TokenStream>,
    /// The arguments the impl names the trait with: `<'a, T>`.
    args: TokenStream,
    /// Trait parameter → what stands for it in the impl.
    subst: Substitution,
}

fn param_name(param: &GenericParam) -> String {
    match param {
        GenericParam::Lifetime(param) => param.lifetime.ident.to_string(),
        GenericParam::Type(param) => param.ident.to_string(),
        GenericParam::Const(param) => param.ident.to_string(),
    }
}

fn trait_generics(
    wrapper: &Wrapper,
    trait_ref: &TraitRef,
    trait_def: &ItemTrait,
    errors: &mut Errors,
) -> Option<TraitGenerics> {
    let span = trait_ref.span();
    let name = trait_ref.name();
    let taken: HashSet<String> = wrapper
        .input
        .generics
        .params
        .iter()
        .map(param_name)
        .collect();
    let given: Vec<&GenericArgument> = trait_ref
        .args
        .iter()
        .flat_map(|args| args.args.iter())
        .collect();
    let given_lifetimes: Vec<&GenericArgument> = given
        .iter()
        .copied()
        .filter(|arg| matches!(arg, GenericArgument::Lifetime(_)))
        .collect();
    let given_others: Vec<&GenericArgument> = given
        .iter()
        .copied()
        .filter(|arg| !matches!(arg, GenericArgument::Lifetime(_)))
        .collect();
    let params: Vec<&GenericParam> = trait_def.generics.params.iter().collect();
    let lifetime_count = params
        .iter()
        .filter(|p| matches!(p, GenericParam::Lifetime(_)))
        .count();
    let other_count = params.len() - lifetime_count;
    if !given_lifetimes.is_empty() && given_lifetimes.len() != lifetime_count {
        errors.push(Error::new(
            span,
            format!(
                "`{name}` has {lifetime_count} lifetime parameter(s), but {} are given; give all of them or none",
                given_lifetimes.len()
            ),
        ));
        return None;
    }
    if given_others.len() > other_count {
        errors.push(Error::new(
            span,
            format!(
                "`{name}` has {other_count} type and const parameter(s), but {} are given",
                given_others.len()
            ),
        ));
        return None;
    }

    let mut out = TraitGenerics {
        lifetimes: Vec::new(),
        others: Vec::new(),
        predicates: Vec::new(),
        args: TokenStream::new(),
        subst: Substitution::default(),
    };
    let mut args = Vec::new();
    let (mut lifetime_index, mut other_index) = (0, 0);
    for param in params {
        let param_key = param_name(param);
        match param {
            GenericParam::Lifetime(lifetime) => {
                if let Some(arg) = given_lifetimes.get(lifetime_index) {
                    let arg = arg.to_token_stream();
                    out.subst.lifetimes.insert(param_key, arg.clone());
                    args.push(arg);
                } else {
                    let mut lifetime = lifetime.clone();
                    if taken.contains(&param_key) {
                        let renamed = syn::Lifetime::new(
                            &format!("'__{param_key}"),
                            lifetime.lifetime.span(),
                        );
                        out.subst
                            .lifetimes
                            .insert(param_key, renamed.to_token_stream());
                        lifetime.lifetime = renamed;
                    }
                    args.push(lifetime.lifetime.to_token_stream());
                    out.lifetimes.push(GenericParam::Lifetime(lifetime));
                }
                lifetime_index += 1;
            }
            GenericParam::Type(_) | GenericParam::Const(_) => {
                let default = match param {
                    GenericParam::Type(param) => {
                        param.default.as_ref().map(|(_, ty)| ty.to_token_stream())
                    }
                    GenericParam::Const(param) => param.default.as_ref().map(|(_, expr)| {
                        let expr = expr.to_token_stream();
                        quote!({ #expr })
                    }),
                    GenericParam::Lifetime(_) => None,
                };
                if trait_ref.args.is_some() {
                    let arg = match (given_others.get(other_index), default) {
                        (Some(arg), _) => arg.to_token_stream(),
                        (None, Some(default)) => out.subst.apply(default),
                        (None, None) => {
                            errors.push(Error::new(
                                span,
                                format!(
                                    "`{name}` needs an argument for its parameter `{param_key}`"
                                ),
                            ));
                            return None;
                        }
                    };
                    out.subst.idents.insert(param_key, arg.clone());
                    args.push(arg);
                } else {
                    let mut param = param.clone();
                    let ident = match &mut param {
                        GenericParam::Type(param) => {
                            param.default = None;
                            &mut param.ident
                        }
                        GenericParam::Const(param) => {
                            param.default = None;
                            &mut param.ident
                        }
                        GenericParam::Lifetime(_) => continue,
                    };
                    if taken.contains(&param_key) {
                        let renamed = format_ident!("__{}", ident);
                        out.subst
                            .idents
                            .insert(param_key, renamed.to_token_stream());
                        *ident = renamed;
                    }
                    args.push(ident.to_token_stream());
                    out.others.push(param);
                }
                other_index += 1;
            }
        }
    }
    // The parameters' bounds may name other parameters.
    out.lifetimes = reparse_params(&out.subst, out.lifetimes, errors)?;
    out.others = reparse_params(&out.subst, out.others, errors)?;
    if let Some(where_clause) = &trait_def.generics.where_clause {
        for predicate in &where_clause.predicates {
            let predicate = predicate.to_token_stream();
            // `Self` bounds are the implementor's business (supertraits).
            if tokens::mentions_bare_self(predicate.clone()) {
                continue;
            }
            out.predicates.push(out.subst.apply(predicate));
        }
    }
    if !args.is_empty() {
        out.args = quote!(<#(#args),*>);
    }
    Some(out)
}

/// Renames the generic parameters of a method or associated type that reuse
/// a name the impl declares (E0403).
fn rename_item_params(item: TraitItem, taken: &HashSet<String>) -> Result<TraitItem> {
    let generics = match &item {
        TraitItem::Fn(item) => &item.sig.generics,
        TraitItem::Type(item) => &item.generics,
        _ => return Ok(item),
    };
    let mut subst = Substitution::default();
    for param in &generics.params {
        let name = param_name(param);
        if !taken.contains(&name) {
            continue;
        }
        match param {
            GenericParam::Lifetime(param) => {
                let renamed = syn::Lifetime::new(&format!("'__{name}"), param.lifetime.span());
                subst.lifetimes.insert(name, renamed.to_token_stream());
            }
            GenericParam::Type(param) => {
                let renamed = format_ident!("__{}", param.ident);
                subst.idents.insert(name, renamed.to_token_stream());
            }
            GenericParam::Const(param) => {
                let renamed = format_ident!("__{}", param.ident);
                subst.idents.insert(name, renamed.to_token_stream());
            }
        }
    }
    if subst.is_empty() {
        return Ok(item);
    }
    syn::parse2(subst.apply(item.to_token_stream()))
}

fn reparse_params(
    subst: &Substitution,
    params: Vec<GenericParam>,
    errors: &mut Errors,
) -> Option<Vec<GenericParam>> {
    let mut out = Vec::new();
    for param in params {
        match syn::parse2(subst.apply(param.to_token_stream())) {
            Ok(param) => out.push(param),
            Err(err) => {
                errors.push(err);
                return None;
            }
        }
    }
    Some(out)
}

/// Everything a method forwarder needs to know about its impl.
pub struct ImplContext {
    /// `<<W as Realize>::Target as Trait<..>>`.
    pub target_as_trait: TokenStream,
}

fn trait_impl(
    wrapper: &Wrapper,
    trait_ref: &TraitRef,
    trait_def: &ItemTrait,
    remote: Option<&Path>,
    state: &mut LinkState,
    errors: &mut Errors,
) -> TokenStream {
    let span = trait_ref.span();
    let trait_name = trait_ref.name();
    if trait_def.unsafety.is_some() {
        errors.push(Error::new(
            span,
            format!(
                "cannot forward `{trait_name}`: it is an `unsafe trait`, whose contract the derive cannot check; implement it by hand"
            ),
        ));
        return TokenStream::new();
    }
    let Some(generics) = trait_generics(wrapper, trait_ref, trait_def, errors) else {
        return TokenStream::new();
    };
    let trait_path = match remote {
        Some(remote) => tokens::respan(remote.to_token_stream(), span),
        // Located at the user's path, but resolved like the rest of the
        // expansion: lints about how the user wrote the path (such as
        // `unused_qualifications`) do not fire on the generated uses.
        None => tokens::respan_as(
            trait_ref.path.to_token_stream(),
            Span::mixed_site().located_at(span),
        ),
    };
    let trait_args = &generics.args;
    let trait_full = quote!(#trait_path #trait_args);
    let ident = &wrapper.input.ident;
    let (_, ty_generics, wrapper_where) = wrapper.input.generics.split_for_impl();
    let self_ty = quote!(#ident #ty_generics);
    let target = quote_spanned!(span=> <#self_ty as ::lazy_core::Realize>::Target);
    let ctx = ImplContext {
        target_as_trait: quote!(<#target as #trait_full>),
    };

    // The `except` names of this trait's attribute, with their global index.
    let excepts: Vec<(usize, &Ident)> = wrapper
        .except_names()
        .enumerate()
        .filter(|(_, (group, _))| *group == trait_ref.group)
        .map(|(index, (_, name))| (index, name))
        .collect();

    // Names the impl declares: a method's own parameters must not reuse them.
    let impl_param_names: HashSet<String> = wrapper
        .input
        .generics
        .params
        .iter()
        .chain(&generics.lifetimes)
        .chain(&generics.others)
        .map(param_name)
        .collect();

    let mut assoc_types = Vec::new();
    let mut consts = Vec::new();
    let mut methods = Vec::new();
    let mut needs_sized = false;
    for item in &trait_def.items {
        // The trait's parameters become the impl's, and every type moves onto
        // the user's trait path: names resolve there, errors point there.
        let item = tokens::respan(generics.subst.apply(item.to_token_stream()), span);
        let item: TraitItem = match syn::parse2(item) {
            Ok(item) => item,
            Err(err) => {
                errors.push(err);
                continue;
            }
        };
        let item = match rename_item_params(item, &impl_param_names) {
            Ok(item) => item,
            Err(err) => {
                errors.push(err);
                continue;
            }
        };
        match item {
            TraitItem::Fn(item) => {
                let name = item.sig.ident.unraw();
                let except = excepts.iter().find(|(_, except)| except.unraw() == name);
                if let Some((index, _)) = except
                    && !state.matched.contains(index)
                {
                    state.matched.push(*index);
                }
                let method = Method::new(item, &trait_name, except.is_some());
                let by_value = matches!(
                    method.receiver,
                    Some(ReceiverKind::ByValue | ReceiverKind::BoxSelf)
                );
                let deref = wrapper.realize.as_ref().and_then(|field| field.deref);
                match &method.plan {
                    ForwardPlan::Forward if by_value && deref.is_some() => {
                        errors.push(Error::new(
                            deref.unwrap_or(span),
                            format!(
                                "cannot forward `{trait_name}::{}`: its `self` receiver needs the realized value by value, which `#[realize(deref)]` cannot give; list it in `except(...)`, or realize without `deref`",
                                method.item.sig.ident
                            ),
                        ));
                        methods.push(fallback::stub(&method));
                    }
                    ForwardPlan::Forward => {
                        needs_sized |= method.needs_sized_target;
                        match method.receiver {
                            Some(ReceiverKind::ByMutRef(_)) => state.needs_mut = true,
                            Some(ReceiverKind::ByValue | ReceiverKind::BoxSelf) => {
                                state.needs_into = true;
                            }
                            _ => {}
                        }
                        methods.push(forwarder(&ctx, &method));
                    }
                    ForwardPlan::Inherent => {
                        if let Some((_, except)) = except {
                            methods.push(inherent_forwarder(&method, except));
                        }
                    }
                    ForwardPlan::KeepDefault => {}
                    ForwardPlan::Unsupported(message) => {
                        errors.push(Error::new(span, message));
                        methods.push(fallback::stub(&method));
                    }
                }
            }
            TraitItem::Type(item) => assoc_types.push(assoc_type(&ctx, &item)),
            TraitItem::Const(item) => consts.push(assoc_const(&ctx, &item)),
            other => errors.push(Error::new(
                span,
                format!(
                    "cannot forward `{trait_name}`: it has an item the derive does not understand: `{}`",
                    other.to_token_stream()
                ),
            )),
        }
    }

    let mut impl_generics: Generics = wrapper.input.generics.clone();
    impl_generics.where_clause = None;
    // Lifetimes first: the wrapper's, then the trait's; then the rest.
    let (lifetimes, others): (Vec<GenericParam>, Vec<GenericParam>) = impl_generics
        .params
        .into_iter()
        .partition(|param| matches!(param, GenericParam::Lifetime(_)));
    impl_generics.params = lifetimes
        .into_iter()
        .chain(generics.lifetimes)
        .chain(others)
        .chain(generics.others)
        .collect();
    if !impl_generics.params.is_empty() {
        impl_generics.lt_token = Some(Default::default());
        impl_generics.gt_token = Some(Default::default());
    }
    let (impl_generics, _, _) = impl_generics.split_for_impl();

    let wrapper_predicates = wrapper_where
        .map(|clause| clause.predicates.iter().collect::<Vec<&WherePredicate>>())
        .unwrap_or_default();
    let trait_predicates = &generics.predicates;
    let sized = needs_sized.then(|| quote!(+ ::core::marker::Sized));
    let realize_mut = state
        .needs_mut
        .then(|| quote_spanned!(span=> #self_ty: ::lazy_core::RealizeMut,));
    let realize_into = state
        .needs_into
        .then(|| quote_spanned!(span=> #self_ty: ::lazy_core::RealizeInto,));

    quote! {
        #[automatically_derived]
        impl #impl_generics #trait_full for #self_ty
        where
            #(#wrapper_predicates,)*
            #(#trait_predicates,)*
            #target: #trait_full #sized,
            #realize_mut
            #realize_into
        {
            #(#assoc_types)*
            #(#consts)*
            #(#methods)*
        }
    }
}

/// `#[cfg]` attributes to copy, and `#[allow(deprecated)]` for a deprecated
/// item: forwarding it is not a use of it.
fn carried_attrs(attrs: &[syn::Attribute]) -> TokenStream {
    let mut out = TokenStream::new();
    for attr in attrs {
        if attr.path().is_ident("cfg") {
            out.extend(attr.to_token_stream());
        } else if attr.path().is_ident("deprecated") {
            out.extend(quote!(#[allow(deprecated)]));
        }
    }
    out
}

/// `type Item<'a> = <Target as Trait>::Item<'a> where ...;`
fn assoc_type(ctx: &ImplContext, item: &TraitItemType) -> TokenStream {
    let attrs = carried_attrs(&item.attrs);
    let target_as_trait = &ctx.target_as_trait;
    let name = &item.ident;
    let params = &item.generics.params;
    let args: Vec<TokenStream> = params
        .iter()
        .map(|param| match param {
            GenericParam::Lifetime(param) => param.lifetime.to_token_stream(),
            GenericParam::Type(param) => param.ident.to_token_stream(),
            GenericParam::Const(param) => param.ident.to_token_stream(),
        })
        .collect();
    let (generics, args) = if params.is_empty() {
        (TokenStream::new(), TokenStream::new())
    } else {
        (quote!(<#params>), quote!(<#(#args),*>))
    };
    let where_clause = &item.generics.where_clause;
    quote! {
        #attrs
        type #name #generics = #target_as_trait::#name #args #where_clause;
    }
}

/// `const C: T = <Target as Trait>::C;`
fn assoc_const(ctx: &ImplContext, item: &TraitItemConst) -> TokenStream {
    let attrs = carried_attrs(&item.attrs);
    let target_as_trait = &ctx.target_as_trait;
    let name = &item.ident;
    let ty = &item.ty;
    quote! {
        #attrs
        const #name: #ty = #target_as_trait::#name;
    }
}

/// The forwarder's parameters: the receiver, then `__argN: Type` for every
/// argument (patterns are rebound to fresh names).
pub struct Params {
    /// What the forwarder declares, receiver included.
    pub decls: Vec<TokenStream>,
    /// The argument names to pass on, receiver excluded.
    pub names: Vec<Ident>,
}

pub fn params(method: &Method, receiver: Option<TokenStream>) -> Params {
    let mut decls: Vec<TokenStream> = receiver.into_iter().collect();
    let mut names = Vec::new();
    let typed = method.item.sig.inputs.iter().filter_map(|arg| match arg {
        FnArg::Typed(arg) => Some(arg),
        FnArg::Receiver(_) => None,
    });
    for (index, arg) in typed.enumerate() {
        {
            let name = Ident::new(&format!("__arg{index}"), Span::mixed_site());
            let ty = &arg.ty;
            decls.push(quote!(#name: #ty));
            names.push(name);
        }
    }
    Params { decls, names }
}

/// The receiver as the forwarder declares it, and how the realized value is
/// obtained from it.
fn receiver(kind: &ReceiverKind) -> (TokenStream, TokenStream) {
    let self_token = Ident::new("self", Span::mixed_site());
    match kind {
        ReceiverKind::ByRef(lifetime) => (
            quote!(&#lifetime #self_token),
            quote!(::lazy_core::Realize::realize(#self_token)),
        ),
        ReceiverKind::ByMutRef(lifetime) => (
            quote!(&#lifetime mut #self_token),
            quote!(::lazy_core::RealizeMut::realize_mut(#self_token)),
        ),
        ReceiverKind::ByValue => (
            quote!(#self_token),
            quote!(::lazy_core::RealizeInto::into_realized(#self_token)),
        ),
        ReceiverKind::BoxSelf => (
            quote!(#self_token: ::lazy_core::__private::Box<Self>),
            quote!(::lazy_core::__private::Box::new(
                ::lazy_core::RealizeInto::into_realized(*#self_token)
            )),
        ),
        ReceiverKind::Other(ty) => (quote!(#self_token: #ty), quote!(#self_token)),
    }
}

/// The return type of the forwarder: an `async fn` becomes a plain `fn`
/// returning the target's future, so that calling it realizes at once.
fn output(method: &Method) -> TokenStream {
    let output = &method.item.sig.output;
    if method.item.sig.asyncness.is_none() {
        return output.to_token_stream();
    }
    let ty = match output {
        ReturnType::Default => quote!(()),
        ReturnType::Type(_, ty) => ty.to_token_stream(),
    };
    quote!(-> impl ::core::future::Future<Output = #ty>)
}

fn forwarder(ctx: &ImplContext, method: &Method) -> TokenStream {
    let sig = &method.item.sig;
    let attrs = carried_attrs(&method.item.attrs);
    let Some(kind) = &method.receiver else {
        return TokenStream::new();
    };
    let (receiver_decl, realized) = receiver(kind);
    let Params { decls, names } = params(method, Some(receiver_decl));
    let name = &sig.ident;
    let generics = &sig.generics;
    let where_clause = &sig.generics.where_clause;
    let output = output(method);
    let unsafety = match &sig.safety {
        syn::Safety::Unsafe(token) => Some(token),
        _ => None,
    };
    let abi = &sig.abi;
    // Lifetimes are left to inference (late-bound ones cannot be named), and
    // `impl Trait` arguments forbid an explicit turbofish.
    let turbofish_args: Vec<TokenStream> = generics
        .params
        .iter()
        .filter_map(|param| match param {
            GenericParam::Type(param) => Some(param.ident.to_token_stream()),
            GenericParam::Const(param) => Some(param.ident.to_token_stream()),
            GenericParam::Lifetime(_) => None,
        })
        .collect();
    let impl_trait_arg = sig.inputs.iter().any(|arg| match arg {
        FnArg::Typed(arg) => has_impl_trait(arg.ty.to_token_stream()),
        FnArg::Receiver(_) => false,
    });
    let turbofish = if turbofish_args.is_empty() || impl_trait_arg {
        TokenStream::new()
    } else {
        quote!(::<#(#turbofish_args),*>)
    };
    let target_as_trait = &ctx.target_as_trait;
    let call = quote!(#target_as_trait::#name #turbofish(#realized #(, #names)*));
    let body = match unsafety {
        Some(_) => quote!(unsafe { #call }),
        None => call,
    };
    let params = &generics.params;
    let generics = if params.is_empty() {
        TokenStream::new()
    } else {
        quote!(<#params>)
    };
    quote! {
        #attrs
        #[inline]
        #unsafety #abi fn #name #generics(#(#decls),*) #output #where_clause {
            #body
        }
    }
}

/// A method listed in `except(...)`: call the wrapper's inherent method. The
/// whole forwarder carries the span of the user's name in `except(...)`, so a
/// missing inherent method (which would make the call recurse) is a compile
/// error pointing there.
fn inherent_forwarder(method: &Method, except: &Ident) -> TokenStream {
    let span = except.span();
    let sig = &method.item.sig;
    let attrs = carried_attrs(&method.item.attrs);
    let self_token = Ident::new("self", Span::mixed_site());
    let receiver = method.receiver.as_ref().map(|kind| match kind {
        ReceiverKind::ByRef(lifetime) => quote!(&#lifetime #self_token),
        ReceiverKind::ByMutRef(lifetime) => quote!(&#lifetime mut #self_token),
        ReceiverKind::ByValue => quote!(#self_token),
        ReceiverKind::BoxSelf => quote!(#self_token: ::lazy_core::__private::Box<Self>),
        ReceiverKind::Other(ty) => quote!(#self_token: #ty),
    });
    let self_arg = method.receiver.as_ref().map(|_| quote!(#self_token,));
    let Params { decls, names } = params(method, receiver);
    let generics = &sig.generics;
    let params = &generics.params;
    let generics_decl = if params.is_empty() {
        TokenStream::new()
    } else {
        quote!(<#params>)
    };
    let where_clause = &generics.where_clause;
    let output = output(method);
    let unsafety = match &sig.safety {
        syn::Safety::Unsafe(token) => Some(token),
        _ => None,
    };
    let abi = &sig.abi;
    let call = quote_spanned!(span=> Self::#except(#self_arg #(#names),*));
    let body = match unsafety {
        Some(_) => quote_spanned!(span=> unsafe { #call }),
        None => call,
    };
    quote_spanned! {span=>
        #attrs
        #[inline]
        #[deny(unconditional_recursion)]
        #unsafety #abi fn #except #generics_decl(#(#decls),*) #output #where_clause {
            #body
        }
    }
}

/// `impl Realize for Wrapper` through the `#[realize]` field.
fn realize_impl(wrapper: &Wrapper, field: &RealizeField) -> TokenStream {
    let ident = &wrapper.input.ident;
    let (impl_generics, ty_generics, where_clause) = wrapper.input.generics.split_for_impl();
    let predicates = where_clause
        .into_iter()
        .flat_map(|clause| &clause.predicates);
    let ty = &field.ty;
    let member = &field.member;
    let (target, bound, realize) = match field.deref {
        None => (
            quote!(<#ty as ::lazy_core::Realize>::Target),
            TokenStream::new(),
            quote!(::lazy_core::Realize::realize(&self.#member)),
        ),
        Some(_) => (
            quote!(<<#ty as ::lazy_core::Realize>::Target as ::core::ops::Deref>::Target),
            quote!(<#ty as ::lazy_core::Realize>::Target: ::core::ops::Deref,),
            quote!(::core::ops::Deref::deref(::lazy_core::Realize::realize(&self.#member))),
        ),
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics ::lazy_core::Realize for #ident #ty_generics
        where
            #(#predicates,)*
            #ty: ::lazy_core::Realize,
            #bound
        {
            type Target = #target;
            #[inline]
            fn realize(&self) -> &Self::Target {
                #realize
            }
        }
    }
}

fn realize_mut_impl(wrapper: &Wrapper, field: &RealizeField) -> TokenStream {
    let ident = &wrapper.input.ident;
    let (impl_generics, ty_generics, where_clause) = wrapper.input.generics.split_for_impl();
    let predicates = where_clause
        .into_iter()
        .flat_map(|clause| &clause.predicates);
    let ty = &field.ty;
    let member = &field.member;
    let (bound, realize_mut) = match field.deref {
        None => (
            TokenStream::new(),
            quote!(::lazy_core::RealizeMut::realize_mut(&mut self.#member)),
        ),
        Some(_) => (
            quote!(<#ty as ::lazy_core::Realize>::Target: ::core::ops::DerefMut,),
            quote!(::core::ops::DerefMut::deref_mut(
                ::lazy_core::RealizeMut::realize_mut(&mut self.#member)
            )),
        ),
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics ::lazy_core::RealizeMut for #ident #ty_generics
        where
            #(#predicates,)*
            #ty: ::lazy_core::RealizeMut,
            #bound
        {
            #[inline]
            fn realize_mut(&mut self) -> &mut Self::Target {
                #realize_mut
            }
        }
    }
}

fn realize_into_impl(wrapper: &Wrapper, field: &RealizeField) -> TokenStream {
    let ident = &wrapper.input.ident;
    let (impl_generics, ty_generics, where_clause) = wrapper.input.generics.split_for_impl();
    let predicates = where_clause
        .into_iter()
        .flat_map(|clause| &clause.predicates);
    let ty = &field.ty;
    let member = &field.member;
    quote! {
        #[automatically_derived]
        impl #impl_generics ::lazy_core::RealizeInto for #ident #ty_generics
        where
            #(#predicates,)*
            #ty: ::lazy_core::RealizeInto,
        {
            #[inline]
            fn into_realized(self) -> Self::Target
            where
                Self::Target: ::core::marker::Sized,
            {
                ::lazy_core::RealizeInto::into_realized(self.#member)
            }
        }
    }
}
