// A mirror of `Drop`: one error at its path, since no forwarder could call
// `drop`; the derive that names it adds none.
use lazy_core::{Lazy, RealizeForward};

mod mirrors {
    #[lazy_core::forwardable(remote = ::core::ops::Drop)]
    pub trait Drop {
        fn drop(&mut self);
    }
}

pub struct Real;

impl Drop for Real {
    fn drop(&mut self) {}
}

#[derive(RealizeForward)]
#[realize_forward(mirrors::Drop)]
pub struct LazyReal(#[realize] Lazy<Real>);

fn main() {}
