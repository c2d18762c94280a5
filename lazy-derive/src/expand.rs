//! Writes the impls: one per forwarded trait, and the `Realize` family for a
//! `#[realize]` field.

use crate::syntax::{FnArg, ItemTrait, TraitItem, TraitItemConst, TraitItemType};
use proc_macro2::{Delimiter, Group, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::{ToTokens, TokenStreamExt};
use syn::ext::IdentExt;
use syn::{Error, GenericParam, Generics, Ident, Path, ReturnType, WherePredicate};

use crate::captures;
use crate::cfg_params;
use crate::errors::Errors;
use crate::fallback;
use crate::generics::{self, param_name, rename_item_params};
use crate::impl_head::{ForwardedTrait, ImplHead};
use crate::input::{RealizeField, Wrapper, has_attr};
use crate::method::{ForwardPlan, Method, Params, ReceiverKind, SelfArg, Wrap, params};
use crate::punct;
use crate::template;
use crate::tokens::{self, Names};

/// Everything a method forwarder needs to know about its impl.
pub struct ImplContext {
    /// `<<W as Realize>::Target as Trait<..>>`: what an associated type or
    /// const names before its name.
    pub target_as_trait: TokenStream,
    /// What a forwarded call names before the method's name: the trait's
    /// path, `Trait` or `Trait::<..>` (rustc infers the target from the
    /// realized receiver, `Trait::method(realized, ..)`), or
    /// `target_as_trait` for a mirror (see [`call_prefix`]). The path alone
    /// costs rustc less than the qualified `<Target as Trait>::method` in
    /// each forwarder: 46 M fewer instructions of `cargo check` at 1,000
    /// methods (`run.sh`, derive).
    pub call_prefix: TokenStream,
    /// The trait is `#[deprecated]`: every forwarder allows it (deriving is
    /// still warned about once, on the impl).
    pub deprecated_trait: bool,
    /// See `ChainSoFar::derive_site`.
    pub derive_site: Span,
    /// The trait is a mirror (`#[forwardable(remote = ..)]`): its signatures
    /// may differ from the real trait's, and a receiver that does is the
    /// mirror's to fix (see `receiver_site`).
    pub mirror: bool,
    /// Forwarders get `#[inline]`: not in a blanket impl, whose forwarders
    /// are generic, so compiled where they are called and inlined there
    /// without it (the same code as a hand-written impl's, `asm.sh
    /// forward`); 1,000 attributes fewer are 12 M fewer instructions of
    /// `cargo check` (`run.sh`).
    pub inline: bool,
    /// What forwarders call to realize the wrapper.
    pub realize_calls: RealizeCalls,
    /// What a forwarder that returns the wrapper calls to build it back,
    /// and where, when the impl has no `FromRealized` bound to assume: the
    /// conversion from the target the derive can name
    /// (`<Self as ::lazy_core::FromRealized<Real>>::from_realized`), at the
    /// trait's path in `realize_forward(..)`, where rustc then reports a
    /// wrapper without it (see `write_trait_impl`). Else lazy-core's
    /// `from_realized::<Self>`, for the bound's target.
    pub from_realized: Option<(Span, TokenStream)>,
}

impl ImplContext {
    /// A forwarder's `self` and receiver: at the derive's call site (see
    /// `ChainSoFar::derive_site`), but a mirror's `self`, `&self`, `&mut self`
    /// each token at the mirror's own (resolved at the derive's site all the
    /// same), where rustc then reports a receiver that differs from the real
    /// trait's, and its fix rewrites the mirror.
    pub fn receiver(&self, method: &Method, kind: &ReceiverKind) -> (Ident, TokenStream) {
        let site = self.derive_site;
        let at = |span: Span| site.located_at(span);
        match method.item.sig.receiver() {
            Some(receiver) if self.mirror => {
                let self_token = Ident::new("self", at(receiver.self_token.span));
                let receiver = match &receiver.kind {
                    crate::syntax::ReceiverKind::Value => self_token.to_token_stream(),
                    crate::syntax::ReceiverKind::Reference(and, lifetime, mutability) => {
                        let and = template::spanned(at(and.span), "&", &[]);
                        let mutability = match mutability {
                            Some(token) => Some(template::spanned(at(token.span), "mut", &[])),
                            None => None,
                        };
                        template::tokens(
                            "#0 #1 #2 #3",
                            &[&and, &lifetime, &mutability, &self_token],
                        )
                    }
                    _ => receiver_decl(kind, &self_token, site),
                };
                (self_token, receiver)
            }
            _ => {
                let self_token = Ident::new("self", site);
                let receiver = receiver_decl(kind, &self_token, site);
                (self_token, receiver)
            }
        }
    }
}

/// What the chain of impls knows when it comes to a trait.
pub struct ChainSoFar {
    /// The earlier traits' forwarders need `RealizeMut` / `RealizeInto`.
    pub needs_mut: bool,
    pub needs_into: bool,
    /// Where every impl's bound on realizing points (see `realize_bounds`):
    /// the same span in all the impls, so that a wrapper that cannot realize
    /// gets one error, not one per trait.
    pub realize_site: Span,
    /// The derive's own call site. Generated tokens where rustc may suggest
    /// a fix (receivers, the call in an `except` forwarder) carry it: rustc
    /// drops suggestions that would rewrite a derive's call site, where the
    /// default location (the `#[forwardable]` attribute, or a name in
    /// `except(...)`) would have the fix rewrite the user's attribute.
    pub derive_site: Span,
}

/// What `trait_impl` wrote, and what the chain learns from it.
#[derive(Default)]
pub struct TraitImpl {
    pub tokens: TokenStream,
    /// Some forwarder of this trait needs `RealizeMut` / `RealizeInto`.
    pub needs_mut: bool,
    pub needs_into: bool,
    /// Indexes (in `Wrapper::except_names`) of the `except` names that are
    /// methods of this trait.
    pub matched: Vec<usize>,
}

/// The impl of one forwarded trait for a struct or union.
pub fn trait_impl(
    forwarded: &ForwardedTrait,
    so_far: &ChainSoFar,
    errors: &mut Errors,
) -> TraitImpl {
    let mut learned = TraitImpl::default();
    learned.tokens = write_trait_impl(forwarded, so_far, &mut learned, errors);
    learned
}

/// `<Self as ::lazy_core::Realize>::Target` at `span` (the trait's path), its
/// path of lazy-core in the expansion's context (`tokens::in_macro_edition_at`):
/// the rest at the user's own span. With the whole target in the
/// expansion's context, rustc's error for a wrapper without `FromRealized`
/// (a method returning `Self`) stretched from the trait's definition to the
/// derive (`tests/ui/self-result-*`).
pub fn target_at(span: Span) -> TokenStream {
    TokenStream::from_iter(target_trees(span))
}

/// [`target_at`] through lazy-core's `__private::Unmarked`, for a wrapper
/// whose field of a lazy is not marked (see [`RealizeCalls::Unmarked`]).
fn unmarked_target_at(span: Span) -> TokenStream {
    let mut out = vec![
        punct_at('<', span),
        TokenTree::Ident(Ident::new("Self", span)),
    ];
    as_target_of(
        &mut out,
        &["lazy_core", "__private", "Unmarked"],
        tokens::in_macro_edition_at(span),
        span,
    );
    TokenStream::from_iter(out)
}

/// [`unmarked_target_at`], as trees.
pub fn unmarked_target_trees(span: Span) -> Vec<TokenTree> {
    unmarked_target_at(span).into_iter().collect()
}

/// [`target_at`], as trees: put into a template, trees are added to its
/// stream, where a stream would cost calls into the compiler.
pub fn target_trees(span: Span) -> Vec<TokenTree> {
    let mut out = Vec::with_capacity(12);
    out.push(punct_at('<', span));
    out.push(TokenTree::Ident(Ident::new("Self", span)));
    as_realize_target(&mut out, tokens::in_macro_edition_at(span), span);
    out
}

/// `as ::lazy_core::Realize>::Target`, which ends `<Type` into the type's
/// target: lazy-core's path at `lib`, the rest at `span`.
fn as_realize_target(out: &mut Vec<TokenTree>, lib: Span, span: Span) {
    as_target_of(out, &["lazy_core", "Realize"], lib, span);
}

/// `as ::path>::Target` (see [`as_realize_target`]).
fn as_target_of(out: &mut Vec<TokenTree>, path: &[&str], lib: Span, span: Span) {
    out.push(TokenTree::Ident(Ident::new("as", span)));
    tokens::absolute_path(out, path, lib);
    out.push(punct_at('>', span));
    tokens::push_colon2(out, span);
    out.push(TokenTree::Ident(Ident::new("Target", span)));
}

fn punct_at(ch: char, span: Span) -> TokenTree {
    let mut punct = Punct::new(ch, Spacing::Alone);
    punct.set_span(span);
    TokenTree::Punct(punct)
}

fn write_trait_impl(
    forwarded: &ForwardedTrait,
    so_far: &ChainSoFar,
    learned: &mut TraitImpl,
    errors: &mut Errors,
) -> TokenStream {
    let ForwardedTrait {
        wrapper,
        trait_ref,
        remote,
        ..
    } = *forwarded;
    let span = trait_ref.span();
    let self_ty = self_ty(wrapper, span);
    let unmarked = wrapper.unmarked_lazy();
    let (target, realize_calls) = if unmarked {
        (unmarked_target_at(span), RealizeCalls::Unmarked)
    } else {
        (target_at(span), RealizeCalls::Paths)
    };
    let Some(mut head) = ImplHead::new(forwarded, Some(&target), &mut learned.matched, errors)
    else {
        return TokenStream::new();
    };
    let trait_path = &head.trait_path;
    let target_args = &head.generics.target_args;
    let target_trait = template::tokens("#0 #1", &[&trait_path, &target_args]);
    let target_as_trait = template::tokens("<#0 as #1>", &[&target, &target_trait]);
    let call_prefix = call_prefix(trait_path, target_args, &target_as_trait, remote.is_some());
    // The target by its name, for a wrapper without parameters: from its
    // `#[realize]` field, not through the wrapper's `Realize`, so that a
    // wrapper that cannot realize gets no error of building it back on top
    // of that one. (A wrapper with lifetimes keeps the bound: its
    // `FromRealized` may hold for some lifetimes only, `W<'static>`.)
    let named_target = match &wrapper.realize {
        _ if !wrapper.input.generics.params.is_empty() => None,
        Some(field) => Some(named_field_target(field)),
        // `Realize` written by hand, as no field looks like a lazy whose
        // `#[realize]` was forgotten: that error needs no second one from
        // building back through the missing impl.
        None if !wrapper.realize_misplaced && wrapper.lazy_field().is_none() => Some(
            template::tokens("<Self as ::lazy_core::Realize>::Target", &[]),
        ),
        None => None,
    };
    let ctx = ImplContext {
        derive_site: so_far.derive_site,
        mirror: remote.is_some(),
        target_as_trait,
        call_prefix,
        deprecated_trait: head.deprecated,
        inline: true,
        realize_calls,
        // Unmarked, through the bound (see `from_realized` below) and a
        // conversion that does not ask for `Realize`.
        from_realized: if unmarked {
            Some((
                Span::call_site(),
                template::tokens("::lazy_core::__private::from_unmarked::<Self>", &[]),
            ))
        } else if let Some(target) = &named_target {
            let site = Span::call_site().located_at(span);
            let target = tokens::respan_as(target.clone(), site);
            let path = template::spanned(
                site,
                "<Self as ::lazy_core::FromRealized<#0>>::from_realized",
                &[&target],
            );
            Some((site, path))
        } else {
            None
        },
    };

    let mut writer = StructItems {
        ctx: &ctx,
        body: ImplBody::default(),
        // Not for a pointer to a trait object (`Lazy<Box<dyn Tracker>>`):
        // without `deref` the target is the box, which does not implement
        // the trait.
        deref: match &wrapper.realize {
            Some(field) => match (field.deref, field.plain) {
                (Some(at), Some(_)) => Some((at, "")),
                (Some(at), None) if derefs_to_a_trait_object(&field.ty) => Some((at, "")),
                (Some(at), None) => Some((at, ", or realize without `deref`")),
                (None, _) => None,
            },
            None => None,
        },
        shared_ref: lent_through_shared_ref(wrapper),
    };
    write_items(forwarded, &mut head, &mut writer, errors);
    let body = writer.body;

    let generics = &head.generics;
    let trait_predicates = &generics.predicates;
    let trait_full = &head.trait_full;
    let impl_generics = impl_generics(wrapper, &generics.lifetimes, &generics.others);

    let wrapper_predicates = where_predicates(&wrapper.input.generics);
    // A predicate of its own, as the hidden macro's fast rule writes it
    // (there at the method that needs it, here at the trait's path).
    let mut sized = match body.sized_at {
        Some(_) => Some(template::tokens("#0: ::core::marker::Sized,", &[&target])),
        None => None,
    };
    // `self: Pin<&mut Self>` forwards through `Pin::get_mut` and `Pin::new`:
    // for a wrapper or target that is not `Unpin`, the error is at the
    // trait's path, not in each forwarder.
    if body.needs_unpin {
        let unpin = tokens::respan_as(
            template::tokens(
                "#0: ::core::marker::Unpin, #1: ::core::marker::Unpin,",
                &[&self_ty, &target],
            ),
            Span::call_site().located_at(span),
        );
        sized = Some(template::tokens("#0 #1", &[&sized, &unpin]));
    }
    let (needs_mut, needs_into) = (body.needs_mut, body.needs_into);
    // Wholly at the trait's name: a wrapper without the conversion gets one
    // error there. A wrapper whose target the derive names is checked where
    // the forwarders call the conversion, at the same place
    // (`ImplContext::from_realized`): the bound would name no parameter, and
    // when it failed rustc held the impl unimplemented, so that every call
    // of a forwarded method was one more error.
    let mut from_realized = match body.needs_from && named_target.is_none() {
        true => Some(tokens::respan_as(
            template::tokens("#0: ::lazy_core::FromRealized<#1>,", &[&self_ty, &target]),
            Span::call_site().located_at(span),
        )),
        false => None,
    };
    let body = body.into_tokens();
    // Puts `W: Realize` in the impl's assumptions: if the wrapper cannot
    // realize, this bound is the one error, instead of one more for every
    // forwarded method.
    learned.needs_mut = needs_mut;
    learned.needs_into = needs_into;
    let (mut realizing, generic_needs) =
        realizing_bounds(wrapper, &self_ty, span, so_far, needs_mut, needs_into);
    let generic_needs = template::tokens(
        "#0 #1",
        &[&generic_needs, &shown_target_bound(wrapper, &target_trait)],
    );

    let derived = derived_attr(remote);
    // Through `#[realize(deref)]` the bound is at `deref`, as the fast
    // path's (see `chain::fast_entry`).
    let deref = match &wrapper.realize {
        Some(field) => field.deref,
        None => None,
    };
    let bound = match deref {
        Some(at) => tokens::respan_as(target_trait, so_far.realize_site.located_at(at)),
        None => target_trait,
    };
    // The target's bounds before the wrapper's (that it implements the
    // trait, again after them as for any wrapper, and is sized): in this
    // order rustc reports an unmarked field's one error, the bound's
    // `Unmarked`; in the other, each projection through it is one more.
    if unmarked {
        realizing = template::tokens(
            "#0: #1, #2 #3 #4",
            &[&target, &bound, &sized, &from_realized, &realizing],
        );
        sized = None;
        from_realized = None;
    }
    // The impl's own tokens at the trait's path too: rustc reports the impl
    // there (a second impl of the trait for the wrapper, E0119, is at the
    // name in `realize_forward(...)`, not at the trait's definition). The
    // hidden macro's fast rule cannot do the same: its `impl`, `where` and
    // braces are its own tokens.
    let at = Span::call_site().located_at(span);
    template::spanned(
        at,
        "#0
        impl #1 #2 for #3
        where
            #4
            #5
            #6
            #7
            #8: #9,
            #10
            #11
        {
            #12
        }",
        &[
            &derived,
            &impl_generics,
            &trait_full,
            &self_ty,
            &template::each(&wrapper_predicates, "#0,").at(at),
            &template::each(trait_predicates, "#0,").at(at),
            &realizing,
            &generic_needs,
            &target,
            &bound,
            &sized,
            &from_realized,
            &body,
        ],
    )
}

/// What a forwarder calls to realize the wrapper (a receiver, a `Self`
/// argument).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum RealizeCalls {
    /// lazy-core's `Realize::realize`, `RealizeMut::realize_mut` and
    /// `RealizeInto::into_realized`.
    Paths,
    /// The fast rule's metavariables `$__realize`, `$__realize_mut` and
    /// `$__into_realized`, which the derive's `fast` entry binds to
    /// lazy-core's paths (`chain::fast_entry`): two tokens of the hidden
    /// macro's body where the path is nine, in every forwarder (see
    /// `trait_def::fast_rule`).
    Metavars,
    /// lazy-core's `__private::Unmarked`, `UnmarkedMut` and `UnmarkedInto`,
    /// for a wrapper whose field of a lazy is not marked
    /// ([`Wrapper::unmarked_lazy`]): the same calls where the wrapper
    /// implements `Realize` by hand, and where it does not, one error at the
    /// field whose message says to mark it.
    Unmarked,
}

/// The impl's self type: the wrapper's name located at the trait's path
/// (`span`, see `chain::fast_entry`), so that what rustc says of the self
/// type (a supertrait it lacks) points at the trait in `realize_forward(...)`.
pub fn self_ty(wrapper: &Wrapper, span: Span) -> TokenStream {
    let mut ident = wrapper.input.ident.clone();
    ident.set_span(ident.span().located_at(span));
    let (_, ty_generics, _) = wrapper.input.generics.split_for_impl();
    template::tokens("#0 #1", &[&ident, &ty_generics])
}

/// The wrapper's own `where` predicates, for an impl's `where` clause.
pub fn where_predicates(generics: &Generics) -> Vec<&WherePredicate> {
    let mut predicates = Vec::new();
    if let Some(clause) = &generics.where_clause {
        predicates.extend(punct::values(&clause.predicates));
    }
    predicates
}

/// The impl's attributes. A forwarded `ne` calls the target's: not the
/// re-implementation that clippy's `partialeq_ne_impl` is about.
pub fn derived_attr(remote: Option<&Path>) -> TokenStream {
    if looks_derived_to_clippy(remote) {
        template::tokens("#[allow(clippy::partialeq_ne_impl)]", &[])
    } else {
        template::tokens("#[automatically_derived]", &[])
    }
}

/// The body of an impl of a forwarded trait, item by item, and what its
/// forwarders need of the wrapper. Both writers fill it: `trait_impl` for one
/// wrapper, `template` once where the trait is defined.
#[derive(Default)]
pub struct ImplBody {
    assoc_types: Vec<TokenStream>,
    consts: Vec<TokenStream>,
    methods: Vec<TokenStream>,
    /// Some forwarder needs `RealizeMut`.
    pub needs_mut: bool,
    /// Some forwarder takes the value by value (which `#[realize(deref)]`
    /// cannot give).
    pub needs_into: bool,
    /// Some forwarder needs a sized target: the name of the first method
    /// whose does, where the hidden macro's fast rule states that bound, so
    /// that rustc's error for an unsized target (`dyn Trait`) points at that
    /// method.
    pub sized_at: Option<Span>,
    /// Some forwarder builds the wrapper back (`lazy_core::FromRealized`).
    pub needs_from: bool,
    /// Some forwarder unpins the wrapper (`self: Pin<&mut Self>`).
    pub needs_unpin: bool,
}

impl ImplBody {
    /// The forwarders of a method the plan forwards, one per combination of
    /// its cfg'd parameters; `None` past `cfg_params::MAX_CFGS`.
    fn forward(&mut self, ctx: &ImplContext, method: &Method) -> Option<()> {
        let variants = cfg_params::per_variant(method, |method| forwarder(ctx, method))?;
        if method.needs_sized_target && self.sized_at.is_none() {
            self.sized_at = Some(method.item.sig.ident.span());
        }
        self.needs_mut |= method.needs_mut();
        self.needs_into |= method.needs_into();
        self.needs_from |= method.wrap.is_some();
        self.needs_unpin |= method.needs_unpin();
        self.methods.push(variants);
        Some(())
    }

    /// Any other method's tokens (an `except` forwarder, an error stub).
    fn push_method(&mut self, tokens: TokenStream) {
        self.methods.push(tokens);
    }

    fn push_type(&mut self, ctx: &ImplContext, item: &TraitItemType) {
        self.assoc_types.push(assoc_type(ctx, item));
    }

    fn push_const(&mut self, ctx: &ImplContext, item: &TraitItemConst) {
        self.consts.push(assoc_const(ctx, item));
    }

    /// The items in the order an impl lists them: types, consts, methods.
    pub fn into_tokens(self) -> TokenStream {
        let ImplBody {
            mut assoc_types,
            consts,
            methods,
            ..
        } = self;
        // One concatenation of all the items: extending the stream item by
        // item is one call into the compiler per item.
        assoc_types.extend(consts);
        assoc_types.extend(methods);
        tokens::concat(assoc_types)
    }
}

/// [`ImplContext::call_prefix`] of an impl that names the trait `trait_path`
/// with `target_args` (`<A, ..>` or nothing). A mirror's calls name the
/// target: where the mirror's signature differs from the real trait's,
/// rustc's error about the call then shows the target's type, at the derive
/// (not `_`, in a span across the mirror and the derive).
pub fn call_prefix(
    trait_path: &TokenStream,
    target_args: &TokenStream,
    target_as_trait: &TokenStream,
    mirror: bool,
) -> TokenStream {
    if mirror {
        target_as_trait.clone()
    } else if target_args.is_empty() {
        trait_path.clone()
    } else {
        template::tokens("#0 :: #1", &[&trait_path, &target_args])
    }
}

/// The body that [`trait_impl`] writes for this trait whenever the impl does
/// not depend on the wrapper beyond its name, written once where the trait
/// is defined (what `#[forwardable]` pre-writes for the derive's fast path),
/// with `target_as_trait` standing for `<<W as Realize>::Target as Trait>`
/// in its associated types and consts, and `call_prefix` for the trait's
/// path in its forwarded calls (see [`ImplContext`]). That is a trait
/// without generics, a `where` clause, `unsafe` or `#[deprecated]`, whose
/// every method forwards or keeps its default. `None` when the trait needs
/// more (an error stub, parameters to substitute or rename, a method that
/// returns the wrapper and needs `FromRealized` bounds), which the derive's
/// chain then writes as before.
/// `trait_def` is the carried trait (`trait_def::carried_trait`).
pub fn template(
    trait_def: ItemTrait,
    target_as_trait: TokenStream,
    call_prefix: TokenStream,
    inline: bool,
) -> Option<ImplBody> {
    // A deprecated trait is also left to the chain: rustc reports the use
    // of the trait in an impl that a proc macro writes at the user's path,
    // and not in one that a `macro_rules!` transcribes.
    let deprecated = has_attr(&trait_def.attrs, "deprecated");
    if deprecated
        || trait_def.unsafety.is_some()
        || !trait_def.generics.params.is_empty()
        || trait_def.generics.where_clause.is_some()
    {
        return None;
    }
    let ctx = ImplContext {
        target_as_trait,
        call_prefix,
        deprecated_trait: false,
        derive_site: Span::call_site(),
        mirror: false,
        inline,
        realize_calls: if inline {
            RealizeCalls::Metavars
        } else {
            RealizeCalls::Paths
        },
        from_realized: None,
    };
    let trait_name = trait_def.ident.unraw().to_string();
    // The impl of a non-generic wrapper and trait declares no parameters.
    let impl_params = captures::ImplParams::new();
    let mut body = ImplBody::default();
    // The items are the template's own (no copy of each method).
    for item in trait_def.items {
        match item {
            TraitItem::Fn(item) => {
                let item = captures::for_impl(item, &impl_params);
                let method = Method::new(item, &trait_name, false);
                match &method.plan {
                    // The impl needs `W: FromRealized<Target>`, which the
                    // chain writes.
                    ForwardPlan::Forward if method.wrap.is_some() => return None,
                    // Called on the target's type, which the chain names.
                    ForwardPlan::Forward if method.receiver.is_none() => return None,
                    // Its `Unpin` bounds are the chain's to write.
                    ForwardPlan::Forward if method.needs_unpin() => return None,
                    ForwardPlan::Forward => body.forward(&ctx, &method)?,
                    ForwardPlan::KeepDefault => {}
                    ForwardPlan::Inherent | ForwardPlan::Unsupported { .. } => return None,
                }
            }
            TraitItem::Type(item) => body.push_type(&ctx, &item),
            // A const of type `Self`: its default is kept, else it is the
            // chain's error (`write_items`).
            TraitItem::Const(item) if tokens::mentions_bare_self(item.ty.to_token_stream()) => {
                item.default.as_ref()?;
            }
            TraitItem::Const(item) => body.push_const(&ctx, &item),
            _ => return None,
        }
    }
    Some(body)
}

/// std's traits that clippy pairs up: an impl of one that is
/// `#[automatically_derived]` beside a hand-written impl of its partner is a
/// deny-by-default lint (`derive_ord_xor_partial_ord`,
/// `derived_hash_with_manual_eq`). A forwarded impl is not a derive of the
/// wrapper's fields: it does not carry the attribute, and the user may write
/// the partner by hand.
fn looks_derived_to_clippy(remote: Option<&Path>) -> bool {
    const PAIRED: &[&str] = &["PartialEq", "Eq", "PartialOrd", "Ord", "Hash"];
    match remote {
        Some(path) => match path.segments.last() {
            Some(last) => tokens::is_one_of(&last.ident, PAIRED),
            None => false,
        },
        None => false,
    }
}

/// What a writer of an impl's body does with each kind of item, behind the
/// dispatch that `write_items` shares between the struct's impl and the
/// enum's (`enums`).
pub trait ItemWriter {
    /// The forwarders' context, for an `except` forwarder.
    fn context(&self) -> &ImplContext;
    /// Where `#[realize(deref)]` is written, when the target is reached
    /// through it, and how to fix a method it cannot forward.
    fn deref(&self) -> Option<(Span, &'static str)>;
    /// The `&` of a field that reaches its target through a shared
    /// reference (`&'a Lazy<T>`, `#[realize(plain, deref)] &'a dyn Trait`),
    /// which no `&mut self` method can be forwarded through.
    fn shared_ref(&self) -> Option<Span>;
    /// Writes the forwarder of a method the plan forwards, or its error
    /// stub; `span` is the trait's path.
    fn forward(&mut self, method: &Method, span: Span, trait_name: &str);
    /// Any other method's tokens (an `except` forwarder, an error stub).
    fn push_method(&mut self, tokens: TokenStream);
    fn push_type(&mut self, item: &TraitItemType, span: Span, errors: &mut Errors);
    fn push_const(&mut self, item: &TraitItemConst);
}

/// A struct's impl body: `ImplBody`, with what it needs of the wrapper.
struct StructItems<'a> {
    ctx: &'a ImplContext,
    body: ImplBody,
    /// `#[realize(deref)]`'s `deref`, and how to fix a method it cannot
    /// forward.
    deref: Option<(Span, &'static str)>,
    /// See [`ItemWriter::shared_ref`].
    shared_ref: Option<Span>,
}

impl ItemWriter for StructItems<'_> {
    fn context(&self) -> &ImplContext {
        self.ctx
    }

    fn deref(&self) -> Option<(Span, &'static str)> {
        self.deref
    }

    fn shared_ref(&self) -> Option<Span> {
        self.shared_ref
    }

    fn forward(&mut self, method: &Method, span: Span, trait_name: &str) {
        if self.body.forward(self.ctx, method).is_none() {
            self.body
                .push_method(too_many_cfgs(span, &trait_name, method));
        }
    }

    fn push_method(&mut self, tokens: TokenStream) {
        self.body.push_method(tokens);
    }

    fn push_type(&mut self, item: &TraitItemType, _: Span, _: &mut Errors) {
        self.body.push_type(self.ctx, item);
    }

    fn push_const(&mut self, item: &TraitItemConst) {
        self.body.push_const(self.ctx, item);
    }
}

/// The impl's items for one wrapper (taken out of `head`): every method
/// forwarded, answered by the wrapper's own method (`except`), or stubbed
/// with its error; the associated types and consts as `writer` takes them.
pub fn write_items(
    forwarded: &ForwardedTrait,
    head: &mut ImplHead,
    writer: &mut dyn ItemWriter,
    errors: &mut Errors,
) {
    let ForwardedTrait {
        wrapper,
        trait_ref,
        remote,
        ..
    } = *forwarded;
    let generics = &head.generics;
    let span = trait_ref.span();
    let trait_name = trait_ref.name();
    // Names the impl declares: a method's own parameters must not reuse them;
    // and what the forwarders' `use<..>` captures must list.
    let mut impl_param_names = Names::default();
    let mut impl_params = captures::ImplParams::new();
    for param in &wrapper.input.generics.params {
        impl_param_names.insert(param_name(param));
        impl_params.add(param, true);
    }
    for list in &[&generics.lifetimes, &generics.others] {
        for param in *list {
            impl_param_names.insert(param_name(param));
            impl_params.add(param, false);
        }
    }
    // A struct's target that is a trait object (`#[realize(deref)]
    // Lazy<Box<dyn Shape>>`), read by its written type.
    let dyn_target = wrapper.variants.is_none()
        && match &wrapper.realize {
            Some(field) => {
                field.deref.is_some()
                    && tokens::mentions(field.ty.to_token_stream(), &|id| id == "dyn")
            }
            None => false,
        };

    // The consts of the wrapper's own type without a default, which no
    // derive can write (one error names them all).
    let mut head_consts = Vec::new();
    for item in &head.items {
        if let TraitItem::Const(item) = item
            && item.default.is_none()
            && tokens::mentions_bare_self(item.ty.to_token_stream())
        {
            head_consts.push((
                item.ident.clone(),
                tokens::pretty(&item.ty.to_token_stream()),
            ));
        }
    }
    let mut self_consts_reported = false;
    for item in std::mem::take(&mut head.items) {
        let item = match rename_item_params(item, &impl_param_names) {
            Ok(item) => item,
            Err(err) => {
                errors.push(err);
                continue;
            }
        };
        match item {
            TraitItem::Fn(item) => {
                let item = captures::for_impl(item, &impl_params);
                let except = head.excepts.find(&item.sig.ident);
                let method = Method::new(item, &trait_name, except.is_some());
                write_method(writer, &method, except, (span, dyn_target), &trait_name);
            }
            TraitItem::Type(item) => writer.push_type(&item, span, errors),
            // A const of the wrapper's own type (`const ZERO: Self;`): a
            // wrapper is built from its target at run time, not in a const.
            // One error at the trait's path, as the const's value (rustc's
            // error type, so no second error about the impl); a default
            // stays the trait's. The first such const carries the one error
            // that names them all; the others a value that is never
            // evaluated (the crate does not build), so no error of its own.
            TraitItem::Const(item) if tokens::mentions_bare_self(item.ty.to_token_stream()) => {
                if item.default.is_none() {
                    let value = match self_consts_reported {
                        true => template::tokens(
                            "::core::panic!(\"see the error at the trait's path\")",
                            &[],
                        ),
                        false => {
                            self_consts_error(&head_consts, &trait_name, remote.is_some(), span)
                        }
                    };
                    self_consts_reported = true;
                    let (name, ty) = (&item.ident, &item.ty);
                    writer.push_method(template::tokens("const #0: #1 = #2;", &[name, ty, &value]));
                }
            }
            TraitItem::Const(item) => writer.push_const(&item),
            other => errors.push(Error::new(
                span,
                format!(
                    "cannot forward `{trait_name}`: it has an item the derive does not understand: `{}`",
                    other.to_token_stream()
                ),
            )),
        }
    }
}

/// The one error of the consts of type `Self` without a default (`const
/// ZERO: Self;`, `(name, type)` each), at the trait's path `span`: the
/// value of the first of them.
fn self_consts_error(
    consts: &[(Ident, String)],
    trait_name: &str,
    mirror: bool,
    span: Span,
) -> TokenStream {
    let mut names = String::new();
    let mut types = String::new();
    for index in 0..consts.len() {
        let (name, ty) = &consts[index];
        let sep = match index {
            0 => "",
            _ if index + 1 == consts.len() => " and ",
            _ => ", ",
        };
        names.push_str(&format!("{sep}`{trait_name}::{name}`"));
        if !types.contains(&format!("`{ty}`")) {
            let sep = if types.is_empty() { "" } else { " or " };
            types.push_str(&format!("{sep}`{ty}`"));
        }
    }
    let (what, holds, fix_default) = match consts {
        [(name, _)] => (
            "a const",
            "holds",
            format!("give `{name}` a default in the trait"),
        ),
        _ => (
            "consts",
            "hold",
            "give them defaults in the trait".to_string(),
        ),
    };
    // A mirror's default would not be the real trait's.
    let fix = match mirror {
        true => format!("implement `{trait_name}` for the wrapper by hand"),
        false => format!("{fix_default}, or implement `{trait_name}` for the wrapper by hand"),
    };
    crate::errors::compile_error(Error::new(
        span,
        format!(
            "cannot forward {names}: {what} of type {types} {holds} the wrapper, which is built from its target at run time, not in a const; {fix}"
        ),
    ))
}

/// lazy-core's name for what `deref` asks of a value: `DerefValue`, or
/// `DerefMutValue` when a forwarded method needs it mutably (their messages
/// say what to do with a value that is no pointer).
pub fn deref_value_trait(mutable: bool) -> TokenStream {
    if mutable {
        template::tokens("DerefMutValue", &[])
    } else {
        template::tokens("DerefValue", &[])
    }
}

/// The `&` of a struct's `#[realize]` field that reaches its target through
/// a shared reference (`&'a Lazy<T>`, `#[realize(plain, deref)] &'a dyn
/// Trait`), which lends no `&mut`; a plain field without `deref` is the
/// target itself, whatever it is.
pub fn lent_through_shared_ref(wrapper: &Wrapper) -> Option<Span> {
    match &wrapper.realize {
        Some(field) if field.plain.is_none() || field.deref.is_some() => shared_ref(&field.ty),
        _ => None,
    }
}

/// The `&` of `ty` when it is a shared reference (`&'a T`, not `&'a mut T`).
pub fn shared_ref(ty: &syn::Type) -> Option<Span> {
    match crate::input::unparenthesized(ty) {
        syn::Type::Reference(reference) if reference.mutability.is_none() => {
            Some(reference.and_token.span)
        }
        _ => None,
    }
}

/// One method of the impl, as its plan says.
fn write_method(
    writer: &mut dyn ItemWriter,
    method: &Method,
    except: Option<&Ident>,
    (span, dyn_target): (Span, bool),
    trait_name: &str,
) {
    match &method.plan {
        // A trait object has no function without a receiver (its `where
        // Self: Sized` leaves it out): one error here, as before such
        // methods were forwarded, not rustc's about an unsized target and a
        // `FromRealized` no wrapper can have.
        ForwardPlan::Forward if method.receiver.is_none() && dyn_target => {
            let name = &method.item.sig.ident;
            let error = Error::new(
                span,
                format!(
                    "cannot forward `{trait_name}::{name}`: it has no `self` receiver, and the target, a trait object, has no such function; list it in `except(...)` and implement it on the wrapper"
                ),
            );
            writer.push_method(fallback::stub(method, error));
        }
        ForwardPlan::Forward => {
            let name = &method.item.sig.ident;
            // In a generic wrapper the bound that fails would only make the
            // impl unusable, reported at each use.
            let error = match (writer.deref(), writer.shared_ref()) {
                (Some((deref, fix)), _) if method.needs_into() => Some(Error::new(
                    deref,
                    format!(
                        "cannot forward `{trait_name}::{name}`: it takes `self` (or a `Self` argument) by value, which forwarding through `deref` cannot give; list it in `except(...)`{fix}"
                    ),
                )),
                (_, Some(at)) if method.needs_mut() => {
                    let takes = match method.needs_unpin() {
                        true => "`self: Pin<&mut Self>`",
                        false => "`&mut self` (or a `&mut Self` argument)",
                    };
                    Some(Error::new(
                        at,
                        format!(
                            "cannot forward `{trait_name}::{name}`: it takes {takes}, which a shared reference cannot lend; list it in `except(...)`, or hold a `&mut` reference"
                        ),
                    ))
                }
                _ => None,
            };
            match error {
                Some(error) => writer.push_method(fallback::stub(method, error)),
                None => writer.forward(method, span, trait_name),
            }
        }
        ForwardPlan::Inherent => {
            if let Some(except) = except {
                let ctx = writer.context();
                let variants = cfg_params::per_variant(method, |method| {
                    inherent_forwarder(ctx, method, except)
                });
                let tokens = match variants {
                    Some(tokens) => tokens,
                    None => too_many_cfgs(span, &trait_name, method),
                };
                writer.push_method(tokens);
            }
        }
        ForwardPlan::KeepDefault => {}
        ForwardPlan::Unsupported { message, .. } => {
            // Under the method's cfgs: an error only where the method exists.
            writer.push_method(fallback::stub(method, Error::new(span, message)));
        }
    }
}

/// The impl's generic parameters: lifetimes first (the wrapper's, then the
/// trait's kept generic), then the other parameters in the same order.
pub fn impl_generics(
    wrapper: &Wrapper,
    trait_lifetimes: &[GenericParam],
    trait_others: &[GenericParam],
) -> TokenStream {
    let wrapper_params = &wrapper.input.generics.params;
    // Lifetimes first, the wrapper's then the trait's; then the others. Each
    // as `split_for_impl` writes it: without a default.
    let mut params = Vec::new();
    for param in wrapper_params {
        if let GenericParam::Lifetime(_) = param {
            params.push(param.to_token_stream());
        }
    }
    for param in trait_lifetimes {
        params.push(param.to_token_stream());
    }
    let others = |params: &mut Vec<TokenStream>, param: &GenericParam| match param {
        GenericParam::Lifetime(_) => {}
        GenericParam::Type(param) => params.push(generics::without_default(param)),
        GenericParam::Const(param) => params.push(generics::const_without_default(param)),
    };
    for param in wrapper_params {
        others(&mut params, param);
    }
    for param in trait_others {
        others(&mut params, param);
    }
    if params.is_empty() {
        return TokenStream::new();
    }
    template::tokens("<#0>", &[&template::joined(&params, ",")])
}

/// The impl's bounds on realizing: for a concrete wrapper the field's own
/// (`realize_bounds`, at the chain's realize site); a generic wrapper's are
/// not trivially false (a wrapper that cannot realize fails where it is
/// used, not here), and a `where` bound on a type with parameters would hide
/// the `Realize` impl's `Target` from the impl (rustc does not normalize
/// through a where clause), so it gets `Self: RealizeMut` / `RealizeInto`
/// at the trait's name instead, for what this and the earlier impls need,
/// with the `Target` that the field's type shows (`Lazy<T>`: `T`).
fn realizing_bounds(
    wrapper: &Wrapper,
    self_ty: &TokenStream,
    span: Span,
    so_far: &ChainSoFar,
    needs_mut: bool,
    needs_into: bool,
) -> (TokenStream, TokenStream) {
    if wrapper.input.generics.params.is_empty() {
        let bounds = realize_bounds(wrapper, self_ty, so_far.realize_site, needs_mut, needs_into);
        return (bounds, TokenStream::new());
    }
    generic_realizing_bounds(
        wrapper,
        self_ty,
        span,
        so_far.realize_site,
        so_far.needs_mut || needs_mut,
        so_far.needs_into || needs_into,
    )
}

/// [`realizing_bounds`] of a generic wrapper for the hidden macro's fast
/// rule (`chain::fast_entry`'s `generic` entry), one for each of the
/// entry's `bounds` ([`realize_bounds_each`]), each whole: the fast rule
/// writes the one its trait's methods need, the last two for both. Only
/// this trait's needs: the fast rule cannot know the earlier links'.
pub fn generic_bounds_each(
    wrapper: &Wrapper,
    self_ty: &TokenStream,
    span: Span,
    realize_site: Span,
    trait_path: &dyn ToTokens,
) -> [TokenStream; 3] {
    let shown = shown_target_bound(wrapper, trait_path);
    let bounds = |needs_mut, needs_into| {
        let (global, local) =
            generic_realizing_bounds(wrapper, self_ty, span, realize_site, needs_mut, needs_into);
        template::tokens("#0 #1 #2", &[&global, &local, &shown])
    };
    [
        bounds(false, false),
        bounds(true, false),
        bounds(false, true),
    ]
}

/// `T: Trait` for a wrapper with parameters whose `#[realize]` field shows
/// its target as a type that names them (`Lazy<T>`, `sync::Lazy<T>`,
/// `#[realize(plain)] T`: `T`), beside the impl's `<Self as
/// Realize>::Target: Trait`. rustc does not normalize that bound's
/// projection in the assumptions it checks a method's own `where` clause
/// and bounds under: a method bounding the trait's associated type (`where
/// Self::Item: Display`, `F: FnMut(Self::Item)`) was "`T: Trait` is not
/// satisfied" at the trait's `#[forwardable]`, with rustc's fix spliced into
/// that attribute. Empty for any other wrapper.
fn shown_target_bound(wrapper: &Wrapper, trait_path: &dyn ToTokens) -> TokenStream {
    let generics = &wrapper.input.generics;
    let target = match &wrapper.realize {
        Some(field) if field.deref.is_none() && !generics.params.is_empty() => field_target(field),
        _ => None,
    };
    let Some(target) = target else {
        return TokenStream::new();
    };
    let names = generics::param_names(generics);
    if !tokens::mentions(target.clone(), &|ident| tokens::is_named(ident, &names)) {
        return TokenStream::new();
    }
    template::tokens("#0: #1,", &[&target, trait_path])
}

/// [`realizing_bounds`] of a wrapper with parameters, for what the impl's
/// forwarders (and the chain's earlier ones) need.
fn generic_realizing_bounds(
    wrapper: &Wrapper,
    self_ty: &TokenStream,
    span: Span,
    realize_site: Span,
    needs_mut: bool,
    needs_into: bool,
) -> (TokenStream, TokenStream) {
    // The bounds below at the trait's name, in the expansion's context, for
    // their paths of lazy-core (`tokens::in_macro_edition_at`); the types in
    // them keep their own spans.
    let lib = tokens::in_macro_edition_at(span);
    // A `#[realize]` field that is a parameter of the wrapper (`cache: L`,
    // or `Box<L>`) is bounded here, as the wrapper's `Realize` impl bounds
    // it: the struct needs no bound. Not `W<L>: Realize`, which would hide
    // what the target is from the impl (a concrete target behind `&'a`).
    let realized = match &wrapper.realize {
        Some(field) if field.plain.is_none() => Some(field),
        _ => None,
    };
    let param = match realized {
        Some(field) => match pointee(&field.ty, false) {
            param if is_type_param(param, &wrapper.input.generics) => Some(param),
            _ => None,
        },
        None => None,
    };
    let mut realize = match param {
        Some(param) => Some(template::spanned(
            lib,
            "#0: ::lazy_core::Realize,",
            &[&param],
        )),
        None => None,
    };
    // A lazy whose seed is a parameter of the wrapper (`Lazy<Real, S>`, in
    // `W<S>` without `S: Seed`): the impls hold where `S` is a seed, as a
    // std derive's hold where its parameters have the trait. Unbounded, the
    // impls' `<Self as Realize>::Target` was an error at the trait's
    // `#[forwardable]`, whose fix rustc spliced into that attribute.
    if let Some(field) = realized
        && let Some((value, seed)) =
            crate::input::lazy_seed_param(&field.ty, &wrapper.input.generics)
    {
        let seed = template::spanned(lib, "#0: ::lazy_core::Seed<Output = #1>,", &[&seed, &value]);
        realize = Some(match realize {
            Some(realize) => tokens::concat(vec![realize, seed]),
            None => seed,
        });
    }
    // `W<T>: RealizeMut` or `RealizeInto` says what the target is, when the
    // field shows it: alone, it would make `<W<T> as Realize>::Target`
    // opaque in this impl, and the impl of a subtrait could not prove what
    // the supertrait's impl asks of the target (`Sized`, for a by-value
    // method) from its own `Target: Subtrait`.
    let binding = match &wrapper.realize {
        Some(field) => match (field_target(field), field.deref, param) {
            (Some(target), _, _) => Some(template::tokens("<Target = #0>", &[&target])),
            (None, None, Some(param)) => Some(template::tokens(
                "<Target = <#0 as ::lazy_core::Realize>::Target>",
                &[&param],
            )),
            _ => None,
        },
        None => None,
    };
    // A wrapper without a `#[realize]` field realizes by a `Realize` of its
    // own, written by hand (perhaps bounded, `impl<T: Clone> Realize for
    // W<T>`), or not at all where the mark is forgotten: the impl holds
    // where it does. Without the bound, the impl's `<Self as
    // Realize>::Target` asked for it for every `T`, two errors at the
    // derive (one at the trait's `#[forwardable]`) where the trait needs
    // neither `RealizeMut` nor `RealizeInto`, whose bounds below say it.
    let realize_own = match wrapper.realize.is_none() && !needs_mut && !needs_into {
        true => Some(template::spanned(
            lib,
            "#0: ::lazy_core::Realize,",
            &[&self_ty],
        )),
        false => None,
    };
    let realize_mut = match needs_mut {
        true => Some(template::spanned(
            lib,
            "#0: ::lazy_core::RealizeMut #1,",
            &[&self_ty, &binding],
        )),
        false => None,
    };
    let realize_into = match needs_into {
        true => Some(template::spanned(
            lib,
            "#0: ::lazy_core::RealizeInto #1,",
            &[&self_ty, &binding],
        )),
        false => None,
    };
    // A field that realizes through a type naming none of the wrapper's
    // parameters (`&'a Real`, `Box<Real>` in `W<T>`, under `deref` too) is
    // bounded as in a concrete wrapper: the bound names no parameter, so it
    // hides nothing, and a type that cannot realize is one error at the
    // field's type, not one more at each place the impls name the target.
    let global = match realized {
        Some(field) if !mentions_params(pointee(&field.ty, false), &wrapper.input.generics) => {
            FieldImpl::new(wrapper, field, realize_site).bounds(false)
        }
        _ => TokenStream::new(),
    };
    (
        global,
        template::tokens(
            "#0 #1 #2 #3",
            &[&realize, &realize_own, &realize_mut, &realize_into],
        ),
    )
}

/// The wrapper's target as the `#[realize]` field shows it, without its
/// `Realize` impl: the lazy's value type, the plain field's type, what either
/// derefs to; `None` for a field whose type hides it (a parameter, `Box<R>`).
fn field_target(field: &RealizeField) -> Option<TokenStream> {
    Some(
        match (field.deref, &field.plain, lazy_value_type(&field.ty)) {
            (Some(_), Some(_), _) => {
                let ty = &field.ty;
                template::tokens("<#0 as ::lazy_core::__private::DerefValue>::Target", &[&ty])
            }
            (Some(_), _, None) | (None, None, None) => return None,
            (Some(_), _, Some(value)) => template::tokens(
                "<#0 as ::lazy_core::__private::DerefValue>::Target",
                &[&value],
            ),
            (None, Some(_), _) => field.ty.to_token_stream(),
            (None, None, Some(value)) => value.to_token_stream(),
        },
    )
}

/// The target of a wrapper without parameters, named from its `#[realize]`
/// field's type: as the field shows it ([`field_target`]), or through the
/// field type's own `Realize` where the type hides it (an alias of a lazy,
/// `#[realize] cache: Cached`), which names no parameter either.
/// ([`field_target`] names every `plain` field, `plain, deref` through
/// `DerefValue`: what is left is a field that realizes.)
fn named_field_target(field: &RealizeField) -> TokenStream {
    if let Some(target) = field_target(field) {
        return target;
    }
    let ty = &field.ty;
    let realized = template::tokens("<#0 as ::lazy_core::Realize>::Target", &[&ty]);
    match field.deref {
        None => realized,
        Some(_) => template::tokens(
            "<#0 as ::lazy_core::__private::DerefValue>::Target",
            &[&realized],
        ),
    }
}

/// Whether `ty` names one of `generics`' parameters (conservatively: any
/// identifier spelled like one, lifetimes included).
pub fn mentions_params(ty: &syn::Type, generics: &Generics) -> bool {
    // Without parameters there is nothing to look for: the walk would put
    // the type into a stream, calls into the compiler, for every wrapper.
    if generics.params.is_empty() {
        return false;
    }
    let names = generics::param_names(generics);
    tokens::mentions(ty.to_token_stream(), &|ident| {
        tokens::is_named(ident, &names)
    })
}

/// Whether the value of the lazy `ty` (or `ty` itself, if it is no lazy)
/// names a trait object (`Lazy<Box<dyn Tracker>>`), which realizing
/// without `deref` would make the target: the pointer, not the trait's
/// implementor. Not the seed's type (`Box<dyn FnOnce() -> T>`).
pub fn derefs_to_a_trait_object(ty: &syn::Type) -> bool {
    let value = match crate::input::lazy_types(ty) {
        Some((value, _)) => value,
        None => ty,
    };
    tokens::mentions(value.to_token_stream(), &|id| id == "dyn")
}

/// The stub of a method with parameters under more distinct cfgs than
/// `cfg_params::per_variant` writes forwarders for.
pub fn too_many_cfgs(
    span: Span,
    trait_name: &impl std::fmt::Display,
    method: &Method,
) -> TokenStream {
    let error = Error::new(
        span,
        format!(
            "cannot forward `{trait_name}::{}`: its parameters are under more than {} different `#[cfg]`s, and the derive writes one forwarder per combination; put the parameters that go together under one `#[cfg]`, or implement `{trait_name}` for the wrapper by hand",
            method.item.sig.ident,
            cfg_params::MAX_CFGS,
        ),
    );
    fallback::stub(method, error)
}

/// The bounds that put a concrete wrapper's realizing in the impl's
/// assumptions, so that if the wrapper cannot realize, they are the one error
/// instead of one more for every forwarded method.
///
/// With a `#[realize]` field they are the field's own, as in the `Realize`
/// family's impls (`W: Realize` would be proved through those impls and fail
/// once more). All carry the span that `chain::realize_site` made, the same
/// in every impl, so that rustc shows the error once. Only the strongest
/// bound is written (`RealizeMut` and `RealizeInto` imply `Realize`): a
/// wrapper that cannot realize at all fails on the implied `Realize` alone.
/// A field that cannot lend or give its value is left to the bodies of the
/// `RealizeMut` and `RealizeInto` impls ([`FieldImpl::checked_in_body`]),
/// where it is one error and the impls still hold.
pub fn realize_bounds(
    wrapper: &Wrapper,
    self_ty: &TokenStream,
    span: Span,
    needs_mut: bool,
    needs_into: bool,
) -> TokenStream {
    let self_ty = tokens::respan_as(self_ty.clone(), span);
    match &wrapper.realize {
        Some(field) => {
            let field = FieldImpl::new(wrapper, field, span);
            match (needs_mut, needs_into) {
                (_, false) => field.bounds(needs_mut),
                (false, true) => field.by_value_bound(),
                // As the fast rule writes them (`trait_def::chain_rule_for`).
                (true, true) => tokens::concat(vec![field.bounds(true), field.by_value_bound()]),
            }
        }
        None if wrapper.unmarked_lazy() => {
            let mut out = TokenStream::new();
            if needs_mut {
                template::append_at(
                    &mut out,
                    span,
                    "#0: ::lazy_core::__private::UnmarkedMut,",
                    &[&self_ty],
                );
            }
            if needs_into {
                template::append_at(
                    &mut out,
                    span,
                    "#0: ::lazy_core::__private::UnmarkedInto,",
                    &[&self_ty],
                );
            }
            if out.is_empty() {
                template::append_at(
                    &mut out,
                    span,
                    "#0: ::lazy_core::__private::Unmarked,",
                    &[&self_ty],
                );
            }
            out
        }
        None => {
            let mut out = TokenStream::new();
            if needs_mut {
                template::append_at(&mut out, span, "#0: ::lazy_core::RealizeMut,", &[&self_ty]);
            }
            if needs_into {
                template::append_at(&mut out, span, "#0: ::lazy_core::RealizeInto,", &[&self_ty]);
            }
            if out.is_empty() {
                template::append_at(&mut out, span, "#0: ::lazy_core::Realize,", &[&self_ty]);
            }
            out
        }
    }
}

/// [`realize_bounds`] for three of the four needs, in the order of a fast
/// entry's `bounds` (`chain::fast_entry`): none, `RealizeMut`,
/// `RealizeInto`; the fourth, both, is the last two together, which the
/// fast rule writes one after the other (`trait_def::chain_rule_for`).
pub fn realize_bounds_each(
    wrapper: &Wrapper,
    self_ty: &TokenStream,
    span: Span,
) -> [TokenStream; 3] {
    match &wrapper.realize {
        Some(field) => field_bounds_each(wrapper, field, span),
        None => [
            realize_bounds(wrapper, self_ty, span, false, false),
            realize_bounds(wrapper, self_ty, span, true, false),
            realize_bounds(wrapper, self_ty, span, false, true),
        ],
    }
}

/// [`realize_bounds_each`] for the wrapper's `#[realize]` field `field`.
pub fn field_bounds_each(wrapper: &Wrapper, field: &RealizeField, span: Span) -> [TokenStream; 3] {
    FieldImpl::new(wrapper, field, span).bounds_each()
}

/// `#[cfg]` attributes to copy, and `#[allow(deprecated)]` for a deprecated
/// item: forwarding it is not a use of it.
pub fn carried_attrs(ctx: &ImplContext, attrs: &[syn::Attribute]) -> Option<TokenStream> {
    if !ctx.deprecated_trait && !has_attr(attrs, "cfg") && !has_attr(attrs, "deprecated") {
        return None;
    }
    let mut out = TokenStream::new();
    if ctx.deprecated_trait && !has_attr(attrs, "deprecated") {
        template::append(&mut out, "#[allow(deprecated)]", &[]);
    }
    for attr in attrs {
        if attr.path().is_ident("cfg") {
            out.extend(attr.to_token_stream());
        } else if attr.path().is_ident("deprecated") {
            template::append(&mut out, "#[allow(deprecated)]", &[]);
        }
    }
    Some(out)
}

/// `type Item<'a> = <Target as Trait>::Item<'a> where ...;`
pub fn assoc_type(ctx: &ImplContext, item: &TraitItemType) -> TokenStream {
    let attrs = carried_attrs(ctx, &item.attrs);
    let target_as_trait = &ctx.target_as_trait;
    let name = &item.ident;
    let params = &item.generics.params;
    let mut args: Vec<TokenStream> = Vec::with_capacity(params.len());
    for param in params {
        args.push(match param {
            GenericParam::Lifetime(param) => param.lifetime.to_token_stream(),
            GenericParam::Type(param) => param.ident.to_token_stream(),
            GenericParam::Const(param) => param.ident.to_token_stream(),
        });
    }
    let (generics, args) = if params.is_empty() {
        (TokenStream::new(), TokenStream::new())
    } else {
        let args = template::tokens("<#0>", &[&template::joined(&args, ",")]);
        (template::tokens("<#0>", &[&params]), args)
    };
    let where_clause = &item.generics.where_clause;
    template::tokens(
        "#0
        type #1 #2 = #3::#1 #4 #5;",
        &[
            &attrs,
            &name,
            &generics,
            &target_as_trait,
            &args,
            &where_clause,
        ],
    )
}

/// `const C: T = <Target as Trait>::C;`
pub fn assoc_const(ctx: &ImplContext, item: &TraitItemConst) -> TokenStream {
    let attrs = carried_attrs(ctx, &item.attrs);
    let target_as_trait = &ctx.target_as_trait;
    let name = &item.ident;
    let ty = &item.ty;
    template::tokens(
        "#0
        const #1: #2 = #3::#1;",
        &[&attrs, &name, &ty, &target_as_trait],
    )
}

/// The receiver as a forwarder declares it (the trait's, and the inherent
/// one that `except` calls), its own tokens at `span`.
fn receiver_decl(kind: &ReceiverKind, self_token: &Ident, span: Span) -> TokenStream {
    match kind {
        ReceiverKind::ByRef(lifetime) => {
            template::spanned(span, "&#0 #1", &[&lifetime, &self_token])
        }
        ReceiverKind::ByMutRef(lifetime) => {
            template::spanned(span, "&#0 mut #1", &[&lifetime, &self_token])
        }
        ReceiverKind::ByValue => self_token.to_token_stream(),
        ReceiverKind::BoxSelf => template::spanned(
            span,
            "#0: ::lazy_core::__private::Box<Self>",
            &[&self_token],
        ),
        ReceiverKind::PinMut(lifetime) => template::spanned(
            span,
            "#0: ::core::pin::Pin<&#1 mut Self>",
            &[&self_token, &lifetime],
        ),
        ReceiverKind::Other(ty) => template::spanned(span, "#0: #1", &[&self_token, &ty]),
    }
}

/// `::a::b::c`, as a template writes a path (call-site spans).
fn append_path(out: &mut TokenStream, segments: &[&str]) {
    for segment in segments {
        out.append(Punct::new(':', Spacing::Joint));
        out.append(Punct::new(':', Spacing::Alone));
        out.append(Ident::new(segment, Span::call_site()));
    }
}

/// `path(inner)`.
fn append_call(out: &mut TokenStream, path: &[&str], inner: TokenStream) {
    append_path(out, path);
    out.append(Group::new(Delimiter::Parenthesis, inner));
}

/// How a forwarder hands a value of the wrapper's type to the target: the
/// receiver (by its kind) or a `Self` argument, realized by the calls
/// `calls` names (see [`ImplContext::realize_calls`]).
struct Realized<'a> {
    value: RealizedValue<'a>,
    calls: RealizeCalls,
}

enum RealizedValue<'a> {
    Receiver(&'a ReceiverKind, &'a Ident),
    Arg(&'a Ident, Option<&'a SelfArg>),
}

impl ToTokens for Realized<'_> {
    fn to_tokens(&self, out: &mut TokenStream) {
        // Each path of lazy-core, the fast rule's metavariable for it, and
        // its `Unmarked` path.
        type How = (
            &'static [&'static str],
            &'static str,
            &'static [&'static str],
        );
        const REALIZE: How = (
            &["lazy_core", "Realize", "realize"],
            "__realize",
            &["lazy_core", "__private", "Unmarked", "__lazy_realize"],
        );
        const REALIZE_MUT: How = (
            &["lazy_core", "RealizeMut", "realize_mut"],
            "__realize_mut",
            &[
                "lazy_core",
                "__private",
                "UnmarkedMut",
                "__lazy_realize_mut",
            ],
        );
        const INTO_REALIZED: How = (
            &["lazy_core", "RealizeInto", "into_realized"],
            "__into_realized",
            &[
                "lazy_core",
                "__private",
                "UnmarkedInto",
                "__lazy_into_realized",
            ],
        );
        let realize =
            |out: &mut TokenStream, (path, metavar, unmarked): How, inner| match self.calls {
                RealizeCalls::Metavars => {
                    out.append(crate::tokens::dollar());
                    out.append(Ident::new(metavar, Span::call_site()));
                    out.append(Group::new(Delimiter::Parenthesis, inner));
                }
                RealizeCalls::Paths => append_call(out, path, inner),
                RealizeCalls::Unmarked => append_call(out, unmarked, inner),
            };
        let (how, value) = match self.value {
            RealizedValue::Receiver(ReceiverKind::ByRef(_), value)
            | RealizedValue::Arg(value, Some(SelfArg::Ref)) => (REALIZE, value),
            RealizedValue::Receiver(ReceiverKind::ByMutRef(_), value)
            | RealizedValue::Arg(value, Some(SelfArg::MutRef)) => (REALIZE_MUT, value),
            RealizedValue::Receiver(ReceiverKind::ByValue, value)
            | RealizedValue::Arg(value, Some(SelfArg::Value)) => (INTO_REALIZED, value),
            RealizedValue::Receiver(ReceiverKind::BoxSelf, value) => {
                let mut deref = TokenStream::new();
                deref.append(Punct::new('*', Spacing::Alone));
                deref.append(value.clone());
                let mut into = TokenStream::new();
                realize(&mut into, INTO_REALIZED, deref);
                append_call(out, &["lazy_core", "__private", "Box", "new"], into);
                return;
            }
            // `Pin::new(realize_mut(Pin::get_mut(self)))`.
            RealizedValue::Receiver(ReceiverKind::PinMut(_), value) => {
                let unpinned = template::tokens("::core::pin::Pin::get_mut(#0)", &[value]);
                let mut realized = TokenStream::new();
                realize(&mut realized, REALIZE_MUT, unpinned);
                template::append(out, "::core::pin::Pin::new(#0)", &[&realized]);
                return;
            }
            RealizedValue::Receiver(ReceiverKind::Other(_), value)
            | RealizedValue::Arg(value, None) => {
                value.to_tokens(out);
                return;
            }
        };
        realize(out, how, value.to_token_stream());
    }
}

/// The return type of the forwarder: an `async fn` becomes a plain `fn`
/// returning the target's future, so that calling it realizes at once.
struct Output<'a>(&'a Method);

impl ToTokens for Output<'_> {
    fn to_tokens(&self, out: &mut TokenStream) {
        let sig = &self.0.item.sig;
        if sig.asyncness.is_none() {
            sig.output.to_tokens(out);
            return;
        }
        let ty = match &sig.output {
            ReturnType::Default => template::tokens("()", &[]),
            ReturnType::Type(_, ty) => ty.to_token_stream(),
        };
        template::append(out, "-> impl ::core::future::Future<Output = #0>", &[&ty]);
    }
}

/// `::<T, N>`: the method's type and const parameters. Lifetimes are left to
/// inference (late-bound ones cannot be named), and so are the types of
/// `impl Trait` arguments, which a turbofish cannot name (one that names
/// the others is accepted beside them since Rust 1.63). With a span, every
/// token at it: an `except` forwarder's, at the derive's call site, so that
/// rustc's fix for an inherent method of other parameters (E0107: "add
/// missing generic argument") does not land in `realize_forward(...)`.
pub struct Turbofish<'a>(pub &'a crate::syntax::Signature, pub Option<Span>);

impl ToTokens for Turbofish<'_> {
    fn to_tokens(&self, out: &mut TokenStream) {
        let sig = self.0;
        let punct = |c, spacing| {
            let mut punct = Punct::new(c, spacing);
            if let Some(span) = self.1 {
                punct.set_span(span);
            }
            punct
        };
        // `::<` before the first type or const parameter, `,` before each
        // other (a loop: a `filter_map` with its closure is code of its own
        // in this crate's build).
        let mut first = true;
        for param in &sig.generics.params {
            let mut ident = match param {
                GenericParam::Type(param) => param.ident.clone(),
                GenericParam::Const(param) => param.ident.clone(),
                GenericParam::Lifetime(_) => continue,
            };
            if let Some(span) = self.1 {
                ident.set_span(span);
            }
            if first {
                out.append(punct(':', Spacing::Joint));
                out.append(punct(':', Spacing::Alone));
                out.append(punct('<', Spacing::Alone));
                first = false;
            } else {
                out.append(punct(',', Spacing::Alone));
            }
            out.append(ident);
        }
        if first {
            return;
        }
        out.append(punct('>', Spacing::Alone));
    }
}

/// `<params>` of the method, or nothing.
pub struct MethodGenerics<'a>(pub &'a syn::Generics);

impl ToTokens for MethodGenerics<'_> {
    fn to_tokens(&self, out: &mut TokenStream) {
        if self.0.params.is_empty() {
            return;
        }
        out.append(Punct::new('<', Spacing::Alone));
        self.0.params.to_tokens(out);
        out.append(Punct::new('>', Spacing::Alone));
    }
}

/// The forwarder of a method with a receiver. Written in one pass into one
/// stream: this runs once per method of every trait.
fn forwarder(ctx: &ImplContext, method: &Method) -> TokenStream {
    let sig = &method.item.sig;
    let Some(kind) = &method.receiver else {
        return receiverless_forwarder(ctx, method);
    };
    let (self_token, receiver) = ctx.receiver(method, kind);
    let Params { decls, names } = params(method, Some(receiver));
    let name = &sig.ident;
    let call_prefix = &ctx.call_prefix;
    let turbofish = Turbofish(sig, None);
    let realized = Realized {
        value: RealizedValue::Receiver(kind, &self_token),
        calls: ctx.realize_calls,
    };
    let args = realized_args(ctx, method, &names);
    let args = template::each(&args, ", #0");
    let call = Call([call_prefix, name, &turbofish, &realized, &args]);
    // The call written where it is a hole, not a stream of its own put into
    // the method's (calls into the compiler), unless its result is built
    // back into the wrapper.
    let wrapped_call;
    let call: &dyn ToTokens = match method.wrap {
        None => &call,
        Some(_) => {
            let call = call.to_token_stream();
            wrapped_call = wrapped(method.wrap, call, ctx.from_realized.as_ref());
            &wrapped_call
        }
    };
    forwarder_item(ctx, method, &decls, call)
}

/// The forwarder of a method without a receiver (`fn create(source: &str)
/// -> Self`): the target's own, `<Target as Trait>::create(..)`, with
/// `Self` arguments realized and a `Self` result built back into the
/// wrapper (`FromRealized`), as for a method with a receiver.
fn receiverless_forwarder(ctx: &ImplContext, method: &Method) -> TokenStream {
    let sig = &method.item.sig;
    let Params { decls, names } = params(method, None);
    let call = template::tokens(
        "#0::#1 #2(#3)",
        &[
            &ctx.target_as_trait,
            &sig.ident,
            &Turbofish(sig, None),
            &template::each(&realized_args(ctx, method, &names), "#0,"),
        ],
    );
    let call = wrapped(method.wrap, call, ctx.from_realized.as_ref());
    forwarder_item(ctx, method, &decls, &call)
}

/// The forwarded arguments, `names`: those of the wrapper's own type
/// (`&Self`, `Self`) realized like a receiver, the others as they are.
fn realized_args<'a>(
    ctx: &ImplContext,
    method: &'a Method,
    names: &'a [Ident],
) -> Vec<Realized<'a>> {
    let mut args = Vec::with_capacity(names.len());
    for index in 0..names.len() {
        let name = &names[index];
        let Some(self_arg) = method.self_args.get(index) else {
            break;
        };
        args.push(Realized {
            value: RealizedValue::Arg(name, self_arg.as_ref()),
            calls: ctx.realize_calls,
        });
    }
    args
}

/// A forwarder: the method's signature as the trait declares it (its
/// attributes, `unsafe`, ABI, generics, parameters `decls`, result and
/// `where` clause), whose body is `call` (in `unsafe { .. }` for an
/// `unsafe fn`).
fn forwarder_item(
    ctx: &ImplContext,
    method: &Method,
    decls: &[crate::method::ParamDecl],
    call: &dyn ToTokens,
) -> TokenStream {
    let sig = &method.item.sig;
    let attrs = carried_attrs(ctx, &method.item.attrs);
    let name = &sig.ident;
    let generics = MethodGenerics(&sig.generics);
    let where_clause = crate::method::forwarder_where(&sig.generics);
    let output = Output(method);
    let abi = crate::method::ExplicitAbi::of(&sig.abi);
    let inline = ctx.inline.then_some(InlineAttr);
    let decls = template::joined(decls, ",");
    match &sig.safety {
        crate::syntax::Safety::Unsafe(unsafety) => template::tokens(
            "#0 #1 #2 #3 fn #4 #5(#6) #7 #8 { unsafe { #9 } }",
            &[
                &attrs,
                &inline,
                &unsafety,
                &abi,
                &name,
                &generics,
                &decls,
                &output,
                &where_clause,
                &call,
            ],
        ),
        _ => template::tokens(
            "#0 #1 #2 fn #3 #4(#5) #6 #7 { #8 }",
            &[
                &attrs,
                &inline,
                &abi,
                &name,
                &generics,
                &decls,
                &output,
                &where_clause,
                &call,
            ],
        ),
    }
}

/// A forwarder's call, `Trait::m::<..>(realized, args..)`, from its pieces,
/// written where it is a hole (a struct's forwarder, an enum's arm).
pub struct Call<'a>(pub [&'a dyn ToTokens; 5]);

impl ToTokens for Call<'_> {
    fn to_tokens(&self, out: &mut TokenStream) {
        template::append(out, "#0::#1 #2(#3 #4)", &self.0);
    }
}

/// `#[inline]`, written where it is a hole.
struct InlineAttr;

impl ToTokens for InlineAttr {
    fn to_tokens(&self, out: &mut TokenStream) {
        template::append(out, "#[inline]", &[]);
    }
}

/// The forwarded call, with every target in its result built back into the
/// wrapper (`lazy_core::FromRealized`).
fn wrapped(
    wrap: Option<Wrap>,
    call: TokenStream,
    from_realized: Option<&(Span, TokenStream)>,
) -> TokenStream {
    // Most results hold no wrapper: nothing else is written for them.
    let Some(wrap) = wrap else {
        return call;
    };
    // The conversion and the call that takes it both at its site, where
    // rustc reports a wrapper without it (one diagnostic for all).
    let (site, from) = match from_realized {
        Some((site, path)) => (*site, path.clone()),
        None => (
            Span::call_site(),
            template::tokens("::lazy_core::__private::from_realized::<Self>", &[]),
        ),
    };
    match wrap {
        Wrap::Bare => template::spanned(site, "#0(#1)", &[&from, &call]),
        Wrap::Option => {
            template::spanned(site, "::core::option::Option::map(#0, #1)", &[&call, &from])
        }
        Wrap::Result => {
            template::spanned(site, "::core::result::Result::map(#0, #1)", &[&call, &from])
        }
        Wrap::Vec => template::spanned(
            site,
            "::core::iter::Iterator::collect(::core::iter::Iterator::map(
                ::core::iter::IntoIterator::into_iter(#0),
                #1,
            ))",
            &[&call, &from],
        ),
        Wrap::Box => template::spanned(
            site,
            "::lazy_core::__private::Box::new(#0(*#1))",
            &[&from, &call],
        ),
    }
}

/// A method listed in `except(...)`: call the wrapper's inherent method. The
/// forwarder carries the span of the user's name in `except(...)` and
/// `#[deny(unconditional_recursion)]`, so a missing inherent method (which
/// would make the call recurse) is a compile error whose lint note points
/// there. The inherent method is checked against the trait method's
/// signature first (`inherent_check`), at the name in `except(...)`: one
/// that does not fit is one error there. The receiver, `Self` and the call
/// are at the derive's call site (see `ChainSoFar::derive_site`): rustc's
/// fixes (`.to_string()`, another receiver, a missing argument, a trait path
/// to disambiguate) are dropped instead of rewriting `except(...)`.
pub fn inherent_forwarder(ctx: &ImplContext, method: &Method, except: &Ident) -> TokenStream {
    let span = except.span();
    let site = ctx.derive_site;
    let sig = &method.item.sig;
    let attrs = carried_attrs(ctx, &method.item.attrs);
    let self_token = Ident::new("self", site);
    let receiver = match &method.receiver {
        Some(kind) => Some(receiver_decl(kind, &self_token, site)),
        None => None,
    };
    // A `&mut self` method lends its receiver through `MutReceiver`, at the
    // name in `except(...)`: the inherent method may take `&self` or `&mut
    // self`, and one that takes `self` by value is one error there.
    let self_arg = match &method.receiver {
        Some(ReceiverKind::ByMutRef(_)) => {
            // Lazy-core's path in the expansion's context
            // (`tokens::in_macro_edition_at`).
            let receiver = template::spanned(
                tokens::in_macro_edition_at(span),
                "::lazy_core::__private::MutReceiver",
                &[],
            );
            let lend = template::spanned(span, "<Self as #0<'_, _>>::__lazy_lend", &[&receiver]);
            Some(template::tokens("#0(#1),", &[&lend, &self_token]))
        }
        Some(_) => Some(template::tokens("#0,", &[&self_token])),
        None => None,
    };
    let Params { decls, mut names } = params(method, receiver);
    // The arguments passed on are located at the derive too: an argument
    // that the inherent method takes as another type, where the check below
    // is not written, is rustc's error at the derive, not at the trait's
    // `#[forwardable]`, whose tokens the parameters' names come through.
    for name in &mut names {
        name.set_span(name.span().located_at(site));
    }
    let generics = &sig.generics;
    let params = &generics.params;
    let generics_decl = if params.is_empty() {
        TokenStream::new()
    } else {
        template::tokens("<#0>", &[&params])
    };
    let where_clause = crate::method::forwarder_where(generics);
    let output = Output(method);
    let unsafety = match &sig.safety {
        crate::syntax::Safety::Unsafe(token) => Some(token),
        _ => None,
    };
    let abi = crate::method::ExplicitAbi::of(&sig.abi);
    // The call at the derive's call site: rustc's fixes for an inherent
    // method that does not fit (a missing argument, a name another trait's
    // impl also has) would rewrite the call, which must not land in
    // `except(...)`; the `#[deny]` above still points at the name there.
    let mut callee = except.clone();
    callee.set_span(site);
    // A type or const parameter that neither the arguments nor the result
    // name cannot be inferred: the inherent method is named with the trait
    // method's parameters, in their order, as the trait forwarder names the
    // target's (an inherent method that declares others is then one error
    // at its name, where without the turbofish it could not be called).
    let turbofish = if inferred_params(sig) {
        None
    } else {
        Some(Turbofish(sig, Some(site)))
    };
    let checked = inherent_check(method, span, site, &callee, turbofish.as_ref());
    let call = match &checked {
        Some((binding, _)) => template::spanned(
            site,
            "#0(#1 #2)",
            &[binding, &self_arg, &template::joined(&names, ",").at(site)],
        ),
        None => template::spanned(
            site,
            "Self::#0 #1(#2 #3)",
            &[
                &callee,
                &turbofish,
                &self_arg,
                &template::joined(&names, ",").at(site),
            ],
        ),
    };
    let call = match unsafety {
        Some(_) => template::spanned(span, "unsafe { #0 }", &[&call]),
        None => call,
    };
    // The result is returned through a binding at the derive's call site: a
    // result of the wrong type is reported there, and rustc's fix (such as
    // `.to_string()`) is dropped instead of rewriting `except(...)`.
    // Where the check is written (it reports a wrong type first), the value
    // is returned at the name in `except(...)`: a result that lives shorter than the trait's (`&str`
    // for `&'static str`), which only the borrow checker sees, is reported
    // there.
    let result = Ident::new("__result", site);
    let mut returned = result.clone();
    if checked.is_some() {
        returned.set_span(site.located_at(span));
    }
    let check = match checked {
        Some((_, check)) => Some(check),
        None => None,
    };
    let body = template::tokens(
        "#0
        let #1 = #2;
        #3",
        &[&check, &result, &call, &returned],
    );
    // The lint's reason is printed with its error: what the inherent method
    // must look like, and why none was found.
    let reason = format!(
        "`{except}` is listed in `except(...)`, so the wrapper answers it with an inherent method `{}`; none is visible here (it is missing; or private to another module: make it `pub(crate)`; or written for some of a generic wrapper's arguments only, as in `impl W<u8>`: write it for all, `impl<T> W<T>`), so this forwarder would call itself",
        tokens::pretty(&sig.to_token_stream()),
    );
    template::spanned(
        span,
        "#0
        #[inline]
        #[deny(unconditional_recursion, reason = #1)]
        #2 #3 fn #4 #5(#6) #7 #8 {
            #9
        }",
        &[
            &attrs,
            &reason,
            &unsafety,
            &abi,
            &except,
            &generics_decl,
            &template::joined(&decls, ",").at(span),
            &output,
            &where_clause,
            &body,
        ],
    )
}

/// The most arguments (receiver included) `lazy_core::__private::
/// InherentMethod` has an impl for.
const INHERENT_METHOD_ARITY: usize = 12;

/// `let __inherent = <_ as InherentMethod<(Args..), Out>>::__lazy_checked(Self::m);`
/// (`Self::m::<T, N>` where `inferred_params` says inference cannot),
/// spanned at the name in `except(...)`: an inherent method that does not
/// take the trait method's arguments or return its result is one error
/// there, in the derive's terms, and the call through `__inherent` (a
/// function item, so that a missing inherent method is still a call of the
/// forwarder itself, which the recursion lint reports) adds none. `None`
/// where the check cannot be written: an `unsafe` or `extern "C"` method
/// (its function item is not `FnOnce`), more arguments than the impls cover, and (a guard:
/// `cfg_params` has written one method per set of arguments before this)
/// `#[cfg]` arguments.
/// `impl Trait` types (and an `async` result) are left to inference.
fn inherent_check(
    method: &Method,
    span: Span,
    site: Span,
    callee: &Ident,
    turbofish: Option<&Turbofish>,
) -> Option<(Ident, TokenStream)> {
    let sig = &method.item.sig;
    // Nor is one of another ABI than Rust's (`extern "C"`).
    let foreign = match &sig.abi {
        Some(abi) => match &abi.name {
            Some(name) => name.value() != "Rust",
            None => true,
        },
        None => false,
    };
    if matches!(sig.safety, crate::syntax::Safety::Unsafe(_))
        || foreign
        || sig.inputs.len() > INHERENT_METHOD_ARITY
    {
        return None;
    }
    let mut args = Vec::new();
    for arg in punct::values(&sig.inputs) {
        match arg {
            FnArg::Receiver(_) => args.push(match method.receiver.as_ref()? {
                ReceiverKind::ByRef(_) => template::tokens("&Self", &[]),
                // A `&self` inherent method answers too: the call lends the
                // receiver through `MutReceiver`, which checks it.
                ReceiverKind::ByMutRef(_) => template::tokens("_", &[]),
                ReceiverKind::ByValue => template::tokens("Self", &[]),
                ReceiverKind::BoxSelf => template::tokens("::lazy_core::__private::Box<Self>", &[]),
                ReceiverKind::PinMut(_) => template::tokens("::core::pin::Pin<&mut Self>", &[]),
                ReceiverKind::Other(ty) => or_infer(ty.clone()),
            }),
            FnArg::Typed(arg) => {
                if has_attr(&arg.attrs, "cfg") {
                    return None;
                }
                args.push(or_infer(arg.ty.to_token_stream()));
            }
        }
    }
    let out = match (&sig.asyncness, &sig.output) {
        (Some(_), _) => template::tokens("_", &[]),
        (None, ReturnType::Default) => template::tokens("()", &[]),
        (None, ReturnType::Type(_, ty)) => or_infer(ty.to_token_stream()),
    };
    let binding = Ident::new("__inherent", site);
    let mut callee = callee.clone();
    callee.set_span(span);
    let self_type = Ident::new("Self", site);
    let function = template::tokens("#0::#1 #2", &[&self_type, &callee, &turbofish]);
    // Lazy-core's path in the expansion's context (`tokens::in_macro_edition_at`).
    let inherent = template::spanned(
        tokens::in_macro_edition_at(span),
        "::lazy_core::__private::InherentMethod",
        &[],
    );
    let check = template::spanned(
        span,
        "let #0 = <_ as #1<(#2), #3, _>>::__lazy_checked(#4);",
        &[
            &binding,
            &inherent,
            &template::each(&args, "#0,").at(span),
            &out,
            &function,
        ],
    );
    Some((binding, check))
}

/// Whether every type and const parameter of the method is named by an
/// argument's type or the result (so inference finds it at a call).
fn inferred_params(sig: &crate::syntax::Signature) -> bool {
    let mut named = TokenStream::new();
    for arg in punct::values(&sig.inputs) {
        if let FnArg::Typed(arg) = arg {
            arg.ty.to_tokens(&mut named);
        }
    }
    sig.output.to_tokens(&mut named);
    for param in &sig.generics.params {
        let name = match param {
            GenericParam::Type(param) => &param.ident,
            GenericParam::Const(param) => &param.ident,
            GenericParam::Lifetime(_) => continue,
        };
        if !tokens::mentions(named.clone(), &|ident| ident == name) {
            return false;
        }
    }
    true
}

/// A type as the check names it, with room where the call would coerce: `_`
/// where it holds `impl Trait` (which a body cannot name), `dyn` (an inherent
/// method may return a type that coerces to it) or `for<..>`; its lifetimes
/// but `'static` left to inference (`'_`), so that an inherent method that
/// returns `&'static str` for the trait's `&'a str` fits.
fn or_infer(ty: TokenStream) -> TokenStream {
    let loose = tokens::mentions(ty.clone(), &|ident| {
        ident == "impl" || ident == "dyn" || ident == "for"
    });
    if loose {
        template::tokens("_", &[])
    } else {
        anonymous_lifetimes(ty)
    }
}

/// `tokens` with every lifetime but `'static` written `'_`.
fn anonymous_lifetimes(tokens: TokenStream) -> TokenStream {
    let mut out = TokenStream::new();
    let mut after_quote = false;
    for tree in tokens {
        let lifetime_name = after_quote;
        after_quote = false;
        match tree {
            TokenTree::Group(group) => {
                let mut new = Group::new(group.delimiter(), anonymous_lifetimes(group.stream()));
                new.set_span(group.span());
                out.append(new);
            }
            TokenTree::Punct(punct) => {
                after_quote = punct.as_char() == '\'' && punct.spacing() == Spacing::Joint;
                out.append(punct);
            }
            TokenTree::Ident(ident) if lifetime_name && ident != "static" => {
                out.append(Ident::new("_", ident.span()));
            }
            other => out.append(other),
        }
    }
    out
}

/// The `#[realize]` field, as the `Realize` family's impls use it.
struct FieldImpl<'a> {
    ident: &'a Ident,
    generics: &'a Generics,
    ty: &'a syn::Type,
    /// `ty`'s tokens, written once: each copy put into an impl is then one
    /// call into the compiler, where writing the type again sends each of
    /// its tokens again.
    ty_tokens: TokenStream,
    member: &'a syn::Member,
    /// `#[realize(deref)]`: where its bounds and calls point (the `deref`
    /// token, resolved like the expansion), so that a value that is not a
    /// pointer gives one error there.
    deref: Option<Span>,
    /// `#[realize(plain)]`: the field is the target; it is not realized and
    /// needs no bound.
    plain: bool,
    /// The span `chain::realize_site` made (at the field's type, resolved
    /// like the rest of the expansion). Every bound on the field carries it,
    /// in these impls and in the trait impls, so that a field that cannot
    /// realize gives rustc the same error everywhere, shown once.
    site: Span,
    /// The wrapper, a variant or a field is `#[deprecated]`: `span` is then
    /// resolved like `site`, the derive's expansion, and so is the receiver
    /// ([`Self::receiver`]).
    deprecated: bool,
    /// At the field's type, resolved like this expansion (the bodies' `self`
    /// must be the receiver's).
    span: Span,
}

impl<'a> FieldImpl<'a> {
    fn new(wrapper: &'a Wrapper, field: &'a RealizeField, span: Span) -> Self {
        let deprecated = wrapper.deprecated;
        FieldImpl {
            ident: &wrapper.input.ident,
            generics: &wrapper.input.generics,
            ty: &field.ty,
            ty_tokens: Group::new(Delimiter::None, field.ty.to_token_stream()).stream(),
            member: &field.member,
            // Resolved like the site, which every link carries from the
            // derive: an error at `deref` is then the same in every impl,
            // and shown once.
            deref: match field.deref {
                Some(deref) => Some(span.located_at(deref)),
                None => None,
            },
            plain: field.plain.is_some(),
            site: span,
            // A deprecated wrapper's bodies are resolved like the site (the
            // derive's expansion, where rustc's `deprecated` lint does not
            // look at the field read: `crate::input::quiet_deprecated`);
            // any other's like this expansion.
            deprecated,
            span: match deprecated {
                true => span,
                false => Span::call_site().located_at(span),
            },
        }
    }

    /// The impls' `self`, resolved like their bodies.
    fn receiver(&self) -> Ident {
        match self.deprecated {
            true => Ident::new("self", self.span),
            false => Ident::new("self", Span::call_site()),
        }
    }

    /// `Field: Realize` (or `RealizeMut`), and with `deref` the value's
    /// `Deref` (or `DerefMut`), under lazy-core's names for them
    /// (`__private::DerefValue`, `DerefMutValue`).
    fn bounds(&self, mutable: bool) -> TokenStream {
        if mutable && self.checked_in_body() {
            return self.bounds(false);
        }
        let mut out = self.bounds_one(mutable);
        out.extend(self.seed_bound());
        // Under `deref`, through a pointer that lends only shared
        // (`Rc<Real>`), lending mutably is bounded on the pointer, which
        // says nothing of what realizing gives; the bound on realizing, on
        // what the pointer points to, says it: a value that is no lazy is
        // then that one error, not one more at each place the impls name
        // the target.
        let shared = !std::ptr::eq(pointee(self.ty, true), pointee(self.ty, false));
        if mutable && !self.plain && self.deref.is_some() && shared {
            out.extend(self.bounds_one(false));
        }
        out
    }

    /// [`Self::bounds`] for one need.
    fn bounds_one(&self, mutable: bool) -> TokenStream {
        let FieldImpl { ty, site, .. } = *self;
        let deref = deref_value_trait(mutable);
        if self.plain {
            // Nothing realizes; under `deref`, the field points to the
            // target: one error at `deref` if it is no pointer.
            return match self.deref {
                Some(at) => tokens::respan_as(
                    template::tokens("#0: ::lazy_core::__private::#1,", &[&ty, &deref]),
                    at,
                ),
                None => TokenStream::new(),
            };
        }
        // `RealizeMut` under the name whose message says what to do with a
        // lazy that cannot lend mutably (see lazy-core's `__private`).
        // Spanned as written, not respanned (`tokens::respan_as` builds each
        // token again): the same tokens, as `site` keeps the call site's
        // hygiene.
        // The bound at the site, the same in every impl; the field's type
        // keeps its own spans, so that a type rustc cannot resolve is the
        // one error of the struct's own field, not one more per copy.
        // Through the pointers that realize what they point to, the bound is
        // on the pointee (`Box<Real>`: `Real: Realize`): one that cannot
        // realize is then assumed in every impl, not proved again through
        // the pointer's impl, and is one error.
        let realizes = match pointee(ty, mutable) {
            pointee if std::ptr::eq(pointee, ty) => self.ty_tokens.clone(),
            pointee => pointee.to_token_stream(),
        };
        // Under `deref`, what the lazy realizes to, when the field shows it
        // (the value's type keeps its own spans, as the field's): the bound
        // alone would make `<Lazy<Box<T>> as Realize>::Target` opaque in a
        // generic wrapper's impl, where its `Deref` is then unknown. One
        // `template::spanned` each way (its holes, the field's type and the
        // value's, keep their own spans): each stream put into another costs
        // calls into the compiler.
        let value = lazy_value_type(ty);
        // When `deref`'s value type is not written (`Box<Real>`), its bound
        // is part of the same predicate, `Real: Realize<Target:
        // DerefValue>`: when the field cannot realize at all (a `Real` that
        // is no lazy), rustc reports that once, and not the bound of the
        // projection, unprovable then, at each impl.
        let in_predicate = match (self.deref, value) {
            (Some(at), None) => {
                let bound = tokens::respan_as(
                    template::tokens("Target: ::lazy_core::__private::#0", &[&deref]),
                    at,
                );
                Some(template::spanned(site, "<#0>", &[&bound]))
            }
            _ => None,
        };
        let mut out = match (mutable, self.deref.and(value)) {
            (true, None) => template::spanned(
                site,
                "#0: ::lazy_core::__private::RealizeMutField #1,",
                &[&realizes, &in_predicate],
            ),
            (false, None) => template::spanned(
                site,
                "#0: ::lazy_core::Realize #1,",
                &[&realizes, &in_predicate],
            ),
            (true, Some(value)) => template::spanned(
                site,
                "#0: ::lazy_core::__private::RealizeMutField<Target = #1>,",
                &[&realizes, &value],
            ),
            (false, Some(value)) => template::spanned(
                site,
                "#0: ::lazy_core::Realize<Target = #1>,",
                &[&realizes, &value],
            ),
        };
        // The lazy's value type itself when it is written in the field
        // (`Lazy<Real>`): a value that is no pointer is then one error at
        // `deref`, where the projection would fail again in every impl that
        // names the wrapper's target.
        if let (Some(at), Some(value)) = (self.deref, value) {
            out.extend(tokens::respan_as(
                template::tokens("#0: ::lazy_core::__private::#1,", &[&value, &deref]),
                at,
            ));
        }
        out
    }

    /// Whether the field's lending mutably and giving its value away are
    /// left to the bodies of the `RealizeMut` and `RealizeInto` impls
    /// rather than bounded: a field whose type names none of the wrapper's
    /// parameters (not `deref`, not `plain`), or one that shares its lazy
    /// (`Rc<Lazy<T>>`, [`shares_its_lazy`](crate::input::shares_its_lazy)),
    /// which cannot lend or give for any `T`. Such a bound names no
    /// parameter, so when it fails (`Rc<Lazy<Real>>` with a `&mut self`
    /// method) rustc reports it at the impl and then holds the impl
    /// unimplemented: one more error at each call of a forwarded method and
    /// each `dyn` cast. In the body it is the one error, and the impls hold.
    fn checked_in_body(&self) -> bool {
        !self.plain
            && self.deref.is_none()
            && (!mentions_params(self.ty, self.generics) || crate::input::shares_its_lazy(self.ty))
    }

    /// `impl ::lazy_core::Trait for Wrapper<..> where <wrapper's>, <bounds>`,
    /// the head the three impls share.
    fn head(&self, realize_trait: TokenStream, bounds: TokenStream) -> TokenStream {
        let ident = self.ident;
        let (impl_generics, ty_generics, _) = self.generics.split_for_impl();
        let predicates = where_predicates(self.generics);
        template::tokens(
            "#[automatically_derived]
            impl #0 ::lazy_core::#1 for #2 #3
            where
                #4
                #5",
            &[
                &impl_generics,
                &realize_trait,
                &ident,
                &ty_generics,
                &template::each(&predicates, "#0,"),
                &bounds,
            ],
        )
    }

    /// The bounds of the `Realize`, `RealizeMut` and `RealizeInto` impls
    /// ([`realize_bounds_each`]).
    fn bounds_each(&self) -> [TokenStream; 3] {
        [self.bounds(false), self.bounds(true), self.by_value_bound()]
    }

    fn by_value_bound(&self) -> TokenStream {
        if self.plain {
            return TokenStream::new();
        }
        if self.checked_in_body() {
            return self.bounds(false);
        }
        let FieldImpl { ty_tokens, .. } = self;
        let seed = self.seed_bound();
        template::spanned(
            self.site,
            "#0: ::lazy_core::__private::RealizeIntoField, #1",
            &[&ty_tokens, &seed],
        )
    }

    /// `S: Seed<Output = T>` for a lazy whose seed is the wrapper's parameter
    /// (`Lazy<T, S>` in `W<S>`), beside the bound on realizing the field:
    /// the impls of `RealizeMut` and `RealizeInto` ask `Realize` of the
    /// wrapper, which needs it, and do not learn it from their own bound on
    /// the field. Written by the derive, the user's struct needs no bound.
    fn seed_bound(&self) -> TokenStream {
        match crate::input::lazy_seed_param(self.ty, self.generics) {
            Some((value, seed)) if !self.plain => template::spanned(
                self.site,
                "#0: ::lazy_core::Seed<Output = #1>,",
                &[&seed, &value],
            ),
            _ => TokenStream::new(),
        }
    }
}

/// `L`, a type parameter of the wrapper, written alone.
fn is_type_param(ty: &syn::Type, generics: &Generics) -> bool {
    let syn::Type::Path(path) = crate::input::unparenthesized(ty) else {
        return false;
    };
    if path.qself.is_some() {
        return false;
    }
    let Some(ident) = path.path.get_ident() else {
        return false;
    };
    for param in punct::values(&generics.params) {
        if let GenericParam::Type(param) = param
            && param.ident == *ident
        {
            return true;
        }
    }
    false
}

/// What a `#[realize]` field's type realizes through: the `T` of `Box<T>`,
/// `Rc<T>`, `Arc<T>`, `&T` and `&mut T` (only `Box<T>` and `&mut T` for
/// `RealizeMut`), as many times as written, as lazy-core's impls for
/// pointers do; the type itself otherwise.
fn pointee(ty: &syn::Type, mutable: bool) -> &syn::Type {
    match pointer_target(ty, mutable) {
        Some(inner) => pointee(inner, mutable),
        None => ty,
    }
}

/// What one step of [`pointee`] reaches: the `T` of `Box<T>`, `Rc<T>`,
/// `Arc<T>`, `&T`, `&mut T` (of `Box<T>` and `&mut T` alone when
/// `mutable`), in parentheses or a macro's `$t:ty` too; `None` for any other
/// type.
pub fn pointer_target(ty: &syn::Type, mutable: bool) -> Option<&syn::Type> {
    // Through parentheses and a macro's `$t:ty`.
    match crate::input::unparenthesized(ty) {
        syn::Type::Reference(reference) if !mutable || reference.mutability.is_some() => {
            Some(&*reference.elem)
        }
        syn::Type::Path(path) if path.qself.is_none() => {
            // The argument first, then the name, written out once (each
            // comparison of an `Ident` with a text writes it out).
            let last = path.path.segments.last()?;
            let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
                return None;
            };
            let (1, Some(syn::GenericArgument::Type(inner))) =
                (args.args.len(), punct::first(&args.args))
            else {
                return None;
            };
            match last.ident.to_string().as_str() {
                "Box" => Some(inner),
                "Rc" | "Arc" if !mutable => Some(inner),
                _ => None,
            }
        }
        _ => None,
    }
}

/// `T` in a field written `Lazy<T, ..>` or `sync::Lazy<T, ..>`, directly or
/// behind `Box`, `Rc`, `Arc` or a reference: the `Target` of its `Realize`.
pub fn lazy_value_type(ty: &syn::Type) -> Option<&syn::Type> {
    match crate::input::lazy_types(ty) {
        Some((value, _)) => Some(value),
        None => None,
    }
}

/// The statement that a body moving the wrapper's fields out of `self`
/// begins with: a wrapper with a `Drop` impl forbids the move (rustc's
/// E0509, which names neither the method nor the fix), and this is then one
/// error at `span` in the derive's terms (see lazy-core's `__private`). Its
/// type error also keeps rustc from checking the body's moves. The probe's
/// answer is bound to a name ([`MOVES`]) and then checked
/// ([`moves_checked`]): lazy-core's `__forward_end!` writes the first part
/// itself (see `chain::end_entry`).
pub fn movable_check(span: Span) -> TokenStream {
    let moves = Ident::new(MOVES, span);
    let checked = moves_checked(&moves);
    template::spanned(
        span,
        "{
            use ::lazy_core::__private::{ProbeDrop as _, ProbeMove as _};
            let #0 = (&&::lazy_core::__private::DropProbe::<Self>::NEW).moves();
            #1
        }",
        &[&moves, &checked],
    )
}

/// The name of the probe's answer in [`movable_check`].
pub const MOVES: &str = "__moves";

/// The check of [`movable_check`], at `moves`' span: where rustc reports a
/// wrapper that implements `Drop`.
pub fn moves_checked(moves: &Ident) -> TokenStream {
    template::spanned(
        moves.span(),
        "::lazy_core::__private::MovableFields::<Self>::check(#0);",
        &[&moves],
    )
}

/// `impl Realize for Wrapper` through the `#[realize]` field.
pub fn realize_impl(wrapper: &Wrapper, field: &RealizeField, site: Span) -> TokenStream {
    let field_impl = FieldImpl::new(wrapper, field, site);
    let bounds = field_impl.bounds(false);
    write_realize_impl(&field_impl, field, bounds)
}

/// Each of the three bounds of [`realize_bounds_each`] in braces, as a fast
/// entry carries them (`chain::fast_entry`).
pub fn braced([none, realize_mut, realize_into]: [TokenStream; 3]) -> [Group; 3] {
    [
        Group::new(Delimiter::Brace, none),
        Group::new(Delimiter::Brace, realize_mut),
        Group::new(Delimiter::Brace, realize_into),
    ]
}

/// [`realize_impl`] and [`field_bounds_each`]'s bounds, each in braces,
/// with the field's type written once for the four (the derive's, for a
/// wrapper without generics).
pub fn realize_impl_and_bounds(
    wrapper: &Wrapper,
    field: &RealizeField,
    site: Span,
) -> (TokenStream, [Group; 3]) {
    let field_impl = FieldImpl::new(wrapper, field, site);
    let groups = braced(field_impl.bounds_each());
    // The first group's stream, whose tokens the compiler already holds.
    let realize = write_realize_impl(&field_impl, field, groups[0].stream());
    (realize, groups)
}

/// [`realize_impl`] with `bounds`, the field's bounds on realizing (the
/// first of [`FieldImpl::bounds_each`]).
fn write_realize_impl(
    field_impl: &FieldImpl,
    field: &RealizeField,
    bounds: TokenStream,
) -> TokenStream {
    let FieldImpl {
        ty, member, span, ..
    } = *field_impl;
    let ty_tokens = &field_impl.ty_tokens;
    // The target as trees around one stream (the field's type, or under
    // `deref` the projection), and the body as a group: each stream put into
    // another costs calls into the compiler, and each derive writes this
    // impl.
    let mut before = Vec::new();
    let mut after = Vec::new();
    let (target, realize) = match field.deref {
        None if field.plain.is_some() => (
            ty_tokens.clone(),
            template::spanned(span, "&self.#0", &[&member]),
        ),
        None => {
            // `<Field as ::lazy_core::Realize>::Target`
            before.push(punct_at('<', Span::call_site()));
            as_realize_target(&mut after, Span::call_site(), Span::call_site());
            (
                ty_tokens.clone(),
                template::spanned(span, "::lazy_core::Realize::realize(&self.#0)", &[&member]),
            )
        }
        // `#[realize(plain, deref)]`: what the field itself points to.
        Some(at) if field.plain.is_some() => (
            tokens::respan_as(
                template::tokens("<#0 as ::lazy_core::__private::DerefValue>::Target", &[&ty]),
                Span::call_site().located_at(at),
            ),
            template::spanned(
                span,
                "::lazy_core::__private::DerefValue::__lazy_deref_value(&self.#0)",
                &[&member],
            ),
        ),
        Some(at) => (
            tokens::respan_as(
                template::tokens(
                    "<<#0 as ::lazy_core::Realize>::Target as ::lazy_core::__private::DerefValue>::Target",
                    &[&ty],
                ),
                Span::call_site().located_at(at),
            ),
            template::spanned(
                span,
                "::lazy_core::__private::DerefValue::__lazy_deref_value(::lazy_core::Realize::realize(&self.#0))",
                &[&member],
            ),
        ),
    };
    let this = field_impl.receiver();
    let body = Group::new(Delimiter::Brace, realize);
    // The head written here, not by `FieldImpl::head`: a stream put into
    // another costs calls into the compiler, and each derive writes this impl.
    let (impl_generics, ty_generics, _) = field_impl.generics.split_for_impl();
    let predicates = where_predicates(field_impl.generics);
    let ident = field_impl.ident;
    template::tokens(
        "#[automatically_derived]
        impl #0 ::lazy_core::Realize for #1 #2
        where
            #3
            #4
        {
            type Target = #5 #6 #7;
            #[inline]
            fn realize(&#8) -> &Self::Target #9
        }",
        &[
            &impl_generics,
            &ident,
            &ty_generics,
            &template::each(&predicates, "#0,"),
            &bounds,
            &template::joined(&before, ""),
            &target,
            &template::joined(&after, ""),
            &this,
            &body,
        ],
    )
}

pub fn realize_mut_impl(wrapper: &Wrapper, field: &RealizeField, site: Span) -> TokenStream {
    let field_impl = FieldImpl::new(wrapper, field, site);
    let FieldImpl { member, span, .. } = field_impl;
    let bounds = field_impl.bounds(true);
    let realize_mut = match field.deref {
        None if field.plain.is_some() => template::spanned(span, "&mut self.#0", &[&member]),
        None => template::spanned(
            span,
            "::lazy_core::__private::RealizeMutField::__lazy_realize_field_mut(&mut self.#0)",
            &[&member],
        ),
        Some(_) if field.plain.is_some() => template::spanned(
            span,
            "::lazy_core::__private::DerefMutValue::__lazy_deref_value_mut(&mut self.#0)",
            &[&member],
        ),
        Some(_) => template::spanned(
            span,
            "::lazy_core::__private::DerefMutValue::__lazy_deref_value_mut(
            ::lazy_core::__private::RealizeMutField::__lazy_realize_field_mut(&mut self.#0)
        )",
            &[&member],
        ),
    };
    let this = field_impl.receiver();
    let head = field_impl.head(template::tokens("RealizeMut", &[]), bounds);
    template::tokens(
        "#0 {
            #[inline]
            fn realize_mut(&mut #1) -> &mut Self::Target {
                #2
            }
        }",
        &[&head, &this, &realize_mut],
    )
}

pub fn realize_into_impl(wrapper: &Wrapper, field: &RealizeField, site: Span) -> TokenStream {
    let field_impl = FieldImpl::new(wrapper, field, site);
    let FieldImpl { member, span, .. } = field_impl;
    let bound = field_impl.by_value_bound();
    // At the site too: on a field that cannot realize it fails like the
    // bounds, at the field, not at `#[forwardable]`.
    let sized = tokens::respan_as(
        template::tokens("Self::Target: ::core::marker::Sized,", &[]),
        field_impl.site,
    );
    let into_realized = if field.plain.is_some() {
        template::spanned(span, "self.#0", &[&member])
    } else {
        template::spanned(
            span,
            "::lazy_core::__private::RealizeIntoField::__lazy_into_realized_field(self.#0)",
            &[&member],
        )
    };
    // A wrapper with a `Drop` impl cannot give its field away: one error in
    // the derive's terms, at the field.
    let movable = movable_check(span);
    let this = field_impl.receiver();
    let head = field_impl.head(template::tokens("RealizeInto", &[]), bound);
    template::tokens(
        "#0 {
            #[inline]
            fn into_realized(#1) -> Self::Target
            where
                #2
            {
                #3
                #4
            }
        }",
        &[&head, &this, &sized, &movable, &into_realized],
    )
}
