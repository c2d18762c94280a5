// The mirror says `buf: &[u8]` where `std::io::Read::read` takes
// `&mut [u8]`: the error and rustc's fix point at the mirror's parameter,
// not at `realize_forward(Read)`.
#[lazy_core::forwardable(remote = ::std::io::Read)]
pub trait Read {
    fn read(&mut self, buf: &[u8]) -> ::std::io::Result<usize>;
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
