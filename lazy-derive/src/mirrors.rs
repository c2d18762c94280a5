//! The mirrors that `lazy_core::remote` ships, as the derive knows them: a
//! std trait named in `realize_forward(...)` is pointed at its mirror. The
//! mirrors themselves are written once, in `lazy-core/src/remote.rs`; a test
//! here reads that file and checks that this table says the same.

use crate::template;
use proc_macro2::TokenStream;
use syn::ext::IdentExt;

/// The std trait's path below its crate (`std`, `core` or `alloc`), and the
/// name of its mirror in `lazy_core::remote`.
pub const MIRRORS: &[(&str, &str)] = &[
    ("fmt::Display", "Display"),
    ("fmt::Debug", "Debug"),
    ("iter::Iterator", "Iterator"),
    ("iter::DoubleEndedIterator", "DoubleEndedIterator"),
    ("iter::ExactSizeIterator", "ExactSizeIterator"),
    ("io::Read", "Read"),
    ("io::Write", "Write"),
    ("io::BufRead", "BufRead"),
    ("io::Seek", "Seek"),
    ("hash::Hasher", "Hasher"),
    ("error::Error", "Error"),
    ("fmt::Write", "FmtWrite"),
    ("ops::Index", "Index"),
    ("ops::IndexMut", "IndexMut"),
    ("ops::Deref", "Deref"),
    ("ops::DerefMut", "DerefMut"),
    ("convert::AsRef", "AsRef"),
    ("borrow::Borrow", "Borrow"),
    ("cmp::PartialEq", "PartialEq"),
    ("cmp::Eq", "Eq"),
    ("cmp::PartialOrd", "PartialOrd"),
    ("cmp::Ord", "Ord"),
    ("hash::Hash", "Hash"),
];

/// The items every impl of a mirrored std trait must define (its methods
/// without a default body and its associated types), by the std trait's path
/// below its crate. A std trait cannot gain one without breaking its impls,
/// so a mirror of it that does not declare them all can only be a mistake.
pub const REQUIRED: &[(&str, &[&str])] = &[
    ("fmt::Display", &["fmt"]),
    ("fmt::Debug", &["fmt"]),
    ("iter::Iterator", &["Item", "next"]),
    ("iter::DoubleEndedIterator", &["next_back"]),
    ("iter::ExactSizeIterator", &[]),
    ("io::Read", &["read"]),
    ("io::Write", &["write", "flush"]),
    ("io::BufRead", &["fill_buf", "consume"]),
    ("io::Seek", &["seek"]),
    ("hash::Hasher", &["finish", "write"]),
    ("error::Error", &[]),
    ("fmt::Write", &["write_str"]),
    ("ops::Index", &["Output", "index"]),
    ("ops::IndexMut", &["index_mut"]),
    ("ops::Deref", &["Target", "deref"]),
    ("ops::DerefMut", &["deref_mut"]),
    ("convert::AsRef", &["as_ref"]),
    ("borrow::Borrow", &["borrow"]),
    ("cmp::PartialEq", &["eq"]),
    ("cmp::Eq", &[]),
    ("cmp::PartialOrd", &["partial_cmp"]),
    ("cmp::Ord", &["cmp"]),
    ("hash::Hash", &["hash"]),
];

/// A `#[forwardable(remote = ..)]` mirror of a std trait (named by its own
/// path from `::std`, `::core` or `::alloc`) that does not declare one of
/// the trait's required items: one error, at the declared item whose name is
/// closest to the missing one (a typo), else at the mirror's name. Every
/// forwarded impl would fail on it again (an item the trait does not have, a
/// required one missing), so the mirror's macro then writes nothing (see
/// [`silent_macro`]). A trait of another crate, or std's named through a
/// re-export, is not checked.
pub fn lacks_required(remote: &syn::Path, mirror: &crate::syntax::ItemTrait) -> Option<syn::Error> {
    let mut segments: Vec<String> = Vec::new();
    for segment in &remote.segments {
        segments.push(segment.ident.to_string());
    }
    let (krate, below) = segments.split_first()?;
    if !matches!(krate.as_str(), "std" | "core" | "alloc") {
        return None;
    }
    let below = crate::tokens::join(below.iter().map(String::as_str), "::");
    let (_, required) = REQUIRED.iter().find(|(path, _)| *path == below)?;
    let mut declared = Vec::with_capacity(mirror.items.len());
    for item in &mirror.items {
        match item {
            crate::syntax::TraitItem::Fn(item) => declared.push(&item.sig.ident),
            crate::syntax::TraitItem::Type(item) => declared.push(&item.ident),
            _ => {}
        }
    }
    let missing = required
        .iter()
        .find(|name| !declared.iter().any(|ident| ident.unraw() == **name))?;
    let path = crate::tokens::compact(remote);
    // The declared name closest to the missing one, if it is close.
    let mut typo: Option<(usize, &syn::Ident)> = None;
    for ident in &declared {
        let name = ident.unraw().to_string();
        if required.contains(&name.as_str()) {
            continue;
        }
        let distance = crate::errors::edit_distance(&name, missing);
        if distance <= 2 && typo.is_none_or(|(best, _)| distance < best) {
            typo = Some((distance, ident));
        }
    }
    Some(match typo {
        Some((_, ident)) => syn::Error::new(
            ident.span(),
            format!(
                "this mirror of `{path}` lacks `{missing}`, which every impl of that trait must define; did you mean `{missing}` for `{}`?",
                ident.unraw()
            ),
        ),
        None => syn::Error::new(
            mirror.ident.span(),
            format!(
                "this mirror of `{path}` lacks `{missing}`, which every impl of that trait must define; declare it as `{path}` does"
            ),
        ),
    })
}

/// The hidden macro of a mirror that [`lacks_required`] rejected: it takes
/// the derive's call and writes nothing, so that the one error is the
/// mirror's.
pub fn silent_macro(
    trait_cfgs: &TokenStream,
    export: &Option<TokenStream>,
    macro_name: &syn::Ident,
) -> TokenStream {
    template::tokens(
        "#0
        #[doc(hidden)]
        #1
        macro_rules! #2 {
            ($($input:tt)*) => {};
        }",
        &[&trait_cfgs, &export, &macro_name],
    )
}

/// The mirror of a std trait written as `segments` (its crate first): by
/// its path, else by its name when only one mirrored trait has that name
/// (`std::prelude::v1::Iterator`).
pub fn mirror_of(segments: &[String]) -> Option<&'static str> {
    let below_crate = crate::tokens::join(segments.get(1..)?.iter().map(String::as_str), "::");
    if let Some((_, mirror)) = MIRRORS.iter().find(|(path, _)| *path == below_crate) {
        return Some(mirror);
    }
    let last = segments.last()?;
    let mut named = MIRRORS
        .iter()
        .filter(|(path, _)| path.rsplit("::").next() == Some(last.as_str()));
    match (named.next(), named.next()) {
        (Some((_, mirror)), None) => Some(mirror),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{MIRRORS, REQUIRED, mirror_of};

    /// Every `#[crate::forwardable(remote = ::krate::path::Trait)] pub trait
    /// Name` of `lazy_core::remote`, as `("path::Trait", "Name")`.
    fn shipped() -> Vec<(String, String)> {
        let source = include_str!("../../lazy-core/src/remote.rs");
        let tokens: proc_macro2::TokenStream =
            source.parse().expect("lazy-core/src/remote.rs lexes");
        let file = crate::tests::items::items(tokens).expect("lazy-core/src/remote.rs parses");
        let mut out = Vec::new();
        for item in file.items {
            let crate::tests::items::Item::Trait(item) = item else {
                continue;
            };
            for attr in &item.attrs {
                let syn::Meta::List(list) = &attr.meta else {
                    continue;
                };
                if list
                    .path
                    .segments
                    .last()
                    .is_none_or(|s| s.ident != "forwardable")
                {
                    continue;
                }
                let text = list.tokens.to_string().replace(' ', "");
                let path = text
                    .strip_prefix("remote=::")
                    .expect("a mirror names its remote trait from the crate root");
                let (_, below_crate) = path.split_once("::").expect("a path with a crate");
                out.push((below_crate.to_string(), item.ident.to_string()));
            }
        }
        out
    }

    #[test]
    fn the_table_lists_the_mirrors_of_lazy_core_remote() {
        let mut shipped = shipped();
        let mut known: Vec<(String, String)> = MIRRORS
            .iter()
            .map(|(path, name)| (path.to_string(), name.to_string()))
            .collect();
        shipped.sort();
        known.sort();
        assert_eq!(known, shipped);
    }

    /// The docs that list the mirrors name every one of them.
    #[test]
    fn the_docs_list_every_mirror() {
        let docs = [
            ("forwardable.md", include_str!("../docs/forwardable.md")),
            ("crate.md", include_str!("../../lazy-core/docs/crate.md")),
        ];
        for (file, text) in docs {
            let list = text
                .split("\n\n")
                .find(|paragraph| paragraph.contains("mirrors of"))
                .unwrap_or_else(|| panic!("{file} lists the mirrors"));
            for (_, name) in MIRRORS {
                assert!(list.contains(&format!("`{name}`")), "{file} lists `{name}`");
            }
        }
    }

    /// Every mirrored trait has its required items listed, and lazy-core's
    /// own mirrors declare them (so that the check rejects none of them).
    #[test]
    fn the_required_items_are_those_the_shipped_mirrors_declare() {
        let mut listed: Vec<&str> = REQUIRED.iter().map(|(path, _)| *path).collect();
        let mut mirrored: Vec<&str> = MIRRORS.iter().map(|(path, _)| *path).collect();
        listed.sort_unstable();
        mirrored.sort_unstable();
        assert_eq!(listed, mirrored);
        let source = include_str!("../../lazy-core/src/remote.rs");
        let tokens: proc_macro2::TokenStream =
            source.parse().expect("lazy-core/src/remote.rs lexes");
        let file = crate::tests::items::items(tokens).expect("lazy-core/src/remote.rs parses");
        let mut checked = 0;
        for item in file.items {
            let crate::tests::items::Item::Trait(item) = item else {
                continue;
            };
            let Some((path, _)) = MIRRORS.iter().find(|(_, name)| item.ident == name) else {
                continue;
            };
            let remote: syn::Path = syn::parse_str(&format!("::core::{path}")).expect("a path");
            assert!(
                super::lacks_required(&remote, &item).is_none(),
                "lazy_core::remote::{} declares what {path} requires",
                item.ident
            );
            checked += 1;
        }
        assert_eq!(checked, MIRRORS.len());
    }

    #[test]
    fn a_mirror_without_a_required_method_is_one_error_at_the_typo() {
        let remote: syn::Path = syn::parse_quote!(::std::fmt::Display);
        let typo: crate::syntax::ItemTrait = syn::parse_quote! {
            pub trait MyDisplay {
                fn fmtt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result;
            }
        };
        let error = super::lacks_required(&remote, &typo).expect("an error");
        assert!(error.to_string().contains("lacks `fmt`"), "{error}");
        assert!(error.to_string().contains("`fmt` for `fmtt`"), "{error}");
        let right: crate::syntax::ItemTrait = syn::parse_quote! {
            pub trait MyDisplay {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result;
            }
        };
        assert!(super::lacks_required(&remote, &right).is_none());
        // Another crate's `Display` is not std's: not checked.
        let other: syn::Path = syn::parse_quote!(::other::fmt::Display);
        assert!(super::lacks_required(&other, &typo).is_none());
        // Nothing close: the error is at the mirror's name.
        let empty: crate::syntax::ItemTrait = syn::parse_quote!(
            pub trait MyIter {
                fn size(&self) -> u8;
            }
        );
        let iter: syn::Path = syn::parse_quote!(::core::iter::Iterator);
        let error = super::lacks_required(&iter, &empty).expect("an error");
        assert!(error.to_string().contains("lacks `Item`"), "{error}");
    }

    #[test]
    fn a_written_std_path_finds_its_mirror() {
        let path = |text: &str| text.split("::").map(String::from).collect::<Vec<_>>();
        assert_eq!(mirror_of(&path("std::fmt::Write")), Some("FmtWrite"));
        assert_eq!(mirror_of(&path("std::io::Write")), Some("Write"));
        assert_eq!(mirror_of(&path("core::cmp::Ord")), Some("Ord"));
        assert_eq!(
            mirror_of(&path("std::prelude::v1::Iterator")),
            Some("Iterator")
        );
        // Two mirrored traits are named `Write`: the path must say which.
        assert_eq!(mirror_of(&path("std::prelude::Write")), None);
        assert_eq!(mirror_of(&path("std::ops::Add")), None);
    }
}
