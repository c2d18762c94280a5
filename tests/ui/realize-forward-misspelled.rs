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

// One error of the derive's at the name, beside rustc's (whose suggestion,
// `realize_all`, is another derive's attribute); read as meant, so that
// using the impl is no further error.
#[derive(RealizeForward)]
#[realize_fwd(Tracker)]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
}

fn main() {
    let tracker = LazyTracker {
        cache: Lazy::new(|| 1),
    };
    assert_eq!(tracker.python_type(), "int");
}
