//! Token-level helpers: re-spanning, renaming generic parameters, and the few
//! questions about a type that are easiest to answer on its tokens.

use proc_macro2::{Delimiter, Group, Ident, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::ext::IdentExt;

use crate::punct;
use crate::template;

/// Tokens of a long fixed text the macros write (a hidden macro's
/// matcher), parsed by the compiler in one call, with its own lexer, where
/// a template (`template::tokens`) is read by lazy-derive's own, built
/// without optimizations, token by token. The call costs about 15,000
/// instructions, so it pays for a long text only. Measured when the macro
/// wrote its tokens with `quote!` (`run.sh`'s callgrind counts; not
/// measured again against templates): the chain rule's (about 130 tokens)
/// cost 0.18 M fewer for each `#[forwardable]` trait, where the derive's
/// short pieces (imports, the heads of the `Realize` impls) cost 0.04 M
/// more a derive; proc_macro2's own parse, which checks the text with its
/// lexer first, cost more than `quote!`: the compiler's `proc_macro` is
/// called directly when it is there; outside a compiler (lazy-derive's
/// unit tests) proc_macro2 parses the text. Spans are `Span::call_site()`,
/// as a template's. The text is this crate's own and always lexes: the
/// snapshot tests write every rule that holds one.
pub fn fixed(text: &str) -> TokenStream {
    if proc_macro::is_available()
        && let Ok(parsed) = text.parse::<proc_macro::TokenStream>()
    {
        return parsed.into();
    }
    text.parse().unwrap_or_default()
}

/// A `$`, for the hidden macros' rules built tree by tree (a template
/// writes its own `$`): `quote!` had no token for it and parsed the text
/// `"$"`, a call into the compiler per `$` (about 9,000 instructions; a
/// rule holds dozens).
pub fn dollar() -> Punct {
    Punct::new('$', Spacing::Alone)
}

/// Gives every token the location of `span`, keeping its own hygiene and
/// edition.
///
/// Types from a trait's signatures resolve where the derive is written; moving
/// them onto the user's trait path makes an unresolved name point there, where
/// rustc's import suggestion is useful. The hygiene stays the token's own, so
/// that a trait written in edition 2021 keeps meaning what it meant there
/// (`gen` stays an identifier in an edition-2024 crate).
pub fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    let mut out = Vec::new();
    for tree in tokens {
        out.push(match tree {
            TokenTree::Group(group) => {
                let mut new = Group::new(group.delimiter(), respan(group.stream(), span));
                new.set_span(group.span().located_at(span));
                TokenTree::Group(new)
            }
            mut other => {
                other.set_span(other.span().located_at(span));
                other
            }
        });
    }
    TokenStream::from_iter(out)
}

/// Gives every token exactly `span` (location and hygiene), but two whose
/// hygiene says what a path means, which are only moved to `span`'s place:
/// `$crate`, which names a crate (a derive written by another crate's
/// `macro_rules!`, `#[realize_forward($crate::Trait)]`), and `::`, whose
/// edition says where a path that begins with it starts (edition 2015: the
/// crate's root; later: the extern crates).
pub fn respan_as(tokens: TokenStream, span: Span) -> TokenStream {
    let mut out = Vec::new();
    for mut tree in tokens {
        if let TokenTree::Group(group) = tree {
            tree = TokenTree::Group(Group::new(
                group.delimiter(),
                respan_as(group.stream(), span),
            ));
        }
        respan_leaf(&mut tree, span);
        out.push(tree);
    }
    TokenStream::from_iter(out)
}

/// One tree as [`respan_as`] moves it (its group's tokens aside).
fn respan_leaf(tree: &mut TokenTree, span: Span) {
    if keeps_hygiene(tree) {
        tree.set_span(tree.span().located_at(span));
    } else {
        tree.set_span(span);
    }
}

/// `::first::second::..`, as trees at `span`: put into a template, trees
/// are added to its stream, where a stream would cost calls into the
/// compiler.
pub fn absolute_path(out: &mut Vec<TokenTree>, segments: &[&str], span: Span) {
    for segment in segments {
        push_colon2(out, span);
        out.push(TokenTree::Ident(Ident::new(segment, span)));
    }
}

/// [`respan_as`] for a path, as trees: put into a template (`joined`),
/// trees are added to its stream, where a stream would cost calls into the
/// compiler and send its tokens again.
pub fn respan_path_as(path: &syn::Path, span: Span) -> Vec<TokenTree> {
    match plain_path_trees(path) {
        Some(mut trees) => {
            for tree in &mut trees {
                respan_leaf(tree, span);
            }
            trees
        }
        None => respan_as(path.to_token_stream(), span)
            .into_iter()
            .collect(),
    }
}

/// `$crate` or a `:` (of a `::`): tokens whose hygiene decides what a path
/// means, so that a path moved into a macro's hygiene must keep theirs.
fn keeps_hygiene(tree: &TokenTree) -> bool {
    match tree {
        TokenTree::Ident(ident) => ident == "$crate",
        TokenTree::Punct(punct) => punct.as_char() == ':',
        _ => false,
    }
}

/// `path` (a trait's, as written) resolved as a path of lazy-derive's
/// edition, at its own place: in an edition-2015 crate, the path of a `use`
/// would start at the crate's root, where the trait is seldom. `$crate` and
/// `::` keep their spans (see [`keeps_hygiene`]): a path from the root
/// (`::a::b`) means the same in a `use` as where it is written.
pub fn in_macro_edition(path: TokenStream) -> TokenStream {
    let mut out = Vec::new();
    for mut tree in path {
        set_macro_edition(&mut tree);
        out.push(tree);
    }
    TokenStream::from_iter(out)
}

/// One token of [`in_macro_edition`].
fn set_macro_edition(tree: &mut TokenTree) {
    if !keeps_hygiene(tree) {
        tree.set_span(in_macro_edition_at(tree.span()));
    }
}

/// `span`'s place in this expansion's context, for lazy-core's and core's
/// paths quoted at a token of the user's (the trait's path, a field's type):
/// so spanned, `::lazy_core` and `::core` are read in lazy-derive's edition,
/// where they name crates. At the user's own span, an edition-2015 crate
/// reads them from its root, which has them only by `extern crate`.
pub fn in_macro_edition_at(span: Span) -> Span {
    Span::call_site().located_at(span)
}

/// The span of `ty`'s first token, which is the span of `ty` that rustc's
/// messages show (stable rustc joins no spans), without writing `ty` into a
/// stream as `syn::spanned::Spanned` does (calls into the compiler, for the
/// derive's every `#[realize]` field).
pub fn first_span(ty: &syn::Type) -> Span {
    match ty {
        syn::Type::Path(path) => match (&path.qself, &path.path.leading_colon) {
            (Some(qself), _) => qself.lt_token.span,
            (None, Some(colon)) => colon.spans[0],
            (None, None) => match path.path.segments.first() {
                Some(segment) => segment.ident.span(),
                None => syn::spanned::Spanned::span(ty),
            },
        },
        syn::Type::Reference(reference) => reference.and_token.span,
        _ => syn::spanned::Spanned::span(ty),
    }
}

/// [`in_macro_edition`] for a path, as trees: put into a template
/// (`joined`), trees are added to its stream, where a stream would cost
/// calls into the compiler and send its tokens again.
pub fn in_macro_edition_path(path: &syn::Path) -> Vec<TokenTree> {
    match plain_path_trees(path) {
        Some(mut trees) => {
            for tree in &mut trees {
                set_macro_edition(tree);
            }
            trees
        }
        None => in_macro_edition(path.to_token_stream())
            .into_iter()
            .collect(),
    }
}

/// [`in_macro_edition_path`] of `path` without its last segment and the
/// `::` before it: the module of a trait's path, whose last segment (the
/// trait's name, without arguments as the derive reads it) is three trees.
pub fn in_macro_edition_path_prefix(path: &syn::Path) -> Vec<TokenTree> {
    let mut trees = match plain_path_trees(path) {
        Some(trees) => trees,
        None => path.to_token_stream().into_iter().collect(),
    };
    trees.truncate(trees.len().saturating_sub(3));
    for tree in &mut trees {
        set_macro_edition(tree);
    }
    trees
}

/// A path without generic arguments as syn prints it, as trees with their
/// own spans, written from the path itself (no stream to write and read
/// back); `None` for a path with arguments.
fn plain_path_trees(path: &syn::Path) -> Option<Vec<TokenTree>> {
    for segment in crate::punct::values(&path.segments) {
        if !segment.arguments.is_none() {
            return None;
        }
    }
    let mut out = Vec::with_capacity(3 * path.segments.len() + 2);
    let colons = |out: &mut Vec<TokenTree>, spans: [Span; 2]| {
        for (spacing, at) in &[(Spacing::Joint, spans[0]), (Spacing::Alone, spans[1])] {
            let mut colon = Punct::new(':', *spacing);
            colon.set_span(*at);
            out.push(TokenTree::Punct(colon));
        }
    };
    if let Some(leading) = &path.leading_colon {
        colons(&mut out, leading.spans);
    }
    for pair in path.segments.pairs() {
        out.push(TokenTree::Ident(pair.value().ident.clone()));
        if let Some(separator) = pair.punct() {
            colons(&mut out, separator.spans);
        }
    }
    Some(out)
}

/// `name` without the `r#` of a raw identifier: `r#U` and `U` are one name.
pub fn unraw_name(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}

/// A set of names (of generic parameters, lifetimes without the quote).
/// A raw name is kept as [`unraw_name`] gives it.
///
/// A plain list: it holds a handful of names, and one list type costs the
/// crate's build far less than a hash table per element type.
#[derive(Clone, Default)]
pub struct Names(Vec<String>);

impl Names {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn contains(&self, name: &str) -> bool {
        let name = unraw_name(name);
        for known in &self.0 {
            if known == name {
                return true;
            }
        }
        false
    }

    /// Adds `name`; false if it was there already.
    pub fn insert(&mut self, name: String) -> bool {
        if self.contains(&name) {
            return false;
        }
        self.0.push(unraw_name(&name).to_string());
        true
    }
}

/// Names with what stands for each (a list, like [`Names`]).
#[derive(Default)]
pub struct NameMap(Vec<(String, TokenStream)>);

impl NameMap {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, name: &str) -> Option<&TokenStream> {
        for (known, value) in &self.0 {
            if known == name {
                return Some(value);
            }
        }
        None
    }

    /// Sets what stands for `name`, replacing what stood for it before.
    pub fn insert(&mut self, name: String, value: TokenStream) {
        for (known, old) in &mut self.0 {
            if *known == name {
                *old = value;
                return;
            }
        }
        self.0.push((name, value));
    }
}

/// What a generic parameter of the trait turns into in the generated impl.
#[derive(Default)]
pub struct Substitution {
    /// Type and const parameters, by name.
    pub idents: NameMap,
    /// Lifetime parameters, by name without the quote.
    pub lifetimes: NameMap,
    /// Type parameters given an argument, with the bound that qualifies
    /// their shorthand projection (`T::Item` → `<Arg as Iterator>::Item`).
    pub qualified: NameMap,
}

impl Substitution {
    pub fn is_empty(&self) -> bool {
        self.idents.is_empty() && self.lifetimes.is_empty()
    }

    /// The names that the replacements write, a lifetime's without its
    /// quote, and those of the bounds that qualify projections: what a
    /// generic parameter of an item named alike would capture.
    pub fn written_names(&self) -> Names {
        let mut names = Names::default();
        for (_, value) in &self.idents.0 {
            insert_names(value.clone(), &mut names);
        }
        for (_, value) in &self.lifetimes.0 {
            insert_names(value.clone(), &mut names);
        }
        for (_, bound) in &self.qualified.0 {
            insert_names(bound.clone(), &mut names);
        }
        names
    }

    /// Replaces the parameters in `tokens`. An identifier right after `::` is
    /// a path segment, not a parameter, and stays.
    pub fn apply(&self, tokens: TokenStream) -> TokenStream {
        self.apply_in(tokens, true)
    }

    /// [`Substitution::apply`], qualifying shorthand projections only with
    /// `qualify`: not inside a qualifying bound, which could name its own
    /// parameter's projection (`where T: From<T::Target>`) and so recurse.
    fn apply_in(&self, tokens: TokenStream, qualify: bool) -> TokenStream {
        if self.is_empty() {
            return tokens;
        }
        let mut out = Vec::new();
        let mut prev_path_sep = false;
        let mut prev_quote = false;
        let mut prev_joint_colon = false;
        // The bound that qualifies the parameter just replaced (`T` of
        // `T::Item`).
        let mut prev_qualified: Option<&TokenStream> = None;
        // `<T>::Item` read so far, for `<Arg as Bound>::Item`: 1 after a `<`
        // that opens a qualified path (not after a name or `::`, where it
        // opens arguments), 2 after such a parameter, 3 after its `>`; and
        // the parameter's bound.
        let (mut qself, mut qself_bound): (u8, Option<&TokenStream>) = (0, None);
        let mut prev_opens_args = false;
        for tree in tokens {
            let (path_sep, quote, joint_colon) = match &tree {
                TokenTree::Punct(p) => (
                    p.as_char() == ':' && prev_joint_colon,
                    p.as_char() == '\'',
                    p.as_char() == ':' && p.spacing() == Spacing::Joint,
                ),
                _ => (false, false, false),
            };
            let mut qualified = None;
            let (stage, quote_before) = (qself, prev_quote);
            qself = match &tree {
                TokenTree::Punct(p) if p.as_char() == '<' && !prev_opens_args && !prev_path_sep => {
                    1
                }
                TokenTree::Punct(p) if p.as_char() == '>' && stage == 2 => 3,
                _ => 0,
            };
            // A name opens arguments with `<`; a lifetime, `mut` and `const`
            // (`&'a <T>::Item`, `*mut <T>::Item`) do not.
            prev_opens_args = match &tree {
                TokenTree::Ident(ident) => !quote_before && ident != "mut" && ident != "const",
                _ => false,
            };
            match tree {
                // `<T>::Item`: the `>` pushed last becomes `as Bound>`.
                TokenTree::Punct(colon) if joint_colon && stage == 3 => {
                    if let Some(bound) = qself_bound {
                        out.pop();
                        let bound = self.apply_in(bound.clone(), false);
                        out.extend(template::tokens("as #0 >", &[&bound]));
                    }
                    out.push(TokenTree::Punct(colon));
                }
                // `T::Item`, with `T` given an argument: `<Arg as Bound>::Item`.
                TokenTree::Punct(colon) if joint_colon && prev_qualified.is_some() => {
                    let arg = out.pop();
                    let bound = match prev_qualified {
                        Some(bound) => Some(self.apply_in(bound.clone(), false)),
                        None => None,
                    };
                    out.extend(template::tokens("< #0 as #1 >", &[&arg, &bound]));
                    out.push(TokenTree::Punct(colon));
                }
                TokenTree::Group(group) => {
                    let mut new =
                        Group::new(group.delimiter(), self.apply_in(group.stream(), qualify));
                    new.set_span(group.span());
                    out.push(TokenTree::Group(new));
                }
                TokenTree::Ident(ident) if prev_quote => {
                    match self.lifetimes.get(&ident.to_string()) {
                        Some(replacement) => {
                            // Drop the quote that was pushed before the name.
                            out.pop();
                            out.extend(replacement.clone());
                        }
                        None => out.push(TokenTree::Ident(ident)),
                    }
                }
                TokenTree::Ident(ident) if !prev_path_sep => {
                    let name = ident.to_string();
                    qualified = match qualify {
                        true => self.qualified.get(&name),
                        false => None,
                    };
                    match self.idents.get(&name) {
                        Some(replacement) => {
                            let mut trees = replacement.clone().into_iter();
                            match (trees.next(), trees.next()) {
                                // A renamed parameter stays a bare identifier.
                                (Some(TokenTree::Ident(single)), None) => {
                                    out.push(TokenTree::Ident(single));
                                }
                                // A type or const argument keeps its grouping.
                                _ => out.push(TokenTree::Group(Group::new(
                                    Delimiter::None,
                                    replacement.clone(),
                                ))),
                            }
                        }
                        None => out.push(TokenTree::Ident(ident)),
                    }
                }
                other => out.push(other),
            }
            if stage == 1 && qualified.is_some() {
                (qself, qself_bound) = (2, qualified);
            }
            prev_path_sep = path_sep;
            prev_quote = quote;
            prev_joint_colon = joint_colon;
            prev_qualified = qualified;
        }
        TokenStream::from_iter(out)
    }
}

/// `streams` joined, the one way the crate joins streams: their trees
/// appended to a stream that proc-macro2 hands to the compiler once, when
/// it is used. `TokenStream::from_iter` of streams is a copy of
/// proc-macro2's flattening code in the crate's build (about 25 M
/// instructions of its rustc); joining stream to stream
/// (`extend(once(..))`) copies the joined trees again at each join, in the
/// compiler: quadratic in an impl's items (4 M instructions for an enum's
/// impl of 100 methods).
pub fn concat(streams: Vec<TokenStream>) -> TokenStream {
    let mut out = TokenStream::new();
    for stream in streams {
        out.extend(stream);
    }
    out
}

/// Inserts every identifier of `tokens` (groups included; a lifetime's
/// without its quote) into `names`.
pub fn insert_names(tokens: TokenStream, names: &mut Names) {
    for tree in tokens {
        match tree {
            TokenTree::Ident(ident) => _ = names.insert(ident.to_string()),
            TokenTree::Group(group) => insert_names(group.stream(), names),
            TokenTree::Punct(_) | TokenTree::Literal(_) => {}
        }
    }
}

/// `tokens` without its first `count` trees. Through a `Vec`, as the
/// crate's streams are collected (`TokenStream::from_iter` of a `Vec`'s
/// trees; joined by [`concat()`]): each other iterator a stream is made from
/// or extended by (an array, a `Skip`, a `Cloned`) is a copy of
/// proc-macro2's code in the crate's build, 10 to 30 M instructions of its
/// rustc each.
pub fn without_first(tokens: TokenStream, count: usize) -> TokenStream {
    let mut trees: Vec<TokenTree> = tokens.into_iter().collect();
    trees.drain(0..count.min(trees.len()));
    TokenStream::from_iter(trees)
}

/// The lifetimes that the `for<..>` binders in `tokens` declare (`for<'a>
/// Fn(&'a u8)`, `for<'a> fn(&'a u8)`, `where for<'a> T: ..`), without their
/// quote, into `names` (a name as often as it is declared).
pub fn binder_lifetimes(tokens: TokenStream, names: &mut Vec<String>) {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    binder_lifetimes_in(&trees, names);
}

/// [`binder_lifetimes`] of trees already collected. A word is compared
/// with `for` only before a `<` (each comparison of an `Ident` with a
/// text writes the ident out as a `String`).
pub fn binder_lifetimes_in(trees: &[TokenTree], names: &mut Vec<String>) {
    // Inside a `for<..>`; a `'` there starts a lifetime.
    let (mut in_binder, mut quote) = (false, false);
    for at in 0..trees.len() {
        let tree = &trees[at];
        match tree {
            TokenTree::Ident(ident) if quote => names.push(ident.to_string()),
            TokenTree::Punct(punct) => {
                match punct.as_char() {
                    '<' if !in_binder && at > 0 => {
                        in_binder =
                            matches!(&trees[at - 1], TokenTree::Ident(word) if word == "for");
                    }
                    '>' => in_binder = false,
                    _ => {}
                }
                quote = in_binder && punct.as_char() == '\'';
                continue;
            }
            TokenTree::Group(group) => binder_lifetimes(group.stream(), names),
            TokenTree::Ident(_) | TokenTree::Literal(_) => {}
        }
        quote = false;
    }
}

/// Whether an identifier anywhere in `tokens` (groups included) is one that
/// `found` is looking for: the one token walker for such questions.
pub fn mentions(tokens: TokenStream, found: &dyn Fn(&proc_macro2::Ident) -> bool) -> bool {
    for tree in tokens {
        let mentioned = match tree {
            TokenTree::Ident(ident) => found(&ident),
            TokenTree::Group(group) => mentions(group.stream(), found),
            TokenTree::Punct(_) | TokenTree::Literal(_) => false,
        };
        if mentioned {
            return true;
        }
    }
    false
}

/// Whether `tokens` name `name` where a generic parameter of that name
/// would shadow it: a lifetime `'name` (with `lifetime`), else the word
/// `name` other than after `::`, `.` or `'` (`m::E`, `x.E` and `'E` are
/// other things than a type `E`).
pub fn names_unqualified(tokens: TokenStream, name: &str, lifetime: bool) -> bool {
    let mut before: [Option<TokenTree>; 2] = [None, None];
    for tree in tokens {
        let found = match &tree {
            TokenTree::Group(group) => names_unqualified(group.stream(), name, lifetime),
            TokenTree::Ident(ident) if ident.unraw() == name => {
                let quoted = matches!(&before[1], Some(TokenTree::Punct(p)) if p.as_char() == '\'');
                let qualified = match &before {
                    [Some(first), Some(second)] => is_path_sep(first, second),
                    _ => false,
                } || matches!(&before[1], Some(TokenTree::Punct(p)) if p.as_char() == '.');
                if lifetime {
                    quoted
                } else {
                    !quoted && !qualified
                }
            }
            _ => false,
        };
        if found {
            return true;
        }
        before = [before[1].take(), Some(tree)];
    }
    false
}

/// Whether `tokens` name `Self` itself, other than as the start of a path
/// (`Self::Item`) or of a qualified path (`<Self as Trait>::Item`).
pub fn mentions_bare_self(tokens: TokenStream) -> bool {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    for i in 0..trees.len() {
        let tree = &trees[i];
        match tree {
            TokenTree::Group(group) if mentions_bare_self(group.stream()) => return true,
            TokenTree::Ident(ident) if ident == "Self" => {
                let punct_at = |at: usize, c: char| matches!(trees.get(at), Some(TokenTree::Punct(p)) if p.as_char() == c);
                let projected = match trees.get(i + 1) {
                    // `<Self>::Unit`: a qualified path's `<` (nothing names a
                    // type before it, as `Box<Self>: Debug` does), `>` then
                    // `::`.
                    Some(TokenTree::Punct(p)) if p.as_char() == '>' => {
                        let qualified = i < 2
                            || matches!(&trees[i - 2], TokenTree::Punct(q) if q.as_char() != ':');
                        let path_sep = matches!(
                            (trees.get(i + 2), trees.get(i + 3)),
                            (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b)))
                                if a.as_char() == ':' && a.spacing() == Spacing::Joint && b.as_char() == ':'
                        );
                        i >= 1 && punct_at(i - 1, '<') && qualified && path_sep
                    }
                    Some(TokenTree::Punct(p)) => p.as_char() == ':',
                    Some(TokenTree::Ident(next)) => next == "as",
                    _ => false,
                };
                if !projected {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// `tokens` made ready for the body of the hidden `macro_rules!`: a path's
/// leading `crate` becomes `$crate`, so that `crate::types::Tag` in a
/// signature names the trait's crate wherever the derive is written, another
/// crate included; an identifier that a later edition reserves (`gen`, in
/// 2024) is written raw (`r#gen`), the same name in every edition, since the
/// macro's body is read in lazy-derive's edition. A `$` of the tokens' own
/// cannot be carried there: its span is the error. One walk does all three;
/// the flag says whether it changed anything (then the fast rule's template,
/// written from the same trait, needs [`crate_to_dollar_crate`] too).
pub fn for_macro_body(tokens: TokenStream) -> Result<(TokenStream, bool), Span> {
    // Printing the tokens is one call into the compiler; walking them is one
    // per token. Most traits have none of these words, and are passed on as
    // they are.
    let text = tokens.to_string();
    let reserved = has_word(&text, "gen");
    if !text.contains("crate") && !text.contains('$') && !reserved {
        return Ok((tokens, false));
    }
    let mut rewrote = false;
    let tokens = rewrite_for_macro_body(tokens, Some(&mut rewrote))?;
    Ok((tokens, rewrote || reserved))
}

/// `tokens` as text without spaces (`a::B<C>`), for messages and for
/// comparing paths. Through `&dyn` and with a `&str` pattern, as the other
/// `replace` calls of this crate: one compiled copy for every caller.
pub fn compact(tokens: &dyn ToTokens) -> String {
    tokens.to_token_stream().to_string().replace(" ", "")
}

/// `ident` is one of `words`, as `words.iter().any(|word| ident == word)`,
/// but one compiled copy for every caller, and one `to_string` of the
/// identifier (each `ident == word` is one; a derive asks whether its trait
/// is one of the `chain::PRELUDE_NAMES` twice: 0.09 M instructions).
pub fn is_one_of(ident: &Ident, words: &[&str]) -> bool {
    let text = ident.to_string();
    for word in words {
        if text == *word {
            return true;
        }
    }
    false
}

/// `ident` is one of `names`, as `names.iter().any(|name| ident == name)`,
/// but one compiled copy for every caller (each closure over an iterator is
/// code of its own in this crate's build).
pub fn is_named(ident: &Ident, names: &[String]) -> bool {
    let text = ident.to_string();
    for name in names {
        if text == *name {
            return true;
        }
    }
    false
}

/// The index of the first of `trees` that is `found`, as
/// `trees.iter().position(found)`, but one compiled copy for every caller.
pub fn position(trees: &[TokenTree], found: &dyn Fn(&TokenTree) -> bool) -> Option<usize> {
    for i in 0..trees.len() {
        let tree = &trees[i];
        if found(tree) {
            return Some(i);
        }
    }
    None
}

/// `parts` with `sep` between them. A loop of our own: `[T]::join` is a
/// large generic written out again for each element type.
pub fn join<'a>(parts: impl IntoIterator<Item = &'a str>, sep: &str) -> String {
    let mut out = String::new();
    let mut next_i = 0usize;
    for part in parts.into_iter() {
        let i = next_i;
        next_i += 1;
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(part);
    }
    out
}

/// `word` stands alone in `text` (not inside a longer identifier).
fn has_word(text: &str, word: &str) -> bool {
    let is_ident = |c: Option<char>| matches!(c, Some(c) if c.is_alphanumeric() || c == '_');
    for (at, _) in text.match_indices(word) {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        if !is_ident(before) && !is_ident(after) {
            return true;
        }
    }
    false
}

/// The rewrites of [`for_macro_body`] (`crate` → `$crate`, reserved words
/// raw), for tokens that carry `$` metavariables of the macro's own.
pub fn crate_to_dollar_crate(tokens: TokenStream) -> TokenStream {
    // Without a flag to set, a `$` is kept, not refused.
    rewrite_for_macro_body(tokens, None).unwrap_or_default()
}

/// With `rewrote`, a `$` is refused and the flag says whether a `crate` was
/// rewritten; without it, a `$` is kept.
fn rewrite_for_macro_body(
    tokens: TokenStream,
    mut rewrote: Option<&mut bool>,
) -> Result<TokenStream, Span> {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = Vec::with_capacity(trees.len());
    for i in 0..trees.len() {
        let tree = &trees[i];
        match tree {
            TokenTree::Group(group) => {
                let mut new = Group::new(
                    group.delimiter(),
                    rewrite_for_macro_body(group.stream(), rewrote.as_deref_mut())?,
                );
                new.set_span(group.span());
                out.push(TokenTree::Group(new));
            }
            TokenTree::Punct(p) if p.as_char() == '$' && rewrote.is_some() => {
                return Err(p.span());
            }
            TokenTree::Ident(ident) if ident == "gen" => {
                out.push(TokenTree::Ident(Ident::new_raw("gen", ident.span())));
            }
            TokenTree::Ident(ident) if ident == "crate" => {
                // `crate::` starting a path, not after `::` (`a::crate` is
                // no path rustc accepts) and not after the one `:` of an
                // argument (`x: crate::T` starts a path).
                let path_start = match (trees.get(i + 1), trees.get(i + 2)) {
                    (Some(a), Some(b)) => is_path_sep(a, b),
                    _ => false,
                };
                let after_path_sep = i >= 2 && is_path_sep(&trees[i - 2], &trees[i - 1]);
                let after_dollar =
                    i >= 1 && matches!(&trees[i - 1], TokenTree::Punct(p) if p.as_char() == '$');
                if path_start && !after_path_sep && !after_dollar {
                    if let Some(rewrote) = rewrote.as_deref_mut() {
                        *rewrote = true;
                    }
                    let mut dollar = proc_macro2::Punct::new('$', Spacing::Alone);
                    dollar.set_span(ident.span());
                    out.push(TokenTree::Punct(dollar));
                }
                out.push(tree.clone());
            }
            other => out.push(other.clone()),
        }
    }
    Ok(TokenStream::from_iter(out))
}

/// An identifier.
pub fn word(text: &str, span: Span) -> TokenTree {
    TokenTree::Ident(Ident::new(text, span))
}

/// A punctuation token alone, as a template writes it.
pub fn punct(ch: char, span: Span) -> TokenTree {
    let mut punct = Punct::new(ch, Spacing::Alone);
    punct.set_span(span);
    TokenTree::Punct(punct)
}

/// `::`, as a template writes it.
pub fn colon2(span: Span) -> [TokenTree; 2] {
    let mut first = Punct::new(':', Spacing::Joint);
    first.set_span(span);
    let mut second = Punct::new(':', Spacing::Alone);
    second.set_span(span);
    [TokenTree::Punct(first), TokenTree::Punct(second)]
}

/// [`colon2`] pushed onto `out`, one tree at a time: a `Vec`'s `extend`
/// from an array is one more copy of std's code in the crate's build.
pub fn push_colon2(out: &mut Vec<TokenTree>, span: Span) {
    let [first, second] = colon2(span);
    out.push(first);
    out.push(second);
}

/// How a mirror's copied signatures name things of the remote trait's crate:
/// `remote = ::bytes::Buf` makes `crate::` mean `::bytes::`, `self::` the
/// remote path's module (`::bytes::`) and `super::` its parent, and the
/// mirror's own name the remote trait itself.
pub struct RemoteNames<'a> {
    /// The mirror's name (`Error` in `pub trait Error`).
    pub mirror: &'a Ident,
    /// The remote trait's path, as written in `remote = ...`.
    pub remote: &'a syn::Path,
}

impl RemoteNames<'_> {
    /// `tokens` (a signature, a bound) with `crate::`, `self::`, `super::`
    /// and the mirror's name rewritten. A path that the remote path cannot
    /// answer (`crate::` with `remote = Buf`) is an error at its first token.
    pub fn apply(&self, tokens: TokenStream) -> syn::Result<TokenStream> {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let mut out: Vec<TokenTree> = Vec::with_capacity(trees.len());
        let mut i = 0;
        while i < trees.len() {
            let tree = &trees[i];
            let after_path_sep = i >= 2 && is_path_sep(&trees[i - 2], &trees[i - 1]);
            let after = |c: char| {
                i >= 1 && matches!(&trees[i - 1], TokenTree::Punct(p) if p.as_char() == c)
            };
            let path_start = |at: usize| match (trees.get(at + 1), trees.get(at + 2)) {
                (Some(a), Some(b)) => is_path_sep(a, b),
                _ => false,
            };
            match tree {
                TokenTree::Group(group) => {
                    let mut new = Group::new(group.delimiter(), self.apply(group.stream())?);
                    new.set_span(group.span());
                    out.push(TokenTree::Group(new));
                    i += 1;
                }
                TokenTree::Ident(ident)
                    if (ident == "crate" || ident == "self" || ident == "super")
                        && path_start(i)
                        && !after_path_sep
                        && !after('$') =>
                {
                    // `super::super::` climbs once per `super`; `i` moves to
                    // the `::` after the last word, which is kept.
                    let mut climbs = 0;
                    let mut next = i + 1;
                    if ident == "super" {
                        let mut at = i;
                        while matches!(trees.get(at), Some(TokenTree::Ident(s)) if s == "super")
                            && path_start(at)
                        {
                            climbs += 1;
                            next = at + 1;
                            at += 3;
                        }
                    }
                    match self.prefix(ident, climbs)? {
                        Some(prefix) => out.extend(respan(prefix, ident.span())),
                        None => out.extend(trees[i..next].iter().cloned()),
                    }
                    i = next;
                }
                TokenTree::Ident(ident) if names_the_trait(&trees, i, self.mirror) => {
                    out.extend(respan(self.remote.to_token_stream(), ident.span()));
                    i += 1;
                }
                other => {
                    out.push(other.clone());
                    i += 1;
                }
            }
        }
        Ok(TokenStream::from_iter(out))
    }

    /// What stands for `crate`, `self` or `super` (`climbs` times): the
    /// remote path's crate or module, without the trailing `::`. `None`
    /// when the remote path is relative to this crate (`crate::a::Trait`,
    /// `self::Trait`): then the words mean what they say.
    fn prefix(&self, word: &Ident, climbs: usize) -> syn::Result<Option<TokenStream>> {
        let mut segments = Vec::new();
        for segment in &self.remote.segments {
            segments.push(&segment.ident);
        }
        if matches!(segments.first(), Some(first) if *first == "crate" || *first == "self" || *first == "super")
        {
            return Ok(None);
        }
        let module = &segments[..segments.len().saturating_sub(1)];
        let keep = if word == "crate" {
            1
        } else {
            module.len().saturating_sub(climbs)
        };
        if module.is_empty() || keep == 0 || keep > module.len() {
            let path = compact(&self.remote);
            return Err(syn::Error::new(
                word.span(),
                format!(
                    "in a mirror, `{word}::` means a module of the remote trait's crate, which `remote = {path}` does not name; write the remote trait's full path (`remote = ::bytes::Buf`), or write this path in full"
                ),
            ));
        }
        let leading = match self.remote.leading_colon {
            Some(_) => Some(template::tokens("::", &[])),
            None => None,
        };
        let kept = &module[..keep];
        Ok(Some(template::tokens(
            "#0 #1",
            &[&leading, &template::joined(kept, "::")],
        )))
    }
}

/// Whether `trees[i]` is the trait named `own` in a signature of its own
/// (`Option<&dyn Failure>` in `trait Failure`, `r#Failure` too): the name,
/// not after `::` (another item's `Self::Failure`, `m::Failure`), `.`, `'`
/// (a lifetime), `$`, or `fn`, `type`, `const`, `trait` (an item of that
/// name), nor before `!` (a macro call), a lone `=` (an associated type's binding,
/// `Failure = u8`) or, first in a group or after `,`, `(` or `<`, a lone
/// `:` (an argument's pattern, a parameter). A trait whose items declare a
/// parameter of its name is left alone as a whole (see
/// `trait_def::declares_own_name`).
fn names_the_trait(trees: &[TokenTree], i: usize, own: &Ident) -> bool {
    let TokenTree::Ident(ident) = &trees[i] else {
        return false;
    };
    let own = own.unraw().to_string();
    let text = ident.to_string();
    if text != own && text.strip_prefix("r#") != Some(own.as_str()) {
        return false;
    }
    let before = match i {
        0 => None,
        _ => Some(&trees[i - 1]),
    };
    let after_path_sep = i >= 2 && is_path_sep(&trees[i - 2], &trees[i - 1]);
    let after = match before {
        Some(TokenTree::Punct(p)) => matches!(p.as_char(), '.' | '\'' | '$'),
        Some(TokenTree::Ident(word)) => {
            word == "fn" || word == "type" || word == "const" || word == "trait"
        }
        _ => false,
    };
    let declared = match before {
        None => true,
        Some(TokenTree::Punct(p)) => matches!(p.as_char(), ',' | '(' | '<'),
        _ => false,
    };
    let before_next = match trees.get(i + 1) {
        Some(TokenTree::Punct(p)) => match p.as_char() {
            '!' => true,
            '=' => p.spacing() == Spacing::Alone,
            ':' => declared && p.spacing() == Spacing::Alone,
            _ => false,
        },
        _ => false,
    };
    !after_path_sep && !after && !before_next
}

/// Whether `tokens` name the trait `own` ([`names_the_trait`]) anywhere.
pub fn names_itself(tokens: &TokenStream, own: &Ident) -> bool {
    replaced_in(tokens, own, &|_| TokenStream::new()).is_some()
}

/// `tokens` (a trait's carried signatures) with each place where the trait
/// names itself ([`names_the_trait`]: `dyn Failure`, `impl Failure`, `T:
/// Failure`, `<T as Failure>`) replaced by `with(span of the name)`: the
/// path by which the derive names the trait, so that the forwarders' types
/// resolve where the derive is written, whatever that module imports.
pub fn own_name_replaced(
    tokens: TokenStream,
    own: &Ident,
    with: &dyn Fn(Span) -> TokenStream,
) -> TokenStream {
    match replaced_in(&tokens, own, with) {
        Some(changed) => changed,
        None => tokens,
    }
}

/// [`own_name_replaced`], `None` where nothing changed: a group with no
/// such name is kept as it is, not built again.
fn replaced_in(
    tokens: &TokenStream,
    own: &Ident,
    with: &dyn Fn(Span) -> TokenStream,
) -> Option<TokenStream> {
    let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let mut out: Option<Vec<TokenTree>> = None;
    for i in 0..trees.len() {
        let tree = &trees[i];
        let new: Option<Vec<TokenTree>> = match tree {
            TokenTree::Group(group) => match replaced_in(&group.stream(), own, with) {
                Some(inner) => {
                    let mut new = Group::new(group.delimiter(), inner);
                    new.set_span(group.span());
                    Some(vec![TokenTree::Group(new)])
                }
                None => None,
            },
            TokenTree::Ident(ident) if names_the_trait(&trees, i, own) => {
                Some(with(ident.span()).into_iter().collect())
            }
            _ => None,
        };
        match (new, &mut out) {
            (Some(new), Some(out)) => out.extend(new),
            (Some(new), None) => {
                let mut started = trees[..i].to_vec();
                started.extend(new);
                out = Some(started);
            }
            (None, Some(out)) => out.push(tree.clone()),
            (None, None) => {}
        }
    }
    match out {
        Some(trees) => Some(TokenStream::from_iter(trees)),
        None => None,
    }
}

fn is_path_sep(first: &TokenTree, second: &TokenTree) -> bool {
    matches!(
        (first, second),
        (TokenTree::Punct(a), TokenTree::Punct(b))
            if a.as_char() == ':' && a.spacing() == Spacing::Joint && b.as_char() == ':'
    )
}

/// Tokens as a person writes them, for messages: `fn f(&self) -> &'static
/// str` rather than `fn f (& self) -> & 'static str`.
pub fn pretty(tokens: &TokenStream) -> String {
    let mut out = tokens.to_string();
    // The prelude's names that `#[forwardable]` writes as lazy-core's
    // re-exports (`::lazy_core::__private::String`), as the user wrote them.
    for (from, to) in &[
        (":: lazy_core :: __private :: ", ""),
        (" (", "("),
        ("( ", "("),
        (" )", ")"),
        (" ,", ","),
        ("& ", "&"),
        (" <", "<"),
        ("< ", "<"),
        (" >", ">"),
        (" :: ", "::"),
        (":: ", "::"),
        (" :", ":"),
        ("' ", "'"),
        (" ;", ";"),
        ("->::", "-> ::"),
    ] {
        out = out.replace(*from, to);
    }
    out
}

/// The lint levels among `attrs` that quiet a lint (`allow`, and `expect` as
/// an `allow`: a copy of what the item holds may not trip the lint the item
/// expects), to put on generated items that copy from the item.
pub fn lints(attrs: &[syn::Attribute]) -> TokenStream {
    let mut out = TokenStream::new();
    allowed_lints(attrs, &mut |lints| {
        template::append(&mut out, "#[allow(#0)]", &[lints]);
    });
    out
}

/// What each `allow(..)` and `expect(..)` among `attrs` lists, given to
/// `each` in turn (no list of them: one list type less in this crate's
/// build).
pub fn allowed_lints(attrs: &[syn::Attribute], each: &mut dyn FnMut(&TokenStream)) {
    for attr in attrs {
        match &attr.meta {
            syn::Meta::List(list)
                if list.path.is_ident("allow") || list.path.is_ident("expect") =>
            {
                each(&list.tokens);
            }
            _ => {}
        }
    }
}

/// Gives `'static` to each reference in `ty` written without a lifetime
/// (`&Lazy<Real>`), outside function types and `Fn(..)` bounds, where
/// elision is allowed; whether there was one. In a field that is rustc's
/// error (E0106, with its fix); the impls then name a type rustc can check,
/// instead of each repeating the mistake ("missing lifetime in associated
/// type").
pub fn fill_elided_references(ty: &mut syn::Type) -> bool {
    match ty {
        syn::Type::Reference(reference) => {
            let elided = reference.lifetime.is_none();
            if elided {
                let span = reference.and_token.span;
                reference.lifetime = Some(syn::Lifetime::new("'static", span));
            }
            fill_elided_references(&mut reference.elem) | elided
        }
        syn::Type::Paren(paren) => fill_elided_references(&mut paren.elem),
        syn::Type::Group(group) => fill_elided_references(&mut group.elem),
        syn::Type::Array(array) => fill_elided_references(&mut array.elem),
        syn::Type::Slice(slice) => fill_elided_references(&mut slice.elem),
        syn::Type::Tuple(tuple) => {
            let mut filled = false;
            for elem in punct::values_mut(&mut tuple.elems) {
                filled |= fill_elided_references(elem);
            }
            filled
        }
        syn::Type::Path(path) if path.qself.is_none() => {
            let mut filled = false;
            for segment in punct::values_mut(&mut path.path.segments) {
                if let syn::PathArguments::AngleBracketed(args) = &mut segment.arguments {
                    for arg in punct::values_mut(&mut args.args) {
                        if let syn::GenericArgument::Type(ty) = arg {
                            filled |= fill_elided_references(ty);
                        }
                    }
                }
            }
            filled
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::pretty;
    use super::{
        NameMap, Names, for_macro_body, in_macro_edition, in_macro_edition_path, join,
        names_unqualified, respan_as, respan_path_as,
    };
    use proc_macro2::{TokenStream, TokenTree};
    use quote::ToTokens;

    /// The tokens with their spacing, which `to_string` shows.
    fn spaced(trees: Vec<TokenTree>) -> String {
        trees.into_iter().collect::<TokenStream>().to_string()
    }

    /// A parameter `E` (or `'de`) of the impl shadows a type `E` (a lifetime
    /// `'de`) the wrapper names, not a path's later segment, a field, or
    /// the other kind.
    #[test]
    fn names_a_parameter_would_shadow() {
        let cases = [
            ("struct E(Lazy<Real>);", "E", false, true),
            ("struct W(Lazy<E>);", "E", false, true),
            ("struct W(Lazy<E::Inner>);", "E", false, true),
            ("struct W(Lazy<super::E>);", "E", false, false),
            ("struct W(Lazy<m::n::E>);", "E", false, false),
            ("struct W<'E>(&'E Real);", "E", false, false),
            ("struct W where F: for<'de> Fn(&'de str);", "de", true, true),
            ("struct W(Lazy<de>);", "de", true, false),
            ("struct W(Lazy<Real>);", "E", false, false),
            ("struct W(Lazy<r#E>);", "E", false, true),
        ];
        for (tokens, name, lifetime, expected) in cases {
            let parsed: TokenStream = tokens.parse().unwrap();
            assert_eq!(
                names_unqualified(parsed, name, lifetime),
                expected,
                "{name} in {tokens}"
            );
        }
    }

    #[test]
    fn a_path_as_trees_is_the_path_as_a_stream() {
        for path in [
            "C",
            "a::b::C",
            "::a::B",
            "$crate::a::B",
            "a::<T>::B",
            "r#type::C",
        ] {
            let parsed: syn::Path = syn::parse_str(&path.replace("$crate", "crate")).unwrap();
            assert_eq!(
                spaced(in_macro_edition_path(&parsed)),
                in_macro_edition(parsed.to_token_stream()).to_string(),
                "{path}"
            );
        }
    }

    #[test]
    fn a_path_respanned_as_trees_is_the_path_respanned() {
        let span = proc_macro2::Span::call_site();
        for path in ["C", "a::b::C", "::a::B", "a::<T>::B", "r#type::C"] {
            let parsed: syn::Path = syn::parse_str(path).unwrap();
            assert_eq!(
                spaced(respan_path_as(&parsed, span)),
                respan_as(parsed.to_token_stream(), span).to_string(),
                "{path}"
            );
        }
    }

    #[test]
    fn names_hold_each_name_once() {
        let mut names = Names::default();
        assert!(names.insert(String::from("T")));
        assert!(names.insert(String::from("a")));
        assert!(!names.insert(String::from("T")));
        assert!(names.contains("T") && names.contains("a"));
        assert!(!names.contains("U"));
    }

    #[test]
    fn a_name_map_insert_replaces() {
        let mut map = NameMap::default();
        assert!(map.is_empty());
        map.insert(String::from("T"), "u8".parse().unwrap());
        map.insert(String::from("U"), "u16".parse().unwrap());
        map.insert(String::from("T"), "u32".parse().unwrap());
        assert_eq!(map.get("T").unwrap().to_string(), "u32");
        assert_eq!(map.get("U").unwrap().to_string(), "u16");
        assert!(map.get("V").is_none());
    }

    #[test]
    fn join_puts_the_separator_between() {
        assert_eq!(join([], ", "), "");
        assert_eq!(join(["a"], ", "), "a");
        assert_eq!(join(["a", "b", "c"], "::"), "a::b::c");
    }

    /// The signatures that the `except` forwarders' notes print.
    #[test]
    fn signatures_print_as_written() {
        let sig = |source: &str| {
            let item: crate::syntax::TraitItemFn =
                syn::parse_str(source).expect("test input parses");
            pretty(&quote::ToTokens::to_token_stream(&item.sig))
        };
        assert_eq!(
            sig("fn python_type(&self) -> &'static str;"),
            "fn python_type(&self) -> &'static str"
        );
        assert_eq!(
            sig("fn set<'a, T: Clone>(&'a mut self, x: Vec<T>, y: &std::fmt::Arguments<'a>);"),
            "fn set<'a, T: Clone>(&'a mut self, x: Vec<T>, y: &std::fmt::Arguments<'a>)"
        );
        assert_eq!(
            sig("fn boxed(self: Box<Self>) -> Option<u8> where Self: Sized;"),
            "fn boxed(self: Box<Self>) -> Option<u8> where Self: Sized"
        );
        // A prelude name as the hidden macro writes it, and a path from the
        // crate root.
        assert_eq!(
            sig("fn describe(&self) -> ::lazy_core::__private::String;"),
            "fn describe(&self) -> String"
        );
        assert_eq!(
            sig("fn path(&self) -> ::std::path::PathBuf;"),
            "fn path(&self) -> ::std::path::PathBuf"
        );
    }

    fn compact(tokens: proc_macro2::TokenStream) -> String {
        tokens.to_string().replace(' ', "")
    }

    fn rewritten(source: &str) -> String {
        match for_macro_body(source.parse().expect("test input tokenizes")) {
            Ok((tokens, _)) => compact(tokens),
            Err(_) => String::from("<error: a `$`>"),
        }
    }

    #[test]
    fn a_word_reserved_in_2024_is_carried_raw() {
        assert_eq!(
            rewritten("fn gen(&self, gen: u8);"),
            "fnr#gen(&self,r#gen:u8);"
        );
        // Inside a longer identifier it is no word: nothing to rewrite.
        assert_eq!(
            rewritten("fn generate(&self, regen: u8);"),
            "fngenerate(&self,regen:u8);"
        );
        assert!(!super::has_word("fn generate (& self , regen : u8)", "gen"));
        assert!(super::has_word("fn gen (& self)", "gen"));
    }

    #[test]
    fn a_leading_crate_becomes_dollar_crate() {
        assert_eq!(
            rewritten("fn f(&self, t: &crate::a::T) -> Vec<crate::B>;"),
            "fnf(&self,t:&$crate::a::T)->Vec<$crate::B>;"
        );
        assert_eq!(
            rewritten("fn f(&self) -> <crate::A as crate::Tr>::X;"),
            "fnf(&self)-><$crate::Aas$crate::Tr>::X;"
        );
        // Right after an argument's `:`, which is no path separator.
        assert_eq!(
            rewritten("fn f(&self, t: crate::T) -> crate::U where crate::T: Sized;"),
            "fnf(&self,t:$crate::T)->$crate::Uwhere$crate::T:Sized;"
        );
    }

    #[test]
    fn metavariables_stay_when_only_crate_is_rewritten() {
        let tokens = "<$t as crate::T>::f($crate::x)".parse().expect("tokenizes");
        assert_eq!(
            compact(super::crate_to_dollar_crate(tokens)),
            "<$tas$crate::T>::f($crate::x)"
        );
    }

    #[test]
    fn a_dollar_is_refused() {
        assert_eq!(rewritten("fn f(&self) -> $crate::B;"), "<error: a `$`>");
        assert_eq!(rewritten("fn f(&self, x: [u8; $n]);"), "<error: a `$`>");
    }

    #[test]
    fn crate_elsewhere_stays() {
        for source in ["a::crate::B", "pub(crate) fn f();", "crate"] {
            let unchanged = compact(source.parse().expect("test input tokenizes"));
            assert_eq!(rewritten(source), unchanged, "{source}");
        }
    }

    fn in_mirror(remote: &str, source: &str) -> String {
        let mirror = proc_macro2::Ident::new("Error", proc_macro2::Span::call_site());
        let remote: syn::Path = syn::parse_str(remote).expect("test path parses");
        let names = super::RemoteNames {
            mirror: &mirror,
            remote: &remote,
        };
        match names.apply(source.parse().expect("test input tokenizes")) {
            Ok(tokens) => compact(tokens),
            Err(err) => format!("<error: {err}>"),
        }
    }

    #[test]
    fn crate_self_and_super_name_the_remote_trait_s_crate_and_module() {
        let remote = "::bytes::buf::Buf";
        assert_eq!(
            in_mirror(remote, "fn f(&self) -> crate::Bytes;"),
            "fnf(&self)->::bytes::Bytes;"
        );
        assert_eq!(
            in_mirror(remote, "fn f(&self, x: self::Chain<super::Bytes>);"),
            "fnf(&self,x:::bytes::buf::Chain<::bytes::Bytes>);"
        );
        assert_eq!(
            in_mirror("a::b::c::T", "fn f(&self) -> super::super::X;"),
            "fnf(&self)->a::X;"
        );
        // A remote trait of this crate: the words mean what they say.
        assert_eq!(
            in_mirror("crate::a::T", "fn f(&self) -> crate::X;"),
            "fnf(&self)->crate::X;"
        );
        // Not paths: kept.
        assert_eq!(
            in_mirror(
                remote,
                "fn f(self: &Self, x: a::crate::B) -> pub(crate) u8;"
            ),
            "fnf(self:&Self,x:a::crate::B)->pub(crate)u8;"
        );
    }

    #[test]
    fn paths_the_remote_path_cannot_answer_are_errors() {
        assert!(in_mirror("Buf", "fn f(&self) -> crate::Bytes;").starts_with("<error"));
        assert!(in_mirror("a::T", "fn f(&self) -> super::super::X;").starts_with("<error"));
    }

    #[test]
    fn the_mirror_s_name_is_the_remote_trait() {
        let remote = "::core::error::Error";
        assert_eq!(
            in_mirror(
                remote,
                "fn source(&self) -> Option<&(dyn Error + 'static)>;"
            ),
            "fnsource(&self)->Option<&(dyn::core::error::Error+'static)>;"
        );
        // An associated item, a method or a binding of that name stays.
        assert_eq!(
            in_mirror(
                remote,
                "type Error: Error; fn Error(&self) -> Self::Error; fn g(&self) -> X<Error = u8>;"
            ),
            "typeError:::core::error::Error;fnError(&self)->Self::Error;fng(&self)->X<Error=u8>;"
        );
    }

    fn own_replaced(source: &str) -> String {
        let own = proc_macro2::Ident::new("Failure", proc_macro2::Span::call_site());
        let path: TokenStream = "errs::Failure".parse().expect("test path tokenizes");
        let tokens = source.parse().expect("test input tokenizes");
        compact(super::own_name_replaced(tokens, &own, &|_| path.clone()))
    }

    #[test]
    fn a_trait_naming_itself_names_the_derive_s_path() {
        // In types, bounds, `where` clauses, qualified paths, nested groups.
        assert_eq!(
            own_replaced(
                "fn cause(&self) -> Option<&(dyn Failure + 'static)>; fn f<T: Failure>(&self, t: impl Failure) where T: Clone + Failure; fn g(&self) -> <T as Failure>::Out;"
            ),
            "fncause(&self)->Option<&(dynerrs::Failure+'static)>;fnf<T:errs::Failure>(&self,t:implerrs::Failure)whereT:Clone+errs::Failure;fng(&self)-><Taserrs::Failure>::Out;"
        );
        // Raw, and bounded in a `where` clause.
        assert_eq!(
            own_replaced("fn h(&self) -> Box<dyn r#Failure> where dyn Failure: Send;"),
            "fnh(&self)->Box<dynerrs::Failure>wheredynerrs::Failure:Send;"
        );
        // Another item's name (`Self::Failure`, `m::Failure`), an item, a
        // binding, a lifetime, a metavariable, an argument's pattern, a
        // macro call: kept.
        let kept = "type Failure; fn Failure(&self, Failure: u8) -> Self::Failure; fn g<'Failure>(&'Failure self) -> X<Failure = m::Failure>; const Failure: u8; fn h(&self, x: $Failure) -> Failure!();";
        let unchanged: TokenStream = kept.parse().expect("test input tokenizes");
        assert_eq!(own_replaced(kept), compact(unchanged));
    }
}
