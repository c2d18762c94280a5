//! Writes the `src/lib.rs` of one crate of the compile-time benchmark.
//!
//! Usage: `gen <variant> <methods>`, where variant is one of
//! - `none`: the trait, its implementor and the wrapper, no forwarding (the
//!   floor every other variant pays too);
//! - `hand`: forwarding written out by hand, as the derive would write it;
//! - `forwardable`: as `none`, with `#[lazy_core::forwardable]` on the trait
//!   (what recording the trait costs on its own);
//! - `derive`: `#[lazy_core::forwardable]` + `#[derive(RealizeForward)]`;
//! - `blanket`: as `derive`, with `#[lazy_core::forwardable(blanket)]` (the
//!   forwarders written once, as a blanket impl beside the trait);
//! - `ambassador`: `#[delegatable_trait]` + `#[delegate_to_methods]`;
//! - `delegate`: `delegate! { to ... { fn ...; } }`;
//! - `hand3`, `derive3`, `blanket3`: as `hand`, `derive` and `blanket`, with
//!   three wrappers that forward the same trait (what each further wrapper
//!   costs);
//! - `enum-none`, `enum-hand`, `enum-derive`, `enum-dispatch`: an enum of
//!   `VARIANTS` implementors (each variant one field, a plain target) that
//!   forwards the trait to its active variant not at all, by a hand-written
//!   `match` (the derive's arms), by `#[derive(RealizeForward)]`, and by
//!   enum_dispatch;
//! - `local-none`, `local-hand`, `local-derive`, `local-blanket`: a trait
//!   whose every method names two types of the crate's own module,
//!   `fn m(&self, t: &Tag) -> Result<Tag>` (`Result` the module's alias),
//!   which `#[forwardable]` carries to a derive elsewhere as associated
//!   types of a hidden supertrait, forwarded not at all, by hand, by the
//!   derive, and by a blanket trait's derive.
//! - `use-hand`, `use-derive`, `use-blanket`: a crate that depends on the
//!   `hand`, `derive` or `blanket` crate of the same size and calls every
//!   method of its wrapper once (what a caller compiles: the blanket impl's
//!   forwarders are generic, so compiled here, not in the trait's crate).
//!
//! The trait has `methods` methods cycling through eight shapes: `&self`,
//! `&mut self` with an argument, a generic method, a default method with two
//! arguments, a lifetime-generic method, one returning an associated type,
//! one taking a slice, and a generic method with a where clause; plus one
//! associated type. enum_dispatch cannot forward an associated type, so the
//! `enum-*` variants' trait has none and its sixth shape returns a tuple
//! instead. Built by `run.sh` with plain `rustc`; no dependencies.

use std::env;
use std::fmt::Write;
use std::process::exit;

const SHAPES: usize = 8;

/// How many implementors, and variants, the `enum-*` crates have.
const VARIANTS: usize = 20;

/// The trait method's declaration (without body unless it has a default).
fn decl(i: usize) -> String {
    match i % SHAPES {
        0 => format!("fn m{i}(&self) -> u64;"),
        1 => format!("fn m{i}(&mut self, x: u64) -> u64;"),
        2 => format!("fn m{i}<T: Into<u64>>(&self, x: T) -> u64;"),
        3 => format!("fn m{i}(&self, a: u64, b: u64) -> u64 {{ a.wrapping_add(b) }}"),
        4 => format!("fn m{i}<'a>(&self, s: &'a str) -> &'a str;"),
        5 => format!("fn m{i}(&self) -> Self::Out;"),
        6 => format!("fn m{i}(&self, v: &[u64]) -> Option<u64>;"),
        _ => format!("fn m{i}<I>(&self, it: I) -> u64 where I: IntoIterator<Item = u64>;"),
    }
}

/// The trait method's declaration in the `enum-*` crates: no associated
/// type.
fn enum_decl(i: usize) -> String {
    match i % SHAPES {
        5 => format!("fn m{i}(&self, k: u8) -> (u64, u8);"),
        _ => decl(i),
    }
}

/// The implementors' body in the `enum-*` crates.
fn enum_concrete(i: usize) -> Option<String> {
    match i % SHAPES {
        5 => Some(format!(
            "fn m{i}(&self, k: u8) -> (u64, u8) {{ (self.0, k) }}"
        )),
        _ => concrete(i),
    }
}

/// The `match` forwarding method `i` to enum `AnyBig`'s active variant:
/// the arms the derive writes, without its where clause.
fn enum_forwarder(i: usize) -> String {
    let (sig, turbofish, args) = match i % SHAPES {
        0 => (format!("fn m{i}(&self) -> u64"), "", ""),
        1 => (format!("fn m{i}(&mut self, x: u64) -> u64"), "", ", x"),
        2 => (
            format!("fn m{i}<T: Into<u64>>(&self, x: T) -> u64"),
            "::<T>",
            ", x",
        ),
        3 => (format!("fn m{i}(&self, a: u64, b: u64) -> u64"), "", ", a, b"),
        4 => (format!("fn m{i}<'a>(&self, s: &'a str) -> &'a str"), "", ", s"),
        5 => (format!("fn m{i}(&self, k: u8) -> (u64, u8)"), "", ", k"),
        6 => (format!("fn m{i}(&self, v: &[u64]) -> Option<u64>"), "", ", v"),
        _ => (
            format!("fn m{i}<I>(&self, it: I) -> u64 where I: IntoIterator<Item = u64>"),
            "::<I>",
            ", it",
        ),
    };
    let mut out = format!("{sig} {{\n        match self {{\n");
    for k in 0..VARIANTS {
        writeln!(
            out,
            "            AnyBig::V{k}(__v) => Big::m{i}{turbofish}(__v{args}),"
        )
        .unwrap();
    }
    out.push_str("        }\n    }");
    out
}

/// One `enum-*` crate: the trait, `VARIANTS` implementors, the enum, and
/// for `variant` its forwarding.
fn generate_enum(variant: &str, n: usize) -> Result<String, String> {
    let mut out = String::new();
    let w = &mut out;
    writeln!(
        w,
        "//! Generated by lazy-core/benches/compile_time/gen.rs: variant `{variant}`, {n} methods, {VARIANTS} variants."
    )
    .unwrap();
    writeln!(w, "#![allow(clippy::all)]\n").unwrap();

    // The trait.
    match variant {
        "enum-derive" => writeln!(w, "#[::lazy_core::forwardable]").unwrap(),
        "enum-dispatch" => writeln!(w, "#[::enum_dispatch::enum_dispatch]").unwrap(),
        "enum-none" | "enum-hand" => {}
        other => return Err(format!("unknown variant `{other}`")),
    }
    writeln!(w, "pub trait Big {{").unwrap();
    for i in 0..n {
        writeln!(w, "    {}", enum_decl(i)).unwrap();
    }
    writeln!(w, "}}\n").unwrap();

    // The implementors.
    for k in 0..VARIANTS {
        writeln!(w, "pub struct C{k}(pub u64);\n").unwrap();
        writeln!(w, "impl Big for C{k} {{").unwrap();
        for body in (0..n).filter_map(enum_concrete) {
            writeln!(w, "    {body}").unwrap();
        }
        writeln!(w, "}}\n").unwrap();
    }

    // The enum.
    match variant {
        "enum-derive" => writeln!(
            w,
            "#[derive(::lazy_core::RealizeForward)]\n#[realize_forward(Big)]"
        )
        .unwrap(),
        "enum-dispatch" => writeln!(w, "#[::enum_dispatch::enum_dispatch(Big)]").unwrap(),
        _ => {}
    }
    writeln!(w, "pub enum AnyBig {{").unwrap();
    for k in 0..VARIANTS {
        writeln!(w, "    V{k}(C{k}),").unwrap();
    }
    writeln!(w, "}}\n").unwrap();

    // The forwarding written by hand.
    if variant == "enum-hand" {
        writeln!(w, "impl Big for AnyBig {{").unwrap();
        for i in 0..n {
            writeln!(w, "    #[inline]\n    {}", enum_forwarder(i)).unwrap();
        }
        writeln!(w, "}}").unwrap();
    }
    Ok(out)
}

/// One `local-*` crate: the trait of module-local types, its implementor
/// and a lazy wrapper, and for `variant` its forwarding.
fn generate_local(variant: &str, n: usize) -> Result<String, String> {
    let mut out = String::new();
    let w = &mut out;
    writeln!(
        w,
        "//! Generated by lazy-core/benches/compile_time/gen.rs: variant `{variant}`, {n} methods."
    )
    .unwrap();
    writeln!(w, "#![allow(clippy::all)]\n").unwrap();
    writeln!(w, "pub type Result<T> = ::std::result::Result<T, String>;\n").unwrap();
    writeln!(w, "pub struct Tag(pub u64);\n").unwrap();
    match variant {
        "local-derive" => writeln!(w, "#[::lazy_core::forwardable]").unwrap(),
        "local-blanket" => writeln!(w, "#[::lazy_core::forwardable(blanket)]").unwrap(),
        "local-none" | "local-hand" => {}
        other => return Err(format!("unknown variant `{other}`")),
    }
    let signature = |i: usize| format!("fn m{i}(&self, t: &Tag) -> Result<Tag>");
    writeln!(w, "pub trait Big {{").unwrap();
    for i in 0..n {
        writeln!(w, "    {};", signature(i)).unwrap();
    }
    writeln!(w, "}}\n").unwrap();
    writeln!(w, "pub struct Concrete(pub u64);\n").unwrap();
    writeln!(w, "impl Big for Concrete {{").unwrap();
    for i in 0..n {
        writeln!(
            w,
            "    {} {{ Ok(Tag(t.0 ^ self.0 ^ {i})) }}",
            signature(i)
        )
        .unwrap();
    }
    writeln!(w, "}}\n").unwrap();
    if variant == "local-derive" || variant == "local-blanket" {
        writeln!(
            w,
            "#[derive(::lazy_core::RealizeForward)]\n#[realize_forward(Big)]"
        )
        .unwrap();
    }
    writeln!(w, "pub struct Wrapper {{").unwrap();
    if variant == "local-derive" || variant == "local-blanket" {
        writeln!(w, "    #[realize]").unwrap();
    }
    writeln!(
        w,
        "    cache: ::lazy_core::Lazy<Concrete, fn() -> Concrete>,\n}}\n"
    )
    .unwrap();
    writeln!(
        w,
        "pub fn new_wrapper() -> Wrapper {{\n    Wrapper {{ cache: ::lazy_core::Lazy::new(|| Concrete(1)) }}\n}}\n"
    )
    .unwrap();
    if variant == "local-hand" {
        writeln!(w, "impl Big for Wrapper {{").unwrap();
        for i in 0..n {
            writeln!(
                w,
                "    #[inline]\n    {} {{ Big::m{i}(::lazy_core::Realize::realize(&self.cache), t) }}",
                signature(i)
            )
            .unwrap();
        }
        writeln!(w, "}}").unwrap();
    }
    Ok(out)
}

/// The signature alone, as `delegate!` wants it.
fn signature(i: usize) -> String {
    match i % SHAPES {
        3 => format!("fn m{i}(&self, a: u64, b: u64) -> u64;"),
        _ => decl(i),
    }
}

/// The implementor's body, `None` to keep the trait's default.
fn concrete(i: usize) -> Option<String> {
    let body = match i % SHAPES {
        0 => format!("fn m{i}(&self) -> u64 {{ self.0.wrapping_add({i}) }}"),
        1 => format!("fn m{i}(&mut self, x: u64) -> u64 {{ self.0 ^= x; self.0 }}"),
        2 => format!("fn m{i}<T: Into<u64>>(&self, x: T) -> u64 {{ self.0 ^ x.into() }}"),
        3 => return None,
        4 => format!("fn m{i}<'a>(&self, s: &'a str) -> &'a str {{ s }}"),
        5 => format!("fn m{i}(&self) -> Self::Out {{ self.0 }}"),
        6 => format!("fn m{i}(&self, v: &[u64]) -> Option<u64> {{ v.get({i} % 4).copied() }}"),
        _ => format!(
            "fn m{i}<I>(&self, it: I) -> u64 where I: IntoIterator<Item = u64> {{ it.into_iter().sum() }}"
        ),
    };
    Some(body)
}

/// The forwarder written by hand, as the derive writes it.
fn forwarder(i: usize) -> String {
    let r = "::lazy_core::Realize::realize(&self.cache)";
    let m = "::lazy_core::RealizeMut::realize_mut(&mut self.cache)";
    match i % SHAPES {
        0 => format!("fn m{i}(&self) -> u64 {{ Big::m{i}({r}) }}"),
        1 => format!("fn m{i}(&mut self, x: u64) -> u64 {{ Big::m{i}({m}, x) }}"),
        2 => format!(
            "fn m{i}<T: Into<u64>>(&self, x: T) -> u64 {{ Big::m{i}::<T>({r}, x) }}"
        ),
        3 => format!("fn m{i}(&self, a: u64, b: u64) -> u64 {{ Big::m{i}({r}, a, b) }}"),
        4 => format!("fn m{i}<'a>(&self, s: &'a str) -> &'a str {{ Big::m{i}({r}, s) }}"),
        5 => format!("fn m{i}(&self) -> Self::Out {{ Big::m{i}({r}) }}"),
        6 => format!(
            "fn m{i}(&self, v: &[u64]) -> Option<u64> {{ Big::m{i}({r}, v) }}"
        ),
        _ => format!(
            "fn m{i}<I>(&self, it: I) -> u64 where I: IntoIterator<Item = u64> {{ Big::m{i}::<I>({r}, it) }}"
        ),
    }
}

/// A call of method `i` of the wrapper `w`, folded into `s`.
fn call(i: usize) -> String {
    match i % SHAPES {
        0 | 5 => format!("s ^= w.m{i}();"),
        1 => format!("s ^= w.m{i}(s);"),
        2 => format!("s ^= w.m{i}(1u32);"),
        3 => format!("s ^= w.m{i}(s, 1);"),
        4 => format!("s ^= w.m{i}(\"ab\").len() as u64;"),
        6 => format!("s ^= w.m{i}(&[s, 1]).unwrap_or(0);"),
        _ => format!("s ^= w.m{i}([s, 1]);"),
    }
}

/// The `use-*` crates: every method of the wrapper of crate `lib` called
/// once.
fn generate_caller(variant: &str, n: usize) -> Result<String, String> {
    let lib = match variant {
        "use-hand" | "use-derive" | "use-blanket" => &variant["use-".len()..],
        other => return Err(format!("unknown variant `{other}`")),
    };
    let mut out = String::new();
    let w = &mut out;
    writeln!(
        w,
        "//! Generated by lazy-core/benches/compile_time/gen.rs: variant `{variant}`, {n} methods."
    )
    .unwrap();
    writeln!(w, "#![allow(clippy::all)]\n").unwrap();
    writeln!(w, "use {lib}_{n}::Big;\n").unwrap();
    writeln!(w, "pub fn call_all(s: u64) -> u64 {{").unwrap();
    writeln!(w, "    let mut w = {lib}_{n}::new_wrapper();").unwrap();
    writeln!(w, "    let mut s = s;").unwrap();
    for i in 0..n {
        writeln!(w, "    {}", call(i)).unwrap();
    }
    writeln!(w, "    s\n}}").unwrap();
    Ok(out)
}

fn generate(full_variant: &str, n: usize) -> Result<String, String> {
    if full_variant.starts_with("use-") {
        return generate_caller(full_variant, n);
    }
    if full_variant.starts_with("enum-") {
        return generate_enum(full_variant, n);
    }
    if full_variant.starts_with("local-") {
        return generate_local(full_variant, n);
    }
    let (variant, wrappers) = match full_variant {
        "hand3" => ("hand", 3),
        "derive3" => ("derive", 3),
        "blanket3" => ("blanket", 3),
        other => (other, 1),
    };
    let mut out = String::new();
    let w = &mut out;
    writeln!(
        w,
        "//! Generated by lazy-core/benches/compile_time/gen.rs: variant `{full_variant}`, {n} methods."
    )
    .unwrap();
    writeln!(w, "#![allow(clippy::all)]\n").unwrap();

    // The trait.
    match variant {
        "derive" | "forwardable" => writeln!(w, "#[::lazy_core::forwardable]").unwrap(),
        "blanket" => writeln!(w, "#[::lazy_core::forwardable(blanket)]").unwrap(),
        "ambassador" => writeln!(w, "#[::ambassador::delegatable_trait]").unwrap(),
        "none" | "hand" | "delegate" => {}
        other => return Err(format!("unknown variant `{other}`")),
    }
    writeln!(w, "pub trait Big {{\n    type Out: Clone;").unwrap();
    for i in 0..n {
        writeln!(w, "    {}", decl(i)).unwrap();
    }
    writeln!(w, "}}\n").unwrap();

    // The implementor.
    writeln!(w, "pub struct Concrete(pub u64);\n").unwrap();
    writeln!(w, "impl Big for Concrete {{\n    type Out = u64;").unwrap();
    for body in (0..n).filter_map(concrete) {
        writeln!(w, "    {body}").unwrap();
    }
    writeln!(w, "}}\n").unwrap();

    for k in 1..=wrappers {
        // `Wrapper`, then `Wrapper2`, `Wrapper3`.
        let name = if k == 1 {
            String::from("Wrapper")
        } else {
            format!("Wrapper{k}")
        };
        wrapper(w, variant, &name, n);
    }
    Ok(out)
}

/// One wrapper named `name` and, for `variant`, its forwarding of `Big`.
fn wrapper(w: &mut String, variant: &str, name: &str, n: usize) {
    let lower = name.to_lowercase();
    // The wrapper.
    let derived = variant == "derive" || variant == "blanket";
    if derived {
        writeln!(
            w,
            "#[derive(::lazy_core::RealizeForward)]\n#[realize_forward(Big)]"
        )
        .unwrap();
    }
    writeln!(w, "pub struct {name} {{").unwrap();
    if derived {
        writeln!(w, "    #[realize]").unwrap();
    }
    writeln!(
        w,
        "    cache: ::lazy_core::Lazy<Concrete, fn() -> Concrete>,\n}}\n"
    )
    .unwrap();
    writeln!(
        w,
        "pub fn new_{lower}() -> {name} {{\n    {name} {{ cache: ::lazy_core::Lazy::new(|| Concrete(1)) }}\n}}\n"
    )
    .unwrap();
    writeln!(
        w,
        "pub fn is_realized_{lower}(wrapper: &{name}) -> bool {{\n    ::lazy_core::Lazy::is_realized(&wrapper.cache)\n}}\n"
    )
    .unwrap();

    // The forwarding.
    match variant {
        "hand" => {
            writeln!(
                w,
                "impl Big for {name} {{\n    type Out = <Concrete as Big>::Out;"
            )
            .unwrap();
            for i in 0..n {
                writeln!(w, "    #[inline]\n    {}", forwarder(i)).unwrap();
            }
            writeln!(w, "}}").unwrap();
        }
        "ambassador" => {
            writeln!(
                w,
                "#[::ambassador::delegate_to_methods]\n#[delegate(Big, target_ref = \"inner_ref\", target_mut = \"inner_mut\")]\nimpl {name} {{\n    fn inner_ref(&self) -> &Concrete {{ ::lazy_core::Realize::realize(&self.cache) }}\n    fn inner_mut(&mut self) -> &mut Concrete {{ ::lazy_core::RealizeMut::realize_mut(&mut self.cache) }}\n}}"
            )
            .unwrap();
        }
        "delegate" => {
            if name == "Wrapper" {
                writeln!(w, "use ::lazy_core::{{Realize as _, RealizeMut as _}};\n").unwrap();
            }
            writeln!(
                w,
                "impl Big for {name} {{\n    type Out = <Concrete as Big>::Out;"
            )
            .unwrap();
            writeln!(
                w,
                "    ::delegate::delegate! {{\n        to self.cache.realize() {{"
            )
            .unwrap();
            for i in (0..n).filter(|i| i % SHAPES != 1) {
                writeln!(w, "            {}", signature(i)).unwrap();
            }
            writeln!(w, "        }}\n        to self.cache.realize_mut() {{").unwrap();
            for i in (0..n).filter(|i| i % SHAPES == 1) {
                writeln!(w, "            {}", signature(i)).unwrap();
            }
            writeln!(w, "        }}\n    }}\n}}").unwrap();
        }
        _ => {}
    }
}

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let (Some(variant), Some(Ok(n))) = (args.first(), args.get(1).map(|n| n.parse::<usize>()))
    else {
        eprintln!(
            "usage: gen <none|forwardable|hand|derive|blanket|ambassador|delegate|hand3|derive3|blanket3|enum-none|enum-hand|enum-derive|enum-dispatch|local-*|use-hand|use-derive|use-blanket> <methods>"
        );
        exit(2);
    };
    match generate(variant, n) {
        Ok(text) => print!("{text}"),
        Err(message) => {
            eprintln!("gen: {message}");
            exit(2);
        }
    }
}
