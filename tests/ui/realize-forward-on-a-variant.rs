// `#[realize_forward(...)]` written on a variant instead of the enum: one
// error at the attribute saying where it goes (it was ignored, and the enum
// silently lacked the trait).

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

#[forwardable]
pub trait Named {
    fn name(&self) -> String;
}

impl Tracker for u8 {
    fn python_type(&self) -> &'static str {
        "int"
    }
}

impl Named for u8 {
    fn name(&self) -> String {
        String::from("x")
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub enum AnyTracker {
    #[realize_forward(Named)]
    Lazy(#[realize] Lazy<u8>),
}

#[derive(RealizeForward)]
pub enum OnlyOnAVariant {
    #[realize_forward(Named)]
    Lazy(#[realize] Lazy<u8>),
}

fn main() {}
