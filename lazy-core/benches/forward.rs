//! What forwarding through a lazy wrapper costs.
//!
//! 1. A call after realization: through the derived wrapper, through a
//!    hand-written forwarding impl, directly on the realized value, and
//!    through a `Box<dyn Trait>`, for a one-load method and a two-argument
//!    one.
//! 2. The first access (build + call) through the wrapper against building
//!    the value and calling it directly.
//! 3. An enum of implementors (two plain variants and a realized lazy one):
//!    the derived forwarding against a hand-written `match` and
//!    `Box<dyn Trait>`, on one value and on a slice of mixed variants.
//!
//! Run with `cargo bench -p lazy-core --bench forward`. The interleaved
//! rounds tables come first, then criterion's own measurements.
//! The `#[inline(never)]` functions of `probe` hold one call (or, for
//! `*_enum_sum`, the mixed-values loop) each, so that `asm.sh` can compare
//! their assembly (see BENCHMARKS.md).

#[path = "support/mod.rs"]
mod support;

use std::cell::LazyCell;
use std::hint::black_box;

use criterion::{BatchSize, Criterion, Throughput};
use lazy_core::{Lazy, Realize};
use support::{Case, compare, fresh, timed};

/// The trait every wrapper implements.
#[lazy_core::forwardable]
pub trait Getter {
    /// One load.
    fn get(&self) -> u64;
    /// Two arguments and a little arithmetic.
    fn add(&self, a: u64, b: u64) -> u64;
}

/// `Getter`'s `get` again, forwarded by the blanket impl that
/// `#[forwardable(blanket)]` writes beside the trait (generic, without
/// `#[inline]`): `asm.sh` checks that its forwarder is the hand-written one.
#[lazy_core::forwardable(blanket)]
pub trait BlanketGetter {
    /// One load.
    fn blanket_get(&self) -> u64;
}

impl BlanketGetter for Concrete {
    #[inline]
    fn blanket_get(&self) -> u64 {
        self.base
    }
}

impl BlanketGetter for HandGetter {
    #[inline]
    fn blanket_get(&self) -> u64 {
        <Concrete as BlanketGetter>::blanket_get(Realize::realize(&self.cache))
    }
}

/// Forwarding written by the blanket impl (the derive marks the wrapper).
#[derive(lazy_core::RealizeForward)]
#[realize_forward(BlanketGetter)]
pub struct BlanketDerived {
    #[realize]
    cache: Lazy<Concrete, fn() -> Concrete>,
}

/// The realized value.
pub struct Concrete {
    base: u64,
}

impl Getter for Concrete {
    #[inline]
    fn get(&self) -> u64 {
        self.base
    }

    #[inline]
    fn add(&self, a: u64, b: u64) -> u64 {
        self.base.wrapping_mul(a).wrapping_add(b)
    }
}

/// A second implementor, so that an enum of implementors has a choice.
pub struct Shifted {
    base: u64,
}

impl Getter for Shifted {
    #[inline]
    fn get(&self) -> u64 {
        self.base.wrapping_add(1)
    }

    #[inline]
    fn add(&self, a: u64, b: u64) -> u64 {
        self.base.wrapping_add(a) ^ b
    }
}

/// The cheapest possible build: the value is a constant.
fn build_trivial() -> Concrete {
    Concrete {
        base: black_box(42),
    }
}

/// A build that does some work, as building a real tracker does: `steps`
/// dependent multiply-xorshift steps, no allocation.
fn build_steps(steps: u32) -> Concrete {
    let mut x = black_box(0x9e37_79b9_7f4a_7c15_u64);
    for _ in 0..black_box(steps) {
        x ^= x >> 29;
        x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    }
    Concrete { base: x }
}

fn build_work() -> Concrete {
    build_steps(100)
}

fn build_work_long() -> Concrete {
    build_steps(1000)
}

/// A wrapper forwarding `Getter` by hand, as the derive writes it: the same
/// code under each name given, so that one of them can be the A/A control.
macro_rules! hand_getter {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        pub struct $name {
            cache: Lazy<Concrete, fn() -> Concrete>,
        }

        impl $name {
            fn new(seed: fn() -> Concrete) -> Self {
                $name {
                    cache: Lazy::new(seed),
                }
            }
        }

        impl Getter for $name {
            #[inline]
            fn get(&self) -> u64 {
                <Concrete as Getter>::get(Realize::realize(&self.cache))
            }

            #[inline]
            fn add(&self, a: u64, b: u64) -> u64 {
                <Concrete as Getter>::add(Realize::realize(&self.cache), a, b)
            }
        }
    };
}

hand_getter!(
    /// Forwarding written by hand: what the derive must match.
    HandGetter
);
hand_getter!(
    /// `HandGetter` again, as its own type: the first-access rounds time it
    /// as an A/A control, so that a gap between two wrappers can be told
    /// from the noise of where each case's code lands.
    HandGetterAgain
);

/// Forwarding written by the derive.
#[derive(lazy_core::RealizeForward)]
#[realize_forward(Getter)]
pub struct DerivedGetter {
    #[realize]
    cache: Lazy<Concrete, fn() -> Concrete>,
}

impl DerivedGetter {
    fn new(seed: fn() -> Concrete) -> Self {
        DerivedGetter {
            cache: Lazy::new(seed),
        }
    }
}

/// Forwarding to a plain field (`#[realize(plain)]`): nothing to build, so
/// a forwarded call should be the direct call.
#[derive(lazy_core::RealizeForward)]
#[realize_forward(Getter)]
pub struct PlainGetter {
    #[realize(plain)]
    value: Concrete,
}

/// An enum of implementors forwarding `Getter` to the active variant by a
/// hand-written `match`, with fully qualified calls as the derive writes
/// them; the same code under each name given (the second is the A/A
/// control).
macro_rules! hand_any {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        pub enum $name {
            Concrete(Concrete),
            Shifted(Shifted),
            Later(Lazy<Concrete, fn() -> Concrete>),
        }

        impl Getter for $name {
            #[inline]
            fn get(&self) -> u64 {
                match self {
                    $name::Concrete(value) => <Concrete as Getter>::get(value),
                    $name::Shifted(value) => <Shifted as Getter>::get(value),
                    $name::Later(lazy) => <Concrete as Getter>::get(Realize::realize(lazy)),
                }
            }

            #[inline]
            fn add(&self, a: u64, b: u64) -> u64 {
                match self {
                    $name::Concrete(value) => <Concrete as Getter>::add(value, a, b),
                    $name::Shifted(value) => <Shifted as Getter>::add(value, a, b),
                    $name::Later(lazy) => {
                        <Concrete as Getter>::add(Realize::realize(lazy), a, b)
                    }
                }
            }
        }
    };
}

hand_any!(
    /// An enum of implementors with a hand-written `match`.
    HandAny
);
hand_any!(
    /// `HandAny` again, as its own type: the A/A control of the enum rounds.
    HandAnyAgain
);

/// The same enum as `HandAny`, forwarding by the derive.
#[derive(lazy_core::RealizeForward)]
#[realize_forward(Getter)]
pub enum DerivedAny {
    Concrete(Concrete),
    Shifted(Shifted),
    Later(#[realize] Lazy<Concrete, fn() -> Concrete>),
}

/// One call each, never inlined, for reading the assembly.
pub mod probe {
    use super::{Concrete, DerivedAny, DerivedGetter, Getter, HandAny, HandGetter, PlainGetter};

    #[inline(never)]
    pub fn direct_get(value: &Concrete) -> u64 {
        value.get()
    }

    #[inline(never)]
    pub fn hand_get(wrapper: &HandGetter) -> u64 {
        wrapper.get()
    }

    #[inline(never)]
    pub fn derived_get(wrapper: &DerivedGetter) -> u64 {
        wrapper.get()
    }

    #[inline(never)]
    pub fn hand_blanket_get(wrapper: &super::HandGetter) -> u64 {
        super::BlanketGetter::blanket_get(wrapper)
    }

    #[inline(never)]
    pub fn derived_blanket_get(wrapper: &super::BlanketDerived) -> u64 {
        super::BlanketGetter::blanket_get(wrapper)
    }

    #[inline(never)]
    pub fn plain_get(wrapper: &PlainGetter) -> u64 {
        wrapper.get()
    }

    #[inline(never)]
    pub fn hand_enum_get(value: &HandAny) -> u64 {
        value.get()
    }

    #[inline(never)]
    pub fn derived_enum_get(value: &DerivedAny) -> u64 {
        value.get()
    }

    /// The mixed-values loop, with the `match` inlined into it.
    #[inline(never)]
    pub fn hand_enum_sum(values: &[HandAny]) -> u64 {
        values
            .iter()
            .fold(0, |acc, value| acc.wrapping_add(value.get()))
    }

    #[inline(never)]
    pub fn derived_enum_sum(values: &[DerivedAny]) -> u64 {
        values
            .iter()
            .fold(0, |acc, value| acc.wrapping_add(value.get()))
    }

    #[inline(never)]
    pub fn dyn_get(value: &dyn Getter) -> u64 {
        value.get()
    }

    #[inline(never)]
    pub fn direct_add(value: &Concrete, a: u64, b: u64) -> u64 {
        value.add(a, b)
    }

    #[inline(never)]
    pub fn hand_add(wrapper: &HandGetter, a: u64, b: u64) -> u64 {
        wrapper.add(a, b)
    }

    #[inline(never)]
    pub fn derived_add(wrapper: &DerivedGetter, a: u64, b: u64) -> u64 {
        wrapper.add(a, b)
    }

    #[inline(never)]
    pub fn plain_add(wrapper: &PlainGetter, a: u64, b: u64) -> u64 {
        wrapper.add(a, b)
    }

    #[inline(never)]
    pub fn hand_enum_add(value: &HandAny, a: u64, b: u64) -> u64 {
        value.add(a, b)
    }

    #[inline(never)]
    pub fn derived_enum_add(value: &DerivedAny, a: u64, b: u64) -> u64 {
        value.add(a, b)
    }

    #[inline(never)]
    pub fn dyn_add(value: &dyn Getter, a: u64, b: u64) -> u64 {
        value.add(a, b)
    }
}

/// Realized wrappers and values, shared by the rounds and criterion.
struct Realized {
    direct: Concrete,
    hand: HandGetter,
    derived: DerivedGetter,
    plain: PlainGetter,
    boxed: Box<dyn Getter>,
}

impl Realized {
    fn new() -> Self {
        let hand = HandGetter::new(build_trivial);
        hand.get();
        let derived = DerivedGetter::new(build_trivial);
        derived.get();
        Realized {
            direct: build_trivial(),
            hand,
            derived,
            plain: PlainGetter {
                value: build_trivial(),
            },
            boxed: Box::new(build_trivial()),
        }
    }
}

fn rounds_after_realization(r: &Realized) {
    // `black_box(&x)` hides where the reference points, so every call loads
    // the realized flag and the value again instead of hoisting them.
    compare(
        "get() after realization",
        "call",
        &mut [
            Case::calls("direct", || black_box(&r.direct).get()),
            Case::calls("hand-written", || black_box(&r.hand).get()),
            Case::calls("derived", || black_box(&r.derived).get()),
            Case::calls("derived, plain field", || black_box(&r.plain).get()),
            // The same code as "hand-written" once more: how far apart two
            // timings of identical code land in this run.
            Case::calls("hand-written again (A/A)", || black_box(&r.hand).get()),
            Case::calls("Box<dyn Getter>", || black_box(&r.boxed).get()),
        ],
        10_000_000,
        31,
        &["direct", "hand-written"],
    );
    let (a, b) = (3, 5);
    compare(
        "add(a, b) after realization",
        "call",
        &mut [
            Case::calls("direct", || {
                black_box(&r.direct).add(black_box(a), black_box(b))
            }),
            Case::calls("hand-written", || {
                black_box(&r.hand).add(black_box(a), black_box(b))
            }),
            Case::calls("derived", || {
                black_box(&r.derived).add(black_box(a), black_box(b))
            }),
            Case::calls("hand-written again (A/A)", || {
                black_box(&r.hand).add(black_box(a), black_box(b))
            }),
            Case::calls("Box<dyn Getter>", || {
                black_box(&r.boxed).add(black_box(a), black_box(b))
            }),
        ],
        10_000_000,
        31,
        &["direct", "hand-written"],
    );
}

/// How many values the mixed slices hold.
const MIXED: usize = 1000;

/// Enum values and the same values behind `Box<dyn Getter>`, realized,
/// shared by the rounds and criterion.
struct Enums {
    /// The `Concrete` variant, for the one-value cases.
    hand_one: HandAny,
    derived_one: DerivedAny,
    /// `MIXED` values whose variants follow a scrambled order, so that the
    /// branch on the variant (or the indirect call) is not always predicted.
    hand: Vec<HandAny>,
    hand_again: Vec<HandAnyAgain>,
    derived: Vec<DerivedAny>,
    boxed: Vec<Box<dyn Getter>>,
}

impl Enums {
    fn new() -> Self {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let kinds: Vec<u64> = (0..MIXED)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state % 3
            })
            .collect();
        let realized = || {
            let lazy: Lazy<Concrete, fn() -> Concrete> = Lazy::new(build_trivial);
            Realize::realize(&lazy);
            lazy
        };
        let base = || black_box(42);
        Enums {
            hand_one: HandAny::Concrete(Concrete { base: base() }),
            derived_one: DerivedAny::Concrete(Concrete { base: base() }),
            hand: kinds
                .iter()
                .map(|kind| match kind {
                    0 => HandAny::Concrete(Concrete { base: base() }),
                    1 => HandAny::Shifted(Shifted { base: base() }),
                    _ => HandAny::Later(realized()),
                })
                .collect(),
            hand_again: kinds
                .iter()
                .map(|kind| match kind {
                    0 => HandAnyAgain::Concrete(Concrete { base: base() }),
                    1 => HandAnyAgain::Shifted(Shifted { base: base() }),
                    _ => HandAnyAgain::Later(realized()),
                })
                .collect(),
            derived: kinds
                .iter()
                .map(|kind| match kind {
                    0 => DerivedAny::Concrete(Concrete { base: base() }),
                    1 => DerivedAny::Shifted(Shifted { base: base() }),
                    _ => DerivedAny::Later(realized()),
                })
                .collect(),
            boxed: kinds
                .iter()
                .map(|kind| -> Box<dyn Getter> {
                    match kind {
                        0 => Box::new(Concrete { base: base() }),
                        1 => Box::new(Shifted { base: base() }),
                        _ => {
                            let wrapper = HandGetter::new(build_trivial);
                            wrapper.get();
                            Box::new(wrapper)
                        }
                    }
                })
                .collect(),
        }
    }
}

/// `get` of every one of `values`, summed, `passes` times over.
#[inline(always)]
fn sum_get<E>(values: &[E], passes: u64, get: impl Fn(&E) -> u64) -> u64 {
    let mut acc = 0_u64;
    for _ in 0..passes {
        for value in black_box(values) {
            acc = acc.wrapping_add(get(value));
        }
    }
    acc
}

fn rounds_enum(r: &Realized, e: &Enums) {
    compare(
        "enum of implementors: get() on one value",
        "call",
        &mut [
            Case::calls("direct", || black_box(&r.direct).get()),
            Case::calls("hand-written match", || black_box(&e.hand_one).get()),
            Case::calls("derived", || black_box(&e.derived_one).get()),
            Case::calls("Box<dyn Getter>", || black_box(&r.boxed).get()),
        ],
        10_000_000,
        31,
        &["hand-written match"],
    );
    // `iters` calls are `iters / MIXED` passes over the slice.
    let passes = |iters: u64| iters.div_ceil(MIXED as u64);
    compare(
        &format!("enum of implementors: get() over {MIXED} mixed values"),
        "call",
        &mut [
            Case::timed("hand-written match", |iters| {
                timed(|| sum_get(&e.hand, passes(iters), HandAny::get))
            }),
            Case::timed("derived", |iters| {
                timed(|| sum_get(&e.derived, passes(iters), DerivedAny::get))
            }),
            Case::timed("hand-written match again (A/A)", |iters| {
                timed(|| sum_get(&e.hand_again, passes(iters), HandAnyAgain::get))
            }),
            Case::timed("Box<dyn Getter>", |iters| {
                timed(|| sum_get(&e.boxed, passes(iters), |value| value.get()))
            }),
        ],
        10_000_000,
        31,
        &["hand-written match"],
    );
}

fn rounds_first_access() {
    for (title, seed) in [
        (
            "first access: trivial build (constant)",
            build_trivial as fn() -> Concrete,
        ),
        ("first access: build with ~100 dependent steps", build_work),
        (
            "first access: build with ~1000 dependent steps",
            build_work_long,
        ),
    ] {
        compare(
            title,
            "call",
            &mut [
                Case::timed("direct build + call", |iters| {
                    fresh(iters, || seed, |seed| seed().get())
                }),
                Case::timed("std LazyCell", |iters| {
                    fresh(iters, || LazyCell::new(seed), |cell| cell.get())
                }),
                Case::timed("hand-written wrapper", |iters| {
                    fresh(iters, || HandGetter::new(seed), HandGetter::get)
                }),
                Case::timed("derived wrapper", |iters| {
                    fresh(iters, || DerivedGetter::new(seed), DerivedGetter::get)
                }),
                Case::timed("hand-written again (A/A)", |iters| {
                    fresh(iters, || HandGetterAgain::new(seed), HandGetterAgain::get)
                }),
            ],
            100_000,
            15,
            &[
                "direct build + call",
                "std LazyCell",
                "hand-written wrapper",
            ],
        );
    }
}

fn criterion_after_realization(c: &mut Criterion, r: &Realized) {
    let mut group = c.benchmark_group("get");
    group.bench_function("direct", |b| b.iter(|| black_box(&r.direct).get()));
    group.bench_function("hand-written", |b| b.iter(|| black_box(&r.hand).get()));
    group.bench_function("derived", |b| b.iter(|| black_box(&r.derived).get()));
    group.bench_function("dyn", |b| b.iter(|| black_box(&r.boxed).get()));
    group.finish();

    let mut group = c.benchmark_group("add");
    let args = || (black_box(3), black_box(5));
    group.bench_function("direct", |b| {
        b.iter(|| {
            let (a, x) = args();
            black_box(&r.direct).add(a, x)
        })
    });
    group.bench_function("hand-written", |b| {
        b.iter(|| {
            let (a, x) = args();
            black_box(&r.hand).add(a, x)
        })
    });
    group.bench_function("derived", |b| {
        b.iter(|| {
            let (a, x) = args();
            black_box(&r.derived).add(a, x)
        })
    });
    group.bench_function("dyn", |b| {
        b.iter(|| {
            let (a, x) = args();
            black_box(&r.boxed).add(a, x)
        })
    });
    group.finish();
}

fn criterion_enum(c: &mut Criterion, r: &Realized, e: &Enums) {
    let mut group = c.benchmark_group("enum_get");
    group.bench_function("hand-match", |b| b.iter(|| black_box(&e.hand_one).get()));
    group.bench_function("derived", |b| b.iter(|| black_box(&e.derived_one).get()));
    group.bench_function("dyn", |b| b.iter(|| black_box(&r.boxed).get()));
    group.finish();

    let mut group = c.benchmark_group("enum_mixed");
    group.throughput(Throughput::Elements(MIXED as u64));
    group.bench_function("hand-match", |b| {
        b.iter(|| sum_get(&e.hand, 1, HandAny::get))
    });
    group.bench_function("derived", |b| {
        b.iter(|| sum_get(&e.derived, 1, DerivedAny::get))
    });
    group.bench_function("dyn", |b| {
        b.iter(|| sum_get(&e.boxed, 1, |value| value.get()))
    });
    group.finish();
}

fn criterion_first_access(c: &mut Criterion) {
    for (name, seed) in [
        ("first_access_trivial", build_trivial as fn() -> Concrete),
        ("first_access_work", build_work),
    ] {
        let mut group = c.benchmark_group(name);
        group.bench_function("direct", |b| {
            b.iter_batched_ref(|| seed, |seed| seed().get(), BatchSize::SmallInput)
        });
        group.bench_function("LazyCell", |b| {
            b.iter_batched_ref(
                || LazyCell::new(seed),
                |cell| cell.get(),
                BatchSize::SmallInput,
            )
        });
        group.bench_function("hand-written", |b| {
            b.iter_batched_ref(
                || HandGetter::new(seed),
                |wrapper| wrapper.get(),
                BatchSize::SmallInput,
            )
        });
        group.bench_function("derived", |b| {
            b.iter_batched_ref(
                || DerivedGetter::new(seed),
                |wrapper| wrapper.get(),
                BatchSize::SmallInput,
            )
        });
        group.finish();
    }
}

fn main() {
    // Keep the probes in the binary.
    black_box(probe::direct_get as fn(&Concrete) -> u64);
    black_box(probe::hand_get as fn(&HandGetter) -> u64);
    black_box(probe::derived_get as fn(&DerivedGetter) -> u64);
    black_box(probe::hand_blanket_get as fn(&HandGetter) -> u64);
    black_box(probe::derived_blanket_get as fn(&BlanketDerived) -> u64);
    black_box(probe::plain_get as fn(&PlainGetter) -> u64);
    black_box(probe::hand_enum_get as fn(&HandAny) -> u64);
    black_box(probe::derived_enum_get as fn(&DerivedAny) -> u64);
    black_box(probe::hand_enum_sum as fn(&[HandAny]) -> u64);
    black_box(probe::derived_enum_sum as fn(&[DerivedAny]) -> u64);
    black_box(probe::dyn_get as fn(&dyn Getter) -> u64);
    black_box(probe::direct_add as fn(&Concrete, u64, u64) -> u64);
    black_box(probe::hand_add as fn(&HandGetter, u64, u64) -> u64);
    black_box(probe::derived_add as fn(&DerivedGetter, u64, u64) -> u64);
    black_box(probe::plain_add as fn(&PlainGetter, u64, u64) -> u64);
    black_box(probe::hand_enum_add as fn(&HandAny, u64, u64) -> u64);
    black_box(probe::derived_enum_add as fn(&DerivedAny, u64, u64) -> u64);
    black_box(probe::dyn_add as fn(&dyn Getter, u64, u64) -> u64);

    let realized = Realized::new();
    let enums = Enums::new();
    rounds_after_realization(&realized);
    rounds_enum(&realized, &enums);
    rounds_first_access();

    let mut c = Criterion::default().configure_from_args();
    criterion_after_realization(&mut c, &realized);
    criterion_enum(&mut c, &realized, &enums);
    criterion_first_access(&mut c);
    c.final_summary();
}
