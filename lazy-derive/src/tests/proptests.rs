//! Property tests over the whole expansion chain, run in-process.
//!
//! Random traits from the shape grammar of the derive (receivers, generics,
//! bounds, associated items, qualifiers, attributes, patterns, clashing
//! names) and random derive inputs (right and wrong) go through
//! `#[forwardable]`, the derive, and every `__forward_impl!` link that the
//! hidden macros would call. For every stage:
//! - it never panics;
//! - what it returns parses as items (`compile_error! {..}` is an item);
//! - the same input gives the same output;
//! - every error it writes points at a token of the user's source, never at
//!   the bare call site (the crate's dev-dependency on proc-macro2 turns on
//!   `span-locations`, which gives parsed tokens real positions here).
//!
//! And every mistake the generator plants (written `«..»` in the grammar)
//! gets an error that points inside it.
//!
//! 10,000 cases per run with a fixed seed; `PROPTEST_CASES=100000` and
//! `PROPTEST_RNG_SEED=<u64>` run more or other cases. A failure is shrunk to
//! a small trait and wrapper, printed as source.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::panic::{AssertUnwindSafe, catch_unwind};

use proc_macro2::{Delimiter, Group, Ident, Span, TokenStream, TokenTree};
use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestRunner};

use super::support::{aliases, carried, links};
use crate::{chain, trait_def};

/// The runner: 10,000 cases and a fixed seed unless the environment says
/// otherwise; no regression files (a failure becomes a named test).
pub(super) fn runner(default_cases: u32) -> TestRunner {
    let mut config = Config::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = default_cases;
    }
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = RngSeed::Fixed(0x1a2b_3c4d);
    }
    config.failure_persistence = None;
    TestRunner::new(config)
}

// ---------------------------------------------------------------------------
// The grammar: small parts, each shrinking towards its simplest choice.

/// Takes the marks `«..»` out of generated source: the source, and the byte
/// ranges that were marked. A marked range is a planted mistake, which must
/// get an error pointing inside it.
pub(super) fn unmark(marked: &str) -> (String, Vec<Range<usize>>) {
    let mut source = String::with_capacity(marked.len());
    let mut ranges = Vec::new();
    let mut open = None;
    for ch in marked.chars() {
        match ch {
            '«' => open = Some(source.len()),
            '»' => ranges.extend(open.take().map(|start| start..source.len())),
            _ => source.push(ch),
        }
    }
    (source, ranges)
}

/// Mostly one of `good`, sometimes one of `bad`: keeps most cases deep in
/// the chain while still trying every mistake.
fn mostly(
    good: &'static [&'static str],
    bad: &'static [&'static str],
) -> impl Strategy<Value = &'static str> + Clone {
    prop_oneof![9 => select(good), 1 => select(bad)]
}

const TRAIT_NAMES: &[&str] = &["Tracker", "Realize", "r#match", "Seed", "Box"];

/// One trait method.
#[derive(Clone, Debug)]
struct MethodSpec {
    attrs: Vec<&'static str>,
    asyncness: bool,
    unsafety: bool,
    abi: Option<&'static str>,
    name: &'static str,
    generics: Vec<&'static str>,
    receiver: &'static str,
    params: Vec<(&'static str, &'static str)>,
    variadic: bool,
    output: &'static str,
    predicates: Vec<&'static str>,
    default: Option<&'static str>,
}

#[derive(Clone, Debug)]
enum ItemSpec {
    Method(MethodSpec),
    Other(&'static str),
}

#[derive(Clone, Debug)]
pub(super) struct TraitSpec {
    pub(super) args: &'static str,
    attrs: Vec<&'static str>,
    vis: &'static str,
    unsafety: bool,
    name: &'static str,
    generics: Vec<&'static str>,
    supertraits: &'static str,
    predicates: Vec<&'static str>,
    items: Vec<ItemSpec>,
}

#[derive(Clone, Debug)]
struct FieldSpec {
    attr: &'static str,
    ty: &'static str,
}

#[derive(Clone, Debug)]
struct WrapperSpec {
    /// `realize_forward` and other attributes; `{T0}`/`{T1}` stand for the
    /// first and second trait's names.
    attrs: Vec<String>,
    kind: &'static str,
    generics: Vec<&'static str>,
    predicates: Vec<&'static str>,
    fields: Vec<FieldSpec>,
}

#[derive(Clone)]
struct Case {
    traits: Vec<TraitSpec>,
    wrapper: WrapperSpec,
}

fn method() -> impl Strategy<Value = MethodSpec> {
    let head = (
        subsequence(
            &[
                "#[cfg(all())]",
                "#[cfg(any())]",
                "/// Docs.",
                "#[deprecated]",
                "#[must_use]",
                "#[inline]",
                "#[doc(hidden)]",
            ][..],
            0..=2,
        ),
        any::<bool>(),
        any::<bool>(),
        prop::option::of(select(&["extern \"C\"", "extern", "extern \"Rust\""][..])),
        select(
            &[
                "get",
                "realize",
                "into_realized",
                "realize_mut",
                "call",
                "r#type",
                "new",
                "fmt",
                "__arg0",
                "self_",
            ][..],
        ),
        subsequence(
            &[
                "'c",
                "'d: 'c",
                "V",
                "W: Into<u8> + Clone",
                "X: PartialEq<Self>",
                "T",
                "Y: ?Sized + 'static",
                "const K: usize",
                "const L: bool",
                "#[cfg(any())] G",
                "#[cfg(all())] H: Copy",
            ][..],
            0..=3,
        ),
    );
    let tail = (
        select(
            &[
                "&self",
                "&mut self",
                "self",
                "",
                "mut self",
                "&'a self",
                "&'_ mut self",
                "self: Self",
                "self: &Self",
                "self: &mut Self",
                "self: Box<Self>",
                "self: ::std::rc::Rc<Self>",
                "self: std::sync::Arc<Self>",
                "self: ::core::pin::Pin<&mut Self>",
                "self: Pin<Box<Self>>",
                "self: &Box<Self>",
                "self: (Self)",
                "self: Box<Self, A>",
            ][..],
        ),
        prop::collection::vec(param(), 0..=3),
        prop::bool::weighted(0.02),
        select(
            &[
                "",
                "-> u8",
                "-> Self",
                "-> Option<Self>",
                "-> Self::Item",
                "-> <Self as Tracker>::Item",
                "-> impl Iterator<Item = u8>",
                "-> impl Sized + 'a",
                "-> &str",
                "-> !",
                "-> T",
                "-> V",
                "-> Box<Self>",
                "-> Result<Self, u8>",
                "-> Vec<Self>",
                "-> (Self, u8)",
                "-> [u8; K]",
                "-> Result<(), Self::Error>",
                "-> impl Sized + use<'a, Self>",
                "-> impl Iterator<Item = u8> + use<T, V, Self>",
            ][..],
        ),
        subsequence(
            &[
                "Self: Sized",
                "Self: Clone",
                "V: Default",
                "T: Clone",
                "Self: 'static",
                "for<'x> V: Fn(&'x u8)",
                "u8: Into<Self>",
                "Self::Item: Copy",
            ][..],
            0..=2,
        ),
        prop::option::of(select(&["{}", "{ loop {} }", "{ unimplemented!() }"][..])),
    );
    (head, tail).prop_map(
        |(
            (attrs, asyncness, unsafety, abi, name, generics),
            (receiver, params, variadic, output, predicates, default),
        )| MethodSpec {
            attrs,
            asyncness,
            unsafety,
            abi,
            name,
            generics,
            receiver,
            params,
            variadic,
            output,
            predicates,
            default,
        },
    )
}

/// A parameter: a pattern (`{i}` becomes its index) and its type.
fn param() -> impl Strategy<Value = (&'static str, &'static str)> {
    prop_oneof![
        4 => (
            select(
                &[
                    "x{i}",
                    "mut y{i}",
                    "_",
                    "__arg{i}",
                    "__self",
                    "realized",
                    "r#in{i}",
                    "#[cfg(any())] gone{i}",
                    "#[cfg(all())] kept{i}",
                ][..]
            ),
            select(
                &[
                    "u8",
                    "&str",
                    "&'a str",
                    "Self",
                    "&Self",
                    "Option<Self>",
                    "Self::Item",
                    "<Self as Tracker>::Item",
                    "T",
                    "V",
                    "impl Iterator<Item = u8>",
                    "impl Fn(&Self)",
                    "Vec<T>",
                    "[u8; N]",
                    "fn(u8) -> u8",
                    "&dyn Fn(u8)",
                    "()",
                    "&mut [u8]",
                    "std::rc::Rc<Self>",
                    "impl Sized + 'a",
                    "crate::types::Tag",
                    "&crate::Wrapper<crate::Item, Self>",
                ][..]
            ),
        ),
        1 => select(
            &[
                ("(a{i}, b{i})", "(u8, u8)"),
                ("[c{i}, ..]", "[u8; 2]"),
                ("&r{i}", "&u8"),
                ("Wrapper(w{i})", "Wrapper"),
                ("Point { x, y: _ }", "Point"),
            ][..]
        ),
    ]
}

fn item() -> impl Strategy<Value = ItemSpec> {
    prop_oneof![
        8 => method().prop_map(ItemSpec::Method),
        3 => select(
            &[
                "type Item;",
                "type Item: Clone;",
                "type Item: Iterator<Item = u8> + ?Sized;",
                "type Gat<'x> where Self: 'x;",
                "type Gat2<Z>: Into<Z>;",
                "type Item = u8;",
                "#[cfg(any())] type Gone;",
                "type Error: ::std::error::Error + 'static;",
                "type Sized<const Q: usize>;",
                "/// Docs.\n#[deprecated] type Old;",
            ][..]
        )
        .prop_map(ItemSpec::Other),
        2 => select(
            &[
                "const C: u8;",
                "const C: u8 = 3;",
                "const D: usize = 0;",
                "const E: &'static str;",
                "#[cfg(all())] const F: bool;",
                "const G: [u8; N];",
                "#[deprecated] const H: Self::Item;",
            ][..]
        )
        .prop_map(ItemSpec::Other),
        2 => select(&["fn plain(&self) -> u8;", "fn with_default(&mut self) {}"][..])
            .prop_map(ItemSpec::Other),
        // Items the derive cannot take: rare, so that most traits get through.
        // (A weight below 1 is not possible: the others are scaled up.)
        1 => prop::bool::weighted(0.2).prop_flat_map(|rare| if rare {
            select(&["«m!();»", "«items! { fn x(&self); }»", "fn variadic(&self, x: u8, ...);"][..])
        } else {
            select(&["fn plain(&self) -> u8;"][..])
        })
        .prop_map(ItemSpec::Other),
    ]
}

pub(super) fn trait_spec() -> impl Strategy<Value = TraitSpec> {
    (
        mostly(
            &[""],
            &[
                "remote = ::std::io::Read",
                "remote = Display",
                "«remote»",
                "«nonsense»",
                "remote = ::std::io::Read«, extra»",
            ],
        ),
        subsequence(
            &[
                "/// Docs.",
                "#[doc = \"Docs.\"]",
                "#[deprecated(note = \"old\")]",
                "#[cfg(all())]",
                "#[must_use]",
                "#[allow(unused)]",
            ][..],
            0..=2,
        ),
        select(&["pub ", "", "pub(crate) ", "pub(super) "][..]),
        prop::bool::weighted(0.02),
        select(TRAIT_NAMES),
        subsequence(
            &[
                "'a",
                "'b: 'a",
                "T",
                "U: Clone = u8",
                "S = Self",
                "const N: usize",
                "const M: bool = true",
            ][..],
            0..=3,
        ),
        select(&["", ": Sized", ": Clone + 'static", ": Iterator<Item = u8>"][..]),
        subsequence(
            &[
                "T: Default",
                "Self: Sized",
                "for<'x> &'x T: IntoIterator",
                "[u8; N]: Copy",
                "Self::Item: Copy",
            ][..],
            0..=2,
        ),
        prop::collection::vec(item(), 0..=5),
    )
        .prop_map(
            |(args, attrs, vis, unsafety, name, generics, supertraits, predicates, items)| {
                TraitSpec {
                    args,
                    attrs,
                    vis,
                    unsafety,
                    name,
                    generics,
                    supertraits,
                    predicates,
                    items,
                }
            },
        )
}

/// A trait named in `realize_forward(...)`: `{T}` is the trait's name.
fn trait_ref() -> impl Strategy<Value = &'static str> {
    select(
        &[
            "{T}",
            "self::{T}",
            "crate::{T}",
            "{T}<u8>",
            "{T}<'static, u8>",
            "{T}<'static, u8, u8, 3>",
            "{T}<Item = u8>",
            "«{T}(u8)»",
            "a::<u8>::{T}",
            "::std::fmt::Display",
            "core::iter::Iterator",
            "Missing",
        ][..],
    )
}

fn except_name() -> impl Strategy<Value = &'static str> {
    select(
        &[
            "get",
            "realize",
            "into_realized",
            "call",
            "r#type",
            "new",
            "fmt",
            "unknown",
            "Item",
            "C",
        ][..],
    )
}

fn forward_attr() -> impl Strategy<Value = String> {
    let entry = prop_oneof![
        6 => select(&["{T0}", "{T1}"][..]).prop_map(String::from),
        1 => (0..2usize, trait_ref()).prop_map(|(t, r)| r.replace("{T}", &format!("{{T{t}}}"))),
        3 => prop::collection::vec(except_name(), 0..=3)
            .prop_map(|names| format!("except({})", names.join(", "))),
        1 => select(&["«1 + 2»", "«\"str\"»", "«except»", "«except = x»", "except(«a::b»)", "«exept»(a)", "«bogus»(a, b)"][..])
            .prop_map(String::from),
    ];
    prop_oneof![
        12 => prop::collection::vec(entry, 1..=3)
            .prop_map(|entries| {
                // An attribute's arguments parse up to the first mistake: the
                // later ones are not reported, so not marked.
                let mut marked = false;
                let entries: Vec<String> = entries
                    .into_iter()
                    .map(|entry| {
                        if marked {
                            unmark(&entry).0
                        } else {
                            marked = entry.contains('«');
                            entry
                        }
                    })
                    .collect();
                format!("#[realize_forward({})]", entries.join(", "))
            }),
        1 => select(
            &[
                "«#[realize_forward]»",
                "«#[realize_forward = \"x\"]»",
                "«#[realize_forward()]»",
                "#[realize_forward({T0},)]",
                "#[doc = \"A wrapper.\"]",
                "#[repr(C)]",
            ][..]
        )
        .prop_map(String::from),
    ]
}

fn wrapper_spec() -> impl Strategy<Value = WrapperSpec> {
    (
        prop::collection::vec(forward_attr(), 1..=2),
        mostly(
            &[
                "struct named",
                "struct named",
                "struct tuple",
                "enum variants",
            ],
            &["struct unit", "enum fields", "union"],
        ),
        subsequence(&["'w", "T", "U: Clone", "const N: usize"][..], 0..=2),
        subsequence(&["T: Default", "Self: Sized"][..], 0..=1),
        prop::collection::vec(
            (
                mostly(
                    &["#[realize]", "", "#[realize(deref)]", "#[realize(plain)]"],
                    &[
                        "#[realize(plain, deref)]",
                        "«#[realize(bad)]»",
                        "«#[realize(plain, plain)]»",
                        "«#[realize = 1]»",
                        "«#[realize(deref, deref)]»",
                        "#[realize()]",
                    ],
                ),
                select(
                    &[
                        "lazy_core::Lazy<Real>",
                        "u8",
                        "T",
                        "Lazy<Box<dyn Tracker>>",
                        "&'w u8",
                    ][..],
                ),
            )
                .prop_map(|(attr, ty)| FieldSpec { attr, ty }),
            1..=3,
        ),
    )
        .prop_map(|(attrs, kind, generics, predicates, fields)| WrapperSpec {
            attrs,
            kind,
            generics,
            predicates,
            fields,
        })
}

fn case() -> impl Strategy<Value = Case> {
    (prop::collection::vec(trait_spec(), 1..=2), wrapper_spec())
        .prop_map(|(traits, wrapper)| Case { traits, wrapper })
}

// ---------------------------------------------------------------------------
// Rendering to source.

fn angle(params: &[&str]) -> String {
    if params.is_empty() {
        String::new()
    } else {
        format!("<{}>", params.join(", "))
    }
}

fn where_clause(predicates: &[&str]) -> String {
    if predicates.is_empty() {
        String::new()
    } else {
        format!(" where {}", predicates.join(", "))
    }
}

impl fmt::Display for MethodSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for attr in &self.attrs {
            writeln!(f, "    {attr}")?;
        }
        write!(f, "    ")?;
        if self.asyncness {
            write!(f, "async ")?;
        }
        if self.unsafety {
            write!(f, "unsafe ")?;
        }
        if let Some(abi) = self.abi {
            write!(f, "{abi} ")?;
        }
        let mut inputs: Vec<String> = Vec::new();
        if !self.receiver.is_empty() {
            inputs.push(self.receiver.to_owned());
        }
        for (i, (pat, ty)) in self.params.iter().enumerate() {
            inputs.push(format!("{}: {ty}", pat.replace("{i}", &i.to_string())));
        }
        if self.variadic {
            inputs.push(String::from("..."));
        }
        write!(
            f,
            "fn {}{}({}) {}{}",
            self.name,
            angle(&self.generics),
            inputs.join(", "),
            self.output,
            where_clause(&self.predicates),
        )?;
        match self.default {
            Some(body) => writeln!(f, " {body}"),
            None => writeln!(f, ";"),
        }
    }
}

impl fmt::Display for TraitSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for attr in &self.attrs {
            writeln!(f, "{attr}")?;
        }
        let unsafety = if self.unsafety { "unsafe " } else { "" };
        writeln!(
            f,
            "{}{unsafety}trait {}{}{}{} {{",
            self.vis,
            self.name,
            angle(&self.generics),
            self.supertraits,
            where_clause(&self.predicates),
        )?;
        for item in &self.items {
            match item {
                ItemSpec::Method(method) => write!(f, "{method}")?,
                ItemSpec::Other(other) => writeln!(f, "    {other}")?,
            }
        }
        writeln!(f, "}}")
    }
}

impl Case {
    /// The trait names in order, made distinct (a second trait with the
    /// first's name gets a suffix).
    fn trait_names(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for spec in &self.traits {
            let mut name = spec.name.to_owned();
            if names.contains(&name) {
                name = format!("{}2", name.trim_start_matches("r#"));
            }
            names.push(name);
        }
        names
    }

    fn trait_sources(&self) -> Vec<(String, String, String)> {
        let names = self.trait_names();
        self.traits
            .iter()
            .zip(names)
            .map(|(spec, name)| {
                let mut spec = spec.clone();
                let source = spec.to_string();
                // Rename after rendering: the name is a `&'static str`.
                let source =
                    source.replacen(&format!("trait {}", spec.name), &format!("trait {name}"), 1);
                spec.name = "";
                (spec.args.to_owned(), source, name)
            })
            .collect()
    }

    fn wrapper_source(&self) -> String {
        let names = self.trait_names();
        let name = |i: usize| names.get(i).or(names.first()).cloned().unwrap_or_default();
        let w = &self.wrapper;
        let mut out = String::new();
        for attr in &w.attrs {
            out.push_str(&attr.replace("{T0}", &name(0)).replace("{T1}", &name(1)));
            out.push('\n');
        }
        let generics = angle(&w.generics);
        let predicates = where_clause(&w.predicates);
        let named = |w: &WrapperSpec| {
            w.fields
                .iter()
                .enumerate()
                .map(|(i, field)| format!("    {} f{i}: {},\n", field.attr, field.ty))
                .collect::<String>()
        };
        let (kind, body) = w.kind.split_once(' ').unwrap_or((w.kind, ""));
        match (kind, body) {
            ("struct", "tuple") => {
                let fields: Vec<String> = w
                    .fields
                    .iter()
                    .map(|field| format!("{} {}", field.attr, field.ty))
                    .collect();
                out.push_str(&format!(
                    "pub struct Lazy{generics}({}){predicates};",
                    fields.join(", ")
                ));
            }
            ("struct", "unit") => out.push_str(&format!("pub struct Lazy{generics}{predicates};")),
            ("struct", _) => out.push_str(&format!(
                "pub struct Lazy{generics}{predicates} {{\n{}}}",
                named(w)
            )),
            ("enum", "variants") => {
                // One variant per field.
                let variants: Vec<String> = w
                    .fields
                    .iter()
                    .enumerate()
                    .map(|(i, field)| format!("    V{i}({} {}),\n", field.attr, field.ty))
                    .collect();
                out.push_str(&format!(
                    "pub enum Lazy{generics}{predicates} {{\n{}}}",
                    variants.concat()
                ));
            }
            ("enum", _) => out.push_str(&format!(
                "pub enum Lazy{generics}{predicates} {{ A {{\n{}}}, B }}",
                named(w)
            )),
            _ => out.push_str(&format!(
                "pub union Lazy{generics}{predicates} {{\n{}}}",
                named(w)
            )),
        }
        out
    }
}

impl fmt::Debug for Case {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (args, source, _) in self.trait_sources() {
            writeln!(
                f,
                "#[forwardable({})]\n{}",
                unmark(&args).0,
                unmark(&source).0
            )?;
        }
        let (wrapper, _) = unmark(&self.wrapper_source());
        writeln!(f, "#[derive(RealizeForward)]\n{wrapper}")
    }
}

// ---------------------------------------------------------------------------
// Driving the chain.

fn parse(source: &str) -> Result<TokenStream, TestCaseError> {
    source
        .parse()
        .map_err(|err| TestCaseError::fail(format!("the generator wrote bad tokens: {err}")))
}

/// Runs one stage twice on the same tokens: it must not panic, must return
/// items, and must return the same thing both times.
fn stage(
    what: &str,
    run: impl Fn(TokenStream) -> TokenStream,
    input: &TokenStream,
) -> Result<TokenStream, TestCaseError> {
    let first = catch_unwind(AssertUnwindSafe(|| run(input.clone())))
        .map_err(|_| TestCaseError::fail(format!("{what} panicked")))?;
    let second = catch_unwind(AssertUnwindSafe(|| run(input.clone())))
        .map_err(|_| TestCaseError::fail(format!("{what} panicked the second time")))?;
    prop_assert_eq!(
        first.to_string(),
        second.to_string(),
        "{} is not deterministic",
        what
    );
    if let Err(err) = super::items::items(first.clone()) {
        return Err(TestCaseError::fail(format!(
            "{what} wrote tokens that are not items ({err}):\n{first}"
        )));
    }
    Ok(first)
}

/// What the hidden macro expands to: `carried derive { payload }`.
fn forward_input(carried: &TokenStream, payload: TokenStream) -> TokenStream {
    let mut input = carried.clone();
    input.extend([
        TokenTree::Ident(Ident::new("derive", Span::call_site())),
        TokenTree::Group(Group::new(Delimiter::Brace, payload)),
    ]);
    input
}

/// How deep the cases went: links run, and links that wrote an impl
/// without errors. A generator that stops reaching the links would make the
/// properties vacuous.
#[derive(Default)]
struct Depth {
    links: std::cell::Cell<u32>,
    clean_impls: std::cell::Cell<u32>,
}

/// Generated source, parsed, with the mistakes planted in it.
struct Parsed {
    source: String,
    tokens: TokenStream,
    /// Byte ranges of `source`.
    planted: Vec<Range<usize>>,
}

impl Parsed {
    fn new(marked: &str) -> Result<Self, TestCaseError> {
        let (source, planted) = unmark(marked);
        let tokens = parse(&source)?;
        Ok(Parsed {
            source,
            tokens,
            planted,
        })
    }

    /// The name of the source map's file that holds these tokens.
    fn file(&self) -> Option<String> {
        let first = self.tokens.clone().into_iter().next()?;
        Some(first.span().file())
    }
}

/// An error a stage wrote: the spans of `compile_error` (the start of what
/// it points at) and of its arguments (the end), and its message.
struct Written {
    start: Span,
    end: Span,
    message: String,
}

impl Written {
    /// Whether it points inside `range` of `file`.
    fn inside(&self, file: &str, range: &Range<usize>) -> bool {
        self.start.file() == file
            && self.end.file() == file
            && range.start <= self.start.byte_range().start
            && self.end.byte_range().end <= range.end
    }
}

/// The `compile_error!`s in `tokens`, but not those in a `macro_rules!`
/// body (they are for whoever calls that macro).
fn written_errors(tokens: &TokenStream, out: &mut Vec<Written>) {
    let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let mut i = 0;
    while i < trees.len() {
        match (&trees[i], trees.get(i + 1), trees.get(i + 2)) {
            (TokenTree::Ident(name), Some(TokenTree::Punct(bang)), Some(TokenTree::Ident(_)))
                if name == "macro_rules" && bang.as_char() == '!' =>
            {
                i += 4;
                continue;
            }
            (
                TokenTree::Ident(name),
                Some(TokenTree::Punct(bang)),
                Some(TokenTree::Group(args)),
            ) if name == "compile_error" && bang.as_char() == '!' => {
                out.push(Written {
                    start: name.span(),
                    end: args.span(),
                    message: args.stream().to_string(),
                });
                i += 3;
                continue;
            }
            (TokenTree::Group(group), _, _) => written_errors(&group.stream(), out),
            _ => {}
        }
        i += 1;
    }
}

/// Every error in a stage's output points into the user's source: a span
/// that points nowhere (`Span::call_site()` here) would be reported at the
/// attribute or the derive, not at the mistake.
fn check_spans(what: &str, out: &TokenStream, all: &mut Vec<Written>) -> Result<(), TestCaseError> {
    let mut errors = Vec::new();
    written_errors(out, &mut errors);
    for error in &errors {
        prop_assert!(
            error.start.source_text().is_some() && error.end.source_text().is_some(),
            "{} wrote an error that points at no token of the input: {}",
            what,
            error.message
        );
    }
    all.extend(errors);
    Ok(())
}

fn check_case(case: &Case, depth: &Depth) -> Result<(), TestCaseError> {
    // Each case parses into a fresh source map (it would grow by every case).
    proc_macro2::extra::invalidate_current_thread_spans();
    let mut inputs: Vec<Parsed> = Vec::new();
    let mut errors: Vec<Written> = Vec::new();
    let mut macros: HashMap<String, TokenStream> = HashMap::new();
    for (args, source, name) in case.trait_sources() {
        let input = Parsed::new(&source)?;
        if let Err(err) = super::items::items(input.tokens.clone()) {
            return Err(TestCaseError::fail(format!(
                "the generator wrote a trait that does not parse ({err})"
            )));
        }
        let args = Parsed::new(&args)?;
        let out = stage(
            "#[forwardable]",
            |input| trait_def::forwardable(args.tokens.clone(), input),
            &input.tokens,
        )?;
        check_spans("#[forwardable]", &out, &mut errors)?;
        if let Some(carried) = carried(out) {
            macros.insert(name, carried);
        }
        inputs.extend([input, args]);
    }

    let wrapper = Parsed::new(&case.wrapper_source())?;
    let out = stage("#[derive(RealizeForward)]", chain::derive, &wrapper.tokens)?;
    check_spans("#[derive(RealizeForward)]", &out, &mut errors)?;
    inputs.push(wrapper);
    let aliases = aliases(&out);
    let mut pending = links(&out, &aliases);
    // Each link forwards one trait; a chain is never longer than the list.
    let mut budget = 16;
    while let Some((name, payload)) = pending.pop() {
        budget -= 1;
        prop_assert!(budget > 0, "the chain does not end");
        // A name without a hidden macro gets the fallback's link.
        let Some(carried) = macros.get(&name) else {
            let out = stage("__not_forwardable!", chain::not_forwardable, &payload)?;
            check_spans("__not_forwardable!", &out, &mut errors)?;
            pending.extend(links(&out, &aliases));
            continue;
        };
        let out = stage(
            "__forward_impl!",
            chain::forward_impl,
            &forward_input(carried, payload),
        )?;
        check_spans("__forward_impl!", &out, &mut errors)?;
        depth.links.set(depth.links.get() + 1);
        let text = out.to_string();
        if text.contains("impl") && !text.contains("compile_error") {
            depth.clean_impls.set(depth.clean_impls.get() + 1);
        }
        pending.extend(links(&out, &aliases));
    }

    for input in &inputs {
        let Some(file) = input.file() else { continue };
        for planted in &input.planted {
            prop_assert!(
                errors.iter().any(|error| error.inside(&file, planted)),
                "no error points inside the mistake `{}`; the errors: {:?}",
                &input.source[planted.clone()],
                errors
                    .iter()
                    .map(|error| &error.message)
                    .collect::<Vec<_>>()
            );
        }
    }
    Ok(())
}

#[test]
fn expansion_chain_never_panics_writes_items_and_is_deterministic() {
    let mut runner = runner(10_000);
    let cases = runner.config().cases;
    let depth = Depth::default();
    if let Err(err) = runner.run(&case(), |case| check_case(&case, &depth)) {
        panic!("{err}");
    }
    // About half the cases reach a link, and half of those forward cleanly.
    assert!(
        depth.links.get() >= cases / 4 && depth.clean_impls.get() >= cases / 8,
        "the generated cases stopped reaching the chain: {} links, {} clean impls in {cases} cases",
        depth.links.get(),
        depth.clean_impls.get(),
    );
}

/// `__forward_impl!` called by hand, or by a macro of another version of
/// this crate: any tokens give errors, never a panic.
#[test]
fn forward_impl_on_any_tokens_never_panics() {
    let token = select(
        &[
            "trait",
            "{",
            "}",
            "derive",
            "remote",
            "step",
            "=",
            "0",
            "99",
            ";",
            "needs",
            "[",
            "]",
            "matched",
            "input",
            "yes",
            "no",
            "realize_mut",
            "x",
            "struct",
            "#",
            "::",
        ][..],
    );
    let mut runner = runner(2_000);
    let result = runner.run(&prop::collection::vec(token, 0..40), |words| {
        // Balance the delimiters so that the words are tokens.
        let mut source = String::new();
        let mut depth: Vec<char> = Vec::new();
        for word in words {
            match word {
                "{" => depth.push('}'),
                "[" => depth.push(']'),
                "}" | "]" => match depth.last() {
                    Some(close) if close.to_string() == word => {
                        depth.pop();
                    }
                    _ => continue,
                },
                _ => {}
            }
            source.push_str(word);
            source.push(' ');
        }
        while let Some(close) = depth.pop() {
            source.push(close);
        }
        stage("__forward_impl!", chain::forward_impl, &parse(&source)?)?;
        Ok(())
    });
    if let Err(err) = result {
        panic!("{err}");
    }
}
