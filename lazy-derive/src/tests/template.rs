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

/// The string literals of `source` that are templates: those inside the
/// arguments of a `template::` call, and any other holding a hole (`#0`),
/// as a text chosen before the call. With the line each starts on.
fn template_texts(source: &str) -> Vec<(usize, String)> {
    let bytes = source.as_bytes();
    let mut texts = Vec::new();
    // The parenthesis depths at which a `template::` call's arguments end.
    let mut calls: Vec<usize> = Vec::new();
    let mut depth = 0;
    let mut at = 0;
    while at < bytes.len() {
        let rest = &source[at..];
        if rest.starts_with("//") {
            at += rest.find('\n').unwrap_or(rest.len());
        } else if rest.starts_with("r#\"") {
            at += rest.find("\"#").unwrap() + 2;
        } else if rest.starts_with("template::") {
            let open = rest.find('(').unwrap();
            let name = &rest["template::".len()..open];
            if name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                calls.push(depth);
            }
            at += "template::".len();
        } else if bytes[at] == b'\'' {
            // A character (`'"'`, `'\''`) or a lifetime.
            at += match (bytes.get(at + 1), bytes.get(at + 2)) {
                (Some(b'\\'), _) => rest[2..].find('\'').unwrap() + 3,
                (_, Some(b'\'')) => 3,
                _ => 1,
            };
        } else if bytes[at] == b'"' {
            let line = source[..at].matches('\n').count() + 1;
            let mut text = String::new();
            at += 1;
            while bytes[at] != b'"' {
                if bytes[at] == b'\\' {
                    at += 1;
                }
                text.push(char::from(bytes[at]));
                at += 1;
            }
            at += 1;
            let hole = (0..10).any(|digit| text.contains(&format!("#{digit}")));
            if !calls.is_empty() || hole {
                texts.push((line, text));
            }
        } else {
            match bytes[at] {
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if calls.last() == Some(&depth) {
                        calls.pop();
                    }
                }
                _ => {}
            }
            at += 1;
        }
    }
    texts
}

#[test]
fn every_template_text_of_the_sources_lexes() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let holes: Vec<TokenStream> = (0..16).map(|_| TokenStream::new()).collect();
    let holes: Vec<&dyn quote::ToTokens> = holes.iter().map(|hole| hole as _).collect();
    let mut read = 0;
    let mut failed = Vec::new();
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|ext| ext != "rs") {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        for (line, text) in template_texts(&source) {
            read += 1;
            let lex = std::panic::AssertUnwindSafe(|| template::tokens(&text, &holes));
            if std::panic::catch_unwind(lex).is_err() {
                failed.push(format!("{}:{line}: {text:?}", path.display()));
            }
        }
    }
    assert!(read > 300, "the scan found only {read} template texts");
    assert!(
        failed.is_empty(),
        "texts that do not lex:\n{}",
        failed.join("\n")
    );
}
