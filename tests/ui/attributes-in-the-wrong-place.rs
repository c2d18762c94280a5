use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

impl Tracker for u8 {
    fn python_type(&self) -> &'static str {
        "int"
    }
}

#[derive(RealizeForward)]
#[realize]
#[realize_forward(Tracker)]
pub struct OnTheType {
    cache: Lazy<u8>,
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub enum OnAVariant {
    #[realize]
    Lazy(Lazy<u8>),
}

#[derive(RealizeForward)]
pub struct ForwardOnAField {
    #[realize]
    #[realize_forward(Tracker)]
    cache: Lazy<u8>,
}

fn main() {}
