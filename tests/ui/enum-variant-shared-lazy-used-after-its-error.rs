//! An enum's variant whose lazy is shared through `Rc` cannot lend its value
//! mutably nor give it away: one error at the variant's type for each, and
//! the enum still implements the trait, so its uses (calls of the forwarded
//! methods, a `dyn` cast) add no error of their own.

use std::rc::Rc;

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn name(&self) -> String;
    fn rename(&mut self, name: &str);
    fn reset(&mut self);
    fn into_name(self) -> String;
}

pub struct Real(String);

impl Tracker for Real {
    fn name(&self) -> String {
        self.0.clone()
    }
    fn rename(&mut self, name: &str) {
        name.clone_into(&mut self.0);
    }
    fn reset(&mut self) {
        self.0.clear();
    }
    fn into_name(self) -> String {
        self.0
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub enum AnyTracker {
    Built(#[realize(plain)] Real),
    Owned(#[realize] Lazy<Real>),
    Shared(#[realize] Rc<Lazy<Real>>),
}

fn main() {
    let mut any = AnyTracker::Built(Real("x".to_owned()));
    any.rename("y");
    any.reset();
    let _ = any.name();
    let _: &dyn Tracker = &any;
    let _ = any.into_name();
}
