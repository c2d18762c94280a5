// A field that reaches its target through a shared reference (a lazy behind
// `&'a`, or `#[realize(plain, deref)]` on `&'a dyn Trait`) cannot lend it
// mutably: in a generic wrapper a `&mut self` method is one error at the
// `&`, not an impl that every use finds unusable.

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

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct Borrowed<'a>(#[realize(plain, deref)] &'a dyn Tracker);

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct BorrowedLazy<'a>(#[realize] &'a Lazy<Real>);

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub enum AnyTracker<'a> {
    Owned(Real),
    Borrowed(#[realize(plain, deref)] &'a Real),
}

// `self: Pin<&mut Self>` needs the target mutably too.
#[forwardable]
pub trait Poller {
    fn poll_once(self: std::pin::Pin<&mut Self>) -> u8;
}

impl Poller for Real {
    fn poll_once(self: std::pin::Pin<&mut Self>) -> u8 {
        1
    }
}

#[derive(RealizeForward)]
#[realize_forward(Poller)]
pub struct BorrowedPoller<'a>(#[realize] &'a Lazy<Real>);

fn main() {
    let real = Real;
    assert_eq!(Borrowed(&real).python_type(), "int");
}
