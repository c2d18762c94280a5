use lazy_core::{Lazy, RealizeAll};

struct Guards(Vec<&'static str>);

#[derive(RealizeAll)]
struct Frame {
    locals: Vec<Lazy<u32>>,
    guards: Guards,
}

fn main() {}
