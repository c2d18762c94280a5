use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn set_name_hint(&mut self, name: &str);
}

pub struct Real;
impl Tracker for Real {
    fn python_type(&self) -> &'static str { "int" }
    fn set_name_hint(&mut self, _: &str) {}
}

// `Deref` for `deref`: one error at the argument; the derive goes on as for
// `#[realize(deref)]`, so using the wrapper is no further error.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize(Deref)]
    cache: Lazy<Box<Real>>,
}

fn main() {
    let mut tracker = LazyTracker {
        cache: Lazy::new(|| Box::new(Real)),
    };
    tracker.set_name_hint("x");
    assert_eq!(tracker.python_type(), "int");
}
