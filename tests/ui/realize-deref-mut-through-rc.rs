use std::rc::Rc;

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn set_name_hint(&mut self, hint: &str);
}

pub struct Real;

impl Tracker for Real {
    fn python_type(&self) -> &'static str {
        "int"
    }
    fn set_name_hint(&mut self, _: &str) {}
}

// The lazy's value is a pointer that cannot lend mutably (`Rc`), and the
// trait has a `&mut self` method: one error at `deref`, in lazy-core's terms
// (`DerefMutValue`), naming both fixes.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize(deref)]
    cache: Lazy<Rc<Real>>,
}

fn main() {}
