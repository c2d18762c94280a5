//! What is written for a method that cannot be forwarded, beside its error:
//! a stub with the trait's signature, so that the impl stays complete and the
//! user sees one error, not one more per missing method.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use syn::{Attribute, FnArg, WherePredicate};

use crate::expand::{ImplContext, Params, params};
use crate::method::{Method, has_impl_trait};
use crate::tokens::mentions_bare_self;

/// The `#[cfg(...)]` attributes of a trait item.
pub fn cfg_attrs(attrs: &[Attribute]) -> Vec<&Attribute> {
    attrs
        .iter()
        .filter(|attr| attr.path().is_ident("cfg"))
        .collect()
}

pub fn stub(ctx: &ImplContext, method: &Method) -> TokenStream {
    let sig = &method.item.sig;
    let cfgs = cfg_attrs(&method.item.attrs);
    let receiver = sig.inputs.iter().find_map(|arg| match arg {
        FnArg::Receiver(receiver) => Some(receiver.to_token_stream()),
        FnArg::Typed(_) => None,
    });
    let Params { decls, .. } = params(method, receiver);
    let asyncness = &sig.asyncness;
    let safety = &sig.safety;
    let abi = &sig.abi;
    let name = &sig.ident;
    let generics = &sig.generics;
    // `Self: Bound` predicates are dropped (an impl may require less than the
    // trait): on the concrete wrapper they could be trivially false, which
    // would be one more error.
    let predicates = generics
        .where_clause
        .iter()
        .flat_map(|clause| &clause.predicates)
        .filter(|predicate| match predicate {
            WherePredicate::Type(predicate) => {
                predicate.bounded_ty.to_token_stream().to_string() != "Self"
            }
            _ => true,
        });
    let predicates: Vec<&WherePredicate> = predicates.collect();
    let where_clause = if predicates.is_empty() {
        TokenStream::new()
    } else {
        quote!(where #(#predicates,)*)
    };
    let params = &generics.params;
    let generics = if params.is_empty() {
        TokenStream::new()
    } else {
        quote!(<#params>)
    };
    let output = &sig.output;
    let unreachable = quote!(::core::unreachable!(
        "not forwarded: see the compile error on `#[realize_forward]`"
    ));
    // `unreachable!()` is `!`, which implements no trait: a stub returning
    // `impl Trait` takes a value of the right opaque type from the target's
    // own method (called with `!` arguments: never run).
    // Only where `Self` (the wrapper) appears nowhere else: the target's
    // method would not match the stub's signature.
    let typed_self = sig.inputs.iter().any(|arg| match arg {
        FnArg::Typed(arg) => mentions_bare_self(arg.ty.to_token_stream()),
        FnArg::Receiver(_) => false,
    }) || mentions_bare_self(output.to_token_stream())
        || mentions_bare_self(sig.generics.to_token_stream())
        || mentions_bare_self(sig.generics.where_clause.to_token_stream());
    let (allow, body) =
        if sig.asyncness.is_none() && !typed_self && has_impl_trait(output.to_token_stream()) {
            let target_as_trait = &ctx.target_as_trait;
            let impl_trait_arg = sig.inputs.iter().any(|arg| match arg {
                FnArg::Typed(arg) => has_impl_trait(arg.ty.to_token_stream()),
                FnArg::Receiver(_) => false,
            });
            let turbofish_args: Vec<TokenStream> = sig
                .generics
                .params
                .iter()
                .filter_map(|param| match param {
                    syn::GenericParam::Type(param) => Some(param.ident.to_token_stream()),
                    syn::GenericParam::Const(param) => Some(param.ident.to_token_stream()),
                    syn::GenericParam::Lifetime(_) => None,
                })
                .collect();
            let turbofish = if turbofish_args.is_empty() || impl_trait_arg {
                TokenStream::new()
            } else {
                quote!(::<#(#turbofish_args),*>)
            };
            let args = sig.inputs.iter().map(|_| &unreachable);
            (
                quote!(#[allow(unreachable_code)]),
                quote!(#target_as_trait::#name #turbofish(#(#args),*)),
            )
        } else {
            (TokenStream::new(), unreachable.clone())
        };
    quote! {
        #(#cfgs)*
        #allow
        #asyncness #safety #abi fn #name #generics(#(#decls),*) #output #where_clause {
            #body
        }
    }
}
