// The mirror says `&self` where `std::io::Read::read` takes `&mut self`:
// rustc's fix (another receiver) is not offered on the `#[forwardable]`
// attribute, which it would overwrite.
#[lazy_core::forwardable(remote = ::std::io::Read)]
pub trait Read {
    fn read(&self, buf: &mut [u8]) -> ::std::io::Result<usize>;
}

pub struct Real;
impl std::io::Read for Real {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        Ok(0)
    }
}

#[derive(lazy_core::RealizeForward)]
#[realize_forward(Read)]
pub struct LazyReader {
    #[realize]
    cache: lazy_core::Lazy<Real>,
}

fn main() {}
