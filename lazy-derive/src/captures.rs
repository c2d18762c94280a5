//! Precise captures in a trait method's return type.
//!
//! In a trait, `-> impl Trait + use<'a, T, Self>` must list `Self`; in an
//! impl, `Self` is an alias and cannot be listed (E0799). The forwarder
//! writes the list without `Self`, and `Self` there is no use of the wrapper
//! that forwarding would have to convert.

use proc_macro2::{Group, TokenStream, TokenTree};
use quote::ToTokens;
use syn::{ReturnType, TraitItemFn};

/// The method with `Self` taken out of every `use<..>` of its return type.
pub fn without_self(mut item: TraitItemFn) -> TraitItemFn {
    if let ReturnType::Type(_, ty) = &mut item.sig.output
        && let Ok(stripped) = syn::parse2(strip(ty.to_token_stream()))
    {
        **ty = stripped;
    }
    item
}

fn strip(tokens: TokenStream) -> TokenStream {
    let mut out: Vec<TokenTree> = Vec::new();
    // Inside `use< ... >`: drop `Self` and the comma after it.
    let mut in_captures = false;
    let mut skip_comma = false;
    for tree in tokens {
        match &tree {
            TokenTree::Group(group) => {
                let mut new = Group::new(group.delimiter(), strip(group.stream()));
                new.set_span(group.span());
                out.push(TokenTree::Group(new));
                continue;
            }
            TokenTree::Punct(p) if p.as_char() == '<' => {
                in_captures = matches!(out.last(), Some(TokenTree::Ident(i)) if i == "use");
            }
            TokenTree::Punct(p) if p.as_char() == '>' && in_captures => {
                in_captures = false;
                // `use<'a, Self>`: the comma before `Self` is left dangling.
                if matches!(out.last(), Some(TokenTree::Punct(c)) if c.as_char() == ',') {
                    out.pop();
                }
            }
            TokenTree::Ident(ident) if in_captures && ident == "Self" => {
                skip_comma = true;
                continue;
            }
            TokenTree::Punct(p) if skip_comma && p.as_char() == ',' => {
                skip_comma = false;
                continue;
            }
            _ => {}
        }
        skip_comma = false;
        out.push(tree);
    }
    out.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::strip;

    #[test]
    fn self_is_taken_out_of_precise_captures_only() {
        for (input, expected) in [
            ("impl Sized + use<'_, Self>", "impl Sized + use<'_>"),
            ("impl Sized + use<Self, 'a, T>", "impl Sized + use<'a, T>"),
            ("impl Sized + use<Self>", "impl Sized + use<>"),
            ("Box<Self>", "Box<Self>"),
            (
                "(impl Sized + use<Self, T>, Vec<Self>)",
                "(impl Sized + use<T>, Vec<Self>)",
            ),
        ] {
            let got = strip(input.parse().unwrap()).to_string().replace(' ', "");
            assert_eq!(got, expected.replace(' ', ""), "{input}");
        }
    }
}
