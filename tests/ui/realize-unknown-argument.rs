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
    #[realize(through)]
    cache: Lazy<u8>,
}

// The derive goes on as for `#[realize]`: using the impl is no further error.
fn main() {
    let tracker = LazyTracker {
        cache: Lazy::new(|| 1),
    };
    assert_eq!(tracker.python_type(), "int");
}
