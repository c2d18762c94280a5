//! The one error collector of the crate: every stage pushes what it finds,
//! and all of it is reported together; and the distance behind its "did you
//! mean" suggestions, and the attributes that misspell ours.

use quote::ToTokens;
use syn::Error;

/// Collects errors so that all of them are reported together.
#[derive(Default)]
pub struct Errors(Option<Error>);

impl Errors {
    pub fn push(&mut self, err: Error) {
        match &mut self.0 {
            Some(errors) => errors.combine(err),
            None => self.0 = Some(err),
        }
    }

    /// Every error pushed, together; `None` if none was.
    pub fn into_error(self) -> Option<Error> {
        self.0
    }

    /// `Ok(value)` if nothing was pushed, else every error together.
    pub fn or_ok<T>(self, value: T) -> syn::Result<T> {
        match self.0 {
            Some(errors) => Err(errors),
            None => Ok(value),
        }
    }

    /// The errors as `compile_error!` invocations (empty if none).
    pub fn into_compile_errors(self) -> proc_macro2::TokenStream {
        match self.0 {
            Some(errors) => compile_error(errors),
            None => proc_macro2::TokenStream::new(),
        }
    }
}

/// `err` as `compile_error! { .. }` invocations, one a message, read alike
/// in every edition. syn writes `::core::compile_error!` spanned at the
/// mistake, and a span carries its crate's edition: in an edition-2015
/// crate `::core` starts at the crate's root, where no `core` is, and
/// rustc's "cannot find `core`" replaced every message. The path cannot
/// take the macro's own span instead (rustc then reports the error as the
/// derive's, with a note that it comes from its expansion, and no longer
/// merges an error that two derives report alike), so the macro is named
/// from the prelude, as rustc's own `compile_error!` is there in every
/// crate. Only a `macro_rules! compile_error` of the user's in scope at the
/// derive would take its place.
pub fn compile_error(err: Error) -> proc_macro2::TokenStream {
    let mut out = Vec::new();
    for tree in err.into_compile_error() {
        // `::core::` dropped; `compile_error`, `!` and `{ "message" }` kept.
        let path = match &tree {
            proc_macro2::TokenTree::Punct(punct) => punct.as_char() == ':',
            proc_macro2::TokenTree::Ident(ident) => ident == "core",
            _ => false,
        };
        if !path {
            out.push(tree);
        }
    }
    proc_macro2::TokenStream::from_iter(out)
}

/// The number of single-character insertions, deletions and substitutions
/// that turn `a` into `b` (Levenshtein).
pub fn edit_distance(a: &str, b: &str) -> usize {
    // Plain loops over `chars()`, no `collect`: a `Vec<char>` and a
    // `collect` are generics written out in this crate for this one use.
    let b_len = b.chars().count();
    let mut row: Vec<usize> = Vec::with_capacity(b_len + 1);
    for j in 0..b_len + 1 {
        row.push(j);
    }
    let mut next_i = 0usize;
    for ca in a.chars() {
        let i = next_i;
        next_i += 1;
        let mut diagonal = row[0];
        row[0] = i + 1;
        let mut next_j = 0usize;
        for cb in b.chars() {
            let j = next_j;
            next_j += 1;
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b_len]
}

/// The error for an attribute whose name is `name` misspelled (starting
/// with `real`, within `distance` edits: `realise`, `realize_fwd`; not
/// another derive's `resize`), at its name; `None` for any other
/// attribute. The callers read it as `name` where `name` itself is missing
/// (beside it, such an attribute may be another derive's): rustc reports
/// the unknown attribute too, at the same name (its suggestion may be
/// another helper, `realize_all`), and the wrapper's uses add nothing.
/// So is `name` written with a path (`#[lazy_core::realize_forward(..)]`,
/// as the derive itself may be named), which a helper attribute cannot
/// take: rustc's error there says only that the crate has no such item.
pub fn misspelled_attr(attr: &syn::Attribute, name: &str, distance: usize) -> Option<Error> {
    let what = match name {
        "realize_forward" => "`#[realize_forward(...)]` to list the traits to forward",
        "realize_all" => "`#[realize_all(skip)]` on a field to leave out of the walk",
        _ => "`#[realize]` on the field that realizes",
    };
    let path = attr.path();
    if path.segments.len() > 1 || path.leading_colon.is_some() {
        if path.segments.last()?.ident != name {
            return None;
        }
        let written = path.to_token_stream().to_string().replace(" ", "");
        return Some(Error::new_spanned(
            path,
            format!(
                "a derive's helper attribute is written without a path, not `#[{written}]`: write {what}"
            ),
        ));
    }
    let written = path.get_ident()?.to_string();
    let lowered = written.to_lowercase();
    if !lowered.starts_with("real") || edit_distance(&lowered, name) > distance {
        return None;
    }
    Some(Error::new_spanned(
        path,
        format!("`{written}` is not an attribute of lazy-core's derives: write {what}"),
    ))
}
