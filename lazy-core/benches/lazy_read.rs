//! Reading an already realized lazy: `lazy_core::Lazy` against
//! `std::cell::LazyCell`, and `lazy_core::sync::Lazy` against
//! `std::sync::LazyLock`; and, for scale, the first access of each.
//!
//! Run with `cargo bench -p lazy-core --bench lazy_read`.

#[path = "support/mod.rs"]
mod support;

use std::cell::LazyCell;
use std::hint::black_box;
use std::sync::LazyLock;

use criterion::Criterion;
use lazy_core::{Lazy, Realize, sync};
use support::{Case, compare, fresh};

fn seven() -> u64 {
    black_box(7)
}

fn text() -> String {
    String::from(black_box("realized"))
}

/// A build of about 100 ns: one allocation, filled.
fn table() -> Vec<u64> {
    (0..black_box(64_u64)).map(|i| i * i).collect()
}

/// One read each, never inlined, for reading the assembly.
pub mod probe {
    use super::{Lazy, LazyCell, LazyLock, Realize, sync};

    #[inline(never)]
    pub fn lazy_read(lazy: &Lazy<u64>) -> u64 {
        *lazy.realize()
    }

    #[inline(never)]
    pub fn lazycell_read(cell: &LazyCell<u64, fn() -> u64>) -> u64 {
        **cell
    }

    #[inline(never)]
    pub fn sync_lazy_read(lazy: &sync::Lazy<u64>) -> u64 {
        *lazy.realize()
    }

    #[inline(never)]
    pub fn lazylock_read(lock: &LazyLock<u64, fn() -> u64>) -> u64 {
        **lock
    }

    #[inline(never)]
    pub fn lazy_len(lazy: &Lazy<String>) -> usize {
        lazy.realize().len()
    }

    #[inline(never)]
    pub fn lazycell_len(cell: &LazyCell<String, fn() -> String>) -> usize {
        cell.len()
    }

    #[inline(never)]
    pub fn sync_lazy_len(lazy: &sync::Lazy<String>) -> usize {
        lazy.realize().len()
    }

    #[inline(never)]
    pub fn lazylock_len(lock: &LazyLock<String, fn() -> String>) -> usize {
        lock.len()
    }
}

struct Lazies {
    lazy: Lazy<u64>,
    cell: LazyCell<u64, fn() -> u64>,
    sync_lazy: sync::Lazy<u64>,
    lock: LazyLock<u64, fn() -> u64>,
    lazy_text: Lazy<String>,
    cell_text: LazyCell<String, fn() -> String>,
    sync_text: sync::Lazy<String>,
    lock_text: LazyLock<String, fn() -> String>,
}

impl Lazies {
    fn realized() -> Self {
        let lazies = Lazies {
            lazy: Lazy::new(seven),
            cell: LazyCell::new(seven),
            sync_lazy: sync::Lazy::new(seven),
            lock: LazyLock::new(seven),
            lazy_text: Lazy::new(text),
            cell_text: LazyCell::new(text),
            sync_text: sync::Lazy::new(text),
            lock_text: LazyLock::new(text),
        };
        lazies.lazy.realize();
        LazyCell::force(&lazies.cell);
        lazies.sync_lazy.realize();
        LazyLock::force(&lazies.lock);
        lazies.lazy_text.realize();
        LazyCell::force(&lazies.cell_text);
        lazies.sync_text.realize();
        LazyLock::force(&lazies.lock_text);
        lazies
    }
}

fn rounds(l: &Lazies) {
    compare(
        "realized read, u64",
        "call",
        &mut [
            Case::calls("LazyCell", || **black_box(&l.cell)),
            Case::calls("Lazy", || *black_box(&l.lazy).realize()),
            // The same code as "LazyCell" once more: how far apart two
            // timings of identical code land in this run.
            Case::calls("LazyCell again (A/A)", || **black_box(&l.cell)),
            Case::calls("LazyLock", || **black_box(&l.lock)),
            Case::calls("sync::Lazy", || *black_box(&l.sync_lazy).realize()),
        ],
        10_000_000,
        31,
        &["LazyCell", "LazyLock"],
    );
    compare(
        "realized read, String (len)",
        "call",
        &mut [
            Case::calls("LazyCell", || black_box(&l.cell_text).len() as u64),
            Case::calls("Lazy", || black_box(&l.lazy_text).realize().len() as u64),
            Case::calls("LazyLock", || black_box(&l.lock_text).len() as u64),
            Case::calls("sync::Lazy", || {
                black_box(&l.sync_text).realize().len() as u64
            }),
        ],
        10_000_000,
        31,
        &["LazyCell", "LazyLock"],
    );
}

/// The first access of each flavour on a fresh lazy whose build is a
/// constant: what each pays to build, beyond the build itself.
fn rounds_first_access() {
    compare(
        "first access, trivial build",
        "call",
        &mut [
            Case::timed("direct build", |iters| {
                fresh(iters, || seven, |seed| seed())
            }),
            Case::timed("LazyCell", |iters| {
                fresh(iters, || LazyCell::new(seven), |cell| **cell)
            }),
            Case::timed("Lazy", |iters| {
                fresh(iters, || Lazy::new(seven), |lazy| *lazy.realize())
            }),
            Case::timed("LazyLock", |iters| {
                fresh(iters, || LazyLock::new(seven), |lock| **lock)
            }),
            Case::timed("sync::Lazy", |iters| {
                fresh(iters, || sync::Lazy::new(seven), |lazy| *lazy.realize())
            }),
        ],
        100_000,
        15,
        &["direct build", "LazyCell", "LazyLock"],
    );
    compare(
        "first access, build of about 100 ns",
        "call",
        &mut [
            Case::timed("direct build", |iters| {
                fresh(iters, || table, |seed| seed().len() as u64)
            }),
            Case::timed("LazyCell", |iters| {
                fresh(iters, || LazyCell::new(table), |cell| cell.len() as u64)
            }),
            Case::timed("Lazy", |iters| {
                fresh(
                    iters,
                    || Lazy::new(table),
                    |lazy| lazy.realize().len() as u64,
                )
            }),
            Case::timed("LazyLock", |iters| {
                fresh(iters, || LazyLock::new(table), |lock| lock.len() as u64)
            }),
            Case::timed("sync::Lazy", |iters| {
                fresh(
                    iters,
                    || sync::Lazy::new(table),
                    |lazy| lazy.realize().len() as u64,
                )
            }),
        ],
        20_000,
        15,
        &["direct build", "LazyCell", "LazyLock"],
    );
}

fn criterion_reads(c: &mut Criterion, l: &Lazies) {
    let mut group = c.benchmark_group("read_u64");
    group.bench_function("LazyCell", |b| b.iter(|| **black_box(&l.cell)));
    group.bench_function("Lazy", |b| b.iter(|| *black_box(&l.lazy).realize()));
    group.bench_function("LazyLock", |b| b.iter(|| **black_box(&l.lock)));
    group.bench_function("sync::Lazy", |b| {
        b.iter(|| *black_box(&l.sync_lazy).realize())
    });
    group.finish();
}

fn main() {
    black_box(probe::lazy_read as fn(&Lazy<u64>) -> u64);
    black_box(probe::lazycell_read as fn(&LazyCell<u64, fn() -> u64>) -> u64);
    black_box(probe::sync_lazy_read as fn(&sync::Lazy<u64>) -> u64);
    black_box(probe::lazylock_read as fn(&LazyLock<u64, fn() -> u64>) -> u64);
    black_box(probe::lazy_len as fn(&Lazy<String>) -> usize);
    black_box(probe::lazycell_len as fn(&LazyCell<String, fn() -> String>) -> usize);
    black_box(probe::sync_lazy_len as fn(&sync::Lazy<String>) -> usize);
    black_box(probe::lazylock_len as fn(&LazyLock<String, fn() -> String>) -> usize);

    let lazies = Lazies::realized();
    rounds(&lazies);
    rounds_first_access();

    let mut c = Criterion::default().configure_from_args();
    criterion_reads(&mut c, &lazies);
    c.final_summary();
}
