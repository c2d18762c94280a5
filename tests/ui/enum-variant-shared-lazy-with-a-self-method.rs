//! An enum's variants that cannot be built back from their target, with a
//! forwarded method that returns `Self`: a lazy borrowed through `&` (an
//! `Rc` or `Arc` is built back as a new one; a reference cannot be), a lazy
//! of a box under `deref`. One error at each variant's type, and the enum
//! still implements the trait, so calls of the forwarded methods add no
//! error of their own (the bounds on `FromRealized` named no parameter:
//! when one failed, rustc held the impl unimplemented, and each call was one
//! more error).

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
    Borrowed(#[realize] &'static Lazy<Real>),
    // Built back through `deref`: a lazy of a box cannot be built from the
    // boxed value (one error here, checked in the arm too).
    Pointed(#[realize(deref)] Lazy<Box<Real>>),
}

fn main() {
    let any = AnyTracker::Owned(Lazy::new(|| Real(1)));
    let again = any.again();
    let _ = again.name();
}
