use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Code {
    fn code(&self) -> u8;
}

impl Code for u8 {
    fn code(&self) -> u8 {
        *self
    }
}

// The inherent method takes and returns what the trait method does, but as
// an `extern "C"` function, which is no `FnOnce`: the note says so.
#[derive(RealizeForward)]
#[realize_forward(Code, except(code))]
pub struct Wrapper(#[realize] Lazy<u8>);

impl Wrapper {
    pub extern "C" fn code(&self) -> u8 {
        9
    }
}

fn main() {}
