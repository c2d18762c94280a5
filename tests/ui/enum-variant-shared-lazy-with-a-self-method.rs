//! An enum's variant whose lazy is shared through `Rc`, with a forwarded
//! method that returns `Self`: the variant cannot be built back from its
//! target. One error at the variant's type, and the enum still implements
//! the trait, so calls of the forwarded methods add no error of their own
//! (the bound on `FromRealized` named no parameter: when it failed, rustc
//! held the impl unimplemented, and each call was one more error: 2 here).

use std::rc::Rc;

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn name(&self) -> String;
    fn again(&self) -> Self;
}

#[derive(Clone)]
pub struct Real(u32);

impl Tracker for Real {
    fn name(&self) -> String {
        self.0.to_string()
    }
    fn again(&self) -> Self {
        self.clone()
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub enum AnyTracker {
    Owned(#[realize] Lazy<Real>),
    Shared(#[realize] Rc<Lazy<Real>>),
}

fn main() {
    let any = AnyTracker::Owned(Lazy::new(|| Real(1)));
    let again = any.again();
    let _ = again.name();
}
