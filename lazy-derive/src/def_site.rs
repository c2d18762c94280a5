//! Types in a trait's signatures, resolved where the trait is defined.
//!
//! The hidden macro carries the signatures as tokens, which would resolve
//! where the derive is written. A type that would not resolve the same there
//! (a relative path: `BTreeMap<String, u32>` imported in the trait's module,
//! its own `Result<T>` alias) is carried instead as an associated type of a
//! hidden supertrait, implemented for every type where the trait is defined:
//!
//! ```text
//! #[doc(hidden)]
//! pub trait __lazy_types_Catalog_<hash> {
//!     type __lazy_0_<hash><'l>: ?Sized where Self: Sized;
//! }
//! impl<X: ?Sized> __lazy_types_Catalog_<hash> for X {
//!     type __lazy_0_<hash><'l> = <fn(&'l ()) -> *const BTreeMap<String, u32>
//!         as ::lazy_core::__private::Elided>::Out where Self: Sized;
//! }
//! pub trait Catalog where Self: __lazy_types_Catalog_<hash> { /* as written */ }
//! ```
//!
//! and the carried signature names it `Self::__lazy_0_<hash><'_>`, which
//! resolves in any impl of the trait. `where Self: Sized` keeps the trait
//! dyn-compatible exactly when it was, and the blanket impl asks nothing of a
//! hand-written impl.
//!
//! The one lifetime parameter stands for the lifetimes a path may leave out
//! (`Formatter` for `Formatter<'_>`, `Cow<str>`), which a type alias cannot:
//! the elision rules of the `fn` pointer's result give them that lifetime.
//! The use passes `'_` (an argument's own lifetime; the result's elided one),
//! the receiver's named lifetime, or `'static` (a result with nothing to
//! elide from, a const's type).
//!
//! A result that holds the wrapper in a `Result` whose path does not resolve
//! anywhere (`Result<Self>` of the module's alias, `io::Result<Self>`) is
//! carried with a type parameter for the wrapper, and one for each other
//! argument that names the signature's own (`Self::Err`, `U`):
//! `Self::__lazy_result_0_<hash><'_, Self>`, the value `Result<S>` for the
//! parameter `S` (see `Carrier::self_result`); in the result of a method
//! that takes `self` by value beside a borrowed argument, whose other types
//! are not carried, too when it writes no lifetime (with the argument's).
//!
//! What is not carried keeps today's behaviour (it resolves at the derive): a
//! type that names `Self` otherwise, a generic parameter of the trait or the method, a
//! lifetime (`&`, `'a`, `'_`; a path's `'static` is carried) or `impl Trait`, since an alias would need
//! their bounds and outlives relations, which rustc only implies for the
//! method's own signature (a path's arguments are still looked at); types
//! inside an `impl Trait` argument, a `Fn(..)` bound, or a returned
//! `impl Trait` whose `use<..>` lists a lifetime; the arguments of an
//! `async fn` or of a method returning `impl Trait`; where clauses and bounds;
//! and every type of a trait or item that allows `private_interfaces` (a type
//! less visible than the trait cannot be the hidden impl's, E0446).

use crate::syntax::{FnArg, ItemTrait, TraitItem};
use proc_macro2::{Delimiter, Group, Ident, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::{ToTokens, format_ident};
use syn::punctuated::Punctuated;
use syn::{
    Attribute, GenericArgument, GenericParam, Lifetime, PathArguments, ReturnType, Type,
    TypeParamBound, Visibility,
};

use crate::punct;
use crate::template;
use crate::tokens::{allowed_lints, lints, punct, push_colon2, word};

/// How the name of a carried `Result` that holds the wrapper starts
/// (`Carrier::self_result`): what tells `Wrap` it is a `Result`.
pub const RESULT_PREFIX: &str = "__lazy_result_";

/// The hidden supertrait and its impl, and its name for the trait's bounds.
pub struct DefSiteTypes {
    pub supertrait: Ident,
    pub hidden_trait: TokenStream,
    pub hidden_impl: TokenStream,
}

/// What `carry` reads of the trait as written, besides the carried copy:
/// what the copy does not keep (see `trait_def::carried_trait`).
pub struct Original<'a> {
    pub vis: &'a Visibility,
    pub ident: &'a Ident,
    /// The trait's attributes (its lint levels among them).
    pub attrs: &'a [Attribute],
    /// Each item's attributes that the copy dropped (its lint levels among
    /// them), in the items' order.
    pub item_attrs: &'a [Vec<Attribute>],
}

/// Rewrites the signatures of `carried` (the hidden macro's copy of the
/// trait) so that every type that needs it names the hidden supertrait's
/// associated type; `None` when no type needs it (nothing is emitted).
pub fn carry(carried: &mut ItemTrait, original: Original, suffix: u64) -> Option<DefSiteTypes> {
    let vis = original.vis;
    let trait_name = original.ident;
    let mut trait_params = Vec::new();
    push_type_and_const_names(&carried.generics, &mut trait_params);
    let mut carrier = Carrier {
        suffix,
        receiver_lifetime: None,
        params: trait_params,
        types: Vec::new(),
    };
    // A type less visible than the trait (allowed with rustc's
    // `private_interfaces` warning) cannot be the value of the hidden
    // supertrait's public associated type (E0446): where that lint is
    // allowed, nothing is carried.
    if allows_private_interfaces(original.attrs) {
        return None;
    }
    // The carried items are the original's, in order, with fewer
    // attributes: the original's lint levels go on the carried types too.
    let trait_lints = lints(original.attrs);
    for index in 0..carried.items.len() {
        let item = &mut carried.items[index];
        let original = match original.item_attrs.get(index) {
            Some(attrs) => attrs.as_slice(),
            None => &[],
        };
        if allows_private_interfaces(original) {
            continue;
        }
        let mut attrs = trait_lints.clone();
        attrs.extend(lints(original));
        match item {
            TraitItem::Fn(method) => {
                attrs.extend(cfgs(&method.attrs));
                carrier.method(method, &attrs);
            }
            TraitItem::Const(constant) => {
                attrs.extend(cfgs(&constant.attrs));
                carrier.visit(&mut constant.ty, At::Result(Use::Static), &attrs);
            }
            _ => {}
        }
    }
    if carrier.types.is_empty() {
        return None;
    }
    let mut types = Vec::with_capacity(carrier.types.len());
    for CarriedType {
        attrs,
        name,
        params,
        ty,
        ..
    } in carrier.types
    {
        types.push(CarriedTokens {
            attrs,
            name,
            params,
            ty: ty.to_token_stream().into_iter().collect(),
        });
    }
    Some(hidden_supertrait(
        &vis.to_token_stream(),
        &syn::ext::IdentExt::unraw(trait_name),
        suffix,
        types,
    ))
}

/// One carried type: its associated type's name and value, under the
/// `#[cfg]`s and lint `allow`s of the trait, item and parameter it comes from.
struct CarriedType {
    /// Its text and attributes: the same for the same type.
    key: String,
    attrs: TokenStream,
    name: Ident,
    /// The type parameters after the lifetime: the wrapper's, and those
    /// of the arguments the use passes, in a result that holds the wrapper
    /// ([`Carrier::self_result`]).
    params: Vec<Ident>,
    ty: Type,
}

struct Carrier {
    suffix: u64,
    /// The method's receiver's lifetime, when it names one (`&'a self`), or
    /// the one named lifetime of a by-value method's arguments (for its
    /// `Result<Self, ..>`): what the result's elided lifetimes are, written
    /// as such (`'_` there would trip rustc's `mismatched_lifetime_syntaxes`).
    receiver_lifetime: Option<Lifetime>,
    /// The trait's type and const parameters.
    params: Vec<String>,
    /// Each type once (a trait carries a few: a list is searched).
    types: Vec<CarriedType>,
}

/// What the carried type's lifetime is at its use.
#[derive(Clone, Copy)]
enum Use {
    /// `'_`: an argument's own fresh lifetime, or the result's elided one
    /// (`Carrier::receiver_lifetime` when it names one).
    Elided,
    /// `'static`: a result with no lifetime to elide from (or more than one),
    /// a const's type.
    Static,
}

/// Where a type is in a signature.
#[derive(Clone, Copy)]
enum At {
    /// An argument's type: carried with `'_`.
    Arg,
    /// The result's, or a const's: carried with this use.
    Result(Use),
}

impl Carrier {
    fn method(&mut self, method: &mut crate::syntax::TraitItemFn, method_attrs: &TokenStream) {
        let mut generics = self.params.clone();
        push_type_and_const_names(&method.sig.generics, &mut generics);
        let method_params = std::mem::replace(&mut self.params, generics);
        let (by_ref, receiver_lifetime) = match method.sig.receiver() {
            Some(receiver) => match &receiver.kind {
                crate::syntax::ReceiverKind::Reference(_, lifetime, _) => (true, lifetime.clone()),
                _ => (false, None),
            },
            None => (false, None),
        };
        self.receiver_lifetime = receiver_lifetime;
        let written = has_lifetime(method.sig.inputs.to_token_stream());
        // An `async fn` or an `impl Trait` result captures the arguments'
        // lifetimes: the `'_` a carried argument passes would be one more
        // lifetime parameter of the forwarder than the trait's method has
        // (E0195). Such arguments are not carried (see the module's docs).
        let captures = method.sig.asyncness.is_some()
            || match &method.sig.output {
                ReturnType::Type(_, ty) => {
                    crate::tokens::mentions(ty.to_token_stream(), &|word| word == "impl")
                }
                ReturnType::Default => false,
            };
        for arg in punct::values_mut(&mut method.sig.inputs) {
            if captures {
                break;
            }
            let FnArg::Typed(arg) = arg else { continue };
            let mut arg_attrs = method_attrs.clone();
            arg_attrs.extend(cfgs(&arg.attrs));
            self.visit(&mut arg.ty, At::Arg, &arg_attrs);
        }
        // The result's lifetime: a `&self` receiver is what elision takes;
        // without lifetimes in the inputs nothing can be elided, and any
        // lifetime will do (but see the docs' limits: one that a carried
        // argument leaves out, `Formatter`, is no lifetime the result can
        // name, since one that only a projection names cannot be late-bound
        // as the trait's is). Beside lifetimes the arguments write (`self`
        // with a `&str` argument), the result is not carried, but for a
        // `Result<Self, ..>` that writes none, which would not resolve at
        // the derive: beside one lifetime (of the arguments as carried), with
        // it, which elision gives what the result leaves out
        // (`Result<Self, Cow<str>>`); beside none or more, with `'static`,
        // since the result can then leave none out.
        let output = if by_ref {
            Some(Use::Elided)
        } else if !written {
            Some(Use::Static)
        } else {
            None
        };
        if let ReturnType::Type(_, ty) = &mut method.sig.output {
            match output {
                // `impl Trait` in the result takes `'_` as well.
                Some(output) => {
                    let carried = self.self_result(ty, output, method_attrs);
                    if !carried {
                        self.visit(ty, At::Result(output), method_attrs);
                    }
                }
                None if !has_lifetime(ty.to_token_stream()) => {
                    let inputs: Vec<TokenTree> =
                        method.sig.inputs.to_token_stream().into_iter().collect();
                    // A named one by its name (`'_` beside `&'a str` is
                    // rustc's `mismatched_lifetime_syntaxes`).
                    let output = match the_one_lifetime(&inputs) {
                        Some(None) => Use::Elided,
                        Some(Some(named)) if named.ident != "static" => {
                            self.receiver_lifetime = Some(named);
                            Use::Elided
                        }
                        Some(Some(_)) | None => Use::Static,
                    };
                    self.self_result(ty, output, method_attrs);
                }
                None => {}
            }
        }
        self.params = method_params;
    }

    /// Carries the parts of `ty` that need it.
    fn visit(&mut self, ty: &mut Type, at: At, attrs: &TokenStream) {
        match ty {
            Type::Reference(inner) => self.visit(&mut inner.elem, at, attrs),
            Type::Ptr(inner) => self.visit(&mut inner.elem, at, attrs),
            Type::Slice(inner) => self.visit(&mut inner.elem, at, attrs),
            Type::Paren(inner) => self.visit(&mut inner.elem, at, attrs),
            Type::Group(inner) => self.visit(&mut inner.elem, at, attrs),
            Type::Tuple(tuple) => {
                for elem in punct::values_mut(&mut tuple.elems) {
                    self.visit(elem, at, attrs);
                }
            }
            Type::Array(array) => {
                // A length that is a literal or a parameter resolves anywhere.
                let len_anywhere = match &array.len {
                    syn::Expr::Lit(_) => true,
                    syn::Expr::Path(path) => match path.path.get_ident() {
                        Some(ident) => self.is_param(ident),
                        None => false,
                    },
                    _ => false,
                };
                if len_anywhere {
                    self.visit(&mut array.elem, at, attrs);
                } else {
                    self.carry_whole(ty, at, attrs);
                }
            }
            // An `impl Trait` argument's bounds cannot hold `'_`: nothing in
            // them is carried. A result's that lists its captures
            // (`use<Self>`) can hold only what it lists: without a lifetime
            // there, nothing can be elided, and `'static` will do; with one,
            // nothing is carried.
            Type::ImplTrait(impl_trait) => {
                let mut captures = None;
                for bound in punct::values(&impl_trait.bounds) {
                    if let Some(params) = crate::syntax::precise_captures(bound) {
                        captures = Some(params);
                        break;
                    }
                }
                let at = match (at, captures) {
                    (At::Arg, _) => return,
                    (At::Result(_), None) => at,
                    (At::Result(_), Some(captures)) => {
                        // A `use<..>` holds no `&`: a quote is a lifetime.
                        if has_lifetime(captures) {
                            return;
                        }
                        At::Result(Use::Static)
                    }
                };
                self.bounds(&mut impl_trait.bounds, at, attrs);
            }
            Type::TraitObject(object) => self.bounds(&mut object.bounds, at, attrs),
            Type::Path(path) if path.qself.is_none() => {
                if self.resolves_anywhere(&path.path) {
                    for segment in &mut path.path.segments {
                        self.args(&mut segment.arguments, at, attrs);
                    }
                    if !self.names_param(&path.path) {
                        from_alloc(&mut path.path);
                    }
                } else {
                    self.carry_whole(ty, at, attrs);
                }
            }
            Type::Path(_) | Type::FnPtr(_) | Type::Macro(_) => self.carry_whole(ty, at, attrs),
            _ => {}
        }
    }

    /// The generic arguments of a trait bound (`Iterator<Item = Tag>`); a
    /// `Fn(..)` bound's are not carried (its elided lifetimes are its own).
    fn bounds(
        &mut self,
        bounds: &mut Punctuated<TypeParamBound, syn::Token![+]>,
        at: At,
        attrs: &TokenStream,
    ) {
        for bound in punct::values_mut(bounds) {
            if let TypeParamBound::Trait(bound) = bound {
                for segment in &mut bound.path.segments {
                    self.args(&mut segment.arguments, at, attrs);
                }
            }
        }
    }

    fn args(&mut self, args: &mut PathArguments, at: At, attrs: &TokenStream) {
        let PathArguments::AngleBracketed(args) = args else {
            return;
        };
        for arg in punct::values_mut(&mut args.args) {
            match arg {
                GenericArgument::Type(ty) => self.visit(ty, at, attrs),
                GenericArgument::AssocType(assoc) => self.visit(&mut assoc.ty, at, attrs),
                _ => {}
            }
        }
    }

    /// Whether `ident` names a type or const parameter in scope.
    fn is_param(&self, ident: &Ident) -> bool {
        for param in &self.params {
            if ident == param {
                return true;
            }
        }
        false
    }

    /// The path is one of the trait's or the method's parameters.
    fn names_param(&self, path: &syn::Path) -> bool {
        if path.leading_colon.is_some() || path.segments.len() != 1 {
            return false;
        }
        for param in &self.params {
            if path.segments[0].ident == param {
                return true;
            }
        }
        false
    }

    /// A path that names the same type wherever it is written: from the
    /// root (`::std::..`, `crate::..`, `$crate::..`), through `Self` or a
    /// generic parameter, a primitive, and the std prelude's `Option`, `Vec`,
    /// `Box` and `String` (whose arguments are still looked at).
    fn resolves_anywhere(&self, path: &syn::Path) -> bool {
        const ANYWHERE: &[&str] = &[
            "crate", "Self", "bool", "char", "str", "u8", "u16", "u32", "u64", "u128", "usize",
            "i8", "i16", "i32", "i64", "i128", "isize", "f32", "f64", "Option", "Vec", "Box",
            "String",
        ];
        if path.leading_colon.is_some() {
            return true;
        }
        let Some(first) = path.segments.first() else {
            return true;
        };
        let name = first.ident.to_string();
        name == "$crate"
            || self.params.contains(&name)
            || (ANYWHERE.contains(&name.as_str())
                && (path.segments.len() == 1 || name == "crate" || name == "Self"))
    }

    /// The index of the carried type read as `key` before, if one was.
    fn known(&self, key: &str) -> Option<usize> {
        for index in 0..self.types.len() {
            let known = &self.types[index];
            if known.key == key {
                return Some(index);
            }
        }
        None
    }

    /// Carries a result that holds the wrapper as a `Result` that does not
    /// resolve anywhere (`Result<Self>` of the trait module's alias,
    /// `io::Result<Self>`, `Result<Self, Error>`): the associated type takes
    /// a type parameter for the wrapper, `Self::__lazy_result_N<'_, Self>`,
    /// whose name tells the derive the result is a `Result` (`Wrap`). Its
    /// other arguments are carried in it, or passed to it where they name
    /// the signature's own. Whether it did.
    fn self_result(&mut self, ty: &mut Type, output: Use, attrs: &TokenStream) -> bool {
        if !self.is_self_result(ty) {
            return false;
        }
        let lifetime = self.lifetime_at(At::Result(output));
        let mut key = format!("Self in {}", ty.to_token_stream());
        if !attrs.is_empty() {
            key.push_str(" #");
            key.push_str(&attrs.to_string());
        }
        let known = self.known(&key);
        let name = match known {
            Some(index) => self.types[index].name.clone(),
            None => format_ident!("{RESULT_PREFIX}{}_{:016x}", self.types.len(), self.suffix),
        };
        let mut used = self_assoc(name.clone(), lifetime);
        push_type_arg(&mut used, ident_type(Ident::new("Self", Span::call_site())));
        let mut carried = std::mem::replace(
            ty,
            Type::Never(syn::TypeNever {
                attrs: Vec::new(),
                bang_token: syn::Token![!](Span::call_site()),
            }),
        );
        // `Self`, and each argument that names the signature's own (`U`,
        // `Self::Err`), are the carried type's parameters, which the use
        // passes; the others are carried in it.
        let mut params = vec![format_ident!("__LazyS_{:016x}", self.suffix)];
        if let Type::Path(path) = &mut carried
            && let Some(last) = path.path.segments.last_mut()
            && let PathArguments::AngleBracketed(args) = &mut last.arguments
        {
            let mut next_index = 0usize;
            for arg in punct::values_mut(&mut args.args) {
                let index = next_index;
                next_index += 1;
                let GenericArgument::Type(arg) = arg else {
                    continue;
                };
                if index == 0 {
                    *arg = ident_type(params[0].clone());
                    continue;
                }
                if self.key(arg, &mut String::new()) == Some(true) {
                    continue;
                }
                let param = format_ident!("__LazyA{}_{:016x}", index, self.suffix);
                let mut passed = std::mem::replace(arg, ident_type(param.clone()));
                // What it holds that resolves where the trait is, carried.
                self.visit(&mut passed, At::Result(output), attrs);
                push_type_arg(&mut used, passed);
                params.push(param);
            }
        }
        *ty = used;
        if known.is_none() {
            self.types.push(CarriedType {
                key,
                attrs: attrs.clone(),
                name,
                params,
                ty: carried,
            });
        }
        true
    }

    /// `ty` is a result that [`Self::self_result`] carries: a path ending in
    /// `Result<Self, ..>` that does not resolve anywhere, whose other
    /// segments name nothing of the signature's own, and whose other
    /// arguments are types (neither `_` nor `impl Trait`).
    fn is_self_result(&self, ty: &Type) -> bool {
        let Type::Path(path) = ty else {
            return false;
        };
        if path.qself.is_some() || self.resolves_anywhere(&path.path) {
            return false;
        }
        let Some(last) = path.path.segments.last() else {
            return false;
        };
        let PathArguments::AngleBracketed(args) = &last.arguments else {
            return false;
        };
        if last.ident != "Result" {
            return false;
        }
        let mut args = punct::values(&args.args);
        let first_is_self = matches!(
            args.next(),
            Some(GenericArgument::Type(Type::Path(first)))
                if first.qself.is_none() && first.path.is_ident("Self")
        );
        if !first_is_self {
            return false;
        }
        for arg in args {
            let GenericArgument::Type(arg) = arg else {
                return false;
            };
            let arg = arg.to_token_stream();
            // A second `Self` (`Result<Self, Self>`) is not the wrapper built
            // back: such a result is left as written, which `method::Wrap`
            // refuses (an error that suggests `except`).
            if crate::tokens::mentions(arg.clone(), &|ident| ident == "impl" || ident == "_")
                || crate::tokens::mentions_bare_self(arg)
            {
                return false;
            }
        }
        // The segments before `Result`: carried as written.
        for segment in path.path.segments.iter().take(path.path.segments.len() - 1) {
            if !segment.arguments.is_none() || self.is_param(&segment.ident) {
                return false;
            }
        }
        true
    }

    /// The lifetime a carried type takes where it is used (see [`Use`]).
    fn lifetime_at(&self, at: At) -> Lifetime {
        match (at, &self.receiver_lifetime) {
            (At::Result(Use::Elided), Some(lifetime)) => lifetime.clone(),
            (At::Arg | At::Result(Use::Elided), _) => Lifetime::new("'_", Span::call_site()),
            (At::Result(Use::Static), _) => Lifetime::new("'static", Span::call_site()),
        }
    }

    /// Carries `ty` whole, unless it names something an alias would need to
    /// declare (see the module's docs); then a path's head stays as written
    /// (resolved at the derive) and its arguments are still looked at
    /// (`BTreeMap<K, Tag>` carries `Tag`).
    fn carry_whole(&mut self, ty: &mut Type, at: At, attrs: &TokenStream) {
        let lifetime = self.lifetime_at(at);
        // Most types are told apart by their structure, without printing
        // them; a shape `key` does not know is looked at as tokens.
        let mut key = String::new();
        let carried = match self.key(ty, &mut key) {
            Some(carried) => carried,
            None => {
                let tokens = ty.to_token_stream();
                let declared = |ident: &Ident| {
                    ident == "Self" || ident == "impl" || ident == "_" || self.is_param(ident)
                };
                key = tokens.to_string();
                !has_lifetime(tokens.clone()) && !crate::tokens::mentions(tokens, &declared)
            }
        };
        if !carried {
            if let Type::Path(path) = ty {
                for segment in &mut path.path.segments {
                    self.args(&mut segment.arguments, at, attrs);
                }
            }
            return;
        }
        if !attrs.is_empty() {
            key.push_str(" #");
            key.push_str(&attrs.to_string());
        }
        match self.known(&key) {
            Some(index) => *ty = self_assoc(self.types[index].name.clone(), lifetime),
            None => {
                let name = format_ident!("__lazy_{}_{:016x}", self.types.len(), self.suffix);
                let carried = std::mem::replace(ty, self_assoc(name.clone(), lifetime));
                self.types.push(CarriedType {
                    key,
                    attrs: attrs.clone(),
                    name,
                    params: Vec::new(),
                    ty: carried,
                });
            }
        }
    }
}

impl Carrier {
    /// Appends a text of `ty` to `key` (the same text for the same type) and
    /// says whether `ty` can be carried whole: `Some(false)` when it names
    /// `Self`, a generic parameter, a lifetime or `impl Trait`; `None` for a
    /// shape it does not look into.
    fn key(&self, ty: &Type, key: &mut String) -> Option<bool> {
        match ty {
            Type::Path(path) if path.qself.is_none() => {
                if path.path.leading_colon.is_some() {
                    key.push_str("::");
                }
                // Only a path's first name can be `Self` or a parameter
                // (`T::Item`); `io::Error` beside a parameter `Error` is
                // carried.
                let first = path.path.leading_colon.is_none();
                for i in 0..path.path.segments.len() {
                    let segment = &path.path.segments[i];
                    let name = segment.ident.to_string();
                    if name == "_"
                        || (i == 0 && first && (name == "Self" || self.params.contains(&name)))
                    {
                        return Some(false);
                    }
                    if i > 0 {
                        key.push_str("::");
                    }
                    key.push_str(&name);
                    match &segment.arguments {
                        PathArguments::None => {}
                        PathArguments::AngleBracketed(args) => {
                            key.push('<');
                            for arg in punct::values(&args.args) {
                                match arg {
                                    GenericArgument::Type(ty) => {
                                        if !self.key(ty, key)? {
                                            return Some(false);
                                        }
                                    }
                                    GenericArgument::AssocType(assoc)
                                        if assoc.generics.is_none() =>
                                    {
                                        key.push_str(&assoc.ident.to_string());
                                        key.push('=');
                                        if !self.key(&assoc.ty, key)? {
                                            return Some(false);
                                        }
                                    }
                                    // `'static` means the same anywhere.
                                    // Not `'_`: in a by-value method's
                                    // argument it is the result's elided
                                    // lifetime, which a carried type's
                                    // projection would not give (E0195).
                                    GenericArgument::Lifetime(lifetime)
                                        if lifetime.ident == "static" =>
                                    {
                                        key.push_str("'static");
                                    }
                                    GenericArgument::Lifetime(_) => return Some(false),
                                    _ => return None,
                                }
                                key.push(',');
                            }
                            key.push('>');
                        }
                        PathArguments::Parenthesized(_) => return None,
                    }
                }
                Some(true)
            }
            Type::Reference(_) | Type::ImplTrait(_) | Type::Infer(_) => Some(false),
            Type::Ptr(ptr) => {
                key.push_str(match ptr.mutability {
                    syn::PointerMutability::Mut(_) => "*mut ",
                    syn::PointerMutability::Const(_) => "*const ",
                });
                self.key(&ptr.elem, key)
            }
            Type::Slice(slice) => {
                key.push('[');
                let carried = self.key(&slice.elem, key);
                key.push(']');
                carried
            }
            Type::Tuple(tuple) => {
                key.push('(');
                for elem in punct::values(&tuple.elems) {
                    if !self.key(elem, key)? {
                        return Some(false);
                    }
                    key.push(',');
                }
                key.push(')');
                Some(true)
            }
            Type::Paren(inner) => self.key(&inner.elem, key),
            Type::Group(inner) => self.key(&inner.elem, key),
            Type::Never(_) => {
                key.push('!');
                Some(true)
            }
            _ => None,
        }
    }
}

/// `Self::name<'lifetime>`, built as a path (not verbatim tokens, which
/// later stages would have to look into).
fn self_assoc(name: Ident, lifetime: Lifetime) -> Type {
    let span = Span::call_site();
    let mut args = syn::AngleBracketedGenericArguments {
        colon2_token: None,
        lt_token: syn::Token![<](span),
        args: Punctuated::new(),
        gt_token: syn::Token![>](span),
    };
    args.args.push(GenericArgument::Lifetime(lifetime));
    let mut segments = Punctuated::new();
    segments.push(syn::PathSegment::from(Ident::new("Self", span)));
    segments.push(syn::PathSegment {
        ident: name,
        arguments: PathArguments::AngleBracketed(args),
    });
    Type::Path(syn::TypePath {
        attrs: Vec::new(),
        qself: None,
        path: syn::Path {
            leading_colon: None,
            segments,
        },
    })
}

/// The type named by `ident` alone.
fn ident_type(ident: Ident) -> Type {
    Type::Path(syn::TypePath {
        attrs: Vec::new(),
        qself: None,
        path: syn::Path::from(ident),
    })
}

/// Appends the type `arg` to the last segment's arguments of a path type
/// (`Self::name<'l>` of [`self_assoc`]).
fn push_type_arg(ty: &mut Type, arg: Type) {
    if let Type::Path(path) = ty
        && let Some(last) = path.path.segments.last_mut()
        && let PathArguments::AngleBracketed(args) = &mut last.arguments
    {
        args.args.push(GenericArgument::Type(arg));
    }
}

/// `Option`, `Vec`, `Box` and `String` written bare are the prelude's,
/// taken to be std's at both ends: they are named by absolute paths
/// (`::core::option::Option`; lazy-core's re-exports of `alloc`'s others,
/// which a `#![no_std]` crate's prelude lacks), so that neither a type of
/// that name at the derive nor a missing prelude changes them.
fn from_alloc(path: &mut syn::Path) {
    if path.leading_colon.is_some() || path.segments.len() != 1 {
        return;
    }
    let name = &path.segments[0].ident;
    let span = Span::call_site().located_at(name.span());
    let (first, second) = if name == "Option" {
        ("core", "option")
    } else if name == "Vec" || name == "Box" || name == "String" {
        ("lazy_core", "__private")
    } else {
        return;
    };
    path.leading_colon = Some(syn::Token![::](span));
    path.segments
        .insert(0, syn::PathSegment::from(Ident::new(second, span)));
    path.segments
        .insert(0, syn::PathSegment::from(Ident::new(first, span)));
}

/// Whether `attrs` allow (or expect) `private_interfaces`.
fn allows_private_interfaces(attrs: &[Attribute]) -> bool {
    let mut allowed = false;
    allowed_lints(attrs, &mut |lints| {
        allowed |= crate::tokens::mentions(lints.clone(), &|ident| ident == "private_interfaces");
    });
    allowed
}

/// The `#[cfg]` attributes among `attrs`.
fn cfgs(attrs: &[Attribute]) -> TokenStream {
    let mut out = TokenStream::new();
    for attr in attrs {
        if attr.path().is_ident("cfg") {
            attr.to_tokens(&mut out);
        }
    }
    out
}

/// The names of the type and const parameters among `generics`, pushed onto
/// `names`.
fn push_type_and_const_names(generics: &syn::Generics, names: &mut Vec<String>) {
    for param in &generics.params {
        match param {
            GenericParam::Type(param) => names.push(param.ident.to_string()),
            GenericParam::Const(param) => names.push(param.ident.to_string()),
            GenericParam::Lifetime(_) => {}
        }
    }
}

/// Whether `tokens` hold a lifetime or a reference (whose lifetime may be
/// elided).
fn has_lifetime(tokens: TokenStream) -> bool {
    for tree in tokens {
        let found = match tree {
            TokenTree::Punct(punct) => matches!(punct.as_char(), '\'' | '&'),
            TokenTree::Group(group) => has_lifetime(group.stream()),
            TokenTree::Ident(_) | TokenTree::Literal(_) => false,
        };
        if found {
            return true;
        }
    }
    false
}

/// The one lifetime that arguments `trees` (as carried) give a by-value
/// method's result by elision: `Some(None)` for one left out (a `&`, `'_`),
/// `Some(Some(name))` for a named one; `None` for none or more, or beside a
/// `fn` pointer, `Fn(..)`, `impl` or `for<..>`, whose lifetimes elision
/// counts otherwise (a path's hidden lifetimes are not seen).
pub(crate) fn the_one_lifetime(trees: &[TokenTree]) -> Option<Option<Lifetime>> {
    let mut found = Vec::new();
    lifetimes_in(trees, &mut found)?;
    match found.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// [`the_one_lifetime`]'s walk: each lifetime in `trees` into `found`.
fn lifetimes_in(trees: &[TokenTree], found: &mut Vec<Option<Lifetime>>) -> Option<()> {
    const ELSEWHERE: &[&str] = &["fn", "Fn", "FnMut", "FnOnce", "impl", "for"];
    let mut i = 0;
    while i < trees.len() {
        match &trees[i] {
            TokenTree::Ident(word) if crate::tokens::is_one_of(word, ELSEWHERE) => return None,
            TokenTree::Punct(quote) if quote.as_char() == '\'' => {
                let Some(TokenTree::Ident(name)) = trees.get(i + 1) else {
                    return None;
                };
                found.push(match name == "_" {
                    true => None,
                    false => Some(Lifetime::new(&format!("'{name}"), name.span())),
                });
                i += 1;
            }
            TokenTree::Punct(and) if and.as_char() == '&' => {
                let named = matches!(trees.get(i + 1), Some(TokenTree::Punct(next)) if next.as_char() == '\'');
                if !named {
                    found.push(None);
                }
            }
            TokenTree::Group(group) => {
                let inner: Vec<TokenTree> = group.stream().into_iter().collect();
                lifetimes_in(&inner, found)?;
            }
            _ => {}
        }
        i += 1;
    }
    Some(())
}

/// One carried type, as [`hidden_supertrait`] writes it: its `#[cfg]`s and
/// lint levels, its associated type's name, and the type's tokens.
pub struct CarriedTokens {
    pub attrs: TokenStream,
    pub name: Ident,
    /// Type parameters after the lifetime (see `Carrier::self_result`).
    pub params: Vec<Ident>,
    pub ty: Vec<TokenTree>,
}

/// The hidden supertrait and its blanket impl for these carried types,
/// for both readers of the trait ([`carry`] and `scan`): built as one
/// token list per part (a template per carried type would pass each to the
/// compiler and back once more).
pub fn hidden_supertrait(
    vis: &TokenStream,
    trait_name: &Ident,
    suffix: u64,
    types: Vec<CarriedTokens>,
) -> DefSiteTypes {
    let site = Span::call_site();
    let supertrait = format_ident!("__lazy_types_{}_{:016x}", trait_name, suffix, span = site,);
    // `'__lazy_l`, as `syn::Lifetime` writes it.
    let mut apostrophe = Punct::new('\'', Spacing::Joint);
    apostrophe.set_span(site);
    let lt = [
        TokenTree::Punct(apostrophe),
        TokenTree::Ident(Ident::new("__lazy_l", site)),
    ];
    // Carried types hold no lifetime, so the lifetime parameter's name cannot
    // meet one of theirs; a type parameter could meet a type's name (hygiene
    // does not keep type names apart), so its name is hashed too.
    let x = format_ident!("__LazyX_{:016x}", suffix);
    // `type NAME<'l>: ?::core::marker::Sized where Self: ::core::marker::Sized;`
    let mut decls = Vec::with_capacity(32 * types.len());
    // `type NAME<'l> = <fn(&'l ()) -> *const TYPE as
    // ::lazy_core::__private::Elided>::Out where Self: ::core::marker::Sized;`,
    // at the type.
    let mut values = Vec::with_capacity(56 * types.len());
    for CarriedTokens {
        attrs,
        name,
        params,
        ty,
    } in types
    {
        decls.extend(attrs.clone());
        decls.push(word("type", site));
        decls.push(TokenTree::Ident(name.clone()));
        decls.push(punct('<', site));
        decls.extend(lt.iter().cloned());
        for param in &params {
            decls.push(punct(',', site));
            decls.push(TokenTree::Ident(param.clone()));
        }
        decls.push(punct('>', site));
        decls.push(punct(':', site));
        decls.push(punct('?', site));
        push_sized(&mut decls, site);
        push_where_sized(&mut decls, site);
        // syn's span of the type: its first token's joined to its last's.
        let first = match ty.first() {
            Some(tree) => tree.span(),
            None => Span::call_site(),
        };
        let joined = match ty.last() {
            Some(last) => first.join(last.span()),
            None => None,
        };
        let whole = joined.unwrap_or(first);
        let span = site.located_at(whole);
        values.extend(attrs);
        values.push(word("type", span));
        values.push(TokenTree::Ident(name));
        values.push(punct('<', span));
        values.extend(lt.iter().cloned());
        for param in params {
            values.push(punct(',', span));
            values.push(TokenTree::Ident(param));
        }
        values.push(punct('>', span));
        values.push(punct('=', span));
        values.push(punct('<', span));
        values.push(word("fn", span));
        let mut borrow = vec![punct('&', span)];
        borrow.extend(lt.iter().cloned());
        let mut unit = Group::new(Delimiter::Parenthesis, TokenStream::new());
        unit.set_span(span);
        borrow.push(TokenTree::Group(unit));
        let mut inputs = Group::new(Delimiter::Parenthesis, borrow.into_iter().collect());
        inputs.set_span(span);
        values.push(TokenTree::Group(inputs));
        let mut dash = Punct::new('-', Spacing::Joint);
        dash.set_span(span);
        values.push(TokenTree::Punct(dash));
        values.push(punct('>', span));
        values.push(punct('*', span));
        values.push(word("const", span));
        from_expansion(ty, &mut values);
        values.push(word("as", span));
        for segment in &["lazy_core", "__private", "Elided"] {
            push_colon2(&mut values, span);
            values.push(word(segment, span));
        }
        values.push(punct('>', span));
        push_colon2(&mut values, span);
        values.push(word("Out", span));
        push_where_sized(&mut values, span);
    }
    // No lint is allowed on the trait or the impl (an `allow` is an error
    // under the user's `forbid`, E0453); the item's own `allow`s are on each
    // carried type. Their names are the macro's, where rustc's case lints do
    // not look. A deprecated type that the item does not allow is warned
    // about twice, for the trait's signature and for its carried copy.
    let mut body = Group::new(Delimiter::Brace, decls.into_iter().collect());
    body.set_span(site);
    let hidden_trait = template::tokens(
        "#[doc(hidden)]
        #0 trait #1 #2",
        &[&vis, &supertrait, &body],
    );
    let mut body = Group::new(Delimiter::Brace, values.into_iter().collect());
    body.set_span(site);
    let hidden_impl = template::tokens(
        "impl<#0: ?::core::marker::Sized> #1 for #0 #2",
        &[&x, &supertrait, &body],
    );
    DefSiteTypes {
        supertrait,
        hidden_trait,
        hidden_impl,
    }
}

/// `::core::marker::Sized`.
fn push_sized(out: &mut Vec<TokenTree>, span: Span) {
    for segment in &["core", "marker", "Sized"] {
        push_colon2(out, span);
        out.push(word(segment, span));
    }
}

/// `where Self: ::core::marker::Sized;`.
fn push_where_sized(out: &mut Vec<TokenTree>, span: Span) {
    out.push(word("where", span));
    out.push(word("Self", span));
    out.push(punct(':', span));
    push_sized(out, span);
    out.push(punct(';', span));
}

/// Every token kept where it is but resolved at the macro's call site, as
/// the macro's own tokens, pushed onto `out`: rustc does not lint a macro's
/// tokens (in rustc 1.88, `elided_named_lifetimes` would flag `Formatter`
/// taking the carrying lifetime), as it does the trait's own signature. A
/// `$crate` keeps its own resolution (the crate of the `macro_rules!` that
/// wrote it).
fn from_expansion(trees: Vec<TokenTree>, out: &mut Vec<TokenTree>) {
    for tree in trees {
        out.push(match tree {
            TokenTree::Group(group) => {
                let inner: Vec<TokenTree> = group.stream().into_iter().collect();
                let mut new_inner = Vec::with_capacity(inner.len());
                from_expansion(inner, &mut new_inner);
                let mut new = Group::new(group.delimiter(), new_inner.into_iter().collect());
                new.set_span(Span::call_site().located_at(group.span()));
                TokenTree::Group(new)
            }
            TokenTree::Ident(ident) if ident == "$crate" => TokenTree::Ident(ident),
            mut other => {
                other.set_span(Span::call_site().located_at(other.span()));
                other
            }
        });
    }
}
