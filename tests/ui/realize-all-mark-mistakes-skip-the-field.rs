// Mistakes in `#[derive(RealizeAll)]`'s field marks are one error each, at
// the mark; the field is left out and the impl written, so the walk's uses
// add none.

use lazy_core::{Lazy, RealizeAll};

pub struct NoWalk;

#[derive(RealizeAll)]
pub struct Frame {
    locals: Vec<Lazy<u32>>,
    #[realize(skip)]
    a: NoWalk,
    #[realize_all]
    b: NoWalk,
    #[realize_all()]
    c: NoWalk,
    #[realize_all = "skip"]
    d: NoWalk,
    #[realize_all("skip")]
    e: NoWalk,
    #[realize_all(skp)]
    f: NoWalk,
    // Misspelled, or with a path: rustc's error and lazy-core's at the name.
    #[realise_all(skip)]
    g: NoWalk,
    #[lazy_core::realize_all(skip)]
    h: NoWalk,
}

fn main() {
    let frame = Frame {
        locals: vec![Lazy::new(|| 1)],
        a: NoWalk,
        b: NoWalk,
        c: NoWalk,
        d: NoWalk,
        e: NoWalk,
        f: NoWalk,
        g: NoWalk,
        h: NoWalk,
    };
    frame.realize_all();
}
