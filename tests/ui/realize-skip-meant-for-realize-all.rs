use lazy_core::{Lazy, RealizeAll, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

impl Tracker for u8 {
    fn python_type(&self) -> &'static str {
        "int"
    }
}

// `#[realize(skip)]` for `#[realize_all(skip)]`: one error at `skip` naming
// the right attribute, and no "only one field can be `#[realize]`".
#[derive(RealizeForward, RealizeAll)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
    #[realize(skip)]
    name: String,
}

fn main() {}
