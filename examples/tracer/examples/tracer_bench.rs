//! The tracer at scale: the whole command on generated frames of about
//! 10^4, 10^5 and 10^6 values, with `--lazy-only` and with the eager
//! comparison, against the floor of reading and parsing the frame's JSON.
//!
//! ```text
//! cargo run --release -p lazy-tracer --example tracer_bench
//! cargo run --release -p lazy-tracer --example tracer_bench -- 10000 100000   # chosen sizes
//! cargo run --release -p lazy-tracer --example tracer_bench -- --write 1000000 frame.json
//! ```
//!
//! Prints a markdown table of medians: each case runs side by side with its
//! floor, in rounds (floor, lazy-only, eager), so that a noisy machine
//! slows all three alike. The `--write` form only writes a generated frame.

use std::path::Path;
use std::time::{Duration, Instant};

use lazy_tracer::frame_gen::frame_of_about;
use lazy_tracer::run::{main_with_args, parse_frame};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, values, path] = args.as_slice()
        && flag == "--write"
    {
        let Ok(values) = values.parse::<usize>() else {
            eprintln!("error: `{values}` is not a number of values");
            std::process::exit(2);
        };
        if let Err(error) = std::fs::write(path, frame_of_about(values).to_json()) {
            eprintln!("error: cannot write {path}: {error}");
            std::process::exit(2);
        }
        return;
    }
    let mut sizes = Vec::new();
    for arg in &args {
        match arg.parse::<usize>() {
            Ok(size) => sizes.push(size),
            Err(_) => {
                eprintln!("error: `{arg}` is not a number of values");
                std::process::exit(2);
            }
        }
    }
    if sizes.is_empty() {
        sizes = vec![10_000, 100_000, 1_000_000];
    }
    let dir = std::env::temp_dir().join(format!("lazy-tracer-bench-{}", std::process::id()));
    if let Err(error) = std::fs::create_dir_all(&dir) {
        eprintln!("error: cannot create {}: {error}", dir.display());
        std::process::exit(2);
    }
    println!(
        "| values | JSON | read + parse (floor) | `--lazy-only` | × floor | with eager | × floor |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    for size in sizes {
        bench(&dir, size);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn bench(dir: &Path, size: usize) {
    let frame = frame_of_about(size);
    let values = frame.value_count();
    let json = frame.to_json();
    drop(frame);
    let path = dir.join(format!("frame-{size}.json"));
    if let Err(error) = std::fs::write(&path, &json) {
        eprintln!("error: cannot write {}: {error}", path.display());
        std::process::exit(2);
    }
    let rounds = match values {
        0..50_000 => 25,
        50_000..500_000 => 11,
        _ => 3,
    };
    let (mut floor, mut lazy, mut eager) = (Vec::new(), Vec::new(), Vec::new());
    // One round to warm the file cache and the allocator, not counted.
    for round in 0..=rounds {
        let times = [
            time(|| {
                let text = std::fs::read_to_string(&path).expect("the frame was just written");
                parse_frame("frame.json", &text).expect("a generated frame parses");
            }),
            time(|| command(&path, true)),
            time(|| command(&path, false)),
        ];
        if round > 0 {
            floor.push(times[0]);
            lazy.push(times[1]);
            eager.push(times[2]);
        }
    }
    let (floor, lazy, eager) = (median(floor), median(lazy), median(eager));
    println!(
        "| {} | {:.1} MB | {} | {} | {:.2} | {} | {:.1} |",
        thousands(values),
        json.len() as f64 / 1e6,
        shown(floor),
        shown(lazy),
        lazy.as_secs_f64() / floor.as_secs_f64(),
        shown(eager),
        eager.as_secs_f64() / floor.as_secs_f64(),
    );
}

/// The whole command, as `main` runs it, minus the process and the output.
fn command(frame: &Path, lazy_only: bool) {
    let mut args = vec!["--frame".to_string(), frame.display().to_string()];
    if lazy_only {
        args.push("--lazy-only".into());
    }
    let outcome = main_with_args(args);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
}

fn time(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times[times.len() / 2]
}

fn shown(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms >= 1000.0 {
        format!("{:.2} s", ms / 1000.0)
    } else {
        format!("{ms:.1} ms")
    }
}

fn thousands(n: usize) -> String {
    lazy_tracer::run::thousands(n)
}
