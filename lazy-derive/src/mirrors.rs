//! The mirrors that `lazy_core::remote` ships, as the derive knows them: a
//! std trait named in `realize_forward(...)` is pointed at its mirror. The
//! mirrors themselves are declared once, in `lazy-core/src/remote/declared.rs`
//! (and expanded ahead of time into `generated.rs` beside it); a test here
//! reads that file and checks that this table says the same.

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
    ("future::Future", "Future"),
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
    ("default::Default", "Default"),
    ("str::FromStr", "FromStr"),
    ("ops::Add", "Add"),
    ("ops::Sub", "Sub"),
    ("ops::Mul", "Mul"),
    ("ops::Div", "Div"),
    ("ops::Rem", "Rem"),
    ("ops::BitAnd", "BitAnd"),
    ("ops::BitOr", "BitOr"),
    ("ops::BitXor", "BitXor"),
    ("ops::Shl", "Shl"),
    ("ops::Shr", "Shr"),
    ("ops::Neg", "Neg"),
    ("ops::Not", "Not"),
    ("ops::AddAssign", "AddAssign"),
    ("ops::SubAssign", "SubAssign"),
    ("ops::MulAssign", "MulAssign"),
    ("ops::DivAssign", "DivAssign"),
    ("ops::RemAssign", "RemAssign"),
    ("ops::BitAndAssign", "BitAndAssign"),
    ("ops::BitOrAssign", "BitOrAssign"),
    ("ops::BitXorAssign", "BitXorAssign"),
    ("ops::ShlAssign", "ShlAssign"),
    ("ops::ShrAssign", "ShrAssign"),
];

/// The mirrors that declare the std trait's parameters, named with them
/// (`remote::AsRef<str>`); every other mirror is of one instance, the
/// wrapper with the wrapper (`remote::Add` is `Add<Self>`).
pub const WITH_PARAMETERS: &[&str] = &["Index", "IndexMut", "AsRef", "Borrow"];

/// The mirror that a path below `lazy_core::` means, where it does not name
/// one (`lazy_core::mirrors::Display`, `lazy_core::fmt::Write`): by the std
/// path its names after `lazy_core` (and a `remote` among them) spell
/// (`fmt::Write`: `FmtWrite`), else by the last name, a mirror's own.
// Loops, not `find`: each closure over an iterator is code of its own in
// this crate's build (BENCHMARKS.md, "lazy-derive's cold build").
#[allow(clippy::manual_find)]
pub fn mirror_below_lazy_core(names: &[String]) -> Option<&'static str> {
    let mut path = String::new();
    for name in names {
        if name == "remote" {
            continue;
        }
        if !path.is_empty() {
            path.push_str("::");
        }
        path.push_str(name);
    }
    if let Some(mirror) = mirror_below_std(&path) {
        return Some(mirror);
    }
    let last = names.last()?;
    for (_, mirror) in MIRRORS {
        if mirror == last {
            return Some(mirror);
        }
    }
    None
}

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
    ("future::Future", &["Output", "poll"]),
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
    ("default::Default", &["default"]),
    ("str::FromStr", &["Err", "from_str"]),
    ("ops::Add", &["Output", "add"]),
    ("ops::Sub", &["Output", "sub"]),
    ("ops::Mul", &["Output", "mul"]),
    ("ops::Div", &["Output", "div"]),
    ("ops::Rem", &["Output", "rem"]),
    ("ops::BitAnd", &["Output", "bitand"]),
    ("ops::BitOr", &["Output", "bitor"]),
    ("ops::BitXor", &["Output", "bitxor"]),
    ("ops::Shl", &["Output", "shl"]),
    ("ops::Shr", &["Output", "shr"]),
    ("ops::Neg", &["Output", "neg"]),
    ("ops::Not", &["Output", "not"]),
    ("ops::AddAssign", &["add_assign"]),
    ("ops::SubAssign", &["sub_assign"]),
    ("ops::MulAssign", &["mul_assign"]),
    ("ops::DivAssign", &["div_assign"]),
    ("ops::RemAssign", &["rem_assign"]),
    ("ops::BitAndAssign", &["bitand_assign"]),
    ("ops::BitOrAssign", &["bitor_assign"]),
    ("ops::BitXorAssign", &["bitxor_assign"]),
    ("ops::ShlAssign", &["shl_assign"]),
    ("ops::ShrAssign", &["shr_assign"]),
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
    let mut required = None;
    for (path, items) in REQUIRED {
        if *path == below {
            required = Some(items);
            break;
        }
    }
    let required = required?;
    let mut declared = Vec::with_capacity(mirror.items.len());
    for item in &mirror.items {
        match item {
            crate::syntax::TraitItem::Fn(item) => declared.push(&item.sig.ident),
            crate::syntax::TraitItem::Type(item) => declared.push(&item.ident),
            _ => {}
        }
    }
    let mut missing = None;
    for name in *required {
        let mut found = false;
        for ident in &declared {
            found |= ident.unraw() == *name;
        }
        if !found {
            missing = Some(name);
            break;
        }
    }
    let missing = missing?;
    let path = crate::tokens::compact(remote);
    // The declared name closest to the missing one, if it is close.
    let mut typo: Option<(usize, &syn::Ident)> = None;
    for ident in &declared {
        let name = ident.unraw().to_string();
        if required.contains(&name.as_str()) {
            continue;
        }
        let distance = crate::errors::edit_distance(&name, missing);
        let better = match typo {
            Some((best, _)) => distance < best,
            None => true,
        };
        if distance <= 2 && better {
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

/// The hidden macro of a trait that gets no forwarders (a mirror that
/// [`lacks_required`] rejected, a trait `#[forwardable]` could not read),
/// imported under the trait's name as the real one is: it takes the
/// derive's call and writes nothing, so that the one error is the trait's.
pub fn silent_macro(
    trait_cfgs: &TokenStream,
    export: &Option<TokenStream>,
    macro_name: &syn::Ident,
    import: (&TokenStream, &syn::Visibility, &syn::Ident),
) -> TokenStream {
    let (use_attrs, vis, ident) = import;
    template::tokens(
        "#0
        #[doc(hidden)]
        #1
        macro_rules! #2 {
            ($($input:tt)*) => {};
        }
        #0 #3 #4 use #2 as #5;",
        &[&trait_cfgs, &export, &macro_name, &use_attrs, &vis, &ident],
    )
}

/// The mirror of the std trait at `segments` (`std`, `fmt`, `Display`),
/// by its whole path below the crate: `None` for `std::io::Error`.
pub fn mirror_of_path(segments: &[String]) -> Option<&'static str> {
    let below_crate = crate::tokens::join(segments.get(1..)?.iter().map(String::as_str), "::");
    mirror_below_std(&below_crate)
}

/// The mirror of the std trait at `path` below its crate (`fmt::Display`).
#[allow(clippy::manual_find)] // as `mirror_below_lazy_core`
fn mirror_below_std(path: &str) -> Option<&'static str> {
    for (std_path, mirror) in MIRRORS {
        if *std_path == path {
            return Some(mirror);
        }
    }
    None
}

/// The mirror of a std trait written as `segments` (its crate first): by
/// its path, else, through a prelude (`std::prelude::v1::Iterator`), by its
/// name when only one mirrored trait has that name. Another path is not
/// taken for a trait of the same name (`std::io::Error`, a struct, is not
/// `std::error::Error`).
pub fn mirror_of(segments: &[String]) -> Option<&'static str> {
    if let Some(mirror) = mirror_of_path(segments) {
        return Some(mirror);
    }
    let mut prelude = false;
    for segment in segments {
        prelude |= segment == "prelude";
    }
    if !prelude {
        return None;
    }
    let last = segments.last()?;
    // The one mirror whose std path ends in that name, if only one does.
    let mut named = None;
    for (path, mirror) in MIRRORS {
        if path.rsplit("::").next() == Some(last.as_str()) {
            if named.is_some() {
                return None;
            }
            named = Some(*mirror);
        }
    }
    named
}
