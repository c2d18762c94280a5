//! Keeps the expansion snapshots in `tests/expand/` honest: each is what the
//! derive writes for one representative input, formatted by rustfmt.
//! `LAZY_DERIVE_BLESS=1 cargo test -p lazy-derive` rewrites them.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use proc_macro2::TokenStream;

use super::support::{aliases, carried, replace_links};
use crate::{chain, trait_def};

/// Runs `#[forwardable]` on each trait and `#[derive(RealizeForward)]` on the
/// wrapper, follows the chain, and returns everything the derive writes.
pub(super) fn expand_derive(traits: &[(&str, &str)], wrapper: &str) -> String {
    let mut macros = HashMap::new();
    for (args, source) in traits {
        let out = trait_def::forwardable(args.parse().unwrap(), source.parse().unwrap());
        let name = source
            .split_whitespace()
            .skip_while(|w| *w != "trait")
            .nth(1)
            .unwrap()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect::<String>();
        macros.insert(
            name,
            carried(out).expect("the hidden macro calls __forward_impl"),
        );
    }
    let derived = chain::derive(wrapper.parse().unwrap());
    let aliases = aliases(&derived);
    let written = expand_links(derived, &macros, &aliases);
    rustfmt(&written.to_string())
}

/// `tokens` with every link's call replaced by what it writes, in place.
fn expand_links(
    tokens: TokenStream,
    macros: &HashMap<String, TokenStream>,
    aliases: &HashMap<String, String>,
) -> TokenStream {
    replace_links(tokens, aliases, &mut |name, payload| {
        let prefix = &macros[name];
        let input: TokenStream = format!("{prefix} derive {{ {payload} }}").parse().unwrap();
        expand_links(chain::forward_impl(input), macros, aliases)
    })
}

pub(super) fn rustfmt(source: &str) -> String {
    let mut child = Command::new("rustfmt")
        .args(["--edition", "2024"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("rustfmt runs (rustup component add rustfmt)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(source.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "rustfmt failed on:\n{source}");
    String::from_utf8(output.stdout).unwrap()
}

fn check(name: &str, header: &str, expansion: &str) {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "..", "tests", "expand", name]
        .iter()
        .collect();
    check_file(&path, &format!("{header}\n{expansion}"));
}

/// The file at `path` holds `expected`; `LAZY_DERIVE_BLESS=1` writes it.
pub(super) fn check_file(path: &std::path::Path, expected: &str) {
    if std::env::var_os("LAZY_DERIVE_BLESS").is_some() {
        std::fs::write(path, expected).unwrap();
        return;
    }
    let actual = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        actual == expected,
        "{} is out of date; rerun with LAZY_DERIVE_BLESS=1 and review the diff.\n--- expected\n{expected}\n--- checked in\n{actual}",
        path.display()
    );
}

const TRACKER: &str = "
    pub trait Tracker {
        type Tag;
        fn python_type(&self) -> &'static str;
        fn call(&mut self, args: &[i64]) -> i64;
        fn into_tag(self) -> Self::Tag;
        fn set_name_hint(&mut self, hint: &str);
        fn describe(&self) -> String { String::new() }
    }";

#[test]
fn snapshot_receivers_except_and_realize() {
    let expansion = expand_derive(
        &[("", TRACKER)],
        "#[realize_forward(Tracker, except(set_name_hint))]
         pub struct LazyTracker {
             #[realize]
             cache: lazy_core::Lazy<Real, TrackerSeed>,
             source: Source,
         }",
    );
    check(
        "receivers.rs",
        "// What `#[derive(RealizeForward)]` writes for:\n\
         //\n\
         // #[lazy_core::forwardable]\n\
         // pub trait Tracker {\n\
         //     type Tag;\n\
         //     fn python_type(&self) -> &'static str;\n\
         //     fn call(&mut self, args: &[i64]) -> i64;\n\
         //     fn into_tag(self) -> Self::Tag;\n\
         //     fn set_name_hint(&mut self, hint: &str);\n\
         //     fn describe(&self) -> String { String::new() }\n\
         // }\n\
         //\n\
         // #[derive(RealizeForward)]\n\
         // #[realize_forward(Tracker, except(set_name_hint))]\n\
         // pub struct LazyTracker {\n\
         //     #[realize]\n\
         //     cache: lazy_core::Lazy<Real, TrackerSeed>,\n\
         //     source: Source,\n\
         // }\n",
        &expansion,
    );
    check_doc_block(&expansion);
}

/// The expansion that lazy-core's guide page `expansion.md` shows under
/// "What the derive writes" is the trait's impl of the `receivers.rs`
/// snapshot, line for line (indented less), so that the reference on
/// docs.rs does not drift from what the derive writes.
fn check_doc_block(expansion: &str) {
    let doc = include_str!("../../../lazy-core/docs/guide/expansion.md");
    let block: Vec<&str> = doc
        .split("the trait's impl is")
        .nth(1)
        .and_then(|rest| rest.split("```text\n").nth(1))
        .and_then(|rest| rest.split("\n```").next())
        .expect("expansion.md shows the trait's impl in a ```text block")
        .lines()
        .collect();
    let indent = |line: &str| (line.len() - line.trim_start().len()) as isize;
    let lines: Vec<&str> = expansion.lines().collect();
    let found = lines.windows(block.len()).any(|window| {
        let shift = indent(window[0]) - indent(block[0]);
        window.iter().zip(&block).all(|(line, shown)| {
            line.trim_start() == shown.trim_start()
                && (shown.trim().is_empty() || indent(line) - indent(shown) == shift)
        })
    });
    assert!(
        found,
        "the trait impl shown in lazy-core/docs/guide/expansion.md (\"What the derive writes\") \
         is not in the expansion of tests/expand/receivers.rs: copy the `impl Tracker for \
         LazyTracker` block from there, one indentation level less\n--- shown\n{}\n--- expansion\n{expansion}",
        block.join("\n")
    );
}

#[test]
fn snapshot_generic_trait_and_methods() {
    let expansion = expand_derive(
        &[(
            "",
            "pub trait Store<K, V = String> {
                const CAPACITY: usize;
                type Iter<'a>: Iterator<Item = &'a V> where Self: 'a;
                fn get<Q: ?Sized + PartialEq<K>>(&self, key: &Q) -> Option<&V>;
                fn parse<T: std::str::FromStr>(&self, key: &K) -> Option<T>;
                fn extend(&mut self, items: impl IntoIterator<Item = (K, V)>);
                fn iter<'a>(&'a self) -> Self::Iter<'a>;
            }",
        )],
        "#[realize_forward(Store)]
         pub struct LazyStore<T> where T: Clone {
             #[realize]
             cache: lazy_core::Lazy<Map<T>>,
         }",
    );
    check(
        "generic.rs",
        "// What `#[derive(RealizeForward)]` writes for:\n\
         //\n\
         // #[lazy_core::forwardable]\n\
         // pub trait Store<K, V = String> {\n\
         //     const CAPACITY: usize;\n\
         //     type Iter<'a>: Iterator<Item = &'a V> where Self: 'a;\n\
         //     fn get<Q: ?Sized + PartialEq<K>>(&self, key: &Q) -> Option<&V>;\n\
         //     fn parse<T: std::str::FromStr>(&self, key: &K) -> Option<T>;\n\
         //     fn extend(&mut self, items: impl IntoIterator<Item = (K, V)>);\n\
         //     fn iter<'a>(&'a self) -> Self::Iter<'a>;\n\
         // }\n\
         //\n\
         // #[derive(RealizeForward)]\n\
         // #[realize_forward(Store)]\n\
         // pub struct LazyStore<T> where T: Clone {\n\
         //     #[realize]\n\
         //     cache: lazy_core::Lazy<Map<T>>,\n\
         // }\n",
        &expansion,
    );
}

#[test]
fn snapshot_remote_mirror() {
    let expansion = expand_derive(
        &[(
            "remote = ::core::fmt::Display",
            "pub trait Display {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result;
            }",
        )],
        "#[realize_forward(Display)]
         pub struct LazyName(#[realize] lazy_core::Lazy<String>);",
    );
    check(
        "remote.rs",
        "// What `#[derive(RealizeForward)]` writes for a mirror of a std trait:\n\
         //\n\
         // #[derive(RealizeForward)]\n\
         // #[realize_forward(lazy_core::remote::Display)]\n\
         // pub struct LazyName(#[realize] lazy_core::Lazy<String>);\n",
        &expansion,
    );
}

#[test]
fn snapshot_forwardable_def_site_types() {
    proc_macro2::extra::invalidate_current_thread_spans();
    let out = trait_def::forwardable(
        TokenStream::new(),
        "pub trait Catalog {
            fn entries(&self) -> BTreeMap<String, u32>;
            fn show(&self, f: &mut fmt::Formatter) -> fmt::Result;
            fn tag(&self, key: &str) -> Result<Tag>;
            fn into_tags(self) -> Vec<Tag> where Self: Sized;
        }"
        .parse()
        .unwrap(),
    );
    check(
        "forwardable_def_site.rs",
        "// What `#[forwardable]` writes for a trait whose signatures name types\n\
         // that resolve only where it is defined (`BTreeMap`, `fmt`, `Tag`, the\n\
         // module's `Result`): a hidden supertrait whose associated types are those\n\
         // types, implemented for every type, and the carried signatures name them\n\
         // through `Self::`. (`String`, `Vec` and `str` resolve anywhere.)\n",
        &rustfmt(&out.to_string()),
    );
}

#[test]
fn snapshot_forwardable() {
    // The hidden macro's name hashes the trait name's span: parse from the
    // first offset, whatever ran before on this thread.
    proc_macro2::extra::invalidate_current_thread_spans();
    let out = trait_def::forwardable(
        TokenStream::new(),
        "pub trait Tracker {
            fn python_type(&self) -> &'static str;
            fn describe(&self) -> String { format!(\"{}\", self.python_type()) }
        }"
        .parse()
        .unwrap(),
    );
    check(
        "forwardable.rs",
        "// What `#[forwardable]` writes beside the trait: a hidden macro that\n\
         // carries its items (default bodies emptied), and its re-export under\n\
         // the trait's name.\n",
        &rustfmt(&out.to_string()),
    );
}

#[test]
fn snapshot_forwardable_blanket() {
    proc_macro2::extra::invalidate_current_thread_spans();
    let out = trait_def::forwardable(
        "blanket".parse().unwrap(),
        "pub trait Tracker {
            fn python_type(&self) -> &'static str;
            fn call(&mut self, args: &[i64]) -> i64;
            fn describe(&self) -> String { format!(\"{}\", self.python_type()) }
            fn counts(&self, of: &Tag) -> BTreeMap<Tag, u32>;
        }"
        .parse()
        .unwrap(),
    );
    check(
        "forwardable_blanket.rs",
        "// What `#[forwardable(blanket)]` writes beside the trait: the forwarders,\n\
         // once, as a blanket impl for every wrapper that implements the hidden\n\
         // `Forwards<key>`; and a hidden macro whose first rule implements that\n\
         // for a derived wrapper with one `#[realize]` field (bounded as the\n\
         // derive's own impl would be), and whose second rule hands any other\n\
         // wrapper to the derive's chain, as without `blanket`. The blanket\n\
         // impl's signatures name the types as the trait does (`Tag`,\n\
         // `BTreeMap`); the hidden macro carries them as the hidden\n\
         // supertrait's associated types, for a derive elsewhere.\n",
        &rustfmt(&out.to_string()),
    );
}

#[test]
fn snapshot_method_shapes_and_deref() {
    let expansion = expand_derive(
        &[(
            "",
            "pub trait Shapes<T> {
                async fn fetch(&self, key: T) -> u32;
                unsafe fn get_unchecked(&self, index: usize) -> u8;
                #[cfg(feature = \"extra\")]
                fn extra(&self) -> u8;
                #[deprecated]
                fn old(&self) -> u8;
                fn patterns(&self, (a, b): (u8, u8), _: u8) -> u8 { a + b }
                fn create() -> Self where Self: Sized;
            }",
        )],
        "#[realize_forward(Shapes<u64>, except(create))]
         pub struct LazyShapes {
             #[realize(deref)]
             cache: Lazy<Box<dyn Shapes<u64>>>,
         }",
    );
    check(
        "shapes.rs",
        "// What `#[derive(RealizeForward)]` writes for:\n\
         //\n\
         // #[lazy_core::forwardable]\n\
         // pub trait Shapes<T> {\n\
         //     async fn fetch(&self, key: T) -> u32;\n\
         //     unsafe fn get_unchecked(&self, index: usize) -> u8;\n\
         //     #[cfg(feature = \"extra\")]\n\
         //     fn extra(&self) -> u8;\n\
         //     #[deprecated]\n\
         //     fn old(&self) -> u8;\n\
         //     fn patterns(&self, (a, b): (u8, u8), _: u8) -> u8 { a + b }\n\
         //     fn create() -> Self where Self: Sized;\n\
         // }\n\
         //\n\
         // #[derive(RealizeForward)]\n\
         // #[realize_forward(Shapes<u64>, except(create))]\n\
         // pub struct LazyShapes {\n\
         //     #[realize(deref)]\n\
         //     cache: Lazy<Box<dyn Shapes<u64>>>,\n\
         // }\n\
         //\n\
         // (`extra` is there when the trait's crate has `feature = \"extra\"`.)\n",
        &expansion,
    );
}

#[test]
fn snapshot_plain_field() {
    let expansion = expand_derive(
        &[(
            "",
            "pub trait Tracker {
                fn python_type(&self) -> &'static str;
                fn set_name_hint(&mut self, hint: &str);
                fn into_name(self) -> String;
                fn renamed(&self, name: &str) -> Option<Self> where Self: Sized;
            }",
        )],
        "#[realize_forward(Tracker)]
         pub struct Named {
             hint: Option<String>,
             #[realize(plain)]
             inner: ConstantTracker,
         }",
    );
    check(
        "plain.rs",
        "// What `#[derive(RealizeForward)]` writes for a plain field, with a method\n\
         // that returns the wrapper (built back with `FromRealized`):\n\
         //\n\
         // #[lazy_core::forwardable]\n\
         // pub trait Tracker {\n\
         //     fn python_type(&self) -> &'static str;\n\
         //     fn set_name_hint(&mut self, hint: &str);\n\
         //     fn into_name(self) -> String;\n\
         //     fn renamed(&self, name: &str) -> Option<Self> where Self: Sized;\n\
         // }\n\
         //\n\
         // #[derive(RealizeForward)]\n\
         // #[realize_forward(Tracker)]\n\
         // pub struct Named {\n\
         //     hint: Option<String>,\n\
         //     #[realize(plain)]\n\
         //     inner: ConstantTracker,\n\
         // }\n",
        &expansion,
    );
}

#[test]
fn snapshot_plain_deref_field() {
    let expansion = expand_derive(
        &[(
            "",
            "pub trait Tracker {
                fn python_type(&self) -> &'static str;
                fn set_name_hint(&mut self, hint: &str);
            }",
        )],
        "#[realize_forward(Tracker)]
         pub struct Boxed {
             #[realize(plain, deref)]
             inner: Box<dyn Tracker>,
         }",
    );
    check(
        "plain_deref.rs",
        "// What `#[derive(RealizeForward)]` writes for a field that points to its\n\
         // target (`Box<dyn Tracker>`: the `dyn Tracker`):\n\
         //\n\
         // #[lazy_core::forwardable]\n\
         // pub trait Tracker {\n\
         //     fn python_type(&self) -> &'static str;\n\
         //     fn set_name_hint(&mut self, hint: &str);\n\
         // }\n\
         //\n\
         // #[derive(RealizeForward)]\n\
         // #[realize_forward(Tracker)]\n\
         // pub struct Boxed {\n\
         //     #[realize(plain, deref)]\n\
         //     inner: Box<dyn Tracker>,\n\
         // }\n",
        &expansion,
    );
}

#[test]
fn snapshot_enum() {
    let expansion = expand_derive(
        &[(
            "",
            "pub trait Shape {
                type Unit;
                fn area(&self) -> u32;
                fn grow(&mut self, by: u32);
                fn same(&self, other: &Self) -> bool;
                fn scaled(&self, k: u32) -> Self;
                fn corners(&self) -> impl Iterator<Item = u32>;
            }",
        )],
        "#[realize_forward(Shape)]
         enum AnyShape {
             Square(Square),
             Circle(Circle),
             Later(#[realize] Lazy<Polygon, PolygonSeed>),
         }",
    );
    check(
        "enum.rs",
        "// What `#[derive(RealizeForward)]` writes for an enum: each method matches\n\
         // on the variant and forwards to its field, realized for `#[realize]`:\n\
         //\n\
         // #[lazy_core::forwardable]\n\
         // pub trait Shape {\n\
         //     type Unit;\n\
         //     fn area(&self) -> u32;\n\
         //     fn grow(&mut self, by: u32);\n\
         //     fn same(&self, other: &Self) -> bool;\n\
         //     fn scaled(&self, k: u32) -> Self;\n\
         //     fn corners(&self) -> impl Iterator<Item = u32>;\n\
         // }\n\
         //\n\
         // #[derive(RealizeForward)]\n\
         // #[realize_forward(Shape)]\n\
         // enum AnyShape {\n\
         //     Square(Square),\n\
         //     Circle(Circle),\n\
         //     Later(#[realize] Lazy<Polygon, PolygonSeed>),\n\
         // }\n",
        &expansion,
    );
}

#[test]
fn snapshot_enum_of_one_target() {
    let expansion = expand_derive(
        &[(
            "",
            "pub trait Pairwise {
                fn same(&self, other: &Self) -> bool;
            }",
        )],
        "#[realize_forward(Pairwise)]
         enum MaybeLazy {
             Ready(Count),
             Later(#[realize] Lazy<Count>),
         }",
    );
    check(
        "enum_one_target.rs",
        "// What `#[derive(RealizeForward)]` writes for an enum whose variants have\n\
         // one target type: a `Self` argument is realized in whichever variant it\n\
         // is, after the receiver:\n\
         //\n\
         // #[lazy_core::forwardable]\n\
         // pub trait Pairwise {\n\
         //     fn same(&self, other: &Self) -> bool;\n\
         // }\n\
         //\n\
         // #[derive(RealizeForward)]\n\
         // #[realize_forward(Pairwise)]\n\
         // enum MaybeLazy {\n\
         //     Ready(Count),\n\
         //     Later(#[realize] Lazy<Count>),\n\
         // }\n",
        &expansion,
    );
}
