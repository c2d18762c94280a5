//! The steps that begin the impl of every forwarded trait, whatever the
//! wrapper's shape (`expand` writes a struct's impl, `enums` an enum's):
//! which `except` names are this trait's, whether the trait is refused, its
//! generics and path, and its items as the impl writes them.

use crate::syntax::{FnArg, ItemTrait, TraitItem, parse_items};
use proc_macro2::{Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::{Error, GenericParam, Ident, Path};

use crate::errors::Errors;
use crate::errors::edit_distance;
use crate::generics::{TraitGenerics, rename_item_params, trait_generics};
use crate::input::{TraitRef, Wrapper, has_attr};
use crate::template;
use crate::tokens::{self, Names, Substitution};

/// The `except` names of one trait's attribute, with their index in
/// `Wrapper::except_names`.
pub struct Excepts<'a> {
    names: Vec<(usize, &'a Ident)>,
    /// The trait is the only one of its attribute: it knows every method an
    /// `except` name could mean, so a name close to one of them is reported
    /// with it.
    alone: bool,
}

impl<'a> Excepts<'a> {
    pub fn of(wrapper: &'a Wrapper, trait_ref: &TraitRef) -> Excepts<'a> {
        let mut names = Vec::new();
        let mut next_index = 0usize;
        for (group, name) in wrapper.except_names() {
            let index = next_index;
            next_index += 1;
            if group == trait_ref.group {
                names.push((index, name));
            }
        }
        let mut in_group = 0;
        for other in &wrapper.traits {
            if other.group == trait_ref.group {
                in_group += 1;
            }
        }
        Excepts {
            names,
            alone: in_group == 1,
        }
    }

    /// The `except` name that lists this method, as the user wrote it.
    pub fn find(&self, method: &Ident) -> Option<&'a Ident> {
        let method = method.unraw();
        for (_, except) in &self.names {
            if except.unraw() == method {
                return Some(*except);
            }
        }
        None
    }

    /// Adds to `matched` the names that are methods among `items`, and the
    /// names close to one when the trait is alone in its attribute (with
    /// their error). Done even if the impl fails, so that a name of this
    /// trait is not reported as unknown too.
    pub fn match_items(
        &self,
        trait_ref: &TraitRef,
        items: &[TraitItem],
        matched: &mut Vec<usize>,
        errors: &mut Errors,
    ) {
        let mut methods: Vec<Ident> = Vec::new();
        let mut others: Vec<(Ident, &str)> = Vec::new();
        for item in items {
            match item {
                TraitItem::Fn(item) => methods.push(item.sig.ident.unraw()),
                TraitItem::Const(item) => others.push((item.ident.unraw(), "an associated const")),
                TraitItem::Type(item) => others.push((item.ident.unraw(), "an associated type")),
                _ => {}
            }
        }
        for (index, except) in &self.names {
            if matched.contains(index) {
                continue;
            }
            let written = except.unraw();
            if methods.contains(&written) {
                matched.push(*index);
            } else if let Some(kind) = kind_of(&others, &written) {
                matched.push(*index);
                errors.push(Error::new(
                    except.span(),
                    format!(
                        "`{written}` is {kind} of `{}`, not a method: `except(...)` lists methods, and the derive's impl takes every associated const and type from the target",
                        trait_ref.name()
                    ),
                ));
            } else if let Some(close) = self.close_to(&written, &methods) {
                matched.push(*index);
                errors.push(Error::new(
                    except.span(),
                    format!(
                        "`{written}` is not a method of `{}`; did you mean `{close}`?",
                        trait_ref.name()
                    ),
                ));
            }
        }
    }

    #[expect(
        clippy::manual_find,
        reason = "a loop: a closure over an iterator is code of its own in this crate's build"
    )]
    fn close_to<'m>(&self, written: &Ident, methods: &'m [Ident]) -> Option<&'m Ident> {
        if !self.alone {
            return None;
        }
        let written = written.to_string();
        for method in methods {
            if edit_distance(&written, &method.to_string()) <= 2 {
                return Some(method);
            }
        }
        None
    }

    /// `match_items` on the items as the hidden macro carried them, for an
    /// impl that stops before preparing them.
    fn match_carried(
        &self,
        trait_ref: &TraitRef,
        items: &TokenStream,
        matched: &mut Vec<usize>,
        errors: &mut Errors,
    ) {
        let items = parse_items(items.clone()).unwrap_or_default();
        self.match_items(trait_ref, &items, matched, errors);
    }
}

/// One trait of the chain, as its hidden macro carried it to
/// `__forward_impl!`, with the wrapper that forwards it.
pub struct ForwardedTrait<'a> {
    pub wrapper: &'a Wrapper,
    pub trait_ref: &'a TraitRef,
    /// The trait without its items, whose tokens are `items`.
    pub trait_def: &'a ItemTrait,
    pub items: &'a TokenStream,
    /// The real trait's path, for a mirror (`#[forwardable(remote = ..)]`).
    pub remote: Option<&'a Path>,
}

/// What every impl of a forwarded trait starts from.
pub struct ImplHead<'a> {
    pub excepts: Excepts<'a>,
    /// The trait's parameters and arguments, as the impl declares them.
    pub generics: TraitGenerics,
    /// The trait's items, located and substituted (see `impl_items`).
    pub items: Vec<TraitItem>,
    /// The trait's path (the real trait's, for a mirror), without arguments.
    pub trait_path: TokenStream,
    /// `trait_path` with the impl's arguments: what the impl implements.
    pub trait_full: TokenStream,
    /// The trait is `#[deprecated]`.
    pub deprecated: bool,
}

impl<'a> ImplHead<'a> {
    /// The head of the impl of the trait for the wrapper, or `None` when
    /// the trait is not forwarded at all (its errors pushed). `target` is
    /// what the trait's generics are checked against; `None` when no target
    /// is left to forward to (an enum whose variants are all broken): then
    /// only the refusal is reported, beside the errors that broke them.
    /// The `except` names that are this trait's methods go to `matched`.
    pub fn new(
        forwarded: &ForwardedTrait<'a>,
        target: Option<&TokenStream>,
        matched: &mut Vec<usize>,
        errors: &mut Errors,
    ) -> Option<ImplHead<'a>> {
        let ForwardedTrait {
            wrapper,
            trait_ref,
            trait_def,
            items,
            remote,
        } = *forwarded;
        let span = trait_ref.span();
        let excepts = Excepts::of(wrapper, trait_ref);
        if let Some(error) = refusal(trait_ref, trait_def, remote) {
            excepts.match_carried(trait_ref, items, matched, errors);
            errors.push(error);
            return None;
        }
        let target = target?;
        let Some(mut generics) =
            trait_generics(wrapper, trait_ref, (trait_def, items), target, errors)
        else {
            excepts.match_carried(trait_ref, items, matched, errors);
            return None;
        };
        // The trait's parameters become the impl's, and every type moves
        // onto the user's trait path: names resolve there, errors point
        // there. A mirror's signatures stay where the mirror wrote them:
        // there, a mismatch with the real trait is what to fix, and rustc's
        // fix (a parameter or return type) rewrites the mirror, not the
        // user's `realize_forward(...)`.
        let renamed = params_renamed_apart(items, &generics.subst, forwarded);
        let items = impl_items(
            renamed.as_ref().unwrap_or(items),
            &generics.subst,
            remote.is_none().then_some(span),
            errors,
        );
        excepts.match_items(trait_ref, &items, matched, errors);
        sized_by_value(&mut generics.others, &items);
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
        let trait_full = template::tokens("#0 #1", &[&trait_path, &trait_args]);
        let deprecated = has_attr(&trait_def.attrs, "deprecated");
        Some(ImplHead {
            excepts,
            generics,
            items,
            trait_path,
            trait_full,
            deprecated,
        })
    }
}

/// Drops `?Sized` from a trait parameter that a method takes by value
/// (`Index<Idx: ?Sized>`'s `fn index(&self, index: Idx)`): the trait may
/// declare such a method, but an impl's body cannot take an unsized value.
/// The impl then covers every sized `Idx`, the only ones such a call can pass.
pub fn sized_by_value(params: &mut [GenericParam], items: &[TraitItem]) {
    for param in params {
        if let GenericParam::Type(param) = param
            && taken_by_value(&param.ident, items)
        {
            let bounds = std::mem::take(&mut param.bounds);
            for bound in bounds {
                if !matches!(&bound, syn::TypeParamBound::Trait(bound) if bound.maybe.is_some()) {
                    param.bounds.push(bound);
                }
            }
            if param.bounds.is_empty() {
                param.colon_token = None;
            }
        }
    }
}

/// Some method of `items` takes an argument of type `name`.
fn taken_by_value(name: &Ident, items: &[TraitItem]) -> bool {
    for item in items {
        let TraitItem::Fn(item) = item else { continue };
        for arg in crate::punct::values(&item.sig.inputs) {
            if let FnArg::Typed(arg) = arg
                && let syn::Type::Path(path) = &*arg.ty
                && path.qself.is_none()
                && path.path.is_ident(name)
            {
                return true;
            }
        }
    }
    false
}

/// The trait's items as the impl writes them: with `respan_at`, every token
/// of the trait located there, and `subst` applied. One walk over the tokens and one
/// parse; only if that parse fails is each item done on its own, so that
/// each item that breaks is its own error and the others still forward.
pub fn impl_items(
    items: &TokenStream,
    subst: &Substitution,
    respan_at: Option<Span>,
    errors: &mut Errors,
) -> Vec<TraitItem> {
    // Located first, then substituted: the trait's arguments keep their
    // own place in `realize_forward(Trait<..>)`, so that an argument that
    // does not resolve is one error at the argument, not one more at the
    // trait's name.
    let prepare = |tokens: TokenStream| {
        let tokens = match respan_at {
            Some(span) => tokens::respan(tokens, span),
            None => tokens,
        };
        subst.apply(tokens)
    };
    if let Ok(prepared) = parse_items(prepare(items.clone())) {
        return prepared;
    }
    let raw = match parse_items(items.clone()) {
        Ok(raw) => raw,
        Err(err) => {
            errors.push(err);
            return Vec::new();
        }
    };
    let mut prepared = Vec::new();
    for item in raw {
        match syn::parse2(prepare(item.to_token_stream())) {
            Ok(item) => prepared.push(item),
            Err(err) => errors.push(err),
        }
    }
    prepared
}

/// `items` with each item's generic parameters that are named like a name
/// the forwarders write renamed, which would otherwise capture it; `None`
/// where none is. The names: what `subst` writes (`fn f<U>(&self, t: T)`
/// forwarded as `G<U>`), the trait's path (a call `Failure::pick(..)` of
/// `fn pick<Failure>`), the type of the field forwarded to or of each
/// variant (building the wrapper back from a target `R` in `fn
/// scaled<R>(&self) -> Self`; an enum's arm).
fn params_renamed_apart(
    items: &TokenStream,
    subst: &Substitution,
    forwarded: &ForwardedTrait,
) -> Option<TokenStream> {
    let mut written = subst.written_names();
    let wrapper = forwarded.wrapper;
    tokens::insert_names(forwarded.trait_ref.path.to_token_stream(), &mut written);
    if let Some(field) = &wrapper.realize {
        tokens::insert_names(field.ty.to_token_stream(), &mut written);
    }
    if let Some(variants) = &wrapper.variants {
        for variant in variants {
            tokens::insert_names(variant.ty.to_token_stream(), &mut written);
        }
    }
    if !declares_one_of(items, &written) {
        return None;
    }
    let mut out = TokenStream::new();
    for item in parse_items(items.clone()).ok()? {
        rename_item_params(item, &written).ok()?.to_tokens(&mut out);
    }
    Some(out)
}

/// Whether an item of `items` may declare one of `names` as its own: a
/// word or lifetime that starts a parameter in the `<..>` after `fn name`
/// or `type Name`, or a lifetime of a `for<..>` binder. A bound's word
/// after a comma may be taken for a parameter (the items are then parsed
/// for nothing); no parameter is missed.
fn declares_one_of(items: &TokenStream, names: &Names) -> bool {
    let trees: Vec<TokenTree> = items.clone().into_iter().collect();
    let mut at = 0;
    while at + 2 < trees.len() {
        // The word last: comparing an `Ident` with a text writes it out.
        let opens = matches!(&trees[at + 2], TokenTree::Punct(open) if open.as_char() == '<')
            && matches!(&trees[at + 1], TokenTree::Ident(_))
            && matches!(&trees[at], TokenTree::Ident(word) if word == "fn" || word == "type");
        at += 1;
        if !opens {
            continue;
        }
        // Inside the `<..>`, a parameter starts after `<` or a comma at its
        // depth (`const` and a lifetime's quote before its name); `->` in
        // a bound (`F: Fn() -> u8`) closes nothing.
        let (mut depth, mut starts, mut arrow) = (0usize, false, false);
        for tree in &trees[at + 1..] {
            let after_minus = arrow;
            arrow = false;
            match tree {
                TokenTree::Punct(punct) => match punct.as_char() {
                    '<' => {
                        depth += 1;
                        starts = depth == 1;
                    }
                    '>' if after_minus => starts = false,
                    '>' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            break;
                        }
                        starts = false;
                    }
                    ',' => starts = depth == 1,
                    '\'' => {}
                    '-' => {
                        arrow = true;
                        starts = false;
                    }
                    _ => starts = false,
                },
                TokenTree::Ident(word) if starts && word == "const" => {}
                TokenTree::Ident(word) if starts => {
                    if names.contains(&word.to_string()) {
                        return true;
                    }
                    starts = false;
                }
                _ => starts = false,
            }
        }
    }
    let mut binders = Vec::new();
    tokens::binder_lifetimes_in(&trees, &mut binders);
    for binder in &binders {
        if names.contains(binder) {
            return true;
        }
    }
    false
}

/// A trait the derive will not forward at all, as its one error.
pub fn refusal(
    trait_ref: &TraitRef,
    trait_def: &ItemTrait,
    remote: Option<&Path>,
) -> Option<Error> {
    let span = trait_ref.span();
    let trait_name = trait_ref.name();
    if trait_def.unsafety.is_some() {
        return Some(Error::new(
            span,
            format!(
                "cannot forward `{trait_name}`: it is an `unsafe trait`, whose contract the derive cannot check; implement it by hand"
            ),
        ));
    }
    // std implements `Borrow<T>` for every `T`: an impl for every argument
    // would overlap it at `Borrow<Self>` (E0119, at the derive).
    let reflexive = match remote {
        Some(path) => matches!(path.segments.last(), Some(last) if last.ident == "Borrow"),
        None => false,
    };
    if reflexive && trait_ref.args.is_none() && !trait_def.generics.params.is_empty() {
        return Some(Error::new(
            span,
            format!(
                "`{trait_name}` named without its argument would be implemented for every type, the wrapper included, which std's `impl<T> Borrow<T> for T` already covers; name the type to borrow as: `{trait_name}<str>`"
            ),
        ));
    }
    None
}

/// What kind of item `name` is among `others` (the trait's associated
/// consts and types), if it is one of them.
fn kind_of<'k>(others: &[(Ident, &'k str)], name: &Ident) -> Option<&'k str> {
    for (other, kind) in others {
        if other == name {
            return Some(kind);
        }
    }
    None
}
