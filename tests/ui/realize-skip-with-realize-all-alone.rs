use lazy_core::{Lazy, RealizeAll};

// `#[realize(skip)]` for `#[realize_all(skip)]` on a type that derives only
// `RealizeAll`: the same one error at `skip` as beside `RealizeForward`
// (not rustc's "cannot find attribute"), and the field is left out of the
// walk, so `Guards` needs no `RealizeAll`.
struct Guards(Vec<&'static str>);

#[derive(RealizeAll)]
struct Frame {
    locals: Vec<Lazy<u32>>,
    #[realize(skip)]
    guards: Guards,
}

fn main() {}
