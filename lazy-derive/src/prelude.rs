//! Names of std's preludes, which a bare trait name in
//! `#[realize_forward(...)]` may also be, and the second name under which
//! `#[forwardable]` exports the hidden macro of a trait named so.
//!
//! The chain's import of a bare name (see `chain::scoped`) looks it up in
//! every namespace, and rustc refuses it (E0659, as maybe meaning the
//! prelude's item) where a trait of that name was written by a macro
//! (`#[forwardable]`, in the same module or function body) or came through
//! a glob import. So the chain imports such a name in two steps: first the
//! hidden macro's second name, `__lazy_prelude_<Name>`, which no prelude
//! holds (found where `#[forwardable]` wrote the trait, or a glob brought
//! it), then, from the fallback `__prelude_name!`, the name itself (found
//! where it was imported by name, which rustc lets shadow the prelude).
//! A derive of std's prelude (`Clone`, `Debug`, ..) is called as written
//! instead: its import would bring std's derive macro, which a call cannot
//! use.

use proc_macro2::Span;
use syn::{Ident, Path};

use crate::tokens;

/// Names in std's preludes (of every edition).
const NAMES: &[&str] = &[
    "AsMut",
    "AsRef",
    "AsyncFn",
    "AsyncFnMut",
    "AsyncFnOnce",
    "Box",
    "Clone",
    "Copy",
    "Debug",
    "Default",
    "DoubleEndedIterator",
    "Drop",
    "Eq",
    "Err",
    "ExactSizeIterator",
    "Extend",
    "Fn",
    "FnMut",
    "FnOnce",
    "From",
    "FromIterator",
    "Future",
    "Hash",
    "Into",
    "IntoFuture",
    "IntoIterator",
    "Iterator",
    "None",
    "Ok",
    "Option",
    "Ord",
    "PartialEq",
    "PartialOrd",
    "Result",
    "Send",
    "Sized",
    "Some",
    "String",
    "Sync",
    "ToOwned",
    "ToString",
    "TryFrom",
    "TryInto",
    "Unpin",
    "Vec",
    "align_of",
    "align_of_val",
    "drop",
    "size_of",
    "size_of_val",
];

/// The derive macros of std's preludes.
const DERIVES: &[&str] = &[
    "Clone",
    "Copy",
    "Debug",
    "Default",
    "Eq",
    "Hash",
    "Ord",
    "PartialEq",
    "PartialOrd",
];

/// The generic traits of std's preludes: bare, they are no bound.
const GENERIC: &[&str] = &[
    "AsMut",
    "AsRef",
    "AsyncFn",
    "AsyncFnMut",
    "AsyncFnOnce",
    "Extend",
    "Fn",
    "FnMut",
    "FnOnce",
    "From",
    "FromIterator",
    "Into",
    "TryFrom",
    "TryInto",
];

/// A bare name of one of std's generic traits, which the fallback cannot
/// test as a bound without arguments (see `unforwardable::probe`).
pub fn is_generic_std_trait(path: &Path) -> bool {
    match path.get_ident() {
        Some(ident) => tokens::is_one_of(ident, GENERIC),
        None => false,
    }
}

/// A bare name of one of std's derives: the chain calls it as written (see
/// the module's docs), and such a name that is no `#[forwardable]` trait is
/// rustc's "cannot find macro", not the fallback's error.
pub fn called_as_written(path: &Path) -> bool {
    match path.get_ident() {
        Some(ident) => tokens::is_one_of(ident, DERIVES),
        None => false,
    }
}

/// The hidden macro's second name for a trait named `ident`, if a bare
/// `ident` is imported in two steps (see the module's docs).
pub fn second_name(ident: &Ident) -> Option<Ident> {
    if !tokens::is_one_of(ident, NAMES) || tokens::is_one_of(ident, DERIVES) {
        return None;
    }
    Some(Ident::new(
        &format!("__lazy_prelude_{ident}"),
        Span::call_site(),
    ))
}

/// [`second_name`] of a bare path.
pub fn second_name_of(path: &Path) -> Option<Ident> {
    path.get_ident().and_then(second_name)
}
