// A field whose type does not implement `RealizeAll`: one error at the
// field, whose note names each fix (a trait object's too: the trait takes
// `RealizeAll` as a supertrait).
use lazy_core::{Lazy, RealizeAll};

struct Guards(Vec<&'static str>);

trait Tracker {}

#[derive(RealizeAll)]
struct Frame {
    locals: Vec<Lazy<u32>>,
    guards: Guards,
}

#[derive(RealizeAll)]
struct Trackers {
    items: Vec<Box<dyn Tracker>>,
}

fn main() {}
