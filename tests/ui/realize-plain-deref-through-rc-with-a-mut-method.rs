// `#[realize(plain, deref)]` on an `Rc`, which cannot lend its value
// mutably, with a `&mut self` method: one error, at `deref`.

use std::rc::Rc;

use lazy_core::{RealizeForward, forwardable};

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

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct SharedTracker(#[realize(plain, deref)] Rc<Real>);

fn main() {}
