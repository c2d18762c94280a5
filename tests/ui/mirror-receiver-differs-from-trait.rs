// The mirror says `&self` where `std::io::Read::read` takes `&mut self`:
// the error is at the mirror's receiver, and rustc's fix (another receiver)
// rewrites the mirror, not the `#[forwardable]` attribute. The forwarder's
// call, made through the mirror's receiver, is a second error (a known
// limit: the derive cannot see the real trait's receiver).
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

// The same for an enum: at the mirror's receiver, then one error per call.
#[derive(lazy_core::RealizeForward)]
#[realize_forward(Read)]
pub enum AnyReader {
    Now(Real),
    Later(#[realize] lazy_core::Lazy<Real>),
}

fn main() {}
