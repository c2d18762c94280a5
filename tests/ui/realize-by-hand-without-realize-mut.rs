use std::rc::Rc;

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

// `Realize` written by hand over a shared lazy, which cannot lend its value
// mutably: one error, at the field, whose message names both fixes (the
// mark, or `RealizeMut` beside the hand-written `Realize`) and whose note
// says what to do for a shared cache.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct SharedTracker {
    cache: Rc<Lazy<Real>>,
}

impl lazy_core::Realize for SharedTracker {
    type Target = Real;
    fn realize(&self) -> &Real {
        lazy_core::Realize::realize(&*self.cache)
    }
}

fn main() {}
