//! The variants of an enum wrapper: each forwards to its one field, as it is
//! (unmarked, or `#[realize(plain)]`) or realized first (`#[realize]`,
//! `#[realize(deref)]`).

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::spanned::Spanned;
use syn::{DataEnum, Error, Field, Fields, Ident, Type};

use crate::errors::Errors;
use crate::punct;
use crate::tokens;

/// How a variant's field becomes the target.
#[derive(Clone, Copy)]
pub enum VariantKind {
    /// The field as it is.
    Plain,
    /// `#[realize]`: the field is a lazy, realized first.
    Realize,
    /// `#[realize(deref)]`: what the realized value derefs to; the span is
    /// the `deref` token's.
    Deref(Span),
    /// `#[realize(plain, deref)]`: what the field itself derefs to (a
    /// `Box<dyn Trait>`); the span is the `deref` token's.
    PlainDeref(Span),
    /// A variant with its error reported (no field, several fields, a
    /// `#[realize]` that cannot work; a reference without a lifetime, rustc's
    /// error): its arms are unreachable, since the
    /// crate does not compile, and it puts no bound on the impl, so that the
    /// error is the only one.
    Broken,
}

/// One variant and its field.
pub struct Variant {
    pub ident: Ident,
    /// Its discriminant's expression, where it is written (`A(u8) = 5`).
    pub discriminant: Option<TokenStream>,
    /// The field's name for a `V { name: T }` variant; `None` for `V(T)`.
    pub field_name: Option<Ident>,
    pub ty: Type,
    pub kind: VariantKind,
}

impl Variant {
    /// Where errors about this variant's target point: the field's type.
    pub fn span(&self) -> Span {
        self.ty.span()
    }
}

/// What the `#[realize(...)]` attributes on a field say, as `input.rs` reads
/// them (two on one field are read as one, the second an error): `None`
/// when they do not mark the field (the error pushed).
pub struct Mark {
    pub deref: Option<Span>,
    pub plain: Option<Span>,
}

/// How `input.rs` reads the `#[realize]` attributes of a variant's field.
pub type ReadMark = dyn Fn(&Field, &mut Errors) -> Option<Mark>;

/// The variants, each with exactly one field; a variant that breaks a rule
/// is `VariantKind::Broken`, its mistake pushed, spanned. `None` for an enum
/// without variants: then no impl is written. Each one-field variant's type
/// moves into its `Variant` (syn's trees are not `Clone` in lazy-derive's
/// build of syn); `data` keeps the type's tokens in its place, which is all
/// that is read of it after (`Wrapper::lazy_field`).
pub fn read(
    ident: &Ident,
    data: &mut DataEnum,
    read_mark: &ReadMark,
    errors: &mut Errors,
) -> Option<Vec<Variant>> {
    if data.variants.is_empty() {
        errors.push(Error::new(
            ident.span(),
            format!(
                "`{ident}` has no variants, so there is nothing to forward to; give it a variant per target, `Name(Target)`"
            ),
        ));
        return None;
    }
    let mut out = Vec::new();
    for variant in punct::values(&data.variants) {
        // Misplaced, it still says the field is a lazy: the field is read
        // as marked, so the mistake is one error.
        let mut on_variant = false;
        for attr in realize_attrs(&variant.attrs) {
            on_variant = true;
            errors.push(Error::new_spanned(
                attr,
                "`#[realize]` goes on the variant's field, not on the variant: `Name(#[realize] Lazy<Target>)`",
            ));
        }
        let name = &variant.ident;
        let discriminant = match &variant.discriminant {
            Some((_, expr)) => Some(expr.to_token_stream()),
            None => None,
        };
        let broken = Variant {
            ident: name.clone(),
            discriminant: discriminant.clone(),
            field_name: None,
            ty: Type::Verbatim(TokenStream::new()),
            kind: VariantKind::Broken,
        };
        let field = match &variant.fields {
            Fields::Unit => {
                errors.push(Error::new(
                    name.span(),
                    format!(
                        "the unit variant `{name}` has no field to forward to: each variant of a forwarding enum holds its target in exactly one field, `{name}(Target)`; for a variant with nothing to forward to, implement the trait for the enum by hand"
                    ),
                ));
                out.push(broken);
                continue;
            }
            fields if fields.is_empty() => {
                errors.push(Error::new(
                    fields.span(),
                    format!(
                        "the variant `{name}` has no field to forward to: each variant of a forwarding enum holds its target in exactly one field, `{name}(Target)`"
                    ),
                ));
                out.push(broken);
                continue;
            }
            fields if fields.len() > 1 => {
                // Their attributes' mistakes are reported all the same.
                for field in fields {
                    if !field_realize_attrs(field).is_empty() {
                        read_mark(field, errors);
                    }
                }
                let second = match fields.iter().nth(1) {
                    Some(field) => field.span(),
                    None => name.span(),
                };
                errors.push(Error::new(
                    second,
                    format!(
                        "the variant `{name}` has {} fields: each variant of a forwarding enum holds its target in exactly one field; put these in a struct and hold that, `{name}(Parts)`",
                        fields.len()
                    ),
                ));
                out.push(broken);
                continue;
            }
            fields => match fields.iter().next() {
                Some(field) => field,
                None => {
                    out.push(broken);
                    continue;
                }
            },
        };
        let marks = field_realize_attrs(field);
        let impl_trait = impl_trait_in(&field.ty);
        let holds_impl_trait = impl_trait.is_some();
        if let Some(err) = impl_trait {
            errors.push(err);
        }
        let kind = match marks.first() {
            _ if holds_impl_trait => VariantKind::Broken,
            None if on_variant => VariantKind::Realize,
            None if mentions_lazy(&field.ty) => {
                errors.push(Error::new(
                    field.ty.span(),
                    format!(
                        "the variant `{name}` holds a lazy but is not marked: write `{name}(#[realize] ..)` to forward to its value, or `#[realize(plain)]` to forward to the lazy itself"
                    ),
                ));
                VariantKind::Broken
            }
            None => VariantKind::Plain,
            Some(_) => match read_mark(field, errors) {
                None => VariantKind::Broken,
                Some(Mark {
                    deref: Some(deref),
                    plain: Some(_),
                }) => VariantKind::PlainDeref(deref),
                Some(Mark {
                    deref: Some(deref), ..
                }) => VariantKind::Deref(deref),
                Some(Mark { plain: Some(_), .. }) => VariantKind::Plain,
                Some(_) => VariantKind::Realize,
            },
        };
        out.push(Variant {
            ident: name.clone(),
            discriminant,
            field_name: field.ident.clone(),
            // Moved in below.
            ty: Type::Verbatim(TokenStream::new()),
            kind,
        });
    }
    // Every variant pushed one `Variant`, in order; those with one field
    // get its type.
    let mut reads = out.iter_mut();
    for variant in punct::values_mut(&mut data.variants) {
        let Some(read) = reads.next() else {
            break;
        };
        let field = match &mut variant.fields {
            Fields::Named(fields) if fields.named.len() == 1 => {
                punct::values_mut(&mut fields.named).next()
            }
            Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
                punct::values_mut(&mut fields.unnamed).next()
            }
            _ => None,
        };
        if let Some(field) = field {
            let tokens = field.ty.to_token_stream();
            read.ty = std::mem::replace(&mut field.ty, Type::Verbatim(tokens));
            // A reference without a lifetime is rustc's error (E0106): the
            // variant's bounds would repeat it (E0637), or with `'static`
            // ask `'static` of the enum's parameters (E0310).
            if crate::tokens::fill_elided_references(&mut read.ty) {
                read.kind = VariantKind::Broken;
            }
        }
    }
    Some(out)
}

/// The `#[realize]` attributes among `attrs`.
fn realize_attrs(attrs: &[syn::Attribute]) -> Vec<&syn::Attribute> {
    let mut out = Vec::new();
    for attr in attrs {
        if attr.path().is_ident("realize") {
            out.push(attr);
        }
    }
    out
}

/// The `#[realize]` attributes of a variant's field; without one, those
/// that misspell it (`#[realise]`) on a field that holds a lazy (which would
/// be an error unmarked): the field is read as marked, the misspelling's
/// error pushed where the marks are read. On another field, such an
/// attribute may be another derive's, which the derive cannot see.
fn field_realize_attrs(field: &Field) -> Vec<&syn::Attribute> {
    let marks = realize_attrs(&field.attrs);
    if !marks.is_empty() || !mentions_lazy(&field.ty) {
        return marks;
    }
    let mut out = Vec::new();
    for attr in &field.attrs {
        if crate::errors::misspelled_attr(attr, "realize", 2).is_some() {
            out.push(attr);
        }
    }
    out
}

/// An error at the `impl` of an `impl Trait` in a field's type (`Lazy<T,
/// impl FnOnce() -> T>`, `Box<impl Tracker>`), which rustc refuses in a
/// field (E0562): each impl that copied the type would repeat that in other
/// words ("not allowed in bounds", "in paths"), so the field's impls are
/// left out and this error says what to write instead.
pub fn impl_trait_in(ty: &Type) -> Option<Error> {
    if !may_hold_impl(ty) {
        return None;
    }
    let (at, closure) = impl_keyword(ty.to_token_stream())?;
    let message = if closure {
        "a field cannot hold `impl Trait` (rustc's E0562 here too), so the derive writes no impl through it: for a lazy's seed, write `Box<dyn FnOnce() -> T>`, `fn() -> T` for a closure that captures nothing, or a parameter of the wrapper (`W<F: FnOnce() -> T>`, `F` here)"
    } else {
        "a field cannot hold `impl Trait` (rustc's E0562 here too), so the derive writes no impl through it: name a type, a parameter of the wrapper with these bounds (`W<T: Trait>`, `T` here) or `Box<dyn Trait>` (forwarded to through the box with `deref`)"
    };
    Some(Error::new(at.span(), message))
}

/// Whether [`impl_keyword`] may find an `impl` in `ty`: `false` where
/// syn's tree shows no `impl Trait` and nothing it cannot see into (a
/// macro's type, a constraint, an array's length but a literal, a
/// `for<..>` binder of types, `Out<..> = T`'s arguments), `true` where
/// unsure. Every field of every derive is asked, and the walk over its tokens first
/// puts the type into a stream, calls into the compiler: for `Lazy<T, fn()
/// -> T>`, about 46,000 instructions in the debug build cargo makes of a proc
/// macro, against 2,700 for the tree (callgrind).
fn may_hold_impl(ty: &Type) -> bool {
    crate::syntax::placeholder(ty, true).is_some()
}

/// The first `impl` in a type's tokens, groups included, but not a type
/// macro's arguments (`seed!(impl ..)`), which are the macro's to read, nor
/// a block (`[T; { impl K { .. } 2 }]`, a const expression's items); and
/// whether a closure trait follows it (`impl FnOnce() -> T`, a seed).
fn impl_keyword(tokens: TokenStream) -> Option<(proc_macro2::Ident, bool)> {
    let mut after_bang = false;
    let mut trees = tokens.into_iter();
    while let Some(tree) = trees.next() {
        let found = match &tree {
            proc_macro2::TokenTree::Ident(ident) if ident == "impl" => {
                let closure = matches!(trees.next(), Some(proc_macro2::TokenTree::Ident(next))
                    if tokens::is_one_of(&next, &["Fn", "FnOnce", "FnMut"]));
                return Some((ident.clone(), closure));
            }
            proc_macro2::TokenTree::Group(group)
                if !after_bang && group.delimiter() != proc_macro2::Delimiter::Brace =>
            {
                impl_keyword(group.stream())
            }
            _ => None,
        };
        if found.is_some() {
            return found;
        }
        after_bang =
            matches!(&tree, proc_macro2::TokenTree::Punct(punct) if punct.as_char() == '!');
    }
    None
}

/// The type names a `Lazy` (`Lazy<T>`, `Box<sync::Lazy<T>>`, ...).
fn mentions_lazy(ty: &Type) -> bool {
    tokens::mentions(ty.to_token_stream(), &|ident| ident == "Lazy")
}

#[cfg(test)]
mod tests {
    use quote::ToTokens;

    use super::{impl_keyword, may_hold_impl};

    fn parse(text: &str) -> syn::Type {
        match syn::parse_str(text) {
            Ok(ty) => ty,
            Err(err) => panic!("`{text}` is no type: {err}"),
        }
    }

    /// Whether the walk over `text`'s tokens finds an `impl`, and whether
    /// the check on syn's tree says it may hold one.
    fn answers(text: &str) -> (bool, bool) {
        let ty = parse(text);
        (
            impl_keyword(ty.to_token_stream()).is_some(),
            may_hold_impl(&ty),
        )
    }

    /// The check on syn's tree may answer "maybe" where the walk over the
    /// tokens finds nothing, but never "no" where it finds an `impl`.
    #[test]
    fn the_tree_check_never_hides_an_impl_the_token_walk_finds() {
        for text in [
            "impl Tracker",
            "Box<impl Tracker>",
            "Lazy<T, impl FnOnce() -> T>",
            "&'a impl Tracker",
            "*const impl Tracker",
            "[impl Tracker]",
            "[impl Tracker; 2]",
            "(u8, impl Tracker)",
            "(impl Tracker)",
            "fn(impl Tracker)",
            "fn(u8) -> impl Tracker",
            "Box<dyn Fn(impl Tracker)>",
            "Box<dyn Send + Fn() -> impl Tracker>",
            "Lazy<T, Box<dyn FnOnce() -> Option<impl Tracker>>>",
            "<impl Tracker as Trait>::Out",
            "<T as Trait<impl Tracker>>::Out",
            "Vec<Box<(u8, &[impl Tracker])>>",
            "Pair<Item = impl Tracker>",
            "[u8; core::mem::size_of::<impl Sized>()]",
            "[u8; <impl Sized as Tr>::N]",
            "Box<dyn Tr<Out<impl Tracker> = u8>>",
            "Pair<Out<impl Tracker> = u8>",
            "Box<dyn for<T: Tr<impl X>> Fn(T)>",
            "for<T: Tr<impl X>> fn(T)",
        ] {
            let (walk, tree) = answers(text);
            assert!(walk, "`{text}`: the walk finds no `impl`");
            assert!(tree, "`{text}`: the check hides an `impl`");
        }
    }

    /// Where the tree shows no `impl`, the check says so, and the walk
    /// (skipped then) would have found none.
    #[test]
    fn the_tree_check_answers_no_for_the_types_fields_usually_have() {
        for text in [
            "u64",
            "Lazy<Concrete, fn() -> Concrete>",
            "::lazy_core::sync::Lazy<Real>",
            "Box<Lazy<T, Box<dyn FnOnce() -> T + Send + 'static>>>",
            "Rc<RefCell<Lazy<(u8, String)>>>",
            "&'a mut [Option<*const T>]",
            "<T as Trait>::Out",
            "Lazy<T, fn(&'static str, (u8, u16)) -> T>",
            "Box<dyn for<'a> Fn(&'a u8) -> &'a u8>",
            "(Lazy<A>, Lazy<B>)",
            "[Lazy<u8>; 4]",
        ] {
            let (walk, tree) = answers(text);
            assert!(!walk, "`{text}`: the walk finds an `impl`");
            assert!(!tree, "`{text}`: the check is unsure of a plain type");
        }
    }
}
