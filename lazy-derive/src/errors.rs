//! The one error collector of the crate: every stage pushes what it finds,
//! and all of it is reported together; and the distance behind its "did you
//! mean" suggestions.

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

/// `err` as `::core::compile_error! { .. }` invocations, one a message, that
/// an edition 2015 crate reads too. syn spans the path `::core` at the
/// mistake, whose edition is the user's: in 2015 that path starts at the
/// crate's root, where no `core` is, and rustc's "cannot find `core`"
/// replaced every message. Here the path's `::` and `core` resolve as the
/// macro's own tokens (mixed site, this crate's edition) where they stand.
pub fn compile_error(err: Error) -> proc_macro2::TokenStream {
    let mut out = proc_macro2::TokenStream::new();
    for mut tree in err.into_compile_error() {
        let ours = match &tree {
            proc_macro2::TokenTree::Punct(punct) => punct.as_char() == ':',
            proc_macro2::TokenTree::Ident(ident) => ident == "core",
            _ => false,
        };
        if ours {
            tree.set_span(proc_macro2::Span::mixed_site().located_at(tree.span()));
        }
        out.extend([tree]);
    }
    out
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
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.chars().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b_len]
}
