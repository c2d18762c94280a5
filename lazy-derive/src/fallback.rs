//! What is written for a method that cannot be forwarded, beside its error:
//! a stub with the trait's signature, so that the impl stays complete and the
//! user sees one error, not one more per missing method.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use syn::{FnArg, WherePredicate};

use crate::expand::{Params, params};
use crate::method::Method;

pub fn stub(method: &Method) -> TokenStream {
    let sig = &method.item.sig;
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
    let where_clause = quote!(where #(#predicates,)*);
    let params = &generics.params;
    let generics = if params.is_empty() {
        TokenStream::new()
    } else {
        quote!(<#params>)
    };
    let output = &sig.output;
    quote! {
        #asyncness #safety #abi fn #name #generics(#(#decls),*) #output #where_clause {
            ::core::unreachable!("not forwarded: see the compile error on `#[realize_forward]`")
        }
    }
}
