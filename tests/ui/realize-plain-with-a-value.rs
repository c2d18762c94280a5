// `plain = true`, `Plain` and `plain, plain` for the flag `plain`: one error
// each at the option; the derive goes on as for `#[realize(plain)]` (the target is the
// field, which needs no `Realize`).

use lazy_core::{RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

pub struct Real;
impl Tracker for Real {
    fn python_type(&self) -> &'static str {
        "int"
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct WithValue {
    #[realize(plain = true)]
    inner: Real,
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct Capitalized {
    #[realize(Plain)]
    inner: Real,
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct Twice {
    #[realize(plain, plain)]
    inner: Real,
}

fn main() {
    assert_eq!(Twice { inner: Real }.python_type(), "int");
    assert_eq!(WithValue { inner: Real }.python_type(), "int");
    assert_eq!(Capitalized { inner: Real }.python_type(), "int");
}
