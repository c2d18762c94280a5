//! A trait definition's syntax tree, read and printed without syn's `full`
//! feature.
//!
//! syn's trait items (`ItemTrait`, `TraitItemFn`, `Signature`, `FnArg`, ...)
//! exist only with `full`, which nearly doubles syn's own build (9.69 against
//! 5.86 G rustc instructions in a cold dev build). The types here have the
//! fields of syn's that this crate reads, under the same names, and are read
//! with syn's derive-mode parsers (attributes, visibility, generics, types,
//! bounds), so that the rest of the crate works on them as it did on syn's.
//! What the crate never looks into stays tokens: a default method's body, an
//! argument's pattern, a const's default value.
//!
//! They print the very tokens (and spans) that syn's printing of its own
//! types writes. Where derive-mode syn cannot read a type (an array length
//! or const argument that is a block of statements, `[u8; { let n = 2; n }]`,
//! a `use<..>` bound), the tree is built as `full` builds it around the part
//! that derive mode cannot read, which is kept verbatim (an `Expr::Verbatim`
//! block, where `full` has an `Expr::Block` that this crate reads no further;
//! a `use<..>` printed as syn prints it); what even that does not read (a
//! qualified path with such an argument, a `[const]` bound) is kept whole as
//! `Type::Verbatim` or `TypeParamBound::Verbatim`. Nothing is refused that
//! `full` reads: the trait compiled, so its syntax is valid. The code builds
//! and reads the same with `full` on (a workspace whose other crates turn it
//! on for this one): there syn reads first, and the rest is not reached.

use proc_macro2::{Spacing, TokenStream, TokenTree};
use quote::{ToTokens, TokenStreamExt};
use syn::buffer::Cursor;
use syn::ext::IdentExt;
use syn::parse::discouraged::Speculative;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{
    Abi, AttrStyle, Attribute, BoundLifetimes, ConstParam, Error, Expr, GenericParam, Generics,
    Ident, Lifetime, Macro, PredicateType, Result, ReturnType, Token, Type, TypeImplTrait,
    TypeParam, TypeParamBound, Visibility, WhereClause, WherePredicate, token,
};

/// A trait definition: syn's `ItemTrait`, with `auto` beside `unsafe`.
pub struct ItemTrait {
    /// Outer attributes, then the inner ones of the body (`#![..]`).
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub unsafety: Option<Token![unsafe]>,
    pub auto_token: Option<Token![auto]>,
    pub trait_token: Token![trait],
    pub ident: Ident,
    /// With the trait's `where` clause.
    pub generics: Generics,
    pub colon_token: Option<Token![:]>,
    pub supertraits: Punctuated<TypeParamBound, Token![+]>,
    pub brace_token: token::Brace,
    pub items: Vec<TraitItem>,
}

/// An item in a trait, as syn's `TraitItem`.
pub enum TraitItem {
    /// `const NAME: Type = value;`
    Const(TraitItemConst),
    /// `fn name(..) -> Type;` or with a default body.
    Fn(TraitItemFn),
    /// `type Name: Bounds = Type;`
    Type(TraitItemType),
    /// `name!(..);`: an error for `#[forwardable]`, which cannot see into it.
    Macro(TraitItemMacro),
    /// What syn keeps as tokens too: an item with a visibility or
    /// `default`, a generic const.
    Verbatim(TokenStream),
}

/// An associated const. Its default value is never read: its tokens up to
/// the `;` (or the `where` clause, which syn keeps with the generics of an
/// item it then leaves verbatim).
pub struct TraitItemConst {
    pub attrs: Vec<Attribute>,
    pub const_token: Token![const],
    pub ident: Ident,
    pub colon_token: Token![:],
    pub ty: Type,
    pub default: Option<(Token![=], TokenStream)>,
    pub semi_token: Token![;],
}

/// A method. Its default body is kept as tokens (but for its inner
/// attributes, which syn moves into `attrs`).
pub struct TraitItemFn {
    /// Outer attributes, then the inner ones of the body.
    pub attrs: Vec<Attribute>,
    pub sig: Signature,
    pub default: Option<Block>,
    pub semi_token: Option<Token![;]>,
}

/// A default method body: its braces and the statements as tokens.
pub struct Block {
    pub brace_token: token::Brace,
    /// Everything in the braces but the inner attributes.
    pub stmts: TokenStream,
}

/// An associated type.
pub struct TraitItemType {
    pub attrs: Vec<Attribute>,
    pub type_token: Token![type],
    pub ident: Ident,
    /// With the `where` clause, written after the default.
    pub generics: Generics,
    pub colon_token: Option<Token![:]>,
    pub bounds: Punctuated<TypeParamBound, Token![+]>,
    pub default: Option<(Token![=], Type)>,
    pub semi_token: Token![;],
}

/// A macro call among the items.
pub struct TraitItemMacro {
    pub attrs: Vec<Attribute>,
    pub mac: Macro,
    pub semi_token: Option<Token![;]>,
}

/// A method's signature, as syn's `Signature`.
pub struct Signature {
    pub constness: Option<Token![const]>,
    pub asyncness: Option<Token![async]>,
    pub safety: Safety,
    pub abi: Option<Abi>,
    pub fn_token: Token![fn],
    pub ident: Ident,
    /// With the `where` clause, written after the result.
    pub generics: Generics,
    pub paren_token: token::Paren,
    pub inputs: Punctuated<FnArg, Token![,]>,
    pub variadic: Option<Variadic>,
    pub output: ReturnType,
}

impl Signature {
    /// The `self` argument, if the method has one.
    pub fn receiver(&self) -> Option<&Receiver> {
        match crate::punct::first(&self.inputs)? {
            FnArg::Receiver(receiver) => Some(receiver),
            FnArg::Typed(_) => None,
        }
    }
}

/// `unsafe` or not.
pub enum Safety {
    /// `unsafe fn`.
    Unsafe(Token![unsafe]),
    /// A safe method.
    Default,
}

/// A method's argument.
pub enum FnArg {
    /// `self`, in any of its forms.
    Receiver(Receiver),
    /// `pattern: Type`.
    Typed(PatType),
}

/// The `self` argument.
pub struct Receiver {
    pub attrs: Vec<Attribute>,
    /// `mut self`, `mut self: Type` (not `&mut self`: see [`ReceiverKind`]).
    pub mutability: Option<Token![mut]>,
    pub self_token: Token![self],
    pub kind: ReceiverKind,
}

/// How `self` is written.
pub enum ReceiverKind {
    /// `self` or `mut self`.
    Value,
    /// `&self`, `&'a mut self`.
    Reference(Token![&], Option<Lifetime>, Option<Token![mut]>),
    /// `self: Box<Self>`.
    Typed(Token![:], Box<Type>),
}

/// An argument other than `self`: its pattern, never read, as tokens.
pub struct PatType {
    pub attrs: Vec<Attribute>,
    pub pat: TokenStream,
    pub colon_token: Token![:],
    pub ty: Box<Type>,
}

/// A C-variadic `...` (with its attributes, pattern and comma), as tokens:
/// a trait method cannot have one, but rustc parses it before it says so.
pub struct Variadic {
    /// From the attributes to the comma after the `...`, if any.
    pub tokens: TokenStream,
}

/// The parameters of a precise-capture bound (`use<'a, T>`): syn's
/// `TypeParamBound::PreciseCapture` with `full`, a verbatim bound without
/// it (derive-mode syn cannot read one), told apart by their tokens.
pub fn precise_captures(bound: &TypeParamBound) -> Option<TokenStream> {
    // Collected through a `Vec`, as `tokens::without_first` explains.
    let mut trees: Vec<TokenTree> = bound.to_token_stream().into_iter().collect();
    match trees.first() {
        Some(TokenTree::Ident(word)) if word == "use" => {}
        _ => return None,
    }
    trees.remove(0);
    Some(TokenStream::from_iter(trees))
}

/// The span of a `_` or an `impl Trait` standing for a type in `ty`, in a
/// nested type too (`Vec<_>`, `fn(_) -> u8`), and what it is (`_`,
/// `impl ..`); not a parameter's name (`fn(_: u8)`), a lifetime `'_` or
/// what an expression holds (an array's length). With `unsure`, also a
/// type or argument that syn's tree does not show (a macro's, a constraint,
/// a const, an array's length but a literal, a binder of types, a
/// binding's own arguments), as the call site and an empty text:
/// `placeholder(ty, true).is_none()` says that `ty` holds no `impl Trait`
/// (`variants::impl_trait_in`).
pub fn placeholder(ty: &Type, unsure: bool) -> Option<(proc_macro2::Span, String)> {
    match ty {
        Type::Infer(infer) => Some((infer.underscore_token.span, String::from("_"))),
        // `tokens::first_span` of such a type.
        Type::ImplTrait(_) => Some((syn::spanned::Spanned::span(ty), String::from("impl .."))),
        Type::Path(path) => {
            if let Some(qself) = &path.qself
                && let Some(found) = placeholder(&qself.ty, unsure)
            {
                return Some(found);
            }
            in_path(&path.path, unsure)
        }
        Type::Reference(reference) => placeholder(&reference.elem, unsure),
        Type::Ptr(ptr) => placeholder(&ptr.elem, unsure),
        Type::Slice(slice) => placeholder(&slice.elem, unsure),
        // The length is an expression, which may hold a type (`size_of::<impl
        // X>()`): unsure of any but a literal.
        Type::Array(array) => match placeholder(&array.elem, unsure) {
            None => unsure_of(unsure && !matches!(array.len, syn::Expr::Lit(_))),
            found => found,
        },
        Type::Paren(paren) => placeholder(&paren.elem, unsure),
        Type::Group(group) => placeholder(&group.elem, unsure),
        Type::Tuple(tuple) => {
            for elem in crate::punct::values(&tuple.elems) {
                if let Some(found) = placeholder(elem, unsure) {
                    return Some(found);
                }
            }
            None
        }
        // A binder may declare types (`for<T: Tr<impl X>>`, unstable).
        Type::FnPtr(function) if unsure && binds_types(&function.lifetimes) => unsure_of(true),
        Type::FnPtr(function) => in_signature(&function.inputs, &function.output, unsure),
        Type::TraitObject(object) => {
            for bound in crate::punct::values(&object.bounds) {
                let found = match bound {
                    syn::TypeParamBound::Trait(bound)
                        if unsure && binds_types(&bound.lifetimes) =>
                    {
                        unsure_of(true)
                    }
                    syn::TypeParamBound::Trait(bound) => in_path(&bound.path, unsure),
                    syn::TypeParamBound::Lifetime(_) => None,
                    _ => unsure_of(unsure),
                };
                if found.is_some() {
                    return found;
                }
            }
            None
        }
        Type::Never(_) => None,
        _ => unsure_of(unsure),
    }
}

/// A `for<..>` binder that declares more than lifetimes (unstable).
fn binds_types(binder: &Option<syn::BoundLifetimes>) -> bool {
    let Some(binder) = binder else {
        return false;
    };
    for param in crate::punct::values(&binder.lifetimes) {
        if !matches!(param, syn::GenericParam::Lifetime(_)) {
            return true;
        }
    }
    false
}

/// What [`placeholder`] says of what it cannot see into.
fn unsure_of(unsure: bool) -> Option<(proc_macro2::Span, String)> {
    match unsure {
        true => Some((proc_macro2::Span::call_site(), String::new())),
        false => None,
    }
}

/// [`placeholder`] in the arguments of a path's segments.
fn in_path(path: &syn::Path, unsure: bool) -> Option<(proc_macro2::Span, String)> {
    for segment in crate::punct::values(&path.segments) {
        match &segment.arguments {
            syn::PathArguments::AngleBracketed(args) => {
                for arg in crate::punct::values(&args.args) {
                    let found = match arg {
                        syn::GenericArgument::Type(ty) => placeholder(ty, unsure),
                        // `Out<impl X> = u8`: the binding's own arguments.
                        syn::GenericArgument::AssocType(assoc)
                            if unsure && assoc.generics.is_some() =>
                        {
                            unsure_of(true)
                        }
                        syn::GenericArgument::AssocType(assoc) => placeholder(&assoc.ty, unsure),
                        syn::GenericArgument::Lifetime(_) => None,
                        _ => unsure_of(unsure),
                    };
                    if found.is_some() {
                        return found;
                    }
                }
            }
            syn::PathArguments::Parenthesized(args) => {
                let found = in_signature(&args.inputs, &args.output, unsure);
                if found.is_some() {
                    return found;
                }
            }
            syn::PathArguments::None => {}
        }
    }
    None
}

/// [`placeholder`] in the argument types and the result of `Fn(..) -> ..`
/// or `fn(..) -> ..` (not in the arguments' names).
fn in_signature(
    inputs: &Punctuated<syn::NamedArg, Token![,]>,
    output: &syn::ReturnType,
    unsure: bool,
) -> Option<(proc_macro2::Span, String)> {
    for input in crate::punct::values(inputs) {
        if let Some(found) = placeholder(&input.ty, unsure) {
            return Some(found);
        }
    }
    match output {
        syn::ReturnType::Type(_, ty) => placeholder(ty, unsure),
        syn::ReturnType::Default => None,
    }
}

/// A trait's items, as the body of the trait carries them.
pub fn parse_items(tokens: TokenStream) -> Result<Vec<TraitItem>> {
    fn parser(input: ParseStream) -> Result<Vec<TraitItem>> {
        let mut items = Vec::new();
        while !input.is_empty() {
            items.push(input.parse()?);
        }
        Ok(items)
    }
    syn::parse::Parser::parse2(parser, tokens)
}

/// A type read from `tokens` as this module reads a signature's (kept
/// verbatim where derive-mode syn cannot read it): for a type rewritten
/// from one read so.
pub fn type_from(tokens: TokenStream) -> Result<Type> {
    syn::parse::Parser::parse2(
        |input: ParseStream| parse_type(input, Stops::default()),
        tokens,
    )
}

/// A generic parameter read from `tokens` as this module reads a trait's:
/// for a parameter rewritten from one read so.
pub fn generic_param_from(tokens: TokenStream) -> Result<GenericParam> {
    let parser = |input: ParseStream| match try_parse::<GenericParam>(input, Stops::default()) {
        Some(param) => Ok(param),
        None => parse_generic_param(
            input,
            Stops {
                comma: true,
                gt: true,
                ..Stops::default()
            },
        ),
    };
    syn::parse::Parser::parse2(parser, tokens)
}

/// Generics (without their `where` clause) read from `tokens` as this
/// module reads a trait's: for generics rewritten from ones read so.
pub fn generics_from(tokens: TokenStream) -> Result<Generics> {
    syn::parse::Parser::parse2(parse_generics, tokens)
}

/// A `where` clause read from `tokens` (none from no tokens) as this module
/// reads a trait's: for a clause rewritten from one read so.
pub fn where_clause_from(tokens: TokenStream) -> Result<Option<WhereClause>> {
    syn::parse::Parser::parse2(parse_where_clause, tokens)
}

/// A path as syn reads one, else one whose angle arguments derive-mode
/// syn cannot all read (a const argument that is a block of statements,
/// `Trait<{ let n = 2; n }>`, see [`structured_path`]): for a path the user
/// writes in a derive's attribute, which `full` would read.
pub fn parse_path(input: ParseStream) -> Result<syn::Path> {
    let ahead = input.fork();
    let err = match ahead.parse::<syn::Path>() {
        Ok(path) => {
            input.advance_to(&ahead);
            return Ok(path);
        }
        Err(err) => err,
    };
    let ahead = input.fork();
    match structured_path(&ahead) {
        Ok(path) => {
            input.advance_to(&ahead);
            Ok(path)
        }
        Err(_) => Err(err),
    }
}

/// `<..>` read from `tokens` as syn reads it, else as [`structured_args`]
/// does: for arguments rewritten from ones read by [`parse_path`].
pub fn angle_args_from(tokens: TokenStream) -> Result<syn::AngleBracketedGenericArguments> {
    let parser = |input: ParseStream| {
        let ahead = input.fork();
        if let Ok(args) = ahead.parse::<syn::AngleBracketedGenericArguments>()
            && ahead.is_empty()
        {
            input.advance_to(&ahead);
            return Ok(args);
        }
        structured_args(input)
    };
    syn::parse::Parser::parse2(parser, tokens)
}

// Parsing.

/// Where a run of tokens read as a verbatim type, bound or expression ends:
/// at the top level (not inside `<..>`) of the stream being read.
#[derive(Clone, Copy, Default)]
pub(crate) struct Stops {
    /// At `,`.
    pub(crate) comma: bool,
    /// At a `>` that closes no `<` of the tokens read.
    pub(crate) gt: bool,
    /// At `=` (not `==`).
    pub(crate) eq: bool,
    /// At `;`.
    pub(crate) semi: bool,
    /// At `:` (not `::`).
    pub(crate) colon: bool,
    /// At `+`.
    pub(crate) plus: bool,
    /// At a brace group.
    pub(crate) brace: bool,
    /// At `where`.
    pub(crate) where_: bool,
    /// An expression's tokens: `<` and `>` are comparisons and shifts, not
    /// angle brackets.
    pub(crate) flat: bool,
}

impl Stops {
    pub(crate) fn at(self, cursor: Cursor) -> bool {
        if cursor.eof() {
            return true;
        }
        if let Some((punct, rest)) = cursor.punct() {
            let next = match rest.punct() {
                Some((next, _)) if punct.spacing() == Spacing::Joint => next.as_char(),
                _ => ' ',
            };
            return match punct.as_char() {
                ',' => self.comma,
                '>' => self.gt,
                '=' => self.eq && next != '=',
                ';' => self.semi,
                ':' => self.colon && next != ':',
                '+' => self.plus,
                _ => false,
            };
        }
        if let Some((ident, _)) = cursor.ident() {
            return self.where_ && ident == "where";
        }
        self.brace && cursor.group(proc_macro2::Delimiter::Brace).is_some()
    }
}

/// The tokens from here to the first of `stops` outside angle brackets
/// (none if the stream is at one already).
pub(crate) fn verbatim_until(input: ParseStream, stops: Stops) -> Result<TokenStream> {
    input.step(|cursor| {
        let mut rest = *cursor;
        let mut out = TokenStream::new();
        let mut depth = 0usize;
        // The previous token when it is a punctuation joined to the next.
        let mut joint: Option<char> = None;
        loop {
            let current = match rest.punct() {
                Some((punct, _)) => Some(punct.as_char()),
                None => None,
            };
            // The second half of `->`, `::`, `==`, `!=`: no stop (but the
            // `=` after a closing `>`, `Vec<u8>= ..`, is).
            let glued = matches!(
                (joint, current),
                (Some('-'), Some('>'))
                    | (Some(':'), Some(':'))
                    | (Some('='), Some('='))
                    | (Some('!'), Some('='))
            );
            if depth == 0 && !glued && stops.at(rest) {
                break;
            }
            let Some((tree, next)) = rest.token_tree() else {
                break;
            };
            joint = None;
            if let TokenTree::Punct(punct) = &tree {
                match punct.as_char() {
                    '<' if !stops.flat => depth += 1,
                    '>' if !stops.flat && !glued => {
                        depth = depth.saturating_sub(1);
                    }
                    _ => {}
                }
                if punct.spacing() == Spacing::Joint {
                    joint = Some(punct.as_char());
                }
            }
            out.append(tree);
            rest = next;
        }
        Ok((out, rest))
    })
}

/// The tokens between two cursors of one stream.
fn between(begin: Cursor, end: Cursor) -> TokenStream {
    let mut out = TokenStream::new();
    let mut cursor = begin;
    while cursor != end {
        let Some((tree, next)) = cursor.token_tree() else {
            break;
        };
        out.append(tree);
        cursor = next;
    }
    out
}

/// Reads a `T` with syn where it reads one that ends at `stops`, else
/// `None` (and nothing is consumed).
fn try_parse<T: Parse>(input: ParseStream, stops: Stops) -> Option<T> {
    let ahead = input.fork();
    let parsed = ahead.parse::<T>().ok()?;
    if !stops.at(ahead.cursor()) {
        return None;
    }
    input.advance_to(&ahead);
    Some(parsed)
}

/// An error unless something was read.
fn nonempty(input: ParseStream, tokens: TokenStream, what: &str) -> Result<TokenStream> {
    if tokens.is_empty() {
        Err(input.error(format!("expected {what}")))
    } else {
        Ok(tokens)
    }
}

/// A type that ends at `stops`: syn's reading, else the same tree built
/// around what syn cannot read (see [`structured_type`]), else the tokens
/// as `Type::Verbatim`.
pub(crate) fn parse_type(input: ParseStream, stops: Stops) -> Result<Type> {
    if let Some(ty) = try_parse::<Type>(input, stops) {
        return Ok(ty);
    }
    let ahead = input.fork();
    if let Ok(ty) = structured_type(&ahead, stops)
        && stops.at(ahead.cursor())
    {
        input.advance_to(&ahead);
        return Ok(ty);
    }
    let tokens = verbatim_until(input, stops)?;
    match nonempty(input, tokens, "a type") {
        Ok(tokens) => Ok(Type::Verbatim(tokens)),
        Err(err) => Err(err),
    }
}

/// A type that syn's derive mode cannot read whole, read as `full` reads
/// it but for the parts it cannot read: an array's length or a const
/// argument that is a block of statements is `Expr::Verbatim` (where `full`
/// has an `Expr::Block`, which this crate reads no further either), a
/// `use<..>` bound a `TypeParamBound::Verbatim`. References, pointers,
/// slices, arrays, tuples, `impl` and `dyn` bounds and paths with angle
/// arguments are read; anything else is an error (the caller then keeps
/// the whole type verbatim).
fn structured_type(input: ParseStream, stops: Stops) -> Result<Type> {
    let elem_stops = Stops {
        plus: true,
        ..stops
    };
    if input.peek(token::Bracket) {
        let content;
        let bracket_token = syn::bracketed!(content in input);
        let elem = Box::new(parse_type(
            &content,
            Stops {
                semi: true,
                ..Stops::default()
            },
        )?);
        if content.is_empty() {
            return Ok(Type::Slice(syn::TypeSlice {
                attrs: Vec::new(),
                bracket_token,
                elem,
            }));
        }
        let semi_token: Token![;] = content.parse()?;
        let len = parse_expr(&content, Stops::default())?;
        return Ok(Type::Array(syn::TypeArray {
            attrs: Vec::new(),
            bracket_token,
            elem,
            semi_token,
            len,
        }));
    }
    if input.peek(Token![&]) {
        let and_token: Token![&] = input.parse()?;
        let lifetime: Option<Lifetime> = input.parse()?;
        let mutability: Option<Token![mut]> = input.parse()?;
        return Ok(Type::Reference(syn::TypeReference {
            attrs: Vec::new(),
            and_token,
            lifetime,
            mutability,
            elem: Box::new(parse_type(input, elem_stops)?),
        }));
    }
    if input.peek(Token![*]) {
        let star_token: Token![*] = input.parse()?;
        let mutability = if input.peek(Token![const]) {
            syn::PointerMutability::Const(input.parse()?)
        } else {
            syn::PointerMutability::Mut(input.parse()?)
        };
        return Ok(Type::Ptr(syn::TypePtr {
            attrs: Vec::new(),
            star_token,
            mutability,
            elem: Box::new(parse_type(input, elem_stops)?),
        }));
    }
    if input.peek(token::Paren) {
        let content;
        let paren_token = syn::parenthesized!(content in input);
        let comma = Stops {
            comma: true,
            ..Stops::default()
        };
        let mut elems = Punctuated::new();
        while !content.is_empty() {
            elems.push_value(parse_type(&content, comma)?);
            if content.is_empty() {
                break;
            }
            elems.push_punct(content.parse::<Token![,]>()?);
        }
        if elems.len() == 1 && !elems.trailing_punct() {
            return match elems.into_iter().next() {
                Some(elem) => Ok(Type::Paren(syn::TypeParen {
                    attrs: Vec::new(),
                    paren_token,
                    elem: Box::new(elem),
                })),
                None => Err(input.error("expected a type")),
            };
        }
        return Ok(Type::Tuple(syn::TypeTuple {
            attrs: Vec::new(),
            paren_token,
            elems,
        }));
    }
    if input.peek(Token![impl]) {
        let impl_token: Token![impl] = input.parse()?;
        return Ok(Type::ImplTrait(TypeImplTrait {
            attrs: Vec::new(),
            impl_token,
            bounds: parse_bounds(input, stops)?,
        }));
    }
    if input.peek(Token![dyn]) {
        let dyn_token: Token![dyn] = input.parse()?;
        return Ok(Type::TraitObject(syn::TypeTraitObject {
            attrs: Vec::new(),
            dyn_token: Some(dyn_token),
            bounds: parse_bounds(input, stops)?,
        }));
    }
    Ok(Type::Path(syn::TypePath {
        attrs: Vec::new(),
        qself: None,
        path: structured_path(input)?,
    }))
}

/// A path whose angle arguments syn's derive mode cannot all read: each
/// argument is syn's reading, else a block kept as `Expr::Verbatim`, an
/// associated type or a type read by [`parse_type`]. Parenthesized
/// arguments (`Fn(..)`) and qualified paths are an error.
/// Rust's keywords that name nothing in a path (the path keywords `self`,
/// `super`, `crate` and `Self` do; the weak keywords `union`, `auto`,
/// `default`, `macro_rules`, `raw` and `safe` are names elsewhere).
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "if", "impl", "in", "let", "loop",
    "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return", "static",
    "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use", "virtual",
    "where", "while", "yield",
];

fn structured_path(input: ParseStream) -> Result<syn::Path> {
    let leading_colon: Option<Token![::]> = input.parse()?;
    let mut segments = Punctuated::new();
    loop {
        let ident = input.call(Ident::parse_any)?;
        // `Tracker as T` read on after a missing comma: a keyword names no
        // item, and written into an impl it would not parse.
        if KEYWORDS.contains(&ident.to_string().as_str()) {
            return Err(Error::new(
                ident.span(),
                format!("expected a path, found the keyword `{ident}`"),
            ));
        }
        let arguments = if input.peek(Token![<]) && !input.peek(Token![<=])
            || input.peek(Token![::]) && input.peek3(Token![<])
        {
            syn::PathArguments::AngleBracketed(structured_args(input)?)
        } else {
            syn::PathArguments::None
        };
        segments.push_value(syn::PathSegment { ident, arguments });
        if !input.peek(Token![::]) {
            break;
        }
        segments.push_punct(input.parse::<Token![::]>()?);
    }
    Ok(syn::Path {
        leading_colon,
        segments,
    })
}

/// `<..>` (maybe after `::`) whose arguments syn cannot all read.
fn structured_args(input: ParseStream) -> Result<syn::AngleBracketedGenericArguments> {
    let colon2_token: Option<Token![::]> = input.parse()?;
    let lt_token: Token![<] = input.parse()?;
    let end = Stops {
        comma: true,
        gt: true,
        ..Stops::default()
    };
    let mut args = Punctuated::new();
    while !input.peek(Token![>]) {
        let arg = if let Some(arg) = try_parse::<syn::GenericArgument>(input, end) {
            arg
        } else if input.peek(token::Brace) {
            let block: proc_macro2::Group = input.parse()?;
            syn::GenericArgument::Const(Expr::Verbatim(TokenTree::Group(block).into()))
        } else if input.peek(Ident) && input.peek2(Token![=]) && !input.peek2(Token![==]) {
            let ident: Ident = input.parse()?;
            let eq_token: Token![=] = input.parse()?;
            syn::GenericArgument::AssocType(syn::AssocType {
                ident,
                generics: None,
                eq_token,
                ty: parse_type(input, end)?,
            })
        } else {
            syn::GenericArgument::Type(parse_type(input, end)?)
        };
        args.push_value(arg);
        if input.peek(Token![>]) {
            break;
        }
        args.push_punct(input.parse::<Token![,]>()?);
    }
    let gt_token: Token![>] = input.parse()?;
    Ok(syn::AngleBracketedGenericArguments {
        colon2_token,
        lt_token,
        args,
        gt_token,
    })
}

/// One bound that ends at a `+` or at `stops`: syn's reading, else a trait
/// bound whose path syn cannot read (see [`structured_path`]), else its
/// tokens as `TypeParamBound::Verbatim` (`use<'a>` in derive mode).
fn parse_bound(input: ParseStream, stops: Stops) -> Result<TypeParamBound> {
    let within = Stops {
        plus: true,
        ..stops
    };
    if let Some(bound) = try_parse::<TypeParamBound>(input, within) {
        return Ok(bound);
    }
    if input.peek(Token![use]) {
        let ahead = input.fork();
        if let Ok(captures) = precise_capture(&ahead)
            && within.at(ahead.cursor())
        {
            input.advance_to(&ahead);
            return Ok(TypeParamBound::Verbatim(captures));
        }
    } else if !input.peek(token::Paren) {
        let ahead = input.fork();
        if let Ok(bound) = structured_bound(&ahead)
            && within.at(ahead.cursor())
        {
            input.advance_to(&ahead);
            return Ok(bound);
        }
    }
    let tokens = verbatim_until(input, within)?;
    match nonempty(input, tokens, "a bound") {
        Ok(tokens) => Ok(TypeParamBound::Verbatim(tokens)),
        Err(err) => Err(err),
    }
}

/// `use<'a, T>`, as the tokens of syn's `PreciseCapture` (which only
/// `full` reads): each printed by syn, as syn prints them.
fn precise_capture(input: ParseStream) -> Result<TokenStream> {
    let mut tokens = input.parse::<Token![use]>()?.into_token_stream();
    input.parse::<Token![<]>()?.to_tokens(&mut tokens);
    while !input.peek(Token![>]) {
        match input.peek(Lifetime) {
            true => input.parse::<Lifetime>()?.to_tokens(&mut tokens),
            false => input.call(Ident::parse_any)?.to_tokens(&mut tokens),
        }
        if input.peek(Token![>]) {
            break;
        }
        input.parse::<Token![,]>()?.to_tokens(&mut tokens);
    }
    input.parse::<Token![>]>()?.to_tokens(&mut tokens);
    Ok(tokens)
}

/// `for<..>`, `?` and a path that syn's derive mode cannot read.
fn structured_bound(input: ParseStream) -> Result<TypeParamBound> {
    let mut lifetimes: Option<BoundLifetimes> = input.parse()?;
    let maybe: Option<Token![?]> = input.parse()?;
    if lifetimes.is_none() && maybe.is_some() {
        lifetimes = input.parse()?;
    }
    Ok(TypeParamBound::Trait(syn::TraitBound {
        paren_token: None,
        lifetimes,
        modifiers: syn::TraitBoundModifiers::default(),
        maybe,
        path: structured_path(input)?,
    }))
}

/// Bounds joined by `+` up to `stops` (maybe none, maybe with a trailing
/// `+`), as syn reads supertraits and an associated type's bounds.
/// `: Bounds` if the input has a colon next (bounds up to `stops`), else
/// no colon and no bounds: a type parameter's, a trait's supertraits and an
/// associated type's (what [`colon_and_bounds`] prints back).
fn parse_colon_and_bounds(
    input: ParseStream,
    stops: Stops,
) -> Result<(Option<Token![:]>, Punctuated<TypeParamBound, Token![+]>)> {
    let colon_token: Option<Token![:]> = input.parse()?;
    let bounds = match colon_token {
        Some(_) => parse_bounds(input, stops)?,
        None => Punctuated::new(),
    };
    Ok((colon_token, bounds))
}

fn parse_bounds(input: ParseStream, stops: Stops) -> Result<Punctuated<TypeParamBound, Token![+]>> {
    let mut bounds = Punctuated::new();
    loop {
        if stops.at(input.cursor()) {
            break;
        }
        bounds.push_value(parse_bound(input, stops)?);
        if stops.at(input.cursor()) {
            break;
        }
        bounds.push_punct(input.parse::<Token![+]>()?);
    }
    Ok(bounds)
}

/// `<..>` if there (the `where` clause is read apart): syn's reading of
/// each parameter, else one built around what syn cannot read (a bound, a
/// type or a const default kept verbatim).
fn parse_generics(input: ParseStream) -> Result<Generics> {
    if !input.peek(Token![<]) {
        return Ok(Generics::default());
    }
    let ahead = input.fork();
    if let Ok(generics) = ahead.parse::<Generics>() {
        input.advance_to(&ahead);
        return Ok(generics);
    }
    let lt_token: Token![<] = input.parse()?;
    let mut params = Punctuated::new();
    let end = Stops {
        comma: true,
        gt: true,
        ..Stops::default()
    };
    while !input.peek(Token![>]) {
        let param = match try_parse::<GenericParam>(input, end) {
            Some(param) => param,
            None => parse_generic_param(input, end)?,
        };
        params.push_value(param);
        if input.peek(Token![>]) {
            break;
        }
        params.push_punct(input.parse::<Token![,]>()?);
    }
    let gt_token: Token![>] = input.parse()?;
    Ok(Generics {
        lt_token: Some(lt_token),
        params,
        gt_token: Some(gt_token),
        where_clause: None,
    })
}

/// A type or const parameter that syn cannot read whole.
fn parse_generic_param(input: ParseStream, end: Stops) -> Result<GenericParam> {
    let attrs = input.call(Attribute::parse_outer)?;
    if input.peek(Lifetime) {
        let mut param: syn::LifetimeParam = input.parse()?;
        param.attrs = attrs;
        return Ok(GenericParam::Lifetime(param));
    }
    if input.peek(Token![const]) {
        let const_token: Token![const] = input.parse()?;
        let ident: Ident = input.parse()?;
        let colon_token: Token![:] = input.parse()?;
        let ty = parse_type(input, Stops { eq: true, ..end })?;
        let default = match input.parse::<Option<Token![=]>>()? {
            Some(eq_token) => Some((eq_token, parse_expr(input, end)?)),
            None => None,
        };
        return Ok(GenericParam::Const(ConstParam {
            attrs,
            const_token,
            ident,
            colon_token,
            ty,
            default,
        }));
    }
    let ident: Ident = input.parse()?;
    let (colon_token, bounds) = parse_colon_and_bounds(input, Stops { eq: true, ..end })?;
    let default = match input.parse::<Option<Token![=]>>()? {
        Some(eq_token) => Some((eq_token, parse_type(input, end)?)),
        None => None,
    };
    Ok(GenericParam::Type(TypeParam {
        attrs,
        ident,
        colon_token,
        bounds,
        default,
    }))
}

/// An expression that ends at `stops`: syn's reading, else its tokens as
/// `Expr::Verbatim`.
fn parse_expr(input: ParseStream, stops: Stops) -> Result<Expr> {
    if let Some(expr) = try_parse::<Expr>(input, stops) {
        return Ok(expr);
    }
    let tokens = verbatim_until(input, stops)?;
    match nonempty(input, tokens, "an expression") {
        Ok(tokens) => Ok(Expr::Verbatim(tokens)),
        Err(err) => Err(err),
    }
}

/// A `where` clause if there, up to a brace, `;` or `=`.
fn parse_where_clause(input: ParseStream) -> Result<Option<WhereClause>> {
    if !input.peek(Token![where]) {
        return Ok(None);
    }
    let end = Stops {
        brace: true,
        semi: true,
        eq: true,
        ..Stops::default()
    };
    if let Some(clause) = try_parse::<WhereClause>(input, end) {
        return Ok(Some(clause));
    }
    let where_token: Token![where] = input.parse()?;
    let each = Stops { comma: true, ..end };
    let mut predicates = Punctuated::new();
    loop {
        if end.at(input.cursor())
            || input.peek(Token![,])
            || input.peek(Token![:]) && !input.peek(Token![::])
        {
            break;
        }
        let predicate = match try_parse::<WherePredicate>(input, each) {
            Some(predicate) => predicate,
            None => {
                let attrs = input.call(Attribute::parse_outer)?;
                let lifetimes: Option<BoundLifetimes> = input.parse()?;
                let bounded_ty = parse_type(
                    input,
                    Stops {
                        colon: true,
                        ..Stops::default()
                    },
                )?;
                let colon_token: Token![:] = input.parse()?;
                let bounds = parse_bounds(input, each)?;
                WherePredicate::Type(PredicateType {
                    attrs,
                    lifetimes,
                    bounded_ty,
                    colon_token,
                    bounds,
                })
            }
        };
        predicates.push_value(predicate);
        if !input.peek(Token![,]) {
            break;
        }
        predicates.push_punct(input.parse::<Token![,]>()?);
    }
    Ok(Some(WhereClause {
        where_token,
        predicates,
    }))
}

impl Parse for ItemTrait {
    fn parse(input: ParseStream) -> Result<Self> {
        let mut attrs = input.call(Attribute::parse_outer)?;
        let vis: Visibility = input.parse()?;
        let unsafety: Option<Token![unsafe]> = input.parse()?;
        let auto_token: Option<Token![auto]> = input.parse()?;
        let trait_token: Token![trait] = input.parse()?;
        let ident: Ident = input.parse()?;
        let mut generics = parse_generics(input)?;
        let (colon_token, supertraits) = parse_colon_and_bounds(
            input,
            Stops {
                brace: true,
                where_: true,
                ..Stops::default()
            },
        )?;
        generics.where_clause = parse_where_clause(input)?;
        let content;
        let brace_token = syn::braced!(content in input);
        attrs.extend(content.call(Attribute::parse_inner)?);
        let mut items = Vec::new();
        while !content.is_empty() {
            items.push(content.parse()?);
        }
        Ok(ItemTrait {
            attrs,
            vis,
            unsafety,
            auto_token,
            trait_token,
            ident,
            generics,
            colon_token,
            supertraits,
            brace_token,
            items,
        })
    }
}

/// Whether a signature (`const`, `async`, `unsafe`, `extern ".."`, `fn`)
/// starts here.
fn peek_signature(input: ParseStream) -> bool {
    let ahead = input.fork();
    ahead.parse::<Option<Token![const]>>().is_ok()
        && ahead.parse::<Option<Token![async]>>().is_ok()
        && ahead.parse::<Option<Token![unsafe]>>().is_ok()
        && ahead.parse::<Option<Abi>>().is_ok()
        && ahead.peek(Token![fn])
}

impl Parse for TraitItem {
    fn parse(input: ParseStream) -> Result<Self> {
        let begin = input.cursor();
        let mut attrs = input.call(Attribute::parse_outer)?;
        let vis: Visibility = input.parse()?;
        let defaultness: Option<Token![default]> = input.parse()?;
        let plain = matches!(vis, Visibility::Inherited) && defaultness.is_none();
        let lookahead = input.lookahead1();
        let mut item = if lookahead.peek(Token![fn]) || peek_signature(input) {
            TraitItem::Fn(parse_fn(input)?)
        } else if lookahead.peek(Token![const]) {
            match parse_const(input)? {
                Some(constant) => TraitItem::Const(constant),
                None => return Ok(TraitItem::Verbatim(between(begin, input.cursor()))),
            }
        } else if lookahead.peek(Token![type]) {
            TraitItem::Type(parse_assoc_type(input)?)
        } else if plain
            && (lookahead.peek(Ident)
                || lookahead.peek(Token![self])
                || lookahead.peek(Token![super])
                || lookahead.peek(Token![crate])
                || lookahead.peek(Token![::]))
        {
            let mac: Macro = input.parse()?;
            let semi_token = match mac.delimiter {
                syn::MacroDelimiter::Brace(_) => None,
                _ => Some(input.parse()?),
            };
            TraitItem::Macro(TraitItemMacro {
                attrs: Vec::new(),
                mac,
                semi_token,
            })
        } else {
            return Err(lookahead.error());
        };
        if !plain {
            return Ok(TraitItem::Verbatim(between(begin, input.cursor())));
        }
        let item_attrs = match &mut item {
            TraitItem::Const(item) => &mut item.attrs,
            TraitItem::Fn(item) => &mut item.attrs,
            TraitItem::Type(item) => &mut item.attrs,
            TraitItem::Macro(item) => &mut item.attrs,
            TraitItem::Verbatim(_) => return Ok(item),
        };
        attrs.append(item_attrs);
        *item_attrs = attrs;
        Ok(item)
    }
}

impl Parse for TraitItemFn {
    fn parse(input: ParseStream) -> Result<Self> {
        let mut attrs = input.call(Attribute::parse_outer)?;
        let mut method = parse_fn(input)?;
        attrs.append(&mut method.attrs);
        method.attrs = attrs;
        Ok(method)
    }
}

/// A method after its outer attributes and visibility.
fn parse_fn(input: ParseStream) -> Result<TraitItemFn> {
    let sig: Signature = input.parse()?;
    let mut attrs = Vec::new();
    let lookahead = input.lookahead1();
    let (default, semi_token) = if lookahead.peek(token::Brace) {
        let content;
        let brace_token = syn::braced!(content in input);
        attrs = content.call(Attribute::parse_inner)?;
        let stmts: TokenStream = content.parse()?;
        (Some(Block { brace_token, stmts }), None)
    } else if lookahead.peek(Token![;]) {
        (None, Some(input.parse()?))
    } else {
        return Err(lookahead.error());
    };
    Ok(TraitItemFn {
        attrs,
        sig,
        default,
        semi_token,
    })
}

/// An associated const after its outer attributes and visibility, or
/// `None` for a generic one (or one with a `where` clause), which syn keeps
/// verbatim. A `const fn` is a method.
fn parse_const(input: ParseStream) -> Result<Option<TraitItemConst>> {
    let ahead = input.fork();
    ahead.parse::<Token![const]>()?;
    let lookahead = ahead.lookahead1();
    if !(lookahead.peek(Ident) || lookahead.peek(Token![_])) {
        if lookahead.peek(Token![async])
            || lookahead.peek(Token![unsafe])
            || lookahead.peek(Token![extern])
            || lookahead.peek(Token![fn])
        {
            // Unreachable: `peek_signature` saw it first.
            return Err(input.error("expected an associated const"));
        }
        return Err(lookahead.error());
    }
    let const_token: Token![const] = input.parse()?;
    let ident = input.call(Ident::parse_any)?;
    let generics = parse_generics(input)?;
    let colon_token: Token![:] = input.parse()?;
    let ty = parse_type(
        input,
        Stops {
            eq: true,
            semi: true,
            where_: true,
            ..Stops::default()
        },
    )?;
    let default = match input.parse::<Option<Token![=]>>()? {
        Some(eq_token) => {
            let value = verbatim_until(
                input,
                Stops {
                    semi: true,
                    where_: true,
                    flat: true,
                    ..Stops::default()
                },
            )?;
            Some((eq_token, nonempty(input, value, "an expression")?))
        }
        None => None,
    };
    let where_clause = parse_where_clause(input)?;
    let semi_token: Token![;] = input.parse()?;
    if generics.lt_token.is_some() || where_clause.is_some() {
        return Ok(None);
    }
    Ok(Some(TraitItemConst {
        attrs: Vec::new(),
        const_token,
        ident,
        colon_token,
        ty,
        default,
        semi_token,
    }))
}

/// An associated type after its outer attributes and visibility.
fn parse_assoc_type(input: ParseStream) -> Result<TraitItemType> {
    let type_token: Token![type] = input.parse()?;
    let ident: Ident = input.parse()?;
    let mut generics = parse_generics(input)?;
    let (colon_token, bounds) = parse_colon_and_bounds(
        input,
        Stops {
            where_: true,
            eq: true,
            semi: true,
            ..Stops::default()
        },
    )?;
    let default = match input.parse::<Option<Token![=]>>()? {
        Some(eq_token) => {
            let stops = Stops {
                where_: true,
                semi: true,
                ..Stops::default()
            };
            Some((eq_token, parse_type(input, stops)?))
        }
        None => None,
    };
    generics.where_clause = parse_where_clause(input)?;
    let semi_token: Token![;] = input.parse()?;
    Ok(TraitItemType {
        attrs: Vec::new(),
        type_token,
        ident,
        generics,
        colon_token,
        bounds,
        default,
        semi_token,
    })
}

impl Parse for Signature {
    fn parse(input: ParseStream) -> Result<Self> {
        let constness: Option<Token![const]> = input.parse()?;
        let asyncness: Option<Token![async]> = input.parse()?;
        let safety = match input.parse::<Option<Token![unsafe]>>()? {
            Some(unsafe_token) => Safety::Unsafe(unsafe_token),
            None => Safety::Default,
        };
        let abi: Option<Abi> = input.parse()?;
        let fn_token: Token![fn] = input.parse()?;
        let ident: Ident = input.parse()?;
        let mut generics = parse_generics(input)?;
        let content;
        let paren_token = syn::parenthesized!(content in input);
        let (inputs, variadic) = parse_fn_args(&content)?;
        let output = parse_return_type(input)?;
        generics.where_clause = parse_where_clause(input)?;
        Ok(Signature {
            constness,
            asyncness,
            safety,
            abi,
            fn_token,
            ident,
            generics,
            paren_token,
            inputs,
            variadic,
            output,
        })
    }
}

/// `-> Type` if there, up to the `where` clause, the body or the `;`.
fn parse_return_type(input: ParseStream) -> Result<ReturnType> {
    if !input.peek(Token![->]) {
        return Ok(ReturnType::Default);
    }
    let stops = Stops {
        where_: true,
        brace: true,
        semi: true,
        ..Stops::default()
    };
    if let Some(output) = try_parse::<ReturnType>(input, stops) {
        return Ok(output);
    }
    let arrow: Token![->] = input.parse()?;
    Ok(ReturnType::Type(arrow, Box::new(parse_type(input, stops)?)))
}

/// The arguments in a signature's parentheses.
fn parse_fn_args(input: ParseStream) -> Result<(Punctuated<FnArg, Token![,]>, Option<Variadic>)> {
    let mut args = Punctuated::new();
    let mut has_receiver = false;
    let arg_end = Stops {
        comma: true,
        ..Stops::default()
    };
    while !input.is_empty() {
        let begin = input.cursor();
        let attrs = input.call(Attribute::parse_outer)?;
        if input.peek(Token![...]) {
            return Ok((args, Some(parse_variadic(input, begin)?)));
        }
        let arg = if let Some(mut receiver) = parse_receiver(input, arg_end)? {
            if has_receiver || !args.is_empty() {
                let what = match has_receiver {
                    true => "unexpected second method receiver",
                    false => "unexpected method receiver",
                };
                return Err(syn::Error::new(receiver.self_token.span, what));
            }
            has_receiver = true;
            receiver.attrs = attrs;
            FnArg::Receiver(receiver)
        } else if input.peek(Ident) && input.peek2(Token![<]) {
            // An edition 2015 argument without a pattern (`fn f(Vec<u8>)`),
            // which syn reads as `_: Vec<u8>`.
            let span = input.span();
            FnArg::Typed(PatType {
                attrs,
                pat: Token![_](span).into_token_stream(),
                colon_token: Token![:](span),
                ty: Box::new(parse_type(input, arg_end)?),
            })
        } else {
            let pat = verbatim_until(
                input,
                Stops {
                    colon: true,
                    comma: true,
                    ..Stops::default()
                },
            )?;
            let pat = nonempty(input, pat, "a pattern")?;
            if !input.peek(Token![:]) {
                // Edition 2015's parameter without a name (`fn f(&self,
                // u8)`); rustc reads it there, the carried copy cannot.
                let ty = pat.to_string().replace(" ", "");
                return Err(syn::Error::new_spanned(
                    &pat,
                    format!(
                        "a parameter without a name is not carried (edition 2015): name it, as in `_: {ty}`"
                    ),
                ));
            }
            let colon_token: Token![:] = input.parse()?;
            if input.peek(Token![...]) {
                return Ok((args, Some(parse_variadic(input, begin)?)));
            }
            FnArg::Typed(PatType {
                attrs,
                pat,
                colon_token,
                ty: Box::new(parse_type(input, arg_end)?),
            })
        };
        args.push_value(arg);
        if input.is_empty() {
            break;
        }
        args.push_punct(input.parse::<Token![,]>()?);
    }
    Ok((args, None))
}

/// The rest of a variadic argument that began at `begin`, at its `...`.
fn parse_variadic(input: ParseStream, begin: Cursor) -> Result<Variadic> {
    input.parse::<Token![...]>()?;
    if !input.is_empty() {
        input.parse::<Token![,]>()?;
    }
    Ok(Variadic {
        tokens: between(begin, input.cursor()),
    })
}

/// `self`, `mut self`, `&'a mut self` or `self: Type` if there.
fn parse_receiver(input: ParseStream, end: Stops) -> Result<Option<Receiver>> {
    let ahead = input.fork();
    let reference = match ahead.parse::<Option<Token![&]>>() {
        Ok(Some(ampersand)) => {
            let lifetime = match ahead.peek(Lifetime) {
                true => Some(ahead.parse::<Lifetime>()?),
                false => None,
            };
            Some((ampersand, lifetime))
        }
        _ => None,
    };
    let Ok(mutability) = ahead.parse::<Option<Token![mut]>>() else {
        return Ok(None);
    };
    let Ok(self_token) = ahead.parse::<Token![self]>() else {
        return Ok(None);
    };
    if ahead.peek(Token![::]) {
        return Ok(None);
    }
    input.advance_to(&ahead);
    let (kind, mutability) = match reference {
        Some((ampersand, lifetime)) => (
            ReceiverKind::Reference(ampersand, lifetime, mutability),
            None,
        ),
        None => match input.parse::<Option<Token![:]>>()? {
            Some(colon_token) => (
                ReceiverKind::Typed(colon_token, Box::new(parse_type(input, end)?)),
                mutability,
            ),
            None => (ReceiverKind::Value, mutability),
        },
    };
    Ok(Some(Receiver {
        attrs: Vec::new(),
        mutability,
        self_token,
        kind,
    }))
}

// Printing: the tokens of syn's printing of its own types.

/// The outer attributes among `attrs`.
fn outer(attrs: &[Attribute], tokens: &mut TokenStream) {
    for attr in attrs {
        if let AttrStyle::Outer = attr.style {
            attr.to_tokens(tokens);
        }
    }
}

/// The inner attributes among `attrs`.
fn inner(attrs: &[Attribute], tokens: &mut TokenStream) {
    for attr in attrs {
        if let AttrStyle::Inner(_) = attr.style {
            attr.to_tokens(tokens);
        }
    }
}

/// `: Bounds` when there are bounds (a `:` of its own where the tree has
/// none), nothing without: a trait's supertraits, an associated type's.
fn colon_and_bounds(
    colon: Option<&Token![:]>,
    bounds: &Punctuated<TypeParamBound, Token![+]>,
    tokens: &mut TokenStream,
) {
    if bounds.is_empty() {
        return;
    }
    match colon {
        Some(colon) => colon.to_tokens(tokens),
        None => <Token![:]>::default().to_tokens(tokens),
    }
    bounds.to_tokens(tokens);
}

impl ToTokens for ItemTrait {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        outer(&self.attrs, tokens);
        self.vis.to_tokens(tokens);
        self.unsafety.to_tokens(tokens);
        self.auto_token.to_tokens(tokens);
        self.trait_token.to_tokens(tokens);
        self.ident.to_tokens(tokens);
        self.generics.to_tokens(tokens);
        colon_and_bounds(self.colon_token.as_ref(), &self.supertraits, tokens);
        self.generics.where_clause.to_tokens(tokens);
        self.brace_token.surround(tokens, |tokens| {
            inner(&self.attrs, tokens);
            for item in &self.items {
                item.to_tokens(tokens);
            }
        });
    }
}

impl ToTokens for TraitItem {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        match self {
            TraitItem::Const(item) => item.to_tokens(tokens),
            TraitItem::Fn(item) => item.to_tokens(tokens),
            TraitItem::Type(item) => item.to_tokens(tokens),
            TraitItem::Macro(item) => item.to_tokens(tokens),
            TraitItem::Verbatim(item) => item.to_tokens(tokens),
        }
    }
}

impl ToTokens for TraitItemConst {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        outer(&self.attrs, tokens);
        self.const_token.to_tokens(tokens);
        self.ident.to_tokens(tokens);
        self.colon_token.to_tokens(tokens);
        self.ty.to_tokens(tokens);
        if let Some((eq_token, value)) = &self.default {
            eq_token.to_tokens(tokens);
            value.to_tokens(tokens);
        }
        self.semi_token.to_tokens(tokens);
    }
}

impl ToTokens for TraitItemFn {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        outer(&self.attrs, tokens);
        self.sig.to_tokens(tokens);
        match &self.default {
            Some(block) => block.brace_token.surround(tokens, |tokens| {
                inner(&self.attrs, tokens);
                block.stmts.to_tokens(tokens);
            }),
            None => match &self.semi_token {
                Some(semi) => semi.to_tokens(tokens),
                None => <Token![;]>::default().to_tokens(tokens),
            },
        }
    }
}

impl ToTokens for TraitItemType {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        outer(&self.attrs, tokens);
        self.type_token.to_tokens(tokens);
        self.ident.to_tokens(tokens);
        self.generics.to_tokens(tokens);
        colon_and_bounds(self.colon_token.as_ref(), &self.bounds, tokens);
        if let Some((eq_token, default)) = &self.default {
            eq_token.to_tokens(tokens);
            default.to_tokens(tokens);
        }
        self.generics.where_clause.to_tokens(tokens);
        self.semi_token.to_tokens(tokens);
    }
}

impl ToTokens for TraitItemMacro {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        outer(&self.attrs, tokens);
        self.mac.to_tokens(tokens);
        self.semi_token.to_tokens(tokens);
    }
}

impl ToTokens for Signature {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        self.constness.to_tokens(tokens);
        self.asyncness.to_tokens(tokens);
        self.safety.to_tokens(tokens);
        self.abi.to_tokens(tokens);
        self.fn_token.to_tokens(tokens);
        self.ident.to_tokens(tokens);
        self.generics.to_tokens(tokens);
        self.paren_token.surround(tokens, |tokens| {
            self.inputs.to_tokens(tokens);
            if let Some(variadic) = &self.variadic {
                if !self.inputs.empty_or_trailing() {
                    <Token![,]>::default().to_tokens(tokens);
                }
                variadic.tokens.to_tokens(tokens);
            }
        });
        self.output.to_tokens(tokens);
        self.generics.where_clause.to_tokens(tokens);
    }
}

impl ToTokens for Safety {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        if let Safety::Unsafe(unsafe_token) = self {
            unsafe_token.to_tokens(tokens);
        }
    }
}

impl ToTokens for FnArg {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        match self {
            FnArg::Receiver(receiver) => receiver.to_tokens(tokens),
            FnArg::Typed(arg) => arg.to_tokens(tokens),
        }
    }
}

impl ToTokens for Receiver {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        outer(&self.attrs, tokens);
        match &self.kind {
            ReceiverKind::Value => {
                self.mutability.to_tokens(tokens);
                self.self_token.to_tokens(tokens);
            }
            ReceiverKind::Reference(ampersand, lifetime, mutability) => {
                ampersand.to_tokens(tokens);
                lifetime.to_tokens(tokens);
                mutability.to_tokens(tokens);
                self.self_token.to_tokens(tokens);
            }
            ReceiverKind::Typed(colon_token, ty) => {
                self.mutability.to_tokens(tokens);
                self.self_token.to_tokens(tokens);
                colon_token.to_tokens(tokens);
                ty.to_tokens(tokens);
            }
        }
    }
}

impl ToTokens for PatType {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        outer(&self.attrs, tokens);
        self.pat.to_tokens(tokens);
        self.colon_token.to_tokens(tokens);
        self.ty.to_tokens(tokens);
    }
}
