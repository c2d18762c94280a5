// A wrapper without fields has nothing for the derive to forward to: it
// implements `Realize` (and `RealizeMut` for `&mut self` methods) by hand,
// which the derive cannot see, so the error is rustc's, at the wrapper, and
// its note says so. With the impls written, it forwards (`Static`).
use lazy_core::{Realize, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn set(&mut self, value: u8);
}

pub struct Real(pub u8);
impl Tracker for Real {
    fn python_type(&self) -> &'static str {
        "int"
    }
    fn set(&mut self, value: u8) {
        self.0 = value;
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct Unit;

#[forwardable]
pub trait Named {
    fn name(&self) -> &'static str;
}

impl Named for Real {
    fn name(&self) -> &'static str {
        "real"
    }
}

static REAL: Real = Real(0);

#[derive(RealizeForward)]
#[realize_forward(Named)]
pub struct Static;

impl Realize for Static {
    type Target = Real;
    fn realize(&self) -> &Real {
        &REAL
    }
}

fn main() {
    assert_eq!(Static.name(), "real");
}
