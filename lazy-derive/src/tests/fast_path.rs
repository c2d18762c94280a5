//! The fast rule that `#[forwardable]` writes must produce the very impl the
//! chain's `__forward_impl!` writes for the same wrapper. These tests expand
//! both by hand: the chain as `snapshots` does, and the fast rule by putting
//! the derive's `fast` entry into the rule's template, as `macro_rules!`
//! would. Spans aside (which `to_string` does not show), the two must match.

use std::collections::HashMap;

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};

use super::support::{aliases, carried, links};
use crate::{chain, trait_def};

/// The body of the fast rule of the hidden macro in `forwardable`'s
/// output, the last but one (the chain's is last), if it has one. With
/// `#[cfg]`'d items, of the last macro, where every predicate holds (as
/// `support::carried` picks).
fn fast_template(tokens: TokenStream) -> Option<TokenStream> {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let at = trees
        .iter()
        .rposition(|tree| matches!(tree, TokenTree::Ident(i) if i == "macro_rules"))?;
    let TokenTree::Group(rules) = trees.get(at + 3)? else {
        return None;
    };
    let rules: Vec<TokenTree> = rules.stream().into_iter().collect();
    // (pattern) => { body } ; .. (pattern) => { body } ;: the rules that
    // read a generic wrapper's entry (if any), the fast rule, the chain's.
    if rules.len() < 10 || !rules.len().is_multiple_of(5) {
        return None;
    }
    match &rules[rules.len() - 7] {
        TokenTree::Group(body) => Some(body.stream()),
        _ => None,
    }
}

/// The first link the derive writes: `Trait! { ... }`'s body.
fn first_link(derive: TokenStream) -> TokenStream {
    let aliases = aliases(&derive);
    match links(&derive, &aliases).into_iter().next() {
        Some((_, payload)) => payload,
        None => panic!("the derive writes a link"),
    }
}

/// A link's `fast` entries, each a group.
fn entries(link: TokenStream) -> Vec<Group> {
    let trees: Vec<TokenTree> = link.into_iter().collect();
    let at = trees
        .iter()
        .position(|tree| matches!(tree, TokenTree::Ident(i) if i == "fast"))
        .expect("the link has fast entries");
    let Some(TokenTree::Group(entries)) = trees.get(at + 2) else {
        panic!("fast = [..]");
    };
    entries
        .stream()
        .into_iter()
        .map(|entry| match entry {
            TokenTree::Group(entry) => entry,
            other => panic!("an entry is a group: {other}"),
        })
        .collect()
}

/// An entry's fields, `name = value;`, in order: each name and its value's
/// trees (a kind, `fast;`, has none).
fn entry_fields(entry: &Group) -> Vec<(String, Vec<TokenTree>)> {
    let mut fields = Vec::new();
    let mut field: Vec<TokenTree> = Vec::new();
    for tree in entry.stream() {
        if !matches!(&tree, TokenTree::Punct(p) if p.as_char() == ';') {
            field.push(tree);
            continue;
        }
        let mut parts = field.drain(..);
        if let Some(TokenTree::Ident(name)) = parts.next() {
            parts.next(); // `=`
            fields.push((name.to_string(), parts.collect()));
        }
    }
    fields
}

/// The first `fast` entry of a link, by field: `self`, `path`, `target`,
/// `b0`..`b2`, `deref`.
fn fast_entry(link: TokenStream) -> HashMap<String, TokenStream> {
    let first = entries(link)
        .into_iter()
        .next()
        .expect("one entry at least");
    let mut fields = HashMap::new();
    for (name, value) in entry_fields(&first) {
        let unbraced = match value.as_slice() {
            [TokenTree::Group(g)] if g.delimiter() == Delimiter::Brace => g.stream(),
            _ => value.into_iter().collect(),
        };
        if name == "bounds" {
            for (i, bound) in unbraced.into_iter().enumerate() {
                if let TokenTree::Group(g) = bound {
                    fields.insert(format!("b{i}"), g.stream());
                }
            }
        } else {
            fields.insert(name, unbraced);
        }
    }
    fields
}

/// The template with `$name` and `$($name)*` replaced by the fields; what
/// follows the impl (the call of the next link) is left out.
fn transcribe(template: TokenStream, fields: &HashMap<String, TokenStream>) -> TokenStream {
    let metavar = |name: &str| {
        let name = name.trim_start_matches("__");
        fields
            .get(name)
            .unwrap_or_else(|| panic!("no field for `{name}`"))
            .clone()
    };
    let trees: Vec<TokenTree> = template.into_iter().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < trees.len() {
        match (&trees[i], trees.get(i + 1), trees.get(i + 2)) {
            (TokenTree::Punct(d), Some(TokenTree::Ident(name)), _) if d.as_char() == '$' => {
                out.extend(metavar(&name.to_string()));
                i += 2;
            }
            (TokenTree::Punct(d), Some(TokenTree::Group(rep)), Some(TokenTree::Punct(star)))
                if d.as_char() == '$' && star.as_char() == '*' =>
            {
                let inner: Vec<TokenTree> = rep.stream().into_iter().collect();
                let Some(TokenTree::Ident(name)) = inner.get(1) else {
                    panic!("a repetition of one metavariable");
                };
                out.extend(metavar(&name.to_string()));
                i += 3;
            }
            // `$( .. )?`: the generic entry's part, there when the entry has it.
            (TokenTree::Punct(d), Some(TokenTree::Group(opt)), Some(TokenTree::Punct(q)))
                if d.as_char() == '$' && q.as_char() == '?' =>
            {
                if fields.contains_key("impl") {
                    out.extend(transcribe(opt.stream(), fields));
                }
                i += 3;
            }
            (TokenTree::Group(group), _, _) => {
                let mut new = Group::new(group.delimiter(), transcribe(group.stream(), fields));
                new.set_span(group.span());
                out.push(TokenTree::Group(new));
                i += 1;
            }
            _ => {
                out.push(trees[i].clone());
                i += 1;
            }
        }
    }
    out.into_iter().collect()
}

/// The impl up to its body: `#[automatically_derived] impl .. { .. }`.
fn the_impl(tokens: TokenStream) -> TokenStream {
    let mut out = TokenStream::new();
    let mut seen_impl = false;
    for tree in tokens {
        let end =
            seen_impl && matches!(&tree, TokenTree::Group(g) if g.delimiter() == Delimiter::Brace);
        if matches!(&tree, TokenTree::Ident(i) if i == "impl") {
            seen_impl = true;
        }
        out.extend([tree]);
        if end {
            break;
        }
    }
    out
}

/// The impl of the trait by both paths.
fn both(trait_source: &str, wrapper: &str) -> (String, String) {
    let forwardable = trait_def::forwardable(TokenStream::new(), trait_source.parse().unwrap());
    let template = fast_template(forwardable.clone()).expect("the trait gets a fast rule");
    let prefix = carried(forwardable).expect("the hidden macro calls __forward_impl");
    let derive = chain::derive(wrapper.parse().unwrap());
    let link = first_link(derive);

    let fields = fast_entry(link.clone());
    let fast = transcribe(the_impl(template), &fields).to_string();

    let input: TokenStream = format!("{prefix} derive {{ {link} }}").parse().unwrap();
    let chain_written = chain::forward_impl(input);
    // The `Realize` impls come from the derive, not from the link.
    let slow = the_impl(chain_written).to_string();
    (fast, slow)
}

const SHAPES: &str = "
    pub trait Shapes {
        type Item: Clone;
        const LIMIT: usize;
        fn get(&self) -> u64;
        fn set(&mut self, x: u64);
        fn take(self) -> Self::Item where Self: Sized;
        fn boxed(self: Box<Self>) -> u8;
        fn generic<T: Into<u64>, const N: usize>(&self, x: T, arr: [u8; N]) -> u64;
        fn lifetimes<'a>(&'a self, s: &'a str) -> &'a str;
        fn iter(&self) -> impl Iterator<Item = u8> + '_;
        fn arg_impl(&self, it: impl IntoIterator<Item = u8>) -> u64;
        fn same(&self, other: &Self) -> bool;
        fn merge(&mut self, other: Self) where Self: Sized;
        fn patterns(&self, (a, b): (u8, u8), _: u8) -> u8;
        async fn fetch(&self, key: u8) -> u32;
        unsafe fn raw(&self, index: usize) -> u8;
        fn kept(&self) -> u8 { 1 }
        #[cfg(any())]
        fn gone(&self);
        fn cfg_param(&self, #[cfg(all())] a: u8, b: u8) -> u8;
        const TAG: Tag;
        fn carried(&self, map: BTreeMap<u8, Tag>, f: &mut Formatter) -> Result<Vec<Tag>>;
        fn carried_static(self, tag: (Tag, &[Tag])) -> Option<Tag> where Self: Sized;
        #[cfg(all())]
        fn carried_cfg(&self, #[cfg(all())] tag: Tag) -> impl Iterator<Item = Tag>;
    }
";

#[test]
fn the_fast_rule_writes_the_chains_impl_for_a_lazy_field() {
    let (fast, slow) = both(
        SHAPES,
        "#[realize_forward(Shapes)] struct W { #[realize] cache: ::lazy_core::Lazy<Real> }",
    );
    assert_eq!(fast, slow);
}

#[test]
fn the_fast_rule_writes_the_chains_impl_for_a_hand_written_realize() {
    let (fast, slow) = both(SHAPES, "#[realize_forward(Shapes)] struct W(u8);");
    assert_eq!(fast, slow);
}

#[test]
fn the_fast_rule_writes_the_chains_impl_for_a_plain_field() {
    let (fast, slow) = both(
        SHAPES,
        "#[realize_forward(Shapes)] struct W { name: u8, #[realize(plain)] inner: Real }",
    );
    assert_eq!(fast, slow);
    // The field is not realized: no bound asks `Realize` of it, whatever the
    // methods need (`&mut self`, `self`).
    assert!(!slow.contains("Real : :: lazy_core"), "{slow}");
    assert!(
        slow.contains("< Self as :: lazy_core :: Realize > :: Target : Shapes"),
        "{slow}"
    );
}

#[test]
fn the_fast_rule_writes_the_chains_impl_through_deref() {
    let by_ref = "
        pub trait Tracker {
            fn python_type(&self) -> &'static str;
            fn call(&mut self, args: &[i64]) -> i64;
        }
    ";
    let (fast, slow) = both(
        by_ref,
        "#[realize_forward(Tracker)] struct W { #[realize(deref)] cache: Lazy<Box<dyn Tracker>> }",
    );
    assert_eq!(fast, slow);
}

/// A generic wrapper whose parameters the trait's methods do not declare
/// (`SHAPES` declares `T`, `N` and `'a`) takes the fast rule too.
#[test]
fn the_fast_rule_writes_the_chains_impl_for_a_generic_wrapper() {
    for wrapper in [
        "#[realize_forward(Shapes)] struct W<V: Clone> { #[realize] cache: ::lazy_core::Lazy<V> }",
        "#[realize_forward(Shapes)] struct W<'w, V> where V: Copy + 'w { #[realize] cache: &'w mut ::lazy_core::Lazy<V> }",
        "#[realize_forward(Shapes)] struct W<L, const K: usize>([u8; K], #[realize] L);",
        "#[realize_forward(Shapes)] struct W<V> { #[realize(plain)] inner: V }",
    ] {
        let (fast, slow) = both(SHAPES, wrapper);
        // Where the methods need both `RealizeMut` and `RealizeInto`, the
        // rule writes the entry's two bounds, each whole: a bound on the
        // field's parameter (`L: Realize`, first in each) or on the target it
        // shows (`V: Shapes`, last in each) twice, which the chain writes
        // once, first and last.
        let mut fast = fast;
        for (bound, dropped) in [("L : :: lazy_core :: Realize , ", 1), ("V : Shapes , ", 0)] {
            if fast.matches(bound).count() == 2
                && let Some((at, found)) = fast.match_indices(bound).nth(dropped)
            {
                fast = format!("{}{}", &fast[..at], &fast[at + found.len()..]);
            }
        }
        assert_eq!(fast, slow, "{wrapper}");
        assert!(fast.contains("impl < "), "{fast}");
    }
}

/// The hidden macro reads a generic wrapper's names against the names its
/// trait's items declare: one rule per name, which sends the link to the
/// chain (`{ slow }`), then one that reads past a name.
#[test]
fn the_rules_of_a_generic_wrappers_names() {
    let source =
        "pub trait T { fn get<'a, X: Clone>(&'a self, x: X) -> &'a u8; fn put<X>(&self, x: X); }";
    for out in [
        trait_def::forwardable(TokenStream::new(), source.parse().unwrap()).to_string(),
        // Through syn: the attribute's `#[inline]` is not read by `scan`.
        trait_def::forwardable(
            TokenStream::new(),
            source
                .replace("fn put", "#[doc(alias = \"p\")] fn put")
                .parse()
                .unwrap(),
        )
        .to_string(),
    ] {
        for name in ["'a", "X"] {
            let clash = format!("names = {{ {name} $ ($ __names : tt) * }} ;");
            assert_eq!(out.matches(&clash).count(), 1, "{name}: {out}");
        }
        assert!(
            out.contains("names = { $ __name : tt $ ($ __names : tt) * } ;"),
            "{out}"
        );
        assert!(out.contains("fast = [{ slow } $ ($ __rest) *]"), "{out}");
        assert!(
            out.contains("$ (generic ; lend = $ __lend : ident ; names = { } ;"),
            "{out}"
        );
        // The methods take `&self`: a link after one that needs `RealizeMut`
        // or `RealizeInto` goes to the chain, whose impl states it.
        for needs in [
            "needs = [yes $ __into : ident]",
            "needs = [$ __mut : ident yes]",
        ] {
            assert_eq!(out.matches(needs).count(), 1, "{needs}: {out}");
        }
    }
    // A `&mut self` method: the fast rule takes a field that can lend
    // mutably only, so one that cannot goes to the chain's rule, which
    // reports it; an earlier link's `RealizeMut` is this one's.
    let source = "pub trait M { fn set(&mut self, x: u8); }";
    let out = trait_def::forwardable(TokenStream::new(), source.parse().unwrap()).to_string();
    assert!(out.contains("$ (generic ; lend = yes ;"), "{out}");
    assert!(!out.contains("lend = no"), "{out}");
    assert!(!out.contains("needs = [yes $ __into : ident]"), "{out}");
    assert!(out.contains("needs = [$ __mut : ident yes]"), "{out}");
    // A result with `use<..>` would have to list the wrapper's parameters.
    let source = "pub trait T { fn it<'a>(&'a self) -> impl Iterator<Item = u8> + use<'a, Self>; }";
    let out = trait_def::forwardable(TokenStream::new(), source.parse().unwrap()).to_string();
    assert!(out.contains("{ fast ;"), "{out}");
    assert!(!out.contains("generic"), "{out}");
}

#[test]
fn traits_the_chain_must_write_get_no_fast_rule() {
    for source in [
        "pub trait G<T> { fn get(&self) -> T; }",
        "pub trait W where Self: Clone { fn get(&self) -> u8; }",
        "pub unsafe trait U { fn get(&self) -> u8; }",
        "#[deprecated] pub trait D { fn get(&self) -> u8; }",
        "pub trait S { fn new_one(&self) -> Self; }",
        "pub trait R { fn create() -> u8; }",
    ] {
        let out = trait_def::forwardable(TokenStream::new(), source.parse().unwrap());
        assert!(fast_template(out).is_none(), "{source}");
    }
}

#[test]
fn wrappers_the_chain_must_write_get_a_slow_entry() {
    for wrapper in [
        "#[realize_forward(T, except(get))] struct W(u8);",
        "#[realize_forward(T<u8>)] struct W(u8);",
        "#[realize_forward(T<u8>)] struct W<X>(X);",
    ] {
        let link = first_link(chain::derive(wrapper.parse().unwrap()));
        let text = link.to_string();
        assert!(text.contains("fast = [{ slow }]"), "{wrapper}: {text}");
    }
}

/// A struct whose lazy is not marked `#[realize]` gets a fast entry that
/// realizes through lazy-core's `__private::Unmarked` family (a wrapper that
/// implements `Realize` by hand has it; a forgotten mark is its error at the
/// field), names its target through it, writes the target's bound before
/// the wrapper's, and says its link's name.
#[test]
fn an_unmarked_lazy_gets_a_fast_entry_through_unmarked() {
    let wrapper = "#[realize_forward(T)] struct W { cache: Lazy<Real> }";
    let link = first_link(chain::derive(wrapper.parse().unwrap())).to_string();
    assert!(
        link.contains("fast = [{ fast ; callee = __lazy_trait_0_W ;"),
        "{link}"
    );
    assert!(
        link.contains("realize = :: lazy_core :: __private :: Unmarked :: __lazy_realize ;"),
        "{link}"
    );
    assert!(
        link.contains(
            "target = < Self as :: lazy_core :: __private :: Unmarked > :: Target ; bounds = { < Self as :: lazy_core :: __private :: Unmarked > :: Target : T , W : :: lazy_core :: __private :: Unmarked , }"
        ),
        "{link}"
    );
    // A marked lazy's entry is as before: no name, `Realize`'s paths.
    let marked = "#[realize_forward(T)] struct W { #[realize] cache: Lazy<Real> }";
    let link = first_link(chain::derive(marked.parse().unwrap())).to_string();
    assert!(link.contains("fast = [{ fast ; self = W ;"), "{link}");
    assert!(
        link.contains("realize = :: lazy_core :: Realize :: realize ;"),
        "{link}"
    );
}

/// Only a trait whose methods need a `Sized` target, and a blanket trait
/// with supertraits, has the rule that sends an unmarked struct's entry to
/// the chain (the fast rule's `Sized` bound, and the blanket rule's check
/// of the supertraits, would report a forgotten mark once more).
#[test]
fn a_trait_that_needs_a_sized_target_sends_an_unmarked_entry_to_the_chain() {
    let rule = "(fast = [{ fast ; callee = $ __callee : ident ; $ ($ __entry : tt) * } $ ($ __rest : tt) *] $ ($ __state : tt) *) => { $ __callee ! { fast = [{ slow } $ ($ __rest) *] $ ($ __state) * } } ;";
    let sends = |attr: &str, source: &str| {
        let out = trait_def::forwardable(attr.parse().unwrap(), source.parse().unwrap());
        out.to_string().contains(rule)
    };
    for (source, expected) in [
        (
            "pub trait B { fn m(&mut self); fn t(self) -> u8 where Self: Sized; }",
            true,
        ),
        ("pub trait X { fn t(self: Box<Self>) -> u8; }", true),
        ("pub trait I { fn t(self) -> u8 where Self: Sized; }", true),
        ("pub trait M { fn m(&mut self); fn g(&self) -> u8; }", false),
    ] {
        for attr in ["", "blanket"] {
            assert_eq!(sends(attr, source), expected, "{source} ({attr})");
        }
    }
    // A blanket trait with supertraits, whatever its methods.
    let sub = "pub trait Sub: Clone { fn g(&self) -> u8; }";
    assert!(!sends("", sub));
    assert!(sends("blanket", sub));
}

/// A generic wrapper's entry carries its parameters' names, its name for
/// the hidden macro, its parameters and `where` clause, for the fast rule
/// and a blanket trait's rule (`trait_def::blanket_rule`).
#[test]
fn generic_wrappers_get_a_generic_entry() {
    let wrapper = "#[realize_forward(T)] struct W<'w, X: Clone, const K: u8>(#[realize] &'w X) where X: Copy;";
    let link = first_link(chain::derive(wrapper.parse().unwrap())).to_string();
    assert!(
        link.contains("fast = [{ generic ; lend = no ; names = { 'w X K } ; callee = __lazy_trait_0_W ; impl = { < 'w , X : Clone , const K : u8 > } ; where = { X : Copy , } ; self = W < 'w , X , K > ;"),
        "{link}"
    );
    let source = "pub trait T { fn get(&self) -> u8; }";
    let plain = trait_def::forwardable(TokenStream::new(), source.parse().unwrap()).to_string();
    assert!(
        plain.contains(
            "$ (fast ; $ (callee = $ __link : ident ;) ?) ? $ (generic ; lend = $ __lend : ident ; names = { $ ($ __names : tt) * } ;"
        ),
        "{plain}"
    );
    // No item declares a parameter: no rule reads the names.
    assert!(!plain.contains("$ __name : tt"), "{plain}");
    let blanket = trait_def::forwardable("blanket".parse().unwrap(), source.parse().unwrap());
    let blanket = blanket.to_string();
    assert!(
        blanket.contains("{ fast ;") && blanket.contains("{ generic ;"),
        "{blanket}"
    );
}

/// The number of `fast` entries in a link's body.
fn entry_count(link: &TokenStream) -> usize {
    entries(link.clone()).len()
}

#[test]
fn a_slow_link_passes_the_later_entries_on() {
    // Written once by the derive, one per trait, then one fewer at each link
    // (a slow link does not write them again: a wrapper of many traits would
    // pay for them once per trait).
    let source = "pub trait A { fn a(&self) -> u8; }";
    let forwardable = trait_def::forwardable(TokenStream::new(), source.parse().unwrap());
    let prefix = carried(forwardable).expect("the hidden macro calls __forward_impl");
    let wrapper = "#[realize_forward(A<u8>, B<u8>, C<u8>)] struct W(u8);";
    let link = first_link(chain::derive(wrapper.parse().unwrap())).to_string();
    assert_eq!(entry_count(&link.parse().unwrap()), 3);
    // Entries the chain could not have written itself: passed on, not redone.
    let link = link.replace(
        "fast = [{ slow } { slow } { slow }]",
        "fast = [{ slow } { marker_b } { marker_c }]",
    );
    let input: TokenStream = format!("{prefix} derive {{ {link} }}").parse().unwrap();
    let next = first_link(chain::forward_impl(input)).to_string();
    assert!(
        next.starts_with("fast = [{ marker_b } { marker_c }] step = 1"),
        "{next}"
    );
}

/// A trait that `blanket` cannot take is one error, beside what
/// `#[forwardable]` writes without `blanket` (the hidden macro with its fast
/// rule, no blanket impl), so that its derives find the macro.
#[test]
fn a_trait_blanket_cannot_take_is_written_as_without_it() {
    let cases = [
        "pub trait T<X> { fn get(&self) -> X; }",
        "pub trait T { fn get(&self) -> u8; fn fork(&self) -> Self; }",
        "pub trait T { fn get(&self) -> u8; fn shared(self: Rc<Self>) -> u8; }",
    ];
    for source in cases {
        let plain = trait_def::forwardable(TokenStream::new(), source.parse().unwrap()).to_string();
        let blanket =
            trait_def::forwardable("blanket".parse().unwrap(), source.parse().unwrap()).to_string();
        let (error, rest) = blanket
            .split_once(" } ")
            .expect("an error first, then the trait");
        assert!(
            error.starts_with("compile_error !") && error.contains("blanket"),
            "{source}: {blanket}"
        );
        // The macro's name hashes the trait's span, which differs between
        // the two parses.
        let unnamed = |text: &str| {
            let mut parts = text.split("__lazy_forwardable_T_");
            let mut out = parts.next().unwrap_or_default().to_string();
            for part in parts {
                out.push_str("__lazy_forwardable_T_");
                out.push_str(part.trim_start_matches(|c: char| c.is_ascii_hexdigit()));
            }
            out
        };
        assert!(
            unnamed(&plain).ends_with(&unnamed(rest)),
            "{source}:\n{plain}\n{rest}"
        );
        assert!(!blanket.contains("Forwards"), "{blanket}");
    }
}

/// The syntax context in a span's `Debug` text, which tells apart two traits
/// that two calls of one macro write at the same place.
#[test]
fn syntax_context_of_a_span() {
    assert_eq!(trait_def::syntax_context("#5 bytes(10..14)"), Some("5"));
    assert_eq!(trait_def::syntax_context("#0 bytes(1..2)"), Some("0"));
    assert_eq!(
        trait_def::syntax_context("src/lib.rs:1:7: 1:11 (#12)"),
        Some("12")
    );
    assert_eq!(trait_def::syntax_context("bytes(1..2)"), None);
    assert_eq!(trait_def::syntax_context("# bytes"), None);
}

/// `blanket` with a trailing comma is `blanket`, read by `scan` or by syn;
/// anything more is an error.
#[test]
fn blanket_takes_a_trailing_comma() {
    let sources = [
        "pub trait T { fn get(&self) -> u8; }",
        "pub trait T { type V<'a> where Self: 'a; fn get(&self) -> Self::V<'_>; }",
    ];
    for source in sources {
        let written = trait_def::forwardable("blanket,".parse().unwrap(), source.parse().unwrap())
            .to_string();
        assert!(written.contains("Forwards"), "{source}: {written}");
        assert!(!written.contains("compile_error"), "{source}: {written}");
        let written = trait_def::forwardable("blanket,,".parse().unwrap(), source.parse().unwrap())
            .to_string();
        assert!(written.contains("compile_error"), "{source}: {written}");
    }
}

/// `remote = path` with a trailing comma is `remote = path`, as `blanket`
/// takes one; a second comma is an error.
#[test]
fn remote_takes_a_trailing_comma() {
    let source = "pub trait Display { fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result; }";
    // The hidden macro's name without its hash, which each parse of the
    // source (spans of their own) changes.
    let write = |args: &str| {
        let written =
            trait_def::forwardable(args.parse().unwrap(), source.parse().unwrap()).to_string();
        let mut parts = written.split("__lazy_forwardable_Display_");
        let mut out = parts.next().unwrap_or_default().to_string();
        for part in parts {
            out.push_str(part.get(16..).unwrap_or(part));
        }
        out
    };
    let plain = write("remote = ::std::fmt::Display");
    assert!(!plain.contains("compile_error"), "{plain}");
    assert_eq!(write("remote = ::std::fmt::Display,"), plain);
    let twice = write("remote = ::std::fmt::Display,,");
    assert!(twice.contains("compile_error"), "{twice}");
}

/// The body of the rule of lazy-core's `__forward_end!` for the needs
/// (`RealizeMut`, `RealizeInto`), read from its source.
fn end_rule(needs: (bool, bool)) -> TokenStream {
    let source: TokenStream = include_str!("../../../lazy-core/src/__private.rs")
        .parse()
        .expect("lazy-core's __private.rs is tokens");
    let trees: Vec<TokenTree> = source.into_iter().collect();
    let at = trees
        .windows(3)
        .position(|w| {
            matches!(&w[0], TokenTree::Ident(i) if i == "macro_rules")
                && matches!(&w[2], TokenTree::Ident(i) if i == "__forward_end")
        })
        .expect("lazy-core defines __forward_end");
    let Some(TokenTree::Group(rules)) = trees.get(at + 3) else {
        panic!("macro_rules! __forward_end {{ .. }}");
    };
    let flag = |need: bool| if need { "yes" } else { "no" };
    let wanted = format!("needs = [{} {}]", flag(needs.0), flag(needs.1));
    // (matcher) => { body } ;
    let rules: Vec<TokenTree> = rules.stream().into_iter().collect();
    for rule in rules.chunks(5) {
        if let [TokenTree::Group(matcher), _, _, TokenTree::Group(body), ..] = rule
            && matcher.stream().to_string().contains(&wanted)
        {
            return body.stream();
        }
    }
    panic!("no rule of __forward_end has {wanted}");
}

/// The derive's end entry (`chain::end_entry`), the last of the first
/// link's `fast` list, by the names of `__forward_end!`'s metavariables.
fn end_entry(link: TokenStream) -> HashMap<String, TokenStream> {
    let last = entries(link).pop().expect("one entry at least");
    let names: [(&str, &[&str]); 4] = [
        ("self", &["self"]),
        ("receiver", &["self_value"]),
        ("realize_mut", &["realize_mut", "get_mut"]),
        (
            "realize_into",
            &["realize_into", "sized", "get", "moves", "checked"],
        ),
    ];
    let mut fields = HashMap::new();
    fields.insert("crate".to_string(), "::lazy_core".parse().unwrap());
    for (name, value) in entry_fields(&last) {
        let (_, metavars) = names
            .iter()
            .find(|(field, _)| name == *field)
            .unwrap_or_else(|| panic!("an unknown field `{name}`"));
        for (metavar, value) in metavars.iter().zip(value) {
            let value = match value {
                TokenTree::Group(g) => g.stream(),
                other => other.into(),
            };
            fields.insert(metavar.to_string(), value);
        }
    }
    fields
}

/// The tokens one by one, groups opened and closed, without the spacing of
/// punctuation (which a source text and a proc macro set apart).
fn flat(tokens: TokenStream) -> String {
    let mut out = Vec::new();
    for tree in tokens {
        match tree {
            TokenTree::Group(group) => {
                let (open, close) = match group.delimiter() {
                    Delimiter::Parenthesis => ("(", ")"),
                    Delimiter::Brace => ("{", "}"),
                    Delimiter::Bracket => ("[", "]"),
                    Delimiter::None => ("<none>", "</none>"),
                };
                out.push(open.to_string());
                out.push(flat(group.stream()));
                out.push(close.to_string());
            }
            TokenTree::Punct(punct) => out.push(punct.as_char().to_string()),
            other => out.push(other.to_string()),
        }
    }
    out.retain(|token| !token.is_empty());
    out.join(" ")
}

/// What the chain's last link writes after the trait's impl, and what
/// `__forward_end!` writes from the derive's end entry for the needs
/// (`RealizeMut`, `RealizeInto`).
fn both_ends(trait_source: &str, wrapper: &str, needs: (bool, bool)) -> (String, String) {
    let forwardable = trait_def::forwardable(TokenStream::new(), trait_source.parse().unwrap());
    let prefix = carried(forwardable).expect("the hidden macro calls __forward_impl");
    let derive = chain::derive(wrapper.parse().unwrap());
    let link = first_link(derive);
    let fields = end_entry(link.clone());
    let by_macro = flat(transcribe(end_rule(needs), &fields));

    let input: TokenStream = format!("{prefix} derive {{ {link} }}").parse().unwrap();
    let chain_written: Vec<TokenTree> = chain::forward_impl(input).into_iter().collect();
    let the_impl = the_impl(chain_written.iter().cloned().collect())
        .into_iter()
        .count();
    let by_chain: TokenStream = chain_written.into_iter().skip(the_impl).collect();
    (by_macro, flat(by_chain))
}

#[test]
fn the_end_macro_writes_the_last_links_impls_for_a_lazy_field() {
    let (by_macro, by_chain) = both_ends(
        SHAPES,
        "#[realize_forward(Shapes)] struct W { #[realize] cache: ::lazy_core::Lazy<Real> }",
        (true, true),
    );
    assert_eq!(by_macro, by_chain);
    assert!(by_chain.contains("RealizeMut for W"), "{by_chain}");
    assert!(by_chain.contains("RealizeInto for W"), "{by_chain}");
}

#[test]
fn the_end_macro_writes_the_last_links_impls_for_a_plain_field() {
    let (by_macro, by_chain) = both_ends(
        SHAPES,
        "#[realize_forward(Shapes)] struct W { name: u8, #[realize(plain)] inner: Real }",
        (true, true),
    );
    assert_eq!(by_macro, by_chain);
    assert!(by_chain.contains("& mut self . inner"), "{by_chain}");
}

#[test]
fn the_end_macro_writes_only_the_impls_the_methods_need() {
    let lends = "pub trait Lends { fn get(&self) -> u8; fn set(&mut self, x: u8); }";
    let wrapper = "#[realize_forward(Lends)] struct W(#[realize] Box<::lazy_core::Lazy<Real>>);";
    let (by_macro, by_chain) = both_ends(lends, wrapper, (true, false));
    assert_eq!(by_macro, by_chain);
    assert!(by_chain.contains("RealizeMut"), "{by_chain}");
    assert!(!by_chain.contains("RealizeInto"), "{by_chain}");
    let gives = "pub trait Gives { fn get(&self) -> u8; fn take(self) -> u8; }";
    let wrapper = "#[realize_forward(Gives)] struct W(#[realize] ::lazy_core::Lazy<Real>);";
    let (by_macro, by_chain) = both_ends(gives, wrapper, (false, true));
    assert_eq!(by_macro, by_chain);
    assert!(by_chain.contains("RealizeInto"), "{by_chain}");
    assert!(!by_chain.contains("RealizeMut"), "{by_chain}");
    let reads = "pub trait Reads { fn get(&self) -> u8; }";
    let (by_macro, by_chain) = both_ends(reads, wrapper, (false, false));
    assert_eq!((by_macro.as_str(), by_chain.as_str()), ("", ""));
}

/// The chain ends in `__forward_end!` only where that macro can write what
/// the last link would; elsewhere in `__forward_impl!`.
#[test]
fn the_chain_ends_in_the_macro_where_it_can() {
    // A chain of slow links names neither: its last link is the end.
    let ends_in_macro = |wrapper: &str| {
        let link = first_link(chain::derive(wrapper.parse().unwrap())).to_string();
        let by_macro = link.contains("__forward_end");
        assert!(
            !(by_macro && link.contains("__forward_impl")),
            "{wrapper}: {link}"
        );
        // Called by its whole path, from the root.
        assert!(
            !by_macro || link.contains("next = { :: lazy_core :: __private :: __forward_end }"),
            "{wrapper}: {link}"
        );
        by_macro
    };
    for wrapper in [
        "#[realize_forward(A, B)] struct W(#[realize] Lazy<Real>);",
        "#[realize_forward(A)] struct W(#[realize(plain)] Real);",
    ] {
        assert!(ends_in_macro(wrapper), "{wrapper}");
    }
    for wrapper in [
        "#[realize_forward(A)] struct W(u8);",
        "#[realize_forward(A, except(get))] struct W(#[realize] Lazy<Real>);",
        "#[realize_forward(A)] struct W<X>(#[realize] Lazy<X>);",
        "#[realize_forward(A)] struct W(#[realize(deref)] Lazy<Box<Real>>);",
    ] {
        assert!(!ends_in_macro(wrapper), "{wrapper}");
    }
}
