//! The chain that carries the work from the derive to each trait.
//!
//! `#[derive(RealizeForward)]` cannot see the traits it forwards, so it emits
//! the `Realize` impl (for a `#[realize]` field) and a call of the first
//! trait's hidden macro, `Trait! { fast = [..] step = 0; needs = [no no];
//! matched = []; site = ..; input = { <the wrapper> } }`: the entries first,
//! so that a rule that reads an entry passes the rest of the state on as
//! the trees it matched, `$($__state:tt)*`, with no pattern of its own for
//! each part. That macro writes
//! the trait's impl from the `fast` entry, or hands the trait's items and
//! the wrapper to `__forward_impl!`, which writes it; either calls the next
//! trait's macro with the state updated. The last link writes what needs
//! every trait's answer (`RealizeMut` / `RealizeInto` for the `#[realize]`
//! field, and the errors about `except` names that no trait has); after a
//! fast last link, lazy-core's `__forward_end!` writes those impls from the
//! derive's end entry, or `__forward_impl!` writes them (see
//! [`ends_in_macro`]).

use crate::syntax::ItemTrait;
use proc_macro2::{Delimiter, Group, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream, Parser};
use syn::{DeriveInput, Error, GenericParam, Ident, Path, Result, Token};

use crate::enums;
use crate::errors::Errors;
use crate::expand::{
    ChainSoFar, braced, realize_bounds_each, realize_impl, realize_impl_and_bounds,
    realize_into_impl, realize_mut_impl, trait_impl,
};
use crate::impl_head::ForwardedTrait;
use crate::input::{RealizeField, Wrapper};
use crate::template;
use crate::tokens;
use crate::valid;

/// `#[derive(RealizeForward)]`.
pub fn derive(input: TokenStream) -> TokenStream {
    match derive_impl(input) {
        Ok(tokens) => tokens,
        Err(err) => crate::errors::compile_error(err),
    }
}

fn derive_impl(input: TokenStream) -> Result<TokenStream> {
    let mut derive_input: DeriveInput = syn::parse2(input.clone())?;
    // A deprecated wrapper's names, resolved in this expansion: the links
    // carry them so, as the impls of the last link name them.
    let input = match crate::input::quiet_deprecated(&mut derive_input) {
        true => quote::ToTokens::to_token_stream(&derive_input),
        false => input,
    };
    let (wrapper, errors) = Wrapper::read(derive_input);
    let errors = errors.into_compile_errors();
    let site = realize_site(&wrapper);
    // A `#[realize]` field's bounds are the same in the `Realize` impl, in
    // every fast entry and in the end's: written once.
    let generics = &wrapper.input.generics;
    // In braces once, as every entry carries them: a group put into a
    // template is one call into the compiler, a stream several, which send
    // its tokens again. The `Realize` impl takes the first group's stream,
    // whose tokens the compiler already holds.
    let (realize, groups) = match &wrapper.realize {
        Some(field) if generics.params.is_empty() && generics.where_clause.is_none() => {
            let (realize, groups) = realize_impl_and_bounds(&wrapper, field, site);
            (realize, Some(groups))
        }
        Some(field) => (realize_impl(&wrapper, field, site), None),
        None => (TokenStream::new(), None),
    };
    // The user's own `allow`s, on the `Realize` impl and on the chain's
    // block (see `scoped`): read once.
    let lints = wrapper.allowed_lints();
    let first_link = if wrapper.realize_misplaced {
        TokenStream::new()
    } else {
        let state = LinkState {
            realize_site: Some(site),
            derive_site: Some(Span::call_site()),
            ..LinkState::default()
        };
        let first = link(&wrapper, &state, &input, Entries::Write(groups.as_ref()));
        scoped(&wrapper, first, &lints)
    };
    let realize = if realize.is_empty() || lints.is_empty() {
        realize
    } else {
        tokens::concat(vec![lints, realize])
    };
    // One call into the compiler that joins the three. Streams are joined
    // from a `Vec` throughout the crate: proc-macro2's `FromIterator` is
    // then compiled once, not once per array length.
    Ok(tokens::concat(vec![errors, realize, first_link]))
}

/// The `fast` entries of a link (see [`link`]): those the link received,
/// passed on, or (from the derive) to be written, with the `#[realize]`
/// field's bounds (in braces) where the derive has them.
enum Entries<'a> {
    Passed(TokenStream),
    Write(Option<&'a [Group; 3]>),
}

/// What the links of the chain pass on.
#[derive(Default, Clone)]
pub struct LinkState {
    /// Index of the trait this link forwards.
    pub step: usize,
    /// Some forwarded method needs `RealizeMut` (`&mut self`, `&mut Self`).
    pub needs_mut: bool,
    /// Some forwarded method needs the value by value (`self`,
    /// `self: Box<Self>`, a `Self` argument).
    pub needs_into: bool,
    /// Indexes (in `Wrapper::except_names`) of the `except` names that a
    /// trait had.
    pub matched: Vec<usize>,
    /// See `expand::ChainSoFar::realize_site`: made once by the derive and
    /// passed from link to link, so that all the impls carry the very same
    /// span.
    pub realize_site: Option<Span>,
    /// See `expand::ChainSoFar::derive_site`.
    pub derive_site: Option<Span>,
}

impl LinkState {
    /// The span of the bounds on realizing: the one passed from link to
    /// link, or made for `wrapper` where none was ([`realize_site`]).
    fn realize_site_of(&self, wrapper: &Wrapper) -> Span {
        match self.realize_site {
            Some(site) => site,
            None => realize_site(wrapper),
        }
    }

    /// Adds the `except` names of `indexes` to those a trait had.
    fn mark_matched(&mut self, indexes: &[usize]) {
        for &index in indexes {
            if !self.matched.contains(&index) {
                self.matched.push(index);
            }
        }
    }
}

/// The span of the bounds on realizing: the `#[realize]` field's type (as in
/// the `Realize` impl, whose error is then the same one); without one, the
/// field that looks like it holds the lazy (where `#[realize]` goes), else the
/// wrapper's name; for a union, its `union` keyword (a union's field cannot be
/// `#[realize]`: it implements `Realize` by hand).
pub fn realize_site(wrapper: &Wrapper) -> Span {
    let located = match (&wrapper.realize, &wrapper.input.data) {
        (Some(field), _) => tokens::first_span(&field.ty),
        (None, syn::Data::Union(data)) => data.union_token.span,
        (None, _) => match wrapper.lazy_field() {
            Some(span) => span,
            None => wrapper.input.ident.span(),
        },
    };
    Span::call_site().located_at(located)
}

/// Names in std's preludes (of every edition). A bare one is called as
/// written, not through an alias (see [`scoped`]): the chain's import of a
/// bare name looks it up in every namespace, and rustc refuses it (E0659,
/// as maybe meaning the prelude's item) where the trait was written by a
/// macro (`#[forwardable]`, in the same module or function body) or came
/// through a glob import; the call looks up the macro only, and compiles.
/// Such a name that is no `#[forwardable]` trait is then rustc's "cannot
/// find macro", not the fallback's error. No import of the name can stand
/// in for the call: one tried first by a hidden second name that
/// `#[forwardable]` exports beside the trait's misses a trait re-exported by
/// name (`pub use`) and globbed, and may find another trait's than the one
/// the name means (a glob's, under an import by name); the name itself is
/// still refused (E0659) there, and where a macro wrote its `use` (see
/// `test_forward_paths::prelude_names`).
const PRELUDE_NAMES: &[&str] = &[
    "AsMut",
    "AsRef",
    "AsyncFn",
    "AsyncFnMut",
    "AsyncFnOnce",
    "Box",
    "Clone",
    "Copy",
    "Debug",
    "Default",
    "DoubleEndedIterator",
    "Drop",
    "Eq",
    "Err",
    "ExactSizeIterator",
    "Extend",
    "Fn",
    "FnMut",
    "FnOnce",
    "From",
    "FromIterator",
    "Future",
    "Hash",
    "Into",
    "IntoFuture",
    "IntoIterator",
    "Iterator",
    "None",
    "Ok",
    "Option",
    "Ord",
    "PartialEq",
    "PartialOrd",
    "Result",
    "Send",
    "Sized",
    "Some",
    "String",
    "Sync",
    "ToOwned",
    "ToString",
    "TryFrom",
    "TryInto",
    "Unpin",
    "Vec",
    "align_of",
    "align_of_val",
    "drop",
    "size_of",
    "size_of_val",
];

/// What the chain calls for trait number `step`: its alias (see
/// [`scoped`]), or its path for a bare name of [`PRELUDE_NAMES`].
fn callee(wrapper: &Wrapper, step: usize) -> Ident {
    let trait_ref = &wrapper.traits[step];
    match trait_ref.path.get_ident() {
        Some(ident) if called_as_written(trait_ref) => ident.clone(),
        _ => alias(wrapper, step, trait_ref.span()),
    }
}

fn called_as_written(trait_ref: &crate::input::TraitRef) -> bool {
    match trait_ref.path.get_ident() {
        Some(ident) => tokens::is_one_of(ident, PRELUDE_NAMES),
        None => false,
    }
}

/// The name under which the chain calls the hidden macro of trait number
/// `step` (see [`scoped`]), located at the trait's path: with the wrapper's
/// name, as the fallback's import under it is an item of the module.
fn alias(wrapper: &Wrapper, step: usize, at: Span) -> Ident {
    Ident::new(
        &format!("__lazy_trait_{step}_{}", wrapper.input.ident.unraw()),
        Span::call_site().located_at(at),
    )
}

/// The chain's first call, after an import at the module and in two
/// blocks: a `const _` item's body and a block that ends it. The module
/// imports `__not_forwardable!` under every trait's alias (named after the
/// wrapper, so that two derives of one module import different names); the
/// outer block imports each trait's path under its
/// alias, which shadows that fallback where the path names a macro (the
/// trait's hidden one); the inner block makes the call. So a path that
/// names a trait without `#[forwardable]`, a struct or std's `Display`
/// calls the fallback, which says so, where a call by the path itself would
/// get rustc's "cannot find macro"; a path of several names that names
/// nothing is rustc's one error, at the import (a bare name's import never
/// fails: the fallback's probe reports it). A bare name of
/// [`PRELUDE_NAMES`] is not imported: it is called as written.
///
/// The alias's import is in a block of its own, apart from the call: rustc
/// does not settle an import in a block that still holds a call to expand
/// (the call could define the name), and an import made by a macro does not
/// shadow a glob (or another import) in the same scope without an
/// ambiguity error. The chain's impls are written inside the blocks; impls
/// are seen from anywhere. Each block is a scope that every name of the
/// forwarders is looked up through: the fallback's import is at the module
/// to spare one (a third block cost 0.75 M instructions of `cargo check` for
/// each wrapper of a trait of 100 methods). The inner block is an
/// expression, not a second `const _` item: an item is lowered, hashed,
/// checked and evaluated on its own (0.11 M instructions a wrapper of a
/// trait of 10 methods, 0.22 M of 100).
fn scoped(wrapper: &Wrapper, call: TokenStream, lints: &TokenStream) -> TokenStream {
    if call.is_empty() {
        return call;
    }
    // Identifiers and trees, put into one template: each stream put into
    // another costs calls into the compiler.
    let mut fallbacks: Vec<Ident> = Vec::new();
    let mut valued: Vec<Ident> = Vec::new();
    let mut imports: Vec<Vec<TokenTree>> = Vec::new();
    for step in 0..wrapper.traits.len() {
        let trait_ref = &wrapper.traits[step];
        if called_as_written(trait_ref) {
            continue;
        }
        // At the derive, not at the path (the fallback's import and a bare
        // name's, which never fails): see the path's import below.
        let alias = alias(wrapper, step, Span::call_site());
        let path = &trait_ref.path;
        // A bare name gets a value of that name in the outer block, so that
        // the import of its alias never fails: a name that is nothing is then
        // the probe's error (`unforwardable::probe`), where rustc says it
        // cannot find the trait and suggests the import or the name meant.
        // In the block, not at the module, where it could clash with a value
        // of that name. Once per name: a trait named twice with two sets of
        // arguments.
        if let Some(ident) = path.get_ident()
            && !valued.contains(ident)
        {
            let mut ident = ident.clone();
            ident.set_span(Span::call_site());
            valued.push(ident);
        }
        // A path is imported as `prefix::{Last as alias}`, the alias at
        // `Last`. rustc reports an import that names nothing over its `use`
        // tree: `Last as alias` is then the path's last name (or the
        // prefix's name that names nothing is reported), where
        // `path as alias` with the alias at the derive stretched from the
        // derive to the path, and with the alias at the path got rustc's
        // suggestion of another import written over it, alias and all,
        // into `#[realize_forward(...)]`; it now gives that one as a help.
        // A name alone (never failing, above) is imported as it is; so is
        // not `::Name`, which may name nothing (a local trait in edition
        // 2018 on): `::{Name as alias}` has rustc report it at `Name`.
        let mut import = Vec::new();
        if path.segments.len() < 2 && path.leading_colon.is_none() {
            import.extend(tokens::in_macro_edition_path(path));
            import.push(TokenTree::Ident(Ident::new("as", Span::call_site())));
            import.push(TokenTree::Ident(alias.clone()));
        } else {
            let last = match path.segments.last() {
                Some(segment) => Some(segment.ident.clone()),
                None => None,
            };
            import.extend(tokens::in_macro_edition_path_prefix(path));
            import.push(TokenTree::Punct(Punct::new(':', Spacing::Joint)));
            import.push(TokenTree::Punct(Punct::new(':', Spacing::Alone)));
            let last = match last {
                Some(mut last) => {
                    last.set_span(Span::call_site().located_at(last.span()));
                    Some(last)
                }
                None => None,
            };
            let at = Span::call_site().located_at(trait_ref.span());
            let located = self::alias(wrapper, step, trait_ref.span());
            let mut tree = Group::new(
                Delimiter::Brace,
                template::tokens("#0 as #1", &[&last, &located]),
            );
            tree.set_span(at);
            import.push(TokenTree::Group(tree));
        }
        imports.push(import);
        fallbacks.push(alias);
    }
    // The inner block, which holds the call, as a group: a stream put into
    // another costs calls into the compiler.
    let call = Group::new(Delimiter::Brace, call);
    // No lint is allowed on the imports: an `allow` is an error under the
    // user's `forbid` (E0453). None is needed: an unused one is the derive's,
    // where rustc's `unused_imports` does not look, and rustc reports no
    // deprecated trait in a derive's expansion (the impl's trait path, which
    // the hidden macro writes, is reported once).
    // The user's own `allow`s on the wrapper and its fields (`lints`) hold
    // for every impl the chain writes in the block: they copy the fields'
    // types.
    let mut uses = Vec::new();
    for import in imports {
        uses.push(TokenTree::Ident(Ident::new("use", Span::call_site())));
        uses.extend(import);
        uses.push(TokenTree::Punct(Punct::new(';', Spacing::Alone)));
    }
    template::tokens(
        "#0 #1 const _: () = { #2 #3 #4 };",
        &[
            &template::each(
                &fallbacks,
                "use ::lazy_core::__private::__not_forwardable as #0;",
            ),
            &lints,
            &template::each(&valued, "use ::lazy_core::__private::NOT_A_TRAIT as #0;"),
            &template::joined(&uses, ""),
            &call,
        ],
    )
}

/// The call of the hidden macro of trait number `state.step`, with the `fast`
/// entries of this link and the later ones: `entries`, or (from the derive)
/// written here.
fn link(
    wrapper: &Wrapper,
    state: &LinkState,
    input: &TokenStream,
    entries: Entries,
) -> TokenStream {
    if state.step >= wrapper.traits.len() {
        return TokenStream::new();
    }
    let path = callee(wrapper, state.step);
    let step = Literal::usize_unsuffixed(state.step);
    // The needs are two flags, for `RealizeMut` and `RealizeInto`: `yes`
    // where some link's methods need the impl, else `no`. A link sets its
    // own and passes the other on; the end of the chain matches them as they
    // come, with no list to search.
    let flag = |need: bool| Ident::new(if need { "yes" } else { "no" }, Span::call_site());
    let needs_mut = flag(state.needs_mut);
    let needs_into = flag(state.needs_into);
    // Identifiers and trees, not streams: each stream put into another
    // costs calls into the compiler.
    let site = match state.realize_site {
        Some(span) => Some(Ident::new("realize", span)),
        None => None,
    };
    let derive = match state.derive_site {
        Some(span) => Some(Ident::new("derive", span)),
        None => None,
    };
    let fast = match entries {
        Entries::Passed(entries) => entries,
        Entries::Write(shared) => {
            let realize_site = state.realize_site_of(wrapper);
            let mut fast = Vec::with_capacity(wrapper.traits.len() + 1);
            for step in state.step..wrapper.traits.len() {
                fast.push(fast_entry(wrapper, step, realize_site, shared));
            }
            // `ends_in_macro` asks for such a field and no generics, where the
            // derive has the bounds.
            if let (true, Some(field), Some(shared)) =
                (ends_in_macro(wrapper), &wrapper.realize, shared)
            {
                fast.push(end_entry(wrapper, field, realize_site, shared));
            }
            tokens::concat(fast)
        }
    };
    let mut matched = Vec::new();
    for index in &state.matched {
        matched.push(Literal::usize_unsuffixed(*index));
    }
    // `site = ..;` where the state has one (always, from the derive).
    let mut site_line = Vec::new();
    if let Some(site) = site {
        site_line.push(TokenTree::Ident(Ident::new("site", Span::call_site())));
        site_line.push(TokenTree::Punct(Punct::new('=', Spacing::Alone)));
        site_line.push(TokenTree::Ident(site));
        if let Some(derive) = derive {
            site_line.push(TokenTree::Ident(derive));
        }
        site_line.push(TokenTree::Punct(Punct::new(';', Spacing::Alone)));
    }
    template::tokens(
        "#0! {
            fast = [#7]
            step = #1;
            needs = [#2 #3];
            matched = [#4];
            #5
            input = { #6 }
        }",
        &[
            &path,
            &step,
            &needs_mut,
            &needs_into,
            &template::joined(&matched, ""),
            &template::joined(&site_line, ""),
            &input,
            &fast,
        ],
    )
}

/// The `fast` entry of the link of trait number `step`: what its hidden
/// macro's fast rule (`trait_def::fast_rule`) puts into the pre-written impl,
/// or `{ slow }` where the impl depends on more of the wrapper than its name
/// and generics (`except` names, the trait's arguments), which only
/// `expand::trait_impl` writes. The pieces are those `trait_impl` writes for
/// such a wrapper, with the same spans. A wrapper with parameters gets a
/// `generic` entry: its parameters' names, the name its chain calls the
/// hidden macro by, its parameters and `where` clause, and its own bounds
/// on realizing; the hidden macro sends it to the chain where the rule
/// cannot write its impl (`trait_def::to_chain_rule`).
fn fast_entry(
    wrapper: &Wrapper,
    step: usize,
    realize_site: Span,
    shared: Option<&[Group; 3]>,
) -> TokenStream {
    let trait_ref = &wrapper.traits[step];
    let generics = &wrapper.input.generics;
    // An enum has no single target: each impl matches on the variants.
    let mut simple = wrapper.variants.is_none() && trait_ref.args.is_none();
    for (group, _) in wrapper.except_names() {
        simple &= group != trait_ref.group;
    }
    if !simple {
        return template::tokens("{ slow }", &[]);
    }
    // A generic wrapper: the `generic` entry (see `trait_def::fast_rule`
    // and `trait_def::blanket_rule`).
    let generic = !generics.params.is_empty() || generics.where_clause.is_some();
    let span = trait_ref.span();
    // Located at the trait's path: a supertrait the wrapper lacks is
    // reported there, where the user lists it.
    let mut ident = wrapper.input.ident.clone();
    ident.set_span(ident.span().located_at(span));
    let (impl_generics, ty_generics, _) = generics.split_for_impl();
    // Under `#[realize(deref)]`, at `deref`: the impl's bound that the
    // target implements the trait is then where rustc, proving it through
    // the wrapper's `Realize` impl, reports a value that is no pointer, the
    // same error as that impl's (see lazy-core's `__private::DerefValue`).
    let path_at = match wrapper.deref_at() {
        Some(at) => at,
        None => span,
    };
    let path = tokens::respan_path_as(&trait_ref.path, Span::mixed_site().located_at(path_at));
    // One name for the trait in each forwarded call (the fast rule's
    // `$__call`, two tokens where `$($__path)*` is five in every forwarder of
    // the hidden macro): a bare name as written, a longer path by its alias,
    // which the blocks of [`scoped`] import.
    let call = match trait_ref.path.get_ident() {
        Some(ident) => {
            let mut ident = ident.clone();
            ident.set_span(Span::mixed_site().located_at(path_at));
            ident
        }
        None => alias(wrapper, step, Span::mixed_site().located_at(path_at)),
    };
    // A struct whose field of a lazy is not marked realizes through
    // lazy-core's `__private::Unmarked` family (`expand::RealizeCalls::Unmarked`):
    // the entry names its target and calls through them.
    let unmarked = wrapper.unmarked_lazy();
    let target = if unmarked {
        crate::expand::unmarked_target_trees(span)
    } else {
        crate::expand::target_trees(span)
    };
    // A generic entry's bounds are the impl's own (a blanket trait's rule
    // reads none of them: `trait_def::blanket_rule`).
    let written;
    let bounds = match shared {
        _ if generic => {
            let self_ty = template::tokens("#0 #1", &[&ident, &ty_generics]);
            let bounds = crate::expand::generic_bounds_each(
                wrapper,
                &self_ty,
                span,
                realize_site,
                &template::joined(&path, ""),
            );
            written = braced(bounds);
            &written
        }
        // The target's bound first, then the wrapper's, as the derive's own
        // impl writes them (`expand::write_trait_impl`): in this order a
        // forgotten mark is one error for each need, at the field. (The
        // fast rule's `Sized` bound and a blanket rule's check of the
        // supertraits would each be one more: those traits send the entry
        // to the chain, `trait_def::unmarked_to_chain`.)
        _ if unmarked => {
            let target_bound = template::tokens(
                "#0: #1,",
                &[&template::joined(&target, ""), &template::joined(&path, "")],
            );
            let each = realize_bounds_each(
                wrapper,
                &template::tokens("#0 #1", &[&ident, &ty_generics]),
                realize_site,
            );
            written = each.map(|bounds| {
                Group::new(
                    Delimiter::Brace,
                    template::tokens("#0 #1", &[&target_bound, &bounds]),
                )
            });
            &written
        }
        Some(shared) => shared,
        None => {
            written = braced(realize_bounds_each(
                wrapper,
                &template::tokens("#0 #1", &[&ident, &ty_generics]),
                realize_site,
            ));
            &written
        }
    };
    // Identifiers, not streams: each stream put into another costs calls
    // into the compiler.
    let deref = match wrapper.deref_at() {
        Some(_) => Ident::new("yes", Span::call_site()),
        None => Ident::new("no", Span::call_site()),
    };
    let next_step = Literal::usize_unsuffixed(step + 1);
    let next = match wrapper.traits.get(step + 1) {
        Some(_) => vec![TokenTree::Ident(callee(wrapper, step + 1))],
        None if ends_in_macro(wrapper) => private_path("__forward_end"),
        None => private_path("__forward_impl"),
    };
    // The wrapper's parameters by name, which a trait's fast rule checks
    // against its methods' own (`trait_def::generic_rules`), raw ones
    // without `r#`, as the rule writes the methods'.
    let head = if generic {
        let predicates = crate::expand::where_predicates(generics);
        let mut names = TokenStream::new();
        for param in &generics.params {
            match param {
                GenericParam::Lifetime(param) => param.lifetime.to_tokens(&mut names),
                GenericParam::Type(param) => param.ident.unraw().to_tokens(&mut names),
                GenericParam::Const(param) => param.ident.unraw().to_tokens(&mut names),
            }
        }
        // Whether the field can lend its target mutably: a shared reference
        // cannot, which the chain reports at the `&` for each `&mut self`
        // method (`expand::write_method`), so the rule of a trait with one
        // leaves such a wrapper to the chain (`trait_def::generic_rules`).
        let shared = crate::expand::lent_through_shared_ref(wrapper).is_some();
        let lend = Ident::new(if shared { "no" } else { "yes" }, Span::call_site());
        Some(template::tokens(
            "lend = #0; names = { #1 }; callee = #2; impl = { #3 }; where = { #4 };",
            &[
                &lend,
                &names,
                &callee(wrapper, step),
                &impl_generics,
                &template::each(&predicates, "#0,"),
            ],
        ))
    } else {
        None
    };
    let kind = Ident::new(if generic { "generic" } else { "fast" }, Span::call_site());
    // An unmarked struct's entry also says its link's name, by which some
    // traits send it to the chain (`trait_def::unmarked_to_chain`), and
    // realizes through the `Unmarked` family; any other's through
    // `Realize`. Two whole texts, not one with those lines as arguments:
    // each argument is one more stream to build for every entry.
    let text = if unmarked {
        "{
        #0; callee = #11;
        #1
        self = #2 #3;
        path = { #4 };
        call = #5;
        #12
        target = #6;
        bounds = #7;
        deref = #8;
        next_step = #9;
        next = { #10 }
    }"
    } else {
        "{
        #0;
        #1
        self = #2 #3;
        path = { #4 };
        call = #5;
        #12
        target = #6;
        bounds = #7;
        deref = #8;
        next_step = #9;
        next = { #10 }
    }"
    };
    let link = match unmarked {
        true => Some(callee(wrapper, step)),
        false => None,
    };
    // The paths to realize through, at the call site as the text's tokens:
    // lexed by the compiler in one call (`tokens::fixed`) rather than token
    // by token by the template in the debug build cargo makes of this crate
    // (31,000 fewer instructions for each derive of the benchmark's wrapper,
    // counted under callgrind).
    let realize_paths = tokens::fixed(if unmarked {
        "realize = ::lazy_core::__private::Unmarked::__lazy_realize;
        realize_mut = ::lazy_core::__private::UnmarkedMut::__lazy_realize_mut;
        into_realized = ::lazy_core::__private::UnmarkedInto::__lazy_into_realized;"
    } else {
        "realize = ::lazy_core::Realize::realize;
        realize_mut = ::lazy_core::RealizeMut::realize_mut;
        into_realized = ::lazy_core::RealizeInto::into_realized;"
    });
    template::tokens(
        text,
        &[
            &kind,
            &head,
            &ident,
            &ty_generics,
            &template::joined(&path, ""),
            &call,
            &template::joined(&target, ""),
            &template::joined(bounds, ""),
            &deref,
            &next_step,
            &template::joined(&next, ""),
            &link,
            &realize_paths,
        ],
    )
}

/// `::lazy_core::__private::name`, as trees.
fn private_path(name: &str) -> Vec<TokenTree> {
    let mut out = Vec::with_capacity(9);
    tokens::absolute_path(
        &mut out,
        &["lazy_core", "__private", name],
        Span::call_site(),
    );
    out
}

/// Whether a chain whose last link is a fast one ends in lazy-core's
/// `__forward_end!`, a `macro_rules!` that writes the `RealizeMut` and
/// `RealizeInto` impls that [`last_link`] would, from the derive's
/// [`end_entry`], where the chain's needs ask for them: for a wrapper that
/// is no enum (whose links are all slow ones), has no generics (the end
/// entry would have to carry them, as the links' `generic` entries do), no
/// `except` names
/// (the last link says which no trait had) and a `#[realize]` field without
/// `deref` (without one, there is nothing to write; under `deref`, a
/// by-value forward is an error of its link), and whose last trait has no
/// arguments (its link is a slow one).
/// Any other chain ends in `__forward_impl!`, a call of the proc macro that
/// parses the wrapper again: the end costs about a fifth of that.
fn ends_in_macro(wrapper: &Wrapper) -> bool {
    let generics = &wrapper.input.generics;
    // rustc warns of a deprecated wrapper named in `__forward_end!`'s impls
    // (not in the proc macro's) though the name is resolved in the derive's
    // expansion ([`crate::input::quiet_deprecated`]).
    !wrapper.deprecated
        && wrapper.variants.is_none()
        && generics.params.is_empty()
        && generics.where_clause.is_none()
        && wrapper.except_names().next().is_none()
        && matches!(&wrapper.realize, Some(field) if field.deref.is_none())
        && matches!(wrapper.traits.last(), Some(last) if last.args.is_none())
}

/// The entry that ends the derive's `fast` list when the chain may end in
/// `__forward_end!` ([`ends_in_macro`]): what that macro needs to write the
/// `#[realize]` field's `RealizeMut` and `RealizeInto` impls as
/// [`last_link`] would (`expand::realize_mut_impl`, `realize_into_impl`),
/// `{ self = Wrapper; receiver = self; realize_mut = { bounds } { body };
/// realize_into = { bounds } { Sized bound } { body } moves { check }; }`.
/// The pieces whose spans say where an error is (at the field) are written
/// here, the rest by the macro; so are the names that those pieces share
/// with the macro's (`macro_rules!` hygiene: a name the macro wrote would be
/// another): the methods' `self`, which the bodies name, and the probe's
/// answer that the check of `expand::movable_check` takes.
fn end_entry(
    wrapper: &Wrapper,
    field: &RealizeField,
    site: Span,
    [_, realize_mut, realize_into]: &[Group; 3],
) -> TokenStream {
    // At the site, which is the call site located at the field, as
    // `expand::realize_mut_impl` and `realize_into_impl` write them: one
    // `template::spanned` each way, since each stream put into another costs
    // calls into the compiler.
    let ident = &wrapper.input.ident;
    let member = &field.member;
    let moves = Ident::new(crate::expand::MOVES, site);
    if field.plain.is_some() {
        template::spanned(
            site,
            "{
            self = #0;
            receiver = self;
            realize_mut = #1 { &mut self.#2 };
            realize_into = #3 { Self::Target: ::core::marker::Sized, } { self.#2 }
                #4 { ::lazy_core::__private::MovableFields::<Self>::check(#4); };
        }",
            &[&ident, &realize_mut, &member, &realize_into, &moves],
        )
    } else {
        template::spanned(
            site,
            "{
            self = #0;
            receiver = self;
            realize_mut = #1 {
                ::lazy_core::__private::RealizeMutField::__lazy_realize_field_mut(&mut self.#2)
            };
            realize_into = #3 { Self::Target: ::core::marker::Sized, } {
                ::lazy_core::__private::RealizeIntoField::__lazy_into_realized_field(self.#2)
            } #4 { ::lazy_core::__private::MovableFields::<Self>::check(#4); };
        }",
            &[&ident, &realize_mut, &member, &realize_into, &moves],
        )
    }
}

/// What `__forward_impl!` receives from a trait's hidden macro.
struct ForwardInput {
    /// The trait, for a link that forwards one; `None` for the call that
    /// ends a chain whose last link was a fast one (see
    /// `trait_def::fast_rule`).
    carried: Option<CarriedTrait>,
    state: LinkState,
    input: TokenStream,
    /// The `fast` entries of the links after this one, passed on as they
    /// came (the derive wrote them all once).
    later_entries: TokenStream,
}

/// The trait as its hidden macro carries it.
struct CarriedTrait {
    /// The trait without its items: they stay tokens until the impl has
    /// put the trait's arguments in (`expand::trait_impl`), and are parsed
    /// once, then.
    trait_def: ItemTrait,
    items: TokenStream,
    remote: Option<Path>,
    /// The signatures name the trait itself (`own`, see
    /// `trait_def::own_marker`).
    names_itself: bool,
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
        if !input.peek(Token![trait]) {
            let (state, wrapper, later_entries) = parse_state(input)?;
            return Ok(ForwardInput {
                carried: None,
                state,
                input: wrapper,
                later_entries,
            });
        }
        input.parse::<Token![trait]>()?;
        let content;
        syn::braced!(content in input);
        let (trait_def, items) = split_trait(content.parse()?)?;
        let remote = if input.peek(Ident) && input.fork().call(Ident::parse_any)? == "remote" {
            keyword(input, "remote")?;
            let content;
            syn::braced!(content in input);
            Some(content.parse()?)
        } else {
            None
        };
        let names_itself = input.peek(Ident) && input.fork().call(Ident::parse_any)? == "own";
        if names_itself {
            keyword(input, "own")?;
        }
        keyword(input, "derive")?;
        let derive;
        syn::braced!(derive in input);
        let (state, wrapper, later_entries) = parse_state(&derive)?;
        Ok(ForwardInput {
            carried: Some(CarriedTrait {
                trait_def,
                items,
                remote,
                names_itself,
            }),
            state,
            input: wrapper,
            later_entries,
        })
    }
}

/// What `link` writes: the state, the wrapper's tokens, and the `fast`
/// entries (which only the hidden macros' fast rules read) without this
/// link's own.
fn parse_state(derive: ParseStream) -> Result<(LinkState, TokenStream, TokenStream)> {
    let mut later_entries = TokenStream::new();
    if derive.peek(Ident) && derive.fork().call(Ident::parse_any)? == "fast" {
        keyword(derive, "fast")?;
        derive.parse::<Token![=]>()?;
        let entries;
        syn::bracketed!(entries in derive);
        later_entries = tokens::without_first(entries.parse()?, 1);
    }
    keyword(derive, "step")?;
    derive.parse::<Token![=]>()?;
    let step = derive.parse::<syn::LitInt>()?.base10_parse()?;
    derive.parse::<Token![;]>()?;

    keyword(derive, "needs")?;
    derive.parse::<Token![=]>()?;
    let needs;
    syn::bracketed!(needs in derive);
    let mut state = LinkState {
        step,
        ..LinkState::default()
    };
    state.needs_mut = flag(&needs)?;
    state.needs_into = flag(&needs)?;
    if !needs.is_empty() {
        return Err(needs.error("expected `]` after the two needs"));
    }
    derive.parse::<Token![;]>()?;

    keyword(derive, "matched")?;
    derive.parse::<Token![=]>()?;
    let matched;
    syn::bracketed!(matched in derive);
    while !matched.is_empty() {
        state
            .matched
            .push(matched.parse::<syn::LitInt>()?.base10_parse()?);
    }
    derive.parse::<Token![;]>()?;

    if derive.peek(Ident) && derive.fork().call(Ident::parse_any)? == "site" {
        keyword(derive, "site")?;
        derive.parse::<Token![=]>()?;
        state.realize_site = Some(derive.call(Ident::parse_any)?.span());
        if !derive.peek(Token![;]) {
            state.derive_site = Some(derive.call(Ident::parse_any)?.span());
        }
        derive.parse::<Token![;]>()?;
    }

    keyword(derive, "input")?;
    derive.parse::<Token![=]>()?;
    let wrapper;
    syn::braced!(wrapper in derive);
    let input: TokenStream = wrapper.parse()?;
    Ok((state, input, later_entries))
}

/// One of a link's needs (see `link`): `yes` or `no`.
fn flag(input: ParseStream) -> Result<bool> {
    let ident: Ident = input.parse()?;
    if ident == "yes" {
        Ok(true)
    } else if ident == "no" {
        Ok(false)
    } else {
        Err(Error::new(ident.span(), "expected `yes` or `no`"))
    }
}

/// The carried trait split into its head, parsed, and its items' tokens.
fn split_trait(tokens: TokenStream) -> Result<(ItemTrait, TokenStream)> {
    let mut trees: Vec<TokenTree> = tokens.into_iter().collect();
    let items = match trees.pop() {
        Some(TokenTree::Group(body)) if body.delimiter() == Delimiter::Brace => body.stream(),
        _ => return Err(Error::new(Span::call_site(), "expected the trait's body")),
    };
    trees.push(TokenTree::Group(Group::new(
        Delimiter::Brace,
        TokenStream::new(),
    )));
    Ok((syn::parse2(TokenStream::from_iter(trees))?, items))
}

/// `__forward_impl!`: one link of the chain.
pub fn forward_impl(input: TokenStream) -> TokenStream {
    let forward: ForwardInput = match syn::parse2(input) {
        Ok(forward) => forward,
        Err(err) => {
            return crate::errors::compile_error(Error::new(
                err.span(),
                // The parser's own words ("expected `step`") name the
                // chain's internals, which mean nothing to whoever wrote the call.
                "this macro is written by `#[forwardable]` for `#[derive(RealizeForward)]` and is not called by hand: to forward the trait, write `#[derive(lazy_core::RealizeForward)] #[realize_forward(Trait)]` on a wrapper type",
            ));
        }
    };
    let wrapper = match read_wrapper(&forward.input) {
        Ok(wrapper) => wrapper,
        Err(err) => return crate::errors::compile_error(err),
    };
    let mut errors = Errors::default();
    let mut state = forward.state.clone();
    let Some(carried) = &forward.carried else {
        // The end of a chain whose last link was a fast one.
        if state.step != wrapper.traits.len() {
            return crate::errors::compile_error(Error::new(
                Span::call_site(),
                "`__forward_impl!`: the chain is not over",
            ));
        }
        let rest = last_link(&wrapper, &state, &mut errors);
        let errors = errors.into_compile_errors();
        return template::tokens("#0 #1", &[&errors, &rest]);
    };
    let Some(trait_ref) = wrapper.traits.get(forward.state.step) else {
        return crate::errors::compile_error(Error::new(
            Span::call_site(),
            "`__forward_impl!`: no trait at this step",
        ));
    };
    let so_far = ChainSoFar {
        needs_mut: state.needs_mut,
        needs_into: state.needs_into,
        realize_site: state.realize_site_of(&wrapper),
        derive_site: match state.derive_site {
            Some(site) => site,
            None => Span::mixed_site(),
        },
    };
    // Where the signatures name the trait itself (`Option<&dyn Failure>`),
    // the one name the derive calls it by, as the fast rule writes it
    // (`trait_def::fast_rule`): the trait's name need not be in scope here.
    let renamed;
    let items = match trait_ref.path.get_ident() {
        _ if !carried.names_itself => &carried.items,
        Some(ident) if *ident == carried.trait_def.ident => &carried.items,
        called => {
            let call = match called {
                Some(ident) => ident.clone(),
                None => alias(&wrapper, forward.state.step, Span::call_site()),
            };
            renamed = tokens::own_name_replaced(
                carried.items.clone(),
                &carried.trait_def.ident,
                &|span| {
                    let mut call = call.clone();
                    call.set_span(call.span().located_at(span));
                    call.into_token_stream()
                },
            );
            &renamed
        }
    };
    let forwarded = ForwardedTrait {
        wrapper: &wrapper,
        trait_ref,
        trait_def: &carried.trait_def,
        items,
        remote: carried.remote.as_ref(),
    };
    let written = match &wrapper.variants {
        Some(variants) => enums::trait_impl(&forwarded, variants, &so_far, &mut errors),
        None => trait_impl(&forwarded, &so_far, &mut errors),
    };
    state.needs_mut |= written.needs_mut;
    state.needs_into |= written.needs_into;
    state.mark_matched(&written.matched);
    let trait_impl = written.tokens;
    let rest = after_link(
        &wrapper,
        &mut state,
        &forward.input,
        forward.later_entries.clone(),
        &mut errors,
    );
    let errors = errors.into_compile_errors();
    template::tokens(
        "#0
        #1
        #2",
        &[&trait_impl, &errors, &rest],
    )
}

/// `__not_forwardable!`: the link of a trait whose path names no hidden
/// macro (see [`scoped`]). It writes the one error about that path, and
/// goes on with the next trait, so that the other traits are forwarded as
/// without the mistake; the trait's `except` names are not reported again
/// as names that no trait has.
pub fn not_forwardable(input: TokenStream) -> TokenStream {
    let (mut state, tokens, later_entries) = match parse_state.parse2(input) {
        Ok(parsed) => parsed,
        Err(err) => {
            return crate::errors::compile_error(Error::new(
                err.span(),
                "this macro is called by `#[derive(RealizeForward)]`, not by hand",
            ));
        }
    };
    let wrapper = match read_wrapper(&tokens) {
        Ok(wrapper) => wrapper,
        Err(err) => return crate::errors::compile_error(err),
    };
    let Some(trait_ref) = wrapper.traits.get(state.step) else {
        return crate::errors::compile_error(Error::new(
            Span::call_site(),
            "`__not_forwardable!`: no trait at this step",
        ));
    };
    let probe =
        crate::unforwardable::probe(trait_ref, &alias(&wrapper, state.step, trait_ref.span()));
    let mut own_names = Vec::new();
    let mut next_index = 0usize;
    for (group, _) in wrapper.except_names() {
        let index = next_index;
        next_index += 1;
        if group == trait_ref.group {
            own_names.push(index);
        }
    }
    state.mark_matched(&own_names);
    let mut errors = Errors::default();
    let rest = after_link(&wrapper, &mut state, &tokens, later_entries, &mut errors);
    let errors = errors.into_compile_errors();
    let rest = template::tokens("#0 #1", &[&errors, &rest]);
    // The rest in a block of its own: the probe's import then waits on no
    // call in its scope.
    template::tokens(
        "#0
        const _: () = {
            #1
        };",
        &[&probe, &rest],
    )
}

/// The wrapper as the derive wrote it into a link; mistakes in its
/// attributes were reported by the derive.
fn read_wrapper(tokens: &TokenStream) -> Result<Wrapper> {
    Ok(Wrapper::read(syn::parse2::<DeriveInput>(tokens.clone())?).0)
}

/// What follows the link of trait number `state.step`: the next trait's
/// link, or the last link.
fn after_link(
    wrapper: &Wrapper,
    state: &mut LinkState,
    input: &TokenStream,
    later_entries: TokenStream,
    errors: &mut Errors,
) -> TokenStream {
    state.step += 1;
    if state.step < wrapper.traits.len() {
        link(wrapper, state, input, Entries::Passed(later_entries))
    } else {
        last_link(wrapper, state, errors)
    }
}

/// What the last link writes: the `RealizeMut` / `RealizeInto` impls that the
/// forwarded methods need, and the errors about unknown `except` names.
fn last_link(wrapper: &Wrapper, state: &LinkState, errors: &mut Errors) -> TokenStream {
    valid::check_except_names(wrapper, &state.matched, errors);
    let Some(field) = &wrapper.realize else {
        return TokenStream::new();
    };
    let site = state.realize_site_of(wrapper);
    let mut out = TokenStream::new();
    if state.needs_mut {
        out.extend(realize_mut_impl(wrapper, field, site));
    }
    // A by-value forward through `#[realize(deref)]` is an error of its link.
    if state.needs_into && field.deref.is_none() {
        out.extend(realize_into_impl(wrapper, field, site));
    }
    out
}
