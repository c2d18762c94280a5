//! Writes `$OUT_DIR/generated.rs`: random forwardable traits (a fixed seed,
//! no network), a real implementation and a derived wrapper for each, and a
//! `check` per trait that calls every method once on a fresh wrapper and on
//! an eager value.
//!
//! The shapes are the ones the derive promises to forward or keep: every
//! receiver it forwards, generic methods (type, const, lifetime parameters,
//! parameters only the return type fixes), `impl Trait` arguments and
//! returns, `async`, `unsafe`, `extern "C"`, associated types (with a GAT)
//! and consts, trait type and lifetime parameters, defaults (forwarded, or
//! kept where the rules say so), `except(...)`, attributes, parameter names
//! that clash with the derive's own, and wrappers that are tuple structs,
//! generic, or realize through `deref`.

use std::env;
use std::fmt::Write as _;
use std::path::PathBuf;

/// splitmix64: small, fixed, good enough to pick shapes.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Receiver {
    Ref,
    Mut,
    Value,
    MutValue,
    Boxed,
    /// `&'t self`, with the trait's lifetime.
    RefTraitLifetime,
}

#[derive(Clone, Copy, PartialEq)]
enum Arg {
    U64,
    Str,
    Slice,
    Opt,
    ImplInto,
    Closure,
    Dyn,
    /// A method type parameter `T: Into<u64> + Copy`.
    Generic,
    /// `[u8; N]` with a method const parameter `N`.
    ConstArray,
    /// `&'b str` with a method lifetime parameter `'b`.
    Lifetime,
    /// The trait's type parameter `P`.
    TraitParam,
    /// `&'t str` with the trait's lifetime.
    TraitLifetime,
    /// `(a, b): (u64, u64)`: only in methods with a default body.
    TuplePattern,
}

#[derive(Clone, Copy, PartialEq)]
enum Ret {
    U64,
    Text,
    List,
    Maybe,
    /// `Self::Out`, an associated type.
    Assoc,
    /// `impl Iterator<Item = u64>`.
    Iter,
    /// A type parameter `R: From<u64>` that only the return type fixes.
    Generic,
    Unit,
    StaticStr,
}

/// A method that is forwarded: the wrapper's answer must equal the target's.
struct Forwarded {
    name: String,
    attrs: Vec<&'static str>,
    asyncness: bool,
    unsafety: bool,
    extern_c: bool,
    receiver: Receiver,
    args: Vec<(String, Arg)>,
    ret: Ret,
    /// A default body in the trait (the target overrides it).
    default: bool,
    /// `where Self: Sized` without a default: forwarded, needs a sized target.
    sized: bool,
    /// A first parameter under `#[cfg(any())]`, which exists nowhere.
    cfg_param: bool,
    salt: u64,
}

enum Method {
    Forwarded(Forwarded),
    /// `where Self: Sized` with a default: the default stays.
    KeptSized {
        name: String,
    },
    /// No receiver, with a default: the default stays.
    Receiverless {
        name: String,
    },
    /// `Self` as an argument, with a default: the default stays.
    SelfArg {
        name: String,
    },
    /// Listed in `except(...)`: the wrapper's inherent method answers.
    Excepted {
        name: String,
    },
    /// `#[cfg(any())]`: exists nowhere.
    CfgOff {
        name: String,
    },
}

struct Trait {
    index: usize,
    deprecated: bool,
    lifetime: bool,
    param: bool,
    gat: bool,
    constant: Option<bool>,
    methods: Vec<Method>,
    /// Wrapper shape.
    tuple: bool,
    generic_wrapper: bool,
    deref: bool,
    source_field: bool,
}

const NAMES: &[&str] = &[
    "get",
    "realize",
    "into_realized",
    "realize_mut",
    "call",
    "fetch",
    "r#type",
    "r#match",
    "size",
    "describe",
];

const PARAM_NAMES: &[&str] = &[
    "x", "realized", "__arg0", "__arg1", "value", "r#in", "__self", "args", "seed",
];

fn forwarded(rng: &mut Rng, name: String, t: &Trait) -> Forwarded {
    let mut receivers = vec![
        Receiver::Ref,
        Receiver::Ref,
        Receiver::Mut,
        Receiver::Mut,
        Receiver::Value,
        Receiver::MutValue,
        Receiver::Boxed,
    ];
    if t.lifetime {
        receivers.push(Receiver::RefTraitLifetime);
    }
    let receiver = rng.pick(&receivers);
    // A default body that takes `self` by value would need `Self: Sized`.
    let default = !matches!(receiver, Receiver::Value | Receiver::MutValue) && rng.chance(25);
    let mut kinds = vec![
        Arg::U64,
        Arg::U64,
        Arg::Str,
        Arg::Slice,
        Arg::Opt,
        Arg::ImplInto,
        Arg::Closure,
        Arg::Dyn,
        Arg::Generic,
        Arg::ConstArray,
        Arg::Lifetime,
    ];
    if t.param {
        kinds.push(Arg::TraitParam);
    }
    if t.lifetime {
        kinds.push(Arg::TraitLifetime);
    }
    if default {
        kinds.push(Arg::TuplePattern);
    }
    let mut names: Vec<&str> = PARAM_NAMES.to_vec();
    let mut args = Vec::new();
    for _ in 0..rng.below(4) {
        let name = names.remove(rng.below(names.len()));
        args.push((name.to_owned(), rng.pick(&kinds)));
    }
    let mut rets = vec![
        Ret::U64,
        Ret::U64,
        Ret::Text,
        Ret::List,
        Ret::Maybe,
        Ret::Iter,
        Ret::Generic,
        Ret::Unit,
        Ret::StaticStr,
    ];
    if !default {
        rets.push(Ret::Assoc);
    }
    let mut ret = rng.pick(&rets);
    let impl_arg = args
        .iter()
        .any(|(_, a)| matches!(a, Arg::ImplInto | Arg::Closure));
    if ret == Ret::Generic && impl_arg {
        // An explicit turbofish is not allowed beside `impl Trait` arguments.
        ret = Ret::U64;
    }
    let asyncness = rng.chance(10);
    // By value, `Self` is not FFI-safe.
    let extern_c = !asyncness
        && matches!(
            receiver,
            Receiver::Ref | Receiver::Mut | Receiver::RefTraitLifetime
        )
        && rng.chance(8)
        && ret == Ret::U64
        && args.iter().all(|(_, a)| *a == Arg::U64);
    let mut attrs = Vec::new();
    for (attr, percent) in [
        ("#[must_use]", 8),
        ("/// Generated.", 10),
        ("#[deprecated(note = \"generated\")]", 4),
        ("#[cfg(all())]", 5),
    ] {
        if rng.chance(percent) {
            attrs.push(attr);
        }
    }
    let unsafety = rng.chance(10);
    if unsafety {
        attrs.push("/// # Safety\n    /// Generated: nothing to uphold.");
    }
    if ret == Ret::Unit {
        attrs.retain(|attr| *attr != "#[must_use]");
    }
    Forwarded {
        name,
        attrs,
        asyncness,
        unsafety,
        extern_c,
        receiver,
        args,
        ret,
        default,
        sized: !default && rng.chance(8),
        cfg_param: rng.chance(8),
        salt: rng.next() >> 8,
    }
}

fn make_trait(rng: &mut Rng, index: usize) -> Trait {
    let mut t = Trait {
        index,
        deprecated: rng.chance(3),
        lifetime: rng.chance(15),
        param: rng.chance(20),
        gat: rng.chance(10),
        constant: rng.chance(20).then(|| rng.chance(50)),
        methods: Vec::new(),
        tuple: rng.chance(30),
        generic_wrapper: rng.chance(20),
        deref: false,
        source_field: rng.chance(30),
    };
    let mut names: Vec<&str> = NAMES.to_vec();
    let count = 2 + rng.below(4);
    for _ in 0..count {
        let base = names.remove(rng.below(names.len()));
        let name = base.to_owned();
        let roll = rng.below(100);
        let method = match roll {
            0..=4 => Method::KeptSized { name },
            5..=8 => Method::Receiverless { name },
            9..=11 => Method::SelfArg { name },
            12..=16 => Method::Excepted { name },
            17..=18 => Method::CfgOff { name },
            _ => Method::Forwarded(forwarded(rng, name, &t)),
        };
        t.methods.push(method);
    }
    let by_value = t.methods.iter().any(|m| {
        matches!(m, Method::Forwarded(f) if matches!(f.receiver, Receiver::Value | Receiver::MutValue | Receiver::Boxed))
    });
    t.deref = !by_value && rng.chance(20);
    t
}

impl Arg {
    /// The parameter's type.
    fn ty(self, i: usize) -> String {
        match self {
            Arg::U64 => "u64".into(),
            Arg::Str => "&str".into(),
            Arg::Slice => "&[u32]".into(),
            Arg::Opt => "Option<u32>".into(),
            Arg::ImplInto => "impl Into<u64>".into(),
            Arg::Closure => "impl Fn(u64) -> u64".into(),
            Arg::Dyn => "&dyn Fn(u64) -> u64".into(),
            Arg::Generic => format!("T{i}"),
            Arg::ConstArray => format!("[u8; N{i}]"),
            Arg::Lifetime => format!("&'b{i} str"),
            Arg::TraitParam => "P".into(),
            Arg::TraitLifetime => "&'t str".into(),
            Arg::TuplePattern => "(u64, u64)".into(),
        }
    }

    /// The method's generic parameter this argument needs.
    fn generic(self, i: usize) -> Option<String> {
        match self {
            Arg::Generic => Some(format!("T{i}: Into<u64> + Copy")),
            Arg::ConstArray => Some(format!("const N{i}: usize")),
            Arg::Lifetime => Some(format!("'b{i}")),
            _ => None,
        }
    }

    /// The value passed in the checks.
    fn value(self, i: usize) -> String {
        let n = i as u64 + 2;
        match self {
            Arg::U64 => format!("{}_u64", n * 7),
            Arg::Str => format!("\"s{n}\""),
            Arg::Slice => format!("&[{n}, 5, 8]"),
            Arg::Opt => format!("Some({n})"),
            Arg::ImplInto => format!("{n}_u8"),
            Arg::Closure => format!("|v: u64| v.wrapping_mul({n})"),
            Arg::Dyn => format!("&|v: u64| v ^ {n}"),
            Arg::Generic => format!("{n}_u16"),
            Arg::ConstArray => format!("[{n}_u8, 1, 4]"),
            Arg::Lifetime => format!("\"life{n}\""),
            Arg::TraitParam => format!("{n}_u8"),
            Arg::TraitLifetime => format!("\"trait{n}\""),
            Arg::TuplePattern => format!("({n}, 9)"),
        }
    }

    /// The pattern the real implementation binds it with.
    fn pattern(self, name: &str) -> String {
        match self {
            Arg::TuplePattern => {
                let name = name.trim_start_matches("r#").trim_start_matches('_');
                format!("(a_{name}, b_{name})")
            }
            _ => name.into(),
        }
    }

    /// What the real implementation folds into its answer.
    fn fold(self, name: &str, i: usize) -> String {
        match self {
            Arg::U64 => name.into(),
            Arg::Str | Arg::Lifetime | Arg::TraitLifetime => format!("{name}.len() as u64"),
            Arg::Slice => format!("{name}.iter().map(|v| u64::from(*v)).sum::<u64>()"),
            Arg::Opt => format!("u64::from({name}.unwrap_or(9))"),
            Arg::ImplInto | Arg::Generic | Arg::TraitParam => format!("{name}.into()"),
            Arg::Closure | Arg::Dyn => format!("{name}(3)"),
            Arg::ConstArray => {
                format!("{name}.iter().map(|v| u64::from(*v)).sum::<u64>() + N{i} as u64")
            }
            Arg::TuplePattern => {
                let name = name.trim_start_matches("r#").trim_start_matches('_');
                format!("a_{name}.wrapping_mul(b_{name})")
            }
        }
    }
}

impl Ret {
    fn ty(self) -> &'static str {
        match self {
            Ret::U64 => " -> u64",
            Ret::Text => " -> String",
            Ret::List => " -> Vec<u64>",
            Ret::Maybe => " -> Option<u64>",
            Ret::Assoc => " -> Self::Out",
            Ret::Iter => " -> impl Iterator<Item = u64>",
            Ret::Generic => " -> R",
            Ret::Unit => "",
            Ret::StaticStr => " -> &'static str",
        }
    }

    fn wrap(self, acc: &str) -> String {
        match self {
            Ret::U64 | Ret::Assoc => acc.into(),
            Ret::Text => format!("format!(\"v{{}}\", {acc})"),
            Ret::List => format!("vec![{acc}, {acc} / 3]"),
            Ret::Maybe => format!("Some({acc})"),
            Ret::Iter => format!("vec![{acc}, 1].into_iter()"),
            Ret::Generic => format!("R::from({acc})"),
            Ret::Unit => format!("{{ let _ = {acc}; }}"),
            Ret::StaticStr => format!("if {acc} & 1 == 0 {{ \"even\" }} else {{ \"odd\" }}"),
        }
    }

    /// A default body's value: never what the target answers.
    fn dummy(self) -> &'static str {
        match self {
            Ret::U64 => "0",
            Ret::Text => "String::new()",
            Ret::List => "Vec::new()",
            Ret::Maybe => "None",
            Ret::Iter => "::std::iter::empty()",
            Ret::Generic => "R::from(0)",
            Ret::Unit => "",
            Ret::StaticStr => "\"default\"",
            Ret::Assoc => "unreachable!()",
        }
    }
}

impl Forwarded {
    /// The receiver; `mut self` only where there is a body.
    fn receiver(&self, body: bool) -> &'static str {
        match self.receiver {
            Receiver::Ref => "&self",
            Receiver::Mut => "&mut self",
            Receiver::Value => "self",
            Receiver::MutValue if body => "mut self",
            Receiver::MutValue => "self",
            Receiver::Boxed => "self: Box<Self>",
            Receiver::RefTraitLifetime => "&'t self",
        }
    }

    fn generics(&self) -> String {
        let mut params: Vec<String> = self
            .args
            .iter()
            .enumerate()
            .filter_map(|(i, (_, a))| a.generic(i))
            .collect();
        // Lifetimes first.
        params.sort_by_key(|p| !p.starts_with('\''));
        if self.ret == Ret::Generic {
            params.push("R: From<u64>".into());
        }
        if params.is_empty() {
            String::new()
        } else {
            format!("<{}>", params.join(", "))
        }
    }

    /// `async unsafe extern "C" fn name<..>(receiver, args) -> ret`, with
    /// the real implementation's patterns or the trait's names.
    fn signature(&self, patterns: bool) -> String {
        let mut out = String::new();
        if self.asyncness {
            out.push_str("async ");
        }
        if self.unsafety {
            out.push_str("unsafe ");
        }
        if self.extern_c {
            out.push_str("extern \"C\" ");
        }
        let mut inputs = vec![self.receiver(patterns).to_owned()];
        if self.cfg_param {
            inputs.push("#[cfg(any())] gone: u64".into());
        }
        for (i, (name, arg)) in self.args.iter().enumerate() {
            let binding = if patterns {
                arg.pattern(name)
            } else {
                name.clone()
            };
            inputs.push(format!("{binding}: {}", arg.ty(i)));
        }
        let _ = write!(
            out,
            "fn {}{}({}){}",
            self.name,
            self.generics(),
            inputs.join(", "),
            self.ret.ty()
        );
        if self.sized {
            out.push_str(" where Self: Sized");
        }
        out
    }

    fn body(&self) -> String {
        let mut out = format!("let mut acc: u64 = {};", self.salt);
        match self.receiver {
            Receiver::Mut | Receiver::MutValue => {
                out.push_str(" self.k = self.k.wrapping_add(1);");
            }
            _ => {}
        }
        out.push_str(" acc = acc.wrapping_mul(31).wrapping_add(self.k);");
        for (i, (name, arg)) in self.args.iter().enumerate() {
            let _ = write!(
                out,
                " acc = acc.wrapping_mul(31).wrapping_add({});",
                arg.fold(name, i)
            );
        }
        let _ = write!(out, " {}", self.ret.wrap("acc"));
        out
    }

    /// The default body in the trait: uses every argument, answers a dummy.
    fn default_body(&self) -> String {
        let names: Vec<String> = self
            .args
            .iter()
            .map(|(name, arg)| arg.pattern(name))
            .collect();
        format!(
            "{{ let _ = ({},); {} }}",
            names
                .iter()
                .map(|n| format!("&{n}"))
                .chain(["&self".to_owned()])
                .collect::<Vec<_>>()
                .join(", "),
            self.ret.dummy()
        )
    }

    /// The call of this method on `recv` (an expression of the wrapper or
    /// the eager value) through `<ty as trait>`.
    fn call(&self, ty: &str, trait_path: &str, recv: &str) -> String {
        let recv = match self.receiver {
            Receiver::Ref | Receiver::RefTraitLifetime => format!("&{recv}"),
            Receiver::Mut => format!("&mut {recv}"),
            Receiver::Value | Receiver::MutValue => recv.to_owned(),
            Receiver::Boxed => format!("Box::new({recv})"),
        };
        let turbofish = if self.ret == Ret::Generic {
            let mut types: Vec<String> = Vec::new();
            for (i, (_, arg)) in self.args.iter().enumerate() {
                match arg {
                    Arg::Generic => types.push("u16".into()),
                    Arg::ConstArray => types.push("3".into()),
                    _ => {}
                }
                let _ = i;
            }
            types.push("u64".into());
            format!("::<{}>", types.join(", "))
        } else {
            String::new()
        };
        let args: Vec<String> = std::iter::once(recv)
            .chain(
                self.args
                    .iter()
                    .enumerate()
                    .map(|(i, (_, arg))| arg.value(i)),
            )
            .collect();
        let mut call = format!(
            "<{ty} as {trait_path}>::{}{turbofish}({})",
            self.name,
            args.join(", ")
        );
        if self.asyncness {
            call = format!("crate::block_on({call})");
        }
        if self.unsafety {
            call = format!("unsafe {{ {call} }}");
        }
        if self.ret == Ret::Iter {
            call = format!("({call}).collect::<Vec<u64>>()");
        }
        call
    }
}

impl Trait {
    fn name(&self) -> String {
        format!("Trait{}", self.index)
    }

    fn generics_decl(&self) -> String {
        let mut params = Vec::new();
        if self.lifetime {
            params.push("'t");
        }
        if self.param {
            params.push("P: Copy + Into<u64>");
        }
        if params.is_empty() {
            String::new()
        } else {
            format!("<{}>", params.join(", "))
        }
    }

    /// How the checks name the trait.
    fn path(&self) -> String {
        if self.param {
            format!("{}<u8>", self.name())
        } else {
            self.name()
        }
    }

    fn impl_header(&self) -> String {
        let mut params = Vec::new();
        let mut args = Vec::new();
        if self.lifetime {
            params.push("'t");
            args.push("'t");
        }
        if self.param {
            params.push("P: Copy + Into<u64>");
            args.push("P");
        }
        if params.is_empty() {
            format!("impl {} for Real{}", self.name(), self.index)
        } else {
            format!(
                "impl<{}> {}<{}> for Real{}",
                params.join(", "),
                self.name(),
                args.join(", "),
                self.index
            )
        }
    }

    fn wrapper_ty(&self) -> String {
        if self.generic_wrapper {
            format!("Lazy{}<u8>", self.index)
        } else {
            format!("Lazy{}", self.index)
        }
    }

    fn uses_assoc(&self) -> bool {
        self.methods
            .iter()
            .any(|m| matches!(m, Method::Forwarded(f) if f.ret == Ret::Assoc))
    }

    fn write(&self, out: &mut String) {
        let i = self.index;
        let name = self.name();
        let real = format!("Real{i}");
        let allow_deprecated = if self.deprecated {
            "#[allow(deprecated)]\n"
        } else {
            ""
        };
        // A deprecated trait is used on purpose all over its module.
        let _ = writeln!(out, "{allow_deprecated}pub mod t{i} {{");

        // The trait.
        let _ = writeln!(out, "#[::lazy_core::forwardable]");
        if self.deprecated {
            let _ = writeln!(out, "#[deprecated(note = \"generated\")]");
        }
        let _ = writeln!(out, "pub trait {name}{} {{", self.generics_decl());
        if self.uses_assoc() {
            let _ = writeln!(out, "    type Out: PartialEq + ::core::fmt::Debug;");
        }
        if self.gat {
            let _ = writeln!(
                out,
                "    type View<'v>: PartialEq + ::core::fmt::Debug where Self: 'v;\n    fn view(&self) -> Self::View<'_>;"
            );
        }
        match self.constant {
            Some(true) => {
                let _ = writeln!(out, "    const K: u64 = 5;");
            }
            Some(false) => {
                let _ = writeln!(out, "    const K: u64;");
            }
            None => {}
        }
        for method in &self.methods {
            match method {
                Method::Forwarded(f) => {
                    for attr in &f.attrs {
                        let _ = writeln!(out, "    {attr}");
                    }
                    if f.default {
                        let _ = writeln!(out, "    {} {}", f.signature(true), f.default_body());
                    } else {
                        let _ = writeln!(out, "    {};", f.signature(false));
                    }
                }
                Method::KeptSized { name } => {
                    let _ = writeln!(
                        out,
                        "    fn {name}(&self) -> u64 where Self: Sized {{ 424242 }}"
                    );
                }
                Method::Receiverless { name } => {
                    let _ = writeln!(out, "    fn {name}(x: u64) -> u64 {{ x + 1 }}");
                }
                Method::SelfArg { name } => {
                    let _ = writeln!(
                        out,
                        "    fn {name}(&self, other: &Self) -> u64 {{ let _ = other; 11 }}"
                    );
                }
                Method::Excepted { name } => {
                    let _ = writeln!(out, "    fn {name}(&self, x: u64) -> u64;");
                }
                Method::CfgOff { name } => {
                    let _ = writeln!(out, "    #[cfg(any())]\n    fn {name}(&self) -> u64;");
                }
            }
        }
        let _ = writeln!(out, "}}");

        // The real implementation.
        let _ = writeln!(
            out,
            "#[derive(Clone)]\npub struct {real} {{ pub k: u64 }}\n{allow_deprecated}{} {{",
            self.impl_header()
        );
        if self.uses_assoc() {
            let _ = writeln!(out, "    type Out = u64;");
        }
        if self.gat {
            let _ = writeln!(
                out,
                "    type View<'v> = &'v u64;\n    fn view(&self) -> &u64 {{ &self.k }}"
            );
        }
        if self.constant.is_some() {
            let _ = writeln!(out, "    const K: u64 = {};", 40 + i);
        }
        for method in &self.methods {
            match method {
                Method::Forwarded(f) => {
                    let _ = writeln!(out, "    {} {{ {} }}", f.signature(true), f.body());
                }
                Method::KeptSized { name } => {
                    let _ = writeln!(out, "    fn {name}(&self) -> u64 {{ self.k + 1 }}");
                }
                Method::Receiverless { name } => {
                    let _ = writeln!(out, "    fn {name}(x: u64) -> u64 {{ x + 2 }}");
                }
                Method::SelfArg { name } => {
                    let _ = writeln!(
                        out,
                        "    fn {name}(&self, other: &Self) -> u64 {{ self.k + other.k }}"
                    );
                }
                Method::Excepted { name } => {
                    let _ = writeln!(out, "    fn {name}(&self, x: u64) -> u64 {{ x + self.k }}");
                }
                Method::CfgOff { .. } => {}
            }
        }
        let _ = writeln!(out, "}}");

        // The wrapper.
        let excepted: Vec<&str> = self
            .methods
            .iter()
            .filter_map(|m| match m {
                Method::Excepted { name } => Some(name.as_str()),
                _ => None,
            })
            .collect();
        let except = if excepted.is_empty() {
            String::new()
        } else {
            format!(", except({})", excepted.join(", "))
        };
        let (field_attr, field_ty, make) = if self.deref {
            (
                "#[realize(deref)]",
                format!("::lazy_core::Lazy<Box<{real}>, crate::Counted<Box<{real}>>>"),
                format!("Box::new({real} {{ k }})"),
            )
        } else {
            (
                "#[realize]",
                format!("::lazy_core::Lazy<{real}, crate::Counted<{real}>>"),
                format!("{real} {{ k }}"),
            )
        };
        let generics = if self.generic_wrapper { "<Z>" } else { "" };
        let _ = writeln!(
            out,
            "#[derive(::lazy_core::RealizeForward)]\n{allow_deprecated}#[realize_forward({name}{except})]"
        );
        let marker = self
            .generic_wrapper
            .then_some("::core::marker::PhantomData<Z>");
        let source = self.source_field.then_some("&'static str");
        if self.tuple {
            let mut fields = vec![format!("{field_attr} pub {field_ty}")];
            fields.extend(marker.map(|m| format!("pub {m}")));
            fields.extend(source.map(|s| format!("pub {s}")));
            let _ = writeln!(out, "pub struct Lazy{i}{generics}({});", fields.join(", "));
        } else {
            let _ = writeln!(out, "pub struct Lazy{i}{generics} {{");
            let _ = writeln!(out, "    {field_attr}\n    pub cache: {field_ty},");
            if let Some(m) = marker {
                let _ = writeln!(out, "    pub marker: {m},");
            }
            if let Some(s) = source {
                let _ = writeln!(out, "    pub source: {s},");
            }
            let _ = writeln!(out, "}}");
        }
        let mut construct = Vec::new();
        if self.tuple {
            construct.push("cache".to_owned());
            if marker.is_some() {
                construct.push("::core::marker::PhantomData".into());
            }
            if source.is_some() {
                construct.push("\"L['x']\"".into());
            }
        } else {
            construct.push("cache".to_owned());
            if marker.is_some() {
                construct.push("marker: ::core::marker::PhantomData".into());
            }
            if source.is_some() {
                construct.push("source: \"L['x']\"".into());
            }
        }
        let construct = if self.tuple {
            format!("Lazy{i}({})", construct.join(", "))
        } else {
            format!("Lazy{i} {{ {} }}", construct.join(", "))
        };
        let wrapper_ty = self.wrapper_ty();
        let _ = writeln!(
            out,
            "/// A fresh wrapper around `{real} {{ k }}`, and its build counter.\n\
             fn fresh(k: u64) -> ({wrapper_ty}, ::std::rc::Rc<::std::cell::Cell<u32>>) {{\n\
             let (cache, builds) = crate::counted(move || {make});\n\
             ({construct}, builds)\n}}"
        );
        if !excepted.is_empty() {
            let _ = writeln!(out, "impl{generics} Lazy{i}{generics} {{");
            for name in &excepted {
                let _ = writeln!(
                    out,
                    "    /// Answers without building.\n    pub fn {name}(&self, x: u64) -> u64 {{ x ^ 0xE }}"
                );
            }
            let _ = writeln!(out, "}}");
        }

        // The checks.
        let path = self.path();
        let _ = writeln!(
            out,
            "#[allow(deprecated)]\npub fn check(report: &mut crate::Report) {{\n    report.traits += 1;\n\
             {{ let (_lazy, builds) = fresh(1); assert_eq!(builds.get(), 0, \"construction builds nothing\"); }}"
        );
        if self.gat {
            let _ = writeln!(
                out,
                "    {{ let (lazy, builds) = fresh(3); let eager = {real} {{ k: 3 }};\n\
                 assert_eq!(<{wrapper_ty} as {path}>::view(&lazy), <{real} as {path}>::view(&eager), \"{name}::view\");\n\
                 assert_eq!(builds.get(), 1, \"{name}::view builds once\"); report.forwarded += 1; }}"
            );
        }
        if self.constant.is_some() {
            let _ = writeln!(
                out,
                "    assert_eq!(<{wrapper_ty} as {path}>::K, {}, \"{name}::K is the target's\"); report.forwarded += 1;",
                40 + i
            );
        }
        for (m, method) in self.methods.iter().enumerate() {
            let k = 3 + m as u64;
            match method {
                Method::Forwarded(f) => {
                    let mutable = if f.receiver == Receiver::Mut {
                        "mut "
                    } else {
                        ""
                    };
                    let lazy_call = f.call(&wrapper_ty, &path, "lazy");
                    let eager_call = f.call(&real, &path, "eager");
                    if f.ret == Ret::Unit {
                        let _ = writeln!(
                            out,
                            "    {{ let ({mutable}lazy, builds) = fresh({k}); let {mutable}eager = {real} {{ k: {k} }};\n\
                             assert_eq!(builds.get(), 0);\n\
                             {lazy_call};\n\
                             {eager_call};\n\
                             assert_eq!(builds.get(), 1, \"{name}::{} builds once\"); report.forwarded += 1; }}",
                            f.name
                        );
                        continue;
                    }
                    let _ = writeln!(
                        out,
                        "    {{ let ({mutable}lazy, builds) = fresh({k}); let {mutable}eager = {real} {{ k: {k} }};\n\
                         assert_eq!(builds.get(), 0);\n\
                         let forwarded = {lazy_call};\n\
                         let direct = {eager_call};\n\
                         assert_eq!(forwarded, direct, \"{name}::{}\");\n\
                         assert_eq!(builds.get(), 1, \"{name}::{} builds once\"); report.forwarded += 1; }}",
                        f.name, f.name
                    );
                }
                Method::KeptSized { name: method } => {
                    let _ = writeln!(
                        out,
                        "    {{ let (lazy, builds) = fresh({k});\n\
                         assert_eq!(<{wrapper_ty} as {path}>::{method}(&lazy), 424242, \"{name}::{method} keeps its default\");\n\
                         assert_eq!(builds.get(), 0); report.kept += 1; }}"
                    );
                }
                Method::Receiverless { name: method } => {
                    let _ = writeln!(
                        out,
                        "    assert_eq!(<{wrapper_ty} as {path}>::{method}(4), 5, \"{name}::{method} keeps its default\"); report.kept += 1;"
                    );
                }
                Method::SelfArg { name: method } => {
                    let _ = writeln!(
                        out,
                        "    {{ let (lazy, builds) = fresh({k}); let (other, _) = fresh(1);\n\
                         assert_eq!(<{wrapper_ty} as {path}>::{method}(&lazy, &other), 11, \"{name}::{method} keeps its default\");\n\
                         assert_eq!(builds.get(), 0); report.kept += 1; }}"
                    );
                }
                Method::Excepted { name: method } => {
                    let _ = writeln!(
                        out,
                        "    {{ let (lazy, builds) = fresh({k});\n\
                         assert_eq!(<{wrapper_ty} as {path}>::{method}(&lazy, 6), 6 ^ 0xE, \"{name}::{method} is the wrapper's\");\n\
                         assert_eq!(builds.get(), 0); report.excepted += 1; }}"
                    );
                }
                Method::CfgOff { .. } => {}
            }
        }
        let _ = writeln!(out, "}}\n}}");
    }
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=LAZY_GENERATED_SEED");
    println!("cargo:rerun-if-env-changed=LAZY_GENERATED_TRAITS");
    let seed = env::var("LAZY_GENERATED_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_2026_u64);
    let count = env::var("LAZY_GENERATED_TRAITS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(300_usize);
    let mut rng = Rng(seed);
    let mut out = String::from("// Generated by build.rs: do not edit.\n\n");
    let traits: Vec<Trait> = (0..count).map(|i| make_trait(&mut rng, i)).collect();
    for t in &traits {
        t.write(&mut out);
    }
    let _ = writeln!(
        out,
        "/// Checks every generated trait; panics at the first difference.\n\
         pub fn run_all() -> crate::Report {{\n    let mut report = crate::Report::default();"
    );
    for t in &traits {
        let _ = writeln!(out, "    t{}::check(&mut report);", t.index);
    }
    let _ = writeln!(out, "    report\n}}");
    let path = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(path.join("generated.rs"), out).expect("OUT_DIR is writable");
}
