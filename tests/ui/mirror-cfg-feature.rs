use lazy_core::{Lazy, RealizeForward};

// Copied from a crate whose `read_to_end` exists only with its `std`
// feature: in the mirror, the `#[cfg]` would test this crate's features and
// drop the method without a word.
#[lazy_core::forwardable(remote = ::std::io::Read)]
pub trait Read {
    fn read(&mut self, buf: &mut [u8]) -> ::std::io::Result<usize>;
    #[cfg(feature = "std")]
    fn read_to_end(&mut self, buf: &mut Vec<u8>) -> ::std::io::Result<usize>;
}

#[derive(RealizeForward)]
#[realize_forward(Read)]
pub struct LazyReader {
    #[realize]
    cache: Lazy<&'static [u8]>,
}

fn main() {}
