// Deriving a deprecated trait is a use of it, reported once on the derive
// attribute; the forwarders of its methods add nothing.
#![deny(deprecated)]

#[allow(deprecated)]
mod old {
    #[deprecated(note = "use `New`")]
    #[lazy_core::forwardable]
    pub trait Old {
        fn first(&self) -> u8;
        fn second(&self) -> u8;
    }

    impl Old for u8 {
        fn first(&self) -> u8 {
            1
        }
        fn second(&self) -> u8 {
            2
        }
    }
}

#[allow(deprecated)]
use old::Old;

#[derive(lazy_core::RealizeForward)]
#[realize_forward(Old)]
pub struct LazyOld(#[realize] lazy_core::Lazy<u8>);

fn main() {}
