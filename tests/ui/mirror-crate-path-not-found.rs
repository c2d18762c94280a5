use lazy_core::{Lazy, RealizeForward};

// `crate::` in a mirror is the remote trait's crate: a misspelled name is
// looked up there, and the error names that crate's module (never a
// `$crate` the user did not write).
#[lazy_core::forwardable(remote = ::std::io::Read)]
pub trait Read {
    fn read(&mut self, buf: &mut [u8]) -> crate::io::Reslt<usize>;
}

#[derive(RealizeForward)]
#[realize_forward(Read)]
pub struct LazyReader {
    #[realize]
    cache: Lazy<&'static [u8]>,
}

fn main() {}
