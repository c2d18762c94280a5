use lazy_core::{RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

// `#[realize]` needs a field that implements `lazy_core::Realize`, such as a
// `Lazy`; a plain value is not one.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct NotLazy {
    #[realize]
    value: u8,
}

fn main() {}
