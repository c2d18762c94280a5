//! Interleaved rounds for sub-nanosecond comparisons.
//!
//! Criterion measures one case after the other; on a shared machine the load
//! changes between cases, so two runs of identical code can differ by 2x at
//! this scale. Here every round times every case once, one right after the
//! other, so a burst of load hits all cases of that round alike. The report
//! gives, per case, the median over rounds and the best round, and both as a
//! ratio to a baseline case.

#![allow(dead_code)] // each bench uses part of it

use std::hint::black_box;
use std::time::{Duration, Instant};

/// One case: a name, and a function that runs the code under test `iters`
/// times and returns how long that took. The case times itself, so that it
/// can prepare fresh inputs before it starts the clock (see [`timed`]).
pub struct Case<'a> {
    pub name: String,
    pub run: Box<dyn FnMut(u64) -> Duration + 'a>,
    /// A fixed number of units per run, overriding `iters`: the case is run
    /// with this count and the time is divided by it.
    pub units: Option<u64>,
}

impl<'a> Case<'a> {
    /// A case that calls `call` `iters` times in a loop, all of it timed.
    pub fn calls(name: impl Into<String>, mut call: impl FnMut() -> u64 + 'a) -> Self {
        Case::timed(name, move |iters| {
            timed(|| {
                let mut acc = 0_u64;
                for _ in 0..iters {
                    acc = acc.wrapping_add(call());
                }
                acc
            })
        })
    }

    /// A case that times itself.
    pub fn timed(name: impl Into<String>, run: impl FnMut(u64) -> Duration + 'a) -> Self {
        Case {
            name: name.into(),
            run: Box::new(run),
            units: None,
        }
    }

    /// A case that always runs `units` units (e.g. a structure of that many
    /// nodes) and times itself; reported per unit.
    pub fn units(
        name: impl Into<String>,
        units: u64,
        run: impl FnMut(u64) -> Duration + 'a,
    ) -> Self {
        Case {
            units: Some(units),
            ..Case::timed(name, run)
        }
    }
}

/// Times `first` on `iters` fresh inputs, built untimed in chunks small
/// enough to stay in cache, so that the timing is the first access and not
/// memory traffic.
pub fn fresh<T>(iters: u64, make: impl Fn() -> T, mut first: impl FnMut(&T) -> u64) -> Duration {
    const CHUNK: u64 = 512;
    let mut total = Duration::ZERO;
    let mut left = iters;
    while left > 0 {
        let inputs: Vec<T> = (0..left.min(CHUNK)).map(|_| make()).collect();
        left -= inputs.len() as u64;
        total += timed(|| {
            let mut acc = 0_u64;
            for input in &inputs {
                acc = acc.wrapping_add(first(black_box(input)));
            }
            acc
        });
    }
    total
}

/// How long `work` takes; its result is kept from the optimizer.
pub fn timed<R>(work: impl FnOnce() -> R) -> Duration {
    let start = Instant::now();
    black_box(work());
    start.elapsed()
}

/// The timings of one case, in nanoseconds per call.
pub struct Timing {
    pub name: String,
    pub median: f64,
    pub best: f64,
}

/// Whether the binary runs as a benchmark (`cargo bench`) rather than as a
/// smoke test (`cargo test --benches`), where every case runs only briefly.
pub fn benchmarking() -> bool {
    std::env::args().any(|arg| arg == "--bench")
}

/// Times `cases` in `rounds` interleaved rounds of `iters` calls each, after
/// one warm-up round, and prints a table with ratios to the case named
/// `baselines`.
pub fn compare(
    title: &str,
    unit: &str,
    cases: &mut [Case<'_>],
    iters: u64,
    rounds: usize,
    baselines: &[&str],
) -> Vec<Timing> {
    let (iters, rounds) = if benchmarking() {
        (iters, rounds)
    } else {
        (1_000, 2)
    };
    let mut samples = vec![Vec::with_capacity(rounds); cases.len()];
    for case in cases.iter_mut() {
        (case.run)(case.units.unwrap_or(iters / 10 + 1));
    }
    for _ in 0..rounds {
        for (case, samples) in cases.iter_mut().zip(&mut samples) {
            let units = case.units.unwrap_or(iters);
            let elapsed = (case.run)(units);
            samples.push(elapsed.as_nanos() as f64 / units as f64);
        }
    }
    let timings: Vec<Timing> = cases
        .iter()
        .zip(samples)
        .map(|(case, mut samples)| {
            samples.sort_by(f64::total_cmp);
            Timing {
                name: case.name.clone(),
                median: samples[samples.len() / 2],
                best: samples[0],
            }
        })
        .collect();
    let per_round = if cases.iter().all(|case| case.units.is_some()) {
        String::from("each case once a round")
    } else {
        format!("{iters} {unit}s a case a round")
    };
    print_table(title, unit, &timings, baselines, rounds, &per_round);
    timings
}

fn print_table(
    title: &str,
    unit: &str,
    timings: &[Timing],
    baselines: &[&str],
    rounds: usize,
    per_round: &str,
) {
    println!("\n### {title} ({rounds} interleaved rounds, {per_round})\n");
    let mut header = format!("| case | median ns/{unit} | best ns/{unit} |");
    let mut rule = String::from("|---|---:|---:|");
    for baseline in baselines {
        header.push_str(&format!(" median / {baseline} | best / {baseline} |"));
        rule.push_str("---:|---:|");
    }
    println!("{header}\n{rule}");
    for timing in timings {
        let mut row = format!(
            "| {} | {:.3} | {:.3} |",
            timing.name, timing.median, timing.best
        );
        for baseline in baselines {
            match timings.iter().find(|t| t.name == *baseline) {
                Some(base) => row.push_str(&format!(
                    " {:.3} | {:.3} |",
                    timing.median / base.median,
                    timing.best / base.best
                )),
                None => row.push_str(" - | - |"),
            }
        }
        println!("{row}");
    }
}
