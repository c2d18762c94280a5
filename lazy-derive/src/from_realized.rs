//! `#[derive(FromRealized)]`: a wrapper that is its target's field alone is
//! built back from a target by holding it.

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::{Data, DeriveInput, Error, Result};

use crate::errors::Errors;
use crate::input::{has_attr, realize_field};
use crate::template;

/// `#[derive(FromRealized)]`.
pub fn derive(input: TokenStream) -> TokenStream {
    let mut input: DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(err) => return crate::errors::compile_error(err),
    };
    crate::input::quiet_deprecated(&mut input);
    match derive_impl(&mut input) {
        Ok(tokens) => tokens,
        Err(err) => {
            let mut tokens = crate::errors::compile_error(err);
            tokens.extend(fallback(&input));
            tokens
        }
    }
}

/// Beside an error, an impl from any target whose body is never compiled
/// to run (the crate does not build): the wrapper's forwarded methods that
/// return `Self` would otherwise each be one more error, that the wrapper
/// is not `FromRealized`, where this derive's error already says why.
fn fallback(input: &DeriveInput) -> TokenStream {
    let ident = &input.ident;
    let target = syn::Ident::new("__LazyTarget", proc_macro2::Span::call_site());
    let mut params = Vec::new();
    for param in &input.generics.params {
        params.push(match param {
            syn::GenericParam::Lifetime(param) => param.to_token_stream(),
            syn::GenericParam::Type(param) => crate::generics::without_default(param),
            syn::GenericParam::Const(param) => crate::generics::const_without_default(param),
        });
    }
    let (_, ty_generics, where_clause) = input.generics.split_for_impl();
    template::tokens(
        "#[automatically_derived]
        impl<#0 #1> ::lazy_core::FromRealized<#1> for #2 #3 #4 {
            fn from_realized(_: #1) -> Self {
                ::core::unreachable!()
            }
        }",
        &[
            &template::each(&params, "#0,"),
            &target,
            &ident,
            &ty_generics,
            &where_clause,
        ],
    )
}

fn derive_impl(input: &mut DeriveInput) -> Result<TokenStream> {
    let mut errors = Errors::default();
    // `#[realize]` on the type, read as `#[derive(RealizeForward)]` reads it
    // (the same error, which rustc shows once for both derives).
    if matches!(input.data, Data::Struct(_))
        && crate::input::realize_on_the_type(input, &mut errors)
    {
        return errors.or_ok(TokenStream::new());
    }
    let ident = &input.ident;
    let fields = match &input.data {
        Data::Struct(data) => &data.fields,
        Data::Enum(_) | Data::Union(_) => {
            return Err(Error::new(
                ident.span(),
                "`#[derive(FromRealized)]` works on a struct whose one field is its target; for an enum or a union, implement `lazy_core::FromRealized` by hand",
            ));
        }
    };
    if fields.is_empty() {
        return Err(Error::new(
            ident.span(),
            format!(
                "`#[derive(FromRealized)]` builds `{ident}` around its target, which needs a field for it, marked `#[realize(plain)]` or `#[realize]`; `{ident}` has none"
            ),
        ));
    }
    let mut marks = 0;
    for field in fields.iter() {
        marks += usize::from(has_attr(&field.attrs, "realize"));
    }
    if fields.len() != 1 && marks > 1 {
        // "only one field can be `#[realize]`", as from the other derive.
        realize_field(input, &mut errors);
        return errors.or_ok(TokenStream::new());
    }
    if fields.len() != 1 {
        return Err(Error::new(
            ident.span(),
            format!(
                "`#[derive(FromRealized)]` needs `{ident}` to have one field, the one marked `#[realize(plain)]` or `#[realize]`: a new wrapper could not know what its other fields hold; implement `lazy_core::FromRealized` by hand"
            ),
        ));
    }
    let marked = marks > 0;
    let ident = ident.clone();
    // Mistakes in `#[realize(..)]` are reported here as by
    // `#[derive(RealizeForward)]`, which reads the field the same way: the
    // same message at the same token, which rustc shows once when both
    // derives are on the wrapper. Without them, this derive alone would take
    // the field for what it is not, and say nothing.
    let Some(field) = realize_field(input, &mut errors) else {
        if marked {
            // A `#[realize]` that does not work: its error is the one.
            return errors.or_ok(TokenStream::new());
        }
        return Err(Error::new(
            ident.span(),
            "`#[derive(FromRealized)]` builds the wrapper around its target: mark its field `#[realize(plain)]` (the field is the target) or `#[realize]` (a lazy, built back already realized)",
        ));
    };
    if let Some(deref) = field.deref {
        let what = if field.plain.is_some() {
            "the field back from what it derefs to"
        } else {
            "a lazy back from what its value derefs to"
        };
        errors.push(Error::new(
            deref,
            format!(
                "`#[derive(FromRealized)]` cannot build {what}; implement `lazy_core::FromRealized` by hand"
            ),
        ));
        return errors.or_ok(TokenStream::new());
    }
    let ty = &field.ty;
    // A plain field is the target itself, whatever pointer it is: no lazy
    // in it to share.
    if let (None, Some(shared)) = (field.plain, shared_pointer(ty)) {
        errors.push(Error::new_spanned(
            ty,
            format!(
                "`#[derive(FromRealized)]` cannot build a new {shared} around a target: the lazy it points to is shared; implement `lazy_core::FromRealized` by hand (a new wrapper could hold, for instance, a fresh lazy of the target)"
            ),
        ));
        return errors.or_ok(TokenStream::new());
    }
    let member = &field.member;
    let (target, value) = if field.plain.is_some() {
        (ty.to_token_stream(), template::tokens("__target", &[]))
    } else {
        // Through the field type's own `FromRealized`: a `Lazy` holds the
        // target, a `Box` of one boxes that; a field type without one
        // (`Rc<Lazy<T>>`, `&Lazy<T>`) is an error at its type.
        let target = template::tokens("<#0 as ::lazy_core::Realize>::Target", &[&ty]);
        let value = template::spanned(
            crate::tokens::first_span(ty),
            "<#0 as ::lazy_core::FromRealized<#1>>::from_realized(__target)",
            &[&ty, &target],
        );
        (target, value)
    };
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    // A lazy whose seed is a parameter (`Lazy<T, S>` in `W<S>`): the impl
    // holds where `S` is a seed, as `#[derive(RealizeForward)]`'s do.
    let seed = match field.plain {
        Some(_) => None,
        None => crate::input::lazy_seed_param(ty, &input.generics),
    };
    let where_clause = match (seed, where_clause) {
        (None, where_clause) => where_clause.to_token_stream(),
        (Some((value, seed)), _) => {
            let predicates = crate::expand::where_predicates(&input.generics);
            template::tokens(
                "where #0 #1: ::lazy_core::Seed<Output = #2>,",
                &[&template::each(&predicates, "#0,"), &seed, &value],
            )
        }
    };
    // The user's `allow`s on the struct and its fields: the impl copies the
    // field's type.
    let lints = crate::input::allowed_lints(input);
    // After a mistake that still says the flags (`plian`), the impl is
    // written as for them, beside the error.
    let errors = errors.into_compile_errors();
    Ok(template::tokens(
        "#0
        #1
        #[automatically_derived]
        impl #2 ::lazy_core::FromRealized<#3> for #4 #5 #6 {
            #[inline]
            fn from_realized(__target: #3) -> Self {
                Self { #7: #8 }
            }
        }",
        &[
            &errors,
            &lints,
            &impl_generics,
            &target,
            &ident,
            &ty_generics,
            &where_clause,
            &member,
            &value,
        ],
    ))
}

/// A field type that shares its lazy, as it is written: a reference, or a
/// path that ends in `Rc` or `Arc`. Other types without a `FromRealized`
/// are rustc's error at the type.
fn shared_pointer(ty: &syn::Type) -> Option<String> {
    match crate::input::unparenthesized(ty) {
        syn::Type::Reference(_) => Some("reference".to_string()),
        syn::Type::Path(path) if path.qself.is_none() => {
            let last = path.path.segments.last()?;
            match last.ident == "Rc" || last.ident == "Arc" {
                true => Some(format!("`{}`", last.ident)),
                false => None,
            }
        }
        _ => None,
    }
}
