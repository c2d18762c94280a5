//! `template::tokens` and `template::spanned` give what `quote!` and
//! `quote_spanned!` give for the same text: every token's kind, text,
//! spacing, delimiter and span.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{format_ident, quote, quote_spanned};

use crate::template;

/// Each token as a line: its kind, text, spacing and where it points.
fn describe(tokens: TokenStream) -> Vec<String> {
    let mut lines = Vec::new();
    for tree in tokens {
        let at = format!("{:?}", tree.span().start());
        match tree {
            TokenTree::Group(group) => {
                lines.push(format!("group {:?} at {at}", group.delimiter()));
                lines.extend(
                    describe(group.stream())
                        .into_iter()
                        .map(|l| format!("  {l}")),
                );
                lines.push("end".to_owned());
            }
            TokenTree::Ident(ident) => lines.push(format!("ident {ident} at {at}")),
            TokenTree::Punct(punct) => {
                lines.push(format!(
                    "punct {} {:?} at {at}",
                    punct.as_char(),
                    punct.spacing()
                ));
            }
            TokenTree::Literal(literal) => lines.push(format!("literal {literal} at {at}")),
        }
    }
    lines
}

#[test]
fn gives_what_quote_gives() {
    let path: syn::Path = syn::parse_quote!(::lazy_core::Realize);
    let ty: syn::Type = syn::parse_quote!(Vec<&'static str>);
    let name = format_ident!("python_type");
    let none: Option<syn::Ident> = None;
    let cases = [
        (
            quote! {
                #[automatically_derived]
                impl #path for #ty where Self: ::core::marker::Sized {
                    #[inline]
                    fn #name<'a, '_, T: 'static>(&'a self, x: &mut u8) -> Option<#ty> #none {
                        let y = <#ty as ::core::clone::Clone>::clone(self);
                        *x += 1; *x -= 2; *x *= 3; *x /= 4; *x %= 5; *x ^= 6; *x &= 7; *x |= 8;
                        *x <<= 1; *x >>= 1; let _ = (0..3, 0..=3, x.0.1, 1.5, 2u8, 'c', '\'', "s\"t");
                        if a == b && c != d || e <= f && g >= h { return r#type::<T>; }
                        match y { Some(_) => {} _ => [1, 2][0], }
                        macro_rules! m { ($ x : tt) => { $ x } }
                        #path::#name(&y)?; !x; ~x; @x; a<<b>>c; Vec<<T as X>::Y>
                    }
                }
            },
            template::tokens(
                r#"
                #[automatically_derived]
                impl #0 for #1 where Self: ::core::marker::Sized {
                    #[inline]
                    fn #2<'a, '_, T: 'static>(&'a self, x: &mut u8) -> Option<#1> #3 {
                        let y = <#1 as ::core::clone::Clone>::clone(self);
                        *x += 1; *x -= 2; *x *= 3; *x /= 4; *x %= 5; *x ^= 6; *x &= 7; *x |= 8;
                        *x <<= 1; *x >>= 1; let _ = (0..3, 0..=3, x.0.1, 1.5, 2u8, 'c', '\'', "s\"t");
                        if a == b && c != d || e <= f && g >= h { return r#type::<T>; }
                        match y { Some(_) => {} _ => [1, 2][0], }
                        macro_rules! m { ($ x : tt) => { $ x } }
                        #0::#2(&y)?; !x; ~x; @x; a<<b>>c; Vec<<T as X>::Y>
                    }
                }
                "#,
                &[&path, &ty, &name, &none],
            ),
        ),
        (quote!(), template::tokens("", &[])),
        (quote!(#name), template::tokens("#0", &[&name])),
    ];
    for (quoted, written) in cases {
        assert_eq!(describe(written), describe(quoted));
    }
}

#[test]
fn spanned_gives_what_quote_spanned_gives() {
    let name = syn::Ident::new("value", Span::call_site());
    let site: TokenStream = "\n\n   here".parse().unwrap();
    let span = site.into_iter().next().unwrap().span();
    let quoted = quote_spanned! {span=> fn #name(&'a self) -> [u8; 2] { (1, "x", 'y').0 } };
    let written = template::spanned(
        span,
        r#"fn #0(&'a self) -> [u8; 2] { (1, "x", 'y').0 }"#,
        &[&name],
    );
    let lines = describe(written);
    assert_eq!(lines, describe(quoted));
    assert!(lines[0].contains("line: 3"), "{lines:?}");
}

#[test]
fn repetitions_give_what_quote_gives() {
    let items = [format_ident!("a"), format_ident!("b"), format_ident!("c")];
    let none: [syn::Ident; 0] = [];
    let site: TokenStream = "\n  here".parse().unwrap();
    let span = site.into_iter().next().unwrap().span();
    let cases = [
        (
            quote!(<#(#items),*>),
            template::tokens("<#0>", &[&template::joined(&items, ",")]),
        ),
        (
            quote!(#(#items)::*),
            template::tokens("#0", &[&template::joined(&items, "::")]),
        ),
        (
            quote!(where #(#items: Sized,)* Self: Sized),
            template::tokens(
                "where #0 Self: Sized",
                &[&template::each(&items, "#0: Sized,")],
            ),
        ),
        (
            quote!(<#(#none),*> #(#none,)*),
            template::tokens(
                "<#0> #1",
                &[&template::joined(&none, ","), &template::each(&none, "#0,")],
            ),
        ),
        (
            quote_spanned!(span=> dyn A #(+ #items)* + 'a),
            template::spanned(
                span,
                "dyn A #0 + 'a",
                &[&template::each(&items, "+ #0").at(span)],
            ),
        ),
        (quote!(... <- a..b), template::tokens("... <- a..b", &[])),
    ];
    for (quoted, written) in cases {
        assert_eq!(describe(written), describe(quoted));
    }
}

#[test]
#[should_panic(expected = "template closes a group it did not open")]
fn a_group_closed_by_another_delimiter_is_refused() {
    let _ = template::tokens("(a]", &[]);
}

#[test]
#[should_panic(expected = "template leaves a group open")]
fn a_group_left_open_is_refused() {
    let _ = template::tokens("{ a", &[]);
}
