//! The wrapper type of `#[derive(RealizeForward)]` and its attributes.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{
    AngleBracketedGenericArguments, Attribute, Data, DeriveInput, Error, GenericArgument, Ident,
    Member, Path, PathArguments, Result, Token, Type, token,
};

use crate::errors::{Errors, edit_distance, misspelled_attr};
use crate::punct;
use crate::tokens;
use crate::variants::{self, Mark, Variant};

/// The wrapper type, as the derive sees it.
pub struct Wrapper {
    pub input: DeriveInput,
    /// The field marked `#[realize]`, if any.
    pub realize: Option<RealizeField>,
    /// A `#[realize]` was written where it cannot work (on the type, on an
    /// enum's field): the wrapper is meant to realize, but has no `Realize`,
    /// so its trait impls would only add errors.
    pub realize_misplaced: bool,
    /// Every trait to forward, in the order written.
    pub traits: Vec<TraitRef>,
    /// The `except(...)` names of each `#[realize_forward]` attribute.
    pub groups: Vec<Vec<Ident>>,
    /// An enum's variants, each forwarding to its field (`variants.rs`);
    /// `None` for a struct or union, and for an enum whose variants break a
    /// rule (then `realize_misplaced` is set: no trait impl is written).
    pub variants: Option<Vec<Variant>>,
    /// The wrapper, a variant or a field is `#[deprecated]`
    /// ([`quiet_deprecated`]).
    pub deprecated: bool,
    /// See [`Wrapper::lazy_field`].
    lazy_field: Option<Span>,
    /// See [`Wrapper::unmarked_lazy`]; read once, asked for every trait.
    unmarked: bool,
}

/// One trait named in `#[realize_forward(...)]`.
pub struct TraitRef {
    /// The path as written, without generic arguments on its last segment:
    /// it names the hidden macro as well as the trait.
    pub path: Path,
    /// The generic arguments written on the last segment (`Trait<u8>`).
    pub args: Option<AngleBracketedGenericArguments>,
    /// Which `#[realize_forward]` attribute (and so which `except` list).
    pub group: usize,
    /// A std trait's path read as its mirror's (`std::fmt::Display` as
    /// `::lazy_core::remote::Display`), after the error that says so.
    pub recovered: bool,
}

impl TraitRef {
    /// The span that errors about this trait point at.
    pub fn span(&self) -> Span {
        match self.path.segments.last() {
            Some(segment) => segment.ident.span(),
            None => self.path.span(),
        }
    }

    /// The path and arguments as written, for comparing and for messages.
    pub fn written(&self) -> String {
        let path = tokens::compact(&self.path);
        match &self.args {
            Some(args) => format!("{path}{}", tokens::compact(args)),
            None => path,
        }
    }

    /// The trait's name as written, for messages.
    pub fn name(&self) -> String {
        match self.path.segments.last() {
            Some(segment) => segment.ident.to_string(),
            None => String::from("?"),
        }
    }
}

/// The field that realizes: `#[realize]`, `#[realize(deref)]`,
/// `#[realize(plain)]` or `#[realize(plain, deref)]`.
pub struct RealizeField {
    pub member: Member,
    pub ty: Type,
    /// `#[realize(deref)]`: the target is what the field's value derefs to
    /// (with `plain`, what the field itself derefs to).
    pub deref: Option<Span>,
    /// `#[realize(plain)]`: the field, as it is, is the target; nothing is
    /// built, and the field needs no `Realize`. With `deref`, the target is
    /// what the field points to (`Box<dyn Trait>`: `dyn Trait`).
    pub plain: Option<Span>,
}

enum Entry {
    Trait(Path),
    /// A trait written with a slip, read as meant beside its error (`dyn
    /// Tracker`, `"Tracker"`), so that the wrapper's uses add no error.
    Meant(Path, Error),
    /// The names of `except(...)`, with the error of a slip read as meant
    /// beside them (`except = name`, `except(a b)`).
    Except(Vec<Ident>, Option<Error>),
    /// `exept(m)`, `bogus(a)`: an option we do not have, reported and
    /// skipped so that the other entries are still read.
    Unknown(Error),
}

/// The options of `#[realize_forward(...)]` besides traits.
const OPTIONS: &[&str] = &["except"];

/// `name(...)` where `name` is not an option: a lowercase name (traits are
/// named in `CamelCase`) or one close to an option (`Except`); `None` for
/// what looks like a trait (`Tracker(u8)`), whose mistake is elsewhere.
fn unknown_option(name: &Ident) -> Option<Error> {
    let written = name.to_string();
    if written.starts_with("r#") {
        // A raw identifier names a trait (`r#match`).
        return None;
    }
    let lowered = written.to_lowercase();
    let mut close = None;
    for option in OPTIONS {
        if edit_distance(&lowered, option) <= 2 {
            close = Some(option);
            break;
        }
    }
    let lowercase = matches!(written.bytes().next(), Some(b'a'..=b'z'));
    if !lowercase && close.is_none() {
        return None;
    }
    let mut valid = String::new();
    for option in OPTIONS {
        if !valid.is_empty() {
            valid.push_str(", ");
        }
        valid.push_str(&format!("`{option}(...)`"));
    }
    let hint = match close {
        Some(option) => format!("; did you mean `{option}`?"),
        None => String::new(),
    };
    Some(Error::new(
        name.span(),
        format!(
            "unknown option `{written}(...)` in `#[realize_forward(...)]`: the only option is {valid}{hint}"
        ),
    ))
}

/// A flag of the field's attribute or an argument of `#[forwardable]`
/// written among the traits (`#[realize_forward(Tracker, deref)]`): the
/// error that says where it goes, where rustc would look for a trait of
/// that name. `text` is the name written out; `after` is past the name: a
/// flag stands alone, `remote` has its `= path`.
fn misplaced(name: &Ident, text: &str, after: ParseStream) -> Option<Error> {
    let alone = after.is_empty() || after.peek(Token![,]);
    if !alone && !after.peek(Token![=]) {
        return None;
    }
    let message = match text {
        "deref" if alone => {
            "`deref` is not a trait: it goes on the field, `#[realize(deref)]`, to forward to what the field's box or reference holds"
        }
        "plain" if alone => {
            "`plain` is not a trait: it goes on the field, `#[realize(plain)]`, to forward to the field's value as it is"
        }
        "realize" if alone => {
            "`realize` is not a trait: it marks the field that holds the lazy, `#[realize]`"
        }
        "skip" if alone => {
            "`skip` is not a trait: `#[derive(RealizeAll)]` leaves a field out with `#[realize_all(skip)]` on it"
        }
        "blanket" if alone => {
            "`blanket` is not a trait: it goes on the trait, `#[forwardable(blanket)]`"
        }
        "remote" => {
            "`remote = ..` goes on a mirror of another crate's trait, `#[forwardable(remote = path::to::Trait)] trait Trait { .. }`: name the mirror here"
        }
        _ => return None,
    };
    Some(Error::new(name.span(), message))
}

impl Parse for Entry {
    fn parse(input: ParseStream) -> Result<Self> {
        if input.peek(Ident) {
            let fork = input.fork();
            let ident: Ident = fork.parse()?;
            // Written out once (each comparison of an `Ident` with a text
            // writes it out): every derive reads its traits' names here.
            let text = ident.to_string();
            if text == "except" {
                // `except = method`: read as `except(method)`, beside the
                // error that says so.
                if fork.peek(Token![=]) && fork.peek2(Ident) {
                    input.parse::<Ident>()?;
                    input.parse::<Token![=]>()?;
                    let (first, slip) = except_name(input)?;
                    let mut names = vec![first];
                    // `except = a, b`: the names that follow, read as methods
                    // where they look like one (a lowercase name alone; a
                    // trait's is in `CamelCase`).
                    while method_follows(input) {
                        input.parse::<Token![,]>()?;
                        names.push(input.parse()?);
                    }
                    let mut written = String::new();
                    for name in &names {
                        if !written.is_empty() {
                            written.push_str(", ");
                        }
                        written.push_str(&name.to_string());
                    }
                    let mut err = Error::new(
                        ident.span(),
                        format!("`except` takes the methods in parentheses: `except({written})`"),
                    );
                    if let Some(slip) = slip {
                        err.combine(slip);
                    }
                    return Ok(Entry::Except(names, Some(err)));
                }
                if !fork.peek(token::Paren) {
                    return Err(Error::new(
                        ident.span(),
                        "`except` takes the methods in parentheses: `except(method, ...)`",
                    ));
                }
                input.parse::<Ident>()?;
                let content;
                syn::parenthesized!(content in input);
                let mut names = Vec::new();
                let mut slips = Errors::default();
                if let Err(err) = except_names(&content, &mut names, &mut slips) {
                    // The names before the mistake are kept, beside it; the
                    // rest is read past (syn fails the whole attribute for
                    // a group left unread).
                    slips.push(err);
                    content.parse::<TokenStream>()?;
                }
                return Ok(Entry::Except(names, slips.into_error()));
            }
            if let Some(err) = misplaced(&ident, &text, &fork) {
                // Read past, to the next entry: `remote = path`'s value too,
                // commas inside its `<..>` included.
                input.parse::<Ident>()?;
                let mut depth = 0usize;
                while !input.is_empty() && (depth > 0 || !input.peek(Token![,])) {
                    if let proc_macro2::TokenTree::Punct(punct) = input.parse()? {
                        match punct.as_char() {
                            '<' => depth += 1,
                            '>' => depth = depth.saturating_sub(1),
                            _ => {}
                        }
                    }
                }
                return Ok(Entry::Unknown(err));
            }
            if fork.peek(token::Paren)
                && let Some(err) = unknown_option(&ident)
            {
                input.parse::<Ident>()?;
                let content;
                syn::parenthesized!(content in input);
                content.parse::<proc_macro2::TokenStream>()?;
                return Ok(Entry::Unknown(err));
            }
        }
        if input.peek(Token![dyn]) || input.peek(Token![impl]) {
            let keyword: proc_macro2::TokenTree = input.parse()?;
            let Ok(path) = crate::syntax::parse_path(input) else {
                return Err(Error::new(
                    keyword.span(),
                    format!("a trait is named by its path alone: drop `{keyword}`"),
                ));
            };
            // `dyn Tracker + Send`: the bounds after the trait are read
            // past, to the next entry, and named in the fix.
            let bounds = matches!(input.cursor().punct(), Some((plus, _)) if plus.as_char() == '+');
            if bounds {
                while !input.is_empty() && !input.peek(Token![,]) {
                    input.parse::<proc_macro2::TokenTree>()?;
                }
            }
            let also = if bounds {
                " and the bounds after the trait"
            } else {
                ""
            };
            let err = Error::new(
                keyword.span(),
                format!("a trait is named by its path alone: drop `{keyword}`{also}"),
            );
            return Ok(Entry::Meant(path, err));
        }
        if input.peek(syn::LitStr) {
            let name: syn::LitStr = input.parse()?;
            let err = Error::new(
                name.span(),
                format!(
                    "a trait is named by its path, not a string: drop the quotes, `{}`",
                    name.value()
                ),
            );
            // The string's path, at the string: one that does not read as a
            // trait alone (`"Tracker<"`) is the error alone.
            return match string_path(&name) {
                Some(path) => Ok(Entry::Meant(path, err)),
                None => Err(err),
            };
        }
        // `[Tracker]`, `&Tracker`, `Tracker::`: the parser's words, and
        // what an entry is.
        match crate::syntax::parse_path(input) {
            Ok(path) => Ok(Entry::Trait(path)),
            Err(err) => Err(Error::new(
                err.span(),
                format!(
                    "{err}: each entry is a trait's path (`Tracker`, `path::Trait<u8>`) or `except(method, ...)`"
                ),
            )),
        }
    }
}

/// The one path that `text` holds, spanned at it (`"Tracker"`), read as
/// `#[realize_forward = "Tracker"]` is: through [`entries`], whose reading
/// of a string is compiled once for both.
fn string_path(text: &syn::LitStr) -> Option<Path> {
    let mut read = text.parse_with(entries).ok()?;
    match (read.pop(), read.is_empty()) {
        (Some(Entry::Trait(path)), true) => Some(path),
        _ => None,
    }
}

/// The methods of the attributes that name no trait (`traitless`:
/// `#[realize_forward(except(m))]`, whose error is given) left out of the
/// traits of the one attribute that names some, as meant; with several such
/// attributes, of none.
fn except_beside_its_traits(traits: &[TraitRef], traitless: &[usize], groups: &mut [Vec<Ident>]) {
    let mut named = None;
    for trait_ref in traits {
        match named {
            None => named = Some(trait_ref.group),
            Some(group) if group != trait_ref.group => return,
            Some(_) => {}
        }
    }
    let Some(named) = named else {
        return;
    };
    for &group in traitless {
        for name in std::mem::take(&mut groups[group]) {
            if !groups[named].contains(&name) {
                groups[named].push(name);
            }
        }
    }
}

/// A name that reads as a method's, to read a slip as meant: in
/// `snake_case`, and no path keyword (`self`, `crate`).
fn method_like(name: &Ident) -> bool {
    let written = name.unraw().to_string();
    let lowercase = match written.chars().next() {
        Some(first) => first.is_lowercase() || first == '_',
        None => false,
    };
    lowercase && !tokens::is_one_of(name, &["self", "super", "crate"])
}

/// After `except = a`: `, b` where `b` is a lowercase name alone, the next
/// of the methods rather than a trait.
fn method_follows(input: ParseStream) -> bool {
    let ahead = input.fork();
    if ahead.parse::<Token![,]>().is_err() {
        return false;
    }
    let Ok(name) = ahead.parse::<Ident>() else {
        return false;
    };
    let lowercase = match name.unraw().to_string().chars().next() {
        Some(first) => first.is_lowercase() || first == '_',
        None => false,
    };
    lowercase && (ahead.is_empty() || ahead.peek(Token![,]))
}

/// The names in `except(...)`, separated by commas, into `names`; two names
/// without one between them (`except(a b)`) or with a `;` are read as
/// meant, with the error beside them in `slips`. On a mistake that stops
/// the reading, `names` holds those before it.
fn except_names(input: ParseStream, names: &mut Vec<Ident>, slips: &mut Errors) -> Result<()> {
    while !input.is_empty() {
        let (name, slip) = except_name(input)?;
        if let Some(err) = slip {
            slips.push(err);
        }
        // `except(python_type())`: the name read as meant.
        if input.peek(token::Paren) {
            let parens: proc_macro2::TokenTree = input.parse()?;
            slips.push(Error::new(
                parens.span(),
                format!("a method is named without parentheses: `except({name})`"),
            ));
        }
        names.push(name);
        if input.is_empty() {
            break;
        }
        if input.peek(Token![,]) {
            input.parse::<Token![,]>()?;
            continue;
        }
        if let Some((punct, _)) = input.cursor().punct()
            && punct.as_char() == ';'
        {
            input.parse::<proc_macro2::TokenTree>()?;
            slips.push(Error::new(
                punct.span(),
                "the methods are separated by `,`, not `;`: `except(a, b)`",
            ));
            continue;
        }
        if !input.peek(Ident) {
            return Err(input.error("expected `,` after the method's name: `except(a, b)`"));
        }
        let before = &names[names.len() - 1];
        let fork = input.fork();
        let after = fork.parse::<Ident>()?;
        let err = Error::new(
            after.span(),
            format!("expected `,` between two methods: `except({before}, {after})`"),
        );
        slips.push(err);
    }
    Ok(())
}

/// One name in `except(...)`: a method's name alone. A quoted name or a
/// path (`Tracker::python_type`) is an error that shows the name to write,
/// beside that name read as meant.
fn except_name(input: ParseStream) -> Result<(Ident, Option<Error>)> {
    if input.peek(syn::LitStr) {
        let name: syn::LitStr = input.parse()?;
        let err = Error::new(
            name.span(),
            format!(
                "a method is named without quotes: `except({})`",
                name.value()
            ),
        );
        // The string's name, at the string; one that is no name (or a
        // keyword) is the error alone.
        let path = string_path(&name);
        let ident = match &path {
            Some(path) => path.get_ident(),
            None => None,
        };
        return match ident {
            Some(ident) if method_like(ident) => Ok((ident.clone(), Some(err))),
            _ => Err(err),
        };
    }
    // `except(type)` for a method `r#type`: a keyword is written raw.
    let path_keyword = input.peek(Token![self])
        || input.peek(Token![Self])
        || input.peek(Token![super])
        || input.peek(Token![crate]);
    // Not `_`, which no method is named, raw or not: the parser's error.
    if !input.peek(Ident) && !path_keyword && !input.peek(Token![_]) && input.peek(Ident::peek_any)
    {
        let keyword = input.call(Ident::parse_any)?;
        // `except(fn python_type)`: the name read as meant.
        if keyword == "fn" && input.peek(Ident) {
            let name: Ident = input.parse()?;
            let err = Error::new(
                keyword.span(),
                format!("a method is named without `fn`: `except({name})`"),
            );
            return Ok((name, Some(err)));
        }
        return Err(Error::new(
            keyword.span(),
            format!(
                "`{keyword}` is a keyword: a method of that name is `r#{keyword}`, `except(r#{keyword})`"
            ),
        ));
    }
    let path: Path = match input.parse() {
        Ok(path) => path,
        Err(err) => {
            return Err(Error::new(
                err.span(),
                format!("{err}: `except(...)` lists the methods' names, `except(python_type)`"),
            ));
        }
    };
    if let Some(name) = path.get_ident() {
        return Ok((name.clone(), None));
    }
    let err = |method: &str| {
        Error::new_spanned(
            &path,
            format!(
                "`except(...)` takes the method's name alone, `except({method})`: it applies to the traits named beside it"
            ),
        )
    };
    // `Tracker::python_type`, read as `python_type` beside the error.
    match path.segments.last() {
        Some(last) if last.arguments.is_none() && method_like(&last.ident) => {
            let name = last.ident.clone();
            Ok((name.clone(), Some(err(&name.to_string()))))
        }
        Some(last) => Err(err(&last.ident.to_string())),
        None => Err(err("method")),
    }
}

impl Wrapper {
    /// The user's `allow`s (and `expect`s, as `allow`s) on the wrapper, its
    /// variants and its fields, for the derive's impls: they copy the
    /// fields' types (into bounds and `Target`s), where rustc would warn
    /// again of what the user quieted on the field (a deprecated type).
    pub fn allowed_lints(&self) -> TokenStream {
        allowed_lints(&self.input)
    }

    /// Reads the wrapper and its attributes, reporting every mistake at once.
    ///
    /// The wrapper is usable even with errors (what was wrong is left out),
    /// so that the derive still writes what it can: one error per mistake,
    /// not one more at every use of the wrapper.
    pub fn read(mut input: DeriveInput) -> (Self, Errors) {
        let mut errors = Errors::default();
        let mut traits = Vec::new();
        let mut groups = Vec::new();
        // The attributes that name no trait, by their index in `groups`.
        let mut traitless: Vec<usize> = Vec::new();
        // Without the attribute itself, one that misspells it is read as
        // meant (its impls written, so that the wrapper's calls add no
        // error), with an error at it. Beside the attribute, it may be
        // another derive's (`#[realize_format]`), which the derive cannot
        // see: left to rustc.
        let spelled = has_attr(&input.attrs, "realize_forward");
        let mut read: Vec<&Attribute> = Vec::new();
        for attr in &input.attrs {
            if !attr.path().is_ident("realize_forward") {
                if spelled {
                    continue;
                }
                match misspelled_attr(attr, "realize_forward", 4) {
                    Some(err) => errors.push(err),
                    None => continue,
                }
            }
            read.push(attr);
        }
        // Written on a field or a variant instead: that error (below) says
        // where it goes, and with none on the type, it is read as meant.
        let mut misplaced = Vec::new();
        let read_misplaced = read.is_empty();
        misplaced_realize_forward(&input, &mut misplaced, read_misplaced.then_some(&mut read));
        for attr in read {
            if let Some(err) = not_in_parentheses(attr) {
                errors.push(err);
            }
            match parse_group(attr, groups.len(), &mut errors) {
                Some((group_traits, except, names_a_trait)) => {
                    if !names_a_trait {
                        traitless.push(groups.len());
                    }
                    for trait_ref in group_traits {
                        let mut seen = None;
                        // Named bare beside named with arguments: the bare
                        // one is forwarded for every instantiation, that
                        // one among them (two impls, E0119).
                        let mut covered = None;
                        for known in &traits {
                            if same_trait(known, &trait_ref) {
                                seen = Some(known);
                                break;
                            }
                            if covered.is_none()
                                && known.args.is_some() != trait_ref.args.is_some()
                                && same_path(known, &trait_ref)
                            {
                                covered = Some(known);
                            }
                        }
                        if seen.is_none()
                            && let Some(known) = covered
                        {
                            if !(known.recovered || trait_ref.recovered || read_misplaced) {
                                let (bare, with) = match known.args {
                                    None => (known, &trait_ref),
                                    Some(_) => (&trait_ref, known),
                                };
                                errors.push(Error::new_spanned(
                                    &trait_ref.path,
                                    format!(
                                        "`{}` without arguments is forwarded for every instantiation its target has, `{}` among them: name it once, bare or with its arguments",
                                        bare.written(),
                                        with.written()
                                    ),
                                ));
                            }
                        } else if let Some(seen) = seen {
                            // Not where one of the two is a std trait read
                            // as its mirror (its error is given), nor among
                            // attributes on several variants or fields.
                            if !(seen.recovered || trait_ref.recovered || read_misplaced) {
                                errors.push(Error::new_spanned(
                                    &trait_ref.path,
                                    format!(
                                        "`{}` is listed twice; list it once",
                                        trait_ref.written()
                                    ),
                                ));
                            }
                        } else if let Some(err) = undeclared_lifetime(&input, &trait_ref) {
                            // Left out: its impl would repeat this error.
                            errors.push(err);
                        } else {
                            traits.push(trait_ref);
                        }
                    }
                    groups.push(except);
                }
                None => groups.push(Vec::new()),
            }
        }
        except_beside_its_traits(&traits, &traitless, &mut groups);
        if groups.is_empty() {
            errors.push(Error::new(
                input.ident.span(),
                "`#[derive(RealizeForward)]` needs `#[realize_forward(Trait, ...)]` naming the traits to forward",
            ));
        }
        let mut realize_misplaced = realize_on_the_type(&mut input, &mut errors);
        for error in misplaced {
            errors.push(error);
        }
        let deprecated = is_deprecated(&input);
        let mut realize = realize_field(&mut input, &mut errors);
        // Every impl of the `Realize` family borrows the field, which in a
        // packed struct may be unaligned: rustc's E0793 at the field, whose
        // help (copy the field to a local) is no fix for a derive.
        if let (Some(_), Some(packed)) = (&realize, packed_repr(&input.attrs)) {
            errors.push(Error::new(
                packed.span(),
                "a `#[repr(packed)]` wrapper cannot lend its `#[realize]` field by reference, which every forwarded method needs (a packed field may be unaligned, E0793): remove `packed`",
            ));
            realize = None;
            realize_misplaced = true;
        }
        let variants = match &mut input.data {
            Data::Enum(data) => {
                let variants = variants::read(&input.ident, data, &variant_mark, &mut errors);
                realize_misplaced |= variants.is_none();
                variants
            }
            _ => None,
        };
        realize_misplaced |= realize.is_none()
            && !matches!(input.data, Data::Enum(_))
            && field_has_attr(&input, "realize");
        // Not looked for beside a `#[realize]` field: no one asks then, and
        // it prints every field's type.
        let lazy_field = match realize {
            Some(_) => None,
            None => {
                let mut found = None;
                for field in all_fields(&input) {
                    if tokens::mentions(field.ty.to_token_stream(), &|ident| ident == "Lazy") {
                        found = Some(field.span());
                        break;
                    }
                }
                found
            }
        };
        let unmarked = realize.is_none()
            && !realize_misplaced
            && matches!(input.data, Data::Struct(_))
            && input.generics.params.is_empty()
            && input.generics.where_clause.is_none()
            && lazy_field.is_some();
        let wrapper = Wrapper {
            input,
            realize,
            realize_misplaced,
            traits,
            groups,
            variants,
            deprecated,
            lazy_field,
            unmarked,
        };
        (wrapper, errors)
    }

    /// Where no field is marked `#[realize]`, the span of the first whose
    /// type mentions a `Lazy` (`Lazy<T>`, `Box<sync::Lazy<T>>`, ...): where
    /// the forgotten mark goes.
    pub fn lazy_field(&self) -> Option<Span> {
        self.lazy_field
    }

    /// The `deref` of the `#[realize]` field, if it has one.
    pub fn deref_at(&self) -> Option<Span> {
        match &self.realize {
            Some(field) => field.deref,
            None => None,
        }
    }

    /// A struct without parameters or `where` clause, no field marked
    /// `#[realize]` and one that holds a lazy ([`Wrapper::lazy_field`]):
    /// its forwarders realize through lazy-core's `__private::Unmarked`
    /// family, which the wrapper has when it implements `Realize` by hand
    /// and whose error otherwise says to mark the field
    /// (`expand::RealizeCalls::Unmarked`). A wrapper with parameters keeps
    /// `Realize`: its bounds are conditions of the impl there, not errors.
    pub fn unmarked_lazy(&self) -> bool {
        self.unmarked
    }

    /// Every `except` name with the index of its attribute, in order.
    pub fn except_names(&self) -> impl Iterator<Item = (usize, &Ident)> {
        let mut all = Vec::new();
        for group in 0..self.groups.len() {
            let names = &self.groups[group];
            for name in names {
                all.push((group, name));
            }
        }
        all.into_iter()
    }
}

/// The entries of `#[realize_forward(...)]`, separated by commas. A
/// mistake that stops the reading is an entry of its own, after those read
/// before it: a trait listed before the mistake is still forwarded, so that
/// its methods' calls add no error ("no method named .. found") to it.
fn entries(input: ParseStream) -> Result<Vec<Entry>> {
    let mut entries = Vec::new();
    if let Err(last) = read_entries(input, &mut entries) {
        entries.push(Entry::Unknown(last));
        // What is left after the mistake is not read.
        input.parse::<TokenStream>()?;
    }
    Ok(entries)
}

fn read_entries(input: ParseStream, entries: &mut Vec<Entry>) -> Result<()> {
    while !input.is_empty() {
        // `Tracker,, Store`, `(, Tracker)`.
        if input.peek(Token![,]) {
            let comma: Token![,] = input.parse()?;
            entries.push(Entry::Unknown(Error::new(
                comma.span,
                "one `,` too many: remove it",
            )));
            continue;
        }
        if input.peek(Token![for]) {
            // The trait's name after the binder, for the message.
            let ahead = input.fork();
            let path = match ahead.parse::<syn::BoundLifetimes>() {
                Ok(_) => Path::parse_mod_style(&ahead).ok(),
                Err(_) => None,
            };
            let name = match &path {
                Some(path) => match path.segments.last() {
                    Some(last) => last.ident.to_string(),
                    None => String::from("Trait"),
                },
                None => String::from("Trait"),
            };
            return Err(Error::new(
                input.span(),
                format!(
                    "no `for<'a>` here: the trait named without its arguments, `{name}`, is forwarded for every lifetime and type its target implements it for; name them to forward one (`{name}<'static>`)"
                ),
            ));
        }
        let entry: Entry = input.parse()?;
        let is_trait = matches!(entry, Entry::Trait(_) | Entry::Meant(..));
        if input.peek(token::Paren)
            && let Entry::Trait(path) | Entry::Meant(path, _) = &entry
            && let Some(err) = except_inside(input, path)
        {
            return Err(err);
        }
        entries.push(entry);
        if input.is_empty() {
            break;
        }
        if !input.peek(Token![,]) {
            // `Tracker; Store`, `Tracker | Store`: read as a comma; `Tracker
            // + Send`: the bounds read past, to the next entry. (Read as
            // trees: a `Token![+]` would be syn's parser for it written out
            // in this crate.)
            let separator = match input.cursor().punct() {
                Some((punct, _)) => punct.as_char(),
                None => ' ',
            };
            if matches!(separator, '+' | ';' | '|' | '&' | '.' | '/') {
                let at = input.cursor().span();
                // `&&`, `||`, `..`: one separator.
                while let Some((punct, _)) = input.cursor().punct() {
                    input.parse::<proc_macro2::TokenTree>()?;
                    if punct.spacing() == proc_macro2::Spacing::Alone {
                        break;
                    }
                }
                let message = if separator == '+' {
                    // `Tracker + Send`: the bounds read past, to the next
                    // entry; `Store + Eat` goes on with `Eat`.
                    if bound_follows(input) {
                        while !input.is_empty() && !input.peek(Token![,]) && !except_follows(input)
                        {
                            input.parse::<proc_macro2::TokenTree>()?;
                        }
                        if input.peek(Token![,]) {
                            input.parse::<Token![,]>()?;
                        }
                    }
                    String::from(
                        "a trait is forwarded alone, without `+`: list each trait to forward after a `,` (`Tracker, Store`); bounds such as `Send` are not forwarded",
                    )
                } else {
                    format!(
                        "the entries are separated by `,`, not `{separator}`: `#[realize_forward(Trait, Other<u8>, except(method))]`"
                    )
                };
                entries.push(Entry::Unknown(Error::new(at, message)));
                continue;
            }
            if is_trait && input.peek(token::Paren) {
                return Err(Error::new(
                    input.cursor().span(),
                    "a trait's generic arguments go in angle brackets: `Trait<u8>`",
                ));
            }
            let err = Error::new(
                input.cursor().span(),
                "expected `,` before the next entry: `#[realize_forward(Trait, Other<u8>, except(method))]`",
            );
            // `Tracker except(method)`, `Tracker crate::Other`: the next
            // entry is read as meant, beside the error, where it reads
            // without a mistake of its own (else this error alone, as the
            // list cannot be read further).
            let ahead = input.fork();
            if let Ok(Entry::Trait(_) | Entry::Except(_, None)) = ahead.parse::<Entry>() {
                entries.push(Entry::Unknown(err));
                continue;
            }
            return Err(err);
        }
        input.parse::<Token![,]>()?;
    }
    Ok(())
}

/// Whether a bound that is no trait to forward comes next, after a `+` in
/// the list: a lifetime, `?Sized`, or an auto or marker trait.
fn bound_follows(input: ParseStream) -> bool {
    // syn's cursor gives a lifetime's `'` only as a lifetime.
    if input.cursor().lifetime().is_some() {
        return true;
    }
    if let Some((punct, _)) = input.cursor().punct() {
        return punct.as_char() == '?';
    }
    match input.cursor().ident() {
        Some((ident, _)) => tokens::is_one_of(&ident, &["Send", "Sync", "Unpin", "Sized"]),
        None => false,
    }
}

/// Whether `except(` comes next.
fn except_follows(input: ParseStream) -> bool {
    match input.cursor().ident() {
        Some((ident, rest)) => {
            ident == "except" && rest.group(proc_macro2::Delimiter::Parenthesis).is_some()
        }
        None => false,
    }
}

/// `lazy_core::mirrors::Display`, `lazy_core::Display`: a mirror of
/// lazy-core named through another module than `remote`. The error says
/// where the mirrors are, and the path is read as meant
/// (`lazy_core::remote::Display`), so that the wrapper's uses add no error.
fn mirror_module(path: &mut Path) -> Option<Error> {
    // Plain loops and indices here: each iterator adapter over syn's trees
    // is code of its own in this crate's build (`BENCHMARKS.md`, "lazy-derive's
    // cold build").
    let count = path.segments.len();
    if count < 2 || path.segments[0].ident != "lazy_core" {
        return None;
    }
    if count == 3 && (path.segments[1].ident == "remote" || path.segments[1].ident == "__private") {
        return None;
    }
    let mut names = Vec::with_capacity(count - 1);
    for segment in path.segments.iter().skip(1) {
        names.push(segment.ident.to_string());
    }
    let name = crate::mirrors::mirror_below_lazy_core(&names)?;
    // At the first name after `lazy_core`, the module (or the mirror).
    let at = path.segments[1].ident.span();
    let err = Error::new(
        at,
        format!(
            "lazy-core's mirrors of std traits are in `lazy_core::remote`: `lazy_core::remote::{name}`"
        ),
    );
    // `lazy_core::remote::Mirror`, with the arguments written. syn's trees
    // are moved, not cloned (see Cargo.toml).
    let mut last = path.segments.pop()?;
    last.ident = Ident::new(name, last.ident.span());
    while path.segments.len() > 1 {
        path.segments.pop();
    }
    path.segments
        .push(syn::PathSegment::from(Ident::new("remote", at)));
    path.segments.push(last);
    Some(err)
}

/// `Tracker(except(set))`: the error that `except(...)` goes beside the
/// trait, at the parentheses; `None` for other arguments in parentheses
/// (`Tracker(u8)`).
fn except_inside(input: ParseStream, path: &Path) -> Option<Error> {
    let (content, span, _) = input.cursor().group(proc_macro2::Delimiter::Parenthesis)?;
    let (first, _) = content.ident()?;
    if first != "except" {
        return None;
    }
    let except = content.token_stream().to_string().replace(" ", "");
    let except = except.replace(",", ", ");
    Some(Error::new(
        span.span(),
        format!(
            "`except(...)` goes beside the trait: `realize_forward({}, {except})`",
            tokens::compact(path)
        ),
    ))
}

/// The traits of one `#[realize_forward(...)]` and the methods it leaves
/// out, and whether it names a trait at all.
fn parse_group(
    attr: &Attribute,
    group: usize,
    errors: &mut Errors,
) -> Option<(Vec<TraitRef>, Vec<Ident>, bool)> {
    let read = match &attr.meta {
        // `#[realize_forward = "Tracker"]`: read as meant, beside the error.
        // A value that is no literal is rustc's error already.
        syn::Meta::NameValue(value) => match &value.value {
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(text),
                ..
            }) if !text.value().trim().is_empty() => {
                errors.push(Error::new_spanned(
                    text,
                    format!(
                        "`#[realize_forward]` takes the traits in parentheses: write `#[realize_forward({})]`",
                        text.value()
                    ),
                ));
                text.parse_with(entries)
            }
            syn::Expr::Lit(literal) => {
                errors.push(Error::new_spanned(
                    literal,
                    "`#[realize_forward]` takes the traits to forward in parentheses: write `#[realize_forward(Trait, ...)]`",
                ));
                return None;
            }
            other => syn::parse::Parser::parse2(entries, other.to_token_stream()),
        },
        _ => attr.parse_args_with(entries),
    };
    let entries = match read {
        Ok(entries) => entries,
        Err(err) => {
            errors.push(err);
            return None;
        }
    };
    let mut traits = Vec::new();
    let mut except: Vec<Ident> = Vec::new();
    let mut any_trait = false;
    // An entry that is no trait, reported (`deref`, `bogus(a)`): the
    // attribute's "names no trait" would be a second error for it.
    let mut unknown = false;
    for entry in entries {
        match entry {
            Entry::Trait(path) => {
                any_trait = true;
                if let Some(trait_ref) = trait_ref(path, group, errors) {
                    traits.push(trait_ref);
                }
            }
            Entry::Meant(path, err) => {
                any_trait = true;
                errors.push(err);
                if let Some(trait_ref) = trait_ref(path, group, errors) {
                    traits.push(trait_ref);
                }
            }
            Entry::Unknown(err) => {
                unknown = true;
                errors.push(err);
            }
            Entry::Except(names, slip) => {
                if let Some(err) = slip {
                    errors.push(err);
                }
                for name in &names {
                    if except.contains(name) {
                        errors.push(Error::new(
                            name.span(),
                            format!("`{name}` is listed in `except(...)` twice; list it once"),
                        ));
                    } else {
                        except.push(name.clone());
                    }
                }
            }
        }
    }
    if !any_trait && !except.is_empty() {
        // `#[realize_forward(except(m))]` beside `#[realize_forward(Tracker)]`:
        // read with that attribute's traits where it is the one that names
        // some (`Wrapper::read`).
        errors.push(Error::new(
            attr.path().span(),
            "`except(...)` goes in the attribute that names the traits it leaves methods of: `#[realize_forward(Tracker, except(method))]`",
        ));
    } else if !any_trait && !unknown {
        errors.push(Error::new(
            attr.path().span(),
            "`#[realize_forward(...)]` names no trait; write `#[realize_forward(Trait, ...)]`",
        ));
    }
    Some((traits, except, any_trait))
}

fn trait_ref(mut path: Path, group: usize, errors: &mut Errors) -> Option<TraitRef> {
    if let Some(err) = mirror_module(&mut path) {
        errors.push(err);
    }
    // `lazy_core::remote::Clone`, a name of no mirror: left out, with an
    // error that says how to write one (rustc's, at the import, would
    // suggest std's trait, which has no `#[forwardable]` either).
    if path.segments.len() == 3
        && path.segments[0].ident == "lazy_core"
        && path.segments[1].ident == "remote"
        && crate::mirrors::mirror_below_lazy_core(&[path.segments[2].ident.to_string()]).is_none()
    {
        errors.push(Error::new(
            path.segments[2].ident.span(),
            "`lazy_core::remote` has no mirror of this trait (its list is in `lazy_core::remote`'s documentation): forward a trait of std or another crate through a mirror of your own, `#[forwardable(remote = path::to::Trait)] trait Trait { .. }` with the signatures of its methods",
        ));
        return None;
    }
    let last = path.segments.last_mut()?;
    // A path's keywords (`crate::Tracker`) name no trait at its end.
    if tokens::is_one_of(&last.ident, &["self", "super", "crate", "Self", "_"]) {
        errors.push(Error::new(
            last.ident.span(),
            format!(
                "`{}` is not a trait: name the trait to forward (`Tracker`, `crate::tracker::Tracker`)",
                last.ident
            ),
        ));
        return None;
    }
    let args = match std::mem::replace(&mut last.arguments, PathArguments::None) {
        PathArguments::None => None,
        PathArguments::AngleBracketed(args) => {
            for arg in punct::values(&args.args) {
                match arg {
                    GenericArgument::Type(ty) => {
                        if let Some(err) = no_type(ty, &last.ident) {
                            errors.push(err);
                            return None;
                        }
                    }
                    GenericArgument::Lifetime(_) | GenericArgument::Const(_) => {}
                    other => {
                        errors.push(Error::new(
                            other.span(),
                            "only the trait's own generic arguments go here (`Trait<u8>`), not associated items (`Trait<Item = u8>`): the target's associated items are forwarded as they are",
                        ));
                        return None;
                    }
                }
            }
            Some(args)
        }
        PathArguments::Parenthesized(args) => {
            errors.push(Error::new(
                args.span(),
                "`Fn`-style arguments cannot be forwarded; name a trait with `<...>` arguments",
            ));
            return None;
        }
    };
    for segment in path.segments.iter().take(path.segments.len() - 1) {
        if !segment.arguments.is_none() {
            errors.push(Error::new(
                segment.arguments.span(),
                "generic arguments go on the trait's own name, the last segment of the path",
            ));
            return None;
        }
    }
    // Read as meant where it has a mirror, and no arguments (which the
    // mirror may not take alike): the wrapper's uses then add no error.
    let mut recovered = false;
    if let Some(err) = std_trait(&path, args.is_some()) {
        errors.push(err);
        if args.is_some() {
            return None;
        }
        path = std_mirror_path(&path)?;
        recovered = true;
    }
    // `Visitor<'_>`: an impl's header cannot leave a lifetime to elision.
    // Read as the bare name, which forwards the trait for every lifetime.
    let mut elided = None;
    if let Some(args) = &args {
        for arg in punct::values(&args.args) {
            if let GenericArgument::Lifetime(lifetime) = arg
                && lifetime.ident == "_"
            {
                elided = Some(lifetime);
                break;
            }
        }
    }
    if let Some(elided) = elided {
        let name = path.segments.last()?.ident.to_string();
        errors.push(Error::new_spanned(
            elided,
            format!(
                "`'_` cannot stand for the trait's lifetime here (the forwarders' signatures name the trait's lifetime, where `'_` would be another one in each): name the trait without it, `{name}`, to forward it for every lifetime, or declare a lifetime on the wrapper and name it"
            ),
        ));
        // Its other arguments too (`Visitor<'_, u8>`): the bare name, which
        // the error names, forwards every instantiation, and the wrapper's
        // calls then add no error.
        return Some(TraitRef {
            recovered: false,
            path,
            args: None,
            group,
        });
    }
    // Read as meant, the trait: the wrapper's uses then add no error.
    if let Some(err) = method_path(&path) {
        errors.push(err);
        path.segments.pop();
        path.segments.pop_punct();
    }
    Some(TraitRef {
        path,
        args,
        group,
        recovered,
    })
}

/// `Tracker::python_type`: a method named through its trait (a lowercase
/// name after a capitalized one), where the derive forwards whole traits.
/// Without this error rustc reads the path as an import of an associated
/// item (unstable) and names the chain's alias of it. Leading underscores
/// do not count (`Api::_Private` is a trait's name); `Self` is no trait to
/// name (`Self::x` is rustc's one error, that `Self` cannot be imported).
/// The path may still be a trait in a module named with a capital, which
/// only rustc could tell: the error says how to name it then.
fn method_path(path: &Path) -> Option<Error> {
    let count = path.segments.len();
    let method = &path.segments.last()?.ident;
    let owner = &path.segments.iter().nth(count.checked_sub(2)?)?.ident;
    if owner == "Self" {
        return None;
    }
    let starts = |ident: &Ident, upper: bool| {
        let name = ident.unraw().to_string();
        let name = if upper {
            &name[..]
        } else {
            name.trim_start_matches('_')
        };
        match name.chars().next() {
            Some(c) if upper => c.is_uppercase(),
            Some(c) => c.is_lowercase(),
            None => false,
        }
    };
    if !starts(owner, true) || !starts(method, false) {
        return None;
    }
    Some(Error::new(
        method.span(),
        format!(
            "`realize_forward(...)` names traits, and `{method}` looks like a method of `{owner}`: write `{owner}` to forward all its methods, and list in `except(...)` beside it those the wrapper answers itself (for a trait `{method}` of a module `{owner}`: import it, and name it alone)"
        ),
    ))
}

/// An error at a `_` or an `impl Trait` among a trait's arguments
/// (`Store<_>`, `Store<Vec<impl Copy>>`): they stand for no type in the
/// impl's header, where rustc would say so once per forwarded method.
/// `trait_name` is the trait's name, which named bare is forwarded for
/// every instantiation.
fn no_type(ty: &Type, trait_name: &Ident) -> Option<Error> {
    let message = |written: &str| {
        format!(
            "a trait's arguments must be types, and `{written}` is none: name the type, or name the trait bare, `{trait_name}`, to forward every instantiation the target has"
        )
    };
    if let Type::ImplTrait(_) = ty {
        let written = ty.to_token_stream().to_string();
        return Some(Error::new_spanned(ty, message(&written)));
    }
    let (span, written) = crate::syntax::placeholder(ty, false)?;
    Some(Error::new(span, message(&written)))
}

/// A lifetime in the trait's arguments that the wrapper does not declare
/// (`Visitor<'a>` on a wrapper without `'a`): one error at the lifetime, where
/// rustc would give one per use in the impl with fixes that edit the trait.
fn undeclared_lifetime(input: &DeriveInput, trait_ref: &TraitRef) -> Option<Error> {
    let args = trait_ref.args.as_ref()?;
    let mut bound = Vec::new();
    let mut used = Vec::new();
    lifetimes(args.to_token_stream(), &mut bound, &mut used);
    let mut undeclared = None;
    for (name, span) in used {
        let mut declared = name == "static" || name == "_" || bound.contains(&name);
        for param in input.generics.lifetimes() {
            declared |= param.lifetime.ident == name;
        }
        if !declared {
            undeclared = Some((name, span));
            break;
        }
    }
    let (name, span) = undeclared?;
    let wrapper = &input.ident;
    let kind = match input.data {
        Data::Struct(_) => "struct",
        Data::Enum(_) => "enum",
        Data::Union(_) => "union",
    };
    Some(Error::new(
        span,
        format!(
            "`'{name}` is not declared on `{wrapper}`: name the trait without it, `{}`, to forward it for every lifetime, or declare it on the wrapper, `{kind} {wrapper}<'{name}>`",
            trait_ref.name()
        ),
    ))
}

/// The lifetimes used in `tokens` (with the span of their quote), and those
/// a `for<..>` binds.
fn lifetimes(
    tokens: proc_macro2::TokenStream,
    bound: &mut Vec<Ident>,
    used: &mut Vec<(Ident, Span)>,
) {
    let trees: Vec<proc_macro2::TokenTree> = tokens.into_iter().collect();
    let mut binder = false;
    let mut depth = 0usize;
    for index in 0..trees.len() {
        let tree = &trees[index];
        match tree {
            proc_macro2::TokenTree::Group(group) => lifetimes(group.stream(), bound, used),
            proc_macro2::TokenTree::Ident(ident) if ident == "for" => binder = true,
            proc_macro2::TokenTree::Punct(punct) => match punct.as_char() {
                '<' if binder => depth += 1,
                '>' if binder => {
                    depth = depth.saturating_sub(1);
                    binder = depth > 0;
                }
                '\'' => {
                    if let Some(proc_macro2::TokenTree::Ident(name)) = trees.get(index + 1) {
                        if binder && depth > 0 {
                            bound.push(name.clone());
                        } else {
                            let span = punct.span().join(name.span()).unwrap_or(name.span());
                            used.push((name.clone(), span));
                        }
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
}

/// `::lazy_core::remote::Mirror` for a std trait's path that has a mirror
/// (`std::fmt::Display`, not `std::io::Error`, a struct), at the path's
/// last name.
fn std_mirror_path(path: &Path) -> Option<Path> {
    let mut segments: Vec<String> = Vec::with_capacity(path.segments.len());
    for segment in &path.segments {
        segments.push(segment.ident.to_string());
    }
    let mirror = crate::mirrors::mirror_of_path(&segments)?;
    let span = path.segments.last()?.ident.span();
    let mut mirror_path = Path {
        leading_colon: Some(Token![::](span)),
        segments: syn::punctuated::Punctuated::new(),
    };
    for name in &["lazy_core", "remote", mirror] {
        mirror_path
            .segments
            .push(syn::PathSegment::from(Ident::new(name, span)));
    }
    Some(mirror_path)
}

/// Whether two traits of `realize_forward(...)` are one: written alike, or
/// but for a leading `::` (`::lazy_core::remote::Display`, as a std path is
/// read, and `lazy_core::remote::Display`).
/// The two name one trait, whatever their arguments (as [`same_trait`]
/// compares).
fn same_path(one: &TraitRef, other: &TraitRef) -> bool {
    let one = tokens::compact(&one.path).replace("r#", "");
    let other = tokens::compact(&other.path).replace("r#", "");
    one.trim_start_matches("::") == other.trim_start_matches("::")
}

fn same_trait(one: &TraitRef, other: &TraitRef) -> bool {
    // A raw name is the name (`r#Tracker` is `Tracker`); no `r#` is in a
    // path's text but before a name.
    let one = one.written().replace("r#", "");
    let other = other.written().replace("r#", "");
    one.trim_start_matches("::") == other.trim_start_matches("::")
}

/// std's traits have no hidden macro: point at the mirror instead of leaving
/// rustc to say that no macro of that name exists; one named with
/// `arguments` (`Add<i64>`) at a mirror that takes them, or at writing one.
fn std_trait(path: &Path, arguments: bool) -> Option<Error> {
    let first = path.segments.first()?;
    if !tokens::is_one_of(&first.ident, &["std", "core", "alloc"]) {
        return None;
    }
    let mut segments: Vec<String> = Vec::with_capacity(path.segments.len());
    for segment in &path.segments {
        segments.push(segment.ident.to_string());
    }
    let written = tokens::join(segments.iter().map(String::as_str), "::");
    let message = if let Some(mirror) = crate::mirrors::mirror_of(&segments) {
        if arguments && !crate::mirrors::WITH_PARAMETERS.contains(&mirror) {
            // `Add<i64>`: the mirror is `Add<Self>`, which takes none.
            format!(
                "`{written}` has no `#[forwardable]`, and its mirror `lazy_core::remote::{mirror}` is of the wrapper with the wrapper (no arguments): for other arguments, write a signature-only mirror that declares the trait's parameters with `#[forwardable(remote = ::{written})]` and name it here with them"
            )
        } else {
            format!(
                "`{written}` has no `#[forwardable]`; name its mirror instead: `lazy_core::remote::{mirror}`"
            )
        }
    } else {
        format!(
            "`{written}` has no `#[forwardable]`; write a signature-only mirror with `#[forwardable(remote = ::{written})]` and name the mirror here"
        )
    };
    Some(Error::new_spanned(path, message))
}

/// Whether one of `attrs` is `#[name ...]`.
pub fn has_attr(attrs: &[Attribute], name: &str) -> bool {
    for attr in attrs {
        if attr.path().is_ident(name) {
            return true;
        }
    }
    false
}

/// A struct's fields, named or not; `None` for a unit struct, an enum or a
/// union.
fn struct_fields_mut(data: &mut Data) -> Option<&mut Punctuated<syn::Field, Token![,]>> {
    match data {
        Data::Struct(data) => match &mut data.fields {
            syn::Fields::Named(fields) => Some(&mut fields.named),
            syn::Fields::Unnamed(fields) => Some(&mut fields.unnamed),
            syn::Fields::Unit => None,
        },
        Data::Enum(_) | Data::Union(_) => None,
    }
}

/// `#[realize]` written on the type: an error at each, and the first read
/// as meant where it can be ([`moved_to_the_lazy`]). Whether one stays
/// misplaced. Shared by the derives that read the field, so that each says
/// the same at the same token (rustc shows it once).
pub fn realize_on_the_type(input: &mut DeriveInput, errors: &mut Errors) -> bool {
    let mut on_type = None;
    for index in 0..input.attrs.len() {
        let attr = &input.attrs[index];
        if !attr.path().is_ident("realize") {
            continue;
        }
        errors.push(Error::new_spanned(
            attr,
            "`#[realize]` goes on the field that realizes, not on the type",
        ));
        if on_type.is_none() {
            on_type = Some(index);
        }
    }
    match on_type {
        Some(index) => !moved_to_the_lazy(input, index),
        None => false,
    }
}

/// `#[realize]` on a struct (the type's attribute number `at`, its error
/// given) read as meant: moved to its one field whose type names a `Lazy`,
/// where no field is marked. Whether it was.
fn moved_to_the_lazy(input: &mut DeriveInput, at: usize) -> bool {
    if field_has_attr(input, "realize") {
        return false;
    }
    let Some(fields) = struct_fields_mut(&mut input.data) else {
        return false;
    };
    let mut lazy = None;
    for field in punct::values_mut(fields) {
        if tokens::mentions(field.ty.to_token_stream(), &|ident| ident == "Lazy") {
            if lazy.is_some() {
                return false;
            }
            lazy = Some(field);
        }
    }
    match lazy {
        Some(field) => {
            field.attrs.push(input.attrs.remove(at));
            true
        }
        None => false,
    }
}

/// Whether a field of `input` (of any variant) has a `#[name ...]`.
fn field_has_attr(input: &DeriveInput, name: &str) -> bool {
    for field in all_fields(input) {
        if has_attr(&field.attrs, name) {
            return true;
        }
    }
    false
}

/// An error for each `#[realize_forward(...)]` on a field or a variant,
/// saying that it goes on the type, into `errors`; each such attribute into
/// `read`, where given.
fn misplaced_realize_forward<'a>(
    input: &'a DeriveInput,
    errors: &mut Vec<Error>,
    mut read: Option<&mut Vec<&'a Attribute>>,
) {
    // Each place's attributes in turn, with no list of the places or of
    // the attributes found: list types less in this crate's build.
    let mut check = |attrs: &'a [Attribute], place: &str| {
        for attr in attrs {
            if attr.path().is_ident("realize_forward") {
                errors.push(Error::new_spanned(
                    attr,
                    format!("`#[realize_forward(...)]` goes on the type, not on {place}"),
                ));
                if let Some(read) = &mut read {
                    read.push(attr);
                }
            }
        }
    };
    for field in all_fields(input) {
        check(&field.attrs, "a field");
    }
    if let Data::Enum(data) = &input.data {
        for variant in punct::values(&data.variants) {
            check(&variant.attrs, "a variant");
        }
    }
}

/// Whether the wrapper, one of its variants or one of their fields is
/// `#[deprecated]`.
fn is_deprecated(input: &DeriveInput) -> bool {
    if is_marked_deprecated(&input.attrs) {
        return true;
    }
    match &input.data {
        Data::Enum(data) => {
            for variant in punct::values(&data.variants) {
                if is_marked_deprecated(&variant.attrs) {
                    return true;
                }
                for field in &variant.fields {
                    if is_marked_deprecated(&field.attrs) {
                        return true;
                    }
                }
            }
            false
        }
        Data::Struct(data) => {
            for field in &data.fields {
                if is_marked_deprecated(&field.attrs) {
                    return true;
                }
            }
            false
        }
        Data::Union(_) => false,
    }
}

/// `#[deprecated]` is among `attrs`.
fn is_marked_deprecated(attrs: &[Attribute]) -> bool {
    for attr in attrs {
        if attr.path().is_ident("deprecated") {
            return true;
        }
    }
    false
}

/// `#[realize_forward[Tracker]]`, `#[realize{plain}]`: rustc hands a
/// derive's helper attribute over with any delimiter, and rustc's own
/// attributes take parentheses only. The error says to write them; the
/// derive reads the arguments as if they were in parentheses and goes on.
pub fn not_in_parentheses(attr: &Attribute) -> Option<Error> {
    let syn::Meta::List(list) = &attr.meta else {
        return None;
    };
    // `#[realize[]]`: the attribute's own error says what it takes, where
    // `#[realize()]` would be no fix.
    if matches!(list.delimiter, syn::MacroDelimiter::Paren(_)) || list.tokens.is_empty() {
        return None;
    }
    let name = tokens::compact(&list.path);
    // As written, spaces kept where they part two words
    // (`Named<&'static str>`, `dyn Fn(&u8)`).
    let args = tokens::pretty(&list.tokens);
    Some(Error::new(
        list.delimiter.span().join(),
        format!("`#[{name}]` takes its arguments in parentheses: write `#[{name}({args})]`"),
    ))
}

/// Resolves the names of a wrapper that is deprecated, or has a deprecated
/// variant or field ([`is_deprecated`]), in the derive's expansion: its
/// name, its variants' and its fields' (their locations stay the user's).
/// The derives' impls name them there, and the chain's later links carry
/// them so (the derive carries this input, printed); rustc's `deprecated`
/// lint does not look at a path resolved in a derive's expansion, as it does
/// not in a built-in derive's impls, so the wrapper is warned of where the
/// user names it, not once more per derive. What else reads the fields or
/// matches the variants is resolved there too for such a wrapper: a tuple
/// struct's field by index (where the `#[realize]` field is found), the
/// `Realize` impls' bodies and their `self` (`expand::FieldImpl`), an
/// enum's patterns and bindings (`enums::EnumContext::binding_site`); and
/// the chain does not end in `__forward_end!`, whose impls rustc warns of
/// though the name is resolved so. Whether the wrapper is such a one.
pub fn quiet_deprecated(input: &mut DeriveInput) -> bool {
    if !is_deprecated(input) {
        return false;
    }
    let quiet = |ident: &mut Ident| ident.set_span(ident.span().resolved_at(Span::call_site()));
    quiet(&mut input.ident);
    match &mut input.data {
        Data::Struct(data) => {
            for field in data.fields.iter_mut() {
                if let Some(ident) = &mut field.ident {
                    quiet(ident);
                }
            }
        }
        Data::Enum(data) => {
            for variant in punct::values_mut(&mut data.variants) {
                quiet(&mut variant.ident);
                for field in variant.fields.iter_mut() {
                    if let Some(ident) = &mut field.ident {
                        quiet(ident);
                    }
                }
            }
        }
        Data::Union(_) => {}
    }
    true
}

/// The `packed` of a `#[repr(packed)]` (`#[repr(C, packed(2))]`).
pub fn packed_repr(attrs: &[Attribute]) -> Option<Ident> {
    repr_word(attrs, &["packed"])
}

/// The first word of `#[repr(...)]` among `attrs` that is one of `words`.
pub fn repr_word(attrs: &[Attribute], words: &[&str]) -> Option<Ident> {
    for attr in attrs {
        let syn::Meta::List(list) = &attr.meta else {
            continue;
        };
        if !list.path.is_ident("repr") {
            continue;
        }
        for tree in list.tokens.clone() {
            if let proc_macro2::TokenTree::Ident(ident) = tree
                && tokens::is_one_of(&ident, words)
            {
                return Some(ident);
            }
        }
    }
    None
}

/// [`Wrapper::allowed_lints`] of any derive's `input`.
pub fn allowed_lints(input: &DeriveInput) -> TokenStream {
    let mut out = tokens::lints(&input.attrs);
    if let Data::Enum(data) = &input.data {
        for variant in punct::values(&data.variants) {
            out.extend(tokens::lints(&variant.attrs));
        }
    }
    for field in all_fields(input) {
        out.extend(tokens::lints(&field.attrs));
    }
    out
}

/// Every field of the struct, enum or union.
pub fn all_fields(input: &DeriveInput) -> Vec<&syn::Field> {
    let mut fields = Vec::new();
    match &input.data {
        Data::Struct(data) => {
            for field in &data.fields {
                fields.push(field);
            }
        }
        Data::Enum(data) => {
            for variant in punct::values(&data.variants) {
                for field in &variant.fields {
                    fields.push(field);
                }
            }
        }
        Data::Union(data) => {
            for field in &data.fields.named {
                fields.push(field);
            }
        }
    }
    fields
}

/// The struct's `#[realize]` field, its type moved out of `input` (syn's
/// trees are not `Clone` in lazy-derive's build of syn: the derive needs no
/// copy of a whole struct). The input's field keeps an empty type, which
/// nothing reads: the derive's chain carries the input's own tokens, and a
/// wrapper with a `#[realize]` field is never searched for its `Lazy`
/// (`Wrapper::lazy_field`).
pub fn realize_field(input: &mut DeriveInput, errors: &mut Errors) -> Option<RealizeField> {
    let (index, found) = find_realize_field(input, errors)?;
    let fields = struct_fields_mut(&mut input.data)?;
    let field = punct::values_mut(fields).nth(index)?;
    let mut ty = std::mem::replace(&mut field.ty, Type::Verbatim(TokenStream::new()));
    let _ = tokens::fill_elided_references(&mut ty);
    Some(RealizeField { ty, ..found })
}

/// The `#[realize]` field's index among the struct's fields, and what it
/// says (its type left empty: [`realize_field`] moves it in).
fn find_realize_field(input: &DeriveInput, errors: &mut Errors) -> Option<(usize, RealizeField)> {
    let fields: Vec<&syn::Field> = match &input.data {
        Data::Struct(_) => all_fields(input),
        // Each variant's field is read by `variants::read`.
        Data::Enum(_) => return None,
        Data::Union(_) => {
            for field in all_fields(input) {
                for attr in &field.attrs {
                    if !attr.path().is_ident("realize") {
                        continue;
                    }
                    errors.push(Error::new_spanned(
                    attr,
                        "`#[realize]` works on a struct's or an enum's field, not a union's; implement `lazy_core::Realize` for the union",
                    ));
                }
            }
            return None;
        }
    };
    // A misspelled mark (`#[realise]`) is read as meant only where no field
    // is marked: beside a mark, it may be another derive's attribute.
    let mut guess = true;
    for field in fields.iter() {
        guess &= !has_attr(&field.attrs, "realize");
    }
    let mut found: Option<(usize, RealizeField)> = None;
    let mut unrealizable = false;
    let deprecated = is_deprecated(input);
    let mut next_index = 0usize;
    for field in fields.into_iter() {
        let index = next_index;
        next_index += 1;
        let Some(marks) = field_marks(&field.attrs, guess, errors) else {
            continue;
        };
        if found.is_some() || unrealizable {
            errors.push(Error::new_spanned(
                marks.first,
                "only one field can be `#[realize]`: the wrapper realizes through exactly one field; keep `#[realize]` on one of them",
            ));
            continue;
        }
        // A mistake in the arguments still marks the field: the derive goes
        // on as for the flags meant (`deref` for `Deref`, `plain` for
        // `plian`). Where no flag could be read (`#[realize(through)]`), it
        // goes on as for `#[realize]` on a field that names a `Lazy`, which
        // then forwards as meant; any other field read so would be an error
        // at each bound on realizing it, so the wrapper is left without
        // impls, as for a field that never realizes.
        let args = match marks.args {
            Some(args) => lazy_not_plain(args, &field.ty),
            None if tokens::mentions(field.ty.to_token_stream(), &|ident| ident == "Lazy") => {
                RealizeArgs::default()
            }
            None => {
                unrealizable = true;
                continue;
            }
        };
        let member = match &field.ident {
            Some(ident) => Member::Named(ident.clone()),
            None => Member::Unnamed(syn::Index {
                index: u32::try_from(index).unwrap_or(u32::MAX),
                // See [`quiet_deprecated`].
                span: match deprecated {
                    true => field.ty.span().resolved_at(Span::call_site()),
                    false => field.ty.span(),
                },
            }),
        };
        if let Some(err) = variants::impl_trait_in(&field.ty) {
            errors.push(err);
            unrealizable = true;
            continue;
        }
        // A type that can never realize (`u8`, `Option<Lazy<T>>`,
        // `Rc<RefCell<Lazy<T>>>`): one error here, and the wrapper's impls
        // are left out, since each would repeat it. A plain field is not
        // realized: any type is a target.
        if args.plain.is_none()
            && let Some(err) = never_realizes(&field.ty)
        {
            errors.push(err);
            unrealizable = true;
            continue;
        }
        found = Some((
            index,
            RealizeField {
                member,
                ty: Type::Verbatim(TokenStream::new()),
                deref: args.deref,
                plain: args.plain,
            },
        ));
    }
    found
}

/// The `#[realize]` attributes of one field, read as one.
struct FieldMarks<'a> {
    /// The first that marks the field.
    first: &'a Attribute,
    /// What they say together; `None` when no attribute could be read
    /// (each one's error pushed).
    args: Option<RealizeArgs>,
}

/// Reads a field's `#[realize]` attributes as one: a second (`#[realize(plain)]
/// #[realize(deref)]`) adds its flags to the first's, and each after the
/// first is an error naming the one attribute that says them all. A mistake
/// in one is its own error, and the others are read; `#[realize(skip)]`
/// (meant for `#[derive(RealizeAll)]`) marks nothing. Where `guess`, an
/// attribute that misspells the mark marks the field, with its error.
/// `None` when no attribute marks the field.
fn field_marks<'a>(
    attrs: &'a [Attribute],
    guess: bool,
    errors: &mut Errors,
) -> Option<FieldMarks<'a>> {
    let mut marking = Vec::new();
    let mut args: Option<RealizeArgs> = None;
    for attr in attrs {
        if !attr.path().is_ident("realize") {
            if !guess {
                continue;
            }
            match misspelled_attr(attr, "realize", 2) {
                Some(err) => errors.push(err),
                None => continue,
            }
        }
        let read = realize_args(attr);
        // `#[realize[skip]]`: the one error is that `skip` is
        // `#[realize_all(skip)]`'s, not that it goes in parentheses.
        if !matches!(read, Err(RealizeArgsError::Skip(_)))
            && let Some(err) = not_in_parentheses(attr)
        {
            errors.push(err);
        }
        let read = match read {
            Ok(read) => Some(read),
            Err(RealizeArgsError::Skip(err)) => {
                errors.push(err);
                continue;
            }
            Err(RealizeArgsError::Meant(err, read)) => {
                errors.push(err);
                Some(read)
            }
            Err(RealizeArgsError::Other(err)) => {
                errors.push(err);
                None
            }
        };
        marking.push(attr);
        if let Some(read) = read {
            let merged = args.get_or_insert_default();
            if merged.plain.is_none() {
                merged.plain_guessed = read.plain_guessed;
            }
            merged.deref = merged.deref.or(read.deref);
            merged.plain = merged.plain.or(read.plain);
        }
    }
    let (&first, rest) = marking.split_first()?;
    let all = args.unwrap_or_default();
    for attr in rest {
        errors.push(all.written_twice(attr));
    }
    Some(FieldMarks { first, args })
}

/// `args` with a `plain` read from a misspelling left out where `ty` is a
/// lazy (`#[realize(plian)] Lazy<Real>`): the field then realizes, as
/// `#[realize]` would, and the misspelling is the one error.
fn lazy_not_plain(mut args: RealizeArgs, ty: &Type) -> RealizeArgs {
    // A lazy, or a pointer to one (`Box<Lazy<T>>`), not a type that holds
    // one (`Vec<Lazy<T>>`, which may implement the trait).
    if args.plain_guessed && lazy_types(ty).is_some() {
        args.plain = None;
    }
    args
}

/// `#[realize(...)]` on an enum variant's field, read as on a struct's
/// field; `None` (the error pushed) when it does not mark the field, or no
/// attribute could be read.
fn variant_mark(field: &syn::Field, errors: &mut Errors) -> Option<Mark> {
    // `variants::read` asks for the marks of a field that is marked, or
    // that holds a lazy and misspells the mark (read as meant only then).
    let guess = !has_attr(&field.attrs, "realize");
    let args = lazy_not_plain(field_marks(&field.attrs, guess, errors)?.args?, &field.ty);
    if args.plain.is_none()
        && let Some(err) = never_realizes(&field.ty)
    {
        errors.push(err);
        return None;
    }
    Some(Mark {
        deref: args.deref,
        plain: args.plain,
    })
}

/// The types that never implement `Realize`: lazy-core implements it for
/// none of them, and the orphan rule keeps other crates from doing so. Named
/// bare (prelude names, primitives, distinctive std names) or by a std path.
const NEVER_REALIZE: &[&str] = &[
    "bool", "char", "str", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64",
    "i128", "isize", "f32", "f64", "String", "Vec", "Option", "Result", "RefCell", "Mutex",
    "RwLock", "LazyCell", "LazyLock", "OnceCell", "OnceLock", "HashMap", "BTreeMap", "HashSet",
    "BTreeSet", "VecDeque", "Weak", "Pin",
];

/// `dyn Fn() -> T`, `dyn FnOnce() -> T + Send`, `dyn FnMut(..)`.
fn closure_trait(object: &syn::TypeTraitObject) -> bool {
    for bound in punct::values(&object.bounds) {
        if let syn::TypeParamBound::Trait(bound) = bound
            && let Some(last) = bound.path.segments.last()
            && tokens::is_one_of(&last.ident, &["Fn", "FnOnce", "FnMut"])
        {
            return true;
        }
    }
    false
}

/// A `#[realize]` field of a closure or function type (`what`): the error
/// that it is a lazy's seed, with the lazy to hold.
fn seed_not_lazy(ty: &Type, what: &str) -> Error {
    Error::new_spanned(
        ty,
        format!(
            "{what} is not a lazy but what builds one, its seed: hold `lazy_core::Lazy<T, Box<dyn FnOnce() -> T>>` (or `Lazy<T>` with a `fn() -> T`) in the `#[realize]` field, built by `Lazy::new`"
        ),
    )
}

/// `Lazy<dyn Tracker>`, `Lazy<str>`, `Lazy<[u8]>`, or a seed of such a type
/// (`Lazy<T, dyn FnOnce() -> T>`): a lazy holds a sized value and a sized
/// seed, so rustc refuses the field itself; the wrapper's impls, each naming
/// the field's type, would each be that error again.
fn unsized_value_or_seed(lazy: &syn::PathSegment) -> Option<Error> {
    let PathArguments::AngleBracketed(args) = &lazy.arguments else {
        return None;
    };
    // The value's type and the seed's, as written.
    let mut types: [Option<&Type>; 2] = [None, None];
    let mut found = 0;
    for arg in punct::values(&args.args) {
        if let GenericArgument::Type(ty) = arg
            && found < 2
        {
            types[found] = Some(ty);
            found += 1;
        }
    }
    let value = types[0]?;
    if unsized_type(value) {
        let written = tokens::pretty(&value.to_token_stream());
        return Some(Error::new_spanned(
            value,
            format!(
                "a lazy holds a value whose size is known, and `{written}`'s is not: hold it boxed, `Lazy<Box<{written}>>`, and mark the field `#[realize(deref)]` to forward to what the box holds"
            ),
        ));
    }
    // A seed that is a trait object (`dyn FnOnce() -> T`) boxes; a slice or
    // `str` is no seed at all.
    let seed = unparenthesized(types[1]?);
    if !unsized_type(seed) {
        return None;
    }
    let value = tokens::pretty(&value.to_token_stream());
    let written = tokens::pretty(&seed.to_token_stream());
    if !matches!(seed, Type::TraitObject(_)) {
        return Some(Error::new_spanned(
            seed,
            format!(
                "`{written}` is not a seed, and a lazy holds its seed until it builds the value: a seed is a closure with no arguments (`Lazy<{value}>` for one that captures nothing, `Lazy<{value}, Box<dyn FnOnce() -> {value}>>` for any) or a type implementing `lazy_core::Seed`"
            ),
        ));
    }
    Some(Error::new_spanned(
        seed,
        format!(
            "a lazy holds its seed until it builds the value, so the seed's size must be known, and `{written}`'s is not: hold it boxed, `Lazy<{value}, Box<{written}>>` (`Lazy::new(Box::new(|| ..))`), or write `Lazy<{value}>` for a closure that captures nothing"
        ),
    ))
}

/// `ty` without the parentheses around it (`(dyn FnOnce() -> T)`), or the
/// invisible group of a macro's `$t:ty`.
pub fn unparenthesized(ty: &Type) -> &Type {
    match ty {
        Type::Paren(paren) => unparenthesized(&paren.elem),
        Type::Group(group) => unparenthesized(&group.elem),
        _ => ty,
    }
}

/// A type whose size is never known: a trait object, a slice, `str`.
fn unsized_type(ty: &Type) -> bool {
    match unparenthesized(ty) {
        Type::TraitObject(_) | Type::Slice(_) => true,
        Type::Path(path) => path.qself.is_none() && path.path.is_ident("str"),
        _ => false,
    }
}

/// The pointers that realize when what they point to does.
const POINTERS: &[&str] = &["Box", "Rc", "Arc"];

/// An error at the part of a `#[realize]` field's type that can never
/// realize, with what to hold instead; `None` when the type may realize (a
/// lazy, a pointer to one, a type of the user's, a parameter).
fn never_realizes(ty: &Type) -> Option<Error> {
    let ty = unparenthesized(ty);
    let path = match ty {
        Type::Reference(reference) => return never_realizes(&reference.elem),
        Type::Tuple(_) | Type::Array(_) | Type::Slice(_) | Type::Ptr(_) => {
            return Some(Error::new_spanned(
                ty,
                "this type is not a lazy: the `#[realize]` field must hold one (`lazy_core::Lazy`, `lazy_core::sync::Lazy`, or a `Box`, `Rc`, `Arc` or reference to one); to forward to the field as it is, write `#[realize(plain)]`",
            ));
        }
        // A closure or a function builds the value: it is a lazy's seed.
        Type::FnPtr(_) => return Some(seed_not_lazy(ty, "a function pointer")),
        Type::TraitObject(object) if closure_trait(object) => {
            return Some(seed_not_lazy(ty, "a closure"));
        }
        // Reached through a pointer (`Box<dyn Tracker>`): what it points to
        // is the target, not a lazy to realize.
        Type::TraitObject(_) => {
            return Some(Error::new_spanned(
                ty,
                "a trait object is not a lazy: to forward to what the field points to, write `#[realize(plain, deref)]`; a `#[realize]` field holds a lazy (`lazy_core::Lazy`, `lazy_core::sync::Lazy`, or a `Box`, `Rc`, `Arc` or reference to one)",
            ));
        }
        Type::Path(path) if path.qself.is_none() => &path.path,
        _ => return None,
    };
    let last = path.segments.last()?;
    // Only lazy-core's lazy, named through the crate (`lazy_core::Lazy`,
    // `lazy_core::sync::Lazy`): a `Lazy` named otherwise may be the
    // user's own, which can hold an unsized value (`struct Lazy<T:
    // ?Sized>(Box<T>)` with its own `Realize`) and then forwards.
    if last.ident == "Lazy" {
        if path.segments[0].ident != "lazy_core" {
            return None;
        }
        return unsized_value_or_seed(last);
    }
    let std_path = path.segments.len() == 1
        || tokens::is_one_of(&path.segments[0].ident, &["std", "core", "alloc"]);
    if !std_path {
        return None;
    }
    let name = last.ident.to_string();
    if POINTERS.contains(&name.as_str()) {
        let PathArguments::AngleBracketed(args) = &last.arguments else {
            return None;
        };
        return match punct::first(&args.args) {
            Some(GenericArgument::Type(inner)) => never_realizes(inner),
            _ => None,
        };
    }
    // `Cell` only by its std path (`std::cell::Cell`): bare, the name is
    // common enough to be a type of the user's that realizes.
    let qualified_cell = path.segments.len() > 1 && name == "Cell";
    if !qualified_cell && !NEVER_REALIZE.contains(&name.as_str()) {
        return None;
    }
    let lazy =
        "`lazy_core::Lazy`, `lazy_core::sync::Lazy`, or a `Box`, `Rc`, `Arc` or reference to one";
    let message = match name.as_str() {
        "LazyCell" | "LazyLock" | "OnceCell" | "OnceLock" => format!(
            "`{name}` is std's, which lazy-core cannot realize: hold a `lazy_core::Lazy` (or `lazy_core::sync::Lazy` across threads) in the `#[realize]` field"
        ),
        "Cell" | "RefCell" | "Mutex" | "RwLock" => format!(
            "`{name}` cannot realize: a lazy builds in place without one; share it as `Rc<Lazy<..>>` (or `Arc<sync::Lazy<..>>`), or implement `lazy_core::Realize` for the wrapper instead of `#[realize]`"
        ),
        "Weak" => String::from(
            "`Weak` cannot realize: it may have lost what it points to; hold the `Rc<Lazy<..>>` (or `Arc<sync::Lazy<..>>`) itself in the `#[realize]` field",
        ),
        "Pin" => String::from(
            "`Pin` cannot realize: a lazy needs no pinning (it never moves its value once built); hold the pointer without it, `Box<Lazy<..>>`",
        ),
        "Option" | "Result" => format!(
            "`{name}` cannot realize: the `#[realize]` field must hold a lazy ({lazy}); for a lazy that may be absent, implement `lazy_core::Realize` for the wrapper instead of `#[realize]`"
        ),
        _ => format!(
            "`{name}` is not a lazy: the `#[realize]` field must hold one ({lazy}); to forward to the field as it is, write `#[realize(plain)]`"
        ),
    };
    Some(Error::new(last.ident.span(), message))
}

/// What `#[realize(...)]` says about its field.
#[derive(Clone, Copy, Default)]
struct RealizeArgs {
    /// `deref`: the target is what the lazy's value points to.
    deref: Option<Span>,
    /// `plain`: the field, as it is, is the target.
    plain: Option<Span>,
    /// `plain` read from a misspelling (`plian`, `Plain`): on a field that
    /// is a lazy, the derive goes on as for `#[realize]` instead, as a
    /// lazy forwarded plain would be an error at each bound on it.
    plain_guessed: bool,
}

/// A mistake in `#[realize(...)]`.
enum RealizeArgsError {
    /// `#[realize(skip)]`: `#[derive(RealizeAll)]`'s option, misspelled.
    Skip(Error),
    /// A mistake in an option that was clearly meant (`#[realize(Deref)]`,
    /// `#[realize(plain = true)]`, `#[realize(plain, plain)]`): the derive
    /// goes on as for what is carried.
    Meant(Error, RealizeArgs),
    Other(Error),
}

/// `#[realize]`, `#[realize(deref)]`, `#[realize(plain)]`, and
/// `#[realize(plain, deref)]`: the field as it is, dereferenced (a
/// `Box<dyn Trait>`).
///
/// Read flag by flag, so that a mistake in one (`Deref`, `deref = true`,
/// `deref` twice) keeps the others: the fix names the whole attribute as
/// meant, and the derive goes on with it.
fn realize_args(attr: &Attribute) -> std::result::Result<RealizeArgs, RealizeArgsError> {
    let expected = "expected `#[realize]`, `#[realize(deref)]`, `#[realize(plain)]` or `#[realize(plain, deref)]`";
    let list = match &attr.meta {
        syn::Meta::Path(_) => return Ok(RealizeArgs::default()),
        syn::Meta::List(list) => list,
        // `#[realize = "deref"]`: the flags it names, in parentheses.
        syn::Meta::NameValue(meta) => {
            let mut args = RealizeArgs::default();
            let mut value = meta.eq_token.to_token_stream();
            meta.value.to_tokens(&mut value);
            named_flags(&mut value.clone().into_iter(), "", &mut args);
            if args.deref.is_none() && args.plain.is_none() {
                return Err(RealizeArgsError::Other(Error::new(meta.span(), expected)));
            }
            let meant = args.written();
            let message = format!("`#[realize]` takes its flags in parentheses: `{meant}`");
            return Err(RealizeArgsError::Meant(
                Error::new_spanned(value, message),
                args,
            ));
        }
    };
    // The flags, split at the commas: `deref = true` is one flag with a
    // value.
    let mut flags: Vec<Vec<proc_macro2::TokenTree>> = vec![Vec::new()];
    for tree in list.tokens.clone() {
        match &tree {
            proc_macro2::TokenTree::Punct(punct) if punct.as_char() == ',' => {
                flags.push(Vec::new());
            }
            _ => {
                if let Some(last) = flags.last_mut() {
                    last.push(tree);
                }
            }
        }
    }
    if matches!(flags.last(), Some(last) if last.is_empty()) {
        flags.pop();
    }
    if flags.is_empty() {
        return Err(RealizeArgsError::Other(Error::new(list.span(), expected)));
    }
    let mut args = RealizeArgs::default();
    // The first mistake in a flag that was clearly meant, and its kind.
    let mut mistake: Option<(Span, Mistake, String)> = None;
    for flag in &flags {
        // `"plain"`, `"plain, deref"`: the flags the string names, as for
        // `realize_forward("Tracker")`.
        if let Some(proc_macro2::TokenTree::Literal(text)) = flag.first() {
            let mut quoted = RealizeArgs::default();
            named_flags(&mut flag.iter().cloned(), "", &mut quoted);
            if quoted.deref.is_some() || quoted.plain.is_some() {
                args.deref = args.deref.or(quoted.deref);
                args.plain = args.plain.or(quoted.plain);
                if mistake.is_none() {
                    mistake = Some((text.span(), Mistake::Quoted, text.to_string()));
                }
                continue;
            }
        }
        let Some(proc_macro2::TokenTree::Ident(ident)) = flag.first() else {
            let at = match flag.first() {
                Some(tree) => tree.span(),
                None => list.span(),
            };
            return Err(RealizeArgsError::Other(Error::new(at, expected)));
        };
        if ident == "skip" {
            return Err(RealizeArgsError::Skip(Error::new(
                ident.span(),
                "`#[realize]` has no `skip`: to leave a field out of `#[derive(RealizeAll)]`'s walk, write `#[realize_all(skip)]`",
            )));
        }
        let written = ident.to_string();
        let Some(name) = flag_meant(&written) else {
            return Err(RealizeArgsError::Other(Error::new(
                ident.span(),
                format!("unknown `#[realize({ident})]`; {expected}"),
            )));
        };
        let already = if name == "deref" {
            args.deref.is_some()
        } else {
            args.plain.is_some()
        };
        // The other flags named in what follows, `plain deref`, `plain;
        // deref`, `plain::deref`, `deref(plain)`: flags without their comma
        // between them, each of which the derive goes on with.
        let mut others = RealizeArgs::default();
        let mut rest = flag.iter().skip(1).cloned();
        named_flags(&mut rest, name, &mut others);
        let found = if already {
            Some(Mistake::Twice)
        } else if !written.eq_ignore_ascii_case(name) {
            Some(Mistake::Typo(name))
        } else if written != name {
            Some(Mistake::Case)
        } else if others.deref.is_some() || others.plain.is_some() {
            Some(Mistake::Comma)
        } else if flag.len() > 1 {
            Some(Mistake::Value)
        } else {
            None
        };
        if name == "deref" {
            args.deref = args.deref.or(Some(ident.span()));
        } else if args.plain.is_none() {
            args.plain = Some(ident.span());
            args.plain_guessed = matches!(found, Some(Mistake::Typo(_) | Mistake::Case));
        }
        args.deref = args.deref.or(others.deref);
        args.plain = args.plain.or(others.plain);
        if let (None, Some(found)) = (&mistake, found) {
            mistake = Some((ident.span(), found, written));
        }
    }
    let Some((at, mistake, written)) = mistake else {
        return Ok(args);
    };
    let meant = args.written();
    let message = match mistake {
        Mistake::Twice => format!("`{written}` is written twice; write it once: `{meant}`"),
        Mistake::Case => format!(
            "`{written}` is `{}` in lowercase: write `{meant}`",
            written.to_lowercase()
        ),
        Mistake::Typo(name) => {
            format!("unknown `#[realize({written})]`; did you mean `{name}`? write `{meant}`")
        }
        Mistake::Value => format!("`{written}` takes no value: write `{meant}`"),
        Mistake::Quoted => format!("`#[realize]` takes its flags without quotes: `{meant}`"),
        Mistake::Comma => format!("the flags are separated by a comma: `{meant}`"),
    };
    Err(RealizeArgsError::Meant(Error::new(at, message), args))
}

/// Reads into `args` the flags other than `but` that `tokens` name, as
/// identifiers or words of a string, in any case, in groups too
/// (`deref(plain)`).
fn named_flags(
    tokens: &mut dyn Iterator<Item = proc_macro2::TokenTree>,
    but: &str,
    args: &mut RealizeArgs,
) {
    for tree in tokens {
        match tree {
            proc_macro2::TokenTree::Ident(ident) => {
                named_flag(&ident.to_string(), ident.span(), but, args);
            }
            proc_macro2::TokenTree::Group(group) => {
                named_flags(&mut group.stream().into_iter(), but, args);
            }
            proc_macro2::TokenTree::Literal(literal) => {
                if let syn::Lit::Str(text) = syn::Lit::new(literal) {
                    let value = text.value();
                    for word in value.split(|c: char| !c.is_alphanumeric()) {
                        named_flag(word, text.span(), but, args);
                    }
                }
            }
            proc_macro2::TokenTree::Punct(_) => {}
        }
    }
}

/// Reads `word` into `args` if it is a flag other than `but`.
fn named_flag(word: &str, span: Span, but: &str, args: &mut RealizeArgs) {
    let slot = if word.eq_ignore_ascii_case(but) {
        return;
    } else if word.eq_ignore_ascii_case("deref") {
        &mut args.deref
    } else if word.eq_ignore_ascii_case("plain") {
        &mut args.plain
    } else {
        return;
    };
    *slot = slot.or(Some(span));
}

/// The flag that `written` means: itself in any case (`Deref`), or the flag
/// it is close to (`plian`). The derives go on with it: a plain field read
/// as a lazy would be an error at each bound on realizing it.
#[expect(
    clippy::manual_find,
    reason = "a loop: a closure over an iterator is code of its own in this crate's build"
)]
fn flag_meant(written: &str) -> Option<&'static str> {
    let lowered = written.to_lowercase();
    let flags = ["deref", "plain"];
    for flag in flags {
        if lowered == flag {
            return Some(flag);
        }
    }
    for flag in flags {
        if edit_distance(&lowered, flag) <= 2 {
            return Some(flag);
        }
    }
    None
}

impl RealizeArgs {
    /// The error at a second `#[realize]` attribute on a field, read with
    /// the first into these arguments.
    fn written_twice(self, attr: &Attribute) -> Error {
        let meant = self.written();
        Error::new_spanned(
            attr,
            format!("`#[realize]` is written twice on this field; write it once: `{meant}`"),
        )
    }

    /// The attribute that says these arguments.
    fn written(self) -> &'static str {
        match (self.plain, self.deref) {
            (Some(_), Some(_)) => "#[realize(plain, deref)]",
            (Some(_), None) => "#[realize(plain)]",
            (None, Some(_)) => "#[realize(deref)]",
            (None, None) => "#[realize]",
        }
    }
}

/// A mistake in a flag of `#[realize(...)]` that was clearly meant.
#[derive(Clone, Copy)]
enum Mistake {
    /// `deref` twice.
    Twice,
    /// `Deref`.
    Case,
    /// `plian`: close to the flag carried.
    Typo(&'static str),
    /// `deref = true`, `plain(..)`.
    Value,
    /// `plain deref`, `plain; deref`, `deref(plain)`.
    Comma,
    /// `"plain"`.
    Quoted,
}

/// The value type of a field written `Lazy<T, ..>` or `sync::Lazy<T, ..>`,
/// and its seed type where written (`Lazy<T, S>`), directly, in
/// parentheses, or behind `Box`, `Rc`, `Arc` or a reference: what the
/// derives read a lazy's `Realize` as (its `Target` is `T`, built by `S`).
pub fn lazy_types(ty: &Type) -> Option<(&Type, Option<&Type>)> {
    let path = match unparenthesized(ty) {
        Type::Reference(reference) => return lazy_types(&reference.elem),
        Type::Path(path) if path.qself.is_none() => path,
        _ => return None,
    };
    let last = path.path.segments.last()?;
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    // The first two type arguments, with no list of them.
    let (mut first, mut second) = (None, None);
    for arg in punct::values(&args.args) {
        if let syn::GenericArgument::Type(ty) = arg {
            if first.is_none() {
                first = Some(ty);
            } else if second.is_none() {
                second = Some(ty);
            }
        }
    }
    let first = first?;
    match last.ident.to_string().as_str() {
        "Lazy" => Some((first, second)),
        "Box" | "Rc" | "Arc" => lazy_types(first),
        _ => None,
    }
}

/// Whether a lazy field ([`lazy_types`]) shares its lazy: through `Rc`,
/// `Arc` or `&` (`Box<Rc<Lazy<T>>>` too). Such a field never lends its value
/// mutably nor gives it away, whatever the types in it.
pub fn shares_its_lazy(ty: &Type) -> bool {
    match unparenthesized(ty) {
        Type::Reference(reference) if reference.mutability.is_none() => {
            lazy_types(&reference.elem).is_some()
        }
        Type::Reference(reference) => shares_its_lazy(&reference.elem),
        Type::Path(path) if path.qself.is_none() => {
            let Some((name, first)) = one_type_argument(path) else {
                return false;
            };
            match name.as_str() {
                "Rc" | "Arc" => lazy_types(first).is_some(),
                "Box" => shares_its_lazy(first),
                _ => false,
            }
        }
        _ => false,
    }
}

/// The last segment's name of a path type and its first type argument.
fn one_type_argument(path: &syn::TypePath) -> Option<(String, &Type)> {
    let last = path.path.segments.last()?;
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    let Some(syn::GenericArgument::Type(first)) = punct::first(&args.args) else {
        return None;
    };
    Some((last.ident.to_string(), first))
}

/// How an enum's lazy variant is built back from its target (a forwarded
/// method returning `Self`).
pub enum BuildBack<'a> {
    /// Through the type's own `FromRealized` (`Lazy<T>`, `Box<Lazy<T>>`:
    /// lazy-core's), bounded or checked as any.
    Itself,
    /// A new pointer, then another, around the lazy built from the target
    /// (`Rc<Lazy<T>>`, `Box<Arc<Lazy<T>>>`: outermost first), which the
    /// derive writes itself: lazy-core implements `FromRealized` for no
    /// `Rc` or `Arc`, whose lazy is shared, so that a user's impl for
    /// `Rc<Mine>` neither overlaps one nor makes `from_realized` ambiguous.
    Pointers(Vec<&'static str>, &'a Type),
    /// Never: a reference (`&'a Lazy<T>`, `Rc<&'a Lazy<T>>`), which no
    /// target builds.
    Never,
}

/// How `ty`, a lazy variant's type, is built back ([`BuildBack`]).
pub fn build_back(ty: &Type) -> BuildBack<'_> {
    let mut pointers = Vec::new();
    // An `Rc` or an `Arc` among them.
    let mut shared = false;
    let mut at = ty;
    loop {
        at = unparenthesized(at);
        match at {
            Type::Reference(_) => return BuildBack::Never,
            Type::Path(path) if path.qself.is_none() => {
                let pointer = match one_type_argument(path) {
                    Some((name, first)) => match name.as_str() {
                        "Box" => Some(("Box", first)),
                        "Rc" => Some(("Rc", first)),
                        "Arc" => Some(("Arc", first)),
                        _ => None,
                    },
                    None => None,
                };
                match pointer {
                    Some((name, first)) => {
                        pointers.push(name);
                        shared |= name != "Box";
                        at = first;
                    }
                    None if shared => {
                        return BuildBack::Pointers(pointers, at);
                    }
                    None => return BuildBack::Itself,
                }
            }
            _ => return BuildBack::Itself,
        }
    }
}

/// The value and seed types of a lazy field ([`lazy_types`]) whose seed
/// `S` is a type parameter of `generics` that the value type does not
/// name: the derives' impls then bound `S: Seed<Output = T>` themselves.
pub fn lazy_seed_param<'a>(ty: &'a Type, generics: &syn::Generics) -> Option<(&'a Type, &'a Type)> {
    let (value, seed) = lazy_types(ty)?;
    let seed = seed?;
    let Type::Path(seed_path) = unparenthesized(seed) else {
        return None;
    };
    if seed_path.qself.is_some() {
        return None;
    }
    let name = seed_path.path.get_ident()?;
    // A value named through the seed (`Lazy<S::Output, S>`) says the user
    // bounded `S` already; `S: Seed<Output = S::Output>` would be a cycle
    // (E0391).
    let named_by_value = tokens::mentions(value.to_token_stream(), &|ident| ident == name);
    let mut a_parameter = false;
    for param in punct::values(&generics.params) {
        a_parameter |= matches!(param, syn::GenericParam::Type(param) if param.ident == *name);
    }
    (!named_by_value && a_parameter).then_some((value, seed))
}

#[cfg(test)]
mod tests {
    use super::method_path;

    fn flagged(path: &str) -> bool {
        method_path(&syn::parse_str(path).expect("a path")).is_some()
    }

    #[test]
    fn a_method_named_through_its_trait_is_flagged() {
        for path in [
            "Tracker::python_type",
            "model::Tracker::is_constant",
            "::model::Tracker::r#type",
            "Tracker::_private",
            "Tracker::__hidden",
        ] {
            assert!(flagged(path), "{path}");
        }
    }

    #[test]
    fn a_trait_path_is_not_flagged() {
        for path in [
            "Tracker",
            "model::Tracker",
            "crate::model::Tracker",
            // A trait of a leading underscore in a module of a capital.
            "Api::_Private",
            "Api::__Private",
            // `Self` is no trait: rustc says that it cannot be imported.
            "Self::python_type",
            "Self::Tracker",
        ] {
            assert!(!flagged(path), "{path}");
        }
    }
}
