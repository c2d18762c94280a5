use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

impl Tracker for u8 {
    fn python_type(&self) -> &'static str {
        "int"
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize]
    first: Lazy<u8>,
    #[realize]
    second: Lazy<u8>,
}

// The derive still writes the impl (through the first field): using it is
// no further error.
fn main() {
    let tracker = LazyTracker {
        first: Lazy::new(|| 1),
        second: Lazy::new(|| 2),
    };
    let _: &dyn Tracker = &tracker;
}
