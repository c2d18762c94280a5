//! Memory: the size of `Lazy` and `sync::Lazy` against std's `LazyCell` and
//! `LazyLock` for a few target types, and the heap bytes that realization
//! frees (the seed and the deferred mutations go as soon as the value is
//! built). Counts with a global allocator that tallies every allocation;
//! prints Markdown tables; measures no time.
//!
//! Run with `cargo bench -p lazy-core --bench memory`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::LazyCell;
use std::hint::black_box;
use std::mem::size_of;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use lazy_core::{Lazy, Realize, Seed, sync};

/// The system allocator, counting the bytes it hands out and takes back.
struct Counting;

static ALLOCATED: AtomicUsize = AtomicUsize::new(0);
static FREED: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on unchanged to the system allocator; the
// counters only observe the sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATED.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: same layout as our caller's, which upholds `alloc`'s contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        FREED.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` came from `System.alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        FREED.fetch_add(layout.size(), Ordering::Relaxed);
        ALLOCATED.fetch_add(new_size, Ordering::Relaxed);
        // SAFETY: forwarded unchanged; the caller upholds `realloc`'s contract.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Heap bytes allocated and freed while `work` runs.
fn heap_during<R>(work: impl FnOnce() -> R) -> (usize, usize, R) {
    let (a0, f0) = (
        ALLOCATED.load(Ordering::Relaxed),
        FREED.load(Ordering::Relaxed),
    );
    let result = black_box(work());
    let (a1, f1) = (
        ALLOCATED.load(Ordering::Relaxed),
        FREED.load(Ordering::Relaxed),
    );
    (a1 - a0, f1 - f0, result)
}

/// A trait object target, as trackers are stored.
pub trait Tracker {
    /// Something to call.
    fn id(&self) -> u64;
}

impl Tracker for u64 {
    fn id(&self) -> u64 {
        *self
    }
}

/// A Dynamo-like seed: the raw value and where it came from.
pub struct TrackerSeed {
    source: String,
    raw: Vec<u8>,
}

impl TrackerSeed {
    fn new() -> Self {
        TrackerSeed {
            source: String::from("L['x'].a[3]"),
            raw: vec![7; 1024],
        }
    }
}

impl Seed for TrackerSeed {
    type Output = u64;
    fn build(self) -> u64 {
        self.raw.iter().map(|&b| u64::from(b)).sum::<u64>() + self.source.len() as u64
    }
}

macro_rules! size_row {
    ($name:expr, $t:ty) => {
        println!(
            "| `{}` | {} | {} | {} | {} | {} |",
            $name,
            size_of::<$t>(),
            size_of::<Lazy<$t>>(),
            size_of::<LazyCell<$t, fn() -> $t>>(),
            size_of::<sync::Lazy<$t>>(),
            size_of::<LazyLock<$t, fn() -> $t>>(),
        );
    };
}

fn sizes() {
    println!("\n### size_of, bytes (seed type `fn() -> T`)\n");
    println!("| T | T | `Lazy<T>` | `LazyCell<T>` | `sync::Lazy<T>` | `LazyLock<T>` |");
    println!("|---|---:|---:|---:|---:|---:|");
    size_row!("u8", u8);
    size_row!("u64", u64);
    size_row!("String", String);
    size_row!("[u8; 64]", [u8; 64]);
    size_row!("Box<dyn Tracker>", Box<dyn Tracker>);

    println!(
        "\n### size_of with a 48-byte seed (`TrackerSeed`: a `String` and a `Vec<u8>`), T = u64\n"
    );
    println!("| lazy | bytes |");
    println!("|---|---:|");
    println!("| `TrackerSeed` | {} |", size_of::<TrackerSeed>());
    println!(
        "| `Lazy<u64, TrackerSeed>` | {} |",
        size_of::<Lazy<u64, TrackerSeed>>()
    );
    println!(
        "| `sync::Lazy<u64, TrackerSeed>` | {} |",
        size_of::<sync::Lazy<u64, TrackerSeed>>()
    );
    // A closure that owns a `TrackerSeed` has the seed's size.
    let closure = {
        let seed = TrackerSeed::new();
        move || seed.build()
    };
    println!(
        "| `LazyCell<u64, closure owning a TrackerSeed>` | {} |",
        size_of_val(&LazyCell::new(closure))
    );
    let closure = {
        let seed = TrackerSeed::new();
        move || seed.build()
    };
    println!(
        "| `LazyLock<u64, closure owning a TrackerSeed>` | {} |",
        size_of_val(&LazyLock::new(closure))
    );
}

fn freed() {
    println!(
        "\n### heap bytes at realization (`TrackerSeed`: 11-byte source + 1024-byte raw value)\n"
    );
    println!("| lazy | allocated while realizing | freed while realizing | live heap after |");
    println!("|---|---:|---:|---:|");

    let (ca, cf, lazy) = heap_during(|| Lazy::new(TrackerSeed::new()));
    let (a, f, _) = heap_during(|| *lazy.realize());
    println!("| `Lazy` | {a} | {f} | {} |", ca + a - cf - f);
    drop(lazy);

    let (ca, cf, mut lazy) = heap_during(|| Lazy::new(TrackerSeed::new()));
    let (da, df, ()) = heap_during(|| Lazy::defer(&mut lazy, |v| *v += 1));
    let (ca, cf) = (ca + da, cf + df);
    let (a, f, _) = heap_during(|| *lazy.realize());
    println!(
        "| `Lazy` with one deferred mutation | {a} | {f} | {} |",
        ca + a - cf - f
    );
    drop(lazy);

    let (ca, cf, lazy) = heap_during(|| sync::Lazy::new(TrackerSeed::new()));
    let (a, f, _) = heap_during(|| *lazy.realize());
    println!("| `sync::Lazy` | {a} | {f} | {} |", ca + a - cf - f);
    drop(lazy);

    let (ca, cf, cell) = heap_during(|| {
        let seed = TrackerSeed::new();
        LazyCell::new(move || seed.build())
    });
    let (a, f, _) = heap_during(|| *LazyCell::force(&cell));
    println!(
        "| `LazyCell` (closure owning the seed) | {a} | {f} | {} |",
        ca + a - cf - f
    );
    drop(cell);

    let (ca, cf, lock) = heap_during(|| {
        let seed = TrackerSeed::new();
        LazyLock::new(move || seed.build())
    });
    let (a, f, _) = heap_during(|| *LazyLock::force(&lock));
    println!(
        "| `LazyLock` (closure owning the seed) | {a} | {f} | {} |",
        ca + a - cf - f
    );
    drop(lock);

    let (a, _, seed) = heap_during(TrackerSeed::new);
    println!("\nThe seed's own heap: {a} bytes (`source` capacity + `raw` capacity).");
    drop(seed);
}

fn main() {
    sizes();
    freed();
}
