//! What is written for a method that cannot be forwarded, beside its error:
//! a stub with the trait's signature, so that the impl stays complete and the
//! user sees one error, not one more per missing method.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use syn::FnArg;

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
    let where_clause = &generics.where_clause;
    let output = &sig.output;
    quote! {
        #asyncness #safety #abi fn #name #generics(#(#decls),*) #output #where_clause {
            ::core::unreachable!("not forwarded: see the compile error on `#[realize_forward]`")
        }
    }
}
