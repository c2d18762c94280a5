use lazy_core::{Lazy, RealizeAll};

// `skip` is a flag: `skip = true` is one error at `skip`, and the field is
// still left out of the walk (no second error about `String`).
#[derive(RealizeAll)]
pub struct Frame {
    locals: Vec<Lazy<u8>>,
    #[realize_all(skip = true)]
    name: String,
}

fn main() {}
