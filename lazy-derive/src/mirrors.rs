//! The mirrors that `lazy_core::remote` ships, as the derive knows them: a
//! std trait named in `realize_forward(...)` is pointed at its mirror. The
//! mirrors themselves are written once, in `lazy-core/src/remote.rs`; a test
//! here reads that file and checks that this table says the same.

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
    use super::{MIRRORS, mirror_of};

    /// Every `#[crate::forwardable(remote = ::krate::path::Trait)] pub trait
    /// Name` of `lazy_core::remote`, as `("path::Trait", "Name")`.
    fn shipped() -> Vec<(String, String)> {
        let source = include_str!("../../lazy-core/src/remote.rs");
        let file = syn::parse_file(source).expect("lazy-core/src/remote.rs parses");
        let mut out = Vec::new();
        for item in file.items {
            let syn::Item::Trait(item) = item else {
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
