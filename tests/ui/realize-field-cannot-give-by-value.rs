use std::rc::Rc;

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn into_type(self) -> &'static str;
}

impl Tracker for u8 {
    fn into_type(self) -> &'static str {
        "int"
    }
}

// A shared cache cannot give the value by value, which `into_type` needs.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct SharedTracker {
    #[realize]
    cache: Rc<Lazy<u8>>,
}

fn main() {}
