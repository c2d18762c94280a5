use std::io::Read as StdRead;

// `crate::` in a mirror means the remote trait's crate, which a remote path
// of one name does not say.
#[lazy_core::forwardable(remote = StdRead)]
pub trait Read {
    fn read(&mut self, buf: &mut [u8]) -> crate::io::Result<usize>;
}

fn main() {}
