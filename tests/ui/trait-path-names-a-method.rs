// A method named through its trait in `realize_forward(...)`, as if it
// forwarded that method alone: one error at the method's name that says
// to name the trait (and `except(...)` for what the wrapper answers itself).
// The derive goes on with the trait, so the call below adds no error. Before,
// rustc read the path as an import of an associated item (an unstable
// feature) and named the derive's own alias of it.
use lazy_core::{Lazy, RealizeForward};

pub mod model {
    #[lazy_core::forwardable]
    pub trait Tracker {
        fn python_type(&self) -> &'static str;
        fn is_constant(&self) -> bool;
    }
}

use model::Tracker;

pub struct Real;

impl Tracker for Real {
    fn python_type(&self) -> &'static str {
        "int"
    }
    fn is_constant(&self) -> bool {
        true
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker::python_type)]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<Real>,
}

#[derive(RealizeForward)]
#[realize_forward(model::Tracker::is_constant)]
pub struct OtherTracker {
    #[realize]
    cache: Lazy<Real>,
}

fn main() {
    let tracker = LazyTracker { cache: Lazy::new(|| Real) };
    let other = OtherTracker { cache: Lazy::new(|| Real) };
    let _ = (tracker.python_type(), other.is_constant());
}
