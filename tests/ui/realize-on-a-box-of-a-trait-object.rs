// `#[realize]` or `#[realize(deref)]` on a pointer to a trait object: the
// object is the target, not a lazy to realize. One error each, at the
// `dyn` type, naming `#[realize(plain, deref)]`; the derive writes no impl
// that would repeat it.

use std::rc::Rc;

use lazy_core::{RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn set_name_hint(&mut self, hint: &str);
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct Boxed {
    #[realize(deref)]
    inner: Box<dyn Tracker>,
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub enum AnyTracker {
    Shared(#[realize] Rc<dyn Tracker>),
    Borrowed(#[realize(plain, deref)] Box<dyn Tracker>),
}

fn main() {}
