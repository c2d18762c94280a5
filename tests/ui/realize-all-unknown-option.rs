use lazy_core::{Lazy, RealizeAll};

#[derive(RealizeAll)]
struct Frame {
    #[realize_all(ignore)]
    locals: Vec<Lazy<u32>>,
    #[realize_all]
    depth: usize,
}

fn main() {}
