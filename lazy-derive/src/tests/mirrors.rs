//! `crate::mirrors`: the table against `lazy_core::remote`'s mirrors and
//! the docs, and the error for a mirror without a required item.

use crate::mirrors::{MIRRORS, REQUIRED, mirror_of};

/// `lazy_core::remote`'s mirrors as `#[forwardable(remote = ..)]` declares
/// them (the file is not compiled: `generated.rs` beside it is their
/// expansion, see [`the_generated_mirrors_are_current`]).
const DECLARED: &str = include_str!("../../../lazy-core/src/remote/declared.rs");

/// Every `#[crate::forwardable(remote = ::krate::path::Trait)] pub trait
/// Name` of `lazy_core::remote`, as `("path::Trait", "Name")`.
fn shipped() -> Vec<(String, String)> {
    let tokens: proc_macro2::TokenStream = DECLARED.parse().expect("remote/declared.rs lexes");
    let file = super::items::items(tokens).expect("remote/declared.rs parses");
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
    let tokens: proc_macro2::TokenStream = DECLARED.parse().expect("remote/declared.rs lexes");
    let file = super::items::items(tokens).expect("remote/declared.rs parses");
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

/// `lazy-core/src/remote/generated.rs` is what `#[forwardable(remote = ..)]`
/// writes for each mirror of `remote/declared.rs`, formatted by rustfmt, a
/// mirror's `#[cfg]` and `#[cfg_attr]` on each item it writes (rustc takes
/// them off before the attribute runs). `LAZY_DERIVE_BLESS=1 cargo test -p
/// lazy-derive` writes it again.
#[test]
fn the_generated_mirrors_are_current() {
    use proc_macro2::{Delimiter, TokenStream, TokenTree};

    let trees: Vec<TokenTree> = DECLARED
        .parse::<TokenStream>()
        .expect("remote/declared.rs lexes")
        .into_iter()
        .collect();
    let mut written = String::new();
    let mut mirrors = 0;
    let mut at = 0;
    while at < trees.len() {
        // The attributes: `#[crate::forwardable(..)]` gives the arguments,
        // `#[cfg(..)]` and `#[cfg_attr(..)]` go on each item written, the
        // rest (the docs) stay on the trait.
        let mut args = None;
        let mut outer = TokenStream::new();
        let mut item = TokenStream::new();
        while let (Some(TokenTree::Punct(pound)), Some(TokenTree::Group(attr))) =
            (trees.get(at), trees.get(at + 1))
        {
            if pound.as_char() != '#' {
                break;
            }
            let inner: Vec<TokenTree> = attr.stream().into_iter().collect();
            let first = inner.first().map(ToString::to_string);
            match (first.as_deref(), inner.last()) {
                (Some("crate"), Some(TokenTree::Group(list))) => args = Some(list.stream()),
                (Some("cfg" | "cfg_attr"), _) => outer.extend(trees[at..at + 2].iter().cloned()),
                _ => item.extend(trees[at..at + 2].iter().cloned()),
            }
            at += 2;
        }
        // The trait, to its body.
        while let Some(tree) = trees.get(at) {
            item.extend([tree.clone()]);
            at += 1;
            if matches!(tree, TokenTree::Group(g) if g.delimiter() == Delimiter::Brace) {
                break;
            }
        }
        let args = args.expect("each item of remote/declared.rs is a #[crate::forwardable] trait");
        let expanded: Vec<TokenTree> = crate::trait_def::forwardable(args, item)
            .into_iter()
            .collect();
        // The items written: each ends at a `;` or at a body not followed
        // by one (`macro_rules!`).
        let mut start = 0;
        for (i, tree) in expanded.iter().enumerate() {
            let end = match tree {
                TokenTree::Punct(p) => p.as_char() == ';',
                TokenTree::Group(g) => {
                    g.delimiter() == Delimiter::Brace
                        && !matches!(expanded.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == ';')
                }
                _ => false,
            };
            if end {
                let one = TokenStream::from_iter(expanded[start..=i].iter().cloned()).to_string();
                assert!(!one.contains("compile_error"), "{one}");
                // The check that the remote trait exists imports it unused,
                // which rustc does not lint in a macro's output.
                let allow = match one.starts_with("const _") {
                    true => "#[allow(unused_imports)]",
                    false => "",
                };
                let one = match one.contains("macro_rules !") {
                    // A hidden macro, its body a block a line for each
                    // statement (rustfmt leaves a macro's body as it is).
                    true => {
                        let mut text = String::new();
                        lines(&expanded[start..=i], 0, &mut text);
                        text.replace("macro_rules ! ", "macro_rules! ")
                    }
                    false => one,
                };
                written.push_str(&format!("{outer} {allow} {one}\n"));
                start = i + 1;
            }
        }
        assert_eq!(start, expanded.len(), "the expansion ends with an item");
        mirrors += 1;
    }
    assert_eq!(mirrors, MIRRORS.len());
    let expected = format!(
        "// @generated by lazy-derive's test `tests::mirrors::the_generated_mirrors_are_current`\n\
         // from `declared.rs`: what `#[forwardable(remote = ..)]` writes for each\n\
         // mirror. Do not edit; change `declared.rs` (or the attribute) and run\n\
         // `LAZY_DERIVE_BLESS=1 cargo test -p lazy-derive`.\n\n{}",
        super::snapshots::rustfmt(&written)
    );
    let path: std::path::PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "..",
        "lazy-core",
        "src",
        "remote",
        "generated.rs",
    ]
    .iter()
    .collect();
    super::snapshots::check_file(&path, &expected);
}

/// `trees` as lines of text: a brace group an indented block, a `;` the end
/// of a line, the rest as `TokenStream`'s `to_string` writes it.
fn lines(trees: &[proc_macro2::TokenTree], depth: usize, out: &mut String) {
    use proc_macro2::{Delimiter, TokenStream, TokenTree};

    let pad = "    ".repeat(depth);
    let mut line: Vec<TokenTree> = Vec::new();
    for tree in trees {
        match tree {
            TokenTree::Group(group) if group.delimiter() == Delimiter::Brace => {
                let head = TokenStream::from_iter(line.drain(..)).to_string();
                out.push_str(&format!("{pad}{head} {{\n"));
                let inner: Vec<TokenTree> = group.stream().into_iter().collect();
                lines(&inner, depth + 1, out);
                out.push_str(&format!("{pad}}}\n"));
            }
            // A `;` after a block ends the block's line.
            TokenTree::Punct(p) if p.as_char() == ';' && line.is_empty() => {
                out.pop();
                out.push_str(";\n");
            }
            TokenTree::Punct(p) if p.as_char() == ';' => {
                line.push(tree.clone());
                let text = TokenStream::from_iter(line.drain(..)).to_string();
                out.push_str(&format!("{pad}{text}\n"));
            }
            _ => line.push(tree.clone()),
        }
    }
    if !line.is_empty() {
        let text = TokenStream::from_iter(line.drain(..)).to_string();
        out.push_str(&format!("{pad}{text}\n"));
    }
}
