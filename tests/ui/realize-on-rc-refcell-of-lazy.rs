use std::cell::RefCell;
use std::rc::Rc;

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

#[forwardable]
pub trait Hinted {
    fn set_name_hint(&mut self, name: &str);
}

pub struct Real;
impl Tracker for Real {
    fn python_type(&self) -> &'static str { "int" }
}
impl Hinted for Real {
    fn set_name_hint(&mut self, _: &str) {}
}

// A lazy needs no `RefCell` to build behind `Rc`: one error at `RefCell`
// (through the `Rc`), for both traits.
#[derive(RealizeForward)]
#[realize_forward(Tracker, Hinted)]
pub struct SharedTracker {
    #[realize]
    cache: Rc<RefCell<Lazy<Real>>>,
}

fn main() {}
