//! The main example: a Dynamo-style tracer that runs a small program over a
//! frame of more than 10,000 values, once with lazy trackers and once with
//! eager ones, and compares what each built, guarded and cost.
//!
//! ```text
//! cargo run --release --example tracer
//! cargo run --release --example tracer -- --verbose
//! cargo run --release --example tracer -- --frame my_frame.json --program my_program.txt
//! ```
//!
//! Bad input is a one-line error with its line number, and exit code 2.

#[allow(
    dead_code,
    reason = "the test suite uses parts of the library that the command does not"
)]
#[path = "lib.rs"]
mod tracer;

fn main() {
    let outcome = tracer::run::main_with_args(std::env::args().skip(1));
    print!("{}", outcome.stdout);
    eprint!("{}", outcome.stderr);
    std::process::exit(outcome.code);
}
