//! What is written for a method that cannot be forwarded: a stub with the
//! trait's signature whose body is the error, so that the impl stays complete
//! and the user sees that one error, not one more per missing method.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use syn::{Attribute, Error, FnArg, WherePredicate};

use crate::method::Method;
use crate::method::{Params, params};

/// The `#[cfg(...)]` attributes of a trait item.
fn cfg_attrs(attrs: &[Attribute]) -> Vec<&Attribute> {
    attrs
        .iter()
        .filter(|attr| attr.path().is_ident("cfg"))
        .collect()
}

pub fn stub(method: &Method, error: Error) -> TokenStream {
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
    // The error is the body: its type is rustc's error type, which matches
    // any return type (`impl Iterator`, `Self`, ...) without one more error.
    let error = error.into_compile_error();
    quote! {
        #(#cfgs)*
        #asyncness #safety #abi fn #name #generics(#(#decls),*) #output #where_clause {
            #error
        }
    }
}
