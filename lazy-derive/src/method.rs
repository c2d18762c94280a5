//! One trait method: its receiver, how it is forwarded (`ForwardPlan`), and
//! the parameters a forwarder declares for it (`Params`).

use crate::syntax::{FnArg, TraitItemFn};
use proc_macro2::{Ident, Literal, Punct, Spacing, Span, TokenStream};
use quote::{ToTokens, TokenStreamExt};
use syn::{GenericArgument, PathArguments, ReturnType, Type, TypeParamBound, WherePredicate};

use crate::punct;
use crate::tokens;

/// How a method takes `self`.
#[derive(Clone)]
pub enum ReceiverKind {
    /// `&self`, `&'a self`, `self: &Self`.
    ByRef(Option<syn::Lifetime>),
    /// `&mut self`, `self: &mut Self`.
    ByMutRef(Option<syn::Lifetime>),
    /// `self`, `mut self`, `self: Self`.
    ByValue,
    /// `self: Box<Self>`.
    BoxSelf,
    /// `self: Pin<&mut Self>`: the wrapper and its target both `Unpin`.
    PinMut(Option<syn::Lifetime>),
    /// Any other receiver type (`Rc<Self>`, `Arc<Self>`, `Pin<&Self>`),
    /// as written: the realized value cannot be put in it.
    Other(TokenStream),
}

impl ReceiverKind {
    fn of(method: &TraitItemFn) -> Option<ReceiverKind> {
        let receiver = method.sig.receiver()?;
        Some(match &receiver.kind {
            crate::syntax::ReceiverKind::Value => ReceiverKind::ByValue,
            crate::syntax::ReceiverKind::Reference(_, lifetime, None) => {
                ReceiverKind::ByRef(lifetime.clone())
            }
            crate::syntax::ReceiverKind::Reference(_, lifetime, Some(_)) => {
                ReceiverKind::ByMutRef(lifetime.clone())
            }
            crate::syntax::ReceiverKind::Typed(_, ty) => Self::of_type(ty),
        })
    }

    fn of_type(ty: &Type) -> ReceiverKind {
        match ty {
            Type::Reference(reference) if is_self(&reference.elem) => match reference.mutability {
                Some(_) => ReceiverKind::ByMutRef(reference.lifetime.clone()),
                None => ReceiverKind::ByRef(reference.lifetime.clone()),
            },
            ty if is_self(ty) => ReceiverKind::ByValue,
            Type::Path(path) if path.qself.is_none() => {
                let Some(last) = path.path.segments.last() else {
                    return ReceiverKind::Other(ty.to_token_stream());
                };
                let arg = match &last.arguments {
                    PathArguments::AngleBracketed(args) if args.args.len() == 1 => {
                        match punct::first(&args.args) {
                            Some(GenericArgument::Type(arg)) => Some(arg),
                            _ => None,
                        }
                    }
                    _ => None,
                };
                let arg = match arg {
                    Some(arg) => Some(crate::input::unparenthesized(arg)),
                    None => None,
                };
                match arg {
                    Some(arg) if last.ident == "Box" && is_self(arg) => ReceiverKind::BoxSelf,
                    // `Pin<(&mut Self)>`, and a macro's `Pin<$r>`, too.
                    Some(Type::Reference(arg))
                        if last.ident == "Pin"
                            && arg.mutability.is_some()
                            && is_self(&arg.elem) =>
                    {
                        ReceiverKind::PinMut(arg.lifetime.clone())
                    }
                    _ => ReceiverKind::Other(ty.to_token_stream()),
                }
            }
            Type::Paren(inner) => Self::of_type(&inner.elem),
            Type::Group(inner) => Self::of_type(&inner.elem),
            other => ReceiverKind::Other(other.to_token_stream()),
        }
    }
}

fn is_self(ty: &Type) -> bool {
    match ty {
        Type::Path(path) => path.qself.is_none() && path.path.is_ident("Self"),
        Type::Paren(inner) => is_self(&inner.elem),
        Type::Group(inner) => is_self(&inner.elem),
        _ => false,
    }
}

/// An argument whose type is the wrapper itself (`other: &Self`): the
/// forwarder realizes it like the receiver.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum SelfArg {
    /// `&Self`: `Realize::realize`.
    Ref,
    /// `&mut Self`: `RealizeMut::realize_mut`.
    MutRef,
    /// `Self`: `RealizeInto::into_realized`.
    Value,
}

impl SelfArg {
    fn of(ty: &Type) -> Option<SelfArg> {
        match ty {
            Type::Reference(reference) if is_self(&reference.elem) => {
                Some(match reference.mutability {
                    Some(_) => SelfArg::MutRef,
                    None => SelfArg::Ref,
                })
            }
            ty if is_self(ty) => Some(SelfArg::Value),
            Type::Paren(inner) => Self::of(&inner.elem),
            Type::Group(inner) => Self::of(&inner.elem),
            _ => None,
        }
    }
}

/// A result that holds the wrapper, which a forwarder builds back from the
/// target's result with `lazy_core::FromRealized`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Wrap {
    /// `Self`.
    Bare,
    /// `Option<Self>`.
    Option,
    /// `Result<Self, E>` (or an alias `Result<Self>`).
    Result,
    /// `Vec<Self>`.
    Vec,
    /// `Box<Self>`.
    Box,
}

impl Wrap {
    fn of(ty: &Type) -> Option<Wrap> {
        if is_self(ty) {
            return Some(Wrap::Bare);
        }
        let Type::Path(path) = ty else {
            return match ty {
                Type::Paren(inner) => Self::of(&inner.elem),
                Type::Group(inner) => Self::of(&inner.elem),
                _ => None,
            };
        };
        if path.qself.is_some() {
            return None;
        }
        let last = path.path.segments.last()?;
        let PathArguments::AngleBracketed(args) = &last.arguments else {
            return None;
        };
        // A `Result` carried from the trait's module (`def_site`):
        // `Self::__lazy_result_N<'l, Self>`.
        if last
            .ident
            .to_string()
            .starts_with(crate::def_site::RESULT_PREFIX)
        {
            let mut wraps_self = false;
            for arg in punct::values(&args.args) {
                wraps_self |= matches!(arg, GenericArgument::Type(ty) if is_self(ty));
            }
            return wraps_self.then_some(Wrap::Result);
        }
        let Some(GenericArgument::Type(first)) = punct::first(&args.args) else {
            return None;
        };
        if !is_self(first) {
            return None;
        }
        let rest = args.args.len() - 1;
        for arg in punct::values(&args.args).skip(1) {
            if tokens::mentions_bare_self(arg.to_token_stream()) {
                return None;
            }
        }
        let wrap = match last.ident.to_string().as_str() {
            "Option" => Wrap::Option,
            "Result" => Wrap::Result,
            "Vec" => Wrap::Vec,
            "Box" => Wrap::Box,
            _ => return None,
        };
        let arity = if wrap == Wrap::Result { 1 } else { 0 };
        (rest <= arity).then_some(wrap)
    }
}

/// What the generated impl does for one method.
pub enum ForwardPlan {
    /// Realize the wrapper and call the target's method.
    Forward,
    /// Listed in `except(...)`: call the wrapper's inherent method.
    Inherent,
    /// Leave the trait's default body in charge.
    KeepDefault,
    /// Cannot be forwarded: `message` says why and what to do; `why` is
    /// the reason alone (for `#[forwardable(blanket)]`'s error).
    Unsupported { message: String, why: String },
}

/// One trait method and what forwarding it needs.
pub struct Method {
    pub item: TraitItemFn,
    pub receiver: Option<ReceiverKind>,
    pub plan: ForwardPlan,
    /// For each argument after the receiver: whether it is the wrapper.
    pub self_args: Vec<Option<SelfArg>>,
    /// The target must be `Sized` for the forwarded call to exist.
    pub needs_sized_target: bool,
    /// A forwarded method whose result holds the wrapper (`-> Self`).
    pub wrap: Option<Wrap>,
}

impl Method {
    /// Some forwarded use needs `RealizeMut` (receiver or argument).
    pub fn needs_mut(&self) -> bool {
        matches!(
            self.receiver,
            Some(ReceiverKind::ByMutRef(_) | ReceiverKind::PinMut(_))
        ) || self.self_args.contains(&Some(SelfArg::MutRef))
    }

    /// The forwarder unpins the wrapper (`self: Pin<&mut Self>`): the impl
    /// asks it and its target to be `Unpin`.
    pub fn needs_unpin(&self) -> bool {
        matches!(self.receiver, Some(ReceiverKind::PinMut(_)))
    }

    /// Some forwarded use needs the value by value (receiver or argument).
    pub fn needs_into(&self) -> bool {
        matches!(
            self.receiver,
            Some(ReceiverKind::ByValue | ReceiverKind::BoxSelf)
        ) || self.self_args.contains(&Some(SelfArg::Value))
    }
}

impl Method {
    pub fn new(item: TraitItemFn, trait_name: &str, excepted: bool) -> Method {
        let receiver = ReceiverKind::of(&item);
        let has_default = item.default.is_some();
        let self_sized = requires_self_sized(&item);
        let name = &item.sig.ident;
        let what = format!("`{trait_name}::{name}`");
        // A result that holds the wrapper is built back from the target's.
        let wrap = match (&item.sig.output, &item.sig.asyncness) {
            (ReturnType::Type(_, ty), None) => Wrap::of(ty),
            _ => None,
        };
        // `Self` anywhere else cannot be converted: the return type, inside
        // another type (`Vec<Self>`), or in a bound.
        let mut self_in_signature = match &item.sig.output {
            ReturnType::Type(_, ty) if wrap.is_none() => {
                tokens::mentions_bare_self(ty.to_token_stream())
            }
            _ => false,
        };
        let mut self_args = Vec::new();
        for arg in punct::values(&item.sig.inputs) {
            let FnArg::Typed(arg) = arg else { continue };
            let self_arg = SelfArg::of(&arg.ty);
            if self_arg.is_none() && tokens::mentions_bare_self(arg.ty.to_token_stream()) {
                self_in_signature = true;
            }
            self_args.push(self_arg);
        }
        let mut has_self_args = false;
        for arg in &self_args {
            has_self_args |= arg.is_some();
        }
        let self_in_signature = self_in_signature || bounds_mention_self(&item);
        let fix = "list it in `except(...)` and implement it on the wrapper";
        let unsupported = |why: String| ForwardPlan::Unsupported {
            message: format!("cannot forward {what}: {why}; {fix}"),
            why,
        };

        let plan = if excepted {
            ForwardPlan::Inherent
        } else if item.sig.variadic.is_some() {
            unsupported("it is variadic".to_string())
        } else {
            match &receiver {
                None if has_default => ForwardPlan::KeepDefault,
                // The target's own (`<Target as Trait>::create(..)`), its
                // `Self` built back into the wrapper.
                None if self_in_signature => unsupported(
                    "it has no `self` receiver, and uses `Self` where the target's result cannot be built back into the wrapper (inside another type, or a bound), and it has no default body".to_string(),
                ),
                None => ForwardPlan::Forward,
                // A default asks nothing of the wrapper; the forwarder asks
                // it and its target to be `Unpin`, which would be one more
                // bound on the whole impl.
                Some(ReceiverKind::Other(_) | ReceiverKind::PinMut(_)) if has_default => {
                    ForwardPlan::KeepDefault
                }
                Some(ReceiverKind::Other(ty)) => unsupported(format!(
                    "its receiver `{}` cannot hold the realized value, and it has no default body",
                    ty.to_string()
                        .replace(" < ", "<")
                        .replace(" >", ">")
                        .replace(" :: ", "::")
                        .replace(":: ", "::")
                        .replace("& ", "&")
                )),
                Some(_) if self_in_signature && has_default => ForwardPlan::KeepDefault,
                Some(_) if self_in_signature => unsupported(
                    "it uses `Self` where the realized value cannot stand in for the wrapper (the result, inside another type, or a bound), and it has no default body".to_string(),
                ),
                // `other: &Self` is realized too, a `Self` result built back;
                // a default is kept all the same.
                Some(_) if (has_self_args || wrap.is_some()) && has_default => {
                    ForwardPlan::KeepDefault
                }
                // The target may be unsized (`dyn Trait`), where the method does
                // not exist: the default is the only body that always compiles.
                Some(_) if self_sized && has_default => ForwardPlan::KeepDefault,
                Some(_) => ForwardPlan::Forward,
            }
        };
        let needs_sized_target = matches!(plan, ForwardPlan::Forward)
            && (self_sized
                || matches!(
                    receiver,
                    Some(ReceiverKind::ByValue | ReceiverKind::BoxSelf)
                )
                || self_args.contains(&Some(SelfArg::Value))
                || wrap.is_some());
        let wrap = match plan {
            ForwardPlan::Forward => wrap,
            _ => None,
        };
        Method {
            item,
            receiver,
            plan,
            self_args,
            needs_sized_target,
            wrap,
        }
    }
}

/// `Self` in a bound of the method's generics (`T: PartialEq<Self>`) or in a
/// `where` bound other than `Self: Sized` and lifetimes: the forwarded call
/// would need it of the target, which the forwarder cannot promise.
fn bounds_mention_self(item: &TraitItemFn) -> bool {
    let generics = &item.sig.generics;
    if tokens::mentions_bare_self(generics.params.to_token_stream()) {
        return true;
    }
    let Some(where_clause) = &generics.where_clause else {
        return false;
    };
    for predicate in punct::values(&where_clause.predicates) {
        let mentions_self = match predicate {
            WherePredicate::Type(predicate) if is_self(&predicate.bounded_ty) => {
                let mut unsized_bound = false;
                for bound in punct::values(&predicate.bounds) {
                    unsized_bound |= match bound {
                        TypeParamBound::Trait(bound) => !is_sized(bound),
                        TypeParamBound::Lifetime(_) => false,
                        _ => true,
                    };
                }
                unsized_bound
            }
            other => tokens::mentions_bare_self(other.to_token_stream()),
        };
        if mentions_self {
            return true;
        }
    }
    false
}

/// `where Self: Sized` (possibly among other bounds).
fn requires_self_sized(item: &TraitItemFn) -> bool {
    let Some(where_clause) = &item.sig.generics.where_clause else {
        return false;
    };
    for predicate in punct::values(&where_clause.predicates) {
        if let WherePredicate::Type(predicate) = predicate
            && is_self(&predicate.bounded_ty)
        {
            for bound in &predicate.bounds {
                if let TypeParamBound::Trait(bound) = bound
                    && is_sized(bound)
                {
                    return true;
                }
            }
        }
    }
    false
}

/// `Sized`, by any path (`::core::marker::Sized`).
fn is_sized(bound: &syn::TraitBound) -> bool {
    matches!(bound.path.segments.last(), Some(segment) if segment.ident == "Sized")
}

/// Whether `tokens` contain `impl` (an `impl Trait` argument forbids an
/// explicit turbofish).
pub fn has_impl_trait(tokens: TokenStream) -> bool {
    tokens::mentions(tokens, &|ident| ident == "impl")
}

/// The forwarder's parameters: the receiver, then `__argN: Type` for every
/// argument (patterns are rebound to fresh names).
pub struct Params<'a> {
    /// What the forwarder declares, receiver included.
    pub decls: Vec<ParamDecl<'a>>,
    /// The argument names to pass on, receiver excluded.
    pub names: Vec<Ident>,
}

/// One declared parameter, written straight into the forwarder's tokens.
pub enum ParamDecl<'a> {
    Receiver(TokenStream),
    /// `#[cfg(..)]* __argN: Type` (the cfgs are kept for the fallback stub).
    Typed {
        cfgs: Vec<&'a syn::Attribute>,
        name: Ident,
        ty: &'a syn::Type,
    },
}

impl ToTokens for ParamDecl<'_> {
    fn to_tokens(&self, out: &mut TokenStream) {
        match self {
            ParamDecl::Receiver(receiver) => receiver.to_tokens(out),
            ParamDecl::Typed { cfgs, name, ty } => {
                for cfg in cfgs {
                    cfg.to_tokens(out);
                }
                name.to_tokens(out);
                out.append(Punct::new(':', Spacing::Alone));
                ty.to_tokens(out);
            }
        }
    }
}

/// The `#[cfg(...)]` attributes among `attrs`.
pub fn cfg_attrs(attrs: &[syn::Attribute]) -> Vec<&syn::Attribute> {
    let mut cfgs = Vec::new();
    for attr in attrs {
        if attr.path().is_ident("cfg") {
            cfgs.push(attr);
        }
    }
    cfgs
}

pub fn params(method: &Method, receiver: Option<TokenStream>) -> Params<'_> {
    let mut decls = Vec::new();
    if let Some(receiver) = receiver {
        decls.push(ParamDecl::Receiver(receiver));
    }
    let mut names = Vec::new();
    for arg in punct::values(&method.item.sig.inputs) {
        let FnArg::Typed(arg) = arg else { continue };
        let name = Ident::new(&format!("__arg{}", names.len()), Span::mixed_site());
        decls.push(ParamDecl::Typed {
            cfgs: cfg_attrs(&arg.attrs),
            name: name.clone(),
            ty: &arg.ty,
        });
        names.push(name);
    }
    Params { decls, names }
}

/// A method's ABI as the forwarders declare it: `extern` alone is written
/// `extern "C"` (what it means), so that rustc's `missing_abi` warning is the
/// trait's alone, not one more at each derive with a fix that lands in
/// `realize_forward(...)`.
pub struct ExplicitAbi<'a>(pub &'a syn::Abi);

impl<'a> ExplicitAbi<'a> {
    /// A signature's ABI, written out where it is written at all.
    pub fn of(abi: &'a Option<syn::Abi>) -> Option<Self> {
        match abi {
            Some(abi) => Some(ExplicitAbi(abi)),
            None => None,
        }
    }
}

impl ToTokens for ExplicitAbi<'_> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        let syn::Abi { extern_token, name } = self.0;
        extern_token.to_tokens(tokens);
        match name {
            Some(name) => name.to_tokens(tokens),
            None => {
                let mut c = Literal::string("C");
                c.set_span(extern_token.span);
                c.to_tokens(tokens);
            }
        }
    }
}

/// What [`forwarder_where`] binds a predicate under, and the bound that
/// names its lifetime (rustc's `unused_lifetimes` would flag a binder whose
/// lifetime is not named), after a `+`.
const ANY_LIFETIME: [&str; 2] = [
    "for<'__lazy_any>",
    "::lazy_core::__private::AnyLifetime<'__lazy_any>",
];

/// A forwarder's `where` clause: the method's, but that a predicate which
/// names none of the method's own parameters (`where T: Copy` in
/// `Store<T>`, `where Self::Item: Ord`) is bound under a lifetime of its
/// own, with a bound that names it (`for<'__lazy_any> T: Copy +
/// ::lazy_core::__private::AnyLifetime<'__lazy_any>`). In an impl for
/// concrete types (`Store<String>`, a wrapper without parameters) such a
/// predicate names no parameter at all, and rustc
/// rejects one that does not hold as "trivially false" (E0277, issue
/// #48214) where the trait's own generic impl is fine; a predicate with a
/// bound variable is not checked so, and holds exactly when the written one
/// does. Left as written: `Self: ..` (whose `Sized` the forwarders rely
/// on), predicates under a `for<..>` already or with a bound under one,
/// lifetime predicates, and bounds that relax (`?Sized`). `scan` leaves a method with such a
/// predicate to syn (`Reader::predicates`).
pub fn forwarder_where(generics: &syn::Generics) -> TokenStream {
    let Some(clause) = &generics.where_clause else {
        return TokenStream::new();
    };
    let names = crate::generics::param_names(generics);
    let mut any = false;
    let mut bound = Vec::with_capacity(clause.predicates.len());
    for predicate in punct::values(&clause.predicates) {
        let binds = match predicate {
            WherePredicate::Type(predicate) => {
                predicate.lifetimes.is_none()
                    && !is_self(&predicate.bounded_ty)
                    && binds_under_any_lifetime(&predicate.bounds)
                    && !tokens::mentions(predicate.to_token_stream(), &|ident| {
                        tokens::is_named(ident, &names)
                    })
            }
            _ => false,
        };
        any |= binds;
        bound.push(binds);
    }
    if !any {
        return clause.to_token_stream();
    }
    let [binder, any_lifetime] = ANY_LIFETIME;
    let (binder, any_lifetime) = (tokens::fixed(binder), tokens::fixed(any_lifetime));
    let mut out = clause.where_token.to_token_stream();
    // The commas as written (their spans, a trailing one).
    let mut next_index = 0usize;
    for pair in clause.predicates.pairs() {
        let index = next_index;
        next_index += 1;
        let (predicate, comma) = pair.into_tuple();
        match predicate {
            WherePredicate::Type(predicate) if bound[index] => {
                out.extend(binder.clone());
                predicate.bounded_ty.to_tokens(&mut out);
                predicate.colon_token.to_tokens(&mut out);
                predicate.bounds.to_tokens(&mut out);
                if !predicate.bounds.trailing_punct() {
                    out.append(Punct::new('+', Spacing::Alone));
                }
                out.extend(any_lifetime.clone());
            }
            other => other.to_tokens(&mut out),
        }
        comma.to_tokens(&mut out);
    }
    out
}

/// Bounds a predicate may be bound under a lifetime with
/// ([`forwarder_where`]): a trait among them, none relaxed (`?Sized`) or
/// under a `for<..>` of its own.
fn binds_under_any_lifetime(
    bounds: &syn::punctuated::Punctuated<TypeParamBound, syn::Token![+]>,
) -> bool {
    let mut trait_bound = false;
    for bound in punct::values(bounds) {
        match bound {
            // A bound under a `for<..>` of its own: a second binder around
            // it would be rustc's E0316 (nested quantification).
            TypeParamBound::Trait(bound) => {
                if bound.maybe.is_some() || bound.lifetimes.is_some() {
                    return false;
                }
                trait_bound = true;
            }
            TypeParamBound::Lifetime(_) => {}
            _ => return false,
        }
    }
    trait_bound
}
