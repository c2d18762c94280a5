//! The main example of lazy-core and lazy-derive: a Dynamo-style tracer that
//! runs a small program over a frame of more than 10,000 values, with lazy
//! and with eager trackers, and compares what each built, guarded and cost.
//!
//! ```text
//! cargo run --release --example tracer
//! cargo run --release --example tracer -- --verbose
//! cargo run --release --example tracer -- --frame my_frame.json --program my_program.txt
//! ```
//!
//! The tracer itself is the `lazy-tracer` library beside this file; see its
//! README for the input language and what is an error.

fn main() {
    lazy_tracer::run::main()
}
