//! An iterator that is built only when it is first advanced.
//!
//! `LazyPrimes` holds "the primes below N" as a recipe; the first `next`
//! runs the sieve. `Iterator` is forwarded by `#[derive(RealizeForward)]` with
//! the ready-made mirror `lazy_core::remote::Iterator`, so the lazy iterator
//! works with every adapter of std (`take`, `filter`, `sum`, ...).
//!
//! Run with `cargo run --example iter_on_demand`.

use std::cell::Cell;
use std::rc::Rc;

use lazy_core::{Lazy, RealizeForward, Seed, remote};

/// The recipe: sieve the primes below `limit`; `sieves` counts the runs.
pub struct Sieve {
    pub limit: usize,
    pub sieves: Rc<Cell<u32>>,
}

impl Seed for Sieve {
    type Output = std::vec::IntoIter<usize>;

    fn build(self) -> Self::Output {
        self.sieves.set(self.sieves.get() + 1);
        let mut composite = vec![false; self.limit];
        let mut primes = Vec::new();
        for n in 2..self.limit {
            if !composite[n] {
                primes.push(n);
                for multiple in (n * n..self.limit).step_by(n) {
                    composite[multiple] = true;
                }
            }
        }
        primes.into_iter()
    }
}

/// The primes below a limit, sieved on the first `next`.
#[derive(RealizeForward)]
#[realize_forward(remote::Iterator)]
pub struct LazyPrimes {
    #[realize]
    primes: Lazy<std::vec::IntoIter<usize>, Sieve>,
}

impl LazyPrimes {
    /// Sieves nothing yet.
    pub fn below(limit: usize, sieves: &Rc<Cell<u32>>) -> LazyPrimes {
        LazyPrimes {
            primes: Lazy::new(Sieve {
                limit,
                sieves: Rc::clone(sieves),
            }),
        }
    }

    /// Whether the sieve has run.
    pub fn is_built(&self) -> bool {
        Lazy::is_realized(&self.primes)
    }
}

fn main() {
    let sieves = Rc::new(Cell::new(0));
    let mut small = LazyPrimes::below(100, &sieves);
    let large = LazyPrimes::below(10_000_000, &sieves);
    println!("created two lazy iterators; sieves run: {}", sieves.get());

    let first: Vec<usize> = small.by_ref().take(5).collect();
    println!(
        "first five primes below 100: {first:?}; sieves run: {}",
        sieves.get()
    );
    println!("the rest of them sum to {}", small.sum::<usize>());
    println!(
        "the iterator over primes below 10,000,000 was never advanced: built = {}; sieves run: {}",
        large.is_built(),
        sieves.get()
    );
}
