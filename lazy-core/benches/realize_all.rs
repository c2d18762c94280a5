//! `realize_all` over 10^4, 10^5 and 10^6 fresh, unrealized lazies, in a flat
//! `Vec`, a `HashMap`, and nested structs. The figure that matters is the
//! time per lazy, which should not grow with the size of the structure.
//!
//! Run with `cargo bench -p lazy-core --bench realize_all`.

#[path = "support/mod.rs"]
mod support;

use std::collections::HashMap;
use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, BenchmarkId, Criterion, SamplingMode, Throughput};
use lazy_core::{Lazy, RealizeAll, realize_all_scope};
use support::{Case, compare, timed};

type Tracker = Lazy<u64, fn() -> u64>;

fn seed() -> u64 {
    black_box(11)
}

/// One slot of a frame: a lazy tracker and an eager field beside it.
pub struct Slot {
    tracker: Tracker,
    index: u32,
}

/// A frame of slots, with a name that holds no lazy.
pub struct Frame {
    name: String,
    slots: Vec<Slot>,
}

/// Frames, as a program being traced would hold them.
pub struct Program {
    frames: Vec<Frame>,
    depth: u32,
}

/// The slots of one frame in the nested structure.
const SLOTS_PER_FRAME: usize = 100;

// Written by hand the way `#[derive(RealizeAll)]` expands (compare the
// `derived` module below): every field, inside one scope so that shared nodes
// are remembered across fields.
impl RealizeAll for Slot {
    fn realize_all(&self) {
        realize_all_scope(|| {
            self.tracker.realize_all();
            self.index.realize_all();
        });
    }
}

impl RealizeAll for Frame {
    fn realize_all(&self) {
        realize_all_scope(|| {
            self.name.realize_all();
            self.slots.realize_all();
        });
    }
}

impl RealizeAll for Program {
    fn realize_all(&self) {
        realize_all_scope(|| {
            self.frames.realize_all();
            self.depth.realize_all();
        });
    }
}

/// The same nested structure with `#[derive(RealizeAll)]`.
mod derived {
    use super::Tracker;
    use lazy_core::RealizeAll;

    #[derive(RealizeAll)]
    pub struct Slot {
        pub tracker: Tracker,
        pub index: u32,
    }

    #[derive(RealizeAll)]
    pub struct Frame {
        pub name: String,
        pub slots: Vec<Slot>,
    }

    #[derive(RealizeAll)]
    pub struct Program {
        pub frames: Vec<Frame>,
        pub depth: u32,
    }
}

fn flat(n: u64) -> Vec<Tracker> {
    (0..n).map(|_| Lazy::new(seed as fn() -> u64)).collect()
}

fn map(n: u64) -> HashMap<u64, Tracker> {
    (0..n)
        .map(|k| (k, Lazy::new(seed as fn() -> u64)))
        .collect()
}

fn nested(n: u64) -> Program {
    let n = n as usize;
    let frames = (0..n.div_ceil(SLOTS_PER_FRAME))
        .map(|f| Frame {
            name: format!("frame{f}"),
            slots: (0..SLOTS_PER_FRAME.min(n - f * SLOTS_PER_FRAME))
                .map(|i| Slot {
                    tracker: Lazy::new(seed as fn() -> u64),
                    index: i as u32,
                })
                .collect(),
        })
        .collect();
    Program { frames, depth: 1 }
}

fn nested_derived(n: u64) -> derived::Program {
    let n = n as usize;
    let frames = (0..n.div_ceil(SLOTS_PER_FRAME))
        .map(|f| derived::Frame {
            name: format!("frame{f}"),
            slots: (0..SLOTS_PER_FRAME.min(n - f * SLOTS_PER_FRAME))
                .map(|i| derived::Slot {
                    tracker: Lazy::new(seed as fn() -> u64),
                    index: i as u32,
                })
                .collect(),
        })
        .collect();
    derived::Program { frames, depth: 1 }
}

/// Shared nodes: each lazy behind its own `Rc`, so the walk remembers every
/// one (the memo's cost per node, as it grows).
fn shared(n: u64) -> Vec<std::rc::Rc<Tracker>> {
    (0..n)
        .map(|_| std::rc::Rc::new(Lazy::new(seed as fn() -> u64)))
        .collect()
}

/// Shared leaves beside the lazies (a name behind an `Rc<str>` in each slot,
/// as interned names are): a leaf holds no lazy, so the walk need not
/// remember it.
fn shared_leaves(n: u64) -> Vec<(std::rc::Rc<str>, Tracker)> {
    (0..n)
        .map(|k| {
            (
                std::rc::Rc::from(format!("x{k}")),
                Lazy::new(seed as fn() -> u64),
            )
        })
        .collect()
}

/// Builds a fresh structure of `n` lazies untimed, times `realize_all` on it,
/// and drops it untimed.
fn fresh_walk<T: RealizeAll>(n: u64, make: fn(u64) -> T) -> Duration {
    let structure = make(n);
    let elapsed = timed(|| structure.realize_all());
    drop(structure);
    elapsed
}

const SIZES: [u64; 3] = [10_000, 100_000, 1_000_000];

/// The walk's floor: realize every lazy of a fresh `Vec` in a plain loop.
fn plain_loop(n: u64) -> Duration {
    let structure = flat(n);
    let elapsed = timed(|| {
        for lazy in &structure {
            lazy_core::Realize::realize(lazy);
        }
    });
    drop(structure);
    elapsed
}

/// The map's share: realize every lazy of a fresh `HashMap` in a loop over
/// its values, without `realize_all`. If this grows with the size as the walk
/// does, the growth is iterating the map, not the walk.
fn map_plain_loop(n: u64) -> Duration {
    let structure = map(n);
    let elapsed = timed(|| {
        for lazy in structure.values() {
            lazy_core::Realize::realize(lazy);
        }
    });
    drop(structure);
    elapsed
}

fn rounds() {
    type Walk = fn(u64) -> Duration;
    let shapes: [(&str, Walk); 6] = [
        ("Vec", |n| fresh_walk(n, flat)),
        ("Vec of Rc, each its own node", |n| fresh_walk(n, shared)),
        ("Vec of (Rc<str>, lazy)", |n| fresh_walk(n, shared_leaves)),
        ("HashMap", |n| fresh_walk(n, map)),
        ("nested structs, derived", |n| fresh_walk(n, nested_derived)),
        ("nested structs, hand-written", |n| fresh_walk(n, nested)),
    ];
    let breakdown: [(&str, Walk); 2] = [
        ("Vec, realize in a plain loop (no walk)", plain_loop),
        (
            "HashMap, realize in a plain loop over values (no walk)",
            map_plain_loop,
        ),
    ];
    for (shape, walk) in shapes.into_iter().chain(breakdown) {
        let small = if support::benchmarking() {
            SIZES
        } else {
            [100, 1_000, 10_000]
        };
        let mut cases: Vec<Case<'_>> = small
            .iter()
            .map(|&n| Case::units(format!("{shape} n={n}"), n, walk))
            .collect();
        let baseline = format!("{shape} n={}", small[0]);
        compare(
            &format!("realize_all, {shape}, fresh lazies"),
            "lazy",
            &mut cases,
            1,
            7,
            &[&baseline],
        );
    }
}

fn criterion_walks(c: &mut Criterion) {
    fn bench<T: RealizeAll>(c: &mut Criterion, shape: &str, make: fn(u64) -> T) {
        let mut group = c.benchmark_group(format!("realize_all/{shape}"));
        group.sampling_mode(SamplingMode::Flat);
        for n in SIZES {
            // The 10^6 case takes tens of milliseconds a walk plus the
            // untimed build: keep its sample count small.
            group.sample_size(if n >= 1_000_000 { 10 } else { 20 });
            group.throughput(Throughput::Elements(n));
            group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, &n| {
                b.iter_batched_ref(
                    || make(n),
                    |structure| structure.realize_all(),
                    BatchSize::LargeInput,
                )
            });
        }
        group.finish();
    }
    bench(c, "Vec", flat);
    bench(c, "HashMap", map);
    bench(c, "shared", shared);
    bench(c, "shared_leaves", shared_leaves);
    bench(c, "nested_derived", nested_derived);
    bench(c, "nested_hand", nested);
}

fn main() {
    rounds();
    let mut c = Criterion::default().configure_from_args();
    criterion_walks(&mut c);
    c.final_summary();
}
