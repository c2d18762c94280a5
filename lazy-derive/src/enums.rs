//! The impl of a forwarded trait for an enum: every forwarder `match`es on
//! the active variant and calls the trait on that variant's target.
//!
//! An enum has no single `Realize::Target`, so it never takes the fast path
//! (`chain::fast_entry`) and implements no `Realize`; the bounds the impl
//! needs are written per variant, at the variant's field, so that a variant
//! whose target does not fit gets the one error, there.

use crate::syntax::{TraitItem, TraitItemConst, TraitItemType};
use proc_macro2::{Literal, Span, TokenStream, TokenTree};
use quote::{ToTokens, format_ident};
use syn::ext::IdentExt;
use syn::{
    AngleBracketedGenericArguments, Error, GenericArgument, GenericParam, Ident, ReturnType, Type,
    TypeParamBound,
};

use crate::cfg_params;
use crate::errors::Errors;
use crate::expand::{
    Call, ChainSoFar, ImplContext, ItemWriter, MethodGenerics, TraitImpl, Turbofish, assoc_const,
    assoc_type, call_prefix, carried_attrs, derived_attr, impl_generics, lazy_value_type,
    mentions_params, movable_check, pointer_target, self_ty, too_many_cfgs, where_predicates,
    write_items,
};
use crate::fallback;
use crate::generics::{self, trait_generics};
use crate::impl_head::{ForwardedTrait, ImplHead};
use crate::input::BuildBack;
use crate::template;

use crate::method::{Method, Params, ReceiverKind, SelfArg, Wrap, params};
use crate::tokens;
use crate::variants::{Variant, VariantKind};

/// The bounds of `impl Trait` results that `lazy_core::__private::Either`
/// implements: when the variants' targets return different types, the
/// result is the one returned, held in nested `Either`s (no allocation).
const IN_EITHER: &[&str] = &[
    "Iterator",
    "DoubleEndedIterator",
    "ExactSizeIterator",
    "FusedIterator",
    "Future",
    "Display",
    "Debug",
];

/// The bounds of `impl Trait` results that a box still satisfies but
/// `Either` does not implement (the `Fn` traits cannot be implemented on
/// stable Rust; the others are std's): such a result is boxed.
const BOXABLE: &[&str] = &[
    "Fn", "FnMut", "FnOnce", "Hasher", "Read", "Write", "BufRead", "Seek",
];

/// Auto traits, which a `dyn` type may add to its one trait.
const AUTO: &[&str] = &["Send", "Sync", "Unpin", "UnwindSafe", "RefUnwindSafe"];

/// One variant as the impl sees it.
struct VariantImpl<'a> {
    /// What names the variants: `Self`, or the enum's name where an item of
    /// the trait is named like a variant (`Self::V` would then be
    /// ambiguous). `Self` is not shadowed by a method's type parameter
    /// named like the enum (`enum H` forwarding `Hash`, whose `hash` takes
    /// `H: Hasher`), as the enum's name is.
    enum_path: &'a Ident,
    variant: &'a Variant,
    /// The type the variant forwards to.
    target: TokenStream,
    /// The value type of a generic enum's `#[realize]` lazy (`T` of
    /// `Lazy<T>`), which is then its target: its bound says so. Also of a
    /// generic enum's `#[realize(deref)]` lazy of a pointer to itself
    /// (`Box<Tree<T>>` of `Lazy<Box<Tree<T>>>`), whose bounds then name it
    /// and what it derefs to (see `variant_bounds`).
    lazy_value: Option<&'a syn::Type>,
    /// `S: Seed<Output = T>` for a `#[realize]` lazy whose seed is the
    /// enum's parameter (`Lazy<T, S>`), as a struct's impls write it: a
    /// subtrait's impl proves the supertrait's bounds on the field
    /// (`RealizeMut`) from it.
    seed_bound: TokenStream,
    /// `<Target as Trait<..>>`.
    target_as_trait: TokenStream,
    /// What the arm's call names before the method's name: `Trait` or
    /// `Trait::<..>`, as a struct's forwarder
    /// (`expand::ImplContext::call_prefix`); a mirror's, `target_as_trait`.
    call_prefix: TokenStream,
    /// `Trait<..>` as this variant's target implements it.
    target_trait: TokenStream,
    /// At the variant's field, resolved like the expansion.
    site: Span,
    /// The variant forwards to the enum itself ([`targets_the_enum`]): its
    /// target has no bound.
    recursive: bool,
    /// The variant's type names none of the enum's parameters: rustc
    /// normalizes its target's associated types without a bound.
    names_none: bool,
    /// rustc normalizes the target's associated types without a bound: its
    /// type names none of the enum's parameters, or only its lifetimes and
    /// the target is the type itself or a lazy's value (a pointer's pointee
    /// is a projection that a lifetime keeps too).
    normalizes: bool,
    /// A `#[realize]` variant whose type names none of the enum's
    /// parameters, or shares its lazy (`Rc<Lazy<T>>`, which can do neither
    /// for any `T`): whether it can lend its value mutably or give it away is
    /// checked where the arms call it, at `site`, not bounded. Such a bound
    /// names no parameter: when it failed (`Rc<Lazy<Real>>` with a
    /// `&mut self` method), rustc held the impl unimplemented, and each call
    /// of a forwarded method was one more error (a bound naming one made the
    /// impl conditional, the same errors at the calls). The arms' errors are
    /// one diagnostic, the same at the same place (shown once).
    checked_in_body: bool,
    /// The same for being built back from its target, of a `#[realize]` or
    /// `#[realize(deref)]` variant whose type names none of the enum's
    /// parameters or holds its lazy through a reference (`&'a Lazy<T>`,
    /// which no `T` builds back). `Rc<Lazy<T>>` and `Arc<Lazy<T>>` are built
    /// back as new pointers around the lazy ([`BuildBack::Pointers`]), so
    /// their bound, the lazy's, holds for every `T`.
    built_in_body: bool,
    /// How a `#[realize]` or `#[realize(deref)]` variant is built back.
    build_back: BuildBack<'a>,
}

/// `Self::V(binding)` or `Self::V { field: binding }`, written where it is
/// a hole: trees, not a stream of its own, which an arm would put into its
/// own at the cost of calls into the compiler (2,000 arms for an enum of 20
/// variants and 100 methods).
struct Pattern<'a> {
    variant: &'a VariantImpl<'a>,
    binding: &'a Ident,
}

impl ToTokens for Pattern<'_> {
    fn to_tokens(&self, out: &mut TokenStream) {
        let path = self.variant.path();
        match &self.variant.variant.field_name {
            Some(field) => template::append(out, "#0 { #1: #2 }", &[&path, field, self.binding]),
            None => template::append(out, "#0(#1)", &[&path, self.binding]),
        }
    }
}

/// `Enum::V`, written where it is a hole, as [`Pattern`].
struct VariantPath<'a> {
    enum_path: &'a Ident,
    ident: &'a Ident,
}

impl ToTokens for VariantPath<'_> {
    fn to_tokens(&self, out: &mut TokenStream) {
        template::append(out, "#0::#1", &[self.enum_path, self.ident]);
    }
}

impl<'a> VariantImpl<'a> {
    fn pattern(&'a self, binding: &'a Ident) -> Pattern<'a> {
        Pattern {
            variant: self,
            binding,
        }
    }

    fn path(&self) -> VariantPath<'_> {
        VariantPath {
            enum_path: self.enum_path,
            ident: &self.variant.ident,
        }
    }

    /// The variant built around `value`, a value of its target.
    fn build(&self, value: TokenStream) -> TokenStream {
        let path = self.path();
        let ty = &self.variant.ty;
        let target = &self.target;
        let field = match self.variant.kind {
            VariantKind::Plain | VariantKind::Broken => value,
            VariantKind::Realize | VariantKind::Deref(_) => {
                let (pointers, built): (&[&str], &Type) = match &self.build_back {
                    BuildBack::Pointers(pointers, lazy) => (pointers, lazy),
                    BuildBack::Itself | BuildBack::Never => (&[], ty),
                };
                let from = "<#0 as ::lazy_core::FromRealized<#1>>::from_realized(#2)";
                // At the variant's type, where rustc reports a type that
                // cannot (see `checked_in_body`).
                let mut built = match self.built_in_body {
                    true => template::spanned(self.site, from, &[&built, &target, &value]),
                    false => template::tokens(from, &[&built, &target, &value]),
                };
                // A new pointer around it, innermost first.
                for pointer in pointers.iter().rev() {
                    let pointer = Ident::new(pointer, Span::call_site());
                    built = template::tokens(
                        "::lazy_core::__private::#0::new(#1)",
                        &[&pointer, &built],
                    );
                }
                built
            }
            // Back into its pointer (`Box::new`, `Rc::new`).
            VariantKind::PlainDeref(_) => template::tokens(
                "<#0 as ::core::convert::From<#1>>::from(#2)",
                &[&ty, &target, &value],
            ),
        };
        match &self.variant.field_name {
            Some(name) => template::tokens("#0 { #1: #2 }", &[&path, &name, &field]),
            None => template::tokens("#0(#1)", &[&path, &field]),
        }
    }

    /// `binding`, resolved as it is, located at `site`.
    fn at_site(&self, binding: &Ident) -> Ident {
        let mut binding = binding.clone();
        binding.set_span(binding.span().located_at(self.site));
        binding
    }

    /// What the target's method gets for a binding of the variant's field,
    /// taken as `how`, written where it is a hole (as [`Pattern`]).
    fn realized(&'a self, how: Use, binding: &'a Ident) -> Realized<'a> {
        Realized {
            variant: self,
            how,
            binding,
        }
    }

    /// [`realized`](Self::realized)'s tokens at the end of `out`.
    fn write_realized(&self, out: &mut TokenStream, how: Use, binding: &Ident) {
        // `self: Pin<&mut Self>`: the field as for `&mut self`, pinned again
        // (below, `Pin` goes with `Mut` only for the match to be whole).
        if let Use::Pin = how {
            let mut realized = TokenStream::new();
            self.write_realized(&mut realized, Use::Mut, binding);
            template::append(out, "::core::pin::Pin::new(#0)", &[&realized]);
            return;
        }
        match (self.variant.kind, how) {
            (VariantKind::Plain | VariantKind::Broken, _) => binding.to_tokens(out),
            (VariantKind::Realize, Use::Ref) => {
                template::append(out, "::lazy_core::Realize::realize(#0)", &[binding])
            }
            // The call and its argument at the variant's type, where rustc
            // reports a type that cannot.
            (VariantKind::Realize, Use::Mut | Use::Pin) if self.checked_in_body => {
                let binding = self.at_site(binding);
                template::append_at(
                    out,
                    self.site,
                    "::lazy_core::__private::RealizeMutField::__lazy_realize_field_mut(#0)",
                    &[&binding],
                )
            }
            (VariantKind::Realize, Use::Value | Use::Box) if self.checked_in_body => {
                let binding = self.at_site(binding);
                template::append_at(
                    out,
                    self.site,
                    "::lazy_core::__private::RealizeIntoField::__lazy_into_realized_field(#0)",
                    &[&binding],
                )
            }
            (VariantKind::Realize, Use::Mut | Use::Pin) => {
                template::append(out, "::lazy_core::RealizeMut::realize_mut(#0)", &[binding])
            }
            (
                VariantKind::Realize | VariantKind::Deref(_) | VariantKind::PlainDeref(_),
                Use::Value | Use::Box,
            ) => {
                // `#[realize(deref)]` by value is stubbed with its error
                // before a forwarder is written.
                template::append(
                    out,
                    "::lazy_core::RealizeInto::into_realized(#0)",
                    &[binding],
                )
            }
            (VariantKind::Deref(_), Use::Ref) => template::append(
                out,
                "::core::ops::Deref::deref(::lazy_core::Realize::realize(#0))",
                &[binding],
            ),
            (VariantKind::Deref(_), Use::Mut | Use::Pin) => template::append(
                out,
                "::core::ops::DerefMut::deref_mut(::lazy_core::RealizeMut::realize_mut(#0))",
                &[binding],
            ),
            (VariantKind::PlainDeref(_), Use::Ref) => template::append(
                out,
                "::lazy_core::__private::DerefValue::__lazy_deref_value(#0)",
                &[binding],
            ),
            (VariantKind::PlainDeref(_), Use::Mut | Use::Pin) => template::append(
                out,
                "::lazy_core::__private::DerefMutValue::__lazy_deref_value_mut(#0)",
                &[binding],
            ),
        }
    }
}

/// What [`VariantImpl::realized`] writes.
struct Realized<'a> {
    variant: &'a VariantImpl<'a>,
    how: Use,
    binding: &'a Ident,
}

impl ToTokens for Realized<'_> {
    fn to_tokens(&self, out: &mut TokenStream) {
        match self.how {
            // `self: Box<Self>`: the field, realized by value, in a new box.
            Use::Box => {
                let value = Realized {
                    how: Use::Value,
                    ..*self
                };
                template::append(out, "::lazy_core::__private::Box::new(#0)", &[&value]);
            }
            how => self.variant.write_realized(out, how, self.binding),
        }
    }
}

/// An argument an arm passes on: the method's own, or one of the enum's
/// type realized ([`Realized`]).
enum ArmArg<'a> {
    Name(&'a Ident),
    Realized(Realized<'a>),
    /// A `Self` argument realized in whichever variant it is (see
    /// `EnumContext::one_target`).
    Matched(&'a TokenStream),
}

impl ToTokens for ArmArg<'_> {
    fn to_tokens(&self, out: &mut TokenStream) {
        match self {
            ArmArg::Name(name) => name.to_tokens(out),
            ArmArg::Realized(realized) => realized.to_tokens(out),
            ArmArg::Matched(tokens) => tokens.to_tokens(out),
        }
    }
}

/// How a forwarder hands a value of the enum to the target.
#[derive(Clone, Copy)]
enum Use {
    Ref,
    Mut,
    Value,
    /// `self: Box<Self>`: the field, realized, in a new box.
    Box,
    /// `self: Pin<&mut Self>`: the field, realized as for `Mut`, pinned
    /// again (`Unpin`, as the impl's bounds say).
    Pin,
}

impl Use {
    fn of_receiver(kind: &ReceiverKind) -> Use {
        match kind {
            ReceiverKind::ByRef(_) | ReceiverKind::Other(_) => Use::Ref,
            ReceiverKind::ByMutRef(_) => Use::Mut,
            ReceiverKind::ByValue => Use::Value,
            ReceiverKind::BoxSelf => Use::Box,
            ReceiverKind::PinMut(_) => Use::Pin,
        }
    }

    fn of_arg(arg: SelfArg) -> Use {
        match arg {
            SelfArg::Ref => Use::Ref,
            SelfArg::MutRef => Use::Mut,
            SelfArg::Value => Use::Value,
        }
    }
}

/// What the forwarders of one impl share.
struct EnumContext<'a> {
    variants: Vec<VariantImpl<'a>>,
    /// The first variant that is not broken: the associated types and
    /// consts are its target's, which the others must agree with.
    first: usize,
    /// For the attributes and the receiver's span (see `ImplContext`).
    base: ImplContext,
    trait_name: String,
    /// The trait's name in `realize_forward(...)`.
    trait_span: Span,
    /// For a `#[deprecated]` enum, the derive's call site: its patterns and
    /// their bindings are resolved there, where rustc's `deprecated` lint
    /// does not look at the variants and fields they name (see
    /// `input::quiet_deprecated`); else the bindings are at the mixed site.
    binding_site: Span,
    /// Every variant's target is one type, written alike (see
    /// [`one_target`]): a `Self` argument is realized in its own variant,
    /// whichever the receiver's is.
    one_target: bool,
    /// The trait is a mirror of std's `PartialEq`, `PartialOrd` or `Ord`:
    /// values in different variants compare as `#[derive]` compares them,
    /// by the variants' order (see [`mismatch_arm`]).
    std_comparison: bool,
    /// For `std_comparison`, each variant's place in that order (see
    /// [`variant_order`]).
    order: Vec<TokenStream>,
}

/// The impl of one forwarded trait for an enum (see `expand::trait_impl`,
/// whose steps this shares).
pub fn trait_impl(
    forwarded: &ForwardedTrait,
    variants: &[Variant],
    so_far: &ChainSoFar,
    errors: &mut Errors,
) -> TraitImpl {
    let mut learned = TraitImpl::default();
    learned.tokens = write_trait_impl(forwarded, variants, so_far, &mut learned, errors);
    learned
}

/// The value type of a `#[realize]` lazy that a generic enum's impls name
/// as its target (`T` of `Lazy<T>`, its field bounded
/// `Lazy<T>: Realize<Target = T>`): a bound alone would make
/// `<Lazy<T> as Realize>::Target` opaque there, and the impl of a subtrait
/// could not prove what the supertrait's impl asks of the target (`Sized`,
/// for a by-value method), nor rustc normalize the agreement on associated
/// types with another variant's target. A concrete enum's targets stay
/// projections (see `agreement`).
fn lazy_value(variant: &Variant, generic: bool) -> Option<&syn::Type> {
    match variant.kind {
        VariantKind::Realize if generic => lazy_value_type(&variant.ty),
        _ => None,
    }
}

/// The type a variant forwards to.
fn variant_target(variant: &Variant, generic: bool) -> TokenStream {
    let ty = &variant.ty;
    if let Some(value) = lazy_value(variant, generic) {
        return value.to_token_stream();
    }
    match variant.kind {
        VariantKind::Plain => ty.to_token_stream(),
        VariantKind::Realize => template::tokens("<#0 as ::lazy_core::Realize>::Target", &[&ty]),
        VariantKind::Deref(_) => template::tokens(
            "<<#0 as ::lazy_core::Realize>::Target as ::core::ops::Deref>::Target",
            &[&ty],
        ),
        VariantKind::PlainDeref(_) => {
            template::tokens("<#0 as ::lazy_core::__private::DerefValue>::Target", &[&ty])
        }
        VariantKind::Broken => TokenStream::new(),
    }
}

fn write_trait_impl(
    forwarded: &ForwardedTrait,
    variants: &[Variant],
    so_far: &ChainSoFar,
    learned: &mut TraitImpl,
    errors: &mut Errors,
) -> TokenStream {
    let ForwardedTrait {
        wrapper,
        trait_ref,
        trait_def,
        remote,
        ..
    } = *forwarded;
    let ident = &wrapper.input.ident;
    let self_ty = self_ty(wrapper, trait_ref.span());
    // The impl is generic where the enum is, and where the trait is named
    // without the arguments it takes (`Index` for every `Idx`): there too a
    // lazy's target named as a projection is opaque (see `lazy_value`).
    let generic = !wrapper.input.generics.params.is_empty()
        || (trait_ref.args.is_none() && !trait_def.generics.params.is_empty());
    let mut targets: Vec<TokenStream> = Vec::with_capacity(variants.len());
    for variant in variants {
        targets.push(variant_target(variant, generic));
    }
    // Without a variant that forwards, the errors that broke them are all
    // (after the trait's refusal, if it is refused).
    let mut first = None;
    for index in 0..variants.len() {
        let variant = &variants[index];
        if !matches!(variant.kind, VariantKind::Broken) {
            first = Some(index);
            break;
        }
    }
    // The enum's type and const parameters: they keep rustc from
    // normalizing a target's associated types (its lifetimes do not).
    let type_names = generics::type_param_names(&wrapper.input.generics);
    // With a generic associated type, the first variant whose target (a
    // plain field's type, a lazy's value) names a type or const parameter
    // of the enum, and not the enum itself, gives the types: the others
    // agree with it (`for<'a> Real: Container<Iter<'a> = <T as
    // Container>::Iter<'a>>`), where such a bound on `T` under `for<'a>`
    // would require `T: 'a` for every `'a` (E0311, of the type's `where
    // Self: 'a`). Asked only of an enum with parameters (the items' walk
    // costs an enum of 100 methods 1.4 M instructions).
    if !wrapper.input.generics.params.is_empty() && declares_generic_type(forwarded.items) {
        for index in 0..variants.len() {
            let variant = &variants[index];
            let target = &targets[index];
            let direct = match variant.kind {
                VariantKind::Plain => true,
                VariantKind::Realize => lazy_value(variant, generic).is_some(),
                _ => false,
            };
            if direct
                && tokens::mentions(target.clone(), &|ident| {
                    tokens::is_named(ident, &type_names)
                })
                && !tokens::mentions(target.clone(), &|ident| *ident == wrapper.input.ident)
            {
                first = Some(index);
                break;
            }
        }
    }
    let target = match first {
        Some(first) => Some(&targets[first]),
        None => None,
    };
    let (Some(mut head), Some(first)) = (
        ImplHead::new(forwarded, target, &mut learned.matched, errors),
        first,
    ) else {
        return TokenStream::new();
    };
    let trait_full = &head.trait_full;
    let trait_path = &head.trait_path;
    let mut named_like_a_variant = false;
    for item in &head.items {
        let name = match item {
            TraitItem::Type(item) => &item.ident,
            TraitItem::Const(item) => &item.ident,
            TraitItem::Fn(item) => &item.sig.ident,
            _ => continue,
        };
        for variant in variants {
            named_like_a_variant |= variant.ident == *name;
        }
    }
    let deprecated = wrapper.deprecated;
    let enum_path = if named_like_a_variant {
        ident.clone()
    } else if deprecated {
        Ident::new("Self", so_far.derive_site)
    } else {
        Ident::new("Self", Span::call_site())
    };
    head.items =
        qualify_clashing_assoc_types(std::mem::take(&mut head.items), variants, trait_full);
    // A `Self` among the trait's arguments (`PartialEq<Self>`) is each
    // variant's own target.
    let self_arg = match &trait_ref.args {
        Some(args) => tokens::mentions_bare_self(args.to_token_stream()),
        None => false,
    };
    let enum_type = {
        let (_, ty_generics, _) = wrapper.input.generics.split_for_impl();
        template::tokens("#0 #1", &[&ident, &ty_generics]).to_string()
    };
    let mut variant_impls: Vec<VariantImpl> = Vec::with_capacity(variants.len());
    // Paired by index (or by a second iterator), not `zip`, here and in
    // four other places: each `Zip` of two element types is one more
    // iterator compiled into this crate's build (the five were about 25 M
    // instructions of its cold build).
    for index in 0..variants.len().min(targets.len()) {
        let (variant, target) = (&variants[index], &targets[index]);
        let own_args = if index == first || !self_arg {
            None
        } else {
            trait_generics(
                wrapper,
                trait_ref,
                (trait_def, &TokenStream::new()),
                target,
                &mut Errors::default(),
            )
        };
        let target_args = match own_args {
            Some(own) => own.target_args,
            None => head.generics.target_args.clone(),
        };
        let target_trait = template::tokens("#0 #1", &[&trait_path, &target_args]);
        let target_as_trait = template::tokens("<#0 as #1>", &[&target, &target_trait]);
        let call_prefix = call_prefix(trait_path, &target_args, &target_as_trait, remote.is_some());
        let names_none = !mentions_params(&variant.ty, &wrapper.input.generics);
        let normalizes = names_none
            || (matches!(variant.kind, VariantKind::Plain | VariantKind::Realize)
                && !tokens::mentions(variant.ty.to_token_stream(), &|ident| {
                    tokens::is_named(ident, &type_names)
                }));
        let shares = crate::input::shares_its_lazy(&variant.ty);
        let build_back = crate::input::build_back(&variant.ty);
        let never_built = matches!(build_back, BuildBack::Never);
        let recursive = targets_the_enum(variant, &enum_type);
        variant_impls.push(VariantImpl {
            enum_path: &enum_path,
            variant,
            target: target.clone(),
            lazy_value: match variant.kind {
                VariantKind::Deref(_) if generic && recursive => lazy_value_type(&variant.ty),
                _ => lazy_value(variant, generic),
            },
            seed_bound: match variant.kind {
                VariantKind::Realize | VariantKind::Deref(_) => {
                    match crate::input::lazy_seed_param(&variant.ty, &wrapper.input.generics) {
                        Some((value, seed)) => template::tokens(
                            "#0: ::lazy_core::Seed<Output = #1>,",
                            &[&seed, &value],
                        ),
                        None => TokenStream::new(),
                    }
                }
                _ => TokenStream::new(),
            },
            target_as_trait,
            call_prefix,
            target_trait,
            site: Span::call_site().located_at(variant.span()),
            recursive,
            names_none,
            normalizes,
            checked_in_body: matches!(variant.kind, VariantKind::Realize) && (names_none || shares),
            built_in_body: matches!(variant.kind, VariantKind::Realize | VariantKind::Deref(_))
                && (names_none || never_built),
            build_back,
        });
    }
    let one_target = one_target(&variant_impls);
    let std_comparison = match remote {
        Some(path) => is_std_comparison(path),
        None => false,
    };
    let order = match std_comparison {
        true => variant_order(variants, &wrapper.input.attrs),
        false => Vec::new(),
    };
    let ctx = EnumContext {
        one_target,
        base: ImplContext {
            target_as_trait: variant_impls[first].target_as_trait.clone(),
            call_prefix: variant_impls[first].call_prefix.clone(),
            deprecated_trait: head.deprecated,
            derive_site: so_far.derive_site,
            mirror: remote.is_some(),
            inline: true,
            realize_calls: crate::expand::RealizeCalls::Paths,
            // Each variant builds itself back (`VariantImpl::build`).
            from_realized: None,
        },
        variants: variant_impls,
        first,
        std_comparison,
        order,
        trait_name: trait_ref.name(),
        trait_span: trait_ref.span(),
        binding_site: match deprecated {
            true => so_far.derive_site,
            false => Span::mixed_site(),
        },
    };
    let mut writer = EnumItems {
        ctx: &ctx,
        body: EnumBody::default(),
        deref: first_deref(&ctx.variants),
    };
    write_items(forwarded, &mut head, &mut writer, errors);
    let body = writer.body;
    let generics = &head.generics;
    // Twins only where the trait keeps no parameter of its own (named bare,
    // `impl<X> Feed<X>`): a target's impl may then hold for some `X` only,
    // which the bound states.
    let kept = trait_ref.args.is_none() && !trait_def.generics.params.is_empty();
    let twins = match kept {
        true => Vec::new(),
        false => twin_texts(&ctx.variants, &wrapper.input.generics),
    };
    let bounds = variant_bounds(&ctx, &body, &head.trait_path, &twins);
    let trait_predicates = &generics.predicates;
    let trait_full = &head.trait_full;
    let impl_generics = impl_generics(wrapper, &generics.lifetimes, &generics.others);
    let wrapper_predicates = where_predicates(&wrapper.input.generics);
    let mut derived = derived_attr(remote);
    if body.deprecated_agreed {
        // Forwarding a deprecated associated type is no use of it.
        template::append(&mut derived, "#[allow(deprecated)]", &[]);
    }
    let EnumBody {
        assoc_types,
        consts,
        methods,
        ..
    } = body;
    // At the trait's path, as `expand::trait_impl`'s.
    let at = Span::call_site().located_at(ctx.trait_span);
    template::spanned(
        at,
        "#0
        impl #1 #2 for #3
        where
            #4
            #5
            #6
        {
            #7
            #8
            #9
        }",
        &[
            &derived,
            &impl_generics,
            &trait_full,
            &self_ty,
            &template::each(&wrapper_predicates, "#0,").at(at),
            &template::each(trait_predicates, "#0,").at(at),
            &bounds,
            &template::joined(&assoc_types, ""),
            &template::joined(&consts, ""),
            &template::joined(&methods, ""),
        ],
    )
}

/// Where the first `#[realize(deref)]` variant's `deref` is, and how to
/// fix a method it cannot forward.
fn first_deref(variants: &[VariantImpl]) -> Option<(Span, &'static str)> {
    for variant in variants {
        match variant.variant.kind {
            // Not for a pointer to a trait object: without `deref` its
            // target is the pointer, which does not implement the trait.
            VariantKind::Deref(at)
                if crate::expand::derefs_to_a_trait_object(&variant.variant.ty) =>
            {
                return Some((at, ""));
            }
            VariantKind::Deref(at) => {
                return Some((at, ", or realize this variant without `deref`"));
            }
            VariantKind::PlainDeref(at) => return Some((at, "")),
            _ => {}
        }
    }
    None
}

/// The impl's items, and what its forwarders need of the variants.
#[derive(Default)]
struct EnumBody {
    assoc_types: Vec<TokenStream>,
    consts: Vec<TokenStream>,
    methods: Vec<TokenStream>,
    /// The associated types every variant's target must agree on: name and
    /// lifetime parameters.
    agreed_types: Vec<(Ident, Vec<syn::Lifetime>)>,
    /// One of them is `#[deprecated]`: the bounds of agreement name it
    /// (`Dep<X = ..>`), where no attribute can allow the lint but the impl's.
    deprecated_agreed: bool,
    /// An associated const is forwarded: every variant's target must be the
    /// same type.
    same_target: bool,
    needs_mut: bool,
    needs_into: bool,
    needs_sized: bool,
    needs_from: bool,
    needs_unpin: bool,
}

/// An enum's impl body as `expand::write_items` fills it.
struct EnumItems<'a> {
    ctx: &'a EnumContext<'a>,
    body: EnumBody,
    /// The first `#[realize(deref)]` variant's.
    deref: Option<(Span, &'static str)>,
}

impl ItemWriter for EnumItems<'_> {
    fn context(&self) -> &ImplContext {
        &self.ctx.base
    }

    fn deref(&self) -> Option<(Span, &'static str)> {
        self.deref
    }

    fn shared_ref(&self) -> Option<Span> {
        for variant in &self.ctx.variants {
            let lent = match variant.variant.kind {
                VariantKind::Realize | VariantKind::Deref(_) | VariantKind::PlainDeref(_) => {
                    crate::expand::shared_ref(&variant.variant.ty)
                }
                VariantKind::Plain | VariantKind::Broken => None,
            };
            if lent.is_some() {
                return lent;
            }
        }
        None
    }

    fn forward(&mut self, method: &Method, span: Span, trait_name: &str) {
        let ctx = self.ctx;
        let body = &mut self.body;
        // No value, so no variant to forward to.
        if method.receiver.is_none() {
            let name = &method.item.sig.ident;
            let message = format!(
                "cannot forward `{trait_name}::{name}` to an enum: it has no `self` receiver, so no variant to forward to; list it in `except(...)` and implement it on the enum"
            );
            body.methods
                .push(fallback::stub(method, Error::new(span, message)));
            return;
        }
        let joined = match result_joined(ctx, method) {
            Ok(joined) => joined,
            Err(message) => {
                body.methods
                    .push(fallback::stub(method, Error::new(span, message)));
                return;
            }
        };
        match cfg_params::per_variant(method, |method| forwarder(ctx, method, joined.as_ref())) {
            Some(tokens) => {
                body.needs_mut |= method.needs_mut();
                body.needs_into |= method.needs_into();
                body.needs_sized |= method.needs_sized_target;
                body.needs_from |= method.wrap.is_some();
                body.needs_unpin |= method.needs_unpin();
                body.methods.push(tokens);
            }
            None => body.methods.push(too_many_cfgs(span, &trait_name, method)),
        }
    }

    fn push_method(&mut self, tokens: TokenStream) {
        self.body.methods.push(tokens);
    }

    fn push_type(&mut self, item: &TraitItemType, span: Span, errors: &mut Errors) {
        let trait_name = &self.ctx.trait_name;
        // Stated even when it cannot be checked, so that the impl is
        // complete and the error is the one.
        self.body.assoc_types.push(assoc_type(&self.ctx.base, item));
        match agreed_type(item) {
            Some(lifetimes) => {
                self.body.deprecated_agreed |= crate::input::has_attr(&item.attrs, "deprecated");
                self.body
                    .agreed_types
                    .push((item.ident.clone(), lifetimes));
            }
            None => errors.push(Error::new(
                span,
                format!(
                    "cannot forward `{trait_name}` to an enum: its associated type `{}` has type or const parameters, and the derive can state that the variants' targets agree on it only for lifetime parameters; implement `{trait_name}` for the enum by hand",
                    item.ident
                ),
            )),
        }
    }

    fn push_const(&mut self, item: &TraitItemConst) {
        // A default stays the trait's: no variant's value is picked.
        // Without one, the variants' targets must be one type, whose value
        // it is.
        if item.default.is_none() {
            self.body.consts.push(assoc_const(&self.ctx.base, item));
            self.body.same_target = true;
        }
    }
}

/// The lifetime parameters of an associated type whose agreement a bound can
/// state (`for<'a> V: Trait<Item<'a> = ..>`); `None` with other parameters.
fn agreed_type(item: &TraitItemType) -> Option<Vec<syn::Lifetime>> {
    let mut lifetimes = Vec::new();
    for param in &item.generics.params {
        match param {
            GenericParam::Lifetime(param) => lifetimes.push(param.lifetime.clone()),
            _ => return None,
        }
    }
    Some(lifetimes)
}

/// How a forwarder returns an `impl Trait` that the variants' targets fill
/// with different types.
enum Joined {
    /// The result of the live variant number `n` of `live`, in nested
    /// `Either`s (`nest`).
    Either { live: usize },
    /// `Box<dyn Trait + '_>`.
    Boxed { dyn_ty: TokenStream },
}

/// `Some` for an `impl Trait` result of an enum with several variants; an
/// error message where neither `Either` nor a box keeps its bound.
fn result_joined(ctx: &EnumContext, method: &Method) -> Result<Option<Joined>, String> {
    let sig = &method.item.sig;
    let ReturnType::Type(_, ty) = &sig.output else {
        return Ok(None);
    };
    let mut live = 0;
    for variant in &ctx.variants {
        if !matches!(variant.variant.kind, VariantKind::Broken) {
            live += 1;
        }
    }
    if live < 2 || sig.asyncness.is_some() || !crate::method::has_impl_trait(ty.to_token_stream()) {
        return Ok(None);
    }
    let what = format!("`{}::{}`", ctx.trait_name, sig.ident);
    let fix = "list it in `except(...)` and implement it on the enum";
    // A macro's `$t:ty` arrives in an invisible group.
    let Type::ImplTrait(impl_trait) = crate::input::unparenthesized(ty) else {
        return Err(format!(
            "cannot forward {what} to an enum: its result holds an `impl Trait`, for which each variant's target returns its own type; only a result that is `impl Trait` itself can be joined; {fix}"
        ));
    };
    let mut traits: Vec<(&syn::TraitBound, String)> = Vec::new();
    let mut auto = Vec::new();
    let mut lifetime = None;
    for bound in &impl_trait.bounds {
        match bound {
            TypeParamBound::Trait(bound) => {
                let name = match bound.path.segments.last() {
                    Some(segment) => segment.ident.to_string(),
                    None => String::new(),
                };
                if AUTO.contains(&name.as_str()) {
                    auto.push(bound);
                } else {
                    traits.push((bound, name));
                }
            }
            TypeParamBound::Lifetime(bound) => lifetime = Some(bound.to_token_stream()),
            _ => {}
        }
    }
    // `Either` implements each of its traits when both sides do.
    let mut all_in_either = !traits.is_empty();
    for (_, name) in &traits {
        all_in_either &= IN_EITHER.contains(&name.as_str());
    }
    if all_in_either {
        return Ok(Some(Joined::Either { live }));
    }
    let (main, name) = match traits.as_slice() {
        [] => {
            return Err(format!(
                "cannot forward {what} to an enum: each variant's target returns its own `impl Trait`, with no trait to join them by; {fix}"
            ));
        }
        [(main, name)] => (*main, name.clone()),
        _ => {
            return Err(format!(
                "cannot forward {what} to an enum: each variant's target returns its own `impl Trait`, and the derive joins several traits only when each is one of `{}`; {fix}",
                tokens::join(IN_EITHER.iter().copied(), "`, `")
            ));
        }
    };
    if !BOXABLE.contains(&name.as_str()) {
        let mut known = IN_EITHER.to_vec();
        for name in BOXABLE {
            known.push(name);
        }
        let known = tokens::join(known.iter().copied(), "`, `");
        return Err(format!(
            "cannot forward {what} to an enum: each variant's target returns its own `impl {name}`, and the derive joins those only for `{known}`; {fix}"
        ));
    }
    // The box's lifetime is inferred, and must be outlived by everything the
    // result captures: a type parameter of the method is not known to
    // outlive anything (rustc would report E0311 at the derive).
    let mut unbounded = None;
    for param in sig.generics.type_params() {
        let mut is_static = false;
        for bound in &param.bounds {
            is_static |=
                matches!(bound, TypeParamBound::Lifetime(lifetime) if lifetime.ident == "static");
        }
        if !is_static {
            unbounded = Some(format!("the method's type parameter `{}`", param.ident));
            break;
        }
    }
    if unbounded.is_none() {
        for arg in crate::punct::values(&sig.inputs) {
            if let crate::syntax::FnArg::Typed(arg) = arg
                && crate::method::has_impl_trait(arg.ty.to_token_stream())
            {
                unbounded = Some(String::from("the type of its `impl Trait` argument"));
                break;
            }
        }
    }
    if let (Some(unbounded), None) = (unbounded, &lifetime) {
        return Err(format!(
            "cannot forward {what} to an enum: each variant's target returns its own `impl {name}`, which the derive boxes as `Box<dyn {name} + '_>`, and {unbounded} is not known to outlive that box; {fix}"
        ));
    }
    let lifetime = match lifetime {
        Some(lifetime) => lifetime,
        None => template::tokens("'_", &[]),
    };
    Ok(Some(Joined::Boxed {
        dyn_ty: template::tokens(
            "dyn #0 #1 + #2",
            &[&main, &template::each(&auto, "+ #0"), &lifetime],
        ),
    }))
}

/// `value`, the result of live variant `index` of `count`, in nested
/// `Either`s: a balanced tree, so that reaching it takes about `log2(count)`
/// matches.
fn nest(index: usize, count: usize, value: TokenStream) -> TokenStream {
    if count <= 1 {
        return value;
    }
    let left = count.div_ceil(2);
    if index < left {
        let inner = nest(index, left, value);
        template::tokens("::lazy_core::__private::Either::Left(#0)", &[&inner])
    } else {
        let inner = nest(index - left, count - left, value);
        template::tokens("::lazy_core::__private::Either::Right(#0)", &[&inner])
    }
}

/// The forwarder of a method with a receiver: a `match` on the receiver
/// (with the `Self` arguments, which must be in the same variant).
fn forwarder(ctx: &EnumContext, method: &Method, joined: Option<&Joined>) -> TokenStream {
    let sig = &method.item.sig;
    let Some(kind) = &method.receiver else {
        return TokenStream::new();
    };
    let attrs = carried_attrs(&ctx.base, &method.item.attrs);
    let (self_token, receiver) = ctx.base.receiver(method, kind);
    let Params { decls, names } = params(method, Some(receiver));
    let name = &sig.ident;
    let generics = MethodGenerics(&sig.generics);
    let where_clause = crate::method::forwarder_where(&sig.generics);
    let output = &sig.output;
    let asyncness = &sig.asyncness;
    let abi = crate::method::ExplicitAbi::of(&sig.abi);
    let turbofish = Turbofish(sig, None);
    let receiver_use = Use::of_receiver(kind);
    let binding = Ident::new("__target", ctx.binding_site);
    // The `Self` arguments: their position and binding.
    let mut self_args: Vec<(usize, Use, Ident)> = Vec::new();
    for index in 0..method.self_args.len() {
        let arg = &method.self_args[index];
        if let Some(arg) = arg {
            let binding = Ident::new(&format!("__other{index}"), ctx.binding_site);
            self_args.push((index, Use::of_arg(*arg), binding));
        }
    }
    let receiver_value = match kind {
        ReceiverKind::BoxSelf => template::tokens("*#0", &[&self_token]),
        ReceiverKind::PinMut(_) => {
            template::tokens("::core::pin::Pin::get_mut(#0)", &[&self_token])
        }
        _ => self_token.to_token_stream(),
    };
    // With one target type, each `Self` argument is realized in its own
    // variant by a `match` of its own, after the receiver (an argument of
    // the call): values in different variants are forwarded too
    // (`Ready(3) == Later(..)`).
    let mut matched_args = Vec::new();
    if ctx.one_target {
        for (index, how, binding) in &self_args {
            matched_args.push((
                *index,
                realized_in_any_variant(ctx, &names[*index], *how, binding),
            ));
        }
    }
    let scrutinee = if self_args.is_empty() || ctx.one_target {
        receiver_value
    } else {
        let mut others = Vec::with_capacity(self_args.len());
        for (index, _, _) in &self_args {
            others.push(names[*index].clone());
        }
        template::tokens(
            "(#0, #1)",
            &[&receiver_value, &template::joined(&others, ",")],
        )
    };
    let mut arms = TokenStream::new();
    let mut live = 0;
    for variant in &ctx.variants {
        if let VariantKind::Broken = variant.variant.kind {
            let path = variant.path();
            let text = if self_args.is_empty() || ctx.one_target {
                "#0 { .. } => ::core::unreachable!(),"
            } else {
                "(#0 { .. }, ..) => ::core::unreachable!(),"
            };
            template::append(&mut arms, text, &[&path]);
            continue;
        }
        let receiver_pattern = variant.pattern(&binding);
        // The `Self` arguments' patterns beside the receiver's, where they
        // are matched with it.
        let mut others = Vec::with_capacity(self_args.len());
        if !ctx.one_target {
            for (_, _, binding) in &self_args {
                others.push(variant.pattern(binding));
            }
        }
        let realized = variant.realized(receiver_use, &binding);
        let mut args = Vec::with_capacity(names.len());
        for index in 0..names.len() {
            let name = &names[index];
            let mut self_arg = None;
            for arg in &self_args {
                if arg.0 == index {
                    self_arg = Some(arg);
                    break;
                }
            }
            let mut matched = None;
            for arg in &matched_args {
                if arg.0 == index {
                    matched = Some(arg);
                    break;
                }
            }
            args.push(match (matched, self_arg) {
                (Some((_, tokens)), _) => ArmArg::Matched(tokens),
                (None, Some((_, how, binding))) => {
                    ArmArg::Realized(variant.realized(*how, binding))
                }
                (None, None) => ArmArg::Name(name),
            });
        }
        let args = template::each(&args, ", #0");
        let call = Call([&variant.call_prefix, name, &turbofish, &realized, &args]);
        // The call written where it is a hole, not a stream of its own put
        // into the arms' (calls into the compiler), unless something wraps it.
        let wrapped_call;
        let call: &dyn ToTokens =
            if asyncness.is_none() && method.wrap.is_none() && joined.is_none() {
                &call
            } else {
                let mut call = call.to_token_stream();
                if asyncness.is_some() {
                    call = template::tokens("#0.await", &[&call]);
                }
                let call = wrapped(variant, method.wrap, call);
                wrapped_call = match joined {
                    Some(Joined::Either { live: count }) => nest(live, *count, call),
                    Some(Joined::Boxed { .. }) => {
                        template::tokens("::lazy_core::__private::Box::new(#0)", &[&call])
                    }
                    None => call,
                };
                &wrapped_call
            };
        live += 1;
        let others = template::joined(&others, ",");
        let text = if self_args.is_empty() || ctx.one_target {
            "#0 => #2,"
        } else {
            "(#0, #1) => #2,"
        };
        template::append(&mut arms, text, &[&receiver_pattern, &others, call]);
    }
    if !self_args.is_empty() && ctx.variants.len() > 1 && !ctx.one_target {
        arms.extend(mismatch_arm(ctx, name, self_args.len()));
    }
    let matched = template::tokens("match #0 { #1 }", &[&scrutinee, &arms]);
    let body = match joined {
        Some(Joined::Boxed { dyn_ty }) => {
            let result = Ident::new("__result", Span::mixed_site());
            template::tokens(
                "let #0: ::lazy_core::__private::Box<#1> = #2;
                #0",
                &[&result, &dyn_ty, &matched],
            )
        }
        Some(Joined::Either { .. }) | None => matched,
    };
    let (unsafety, body) = match &sig.safety {
        crate::syntax::Safety::Unsafe(unsafety) => {
            (Some(unsafety), template::tokens("unsafe { #0 }", &[&body]))
        }
        _ => (None, body),
    };
    // The `match` moves the variants' fields out of `self`: an enum with a
    // `Drop` impl is one error, at the trait's name (where the by-value
    // methods would be listed in `except(...)`).
    let movable = match method.needs_into() {
        true => Some(movable_check(Span::call_site().located_at(ctx.trait_span))),
        false => None,
    };
    template::tokens(
        "#0
        #[inline]
        #1 #2 #3 fn #4 #5(#6) #7 #8 {
            #9
            #10
        }",
        &[
            &attrs,
            &asyncness,
            &unsafety,
            &abi,
            &name,
            &generics,
            &template::joined(&decls, ","),
            &output,
            &where_clause,
            &movable,
            &body,
        ],
    )
}

/// `match name { Enum::A(b) => realized, Enum::B(b) => realized, .. }`: a
/// `Self` argument realized in whichever variant it is, for an enum whose
/// variants have one target type ([`one_target`]).
fn realized_in_any_variant(
    ctx: &EnumContext,
    name: &Ident,
    how: Use,
    binding: &Ident,
) -> TokenStream {
    let mut arms = TokenStream::new();
    for variant in &ctx.variants {
        if let VariantKind::Broken = variant.variant.kind {
            let path = variant.path();
            template::append(&mut arms, "#0 { .. } => ::core::unreachable!(),", &[&path]);
            continue;
        }
        let pattern = variant.pattern(binding);
        let realized = variant.realized(how, binding);
        template::append(&mut arms, "#0 => #1,", &[&pattern, &realized]);
    }
    template::tokens("match #0 { #1 }", &[name, &arms])
}

/// Whether every variant's target is one type, as written: a plain
/// variant's type, a lazy's value type (`Ready(T)` and `Later(#[realize]
/// Lazy<T>)`), a pointer's pointee (`#[realize(plain, deref)] Box<u32>`,
/// not where the pointer names a parameter of the enum). A broken variant
/// (an error already) is left out; a variant that forwards to the enum
/// itself, or whose target is not read from its type, makes it false. Two
/// types that are one only through an alias are two here; a type of the
/// user's named `Lazy` is taken for lazy-core's (whose target is its first
/// argument).
fn one_target(variants: &[VariantImpl]) -> bool {
    let mut first: Option<String> = None;
    let mut live = 0;
    for variant in variants {
        if variant.recursive {
            return false;
        }
        let ty = &variant.variant.ty;
        let target = match variant.variant.kind {
            VariantKind::Broken => continue,
            // A pointer's pointee, as rustc sees it in the impl, is a
            // projection (`<Box<T> as DerefValue>::Target`) that it does not
            // reduce to `T` where the pointer names a parameter of the enum
            // (`Box<T>`, `&'a String`): the arms of one `match` would not be
            // one type.
            VariantKind::PlainDeref(_) | VariantKind::Deref(_) if !variant.names_none => {
                return false;
            }
            VariantKind::Plain => Some(ty),
            VariantKind::PlainDeref(_) => crate::expand::pointer_target(ty, false),
            VariantKind::Realize => lazy_value_type(ty),
            VariantKind::Deref(_) => lazy_pointee(ty),
        };
        let Some(target) = target else {
            return false;
        };
        let written = target.to_token_stream().to_string();
        match &first {
            Some(first) if *first != written => return false,
            Some(_) => {}
            None => first = Some(written),
        }
        live += 1;
    }
    live > 1
}

/// Whether `remote` is std's `PartialEq`, `PartialOrd` or `Ord`, by any of
/// its paths (`::core::cmp::Ord`, `::std::cmp::Ord`).
fn is_std_comparison(remote: &syn::Path) -> bool {
    let mut names = Vec::with_capacity(remote.segments.len());
    for segment in &remote.segments {
        names.push(segment.ident.to_string());
    }
    let [root, cmp, name] = names.as_slice() else {
        return false;
    };
    (root == "core" || root == "std")
        && cmp == "cmp"
        && (name == "PartialEq" || name == "PartialOrd" || name == "Ord")
}

/// The integer types of an enum's `#[repr(..)]`.
const INTEGERS: &[&str] = &[
    "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
];

/// Each variant's place in std's order of the enum's values, as `#[derive]`
/// orders them: its index or, where the enum writes discriminants, its
/// discriminant, of the `#[repr]` type (`isize` without one).
fn variant_order(variants: &[Variant], attrs: &[syn::Attribute]) -> Vec<TokenStream> {
    let mut out = Vec::with_capacity(variants.len());
    let mut explicit = false;
    for variant in variants {
        explicit |= variant.discriminant.is_some();
    }
    if !explicit {
        for index in 0..variants.len() {
            out.push(Literal::usize_suffixed(index).to_token_stream());
        }
        return out;
    }
    let repr = match crate::input::repr_word(attrs, INTEGERS) {
        Some(repr) => repr,
        None => Ident::new("isize", Span::call_site()),
    };
    // The last discriminant written, and its variant's index: a variant
    // without one is one more than the variant before it.
    let mut last: Option<(&TokenStream, usize)> = None;
    for index in 0..variants.len() {
        let variant = &variants[index];
        let key = match (&variant.discriminant, last) {
            (Some(written), _) => {
                last = Some((written, index));
                template::tokens("::core::convert::identity::<#0>(#1)", &[&repr, written])
            }
            (None, Some((written, at))) => template::tokens(
                "::core::convert::identity::<#0>(#1) + #2",
                &[&repr, written, &Literal::usize_unsuffixed(index - at)],
            ),
            (None, None) => template::tokens(
                "::core::convert::identity::<#0>(#1)",
                &[&repr, &Literal::usize_unsuffixed(index)],
            ),
        };
        out.push(key);
    }
    out
}

/// What a method of std's comparison traits answers for values in
/// different variants, as `#[derive]` orders them: by the variants' order
/// (`#0` and `#1` their indices); `None` for another method.
fn compared_by_order(method: &Ident) -> Option<&'static str> {
    Some(match method.to_string().as_str() {
        "eq" => "false",
        "ne" => "true",
        "partial_cmp" => "::core::option::Option::Some(::core::cmp::Ord::cmp(&#0, &#1))",
        "cmp" => "::core::cmp::Ord::cmp(&#0, &#1)",
        "lt" => "#0 < #1",
        "le" => "#0 <= #1",
        "gt" => "#0 > #1",
        "ge" => "#0 >= #1",
        _ => return None,
    })
}

/// The arm for values in different variants: for std's comparison traits
/// the answer by the variants' order, as `#[derive]` gives it; else a panic
/// naming the method and the variants.
fn mismatch_arm(ctx: &EnumContext, method: &Ident, count: usize) -> TokenStream {
    let values = Ident::new("__values", Span::mixed_site());
    if ctx.std_comparison
        && count == 1
        && let Some(text) = compared_by_order(method)
    {
        let mut indices = TokenStream::new();
        for index in 0..ctx.variants.len().min(ctx.order.len()) {
            let (variant, order) = (&ctx.variants[index], &ctx.order[index]);
            let path = variant.path();
            template::append(&mut indices, "#0 { .. } => #1,", &[&path, order]);
        }
        if !text.contains('#') {
            return template::tokens("_ => #0,", &[&tokens::fixed(text)]);
        }
        let left = template::tokens("(match &#0.0 { #1 })", &[&values, &indices]);
        let right = template::tokens("(match &#0.1 { #1 })", &[&values, &indices]);
        let answer = template::tokens(text, &[&left, &right]);
        return template::tokens("#0 => #1,", &[&values, &answer]);
    }
    let mut names = TokenStream::new();
    for variant in &ctx.variants {
        let path = variant.path();
        let name = Literal::string(&variant.variant.ident.to_string());
        template::append(&mut names, "#0 { .. } => #1,", &[&path, &name]);
    }
    let mut each = Vec::with_capacity(count + 1);
    for index in 0..=count {
        let index = syn::Index::from(index);
        each.push(template::tokens(
            "match &#0.#1 { #2 }",
            &[&values, &index, &names],
        ));
    }
    let what = Literal::string(&format!("{}::{}", ctx.trait_name, method.unraw()));
    template::tokens(
        "#0 => ::lazy_core::__private::variant_mismatch(#1, &[#2]),",
        &[&values, &what, &template::joined(&each, ",")],
    )
}

/// The forwarded call, with every target in its result built back into the
/// variant it came from.
fn wrapped(variant: &VariantImpl, wrap: Option<Wrap>, call: TokenStream) -> TokenStream {
    let Some(wrap) = wrap else {
        return call;
    };
    let result = format_ident!("__result", span = Span::mixed_site());
    let build = variant.build(result.to_token_stream());
    let closure = template::tokens("|#0| #1", &[&result, &build]);
    match wrap {
        Wrap::Bare => variant.build(call),
        Wrap::Option => template::tokens("::core::option::Option::map(#0, #1)", &[&call, &closure]),
        Wrap::Result => template::tokens("::core::result::Result::map(#0, #1)", &[&call, &closure]),
        Wrap::Vec => template::tokens(
            "::core::iter::Iterator::collect(::core::iter::Iterator::map(
                ::core::iter::IntoIterator::into_iter(#0),
                #1,
            ))",
            &[&call, &closure],
        ),
        Wrap::Box => {
            let built = variant.build(template::tokens("*#0", &[&call]));
            template::tokens("::lazy_core::__private::Box::new(#0)", &[&built])
        }
    }
}

/// The impl's bounds, variant by variant, each at the variant's field: what
/// realizing it needs, its target's impl of the trait (agreeing with the
/// first variant's on the associated types), and what building it back
/// needs.
fn variant_bounds(
    ctx: &EnumContext,
    body: &EnumBody,
    trait_path: &TokenStream,
    twins: &[String],
) -> TokenStream {
    let mut out = TokenStream::new();
    let first = &ctx.variants[ctx.first];
    let mut sized = match body.needs_sized {
        true => Some(template::tokens("+ ::core::marker::Sized", &[])),
        false => None,
    };
    // `self: Pin<&mut Self>`: see `expand::trait_impl`. On each target with
    // the trait's bound below; a twin's (`Parser<'a>` beside
    // `Parser<'static>`) would be ambiguous (E0283), and its arm's
    // `Pin::new` checks it.
    if body.needs_unpin {
        let unpin = template::tokens("+ ::core::marker::Unpin", &[]);
        sized = Some(template::tokens("#0 #1", &[&sized, &unpin]));
        let at = Span::call_site().located_at(ctx.trait_span);
        out.extend(template::spanned(at, "Self: ::core::marker::Unpin,", &[]));
    }
    let mut generic_types = false;
    for (_, lifetimes) in &body.agreed_types {
        generic_types |= !lifetimes.is_empty();
    }
    for index in 0..ctx.variants.len() {
        let variant = &ctx.variants[index];
        if let VariantKind::Broken = variant.variant.kind {
            continue;
        }
        let ty = &variant.variant.ty;
        let target = &variant.target;
        let target_trait = &variant.target_trait;
        let mut bounds = TokenStream::new();
        if let VariantKind::PlainDeref(at) = variant.variant.kind {
            // At `deref`, under lazy-core's names, whose messages say what
            // to do with a field that is no pointer (as for a struct). Not
            // for a pointer to the enum itself, which derefs: in a generic
            // enum's impl the bound would make its `Target` opaque, and so
            // the call through it unproven.
            let deref = crate::expand::deref_value_trait(body.needs_mut);
            if !variant.recursive {
                out.extend(tokens::respan_as(
                    template::tokens("#0: ::lazy_core::__private::#1,", &[&ty, &deref]),
                    at,
                ));
            }
            if body.needs_from {
                template::append(
                    &mut bounds,
                    "#0: ::core::convert::From<#1>,",
                    &[&ty, &target],
                );
            }
        }
        if matches!(
            variant.variant.kind,
            VariantKind::Realize | VariantKind::Deref(_)
        ) {
            // See `lazy_value`.
            let binding = match variant.lazy_value {
                Some(value) => Some(template::tokens("<Target = #0>", &[&value])),
                None => None,
            };
            template::append(
                &mut bounds,
                "#0: ::lazy_core::Realize #1, #2",
                &[&ty, &binding, &variant.seed_bound],
            );
            if body.needs_mut && !variant.checked_in_body {
                template::append(&mut bounds, "#0: ::lazy_core::RealizeMut,", &[&ty]);
            }
            if body.needs_into && !variant.checked_in_body {
                template::append(&mut bounds, "#0: ::lazy_core::RealizeInto,", &[&ty]);
            }
            if body.needs_from && !variant.built_in_body {
                let built = match &variant.build_back {
                    BuildBack::Pointers(_, lazy) => *lazy,
                    BuildBack::Itself | BuildBack::Never => ty,
                };
                template::append(
                    &mut bounds,
                    "#0: ::lazy_core::FromRealized<#1>,",
                    &[&built, &target],
                );
            }
        }
        if let VariantKind::Deref(_) = variant.variant.kind {
            // A generic enum's lazy of a pointer to itself: its target, the
            // enum, has no bound, and the call through the pointer is
            // proven only where its `Deref` says what it derefs to (a bound
            // alone would make its `Target` opaque, as the lazy's).
            let pointee = match variant.lazy_value {
                Some(value) => match pointer_target(value, false) {
                    Some(pointee) => Some(template::tokens("<Target = #0>", &[&pointee])),
                    None => None,
                },
                None => None,
            };
            template::append(
                &mut bounds,
                "<#0 as ::lazy_core::Realize>::Target: ::core::ops::Deref #1,",
                &[&ty, &pointee],
            );
            if body.needs_mut {
                template::append(
                    &mut bounds,
                    "<#0 as ::lazy_core::Realize>::Target: ::core::ops::DerefMut,",
                    &[&ty],
                );
            }
        }
        // The same target as the first variant's, written alike, agrees with
        // it already: one bound for both, and one error if it has no impl.
        let same_as_first = index == ctx.first
            || (target.to_string() == first.target.to_string()
                && target_trait.to_string() == first.target_trait.to_string());
        // A target that names the enum's lifetimes and none of its other
        // parameters (`BytesRef<'a>`), beside an associated type with
        // lifetimes of its own (`type Chunk<'c> where Self: 'c`): its bound
        // (`BytesRef<'a>: Source`) would be what rustc normalizes
        // `<BytesRef<'a> as Source>::Chunk<'c>` by, to nothing, where the
        // impl says `&'c [u8]`; and the bound of agreement is for every
        // `'c`, which `BytesRef<'a>: 'c` is not (E0477). Its arms prove its
        // impl, as a concrete target's do.
        let lifetimes_only =
            generic_types && variant.normalizes && !variant.names_none && first.normalizes;
        if variant.recursive || lifetimes_only || has_twin(&ctx.variants, twins, index) {
            // The enum itself: this impl is its trait's impl, and its types
            // are the first variant's. A twin: see `twin_texts`. A target of
            // the enum's lifetimes only: above.
        } else if !same_as_first && !body.agreed_types.is_empty() {
            let agreed = agreement(first, variant, &body.agreed_types, trait_path);
            template::append(&mut bounds, "#0 #1,", &[&agreed, &sized]);
        } else {
            template::append(&mut bounds, "#0: #1 #2,", &[&target, &target_trait, &sized]);
        }
        if !same_as_first && body.same_target {
            let first_target = &first.target;
            template::append(
                &mut bounds,
                "#0: ::lazy_core::__private::SameTarget<#1>,",
                &[&target, &first_target],
            );
        }
        out.extend(tokens::respan_as(bounds, variant.site));
    }
    out
}

/// Whether `items` (a trait's) declare an associated type with parameters
/// (`type Iter<'a> where Self: 'a;`).
fn declares_generic_type(items: &TokenStream) -> bool {
    let trees: Vec<TokenTree> = items.clone().into_iter().collect();
    let mut at = 0;
    while at + 2 < trees.len() {
        if matches!(&trees[at], TokenTree::Ident(word) if word == "type")
            && matches!(&trees[at + 1], TokenTree::Ident(_))
            && matches!(&trees[at + 2], TokenTree::Punct(open) if open.as_char() == '<')
        {
            return true;
        }
        at += 1;
    }
    false
}

/// Each variant's target as text without its lifetimes, where it names no
/// type or const parameter of the enum (else empty), to find its twins: two
/// variants whose targets differ in their lifetimes only (`Parser<'a>` and
/// `Parser<'static>`, [`has_twin`]). The trait's bounds on the two are
/// ambiguous to rustc (E0283: two `where` clauses of one type up to
/// lifetimes), and a bound on one alone is taken for the other (whose
/// lifetime it then requires): neither is bounded, and the arms' calls are
/// proven by the targets' own impls, as in a hand-written `match`.
fn twin_texts(variants: &[VariantImpl], generics: &syn::Generics) -> Vec<String> {
    let params = generics::type_param_names(generics);
    let mut texts = Vec::with_capacity(variants.len());
    for variant in variants {
        let mut text = String::new();
        if !variant.recursive
            && !matches!(variant.variant.kind, VariantKind::Broken)
            && !tokens::mentions(variant.target.clone(), &|ident| {
                tokens::is_named(ident, &params)
            })
        {
            let trees: Vec<TokenTree> = variant.target.clone().into_iter().collect();
            crate::scan::spaced_text(&trees, false, &mut text);
        }
        texts.push(text);
    }
    texts
}

/// Whether the variant at `index` has a twin ([`twin_texts`]).
fn has_twin(variants: &[VariantImpl], texts: &[String], index: usize) -> bool {
    let own = match texts.get(index) {
        Some(own) if !own.is_empty() => own,
        _ => return false,
    };
    let target = variants[index].target.to_string();
    for other in 0..texts.len() {
        let text = &texts[other];
        if other != index && text == own && variants[other].target.to_string() != target {
            return true;
        }
    }
    false
}

/// Whether `variant` forwards to the enum itself, `enum_type` as its impl
/// names it (`Any`, `Any < T >`), `self::Any` or `Self`: through a pointer
/// (`Nested(#[realize(plain, deref)] Box<Any>)`) or a lazy
/// (`Later(#[realize] Lazy<Any>)`, `#[realize(deref)] Lazy<Box<Any>>`). Its
/// target's bound would then be the trait for the enum, which rustc cannot
/// prove while it proves the impl that gives it (E0275, "overflow"), as a
/// hand-written impl, with no bound, compiles.
fn targets_the_enum(variant: &Variant, enum_type: &str) -> bool {
    let target = match variant.kind {
        VariantKind::PlainDeref(_) => pointer_target(&variant.ty, false),
        VariantKind::Realize => lazy_value_type(&variant.ty),
        VariantKind::Deref(_) => lazy_pointee(&variant.ty),
        VariantKind::Plain | VariantKind::Broken => None,
    };
    let Some(target) = target else {
        return false;
    };
    let written = target.to_token_stream().to_string();
    // `self::Any` is the enum too; a longer path (`crate::m::Any`) may name
    // another type of the same name, which would lose its bound.
    let in_module = written.strip_prefix("self :: ");
    written == enum_type || written == "Self" || in_module == Some(enum_type)
}

/// What the value of a lazy field points to (`Lazy<Box<T>>`: `T`), for a
/// `#[realize(deref)]` variant.
fn lazy_pointee(ty: &Type) -> Option<&Type> {
    match lazy_value_type(ty) {
        Some(value) => pointer_target(value, false),
        None => None,
    }
}

/// `for<'a> V: Trait<.., Item<'a> = <First as Trait<..>>::Item<'a>>` (with
/// no comma): the variant's target implements the trait and agrees with the
/// first variant's on every associated type.
///
/// A plain variant's target is named `<V as Identity>::Type`
/// (`lazy_core::__private::Identity`): written `V`, the bound is what rustc
/// takes for `<V as Trait>::Item` while it normalizes the bound's own right
/// side, which comes back to `<V as Trait>::Item` when the first variant's
/// target is `V` reached another way (`<Lazy<V> as Realize>::Target`,
/// `crate::V`), and overflows (E0275). A lazy variant's target is a
/// projection already, which rustc does not take for another type there.
fn agreement(
    first: &VariantImpl,
    variant: &VariantImpl,
    agreed: &[(Ident, Vec<syn::Lifetime>)],
    trait_path: &TokenStream,
) -> TokenStream {
    let target = &variant.target;
    let bounded = match variant.variant.kind {
        VariantKind::Plain => {
            template::tokens("<#0 as ::lazy_core::__private::Identity>::Type", &[&target])
        }
        _ => target.clone(),
    };
    let first_as_trait = &first.target_as_trait;
    // An associated type with lifetime parameters agrees under `for<'a>`;
    // two such bounds that name one type two ways (`<V as Identity>::Type`
    // and `<Lazy<V> as Realize>::Target`) are ambiguous to rustc's solver
    // (E0284). Where neither this variant's type nor the first's names a
    // parameter of the enum, rustc normalizes both sides without the bound,
    // so it is left out: the arms agree, or the one that does not is rustc's
    // mismatch at that variant. Nor where they name only the enum's
    // lifetimes: the bound would be for every `'c`, and a target that names
    // `'a` meets the trait's `where Self: 'c` only for a `'c` that `'a`
    // outlives (E0477).
    let concrete = variant.normalizes && first.normalizes;
    // The variant's own arguments of the trait (`Trait<..>`), extended with
    // the equalities.
    let path: Vec<TokenTree> = trait_path.clone().into_iter().collect();
    let path_len = path.len();
    let args_tokens = crate::tokens::without_first(variant.target_trait.clone(), path_len);
    let mut args: AngleBracketedGenericArguments = match crate::syntax::angle_args_from(args_tokens)
    {
        Ok(args) => args,
        Err(_) => syn::parse_quote!(<>),
    };
    let mut binders: Vec<&syn::Lifetime> = Vec::new();
    for (name, lifetimes) in agreed {
        if concrete && !lifetimes.is_empty() {
            continue;
        }
        let params = if lifetimes.is_empty() {
            TokenStream::new()
        } else {
            template::tokens("<#0>", &[&template::joined(lifetimes, ",")])
        };
        for lifetime in lifetimes {
            let mut seen = false;
            for binder in &binders {
                seen |= binder.ident == lifetime.ident;
            }
            if !seen {
                binders.push(lifetime);
            }
        }
        if let Ok(arg) = syn::parse2::<GenericArgument>(template::tokens(
            "#0 #1 = #2::#0 #1",
            &[&name, &params, &first_as_trait],
        )) {
            args.args.push(arg);
        }
    }
    let binder = match binders.is_empty() {
        true => None,
        false => Some(template::tokens(
            "for<#0>",
            &[&template::joined(&binders, ",")],
        )),
    };
    template::tokens("#0 #1: #2 #3", &[&binder, &bounded, &trait_path, &args])
}

/// `Self::X` in the trait's signatures, where `X` is both an associated type
/// and a variant of the enum, written `<Self as Trait>::X`: in the impl,
/// `Self::X` would be ambiguous (rustc's `ambiguous_associated_items`).
fn qualify_clashing_assoc_types(
    items: Vec<TraitItem>,
    variants: &[Variant],
    trait_full: &TokenStream,
) -> Vec<TraitItem> {
    let mut clashing: Vec<Ident> = Vec::new();
    for item in &items {
        let TraitItem::Type(item) = item else {
            continue;
        };
        for variant in variants {
            if variant.ident == item.ident {
                clashing.push(item.ident.clone());
                break;
            }
        }
    }
    if clashing.is_empty() {
        return items;
    }
    let mut qualified = Vec::with_capacity(items.len());
    for item in items {
        let rewritten = qualify(item.to_token_stream(), &clashing, trait_full);
        qualified.push(syn::parse2(rewritten).unwrap_or(item));
    }
    qualified
}

fn qualify(tokens: TokenStream, clashing: &[Ident], trait_full: &TokenStream) -> TokenStream {
    use proc_macro2::{Group, TokenTree};
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = Vec::new();
    let mut index = 0;
    while index < trees.len() {
        let clash = match (
            &trees[index],
            trees.get(index + 1),
            trees.get(index + 2),
            trees.get(index + 3),
        ) {
            (
                TokenTree::Ident(self_ident),
                Some(TokenTree::Punct(first)),
                Some(TokenTree::Punct(second)),
                Some(TokenTree::Ident(name)),
            ) if self_ident == "Self"
                && first.as_char() == ':'
                && second.as_char() == ':'
                && clashing.contains(name) =>
            {
                Some((self_ident, name))
            }
            _ => None,
        };
        if let Some((self_ident, name)) = clash {
            out.extend(template::tokens(
                "<#0 as #1>::#2",
                &[&self_ident, &trait_full, &name],
            ));
            index += 4;
            continue;
        }
        match &trees[index] {
            TokenTree::Group(group) => {
                let mut new = Group::new(
                    group.delimiter(),
                    qualify(group.stream(), clashing, trait_full),
                );
                new.set_span(group.span());
                out.push(TokenTree::Group(new));
            }
            other => out.push(other.clone()),
        }
        index += 1;
    }
    TokenStream::from_iter(out)
}
