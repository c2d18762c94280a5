//! What is written for a method that cannot be forwarded: a stub with the
//! trait's signature whose body is the error, so that the impl stays complete
//! and the user sees that one error, not one more per missing method.

use crate::syntax::FnArg;
use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::{Error, WherePredicate};

use crate::method::{Method, Params, cfg_attrs, params};
use crate::punct;
use crate::template;

pub fn stub(method: &Method, error: Error) -> TokenStream {
    let sig = &method.item.sig;
    let cfgs = cfg_attrs(&method.item.attrs);
    let mut receiver = None;
    for arg in punct::values(&sig.inputs) {
        if let FnArg::Receiver(first) = arg {
            receiver = Some(first.to_token_stream());
            break;
        }
    }
    let Params { decls, .. } = params(method, receiver);
    let asyncness = &sig.asyncness;
    let safety = &sig.safety;
    let abi = crate::method::ExplicitAbi::of(&sig.abi);
    let name = &sig.ident;
    let generics = &sig.generics;
    // Predicates on `Self` are dropped (an impl may require less than the
    // trait): on the concrete wrapper they could be trivially false, which
    // would be one more error.
    let mut predicates = Vec::new();
    // The method's own parameters: a predicate that names one may be what
    // the signature needs to be well-formed (`<Box<Self> as Tr<T>>::Out`
    // where `Box<Self>: Tr<T>`), and is never trivially false.
    let own_params = crate::generics::param_names(generics);
    if let Some(clause) = &generics.where_clause {
        for predicate in punct::values(&clause.predicates) {
            // `Self: Clone`, `Box<Self>: Debug`.
            let on_self = matches!(predicate, WherePredicate::Type(predicate)
            if crate::tokens::mentions_bare_self(predicate.bounded_ty.to_token_stream())
                && !crate::tokens::mentions(predicate.to_token_stream(), &|ident| {
                    crate::tokens::is_named(ident, &own_params)
                }));
            if !on_self {
                predicates.push(predicate);
            }
        }
    }
    let where_clause = if predicates.is_empty() {
        TokenStream::new()
    } else {
        template::tokens("where #0", &[&template::each(&predicates, "#0,")])
    };
    let params = &generics.params;
    let generics = if params.is_empty() {
        TokenStream::new()
    } else {
        template::tokens("<#0>", &[&params])
    };
    let output = &sig.output;
    // The error is the body: its type is rustc's error type, which matches
    // any return type (`impl Iterator`, `Self`, ...) without one more error.
    let error = crate::errors::compile_error(error);
    template::tokens(
        "#0 #1 #2 #3 fn #4 #5(#6) #7 #8 { #9 }",
        &[
            &template::joined(&cfgs, ""),
            &asyncness,
            &safety,
            &abi,
            &name,
            &generics,
            &template::joined(&decls, ","),
            &output,
            &where_clause,
            &error,
        ],
    )
}
