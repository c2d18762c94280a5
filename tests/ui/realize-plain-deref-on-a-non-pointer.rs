// `#[realize(plain, deref)]` on a field that is no pointer: the target would
// be what the field points to. An error at `deref` that says to drop it; a
// `&mut self` method adds the same for `DerefMut` (the `Realize` and
// `RealizeMut` impls each ask theirs), at the same place.

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
pub struct PlainTracker {
    #[realize(plain, deref)]
    inner: Real,
}

fn main() {}
