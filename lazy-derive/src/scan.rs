//! `#[forwardable]` without syn, for the plain traits most users write.
//!
//! Parsing a trait of a thousand methods with syn, in the debug build a
//! proc macro runs as, and printing the parsed items back, is most of what
//! `#[forwardable]` costs rustc. This module reads the trait's token trees
//! directly and writes the two things the syn path writes from the parsed
//! trait: the carried copy of its items (the hidden macro's `trait { .. }`)
//! and the fast rule's impl body (`expand::template`). Types, bounds and
//! names are the input's own tokens, spans included; what the syn path
//! writes at `Span::call_site()` is written there too.
//!
//! It covers a trait without generics, `where` clause, `unsafe`, `auto` or
//! attributes other than docs (supertraits are allowed), whose items are:
//! - methods `fn name<..>(receiver, name: Type, ..) -> Type where ..;` (or
//!   with a default body), with a `&self`, `&'a self`, `&mut self`, `self`,
//!   `mut self` or `self: Box<Self>` receiver (a method without one and
//!   without a default leaves the trait without a fast rule), lifetime and
//!   type parameters with bounds, arguments bound to plain names (`x`,
//!   `mut x`);
//! - associated types `type Name;` and `type Name: Bounds;`;
//! - associated consts `const NAME: Type;`, or with a literal default;
//!
//! each with docs and attributes the syn path drops (`#[must_use]`,
//! `#[inline]`; not `cfg`, `cfg_attr`, `deprecated`, `allow`, `expect`).
//!
//! Types are references, slices, arrays of a literal length, tuples, `!`,
//! paths whose arguments are types, lifetimes, literals or `Name = Type`,
//! trait objects `dyn Path + Path + 'a` and results `impl Path + 'a` (kept
//! as written, as `def_site` keeps them, their paths' arguments looked at;
//! no `use<..>`) and, in an argument, `impl Path + 'a` (kept whole; the
//! forwarder's turbofish names the method's own parameters, as
//! `expand::Turbofish` does).
//! Signature types are resolved as
//! `def_site` resolves them: a primitive, `Self::..`, a parameter of the
//! method or an absolute path is kept; a bare `Option`, `Vec`, `Box` or
//! `String` is written by absolute path (`def_site::from_alloc`); any other
//! path (`Tag`, `Result<T, E>`, `std::fmt::Formatter`) is carried as an
//! associated type of the hidden supertrait, with the same key, name,
//! lifetime and spans as `def_site::carry` gives it, or, when it names a
//! parameter or a lifetime, kept with its arguments looked at; a path to
//! carry that holds a `dyn` type is keyed by its text, as `def_site` keys
//! it. (A blanket impl's forwarders, beside the trait, declare a rewritten
//! type as the trait writes it: `Words::plain`.) A result may name `Self`
//! of its own (`-> Self`, `Option<Self>`,
//! `(Self, u8)`): such a method keeps its default, and without one the
//! trait gets no fast rule (the chain writes the `FromRealized` bounds), as
//! `Method::new` and `expand::template` decide for the syn path; so does a
//! method whose `where` clause bounds `Self` by another trait than `Sized`,
//! or whose argument names `Self` inside another type (`Vec<Self>`). An
//! argument `Self`, `&Self` or `&mut Self` is realized as the receiver is,
//! and `where Self: Sized` asks a `Sized` target; with a default, both keep
//! it. A result `Result<Self, E..>` by a path that does not start at a root
//! (`Result<Self>` of the module's alias, `io::Result<Self>`), whose other
//! arguments are carried whole, is carried with the wrapper for a parameter,
//! as `def_site::Carrier::self_result` carries it (`Reader::self_result`),
//! also by a by-value method beside lifetimes its arguments write (with
//! their one lifetime, `def_site::the_one_lifetime`).
//!
//! Anything else returns `None` and the syn path runs unchanged: `Self` as
//! a type of its own elsewhere (a generic bound, a const, `(Self)`), such a
//! `Result` whose other arguments `def_site` passes to the carried type (a
//! parameter, `Self::Err`, a lifetime, a `dyn`),
//! `use<..>`, `fn` types, `Fn(..)` sugar, `dyn for<..>`,
//! `dyn ?Sized`, `dyn (Trait)`, qualified paths, pointers, `const`,
//! `async`, `unsafe` and `extern` methods, generic associated types,
//! macros, `crate`, `gen` and raw identifiers (which
//! `tokens::for_macro_body` rewrites), `$`, a carried type `def_site` would
//! key by its text for another reason than a `dyn` (`Foo<3>`,
//! `Foo<[u8; 2]>`), and any token this grammar does not expect. So the
//! output never depends on which path ran:
//! `tests::scan` checks, for every trait the property tests generate, for
//! random traits of this grammar and its near misses, and for a list of
//! hand-written shapes, that whenever this module reads a trait,
//! `#[forwardable]` writes the very tokens of the syn path (compared as text)
//! at the very source positions; and that the benchmark's trait is read here.
//! `tests::scan_mutations` checks the same for every one-edit mutant of the
//! traits read here, and that none makes `#[forwardable]` panic. The one
//! known difference: a default body is not read (it is carried empty), so
//! one that does not parse is read here, where the syn path adds its error
//! to rustc's (the trait is written out unchanged either way); the mutants
//! leave bodies alone.

use std::cell::{Cell, RefCell};
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use proc_macro2::{Delimiter, Group, Ident, Punct, Spacing, Span, TokenStream, TokenTree};

use crate::def_site::{CarriedTokens, DefSiteTypes, RESULT_PREFIX, hidden_supertrait};
use crate::tokens::{colon2, push_colon2};

/// A generic parameter that a trait's item declares, by name: `T`, `'a`
/// (what `Reader::generics` and `trait_def::method_params` read).
pub type MethodParam = String;

/// Adds a parameter's name to `params`, unless it is there; a raw name
/// without its `r#` (`r#U` is `U`, as the derive writes the wrapper's).
pub fn add_method_param(params: &mut Vec<MethodParam>, name: String) {
    let name = crate::tokens::unraw_name(&name).to_string();
    if !params.contains(&name) {
        params.push(name);
    }
}

/// What the syn path would learn from the trait, written out.
pub struct Scanned {
    /// The trait's visibility, as written.
    pub vis: TokenStream,
    /// Plain `pub`: the hidden macro is exported.
    pub public: bool,
    pub ident: Ident,
    /// The trait's hash (`unique_suffix`).
    pub suffix: u64,
    /// The hidden supertrait of the types `def_site` carries, if any.
    pub def_site: Option<DefSiteTypes>,
    /// The items' names, in order.
    pub names: Vec<Ident>,
    /// The carried copy: `trait Name { items without bodies or docs }`.
    pub carried: TokenStream,
    /// The fast rule's impl body (`expand::ImplBody::into_tokens`).
    pub body: TokenStream,
    pub needs_mut: bool,
    pub needs_into: bool,
    /// The name of the first method that needs a sized target (see
    /// `expand::ImplBody::sized_at`).
    pub sized_at: Option<Span>,
    /// The fast rule exists (`expand::template` returns a body): no method
    /// without a default returns the wrapper (`-> Self`, `Option<Self>`).
    pub fast: bool,
    /// The supertraits' bounds as written (after the `:`), or nothing.
    pub supertraits: TokenStream,
    /// The methods' generic parameters, each name once
    /// (`trait_def::method_params`).
    pub method_params: Vec<MethodParam>,
    /// A signature names the trait itself (`Option<&dyn Failure>`), which
    /// `trait_def::fast_rule` then writes as the derive calls the trait.
    pub names_itself: bool,
}

/// Reads `input` (the trait under `#[forwardable]`), writing forwarders
/// that call through `call_prefix` and associated items that name
/// `target_as_trait` (see `expand::template`): for the fast rule, or, with
/// `blanket`, for the blanket impl beside the trait (see [`Words::plain`]);
/// `None` for a trait it does not fully understand.
pub fn scan(
    input: &TokenStream,
    target_as_trait: &TokenStream,
    call_prefix: &TokenStream,
    blanket: bool,
) -> Option<Scanned> {
    let trees: Vec<TokenTree> = input.clone().into_iter().collect();
    let mut c = Cursor { t: &trees, i: 0 };
    skip_docs(&mut c)?;
    let mut vis = Vec::new();
    let mut public = false;
    if c.word_is("pub") {
        vis.push(trees[c.i].clone());
        c.i += 1;
        match c.peek() {
            Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Parenthesis => {
                // `pub(crate)`, `pub(self)`, `pub(super)`; `pub(in path)` is
                // left to syn.
                let inner: Vec<TokenTree> = group.stream().into_iter().collect();
                let restricted = match inner.as_slice() {
                    [TokenTree::Ident(scope)] => {
                        scope == "crate" || scope == "self" || scope == "super"
                    }
                    _ => false,
                };
                if !restricted {
                    return None;
                }
                vis.push(trees[c.i].clone());
                c.i += 1;
            }
            _ => public = true,
        }
    }
    if !c.word_is("trait") {
        return None;
    }
    let trait_token = trees[c.i].clone();
    c.i += 1;
    let ident = c.ident()?;
    let (last, body) = match trees.last() {
        Some(TokenTree::Group(body)) if body.delimiter() == Delimiter::Brace => {
            (trees.len() - 1, body)
        }
        _ => return None,
    };
    // Supertraits (which the carried copy drops); no generics or `where`.
    let mut supertraits = TokenStream::new();
    if c.i < last {
        if !c.punct_is(':') || c.colon2() {
            return None;
        }
        c.i += 1;
        let mut sup = Cursor {
            t: &trees[..last],
            i: c.i,
        };
        let mut ignored = Vec::new();
        let reader = Reader::new(0);
        reader.bounds(&mut sup, &mut ignored)?;
        if sup.i != last {
            return None;
        }
        let mut written = Vec::new();
        written.extend(trees[c.i..last].iter().cloned());
        supertraits = TokenStream::from_iter(written);
    }

    let items: Vec<TokenTree> = body.stream().into_iter().collect();
    // The items' names come first: the hash of the trait (`unique_suffix`)
    // names the carried types. The scan checks them again item by item.
    // An item starts the body, or follows a `;`, a body or an attribute.
    let mut names = Vec::new();
    let mut at_start = true;
    for i in 0..items.len() {
        let tree = &items[i];
        let starts = at_start;
        at_start = match tree {
            TokenTree::Punct(p) => p.as_char() == ';',
            TokenTree::Group(group) => group.delimiter() != Delimiter::Parenthesis,
            TokenTree::Ident(_) | TokenTree::Literal(_) => false,
        };
        if let (true, TokenTree::Ident(keyword), Some(TokenTree::Ident(name))) =
            (starts, tree, items.get(i + 1))
        {
            let keyword = keyword.to_string();
            if keyword == "fn" || keyword == "type" || keyword == "const" {
                names.push(name.clone());
            }
        }
    }
    let suffix = unique_suffix(&ident, &names);
    let mut reader = Reader::new(suffix);
    reader.own = ident.to_string();
    let mut out = Scanned {
        vis: TokenStream::from_iter(vis),
        public,
        ident: ident.clone(),
        suffix,
        def_site: None,
        names: Vec::new(),
        carried: TokenStream::new(),
        body: TokenStream::new(),
        needs_mut: false,
        needs_into: false,
        sized_at: None,
        fast: true,
        supertraits,
        method_params: Vec::new(),
        names_itself: false,
    };
    let mut carried = Vec::new();
    let mut types = Vec::new();
    let mut consts = Vec::new();
    let mut methods = Vec::new();
    let mut words = Words::new(target_as_trait, call_prefix, blanket);
    let mut c = Cursor { t: &items, i: 0 };
    while c.i < items.len() {
        skip_item_attrs(&mut c)?;
        if c.word_is("fn") {
            method(
                &mut c,
                &mut reader,
                &mut words,
                &mut carried,
                &mut methods,
                &mut out,
            )?;
        } else if c.word_is("type") {
            assoc_type(&mut c, &words, &mut carried, &mut types, &mut out)?;
        } else if c.word_is("const") {
            assoc_const(
                &mut c,
                &mut reader,
                &words,
                &mut carried,
                &mut consts,
                &mut out,
            )?;
        } else {
            // Any other item, or attributes with no item after them.
            return None;
        }
    }
    // Every item starts where the first pass looked: the same count is the
    // same names.
    if out.names.len() != names.len() {
        return None;
    }
    out.method_params = std::mem::take(&mut reader.method_params);
    out.names_itself |= reader.names_itself.get();
    let carried_types = reader.carried.into_inner();
    if !carried_types.is_empty() {
        let mut types = Vec::with_capacity(carried_types.len());
        for CarriedType {
            name, params, ty, ..
        } in carried_types
        {
            types.push(CarriedTokens {
                attrs: TokenStream::new(),
                name,
                params,
                ty,
            });
        }
        out.def_site = Some(hidden_supertrait(&out.vis, &out.ident, suffix, types));
    }
    types.extend(consts);
    types.extend(methods);
    out.body = types.into_iter().collect();
    let mut carried_group = Group::new(Delimiter::Brace, carried.into_iter().collect());
    carried_group.set_span(body.span());
    out.carried = TokenStream::from_iter(vec![
        trait_token,
        TokenTree::Ident(ident),
        TokenTree::Group(carried_group),
    ]);
    Some(out)
}

/// Keeps two same-named traits of one crate apart: the trait's position in
/// the source and the names of its items (both deterministic; the names tell
/// apart traits that one macro call writes at the same position).
pub fn unique_suffix(ident: &Ident, names: &[Ident]) -> u64 {
    let mut hasher = DefaultHasher::new();
    ident.to_string().hash(&mut hasher);
    format!("{:?}", ident.span()).hash(&mut hasher);
    for name in names {
        name.to_string().hash(&mut hasher);
    }
    hasher.finish()
}

/// Skips `#[doc = "..."]` and `#[doc(..)]` attributes; `None` at any
/// other attribute.
fn skip_docs(c: &mut Cursor) -> Option<()> {
    while c.punct_is('#') {
        let Some(TokenTree::Group(group)) = c.t.get(c.i + 1) else {
            return None;
        };
        if group.delimiter() != Delimiter::Bracket {
            return None;
        }
        let inner: Vec<TokenTree> = group.stream().into_iter().collect();
        let is_doc = match inner.as_slice() {
            [
                TokenTree::Ident(doc),
                TokenTree::Punct(eq),
                TokenTree::Literal(_),
            ] => doc == "doc" && eq.as_char() == '=',
            [TokenTree::Ident(doc), TokenTree::Group(args)] => {
                doc == "doc" && args.delimiter() == Delimiter::Parenthesis
            }
            _ => false,
        };
        if !is_doc {
            return None;
        }
        c.i += 2;
    }
    Some(())
}

/// Skips an item's attributes that the syn path drops without a trace
/// (`trait_def::carried_trait` keeps `cfg` and `deprecated`, `def_site`
/// reads `allow` and `expect`): docs, `#[must_use]`, `#[inline]`,
/// `#[rustfmt::skip]`, written `#[path]`, `#[path(..)]` or `#[path =
/// "literal"]`. `None` at any other attribute.
fn skip_item_attrs(c: &mut Cursor) -> Option<()> {
    const READ: &[&str] = &["cfg", "cfg_attr", "deprecated", "allow", "expect"];
    loop {
        if !c.punct_is('#') {
            return Some(());
        }
        let Some(TokenTree::Group(group)) = c.t.get(c.i + 1) else {
            return None;
        };
        if group.delimiter() != Delimiter::Bracket {
            return None;
        }
        let inner: Vec<TokenTree> = group.stream().into_iter().collect();
        let mut ic = Cursor { t: &inner, i: 0 };
        let first = ic.ident()?;
        if crate::tokens::is_one_of(&first, READ) {
            return None;
        }
        while ic.colon2() {
            ic.i += 2;
            ic.ident()?;
        }
        let rest = &inner[ic.i..];
        let plain = match rest {
            [] => true,
            [TokenTree::Group(args)] => args.delimiter() != Delimiter::None,
            [TokenTree::Punct(eq), TokenTree::Literal(_)] => {
                eq.as_char() == '=' && eq.spacing() == Spacing::Alone
            }
            _ => false,
        };
        if !plain {
            return None;
        }
        c.i += 2;
    }
}

/// `type Name;` or `type Name: Bounds;`.
fn assoc_type(
    c: &mut Cursor,
    words: &Words,
    carried: &mut Vec<TokenTree>,
    types: &mut Vec<TokenTree>,
    out: &mut Scanned,
) -> Option<()> {
    let type_token = c.t[c.i].clone();
    c.i += 1;
    let name = c.ident()?;
    carried.push(type_token);
    carried.push(TokenTree::Ident(name.clone()));
    if c.punct_is(':') && !c.colon2() {
        let mut reader = Reader::new(0);
        reader.own = out.ident.to_string();
        carried.push(reader.alone(c.t[c.i].clone()));
        c.i += 1;
        let before = carried.len();
        reader.bounds(c, carried)?;
        if carried.len() == before {
            return None;
        }
        out.names_itself |= reader.names_itself.get();
    }
    if !c.punct_is(';') {
        return None;
    }
    carried.push(c.t[c.i].clone());
    c.i += 1;
    // `type Name = <Target as Trait>::Name;`
    let call_site = Span::call_site();
    types.push(TokenTree::Ident(Ident::new("type", call_site)));
    types.push(TokenTree::Ident(name.clone()));
    types.push(TokenTree::Punct(Punct::new('=', Spacing::Alone)));
    types.extend(words.target.iter().cloned());
    types.extend(words.colon2.iter().cloned());
    types.push(TokenTree::Ident(name.clone()));
    types.push(TokenTree::Punct(Punct::new(';', Spacing::Alone)));
    out.names.push(name);
    Some(())
}

/// `const NAME: Type;`, or with a literal default (which the carried copy
/// writes `= _`).
fn assoc_const(
    c: &mut Cursor,
    reader: &mut Reader,
    words: &Words,
    carried: &mut Vec<TokenTree>,
    consts: &mut Vec<TokenTree>,
    out: &mut Scanned,
) -> Option<()> {
    let const_token = c.t[c.i].clone();
    c.i += 1;
    let name = c.ident()?;
    if !c.punct_is(':') || c.colon2() {
        return None;
    }
    reader.params.clear();
    reader.lifetimes.clear();
    reader.receiver_lifetime.clear();
    let colon = reader.alone(c.t[c.i].clone());
    c.i += 1;
    let ty_start = c.i;
    let mut ty = Vec::new();
    reader.rewrote.set(false);
    reader.ty(c, Mode::ResultStatic, &mut ty)?;
    let rewrote = reader.rewrote.get();
    let mut default = None;
    if c.punct_is('=') {
        let eq = reader.alone(c.t[c.i].clone());
        c.i += 1;
        let Some(TokenTree::Literal(_)) = c.peek() else {
            return None;
        };
        c.i += 1;
        default = Some(eq);
    }
    if !c.punct_is(';') {
        return None;
    }
    let semi = c.t[c.i].clone();
    c.i += 1;
    carried.push(const_token);
    carried.push(TokenTree::Ident(name.clone()));
    carried.push(colon);
    carried.extend(ty.iter().cloned());
    if let Some(eq) = default {
        // `= _`: a default exists (an enum keeps it); its value stays here.
        let underscore = Ident::new("_", eq.span());
        carried.push(eq);
        carried.push(TokenTree::Ident(underscore));
    }
    carried.push(semi);
    // `const NAME: Type = <Target as Trait>::NAME;`
    let call_site = Span::call_site();
    consts.push(TokenTree::Ident(Ident::new("const", call_site)));
    consts.push(TokenTree::Ident(name.clone()));
    consts.push(words.colon.clone());
    if words.plain && rewrote {
        consts.extend(reader.as_written(c.t, ty_start)?);
    } else {
        consts.extend(ty);
    }
    consts.push(TokenTree::Punct(Punct::new('=', Spacing::Alone)));
    consts.extend(words.target.iter().cloned());
    consts.extend(words.colon2.iter().cloned());
    consts.push(TokenTree::Ident(name.clone()));
    consts.push(TokenTree::Punct(Punct::new(';', Spacing::Alone)));
    out.names.push(name);
    Some(())
}

/// How a method takes `self`.
#[derive(Clone, Copy, PartialEq)]
enum Receiver {
    None,
    Ref,
    MutRef,
    Value,
    /// `self: Box<Self>` (any path to a `Box`: `ReceiverKind::BoxSelf`).
    BoxSelf,
}

/// Whether the signature's rest, `trees` from past its arguments, returns
/// an `impl Trait` (the word `impl` before its `where`, body or `;`).
fn returns_impl(trees: &[TokenTree]) -> bool {
    for tree in trees {
        match tree {
            // Written out once for both words (a comparison writes it out).
            TokenTree::Ident(word) => match word.to_string().as_str() {
                "where" => return false,
                "impl" => return true,
                _ => {}
            },
            TokenTree::Punct(p) if p.as_char() == ';' => return false,
            TokenTree::Group(group) if group.delimiter() == Delimiter::Brace => return false,
            TokenTree::Group(group)
                if crate::tokens::mentions(group.stream(), &|word| word == "impl") =>
            {
                return true;
            }
            _ => {}
        }
    }
    false
}

/// One method: its carried copy, and its forwarder when it has a receiver.
fn method(
    c: &mut Cursor,
    reader: &mut Reader,
    words: &mut Words,
    carried: &mut Vec<TokenTree>,
    methods: &mut Vec<TokenTree>,
    out: &mut Scanned,
) -> Option<()> {
    let fn_token = c.t[c.i].clone();
    c.i += 1;
    let name = c.ident()?;
    reader.params.clear();
    reader.lifetimes.clear();
    reader.receiver_lifetime.clear();
    // `<..>`, with the type parameters' names for the turbofish.
    let mut generics = Vec::new();
    if c.punct_is('<') {
        reader.generics(c, &mut generics)?;
    }
    let Some(TokenTree::Group(inputs)) = c.peek() else {
        return None;
    };
    if inputs.delimiter() != Delimiter::Parenthesis {
        return None;
    }
    let inputs_span = inputs.span();
    let inputs_tree = c.t[c.i].clone();
    reader.changed.set(false);
    let input_trees: Vec<TokenTree> = inputs.stream().into_iter().collect();
    c.i += 1;
    let mut ic = Cursor {
        t: &input_trees,
        i: 0,
    };
    // An `impl Trait` result captures the arguments' lifetimes: their
    // types are not carried, as `def_site` leaves them (E0195 otherwise).
    let arg_mode = match returns_impl(&c.t[c.i..]) {
        true => Mode::Copy,
        false => Mode::Arg,
    };
    // The receiver, as written (carried) and as the forwarder declares it.
    let mut receiver = Receiver::None;
    let mut receiver_tokens = Vec::new();
    let mut lifetime = Vec::new();
    let at_receiver = ic.punct_is('&') || ic.word_is("self") || ic.word_is("mut");
    if at_receiver {
        let start = ic.i;
        if ic.punct_is('&') {
            ic.i += 1;
            if ic.lifetime() {
                ic.copy_lifetime(&mut lifetime)?;
            }
            receiver = if ic.word_is("mut") {
                ic.i += 1;
                Receiver::MutRef
            } else {
                Receiver::Ref
            };
        } else {
            if ic.word_is("mut") {
                ic.i += 1;
            }
            receiver = Receiver::Value;
        }
        if !ic.word_is("self") {
            // `mut x: T` is a typed argument; anything else is left to syn.
            if receiver != Receiver::Value || start + 1 != ic.i {
                return None;
            }
            ic.i = start;
            receiver = Receiver::None;
        } else {
            ic.i += 1;
            if ic.punct_is(':') {
                // `self: Box<Self>`; any other typed receiver is left to syn.
                if receiver != Receiver::Value || start + 1 != ic.i || ic.colon2() {
                    return None;
                }
                ic.i += 1;
                if ic.colon2() {
                    ic.i += 2;
                }
                let mut last = ic.ident()?;
                while ic.colon2() {
                    ic.i += 2;
                    last = ic.ident()?;
                }
                let boxed = last == "Box"
                    && ic.punct_is('<')
                    && matches!(input_trees.get(ic.i + 1), Some(TokenTree::Ident(word)) if word == "Self")
                    && matches!(input_trees.get(ic.i + 2), Some(TokenTree::Punct(p)) if p.as_char() == '>')
                    && matches!(input_trees.get(ic.i + 3), None | Some(TokenTree::Punct(_)));
                if !boxed {
                    return None;
                }
                ic.i += 3;
                receiver = Receiver::BoxSelf;
            }
            for i in start..ic.i {
                let tree = &input_trees[i];
                // A lifetime's quote and a path's `::` keep their spacing.
                let joint = match tree {
                    TokenTree::Punct(p) if p.as_char() == '\'' => true,
                    TokenTree::Punct(p) if p.as_char() == ':' => {
                        let at = Cursor { t: &input_trees, i };
                        at.colon2()
                    }
                    _ => false,
                };
                receiver_tokens.push(if joint {
                    tree.clone()
                } else {
                    reader.alone(tree.clone())
                });
            }
        }
    }
    reader.receiver_lifetime.clone_from(&lifetime);
    // The typed arguments: carried as `pat: Type`, declared `__argN: Type`.
    let mut carried_inputs = receiver_tokens.clone();
    let mut arg_types: Vec<Vec<TokenTree>> = Vec::new();
    // Where each argument's type starts, when it was rewritten, for
    // `Words::plain`.
    let mut arg_starts: Vec<Option<usize>> = Vec::new();
    let mut self_args: Vec<Option<Receiver>> = Vec::new();
    let mut self_other = false;
    loop {
        if receiver != Receiver::None || !arg_types.is_empty() {
            if ic.i == input_trees.len() {
                break;
            }
            if !ic.punct_is(',') {
                return None;
            }
            carried_inputs.push(reader.alone(input_trees[ic.i].clone()));
            ic.i += 1;
        }
        if ic.i == input_trees.len() {
            break;
        }
        let pattern_start = ic.i;
        // A name (`self` is refused: syn reads it), else `mut` and a name:
        // each word is written out once for the common case.
        if ic.ident().is_none() {
            if !ic.word_is("mut") {
                return None;
            }
            ic.i += 1;
            ic.ident()?;
        }
        if !ic.punct_is(':') || ic.colon2() {
            return None;
        }
        ic.i += 1;
        for tree in &input_trees[pattern_start..ic.i] {
            carried_inputs.push(reader.alone(tree.clone()));
        }
        // `other: &Self` is realized like the receiver (`SelfArg`); `Self`
        // elsewhere in an argument is not forwarded (`Method::new`).
        let arg_start = ic.i;
        let mut ty = Vec::new();
        reader.bare_self.set(Some(false));
        reader.rewrote.set(false);
        let read = reader.ty(&mut ic, arg_mode, &mut ty);
        arg_starts.push(reader.rewrote.get().then_some(arg_start));
        let found = reader.bare_self.replace(None);
        read?;
        let self_arg = if found == Some(true) {
            self_arg_at(&Cursor {
                t: &input_trees,
                i: arg_start,
            })
        } else {
            None
        };
        if self_arg.is_none() && found == Some(true) {
            // `(Self)`, `&(Self)` are `SelfArg`s too: left to syn.
            if crate::tokens::position(&ty, &|tree| matches!(tree, TokenTree::Group(_))).is_some() {
                return None;
            }
            self_other = true;
        }
        carried_inputs.extend(ty.iter().cloned());
        arg_types.push(ty);
        self_args.push(self_arg);
    }
    let inputs_changed = reader.changed.get();
    // The result, resolved as `def_site` does: looked at when the receiver
    // is a reference or nothing in the inputs could lend it a lifetime.
    let mut output = Vec::new();
    // Where the result's type starts, for `Words::plain`.
    let mut result_start = None;
    let mut self_result = false;
    if c.punct_is('-')
        && matches!(c.t.get(c.i + 1), Some(TokenTree::Punct(p)) if p.as_char() == '>')
    {
        output.push(c.t[c.i].clone());
        output.push(reader.alone(c.t[c.i + 1].clone()));
        c.i += 2;
        let mode = if matches!(receiver, Receiver::Ref | Receiver::MutRef) {
            Mode::ResultElided
        } else if !has_lifetime(&input_trees) {
            Mode::ResultStatic
        } else {
            Mode::Copy
        };
        // `Self` of its own: the wrapper, built back (`Wrap`) or not
        // forwarded (`Method::new`).
        let start = c.i;
        let (written, carried, changed) = (
            output.len(),
            reader.carried.borrow().len(),
            reader.changed.get(),
        );
        reader.bare_self.set(Some(false));
        reader.rewrote.set(false);
        let read = reader.ty(c, mode, &mut output);
        result_start = reader.rewrote.get().then_some(start);
        let found = reader.bare_self.replace(None);
        read?;
        self_result = found == Some(true);
        // A `Result` that holds the wrapper, by a path that does not start
        // at a root: `def_site` carries it with the wrapper for a parameter
        // (`Carrier::self_result`), which `Reader::self_result` does when
        // its other arguments are carried whole. Read again so, what the
        // first reading wrote and carried undone; else left to syn.
        let result = |tree: &TokenTree| matches!(tree, TokenTree::Ident(word) if word == "Result");
        // (Only for a result that holds the wrapper: each comparison
        // writes the word out.)
        let rooted = self_result
            && match output.get(2) {
                Some(TokenTree::Punct(colon)) => colon.as_char() == ':',
                Some(TokenTree::Ident(word)) => word == "crate" || word == "$crate",
                _ => false,
            };
        if self_result && !rooted && crate::tokens::position(&output, &result).is_some() {
            // By value beside lifetimes the arguments write, a result that
            // writes none takes their one lifetime, by its name if it has
            // one, else `'static` (`def_site`'s `Carrier::method`).
            let mode = match mode {
                Mode::Copy if has_lifetime(&c.t[start..c.i]) => None,
                Mode::Copy => match crate::def_site::the_one_lifetime(&carried_inputs) {
                    Some(None) => Some(Mode::ResultElided),
                    Some(Some(named)) if named.ident != "static" => {
                        let span = named.ident.span();
                        let mut quote = Punct::new('\'', Spacing::Joint);
                        quote.set_span(span);
                        let name = Ident::new(&named.ident.to_string(), span);
                        reader.receiver_lifetime = vec![quote.into(), name.into()];
                        Some(Mode::ResultElided)
                    }
                    Some(Some(_)) | None => Some(Mode::ResultStatic),
                },
                other => Some(other),
            };
            output.truncate(written);
            reader.carried.borrow_mut().truncate(carried);
            reader.changed.set(changed);
            c.i = start;
            // (`Self` is read as the result's own, as above.)
            reader.bare_self.set(Some(false));
            let carried = match mode {
                Some(mode) => reader.self_result(c, mode, &mut output),
                None => false,
            };
            reader.bare_self.set(None);
            if !carried {
                return None;
            }
            result_start = Some(start);
        }
    }
    let mut where_clause = Vec::new();
    reader.self_sized.set(false);
    reader.self_bound.set(false);
    if c.word_is("where") {
        where_clause.push(c.t[c.i].clone());
        c.i += 1;
        reader.predicates(c, &mut where_clause)?;
    }
    // `;`, or a default body (carried empty).
    let (end, has_default) = match c.peek()? {
        TokenTree::Punct(p) if p.as_char() == ';' => (c.t[c.i].clone(), false),
        TokenTree::Group(group) if group.delimiter() == Delimiter::Brace => {
            let mut empty = Group::new(Delimiter::Brace, TokenStream::new());
            empty.set_span(group.span());
            (TokenTree::Group(empty), true)
        }
        _ => return None,
    };
    c.i += 1;
    // Neither forwarded nor kept: the chain writes its error stub
    // (`ForwardPlan::Unsupported`, `expand::template` returns None).
    if receiver == Receiver::None && !has_default {
        out.fast = false;
    }

    carried.push(fn_token);
    carried.push(TokenTree::Ident(name.clone()));
    carried.extend(generics.iter().cloned());
    if inputs_changed {
        let mut group = Group::new(Delimiter::Parenthesis, carried_inputs.into_iter().collect());
        group.set_span(inputs_span);
        carried.push(TokenTree::Group(group));
    } else {
        // Written as the input has it: passed on as it is.
        carried.push(inputs_tree);
    }
    carried.extend(output.iter().cloned());
    carried.extend(where_clause.iter().cloned());
    carried.push(end);
    out.names.push(name.clone());

    // A result that holds the wrapper: a method with a default keeps it
    // (`ForwardPlan::KeepDefault`); one without is forwarded by the chain,
    // which writes `FromRealized` bounds (`expand::template` returns None).
    // So does a method whose `where` clause bounds `Self` (but by `Sized`).
    // So does a method with `Self` elsewhere in an argument.
    if self_result || reader.self_bound.get() || self_other {
        out.fast &= has_default;
        return Some(());
    }
    // `Self` arguments and `where Self: Sized`: a default is kept (the
    // target may be unsized), else the call realizes the arguments too and
    // needs a `Sized` target.
    let mut has_self_args = false;
    for arg in &self_args {
        has_self_args |= arg.is_some();
    }
    if (has_self_args || reader.self_sized.get()) && has_default {
        return Some(());
    }
    if reader.self_sized.get() {
        out.sized_at.get_or_insert(name.span());
    }
    // The forwarder (`expand::forwarder` for this shape).
    match receiver {
        Receiver::None => return Some(()),
        Receiver::Ref => {}
        Receiver::MutRef => out.needs_mut = true,
        Receiver::Value | Receiver::BoxSelf => {
            out.needs_into = true;
            out.sized_at.get_or_insert(name.span());
        }
    }
    methods.extend(words.inline.iter().cloned());
    methods.push(words.fn_token.clone());
    methods.push(TokenTree::Ident(name.clone()));
    // `expand::MethodGenerics` writes the brackets at the call site.
    if let [open, .., close] = generics.as_mut_slice() {
        open.set_span(Span::call_site());
        close.set_span(Span::call_site());
    }
    methods.extend(generics);
    let mut decls = Vec::with_capacity(4 + 4 * arg_types.len());
    if let Receiver::Ref | Receiver::MutRef = receiver {
        decls.push(words.and.clone());
        decls.extend(lifetime);
        if receiver == Receiver::MutRef {
            decls.push(words.mut_token.clone());
        }
    }
    decls.push(words.self_token.clone());
    if receiver == Receiver::BoxSelf {
        decls.extend(words.box_self.iter().cloned());
    }
    let args = if has_self_args {
        words.call_args_realizing(receiver, &self_args, out, name.span())
    } else {
        words.call_args(receiver, arg_types.len())
    };
    // Only a type the reading rewrote is read again.
    if words.plain {
        for index in 0..arg_types.len().min(arg_starts.len()) {
            if let Some(start) = arg_starts[index] {
                arg_types[index] = reader.as_written(&input_trees, start)?;
            }
        }
        if let Some(start) = result_start {
            output.truncate(2);
            output.extend(reader.as_written(c.t, start)?);
        }
    }
    let mut next_index = 0usize;
    for ty in arg_types.into_iter() {
        let index = next_index;
        next_index += 1;
        decls.push(words.comma.clone());
        decls.push(words.arg(index));
        decls.push(words.colon.clone());
        decls.extend(ty);
    }
    methods.push(TokenTree::Group(Group::new(
        Delimiter::Parenthesis,
        decls.into_iter().collect(),
    )));
    methods.extend(output);
    methods.extend(where_clause);
    let mut call = Vec::with_capacity(words.call_prefix.len() + 8 + 2 * reader.params.len());
    call.extend(words.call_prefix.iter().cloned());
    call.extend(words.colon2.iter().cloned());
    call.push(TokenTree::Ident(name));
    if !reader.params.is_empty() {
        call.extend(words.colon2.iter().cloned());
        call.push(TokenTree::Punct(Punct::new('<', Spacing::Alone)));
        for i in 0..reader.params.len() {
            let param = &reader.params[i];
            if i > 0 {
                call.push(words.comma.clone());
            }
            call.push(TokenTree::Ident(param.1.clone()));
        }
        call.push(TokenTree::Punct(Punct::new('>', Spacing::Alone)));
    }
    call.push(args);
    methods.push(TokenTree::Group(Group::new(
        Delimiter::Brace,
        call.into_iter().collect(),
    )));
    Some(())
}

/// The tokens every forwarder writes, made once per trait (each new
/// identifier or group is a call into the compiler).
struct Words {
    /// `<<W as Realize>::Target as Trait>`'s stand-in, in associated types
    /// and consts.
    target: Vec<TokenTree>,
    /// The trait's path in forwarded calls (`expand::template`'s
    /// `call_prefix`).
    call_prefix: Vec<TokenTree>,
    /// `#[inline]`, or nothing in a blanket impl (see
    /// `expand::ImplContext::inline`).
    inline: Vec<TokenTree>,
    /// The forwarders declare their arguments', result's and consts' types
    /// as the trait writes them (`Mode::Copy`), not as carried to a derive
    /// elsewhere (`Self::__lazy_N<'_>`, `::core::option::Option`): in a
    /// blanket impl, which sits beside the trait, where they resolve as
    /// written. That spares rustc a projection per carried type (26 M
    /// fewer instructions of `cargo check` for a blanket trait of 1,000
    /// methods `fn m(&self, t: &Tag) -> Result<Tag>`). `trait_def::expand`
    /// writes the syn path's blanket impl from the trait as written too.
    plain: bool,
    fn_token: TokenTree,
    self_token: TokenTree,
    mut_token: TokenTree,
    and: TokenTree,
    comma: TokenTree,
    colon: TokenTree,
    colon2: [TokenTree; 2],
    /// `::lazy_core::Realize::realize(self)` and its by-`&mut` and
    /// by-value kin; `$__realize(self)` and kin in the fast rule.
    realize: Vec<TokenTree>,
    realize_mut: Vec<TokenTree>,
    into_realized: Vec<TokenTree>,
    /// `::lazy_core::__private::Box::new(::lazy_core::RealizeInto::into_realized(*self))`.
    realize_boxed: Vec<TokenTree>,
    /// `: ::lazy_core::__private::Box<Self>`, after a boxed receiver's `self`.
    box_self: Vec<TokenTree>,
    /// `__arg0`, `__arg1`, ..: as many as a method has needed so far.
    args: Vec<TokenTree>,
    /// The forwarded call's arguments,
    /// `(::lazy_core::Realize::realize(self), __arg0, ..)`, by receiver and
    /// count, as far as the methods so far needed them.
    calls: Vec<(Receiver, usize, TokenTree)>,
}

impl Words {
    fn new(target_as_trait: &TokenStream, call_prefix: &TokenStream, blanket: bool) -> Words {
        let site = Span::call_site();
        let self_token = TokenTree::Ident(Ident::new("self", site));
        let self_group = TokenTree::Group(Group::new(
            Delimiter::Parenthesis,
            TokenStream::from(self_token.clone()),
        ));
        // The fast rule's forwarders realize through its metavariables
        // (`expand::RealizeCalls::Metavars`), a blanket impl's by path.
        let call = |path: &str, function: &str| {
            let mut out = Vec::with_capacity(10);
            if blanket {
                for segment in &["lazy_core", path, function] {
                    push_colon2(&mut out, site);
                    out.push(TokenTree::Ident(Ident::new(segment, site)));
                }
            } else {
                out.push(TokenTree::Punct(crate::tokens::dollar()));
                out.push(TokenTree::Ident(Ident::new(&format!("__{function}"), site)));
            }
            out.push(self_group.clone());
            out
        };
        // `expand::Realized::Receiver(ReceiverKind::BoxSelf, ..)`.
        let mut into = call("RealizeInto", "into_realized");
        into.pop();
        into.push(TokenTree::Group(Group::new(
            Delimiter::Parenthesis,
            TokenStream::from_iter(vec![
                TokenTree::Punct(Punct::new('*', Spacing::Alone)),
                self_token.clone(),
            ]),
        )));
        let mut realize_boxed = Vec::with_capacity(13);
        for segment in &["lazy_core", "__private", "Box", "new"] {
            push_colon2(&mut realize_boxed, site);
            realize_boxed.push(TokenTree::Ident(Ident::new(segment, site)));
        }
        realize_boxed.push(TokenTree::Group(Group::new(
            Delimiter::Parenthesis,
            into.into_iter().collect(),
        )));
        // `expand::receiver_decl` for `ReceiverKind::BoxSelf`.
        let mut box_self = vec![TokenTree::Punct(Punct::new(':', Spacing::Alone))];
        for segment in &["lazy_core", "__private", "Box"] {
            push_colon2(&mut box_self, site);
            box_self.push(TokenTree::Ident(Ident::new(segment, site)));
        }
        box_self.push(TokenTree::Punct(Punct::new('<', Spacing::Alone)));
        box_self.push(TokenTree::Ident(Ident::new("Self", site)));
        box_self.push(TokenTree::Punct(Punct::new('>', Spacing::Alone)));
        let mut and = Punct::new('&', Spacing::Alone);
        and.set_span(site);
        Words {
            target: target_as_trait.clone().into_iter().collect(),
            call_prefix: call_prefix.clone().into_iter().collect(),
            plain: blanket,
            inline: if !blanket {
                vec![
                    TokenTree::Punct(Punct::new('#', Spacing::Alone)),
                    TokenTree::Group(Group::new(
                        Delimiter::Bracket,
                        TokenStream::from(TokenTree::Ident(Ident::new("inline", site))),
                    )),
                ]
            } else {
                Vec::new()
            },
            fn_token: TokenTree::Ident(Ident::new("fn", site)),
            mut_token: TokenTree::Ident(Ident::new("mut", site)),
            and: TokenTree::Punct(and),
            comma: TokenTree::Punct(Punct::new(',', Spacing::Alone)),
            colon: TokenTree::Punct(Punct::new(':', Spacing::Alone)),
            colon2: colon2(site),
            realize: call("Realize", "realize"),
            realize_mut: call("RealizeMut", "realize_mut"),
            into_realized: call("RealizeInto", "into_realized"),
            realize_boxed,
            box_self,
            self_token,
            args: Vec::new(),
            calls: Vec::new(),
        }
    }

    /// `(::lazy_core::Realize::realize(self), __arg0, ..)`: the receiver
    /// realized as its kind asks, then `count` arguments.
    fn call_args(&mut self, receiver: Receiver, count: usize) -> TokenTree {
        for (kind, n, group) in &self.calls {
            if *kind == receiver && *n == count {
                return group.clone();
            }
        }
        let mut args = match receiver {
            Receiver::MutRef => self.realize_mut.clone(),
            Receiver::Value => self.into_realized.clone(),
            Receiver::BoxSelf => self.realize_boxed.clone(),
            Receiver::Ref | Receiver::None => self.realize.clone(),
        };
        for index in 0..count {
            args.push(self.comma.clone());
            args.push(self.arg(index));
        }
        let group = TokenTree::Group(Group::new(
            Delimiter::Parenthesis,
            args.into_iter().collect(),
        ));
        self.calls.push((receiver, count, group.clone()));
        group
    }

    /// `(realized receiver, __arg0, ::lazy_core::Realize::realize(__arg1),
    /// ..)`: the call's arguments where some are `Self` (`expand::Realized`),
    /// noting what realizing them needs.
    fn call_args_realizing(
        &mut self,
        receiver: Receiver,
        self_args: &[Option<Receiver>],
        out: &mut Scanned,
        at: Span,
    ) -> TokenTree {
        let realize = |words: &Words, kind: Receiver| match kind {
            Receiver::MutRef => words.realize_mut.clone(),
            Receiver::Value => words.into_realized.clone(),
            Receiver::BoxSelf => words.realize_boxed.clone(),
            Receiver::Ref | Receiver::None => words.realize.clone(),
        };
        let mut args = realize(self, receiver);
        for index in 0..self_args.len() {
            let kind = &self_args[index];
            args.push(self.comma.clone());
            let arg = self.arg(index);
            let Some(kind) = *kind else {
                args.push(arg);
                continue;
            };
            match kind {
                Receiver::MutRef => out.needs_mut = true,
                Receiver::Value => {
                    out.needs_into = true;
                    out.sized_at.get_or_insert(at);
                }
                Receiver::Ref | Receiver::None | Receiver::BoxSelf => {}
            }
            // The path, then `(__argN)` instead of `(self)`.
            let mut call = realize(self, kind);
            call.pop();
            args.extend(call);
            args.push(TokenTree::Group(Group::new(
                Delimiter::Parenthesis,
                TokenStream::from(arg),
            )));
        }
        TokenTree::Group(Group::new(
            Delimiter::Parenthesis,
            args.into_iter().collect(),
        ))
    }

    /// `__argN` (`expand::params`' names).
    fn arg(&mut self, index: usize) -> TokenTree {
        while self.args.len() <= index {
            let name = format!("__arg{}", self.args.len());
            self.args
                .push(TokenTree::Ident(Ident::new(&name, Span::mixed_site())));
        }
        self.args[index].clone()
    }
}

/// The argument at `c` is `Self`, `&Self`, `&'a Self` or `&mut Self`
/// (`method::SelfArg::of`): how it is realized.
fn self_arg_at(c: &Cursor) -> Option<Receiver> {
    let mut i = c.i;
    let mut kind = Receiver::Value;
    if c.punct_is('&') {
        i += 1;
        kind = Receiver::Ref;
        let at = Cursor { t: c.t, i };
        if at.lifetime() {
            i += 2;
        }
        if matches!(c.t.get(i), Some(TokenTree::Ident(word)) if word == "mut") {
            i += 1;
            kind = Receiver::MutRef;
        }
    }
    let is_self = matches!(c.t.get(i), Some(TokenTree::Ident(word)) if word == "Self");
    let ends = match c.t.get(i + 1) {
        None => true,
        Some(TokenTree::Punct(p)) => p.as_char() == ',',
        Some(_) => false,
    };
    (is_self && ends).then_some(kind)
}

/// `def_site::has_lifetime`: a lifetime or a reference among `trees`.
/// A key of `trees` by their text alone, each token after a space: a group
/// passed on as written prints the input's spacing, where `def_site` keys
/// the type as syn prints it, so two types that differ in spacing alone
/// are one key there and must be one here. Without `lifetimes`, a
/// lifetime is left out (`Parser<'a>` and `Parser<'static>` are one text;
/// a character `'x'` is kept: `enums::twin_texts`).
pub(crate) fn spaced_text(trees: &[TokenTree], lifetimes: bool, out: &mut String) {
    let mut quote = false;
    for tree in trees {
        let lifetime = quote;
        quote = !lifetimes && matches!(tree, TokenTree::Punct(p) if p.as_char() == '\'');
        if quote || lifetime {
            continue;
        }
        out.push(' ');
        match tree {
            TokenTree::Group(group) => {
                let (open, close) = match group.delimiter() {
                    Delimiter::Parenthesis => ("(", ")"),
                    Delimiter::Bracket => ("[", "]"),
                    Delimiter::Brace => ("{", "}"),
                    Delimiter::None => ("", ""),
                };
                out.push_str(open);
                let inner: Vec<TokenTree> = group.stream().into_iter().collect();
                spaced_text(&inner, lifetimes, out);
                out.push(' ');
                out.push_str(close);
            }
            other => out.push_str(&other.to_string()),
        }
    }
}

fn has_lifetime(trees: &[TokenTree]) -> bool {
    for tree in trees {
        let found = match tree {
            TokenTree::Punct(punct) => matches!(punct.as_char(), '\'' | '&'),
            TokenTree::Group(group) => {
                let inner: Vec<TokenTree> = group.stream().into_iter().collect();
                has_lifetime(&inner)
            }
            _ => false,
        };
        if found {
            return true;
        }
    }
    false
}

/// The words that end the scan wherever they occur: what syn reads with
/// more than this grammar, or what other stages rewrite (`Self`, `as`,
/// `async`, `const`, `crate`, `dyn`, `extern`, `fn`, `for`, `gen`, `impl`,
/// `mut`, `self`, `static`, `super`, `trait`, `type`, `unsafe`, `use`,
/// `where`, `_`). Each name is compared only with the words of its first
/// letter: this runs for every name the scan reads, in the debug build a
/// proc macro runs as, where a search of the whole list cost 3,500
/// instructions a name (8 M of `cargo check`'s at 1,000 methods).
pub(crate) fn refused(text: &str) -> bool {
    let words: &[&str] = match text.as_bytes().first() {
        Some(b'S') => &["Self"],
        Some(b'_') => &["_"],
        Some(b'a') => &["as", "async"],
        Some(b'c') => &["const", "crate"],
        Some(b'd') => &["dyn"],
        Some(b'e') => &["extern"],
        Some(b'f') => &["fn", "for"],
        Some(b'g') => &["gen"],
        Some(b'i') => &["impl"],
        Some(b'm') => &["mut"],
        Some(b's') => &["self", "static", "super"],
        Some(b't') => &["trait", "type"],
        Some(b'u') => &["unsafe", "use"],
        Some(b'w') => &["where"],
        _ => &[],
    };
    words.contains(&text)
}

/// Primitive types, which `def_site` leaves alone.
pub(crate) const PRIMITIVES: &[&str] = &[
    "bool", "char", "str", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64",
    "i128", "isize", "f32", "f64",
];

/// A position in a list of token trees.
struct Cursor<'a> {
    t: &'a [TokenTree],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<&TokenTree> {
        self.t.get(self.i)
    }

    fn punct_is(&self, ch: char) -> bool {
        matches!(self.peek(), Some(TokenTree::Punct(p)) if p.as_char() == ch)
    }

    fn word_is(&self, word: &str) -> bool {
        matches!(self.peek(), Some(TokenTree::Ident(ident)) if ident == word)
    }

    /// At `::` (a joint `:` and another).
    fn colon2(&self) -> bool {
        matches!(self.peek(), Some(TokenTree::Punct(p)) if p.as_char() == ':' && p.spacing() == Spacing::Joint)
            && matches!(self.t.get(self.i + 1), Some(TokenTree::Punct(p)) if p.as_char() == ':')
    }

    /// At `'name`.
    fn lifetime(&self) -> bool {
        matches!(self.peek(), Some(TokenTree::Punct(p)) if p.as_char() == '\'' && p.spacing() == Spacing::Joint)
            && matches!(self.t.get(self.i + 1), Some(TokenTree::Ident(_)))
    }

    /// A name this scan accepts (not raw, not a refused word), taken.
    fn ident(&mut self) -> Option<Ident> {
        let Some(TokenTree::Ident(ident)) = self.peek() else {
            return None;
        };
        let text = ident.to_string();
        if text.starts_with("r#") || refused(&text) {
            return None;
        }
        let ident = ident.clone();
        self.i += 1;
        Some(ident)
    }

    /// Copies `'name` to `out`.
    fn copy_lifetime(&mut self, out: &mut Vec<TokenTree>) -> Option<()> {
        if !self.lifetime() {
            return None;
        }
        let TokenTree::Ident(name) = &self.t[self.i + 1] else {
            return None;
        };
        // `'Self` is seen as a mention of `Self` (`tokens::mentions_bare_self`);
        // no keyword but `'static` and `'_` names a lifetime.
        let text = name.to_string();
        if text.starts_with("r#")
            || text == "gen"
            || (refused(&text) && text != "static" && text != "_")
        {
            return None;
        }
        out.push(self.t[self.i].clone());
        out.push(self.t[self.i + 1].clone());
        self.i += 2;
        Some(())
    }
}

/// How `def_site` looks at a type: not at all (bounds, where clauses, a
/// result it leaves alone), or where it is.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Copy,
    Arg,
    /// A result with lifetimes to elide from: the receiver's.
    ResultElided,
    /// A result with none, or a const's type.
    ResultStatic,
}

/// A type `def_site` carries as an associated type of the hidden
/// supertrait: its key (`def_site`'s text of it), name and tokens.
struct CarriedType {
    key: String,
    name: Ident,
    /// Its type parameters (the wrapper's, of a carried `Result<Self>`).
    params: Vec<Ident>,
    ty: Vec<TokenTree>,
}

/// Reads one method's generics, types, bounds and predicates.
struct Reader {
    /// The method's type parameters: (name, ident).
    params: Vec<(String, Ident)>,
    /// The method's lifetime parameters' names, without the `'`.
    lifetimes: Vec<String>,
    /// Every method's lifetime and type parameters, each name once.
    method_params: Vec<MethodParam>,
    /// The trait's hash (`unique_suffix`), for the carried types' names.
    suffix: u64,
    /// The types carried so far, in order.
    carried: RefCell<Vec<CarriedType>>,
    /// The receiver's lifetime (`&'a self`), as written.
    receiver_lifetime: Vec<TokenTree>,
    /// Some token was written otherwise than as the input has it (a
    /// spacing syn prints otherwise, a rewritten path): a group cannot be
    /// passed on as it is.
    changed: Cell<bool>,
    /// The last key left off at a `dyn` type, which `def_site` keys by the
    /// text of the whole type (`Carrier::key` returns `None` there).
    text_key: Cell<bool>,
    /// A type was carried or a path written absolute since this was last
    /// cleared: what `Words::plain` writes as the trait does instead.
    rewrote: Cell<bool>,
    /// While a result is read: whether it names `Self` of its own (else
    /// `None`, and such a `Self` is left to syn).
    bare_self: Cell<Option<bool>>,
    /// The method's `where` clause asks `Self: Sized`.
    self_sized: Cell<bool>,
    /// The method's `where` clause bounds `Self` otherwise.
    self_bound: Cell<bool>,
    /// The trait's name, whose use as a path's first name sets
    /// `names_itself` (`Option<&dyn Failure>` in `trait Failure`).
    own: String,
    names_itself: Cell<bool>,
}

impl Reader {
    fn new(suffix: u64) -> Reader {
        Reader {
            params: Vec::new(),
            lifetimes: Vec::new(),
            method_params: Vec::new(),
            suffix,
            carried: RefCell::new(Vec::new()),
            receiver_lifetime: Vec::new(),
            changed: Cell::new(false),
            text_key: Cell::new(false),
            rewrote: Cell::new(false),
            bare_self: Cell::new(None),
            self_sized: Cell::new(false),
            self_bound: Cell::new(false),
            own: String::new(),
            names_itself: Cell::new(false),
        }
    }

    /// The type at `start` of `trees` as the trait writes it (`Mode::Copy`,
    /// spacing as syn prints it), for `Words::plain`: read again, leaving
    /// the flags the first reading set as they were.
    fn as_written(&self, trees: &[TokenTree], start: usize) -> Option<Vec<TokenTree>> {
        let flags = (self.changed.get(), self.bare_self.replace(Some(false)));
        let mut out = Vec::new();
        let read = self.ty(&mut Cursor { t: trees, i: start }, Mode::Copy, &mut out);
        self.changed.set(flags.0);
        self.bare_self.set(flags.1);
        match read {
            Some(()) => Some(out),
            None => None,
        }
    }

    /// A punctuation token as syn prints a one-character token: alone.
    fn alone(&self, tree: TokenTree) -> TokenTree {
        match tree {
            TokenTree::Punct(p) if p.spacing() == Spacing::Joint => {
                self.changed.set(true);
                let mut new = Punct::new(p.as_char(), Spacing::Alone);
                new.set_span(p.span());
                TokenTree::Punct(new)
            }
            other => other,
        }
    }

    fn is_param(&self, name: &str) -> bool {
        for (param, _) in &self.params {
            if param == name {
                return true;
            }
        }
        false
    }

    /// `<'a: 'b, T: Bounds, ..>`: lifetimes first, no defaults or consts.
    fn generics(&mut self, c: &mut Cursor, out: &mut Vec<TokenTree>) -> Option<()> {
        out.push(self.alone(c.t[c.i].clone()));
        c.i += 1;
        let mut seen_type = false;
        loop {
            if c.punct_is('>') {
                break;
            }
            if c.lifetime() {
                if seen_type {
                    return None;
                }
                c.copy_lifetime(out)?;
                if let Some(TokenTree::Ident(name)) = out.last() {
                    let name = name.to_string();
                    add_method_param(&mut self.method_params, format!("'{name}"));
                    self.lifetimes.push(name);
                }
                if c.punct_is(':') && !c.colon2() {
                    out.push(self.alone(c.t[c.i].clone()));
                    c.i += 1;
                    self.lifetimes(c, out)?;
                }
            } else {
                seen_type = true;
                let name = c.ident()?;
                out.push(TokenTree::Ident(name.clone()));
                let text = name.to_string();
                add_method_param(&mut self.method_params, text.clone());
                self.params.push((text, name));
                if c.punct_is(':') && !c.colon2() {
                    out.push(self.alone(c.t[c.i].clone()));
                    c.i += 1;
                    let before = out.len();
                    self.bounds(c, out)?;
                    if out.len() == before {
                        return None;
                    }
                }
            }
            if c.punct_is(',') {
                out.push(self.alone(c.t[c.i].clone()));
                c.i += 1;
            } else if !c.punct_is('>') {
                return None;
            }
        }
        out.push(self.alone(c.t[c.i].clone()));
        c.i += 1;
        // `<>` is printed as nothing by syn.
        if out.len() == 2 {
            return None;
        }
        Some(())
    }

    /// `'a + 'b`, at least one.
    fn lifetimes(&self, c: &mut Cursor, out: &mut Vec<TokenTree>) -> Option<()> {
        loop {
            c.copy_lifetime(out)?;
            if !c.punct_is('+') {
                return Some(());
            }
            out.push(self.alone(c.t[c.i].clone()));
            c.i += 1;
        }
    }

    /// `Bound + ?Sized + 'a`: trait paths (without `Fn(..)` sugar) and
    /// lifetimes; stops before anything else.
    fn bounds(&self, c: &mut Cursor, out: &mut Vec<TokenTree>) -> Option<()> {
        loop {
            if c.lifetime() {
                c.copy_lifetime(out)?;
            } else {
                if c.punct_is('?') {
                    out.push(self.alone(c.t[c.i].clone()));
                    c.i += 1;
                }
                self.path(c, Mode::Copy, None, out)?;
            }
            if !c.punct_is('+') {
                return Some(());
            }
            out.push(self.alone(c.t[c.i].clone()));
            c.i += 1;
            // A trailing `+`.
            if !(c.lifetime()
                || c.punct_is('?')
                || c.punct_is(':')
                || matches!(c.peek(), Some(TokenTree::Ident(_))))
            {
                return Some(());
            }
        }
    }

    /// A `where` clause's predicates, up to the body or `;`. One that
    /// names none of the method's parameters and bounds other than `Self`
    /// (`where Self::Item: Ord`) is left to syn: its forwarder may bind it
    /// under a lifetime (`method::forwarder_where`).
    fn predicates(&self, c: &mut Cursor, out: &mut Vec<TokenTree>) -> Option<()> {
        let mut any = false;
        loop {
            if c.punct_is(';')
                || matches!(c.peek(), Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace)
            {
                return any.then_some(());
            }
            if c.lifetime() {
                c.copy_lifetime(out)?;
                if !c.punct_is(':') || c.colon2() {
                    return None;
                }
                out.push(self.alone(c.t[c.i].clone()));
                c.i += 1;
                self.lifetimes(c, out)?;
            } else {
                let start = out.len();
                // `Self: Bounds`, which `Method::new` looks at.
                let on_self = c.word_is("Self")
                    && matches!(c.t.get(c.i + 1), Some(TokenTree::Punct(p)) if p.as_char() == ':' && p.spacing() == Spacing::Alone);
                if on_self {
                    out.push(c.t[c.i].clone());
                    c.i += 1;
                } else {
                    self.ty(c, Mode::Copy, out)?;
                }
                if !c.punct_is(':') || c.colon2() {
                    return None;
                }
                out.push(self.alone(c.t[c.i].clone()));
                c.i += 1;
                let before = out.len();
                self.bounds(c, out)?;
                if out.len() == before {
                    return None;
                }
                if on_self {
                    self.self_bounds(&out[before..]);
                } else if !self.names_a_method_param(&out[start..]) {
                    return None;
                }
            }
            any = true;
            if c.punct_is(',') {
                out.push(self.alone(c.t[c.i].clone()));
                c.i += 1;
            } else if !(c.punct_is(';')
                || matches!(c.peek(), Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace))
            {
                return None;
            }
        }
    }

    /// `trees` name one of the method's type or lifetime parameters.
    fn names_a_method_param(&self, trees: &[TokenTree]) -> bool {
        for tree in trees {
            let named = match tree {
                TokenTree::Ident(ident) => {
                    let text = ident.to_string();
                    self.is_param(&text) || self.lifetimes.contains(&text)
                }
                TokenTree::Group(group) => {
                    let inner: Vec<TokenTree> = group.stream().into_iter().collect();
                    self.names_a_method_param(&inner)
                }
                TokenTree::Punct(_) | TokenTree::Literal(_) => false,
            };
            if named {
                return true;
            }
        }
        false
    }

    /// Notes what the bounds of a `Self: ..` predicate ask
    /// (`method::requires_self_sized`, `method::bounds_mention_self`): a
    /// trait bound whose last segment is `Sized` asks `Self: Sized`, any
    /// other trait bound mentions `Self`, a lifetime neither.
    fn self_bounds(&self, bounds: &[TokenTree]) {
        // The last name outside `<..>` of each bound.
        let mut depth = 0usize;
        let mut last: Option<&Ident> = None;
        let mut lifetime = false;
        let end = |last: Option<&Ident>, lifetime: bool| {
            if lifetime {
                return;
            }
            match last {
                Some(name) if name == "Sized" => self.self_sized.set(true),
                _ => self.self_bound.set(true),
            }
        };
        for tree in bounds {
            match tree {
                TokenTree::Punct(p) if p.as_char() == '<' => depth += 1,
                TokenTree::Punct(p) if p.as_char() == '>' => depth = depth.saturating_sub(1),
                TokenTree::Punct(p) if p.as_char() == '\'' && depth == 0 => lifetime = true,
                TokenTree::Punct(p) if p.as_char() == '+' && depth == 0 => {
                    end(last.take(), lifetime);
                    lifetime = false;
                }
                TokenTree::Ident(name) if depth == 0 && !lifetime => last = Some(name),
                _ => {}
            }
        }
        // A trailing `+` ends no bound.
        if last.is_some() || lifetime {
            end(last, lifetime);
        }
    }

    /// One type, copied to `out`; with `visit`, checked and rewritten as
    /// `def_site` does a signature's type.
    fn ty(&self, c: &mut Cursor, mode: Mode, out: &mut Vec<TokenTree>) -> Option<()> {
        self.ty_plus(c, mode, true, out)
    }

    /// [`Reader::ty`]; `plus`: a `dyn` or `impl` there may have several
    /// bounds (syn's `allow_plus`).
    fn ty_plus(
        &self,
        c: &mut Cursor,
        mode: Mode,
        plus: bool,
        out: &mut Vec<TokenTree>,
    ) -> Option<()> {
        match c.peek()? {
            TokenTree::Punct(p) if p.as_char() == '&' => {
                out.push(self.alone(c.t[c.i].clone()));
                c.i += 1;
                if c.lifetime() {
                    c.copy_lifetime(out)?;
                }
                if c.word_is("mut") {
                    out.push(c.t[c.i].clone());
                    c.i += 1;
                }
                // `&dyn A + B` is not `&(dyn A + B)`: syn reads one bound.
                self.ty_plus(c, mode, false, out)
            }
            TokenTree::Punct(p) if p.as_char() == '!' => {
                out.push(self.alone(c.t[c.i].clone()));
                c.i += 1;
                Some(())
            }
            TokenTree::Group(group) => {
                let inner: Vec<TokenTree> = group.stream().into_iter().collect();
                let mut ic = Cursor { t: &inner, i: 0 };
                let mut copied = Vec::new();
                let changed_before = self.changed.replace(false);
                match group.delimiter() {
                    Delimiter::Parenthesis => {
                        while ic.i < inner.len() {
                            self.ty(&mut ic, mode, &mut copied)?;
                            if ic.punct_is(',') {
                                copied.push(self.alone(inner[ic.i].clone()));
                                ic.i += 1;
                            } else if ic.i < inner.len() {
                                return None;
                            }
                        }
                    }
                    Delimiter::Bracket => {
                        self.ty(&mut ic, mode, &mut copied)?;
                        if ic.punct_is(';') {
                            copied.push(self.alone(inner[ic.i].clone()));
                            ic.i += 1;
                            let Some(TokenTree::Literal(_)) = ic.peek() else {
                                return None;
                            };
                            copied.push(inner[ic.i].clone());
                            ic.i += 1;
                        }
                        if ic.i != inner.len() {
                            return None;
                        }
                    }
                    _ => return None,
                }
                if self.changed.replace(changed_before) {
                    self.changed.set(true);
                    let mut new = Group::new(group.delimiter(), copied.into_iter().collect());
                    new.set_span(group.span());
                    out.push(TokenTree::Group(new));
                } else {
                    // Written as the input has it: passed on as it is.
                    out.push(c.t[c.i].clone());
                }
                c.i += 1;
                Some(())
            }
            TokenTree::Punct(p) if p.as_char() == ':' => self.path(c, mode, None, out),
            TokenTree::Ident(ident) => {
                // Each comparison of an `Ident` is a `to_string`: once here.
                let name = ident.to_string();
                if name == "dyn" || name == "impl" {
                    return self.trait_object(c, mode, plus, name == "impl", out);
                }
                self.path(c, mode, Some(name), out)
            }
            _ => None,
        }
    }

    /// `dyn Trait<Args> + Send + 'a` (syn's `TypeTraitObject`) or `impl
    /// Trait + 'a` (`TypeImplTrait`), one bound where `plus` is false, as
    /// `def_site` leaves them: every bound kept as written, the trait
    /// paths' arguments looked at in `mode`, but nothing in an argument's
    /// `impl`. `use<..>` (which `captures` rewrites for the impl),
    /// `for<..>`, `?Trait`, `(Trait)`, `Fn(..)` sugar, `const` bounds and
    /// `dyn*` are left to syn.
    fn trait_object(
        &self,
        c: &mut Cursor,
        mode: Mode,
        plus: bool,
        is_impl: bool,
        out: &mut Vec<TokenTree>,
    ) -> Option<()> {
        let mode = if is_impl && mode == Mode::Arg {
            Mode::Copy
        } else {
            mode
        };
        out.push(c.t[c.i].clone());
        c.i += 1;
        let mut traits = 0;
        loop {
            if c.lifetime() {
                c.copy_lifetime(out)?;
            } else {
                self.path_tokens(c, mode, None, out)?;
                traits += 1;
            }
            if !plus || !c.punct_is('+') {
                break;
            }
            out.push(self.alone(c.t[c.i].clone()));
            c.i += 1;
            // A trailing `+` (syn reads on at what could start a bound).
            if !(c.lifetime()
                || c.punct_is('?')
                || c.punct_is(':')
                || matches!(c.peek(), Some(TokenTree::Ident(_)))
                || matches!(c.peek(), Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis))
            {
                break;
            }
        }
        // `dyn 'a` is no type.
        (traits > 0).then_some(())
    }

    /// A path `::a::b<Args>::c`, as `def_site` leaves it (outside
    /// `Mode::Copy`): one that names the same type anywhere is kept, with a
    /// bare `Option`, `Vec`, `Box` or `String` written by absolute path
    /// (`def_site::from_alloc`); any other is carried whole as the hidden
    /// supertrait's associated type, or, when it names something an alias
    /// cannot (`Self`, a parameter, a lifetime), kept with its arguments
    /// looked at.
    /// `known`: the first name's text, when the caller has it.
    fn path(
        &self,
        c: &mut Cursor,
        mode: Mode,
        known: Option<String>,
        out: &mut Vec<TokenTree>,
    ) -> Option<()> {
        if mode == Mode::Copy || c.colon2() {
            return self.path_tokens(c, mode, known, out).and(Some(()));
        }
        let Some(TokenTree::Ident(first)) = c.peek() else {
            return None;
        };
        let name = match known {
            Some(name) => name,
            None => first.to_string(),
        };
        let span = first.span();
        if self.is_param(&name) || name == "Self" {
            return self.path_tokens(c, mode, Some(name), out).and(Some(()));
        }
        let alloc = match name.as_str() {
            "Option" => Some(("core", "option")),
            "Vec" | "Box" | "String" => Some(("lazy_core", "__private")),
            _ => None,
        };
        if alloc.is_none() && !PRIMITIVES.contains(&name.as_str()) {
            let mut key = String::new();
            self.text_key.set(false);
            let whole = match self.key_path(&mut Cursor { t: c.t, i: c.i }, &mut key) {
                Some(whole) => whole,
                None if self.text_key.get() => {
                    return self.text_keyed(c, mode, name, out);
                }
                None => return None,
            };
            if !whole {
                return self.path_tokens(c, mode, Some(name), out).and(Some(()));
            }
            let mut ty = Vec::new();
            self.path_tokens(c, Mode::Copy, Some(name), &mut ty)?;
            self.carry(key, ty, mode, out);
            return Some(());
        }
        let start = out.len();
        if self.path_tokens(c, mode, Some(name), out)? != 1 {
            return None;
        }
        let Some((root, module)) = alloc else {
            return Some(());
        };
        self.changed.set(true);
        self.rewrote.set(true);
        let span = Span::call_site().located_at(span);
        let mut prefix = Vec::with_capacity(8);
        push_colon2(&mut prefix, span);
        prefix.push(TokenTree::Ident(Ident::new(root, span)));
        push_colon2(&mut prefix, Span::call_site());
        prefix.push(TokenTree::Ident(Ident::new(module, span)));
        push_colon2(&mut prefix, Span::call_site());
        out.splice(start..start, prefix);
        Some(())
    }

    /// A path to carry whole that holds a `dyn` type: `def_site` keys it by
    /// its text (`Carrier::carry_whole`), and carries it unless that names
    /// a lifetime, a reference, `Self`, `impl`, `_` or a parameter; else it
    /// is kept with its arguments looked at.
    fn text_keyed(
        &self,
        c: &mut Cursor,
        mode: Mode,
        name: String,
        out: &mut Vec<TokenTree>,
    ) -> Option<()> {
        let mut ahead = Cursor { t: c.t, i: c.i };
        let mut ty = Vec::new();
        let changed = self.changed.get();
        self.path_tokens(&mut ahead, Mode::Copy, Some(name.clone()), &mut ty)?;
        self.changed.set(changed);
        if has_lifetime(&ty) || self.declares(&ty) {
            return self.path_tokens(c, mode, Some(name), out).and(Some(()));
        }
        c.i = ahead.i;
        let mut key = String::new();
        spaced_text(&ty, true, &mut key);
        self.carry(key, ty, mode, out);
        Some(())
    }

    /// Whether `trees` name `Self`, `impl`, `_` or a parameter (what
    /// `def_site` looks for in a type it keys by its text).
    fn declares(&self, trees: &[TokenTree]) -> bool {
        for tree in trees {
            let found = match tree {
                TokenTree::Ident(ident) => {
                    let text = ident.to_string();
                    text == "Self" || text == "impl" || text == "_" || self.is_param(&text)
                }
                TokenTree::Group(group) => {
                    let inner: Vec<TokenTree> = group.stream().into_iter().collect();
                    self.declares(&inner)
                }
                _ => false,
            };
            if found {
                return true;
            }
        }
        false
    }

    /// The path's tokens, its arguments' types read in `mode`; the number
    /// of segments.
    fn path_tokens(
        &self,
        c: &mut Cursor,
        mode: Mode,
        mut first: Option<String>,
        out: &mut Vec<TokenTree>,
    ) -> Option<usize> {
        let leading = c.colon2();
        if leading {
            out.push(c.t[c.i].clone());
            out.push(self.alone(c.t[c.i + 1].clone()));
            c.i += 2;
        }
        let mut segments = 0;
        loop {
            let Some(TokenTree::Ident(ident)) = c.peek() else {
                return None;
            };
            let text = match first.take() {
                Some(text) => text,
                None => ident.to_string(),
            };
            let projection = text == "Self" && segments == 0 && !leading && {
                let mut ahead = Cursor { t: c.t, i: c.i + 1 };
                ahead.colon2() && {
                    ahead.i += 2;
                    matches!(ahead.peek(), Some(TokenTree::Ident(_)))
                }
            };
            // `Self` of its own, where the caller takes it (a result).
            let bare_self = text == "Self"
                && segments == 0
                && !leading
                && !projection
                && self.bare_self.get().is_some()
                && !matches!(c.t.get(c.i + 1), Some(TokenTree::Punct(p)) if p.as_char() == '<');
            if segments == 0 && !leading && text == self.own {
                self.names_itself.set(true);
            }
            if bare_self {
                self.bare_self.set(Some(true));
            } else if !projection && (text.starts_with("r#") || refused(&text)) {
                return None;
            }
            out.push(c.t[c.i].clone());
            c.i += 1;
            segments += 1;
            if c.punct_is('<') {
                self.args(c, mode, out)?;
            } else if c.punct_is('!')
                || matches!(c.peek(), Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis)
            {
                return None;
            }
            if !c.colon2() {
                return Some(segments);
            }
            if !matches!(c.t.get(c.i + 2), Some(TokenTree::Ident(_))) {
                return None;
            }
            out.push(c.t[c.i].clone());
            out.push(self.alone(c.t[c.i + 1].clone()));
            c.i += 2;
        }
    }

    /// Carries `ty` (`def_site::Carrier::carry_whole`): the same key, the
    /// same associated type; written as `Self::name<'lifetime>`.
    fn carry(&self, key: String, ty: Vec<TokenTree>, mode: Mode, out: &mut Vec<TokenTree>) {
        self.carry_as("__lazy_", None, key, ty, mode, out);
    }

    /// A result `Path::Result<Self, E..>` that does not start at a root,
    /// whose other arguments are carried whole (`Result<Self>` of the
    /// module's alias, `io::Result<Self>`, `Result<Self, Error>`): carried
    /// as `def_site::Carrier::self_result` carries it, with a parameter for
    /// the wrapper, `Self::__lazy_result_N<'lifetime, Self>`. `false`, and
    /// nothing read, for any other type.
    fn self_result(&self, c: &mut Cursor, mode: Mode, out: &mut Vec<TokenTree>) -> bool {
        let mut ahead = Cursor { t: c.t, i: c.i };
        let Some(TokenTree::Ident(first)) = ahead.peek() else {
            return false;
        };
        let first = first.to_string();
        if first == "crate" || first == "$crate" || first == "Self" || self.is_param(&first) {
            return false;
        }
        // The head: words without arguments, up to `Result<`.
        loop {
            let Some(TokenTree::Ident(word)) = ahead.peek() else {
                return false;
            };
            let last = word == "Result"
                && matches!(ahead.t.get(ahead.i + 1), Some(TokenTree::Punct(p)) if p.as_char() == '<');
            // `def_site` carries no head that names a parameter.
            if !last && self.is_param(&word.to_string()) {
                return false;
            }
            ahead.i += 1;
            if last {
                ahead.i += 1;
                break;
            }
            if !ahead.colon2() {
                return false;
            }
            ahead.i += 2;
        }
        // `Self`, then types that `def_site` carries whole.
        if !ahead.word_is("Self") {
            return false;
        }
        ahead.i += 1;
        loop {
            if ahead.punct_is('>') {
                ahead.i += 1;
                break;
            }
            if !ahead.punct_is(',') {
                return false;
            }
            ahead.i += 1;
            if ahead.punct_is('>') {
                ahead.i += 1;
                break;
            }
            let named =
                matches!(ahead.t.get(ahead.i + 1), Some(TokenTree::Punct(p)) if p.as_char() == '=');
            if named
                || ahead.lifetime()
                || self.key_ty(&mut ahead, &mut String::new()) != Some(true)
            {
                return false;
            }
        }
        if ahead.colon2() || ahead.punct_is('<') {
            return false;
        }
        // The type as syn prints it, and as carried: the wrapper a parameter,
        // which follows the first `<` (the head has no arguments).
        let mut ty = Vec::new();
        let changed = self.changed.get();
        let mut copy = Cursor { t: c.t, i: c.i };
        let read = self.path_tokens(&mut copy, Mode::Copy, None, &mut ty);
        let at = crate::tokens::position(
            &ty,
            &|tree| matches!(tree, TokenTree::Punct(p) if p.as_char() == '<'),
        );
        let (Some(_), Some(at), true) = (read, at, copy.i == ahead.i) else {
            self.changed.set(changed);
            return false;
        };
        c.i = ahead.i;
        let mut key = String::from("Self in");
        spaced_text(&ty, true, &mut key);
        let param = Ident::new(&format!("__LazyS_{:016x}", self.suffix), Span::call_site());
        ty[at + 1] = TokenTree::Ident(param.clone());
        self.carry_as(RESULT_PREFIX, Some(param), key, ty, mode, out);
        true
    }

    /// [`Self::carry`] under `prefix`, with the wrapper's `param` for a
    /// carried `Result<Self>` (passed `Self`).
    fn carry_as(
        &self,
        prefix: &str,
        param: Option<Ident>,
        key: String,
        ty: Vec<TokenTree>,
        mode: Mode,
        out: &mut Vec<TokenTree>,
    ) {
        self.changed.set(true);
        self.rewrote.set(true);
        let mut carried = self.carried.borrow_mut();
        let mut index = carried.len();
        for i in 0..carried.len() {
            let known = &carried[i];
            if known.key == key {
                index = i;
                break;
            }
        }
        let passes_self = param.is_some();
        if index == carried.len() {
            let name = format!("{prefix}{}_{:016x}", index, self.suffix);
            carried.push(CarriedType {
                key,
                name: Ident::new(&name, Span::call_site()),
                params: param.into_iter().collect(),
                ty,
            });
        }
        let site = Span::call_site();
        out.push(TokenTree::Ident(Ident::new("Self", site)));
        out.extend(colon2(site));
        out.push(TokenTree::Ident(carried[index].name.clone()));
        out.push(TokenTree::Punct(Punct::new('<', Spacing::Alone)));
        let lifetime = match mode {
            Mode::ResultElided if !self.receiver_lifetime.is_empty() => {
                out.extend(self.receiver_lifetime.iter().cloned());
                None
            }
            Mode::ResultStatic => Some("static"),
            _ => Some("_"),
        };
        if let Some(name) = lifetime {
            out.push(TokenTree::Punct(Punct::new('\'', Spacing::Joint)));
            out.push(TokenTree::Ident(Ident::new(name, site)));
        }
        if passes_self {
            out.push(TokenTree::Punct(Punct::new(',', Spacing::Alone)));
            out.push(TokenTree::Ident(Ident::new("Self", site)));
        }
        out.push(TokenTree::Punct(Punct::new('>', Spacing::Alone)));
    }

    /// `def_site`'s key of a type (`Carrier::key`), appended to `key`:
    /// `Some(true)` when it can be carried whole, `Some(false)` when it
    /// names `Self`, a parameter, a lifetime or a reference, `None` for a
    /// shape `def_site` would look at as tokens (left to syn).
    fn key_ty(&self, c: &mut Cursor, key: &mut String) -> Option<bool> {
        match c.peek()? {
            TokenTree::Punct(p) if p.as_char() == '&' => Some(false),
            TokenTree::Ident(ident) if ident == "dyn" => {
                self.text_key.set(true);
                None
            }
            TokenTree::Ident(ident) if ident == "impl" => Some(false),
            TokenTree::Punct(p) if p.as_char() == '!' => {
                c.i += 1;
                key.push('!');
                Some(true)
            }
            TokenTree::Group(group) => {
                let inner: Vec<TokenTree> = group.stream().into_iter().collect();
                let delimiter = group.delimiter();
                c.i += 1;
                let mut ic = Cursor { t: &inner, i: 0 };
                match delimiter {
                    Delimiter::Parenthesis => {
                        if inner.is_empty() {
                            key.push_str("()");
                            return Some(true);
                        }
                        // `(T)` is `T`; `(T,)` and `(T, U)` are tuples.
                        let mut first = String::new();
                        if !self.key_ty(&mut ic, &mut first)? {
                            return Some(false);
                        }
                        if ic.i == inner.len() {
                            key.push_str(&first);
                            return Some(true);
                        }
                        key.push('(');
                        key.push_str(&first);
                        key.push(',');
                        loop {
                            if ic.i == inner.len() {
                                break;
                            }
                            if !ic.punct_is(',') {
                                return None;
                            }
                            ic.i += 1;
                            if ic.i == inner.len() {
                                break;
                            }
                            if !self.key_ty(&mut ic, key)? {
                                return Some(false);
                            }
                            key.push(',');
                        }
                        key.push(')');
                        Some(true)
                    }
                    Delimiter::Bracket => {
                        // An array's key is not written: looked at as tokens.
                        for tree in &inner {
                            if matches!(tree, TokenTree::Punct(p) if p.as_char() == ';') {
                                return None;
                            }
                        }
                        key.push('[');
                        let whole = self.key_ty(&mut ic, key);
                        key.push(']');
                        whole
                    }
                    _ => None,
                }
            }
            TokenTree::Punct(p) if p.as_char() == ':' => self.key_path(c, key),
            TokenTree::Ident(_) => self.key_path(c, key),
            _ => None,
        }
    }

    fn key_path(&self, c: &mut Cursor, key: &mut String) -> Option<bool> {
        let first = !c.colon2();
        if !first {
            key.push_str("::");
            c.i += 2;
        }
        let mut segments = 0;
        loop {
            let Some(TokenTree::Ident(ident)) = c.peek() else {
                return None;
            };
            let name = ident.to_string();
            // Only a path's first name can be `Self` or a parameter, as in
            // `def_site`.
            if name == "_" || (segments == 0 && first && (name == "Self" || self.is_param(&name))) {
                return Some(false);
            }
            if segments > 0 {
                key.push_str("::");
            }
            key.push_str(&name);
            c.i += 1;
            segments += 1;
            if c.punct_is('<') {
                c.i += 1;
                key.push('<');
                loop {
                    if c.punct_is('>') {
                        c.i += 1;
                        break;
                    }
                    // As in `def_site`: `'static` alone.
                    if c.lifetime() {
                        if !matches!(c.t.get(c.i + 1), Some(TokenTree::Ident(name)) if name == "static")
                        {
                            return Some(false);
                        }
                        key.push_str("'static,");
                        c.i += 2;
                        if c.punct_is(',') {
                            c.i += 1;
                        }
                        continue;
                    }
                    match (c.peek(), c.t.get(c.i + 1)) {
                        (Some(TokenTree::Literal(_)), _) => return None,
                        (Some(TokenTree::Ident(name)), Some(TokenTree::Punct(eq)))
                            if eq.as_char() == '=' && eq.spacing() == Spacing::Alone =>
                        {
                            key.push_str(&name.to_string());
                            key.push('=');
                            c.i += 2;
                        }
                        _ => {}
                    }
                    if !self.key_ty(c, key)? {
                        return Some(false);
                    }
                    key.push(',');
                    if c.punct_is(',') {
                        c.i += 1;
                    } else if !c.punct_is('>') {
                        return None;
                    }
                }
                key.push('>');
            } else if matches!(c.peek(), Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis)
            {
                return None;
            }
            if !c.colon2() {
                return Some(true);
            }
            c.i += 2;
        }
    }

    /// `<'a, Type, Name = Type, 3>`.
    fn args(&self, c: &mut Cursor, mode: Mode, out: &mut Vec<TokenTree>) -> Option<()> {
        out.push(self.alone(c.t[c.i].clone()));
        c.i += 1;
        let mut seen_other = false;
        loop {
            if c.punct_is('>') {
                break;
            }
            // syn prints lifetimes first: `<T, 'a>` is left to it.
            let lifetime = c.lifetime();
            if lifetime && seen_other {
                return None;
            }
            seen_other |= !lifetime;
            if lifetime {
                c.copy_lifetime(out)?;
            } else if let Some(TokenTree::Literal(_)) = c.peek() {
                out.push(c.t[c.i].clone());
                c.i += 1;
            } else if matches!(c.peek(), Some(TokenTree::Ident(_)))
                && matches!(c.t.get(c.i + 1), Some(TokenTree::Punct(p)) if p.as_char() == '=' && p.spacing() == Spacing::Alone)
            {
                let name = c.ident()?;
                out.push(TokenTree::Ident(name));
                out.push(c.t[c.i].clone());
                c.i += 1;
                self.ty(c, mode, out)?;
            } else {
                self.ty(c, mode, out)?;
            }
            if c.punct_is(',') {
                out.push(self.alone(c.t[c.i].clone()));
                c.i += 1;
            } else if !c.punct_is('>') {
                return None;
            }
        }
        out.push(self.alone(c.t[c.i].clone()));
        c.i += 1;
        Some(())
    }
}
