use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable(blanket)]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn set_name_hint(&mut self, name: &str);
}

#[forwardable(blanket)]
pub trait Named {
    fn name(&self) -> String;
    fn rename(&mut self, name: &str);
    fn into_name(self) -> String;
}

pub struct Real;
impl Tracker for Real {
    fn python_type(&self) -> &'static str { "int" }
    fn set_name_hint(&mut self, _: &str) {}
}
impl Named for Real {
    fn name(&self) -> String { String::new() }
    fn rename(&mut self, _: &str) {}
    fn into_name(self) -> String { String::new() }
}

// A lazy without `#[realize]`, forwarding blanket traits: one error at the
// field for each of lending mutably and giving the value away, whatever
// the number of traits (`Tracker` through the blanket impl's marker,
// `Named`, with a by-value method, through the derive's own impl). Each use of
// such a wrapper's methods adds rustc's E0599.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    cache: Lazy<Real>,
}

#[derive(RealizeForward)]
#[realize_forward(Tracker, Named)]
pub struct LazyNamed {
    cache: Box<Lazy<Real>>,
}

fn main() {
    let tracker = LazyTracker { cache: Lazy::new(|| Real) };
    let _ = tracker.python_type();
    let named = LazyNamed { cache: Box::new(Lazy::new(|| Real)) };
    let _ = named.name();
}
