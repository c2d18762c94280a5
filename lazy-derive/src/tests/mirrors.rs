//! `crate::mirrors`: the table against `lazy_core::remote`'s mirrors and
//! the docs, and the error for a mirror without a required item.

use crate::mirrors::{MIRRORS, REQUIRED, mirror_of};

/// Every `#[crate::forwardable(remote = ::krate::path::Trait)] pub trait
/// Name` of `lazy_core::remote`, as `("path::Trait", "Name")`.
fn shipped() -> Vec<(String, String)> {
    let source = include_str!("../../../lazy-core/src/remote.rs");
    let tokens: proc_macro2::TokenStream = source.parse().expect("lazy-core/src/remote.rs lexes");
    let file = super::items::items(tokens).expect("lazy-core/src/remote.rs parses");
    let mut out = Vec::new();
    for item in file.items {
        let super::items::Item::Trait(item) = item else {
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
        ("forwardable.md", include_str!("../../docs/forwardable.md")),
        ("crate.md", include_str!("../../../lazy-core/docs/crate.md")),
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
    let source = include_str!("../../../lazy-core/src/remote.rs");
    let tokens: proc_macro2::TokenStream = source.parse().expect("lazy-core/src/remote.rs lexes");
    let file = super::items::items(tokens).expect("lazy-core/src/remote.rs parses");
    let mut checked = 0;
    for item in file.items {
        let super::items::Item::Trait(item) = item else {
            continue;
        };
        let Some((path, _)) = MIRRORS.iter().find(|(_, name)| item.ident == name) else {
            continue;
        };
        let remote: syn::Path = syn::parse_str(&format!("::core::{path}")).expect("a path");
        assert!(
            crate::mirrors::lacks_required(&remote, &item).is_none(),
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
    let error = crate::mirrors::lacks_required(&remote, &typo).expect("an error");
    assert!(error.to_string().contains("lacks `fmt`"), "{error}");
    assert!(error.to_string().contains("`fmt` for `fmtt`"), "{error}");
    let right: crate::syntax::ItemTrait = syn::parse_quote! {
        pub trait MyDisplay {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result;
        }
    };
    assert!(crate::mirrors::lacks_required(&remote, &right).is_none());
    // Another crate's `Display` is not std's: not checked.
    let other: syn::Path = syn::parse_quote!(::other::fmt::Display);
    assert!(crate::mirrors::lacks_required(&other, &typo).is_none());
    // Nothing close: the error is at the mirror's name.
    let empty: crate::syntax::ItemTrait = syn::parse_quote!(
        pub trait MyIter {
            fn size(&self) -> u8;
        }
    );
    let iter: syn::Path = syn::parse_quote!(::core::iter::Iterator);
    let error = crate::mirrors::lacks_required(&iter, &empty).expect("an error");
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
    assert_eq!(mirror_of(&path("std::ops::Add")), Some("Add"));
    assert_eq!(mirror_of(&path("core::ops::ShrAssign")), Some("ShrAssign"));
    assert_eq!(mirror_of(&path("std::iter::Extend")), None);
    // Only a prelude re-exports a trait under another path: elsewhere a
    // name of a mirrored trait is another item (`std::io::Error` is a
    // struct, `std::fmt::Error` too).
    assert_eq!(mirror_of(&path("std::io::Error")), None);
    assert_eq!(mirror_of(&path("std::fmt::Error")), None);
    assert_eq!(mirror_of(&path("std::error::Error")), Some("Error"));
}
