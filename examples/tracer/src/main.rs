//! The `lazy-tracer` binary: the same command as `cargo run --example tracer`.

fn main() {
    lazy_tracer::run::main()
}
