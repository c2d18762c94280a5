// `#[realize(deref)]` on an `Rc` or `Arc` of a value that is no lazy, where
// `#[realize(plain, deref)]` was meant, with a `&mut self` method: the
// errors say that the value cannot be realized (naming `#[realize(plain,
// deref)]`) and that the pointer cannot lend mutably, at the field. The
// bound on lending mutably is on the pointer, which said nothing of what
// realizing gives: every place that named the target was one more error
// (15 for one wrapper before, among them one naming lazy-core's
// `DerefValue`).
use std::rc::Rc;
use std::sync::Arc;

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
pub struct Shared {
    #[realize(deref)]
    inner: Rc<Real>,
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct Threaded {
    #[realize(deref)]
    inner: Arc<Real>,
}

fn main() {}
