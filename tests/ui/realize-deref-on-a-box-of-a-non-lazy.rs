// `#[realize(deref)]` on a `Box` of a value that is no lazy, where
// `#[realize(plain, deref)]` was meant: the error says that the value cannot
// be realized and names `#[realize(plain, deref)]`; a `&mut self` method
// adds that it cannot lend mutably. The bounds of what it would realize to
// (a pointer) are not reported at each impl (8 more errors before).

use lazy_core::{RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn rename(&mut self, name: &str);
}

pub struct Real;
impl Tracker for Real {
    fn python_type(&self) -> &'static str {
        "int"
    }
    fn rename(&mut self, _: &str) {}
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct Boxed {
    #[realize(deref)]
    inner: Box<Real>,
}

fn main() {}
