use lazy_core::RealizeAll;

#[derive(RealizeAll)]
#[realize_all(skip)]
struct Frame {
    depth: usize,
}

fn main() {}
