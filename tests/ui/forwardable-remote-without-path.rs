// `remote` without the path of the mirrored trait: the error points at
// `remote` (or at its `=`), not at the whole attribute, and shows the form.

#[lazy_core::forwardable(remote)]
pub trait Read {
    fn read(&mut self, buf: &mut [u8]) -> ::std::io::Result<usize>;
}

#[lazy_core::forwardable(remote =)]
pub trait Write {
    fn flush(&mut self) -> ::std::io::Result<()>;
}

fn main() {}
