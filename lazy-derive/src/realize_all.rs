//! `#[derive(RealizeAll)]`: walk every field that can hold a lazy.
//!
//! Each field is walked with `::lazy_core::RealizeAll::realize_all`, unless
//! it is marked `#[realize_all(skip)]` (Dynamo's `_nonvar_fields`). Leaf types
//! of std (numbers, `bool`, `String`, …) implement `RealizeAll` as a no-op in
//! lazy-core, so they need no mark; any other field type without the trait is
//! an error at that field's type that says to implement it or skip the field.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident};
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Error, Fields, Ident, Member, Result, Type};

use crate::errors::Errors;
use crate::punct;
use crate::template;
use crate::tokens;

/// `#[derive(RealizeAll)]`.
pub fn derive(input: TokenStream) -> TokenStream {
    match derive_impl(input) {
        Ok(tokens) => tokens,
        Err(err) => crate::errors::compile_error(err),
    }
}

/// A field that the walk visits.
struct Walked<'a> {
    member: Member,
    ty: &'a Type,
}

/// The fields of one struct or enum variant, with their skip marks checked.
struct Shape<'a> {
    fields: &'a Fields,
    walked: Vec<Walked<'a>>,
}

fn derive_impl(input: TokenStream) -> Result<TokenStream> {
    let mut input: DeriveInput = syn::parse2(input)?;
    crate::input::quiet_deprecated(&mut input);
    let mut errors = Errors::default();
    for attr in &input.attrs {
        if attr.path().is_ident("realize_all") {
            errors.push(Error::new_spanned(
                attr,
                "`#[realize_all(...)]` goes on fields, not on the type: \
                 mark a field `#[realize_all(skip)]` to leave it out of the walk",
            ));
        }
    }

    // `#[realize_all[skip]]`: read as meant, the impl is written beside
    // the error, so that the walk's uses add none.
    let mut delimiters = Errors::default();
    let fields = crate::input::all_fields(&input);
    for field in &fields {
        for attr in &field.attrs {
            if attr.path().is_ident("realize_all")
                && let Some(err) = crate::input::not_in_parentheses(attr)
            {
                delimiters.push(err);
            }
        }
    }

    let mut shapes = Vec::new();
    match &input.data {
        Data::Struct(data) => shapes.push((None, shape(&data.fields, &mut errors))),
        Data::Enum(data) => {
            for variant in punct::values(&data.variants) {
                // `#[realize_all(skip)]` on a variant: its fields are left
                // out, as meant, beside the error (as a field whose mark is
                // wrong is).
                let mut skipped = false;
                for attr in &variant.attrs {
                    if attr.path().is_ident("realize_all") {
                        skipped = true;
                        errors.push(Error::new_spanned(
                            attr,
                            "`#[realize_all(...)]` goes on fields, not on variants: \
                             mark each field to leave out `#[realize_all(skip)]`",
                        ));
                    }
                }
                let mut shape = shape(&variant.fields, &mut errors);
                if skipped {
                    shape.walked.clear();
                }
                shapes.push((Some(&variant.ident), shape));
            }
        }
        Data::Union(data) => errors.push(Error::new(
            data.union_token.span,
            "`RealizeAll` cannot be derived for a union: the walk cannot know which \
             field is live; implement `lazy_core::RealizeAll` by hand",
        )),
    }
    // A packed struct's field may be unaligned: the walk's `&` to it is
    // rustc's E0793 at the derive, whose help (copy the field to a local)
    // is no fix. One error at `packed`; the impl walks nothing.
    if let Some(packed) = crate::input::packed_repr(&input.attrs) {
        errors.push(Error::new(
            packed.span(),
            "`#[derive(RealizeAll)]` walks each field by reference, which a `#[repr(packed)]` type cannot lend (a packed field may be unaligned, E0793): remove `packed`",
        ));
        for (_, shape) in &mut shapes {
            shape.walked.clear();
        }
    }
    // A union has no walk to write. Every other mistake has decided what
    // its field does (skipped, or walked as if unmarked): the impl is
    // written beside the errors, so that the walk's uses add none.
    if let Data::Union(_) = input.data {
        let delimiters = delimiters.into_compile_errors();
        let errors = errors.into_compile_errors();
        return Ok(template::tokens("#0 #1", &[&delimiters, &errors]));
    }

    let name = &input.ident;
    let body = match &input.data {
        Data::Struct(_) => {
            let (_, shape) = &shapes[0];
            let mut calls = TokenStream::new();
            for field in &shape.walked {
                let member = &field.member;
                calls.extend(call(field.ty, template::tokens("&self.#0", &[&member])));
            }
            scoped(shape.walked.len(), calls)
        }
        _ => {
            let mut arms = Vec::with_capacity(shapes.len());
            for (variant, shape) in &shapes {
                let variant = match variant {
                    Some(ident) => Some(template::tokens("::#0", &[&ident])),
                    None => None,
                };
                // Tuple variants are matched with braces too (`V { 0: __0, .. }`).
                let mut fields = TokenStream::new();
                let mut calls = TokenStream::new();
                for field in &shape.walked {
                    let member = &field.member;
                    let binding = binding(member);
                    template::append(&mut fields, "#0: #1,", &[&member, &binding]);
                    calls.extend(call(field.ty, binding.to_token_stream()));
                }
                let pattern = match shape.fields {
                    Fields::Named(_) | Fields::Unnamed(_) => {
                        template::tokens("Self #0 { #1 .. }", &[&variant, &fields])
                    }
                    Fields::Unit => template::tokens("Self #0", &[&variant]),
                };
                let walk = scoped(shape.walked.len(), calls);
                arms.push(template::tokens("#0 => { #1 }", &[&pattern, &walk]));
            }
            if arms.is_empty() {
                // An enum without variants has no value to walk.
                template::tokens("match *self {}", &[])
            } else {
                template::tokens("match self { #0 }", &[&template::joined(&arms, "")])
            }
        }
    };

    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let mut type_params: Vec<&Ident> = Vec::new();
    for param in input.generics.type_params() {
        type_params.push(&param.ident);
    }
    let mut predicates: Vec<TokenStream> = Vec::new();
    if let Some(clause) = where_clause {
        for predicate in punct::values(&clause.predicates) {
            predicates.push(predicate.to_token_stream());
        }
    }
    // A field that mentions the type itself (`Box<Expr<T>>` in `Expr<T>`)
    // gets no bound: it would ask for the impl being defined, which rustc
    // cannot prove. The other bounds already make it hold.
    let mut bounded: Vec<String> = Vec::new();
    for (_, shape) in &shapes {
        for field in &shape.walked {
            let ty = field.ty;
            let key = ty.to_token_stream().to_string();
            if mentions_any(ty.to_token_stream(), &type_params)
                && !mentions_itself(ty.to_token_stream(), name)
                && !bounded.contains(&key)
            {
                predicates.push(template::tokens("#0: ::lazy_core::RealizeAll", &[&ty]));
                bounded.push(key);
            }
        }
    }
    let where_clause = if predicates.is_empty() {
        TokenStream::new()
    } else {
        template::tokens("where #0", &[&template::each(&predicates, "#0,")])
    };

    // The user's `allow`s on the type and its fields: the bounds copy the
    // fields' types.
    let lints = crate::input::allowed_lints(&input);
    let delimiters = delimiters.into_compile_errors();
    let errors = errors.into_compile_errors();
    Ok(template::tokens(
        "#0 #1
        #2
        #[automatically_derived]
        impl #3 ::lazy_core::RealizeAll for #4 #5 #6 {
            fn realize_all(&self) {
                #7
            }
        }",
        &[
            &delimiters,
            &errors,
            &lints,
            &impl_generics,
            &name,
            &ty_generics,
            &where_clause,
            &body,
        ],
    ))
}

/// `#[realize(skip)]`: the error that names `#[realize_all(skip)]`, the same
/// as `#[derive(RealizeForward)]` writes when both derives read the field.
fn realize_skip(attr: &syn::Attribute) -> Option<Error> {
    let syn::Meta::List(list) = &attr.meta else {
        return None;
    };
    let args = list
        .parse_args_with(syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated)
        .ok()?;
    for meta in punct::values(&args) {
        if meta.path().is_ident("skip") {
            return Some(Error::new_spanned(
                meta.path(),
                "`#[realize]` has no `skip`: to leave a field out of `#[derive(RealizeAll)]`'s walk, write `#[realize_all(skip)]`",
            ));
        }
    }
    None
}

/// Reads the fields and their `#[realize_all(skip)]` marks.
fn shape<'a>(fields: &'a Fields, errors: &mut Errors) -> Shape<'a> {
    let mut walked = Vec::new();
    let mut next_index = 0usize;
    for field in fields.iter() {
        let index = next_index;
        next_index += 1;
        let mut skip = false;
        // A `#[realize_all...]` that is wrong still says to leave the field
        // out (`skip` is its only option): skipped, so that the one error is
        // the attribute's, not one more for a field type without the walk.
        let mut marked = false;
        for attr in &field.attrs {
            if attr.path().is_ident("realize") {
                // `#[realize(skip)]` for `#[realize_all(skip)]`: the field is
                // still skipped, so the one error is this one. The other
                // forms belong to `#[derive(RealizeForward)]`.
                if let Some(err) = realize_skip(attr) {
                    skip = true;
                    errors.push(err);
                }
                continue;
            }
            if !attr.path().is_ident("realize_all") {
                // `#[realise_all(skip)]`, `#[lazy_core::realize_all(skip)]`:
                // read as meant, the field left out (skip is the only
                // option), so the error is at the name (with rustc's own
                // there), not one more at a field type without the walk.
                if let Some(err) = crate::errors::misspelled_attr(attr, "realize_all", 2) {
                    skip = true;
                    errors.push(err);
                }
                continue;
            }
            marked = true;
            if let syn::Meta::Path(_) = attr.meta {
                errors.push(Error::new_spanned(
                    attr,
                    "`#[realize_all]` needs an option: write `#[realize_all(skip)]` \
                     to leave this field out of the walk",
                ));
                continue;
            }
            // `#[realize_all = "skip"]`, `#[realize_all("skip")]`: the
            // option in a string, with the error that says how to write it.
            if let Some(written) = quoted_option(&attr.meta) {
                errors.push(Error::new_spanned(
                    written,
                    "`#[realize_all(...)]` takes its option as a word in parentheses, \
                     without quotes: `#[realize_all(skip)]`",
                ));
                continue;
            }
            let parsed = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("skip") {
                    if skip {
                        return Err(meta.error("`skip` is given twice; once is enough"));
                    }
                    skip = true;
                    if meta.input.is_empty() || meta.input.peek(syn::Token![,]) {
                        Ok(())
                    } else {
                        // Still skipped: the one error is this one.
                        Err(meta.error("`skip` takes no value: write `#[realize_all(skip)]`"))
                    }
                } else {
                    Err(meta.error(
                        "unknown `realize_all` option: the only option is `skip`, \
                         as in `#[realize_all(skip)]`",
                    ))
                }
            });
            if let Err(err) = parsed {
                errors.push(err);
            } else if !skip {
                errors.push(Error::new_spanned(
                    attr,
                    "`#[realize_all(...)]` needs an option: write `#[realize_all(skip)]` \
                     to leave this field out of the walk",
                ));
            }
        }
        // `impl Trait` in a field is rustc's error (E0562); the walk's call
        // would repeat it ("not allowed in paths"), so the field is left out.
        let impl_trait = crate::variants::impl_trait_in(&field.ty).is_some();
        if !skip && !marked && !impl_trait {
            let member = match &field.ident {
                Some(ident) => Member::Named(ident.clone()),
                None => Member::Unnamed(syn::Index {
                    index: u32::try_from(index).unwrap_or(u32::MAX),
                    span: field.ty.span(),
                }),
            };
            walked.push(Walked {
                member,
                ty: &field.ty,
            });
        }
    }
    Shape { fields, walked }
}

/// The string of `#[realize_all = "skip"]` or `#[realize_all("skip")]`: the
/// tokens from `=`, or the literal.
fn quoted_option(meta: &syn::Meta) -> Option<TokenStream> {
    match meta {
        syn::Meta::NameValue(value) => {
            let mut written = value.eq_token.to_token_stream();
            value.value.to_tokens(&mut written);
            Some(written)
        }
        syn::Meta::List(list) => match syn::parse2::<syn::LitStr>(list.tokens.clone()) {
            Ok(literal) => Some(literal.to_token_stream()),
            Err(_) => None,
        },
        syn::Meta::Path(_) => None,
    }
}

/// One field's walk, spanned at its type so that a type without `RealizeAll`
/// is reported there.
fn call(ty: &Type, place: TokenStream) -> TokenStream {
    template::spanned(
        crate::tokens::in_macro_edition_at(ty.span()),
        "<#0 as ::lazy_core::RealizeAll>::realize_all(#1);",
        &[&ty, &place],
    )
}

/// Several fields share one walk, so that a node they share is walked once.
fn scoped(walked: usize, calls: TokenStream) -> TokenStream {
    if walked > 1 {
        template::tokens("::lazy_core::realize_all_scope(|| { #0 });", &[&calls])
    } else {
        calls
    }
}

/// The name a variant's field is bound to in the match.
fn binding(member: &Member) -> Ident {
    match member {
        Member::Named(ident) => format_ident!("__{}", ident, span = Span::mixed_site()),
        Member::Unnamed(index) => format_ident!("__{}", index.index, span = Span::mixed_site()),
    }
}

/// Whether `tokens` name the type being derived: `Self`, or its name alone
/// or after `self::` (`Box<Expr<T>>`), not a type of that name in another
/// module (`raw::Frame<T>` in a `Frame<T>`), which needs its bound.
fn mentions_itself(tokens: TokenStream, name: &Ident) -> bool {
    let trees: Vec<proc_macro2::TokenTree> = tokens.into_iter().collect();
    for at in 0..trees.len() {
        let tree = &trees[at];
        match tree {
            proc_macro2::TokenTree::Group(group) if mentions_itself(group.stream(), name) => {
                return true;
            }
            proc_macro2::TokenTree::Ident(ident) if ident == "Self" => return true,
            proc_macro2::TokenTree::Ident(ident) if ident == name => {
                // `a::Name`: the two `:` before it, and what they follow.
                let after_path = at >= 2
                    && matches!(&trees[at - 1], proc_macro2::TokenTree::Punct(p) if p.as_char() == ':')
                    && matches!(&trees[at - 2], proc_macro2::TokenTree::Punct(p) if p.as_char() == ':');
                let from_self = at >= 3
                    && matches!(&trees[at - 3], proc_macro2::TokenTree::Ident(head) if head == "self");
                if !after_path || from_self {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// Whether `tokens` name one of the type parameters.
fn mentions_any(tokens: TokenStream, params: &[&Ident]) -> bool {
    tokens::mentions(tokens, &|ident| params.contains(&ident))
}
