//! Code the macros write, from a fixed text with holes.
//!
//! `quote!` turns each token of its template into a statement of this crate
//! (`push_ident(&mut _s, "impl")`, a block per group), which cargo compiles
//! without optimizations into every build of lazy-derive: the macro's
//! ~6,000 template tokens were about a fifth of its cold build (9.51 G
//! rustc instructions with them, 7.52 G with every `quote!` emptied,
//! `BENCHMARKS.md`). Here a template is a string read at expansion time,
//! one call a template. The tokens it gives are those `quote!` gives for
//! the same text: the same spacing (multi-character operators joint, as
//! `quote!` writes them), spans (`Span::call_site()`, or the one given),
//! and each hole `#0`, `#1`, .. holds the tokens of that argument, as
//! `#name` does in `quote!`. The texts are this crate's own: the tests
//! compare sample texts with `quote!`'s output token by token (the crate's
//! own texts were compared once, over the expansions of every unit and
//! property test and a corpus of the repository's traits, when they
//! replaced `quote!`), and read every template text of the crate's sources
//! to check that it lexes.
//!
//! The lexer reads what the templates hold: identifiers (`r#raw` too),
//! lifetimes, punctuation, groups, integers and decimals (`0`, `1u8`,
//! `0.5`, `x.0.1`), strings and characters with escapes. Not raw, byte or C
//! strings (`r"…"`, `b"…"`, `c"…"`), exponents (`1e-5`), comments or
//! non-ASCII text: a template that needs one passes it as an argument.
//! `#10` is hole 10, never hole 1 then `0`. A template that opens or closes
//! a group wrongly panics; the tests read every text in the sources.

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::ToTokens;

/// The tokens of `text` at `Span::call_site()`, `#N` standing for the
/// tokens of `args[N]`: `tokens("impl #0 for #1 {}", &[&path, &ty])` is
/// `quote!(impl #path for #ty {})`.
pub fn tokens(text: &str, args: &[&dyn ToTokens]) -> TokenStream {
    let mut out = TokenStream::new();
    write(&mut out, Span::call_site(), text, args);
    out
}

/// [`tokens`] with `span` on every token of the text (the arguments keep
/// theirs), as `quote_spanned!(span=> ..)`.
pub fn spanned(span: Span, text: &str, args: &[&dyn ToTokens]) -> TokenStream {
    let mut out = TokenStream::new();
    write(&mut out, span, text, args);
    out
}

/// [`tokens`] written at the end of `out` rather than into a new stream:
/// a stream put into another costs calls into the compiler, trees do not.
pub fn append(out: &mut TokenStream, text: &str, args: &[&dyn ToTokens]) {
    write(out, Span::call_site(), text, args);
}

/// [`spanned`] written at the end of `out`, as [`append`].
pub fn append_at(out: &mut TokenStream, span: Span, text: &str, args: &[&dyn ToTokens]) {
    write(out, span, text, args);
}

/// `quote!`'s repetition `#(..)*`, as an argument: `text` written for each
/// item, its hole `#0` holding the item (`each(&bounds, "#0,")` is
/// `#(#bounds,)*`).
pub fn each<'a, T>(items: &'a [T], text: &'a str) -> Repeat<'a, T> {
    Repeat {
        items,
        text,
        between: false,
        span: Span::call_site(),
    }
}

/// `quote!`'s `#(#items),*`, as an argument: the items with the text `sep`
/// between two (`joined(&args, ",")`; `""` for none).
pub fn joined<'a, T>(items: &'a [T], sep: &'a str) -> Repeat<'a, T> {
    Repeat {
        items,
        text: sep,
        between: true,
        span: Span::call_site(),
    }
}

/// The items of [`each`] or [`joined`], written where it is a hole.
pub struct Repeat<'a, T> {
    items: &'a [T],
    text: &'a str,
    between: bool,
    span: Span,
}

impl<T> Repeat<'_, T> {
    /// The text's tokens at `span`, as in `quote_spanned!`.
    pub fn at(mut self, span: Span) -> Self {
        self.span = span;
        self
    }
}

impl<T: ToTokens> ToTokens for Repeat<'_, T> {
    fn to_tokens(&self, out: &mut TokenStream) {
        if !self.between {
            for item in self.items {
                write(out, self.span, self.text, &[item]);
            }
            return;
        }
        if let Some((first, rest)) = self.items.split_first() {
            first.to_tokens(out);
            for item in rest {
                write(out, self.span, self.text, &[]);
                item.to_tokens(out);
            }
        }
    }
}

/// Appends the tokens of `text` to `out`: the tokens stay in this crate
/// until the caller's stream goes to the compiler, as `quote!`'s do.
///
/// Written for a build without optimizations, where every call is paid:
/// bytes by index and [`peek`], byte ranges as patterns.
fn write(out: &mut TokenStream, span: Span, text: &str, args: &[&dyn ToTokens]) {
    let bytes = text.as_bytes();
    // The groups being read, innermost last, each with the tokens of its
    // enclosing group so far.
    let mut open: Vec<(Delimiter, TokenStream)> = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        let start = at;
        at += 1;
        let tree = match byte {
            b' ' | b'\n' | b'\r' | b'\t' => continue,
            b'#' if peek(bytes, at).is_ascii_digit() => {
                let mut hole = 0;
                while let digit @ b'0'..=b'9' = peek(bytes, at) {
                    hole = hole * 10 + usize::from(digit - b'0');
                    at += 1;
                }
                match args.get(hole) {
                    Some(arg) => arg.to_tokens(out),
                    None => panic!("template hole #{hole} has no argument: {text}"),
                }
                continue;
            }
            b'(' | b'[' | b'{' => {
                open.push((delimiter(byte), std::mem::take(out)));
                continue;
            }
            b')' | b']' | b'}' => {
                let closes = delimiter(byte);
                let (delimiter, outer) = match open.pop() {
                    Some((open, outer)) if open == closes => (open, outer),
                    _ => panic!("template closes a group it did not open: {text}"),
                };
                let mut group = Group::new(delimiter, std::mem::replace(out, outer));
                group.set_span(span);
                TokenTree::Group(group)
            }
            // A lifetime (`'a`, `'_`, `'static`), not a character (`'a'`).
            b'\'' if is_word_start(peek(bytes, at)) && peek(bytes, at + 1) != b'\'' => {
                let mut apostrophe = Punct::new('\'', Spacing::Joint);
                apostrophe.set_span(span);
                out.extend(std::iter::once(TokenTree::Punct(apostrophe)));
                let end = word_end(bytes, at);
                let name = &text[at..end];
                at = end;
                TokenTree::Ident(Ident::new(name, span))
            }
            b'r' if peek(bytes, at) == b'#' && is_word_start(peek(bytes, at + 1)) => {
                let end = word_end(bytes, at + 1);
                let name = &text[at + 1..end];
                at = end;
                TokenTree::Ident(Ident::new_raw(name, span))
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                at = word_end(bytes, at);
                TokenTree::Ident(Ident::new(&text[start..at], span))
            }
            b'0'..=b'9' | b'"' | b'\'' => {
                at = literal_end(bytes, start);
                let mut literal = match text[start..at].parse::<Literal>() {
                    Ok(literal) => literal,
                    Err(_) => panic!("template literal does not lex: {text}"),
                };
                literal.set_span(span);
                TokenTree::Literal(literal)
            }
            _ => {
                let len = operator_len(byte, peek(bytes, at), peek(bytes, at + 1));
                for &joint in &bytes[start..start + len - 1] {
                    let mut punct = Punct::new(char::from(joint), Spacing::Joint);
                    punct.set_span(span);
                    out.extend(std::iter::once(TokenTree::Punct(punct)));
                }
                at = start + len;
                let mut punct = Punct::new(char::from(bytes[at - 1]), Spacing::Alone);
                punct.set_span(span);
                TokenTree::Punct(punct)
            }
        };
        out.extend(std::iter::once(tree));
    }
    if !open.is_empty() {
        panic!("template leaves a group open: {text}");
    }
}

/// The group a bracket opens or closes.
fn delimiter(bracket: u8) -> Delimiter {
    match bracket {
        b'(' | b')' => Delimiter::Parenthesis,
        b'[' | b']' => Delimiter::Bracket,
        _ => Delimiter::Brace,
    }
}

/// The byte at `at`, or 0 past the end (no template holds a 0).
fn peek(bytes: &[u8], at: usize) -> u8 {
    if at < bytes.len() { bytes[at] } else { 0 }
}

fn is_word_start(byte: u8) -> bool {
    matches!(byte, b'a'..=b'z' | b'A'..=b'Z' | b'_')
}

fn word_end(bytes: &[u8], mut at: usize) -> usize {
    while let b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' = peek(bytes, at) {
        at += 1;
    }
    at
}

/// The end of the literal starting at `start`: a number (`0`, `1u8`, `0.5`),
/// a string or a character, escapes included.
fn literal_end(bytes: &[u8], start: usize) -> usize {
    let quote = bytes[start];
    if quote.is_ascii_digit() {
        let mut at = word_end(bytes, start);
        if peek(bytes, at) == b'.' && peek(bytes, at + 1).is_ascii_digit() {
            at = word_end(bytes, at + 1);
        }
        return at;
    }
    let mut at = start + 1;
    while at < bytes.len() {
        let byte = bytes[at];
        at += if byte == b'\\' { 2 } else { 1 };
        if byte == quote {
            break;
        }
    }
    at
}

/// How many of the punctuation characters `first`, `second`, `third` make
/// one operator, as rustc's lexer glues them (`::`, `->`, `..=`): all but
/// the last are joint, as in `quote!`'s output.
fn operator_len(first: u8, second: u8, third: u8) -> usize {
    match (first, second, third) {
        (b'.', b'.', b'.' | b'=') | (b'<', b'<', b'=') | (b'>', b'>', b'=') => 3,
        (b':', b':', _)
        | (b'-', b'>' | b'=', _)
        | (b'=', b'>' | b'=', _)
        | (b'<', b'<' | b'=' | b'-', _)
        | (b'>', b'>' | b'=', _)
        | (b'&', b'&' | b'=', _)
        | (b'|', b'|' | b'=', _)
        | (b'.', b'.', _)
        | (b'!' | b'+' | b'*' | b'/' | b'%' | b'^', b'=', _) => 2,
        _ => 1,
    }
}
