// A variant whose target does not implement the trait is one error, at that
// variant's field, however many methods the trait has.

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn set_name_hint(&mut self, name: &str);
    fn into_name(self) -> String;
}

pub struct Real;
impl Tracker for Real {
    fn python_type(&self) -> &'static str {
        "int"
    }
    fn set_name_hint(&mut self, _: &str) {}
    fn into_name(self) -> String {
        String::new()
    }
}

pub struct Untracked;

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub enum AnyTracker {
    Real(Real),
    Plain(Untracked),
    Later(#[realize] Lazy<Real>),
}

fn main() {}
