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

// The British spelling on a struct's field, another case on an enum
// variant's: each one error of the derive's at the name, beside rustc's;
// read as `#[realize]`, so that the wrapper realizes and its uses add
// nothing.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realise]
    cache: Lazy<u8>,
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub enum Value {
    Lazy(#[Realize] Lazy<u8>),
    Known(#[realize(plain)] u8),
}

fn main() {
    let tracker = LazyTracker {
        cache: Lazy::new(|| 1),
    };
    assert_eq!(tracker.python_type(), "int");
    assert_eq!(Value::Known(2).python_type(), "int");
}
