//! The trait's generic parameters in the impl: kept generic (renamed where
//! they clash with the wrapper's) or replaced by the arguments written in
//! `realize_forward(Trait<..>)`.

use crate::syntax::{ItemTrait, TraitItem};
use proc_macro2::{Delimiter, Group, Ident, Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::{
    AttrStyle, Attribute, ConstParam, Error, GenericArgument, GenericParam, Result, Token,
    TypeParam,
};

use crate::errors::Errors;
use crate::input::{TraitRef, Wrapper};
use crate::punct;
use crate::template;
use crate::tokens::{self, Names, Substitution};

/// The pieces of the impl that come from the trait's generics.
pub struct TraitGenerics {
    /// Generic parameters of the impl that come from the trait (the trait was
    /// named without arguments, or without its lifetimes).
    pub lifetimes: Vec<GenericParam>,
    pub others: Vec<GenericParam>,
    /// Predicates of the trait's `where` clause, rewritten for the impl.
    pub predicates: Vec<TokenStream>,
    /// The arguments the impl names the trait with: `<'a, T>`.
    pub args: TokenStream,
    /// The arguments the target's bound and calls name the trait with: the
    /// same, except that a `Self` argument is the target (`PartialEq<Self>`
    /// compares the wrapper with a wrapper, and the target with a target).
    pub target_args: TokenStream,
    /// Trait parameter → what stands for it in the impl.
    pub subst: Substitution,
}

/// A name for a renamed parameter: `__T`, else `__T1`, `__T2`, ... whichever
/// is free in `taken`, which then holds it (`__T` for a raw `r#T` too: no
/// `r#` inside a name).
fn fresh_name(name: &str, taken: &mut Names) -> String {
    let name = tokens::unraw_name(name);
    let mut candidate = format!("__{name}");
    let mut n = 1;
    while taken.contains(&candidate) {
        candidate = format!("__{name}{n}");
        n += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

/// Inserts the names of the parameters of `generics` into `names`.
fn insert_names(generics: &syn::Generics, names: &mut Names) {
    for param in &generics.params {
        names.insert(param_name(param));
    }
}

/// Whether `text` is the name of a type parameter of `generics`.
fn names_a_type_param(generics: &syn::Generics, text: &str) -> bool {
    for param in &generics.params {
        if let GenericParam::Type(param) = param
            && param.ident == text
        {
            return true;
        }
    }
    false
}

/// The names of the type and const parameters of `generics`.
pub fn type_param_names(generics: &syn::Generics) -> Vec<String> {
    let mut params = Vec::new();
    for param in &generics.params {
        if !matches!(param, syn::GenericParam::Lifetime(_)) {
            params.push(param_name(param));
        }
    }
    params
}

/// The names of `generics`' parameters ([`param_name`]).
pub fn param_names(generics: &syn::Generics) -> Vec<String> {
    let mut names = Vec::with_capacity(generics.params.len());
    for param in &generics.params {
        names.push(param_name(param));
    }
    names
}

pub fn param_name(param: &GenericParam) -> String {
    match param {
        GenericParam::Lifetime(param) => param.lifetime.ident.to_string(),
        GenericParam::Type(param) => param.ident.to_string(),
        GenericParam::Const(param) => param.ident.to_string(),
    }
}

/// `target` is the wrapper's target type, which a `Self` argument stands for
/// on the target's side; the trait comes without its items, whose tokens
/// are beside it.
pub fn trait_generics(
    wrapper: &Wrapper,
    trait_ref: &TraitRef,
    (trait_def, items): (&ItemTrait, &TokenStream),
    target: &TokenStream,
    errors: &mut Errors,
) -> Option<TraitGenerics> {
    // The items, read only for a `where` clause that bounds a parameter the
    // trait leaves unbound (`projection_bound`).
    let mut parsed_items = None;
    let span = trait_ref.span();
    let name = trait_ref.name();
    let mut clashing = Names::default();
    insert_names(&wrapper.input.generics, &mut clashing);
    // A new name must be free among the wrapper's and the trait's names.
    let mut taken = clashing.clone();
    insert_names(&trait_def.generics, &mut taken);
    let mut given_lifetimes = Vec::new();
    let mut given_others = Vec::new();
    if let Some(args) = &trait_ref.args {
        for arg in punct::values(&args.args) {
            match arg {
                GenericArgument::Lifetime(_) => given_lifetimes.push(arg),
                _ => given_others.push(arg),
            }
        }
    }
    // A parameter kept generic and named like a type or lifetime the
    // wrapper names (its own name, a field's type: `trait Parser<E>`
    // forwarded by `struct E`; a `for<'de>` in its `where` clause) would
    // shadow it in the impl (`impl<E> Parser<E> for E`): it is renamed as
    // one that clashes with the wrapper's parameters is.
    let mut written = None;
    for param in &trait_def.generics.params {
        let kept = match param {
            GenericParam::Lifetime(_) => given_lifetimes.is_empty(),
            GenericParam::Type(_) | GenericParam::Const(_) => trait_ref.args.is_none(),
        };
        if !kept {
            continue;
        }
        let written = written.get_or_insert_with(|| {
            let mut tokens = wrapper.input.to_token_stream();
            // A struct's `#[realize]` field's type is moved out of `input`.
            if let Some(field) = &wrapper.realize {
                field.ty.to_tokens(&mut tokens);
            }
            tokens
        });
        let key = param_name(param);
        let lifetime = matches!(param, GenericParam::Lifetime(_));
        if tokens::names_unqualified(written.clone(), &key, lifetime) {
            clashing.insert(key);
        }
    }
    let params = &trait_def.generics.params;
    let mut lifetime_count = 0;
    for param in params {
        if let GenericParam::Lifetime(_) = param {
            lifetime_count += 1;
        }
    }
    let other_count = params.len() - lifetime_count;
    if !given_lifetimes.is_empty() && given_lifetimes.len() != lifetime_count {
        errors.push(Error::new(
            span,
            format!(
                "`{name}` has {}, but {} given; {}",
                counted(lifetime_count, "lifetime parameter"),
                are_given(given_lifetimes.len()),
                if lifetime_count == 0 {
                    "remove the lifetime arguments"
                } else {
                    "give all of them or none"
                },
            ),
        ));
        return None;
    }
    if given_others.len() > other_count {
        errors.push(Error::new(
            span,
            format!(
                "`{name}` has {}, but {} given",
                counted(other_count, "type or const parameter"),
                are_given(given_others.len()),
            ),
        ));
        return None;
    }

    let mut out = TraitGenerics {
        lifetimes: Vec::new(),
        others: Vec::new(),
        predicates: Vec::new(),
        args: TokenStream::new(),
        target_args: TokenStream::new(),
        subst: Substitution::default(),
    };
    let mut args = Vec::new();
    let mut target_args = Vec::new();
    // The trait's parameters the impl keeps, as written (a type or const
    // parameter without its default), parsed once substituted.
    let mut lifetimes = Vec::new();
    let mut others = Vec::new();
    let (mut lifetime_index, mut other_index) = (0, 0);
    for param in params {
        let param_key = param_name(param);
        match param {
            GenericParam::Lifetime(lifetime) => {
                if let Some(arg) = given_lifetimes.get(lifetime_index) {
                    let arg = arg.to_token_stream();
                    out.subst.lifetimes.insert(param_key, arg.clone());
                    target_args.push(arg.clone());
                    args.push(arg);
                } else {
                    // Renamed in `lifetimes` by the substitution.
                    let mut name = lifetime.lifetime.to_token_stream();
                    if clashing.contains(&param_key) {
                        let renamed = syn::Lifetime::new(
                            &format!("'{}", fresh_name(&param_key, &mut taken)),
                            lifetime.lifetime.span(),
                        );
                        name = renamed.to_token_stream();
                        out.subst.lifetimes.insert(param_key, name.clone());
                    }
                    args.push(name.clone());
                    target_args.push(name);
                    lifetimes.push(lifetime.to_token_stream());
                }
                lifetime_index += 1;
            }
            GenericParam::Type(_) | GenericParam::Const(_) => {
                let default = match param {
                    GenericParam::Type(param) => match &param.default {
                        Some((_, ty)) => Some(ty.to_token_stream()),
                        None => None,
                    },
                    GenericParam::Const(param) => match &param.default {
                        Some((_, expr)) => {
                            let expr = expr.to_token_stream();
                            Some(template::tokens("{ #0 }", &[&expr]))
                        }
                        None => None,
                    },
                    GenericParam::Lifetime(_) => None,
                };
                if trait_ref.args.is_some() {
                    let arg = match (given_others.get(other_index), default) {
                        // A value for a type (`Gen<'static, 3>`): one error
                        // here, where the impl's signatures would add their
                        // own (the value written as a type).
                        (Some(arg @ GenericArgument::Const(_)), _)
                            if matches!(param, GenericParam::Type(_)) =>
                        {
                            let kinds = ("a type", "a value", "a type");
                            errors.push(wrong_kind(arg, (&name, &param_key), kinds));
                            return None;
                        }
                        // A type for a value (`C<u8>` of `C<const N: usize>`).
                        (Some(arg @ GenericArgument::Type(ty)), _)
                            if matches!(param, GenericParam::Const(_)) && is_a_type(ty) =>
                        {
                            let give = "a value (a literal, a const's name, or a block `{ .. }`)";
                            errors.push(wrong_kind(
                                arg,
                                (&name, &param_key),
                                ("a value", "a type", give),
                            ));
                            return None;
                        }
                        (Some(arg), _) => given_arg(arg),
                        // A default `Self` is the wrapper (the implementing
                        // type), not a value to realize.
                        (None, Some(default)) => {
                            let default = binders_apart(default, &clashing, &mut taken);
                            self_as_wrapper(out.subst.apply(default), wrapper)
                        }
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
                    // A `Self` written as the argument is the wrapper in the
                    // impl's header, and the target on the target's side: a
                    // parameter of that type is then realized like a `Self`
                    // argument (`PartialEq<Self>`: `other: &Self`).
                    let written_self = match given_others.get(other_index) {
                        Some(given) => is_bare_self(given),
                        None => false,
                    };
                    target_args.push(if written_self {
                        target.clone()
                    } else {
                        arg.clone()
                    });
                    // A given argument in a shorthand projection (`T::Item`,
                    // ambiguous for a type that is no parameter, E0223) is
                    // qualified by the one bound of `T` that can have
                    // associated items (`Substitution::apply`). A parameter of
                    // the wrapper (`Take<U>` on `W<U: Iterator>`) projects by
                    // its own bounds, which name their traits where the
                    // derive is.
                    if let GenericParam::Type(param) = param
                        && !names_a_type_param(&wrapper.input.generics, &arg.to_string())
                        && let Some(bound) =
                            projection_bound(param, trait_def, (items, &mut parsed_items))
                    {
                        out.subst.qualified.insert(param_key.clone(), bound);
                    }
                    out.subst.idents.insert(param_key, arg.clone());
                    args.push(arg);
                } else {
                    // Renamed in `others` by the substitution.
                    let (ident, written) = match param {
                        GenericParam::Type(param) => (&param.ident, without_default(param)),
                        GenericParam::Const(param) => (&param.ident, const_without_default(param)),
                        GenericParam::Lifetime(_) => continue,
                    };
                    let mut name = ident.to_token_stream();
                    if clashing.contains(&param_key) {
                        let renamed = Ident::new(&fresh_name(&param_key, &mut taken), ident.span());
                        name = renamed.to_token_stream();
                        out.subst.idents.insert(param_key, name.clone());
                    }
                    args.push(name.clone());
                    target_args.push(name);
                    others.push(binders_apart(written, &clashing, &mut taken));
                }
                other_index += 1;
            }
        }
    }
    // The parameters' bounds may name other parameters; a renamed one is
    // renamed where it is declared too.
    out.lifetimes = reparse_params(&out.subst, lifetimes, errors)?;
    out.others = reparse_params(&out.subst, others, errors)?;
    if let Some(where_clause) = &trait_def.generics.where_clause {
        for written in punct::values(&where_clause.predicates) {
            let predicate = written.to_token_stream();
            // `Self` bounds are the implementor's business (supertraits), and
            // bounds on `Self::Assoc` hold for the target already: restated
            // on the wrapper they make rustc recurse (E0275).
            if tokens::mentions(predicate.clone(), &|ident| ident == "Self") {
                continue;
            }
            // Given arguments take the parameters' place: a relaxed bound
            // (`where T: ?Sized`) relaxes nothing on `str`, and rustc
            // refuses it there (it is for a parameter of the same item).
            let predicate = match trait_ref.args {
                Some(_) => match without_relaxed_bounds(written) {
                    Some(predicate) => predicate,
                    None => continue,
                },
                None => predicate,
            };
            let predicate = binders_apart(predicate, &clashing, &mut taken);
            out.predicates.push(out.subst.apply(predicate));
        }
    }
    if !args.is_empty() {
        out.args = template::tokens("<#0>", &[&template::joined(&args, ",")]);
        out.target_args = template::tokens("<#0>", &[&template::joined(&target_args, ",")]);
    }
    Some(out)
}

/// The path of the one trait bound of `param` (inline or in the trait's
/// `where` clause, else in its items' `where` clauses, the same bound in
/// several counted once) but std's traits without associated items, less
/// its associated item bindings (`Deref` for `Deref<Target = u8>`); `None`
/// if there is not one such bound, or it is `Fn(..)` or `for<..>`. Written
/// with `punct`'s walks and into one stream, at a small cost to this
/// crate's build.
fn projection_bound(
    param: &TypeParam,
    trait_def: &ItemTrait,
    (items, parsed): (&TokenStream, &mut Option<Vec<TraitItem>>),
) -> Option<TokenStream> {
    // std's traits without associated items, as a bound beside the one.
    const MARKERS: &[&str] = &[
        "Sized",
        "Send",
        "Sync",
        "Unpin",
        "Copy",
        "Clone",
        "Default",
        "Debug",
        "Display",
        "Eq",
        "PartialEq",
        "Ord",
        "PartialOrd",
        "Hash",
    ];
    // The bound so far; `Err` once a second one or a `for<..>` one is seen.
    type Found<'a> = std::result::Result<Option<&'a syn::TraitBound>, ()>;
    fn take<'a>(
        bounds: &'a syn::punctuated::Punctuated<syn::TypeParamBound, Token![+]>,
        found: &mut Found<'a>,
    ) {
        for bound in punct::values(bounds) {
            if let syn::TypeParamBound::Trait(bound) = bound
                && bound.maybe.is_none()
                && let Some(last) = bound.path.segments.last()
                && !tokens::is_one_of(&last.ident, MARKERS)
            {
                *found = match found {
                    Ok(None) if bound.lifetimes.is_none() => Ok(Some(bound)),
                    // The same bound again (in a method's `where` clause
                    // too, or in two methods'): still the one.
                    Ok(Some(seen))
                        if bound.lifetimes.is_none()
                            && seen.path.to_token_stream().to_string()
                                == bound.path.to_token_stream().to_string() =>
                    {
                        Ok(Some(seen))
                    }
                    _ => Err(()),
                };
            }
        }
    }
    // The bounds of `param` in a `where` clause.
    fn take_where<'a>(clause: Option<&'a syn::WhereClause>, param: &Ident, found: &mut Found<'a>) {
        let Some(clause) = clause else {
            return;
        };
        for predicate in punct::values(&clause.predicates) {
            if let syn::WherePredicate::Type(predicate) = predicate
                && predicate.lifetimes.is_none()
                && let syn::Type::Path(ty) = &predicate.bounded_ty
                && ty.qself.is_none()
                && ty.path.is_ident(param)
            {
                take(&predicate.bounds, found);
            }
        }
    }
    let mut found: Found = Ok(None);
    take(&param.bounds, &mut found);
    take_where(
        trait_def.generics.where_clause.as_ref(),
        &param.ident,
        &mut found,
    );
    // Where the trait does not bound the parameter, a method's or an
    // associated type's own `where` clause may (`fn first(&self, i: I) ->
    // Option<I::Item> where I: Iterator`): its projections are in that item.
    // Not beside a bound of the trait's, which stays the one.
    if matches!(found, Ok(None))
        && parsed.is_none()
        && tokens::mentions(items.clone(), &|ident| ident == "where")
    {
        *parsed = Some(crate::syntax::parse_items(items.clone()).unwrap_or_default());
    }
    if let (Ok(None), Some(parsed)) = (&found, parsed.as_ref()) {
        for item in parsed {
            let clause = match item {
                TraitItem::Fn(item) => item.sig.generics.where_clause.as_ref(),
                TraitItem::Type(item) => item.generics.where_clause.as_ref(),
                _ => None,
            };
            take_where(clause, &param.ident, &mut found);
        }
    }
    let path = &found.ok()??.path;
    let mut out = TokenStream::new();
    path.leading_colon.to_tokens(&mut out);
    for pair in path.segments.pairs() {
        let segment = pair.value();
        segment.ident.to_tokens(&mut out);
        match &segment.arguments {
            syn::PathArguments::None => {}
            syn::PathArguments::Parenthesized(_) => return None,
            syn::PathArguments::AngleBracketed(angle) => {
                let mut args = TokenStream::new();
                for arg in punct::values(&angle.args) {
                    if let GenericArgument::Lifetime(_)
                    | GenericArgument::Type(_)
                    | GenericArgument::Const(_) = arg
                    {
                        template::append(&mut args, "#0,", &[arg]);
                    }
                }
                if !args.is_empty() {
                    template::append(&mut out, "<#0>", &[&args]);
                }
            }
        }
        pair.punct().to_tokens(&mut out);
    }
    Some(out)
}

/// The error of an argument of the wrong kind for the trait's parameter
/// (`(trait, parameter)`): what it `takes`, what the argument `is`, what to
/// `give`.
fn wrong_kind(
    arg: &GenericArgument,
    (name, param): (&str, &str),
    (takes, is, give): (&str, &str, &str),
) -> Error {
    let written = tokens::pretty(&arg.to_token_stream());
    Error::new_spanned(
        arg,
        format!(
            "`{name}`'s parameter `{param}` takes {takes}, and `{written}` is {is}: give {give}"
        ),
    )
}

/// Whether `ty`, given for a const parameter, is a type, not a const's
/// name that syn reads as a path: a primitive, or other than a path of names.
fn is_a_type(ty: &syn::Type) -> bool {
    let path = match ty {
        syn::Type::Path(path) => path,
        // A macro's fragment (`$n:path`, `$n:expr`), in an invisible group.
        syn::Type::Group(group) => return is_a_type(&group.elem),
        _ => return true,
    };
    if path.qself.is_some() {
        return true;
    }
    for segment in &path.path.segments {
        if !segment.arguments.is_none() {
            return true;
        }
    }
    match path.path.get_ident() {
        Some(ident) => tokens::is_one_of(ident, crate::scan::PRIMITIVES),
        None => false,
    }
}

/// `predicate` without its relaxed bounds (`?Sized`), or `None` where
/// nothing else is left of it.
fn without_relaxed_bounds(predicate: &syn::WherePredicate) -> Option<TokenStream> {
    let syn::WherePredicate::Type(predicate) = predicate else {
        return Some(predicate.to_token_stream());
    };
    let mut kept = Vec::new();
    for bound in &predicate.bounds {
        match bound {
            syn::TypeParamBound::Trait(bound) if bound.maybe.is_some() => {}
            bound => kept.push(bound),
        }
    }
    if kept.len() == predicate.bounds.len() {
        return Some(predicate.to_token_stream());
    }
    if kept.is_empty() {
        return None;
    }
    Some(template::tokens(
        "#0 #1: #2",
        &[
            &predicate.lifetimes,
            &predicate.bounded_ty,
            &template::joined(&kept, "+"),
        ],
    ))
}

/// A type or const argument given in `#[realize_forward(...)]`, as the
/// impl's signatures get it. A const argument written as a block
/// (`Trait<{ 2 + 2 }>`, where the braces are needed) may land where they are
/// not (`[u8; { 2 + 2 }]`): its braces are then the derive's, where rustc's
/// `unused_braces` does not look (an `allow` of it would be an error under
/// the user's `forbid`), still located at the user's.
fn given_arg(arg: &GenericArgument) -> TokenStream {
    let tokens = arg.to_token_stream();
    let GenericArgument::Const(_) = arg else {
        return tokens;
    };
    // A block prints as its braces alone (syn's `Expr::Block` with `full`,
    // its verbatim tokens without): not with attributes or a label.
    let mut trees = tokens.clone().into_iter();
    let (Some(TokenTree::Group(block)), None) = (trees.next(), trees.next()) else {
        return tokens;
    };
    if block.delimiter() != Delimiter::Brace {
        return tokens;
    }
    let mut group = Group::new(Delimiter::Brace, block.stream());
    group.set_span(Span::call_site().located_at(block.span()));
    TokenTree::Group(group).into()
}

/// Puts into `subst` a fresh name for each lifetime that a `for<..>`
/// binder of `tokens` (an item, a bound) declares and `taken` holds: the
/// binder's lifetime is the item's own, renamed like its parameters.
fn rename_binders(
    tokens: TokenStream,
    taken: &Names,
    fresh_taken: &mut Names,
    subst: &mut Substitution,
) {
    let mut binders = Vec::new();
    tokens::binder_lifetimes(tokens, &mut binders);
    for name in &binders {
        fresh_taken.insert(name.clone());
    }
    for name in &binders {
        if taken.contains(name) && subst.lifetimes.get(name).is_none() {
            let fresh = fresh_name(name, fresh_taken);
            let renamed = syn::Lifetime::new(&format!("'{fresh}"), Span::call_site());
            subst
                .lifetimes
                .insert(name.clone(), renamed.to_token_stream());
        }
    }
}

/// `bound` (a parameter of the trait with its bounds, a predicate of its
/// `where` clause) with each lifetime that its `for<..>` binders declare
/// and the wrapper declares too renamed apart (E0496: `F: for<'a> Fn(&'a
/// u8)` in the `where` clause of `impl<'a>`).
fn binders_apart(bound: TokenStream, clashing: &Names, taken: &mut Names) -> TokenStream {
    let mut subst = Substitution::default();
    rename_binders(bound.clone(), clashing, taken, &mut subst);
    if subst.is_empty() {
        return bound;
    }
    subst.apply(bound)
}

/// Renames the generic parameters of a method or associated type that reuse
/// a name the impl declares (E0403), and the lifetimes its `for<..>`
/// binders declare that do (E0496: `for<'a>` in a method of `impl<'a>`, or
/// in a const's type).
pub fn rename_item_params(item: TraitItem, taken: &Names) -> Result<TraitItem> {
    let generics = match &item {
        TraitItem::Fn(item) => &item.sig.generics,
        TraitItem::Type(item) => &item.generics,
        TraitItem::Const(_) => &syn::Generics::default(),
        _ => return Ok(item),
    };
    let mut subst = Substitution::default();
    // A new name must be free among the impl's and the item's own names.
    let mut fresh_taken = taken.clone();
    insert_names(generics, &mut fresh_taken);
    if !taken.is_empty() {
        rename_binders(item.to_token_stream(), taken, &mut fresh_taken, &mut subst);
    }
    for param in &generics.params {
        let name = param_name(param);
        if !taken.contains(&name) {
            continue;
        }
        let fresh = fresh_name(&name, &mut fresh_taken);
        match param {
            GenericParam::Lifetime(param) => {
                let renamed = syn::Lifetime::new(&format!("'{fresh}"), param.lifetime.span());
                subst.lifetimes.insert(name, renamed.to_token_stream());
            }
            GenericParam::Type(param) => {
                let renamed = Ident::new(&fresh, param.ident.span());
                subst.idents.insert(name, renamed.to_token_stream());
            }
            GenericParam::Const(param) => {
                let renamed = Ident::new(&fresh, param.ident.span());
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
    params: Vec<TokenStream>,
    errors: &mut Errors,
) -> Option<Vec<GenericParam>> {
    let mut out = Vec::new();
    for param in params {
        match crate::syntax::generic_param_from(subst.apply(param)) {
            Ok(param) => out.push(param),
            Err(err) => {
                errors.push(err);
                return None;
            }
        }
    }
    Some(out)
}

/// A type parameter as syn writes it, without its default (`T: Bound`).
pub fn without_default(param: &TypeParam) -> TokenStream {
    let mut out = outer_attrs(&param.attrs);
    param.ident.to_tokens(&mut out);
    if !param.bounds.is_empty() {
        match &param.colon_token {
            Some(colon) => colon.to_tokens(&mut out),
            None => <Token![:]>::default().to_tokens(&mut out),
        }
        param.bounds.to_tokens(&mut out);
    }
    out
}

/// A const parameter as syn writes it, without its default
/// (`const N: usize`).
pub fn const_without_default(param: &ConstParam) -> TokenStream {
    let mut out = outer_attrs(&param.attrs);
    param.const_token.to_tokens(&mut out);
    param.ident.to_tokens(&mut out);
    param.colon_token.to_tokens(&mut out);
    param.ty.to_tokens(&mut out);
    out
}

/// The outer attributes of `attrs`, as syn writes a parameter's.
fn outer_attrs(attrs: &[Attribute]) -> TokenStream {
    let mut out = TokenStream::new();
    for attr in attrs {
        if let AttrStyle::Outer = attr.style {
            attr.to_tokens(&mut out);
        }
    }
    out
}

/// `Self`, written as a type argument.
fn is_bare_self(arg: &GenericArgument) -> bool {
    matches!(arg, GenericArgument::Type(syn::Type::Path(path))
        if path.qself.is_none() && path.path.is_ident("Self"))
}

/// `tokens` with every `Self` replaced by the wrapper's type.
fn self_as_wrapper(tokens: TokenStream, wrapper: &Wrapper) -> TokenStream {
    use proc_macro2::{Delimiter, Group, TokenTree};
    let ident = &wrapper.input.ident;
    let (_, ty_generics, _) = wrapper.input.generics.split_for_impl();
    let mut out = Vec::new();
    for tree in tokens {
        out.push(match tree {
            TokenTree::Ident(self_ident) if self_ident == "Self" => {
                let mut group = Group::new(
                    Delimiter::None,
                    template::tokens("#0 #1", &[&ident, &ty_generics]),
                );
                group.set_span(self_ident.span());
                TokenTree::Group(group)
            }
            TokenTree::Group(group) => {
                let mut new =
                    Group::new(group.delimiter(), self_as_wrapper(group.stream(), wrapper));
                new.set_span(group.span());
                TokenTree::Group(new)
            }
            other => other,
        });
    }
    TokenStream::from_iter(out)
}

/// `1 lifetime parameter`, `2 lifetime parameters`, `no lifetime parameter`.
fn counted(count: usize, what: &str) -> String {
    match count {
        0 => format!("no {what}"),
        1 => format!("1 {what}"),
        n => format!("{n} {what}s"),
    }
}

/// `1 is`, `2 are`.
fn are_given(count: usize) -> String {
    if count == 1 {
        "1 is".to_string()
    } else {
        format!("{count} are")
    }
}
