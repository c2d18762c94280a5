//! Precise captures in a trait method's return type.
//!
//! In a trait, `-> impl Trait + use<'a, T, Self>` must list `Self` and every
//! type parameter in scope. In the impl the rules differ: `Self` is an alias
//! and cannot be listed (E0799), a trait parameter given a concrete argument
//! is no parameter any more, and every type and const parameter of the impl
//! (the wrapper's, and the trait's kept generic) must be listed. The
//! forwarder's list keeps the method's own parameters and the lifetimes of
//! the impl that the trait listed, and adds what the impl must list. `Self`
//! there is no use of the wrapper that forwarding would have to convert.

use crate::syntax::TraitItemFn;
use proc_macro2::{Group, Spacing, TokenStream, TokenTree};
use quote::ToTokens;
use syn::{GenericArgument, GenericParam, PathArguments, ReturnType, Type};

use crate::punct;
use crate::template;
use crate::tokens::{self, Names};

/// What the impl around the forwarder declares.
pub struct ImplParams {
    /// Listed in every `use<..>`: the wrapper's lifetimes and every type and
    /// const parameter of the impl.
    pub always: Vec<TokenStream>,
    /// The impl's lifetimes (without the quote): kept where the trait lists
    /// them.
    pub lifetimes: Names,
}

impl ImplParams {
    /// No parameters yet: [`ImplParams::add`] each, the wrapper's and the
    /// trait's (not generic over two iterators: each caller's pair would be
    /// one more copy in this crate's build).
    pub fn new() -> ImplParams {
        ImplParams {
            always: Vec::new(),
            lifetimes: Names::default(),
        }
    }

    /// `own`: a parameter of the wrapper (else of the trait).
    pub fn add(&mut self, param: &GenericParam, own: bool) {
        match param {
            GenericParam::Lifetime(param) => {
                self.lifetimes.insert(param.lifetime.ident.to_string());
                if own {
                    self.always.push(param.lifetime.to_token_stream());
                }
            }
            GenericParam::Type(param) => self.always.push(param.ident.to_token_stream()),
            GenericParam::Const(param) => self.always.push(param.ident.to_token_stream()),
        }
    }
}

/// The method with every `use<..>` of its return type written for the impl.
pub fn for_impl(mut item: TraitItemFn, impl_params: &ImplParams) -> TraitItemFn {
    // Most methods have none: their return type is not rewritten at all.
    if !matches!(&item.sig.output, ReturnType::Type(_, ty) if may_capture(ty)) {
        return item;
    }
    let mut own = Names::default();
    let mut own_lifetimes = impl_params.lifetimes.clone();
    own_lifetimes.insert(String::from("_"));
    for param in &item.sig.generics.params {
        match param {
            GenericParam::Lifetime(param) => {
                own_lifetimes.insert(param.lifetime.ident.to_string());
            }
            GenericParam::Type(param) => {
                own.insert(param.ident.to_string());
            }
            GenericParam::Const(param) => {
                own.insert(param.ident.to_string());
            }
        }
    }
    let keep = Keep {
        idents: own,
        lifetimes: own_lifetimes,
        always: &impl_params.always,
    };
    if let ReturnType::Type(_, ty) = &mut item.sig.output
        && let Ok(rewritten) = crate::syntax::type_from(keep.rewrite(ty.to_token_stream()))
    {
        **ty = rewritten;
    }
    item
}

/// Whether `ty` may hold a `use<..>`: it is or holds an `impl Trait` (or a
/// macro, which could expand to one). A `dyn Trait` or a path's arguments
/// can hold one only through a nested `impl Trait`, which is looked for.
fn may_capture(ty: &Type) -> bool {
    let in_args = |path: &syn::Path| {
        for segment in &path.segments {
            let args = match &segment.arguments {
                PathArguments::AngleBracketed(args) => args,
                // `Fn(..) -> ..`: rare in a return type; looked at the slow way.
                PathArguments::Parenthesized(_) => return true,
                PathArguments::None => continue,
            };
            for arg in punct::values(&args.args) {
                let may = match arg {
                    GenericArgument::Type(ty) => may_capture(ty),
                    GenericArgument::AssocType(assoc) => may_capture(&assoc.ty),
                    GenericArgument::Constraint(_) => true,
                    _ => false,
                };
                if may {
                    return true;
                }
            }
        }
        false
    };
    match ty {
        Type::ImplTrait(_) | Type::Macro(_) | Type::Verbatim(_) => true,
        Type::Array(array) => may_capture(&array.elem),
        Type::Group(group) => may_capture(&group.elem),
        Type::Paren(paren) => may_capture(&paren.elem),
        Type::Ptr(ptr) => may_capture(&ptr.elem),
        Type::Reference(reference) => may_capture(&reference.elem),
        Type::Slice(slice) => may_capture(&slice.elem),
        Type::Tuple(tuple) => {
            for elem in punct::values(&tuple.elems) {
                if may_capture(elem) {
                    return true;
                }
            }
            false
        }
        Type::Path(path) => {
            let qself = match &path.qself {
                Some(qself) => may_capture(&qself.ty),
                None => false,
            };
            qself || in_args(&path.path)
        }
        Type::TraitObject(object) => {
            for bound in crate::punct::values(&object.bounds) {
                if let syn::TypeParamBound::Trait(bound) = bound
                    && in_args(&bound.path)
                {
                    return true;
                }
            }
            false
        }
        Type::FnPtr(_) | Type::Infer(_) | Type::Never(_) => false,
        _ => true,
    }
}

struct Keep<'a> {
    idents: Names,
    lifetimes: Names,
    always: &'a [TokenStream],
}

impl Keep<'_> {
    fn rewrite(&self, tokens: TokenStream) -> TokenStream {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let mut out: Vec<TokenTree> = Vec::new();
        let mut i = 0;
        while i < trees.len() {
            let is_use = matches!(&trees[i], TokenTree::Ident(ident) if ident == "use")
                && matches!(trees.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == '<');
            if is_use {
                let Some(close) = tokens::position(
                    &trees[i + 2..],
                    &|t| matches!(t, TokenTree::Punct(p) if p.as_char() == '>'),
                ) else {
                    out.extend(trees[i..].iter().cloned());
                    break;
                };
                let entries = &trees[i + 2..i + 2 + close];
                out.extend(self.captures(&trees[i], entries));
                i += close + 3;
                continue;
            }
            match &trees[i] {
                TokenTree::Group(group) => {
                    let mut new = Group::new(group.delimiter(), self.rewrite(group.stream()));
                    new.set_span(group.span());
                    out.push(TokenTree::Group(new));
                }
                other => out.push(other.clone()),
            }
            i += 1;
        }
        TokenStream::from_iter(out)
    }

    /// `use<..>` with the entries that stay, then what the impl must list.
    fn captures(&self, use_token: &TokenTree, entries: &[TokenTree]) -> TokenStream {
        let mut kept: Vec<TokenStream> = Vec::new();
        let mut seen = Names::default();
        let mut j = 0;
        while j < entries.len() {
            match (&entries[j], entries.get(j + 1)) {
                (TokenTree::Punct(quote), Some(TokenTree::Ident(name)))
                    if quote.as_char() == '\'' && quote.spacing() == Spacing::Joint =>
                {
                    if self.lifetimes.contains(&name.to_string()) {
                        kept.push(template::tokens("#0 #1", &[&quote, &name]));
                    }
                    j += 2;
                }
                (TokenTree::Ident(name), _) => {
                    if self.idents.contains(&name.to_string()) {
                        kept.push(name.to_token_stream());
                    }
                    j += 1;
                }
                _ => j += 1,
            }
        }
        for always in self.always {
            kept.push(always.clone());
        }
        // Lifetimes first, each entry once.
        let mut lifetimes = Vec::new();
        let mut others = Vec::new();
        for entry in kept {
            let text = entry.to_string();
            if text.starts_with('\'') {
                if seen.insert(text) {
                    lifetimes.push(entry);
                }
            } else if seen.insert(text) {
                others.push(entry);
            }
        }
        let mut all = lifetimes;
        all.append(&mut others);
        template::tokens("#0 <#1>", &[&use_token, &template::joined(&all, ",")])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(source: &str) -> Vec<GenericParam> {
        let generics: syn::Generics = syn::parse_str(source).unwrap();
        generics.params.into_iter().collect()
    }

    #[test]
    fn captures_are_written_for_the_impl() {
        let wrapper = params("<'w, Z, const N: usize>");
        let from_trait = params("<'t, P>");
        let mut impl_params = ImplParams::new();
        for param in &wrapper {
            impl_params.add(param, true);
        }
        for param in &from_trait {
            impl_params.add(param, false);
        }
        for (method, expected) in [
            (
                "fn f(&self) -> impl Sized + use<'_, Self>;",
                "impl Sized + use<'_, 'w, Z, N, P>",
            ),
            (
                "fn f<'a, T>(&'a self) -> impl Sized + use<'a, 't, T, u8, Self>;",
                "impl Sized + use<'a, 't, 'w, T, Z, N, P>",
            ),
            (
                "fn f(&self) -> (impl Sized + use<'static, Self>, Vec<Self>);",
                "(impl Sized + use<'w, Z, N, P>, Vec<Self>)",
            ),
            ("fn f(&self) -> Box<Self>;", "Box<Self>"),
        ] {
            let item: TraitItemFn = syn::parse_str(method).unwrap();
            let item = for_impl(item, &impl_params);
            let ReturnType::Type(_, ty) = &item.sig.output else {
                panic!("{method}");
            };
            let got = ty.to_token_stream().to_string().replace(' ', "");
            assert_eq!(got, expected.replace(' ', ""), "{method}");
        }
    }
}
