use lazy_core::{RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

pub struct Real;
impl Tracker for Real {
    fn python_type(&self) -> &'static str {
        "int"
    }
}

// `sync` is not imported: rustc's one error on the field's type, the same as
// without the derive (whose copies of the type keep the type's own spans, so
// that rustc reports it once).
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize]
    cache: sync::Lazy<Real>,
}

fn main() {}
