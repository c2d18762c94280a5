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

/// The traits' names under the chain's aliases, from the derive's imports
/// `use path::Name as __lazy_trait_k_Wrapper;` (its imports of the fallback,
/// `__not_forwardable`, aside): see `chain::scoped`.
pub fn aliases(tokens: &TokenStream) -> std::collections::HashMap<String, String> {
    let mut found = std::collections::HashMap::new();
    collect_aliases(tokens.clone(), &mut found);
    found
}

fn collect_aliases(tokens: TokenStream, found: &mut std::collections::HashMap<String, String>) {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    for (i, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Ident(ident) if ident == "as" => {
                if let (Some(TokenTree::Ident(name)), Some(TokenTree::Ident(alias))) = (
                    i.checked_sub(1).and_then(|j| trees.get(j)),
                    trees.get(i + 1),
                ) && alias.to_string().starts_with("__lazy_trait_")
                    && name != "__not_forwardable"
                {
                    found.insert(alias.to_string(), name.to_string());
                }
            }
            TokenTree::Group(group) => collect_aliases(group.stream(), found),
            _ => {}
        }
    }
}

/// `tokens` with each call of a link, `alias! { fast = [..] step = ..; .. }` at any
/// depth, replaced by `expand(name, payload)`, `name` being the trait's
/// name under `aliases` (or the alias itself, for a name it lacks).
pub fn replace_links(
    tokens: TokenStream,
    aliases: &std::collections::HashMap<String, String>,
    expand: &mut dyn FnMut(&str, TokenStream) -> TokenStream,
) -> TokenStream {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < trees.len() {
        if let (TokenTree::Ident(name), Some(TokenTree::Punct(bang)), Some(TokenTree::Group(body))) =
            (&trees[i], trees.get(i + 1), trees.get(i + 2))
            && bang.as_char() == '!'
            && matches!(body.stream().into_iter().next(), Some(TokenTree::Ident(s)) if s == "fast")
        {
            let name = name.to_string();
            let name = aliases.get(&name).cloned().unwrap_or(name);
            out.extend(expand(&name, body.stream()));
            i += 3;
            continue;
        }
        match &trees[i] {
            TokenTree::Group(group) => {
                let mut inner = proc_macro2::Group::new(
                    group.delimiter(),
                    replace_links(group.stream(), aliases, expand),
                );
                inner.set_span(group.span());
                out.push(TokenTree::Group(inner));
            }
            tree => out.push(tree.clone()),
        }
        i += 1;
    }
    out.into_iter().collect()
}

/// Every call of a link in `tokens`, at any depth: the trait's name (see
/// [`replace_links`]) and the payload.
pub fn links(
    tokens: &TokenStream,
    aliases: &std::collections::HashMap<String, String>,
) -> Vec<(String, TokenStream)> {
    let mut found = Vec::new();
    replace_links(tokens.clone(), aliases, &mut |name, payload| {
        found.push((name.to_string(), payload));
        TokenStream::new()
    });
    found
}
