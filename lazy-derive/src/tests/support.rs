//! Shared by the unit tests that drive the expansion chain by hand.

use proc_macro2::{TokenStream, TokenTree};

/// The tokens that a trait's hidden macro hands to `__forward_impl!` before
/// `derive { ... }`: `trait { ... }` and, for a mirror, `remote { ... }`.
/// With `#[cfg]`'d items there is one macro per combination of cfgs: this is
/// the last one, where every predicate holds.
pub fn carried(tokens: TokenStream) -> Option<TokenStream> {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    for (i, tree) in trees.iter().enumerate().rev() {
        if let TokenTree::Ident(ident) = tree
            && ident == "__forward_impl"
            && let Some(TokenTree::Group(body)) = trees.get(i + 2)
        {
            return Some(
                body.stream()
                    .into_iter()
                    .take_while(|t| !matches!(t, TokenTree::Ident(i) if i == "derive"))
                    .collect(),
            );
        }
        if let TokenTree::Group(group) = tree
            && let Some(found) = carried(group.stream())
        {
            return Some(found);
        }
    }
    None
}
