//! Parameters under more than 6 different `#[cfg]`s on one method: `blanket`
//! says so at the method, and the derive its own error, as without `blanket`.

#![allow(clippy::non_minimal_cfg)]

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable(blanket)]
pub trait Configured {
    #[allow(clippy::too_many_arguments)]
    fn seven(
        &self,
        #[cfg(all())] a: u8,
        #[cfg(not(any()))] b: u8,
        #[cfg(all(all()))] c: u8,
        #[cfg(any(all()))] d: u8,
        #[cfg(not(not(all())))] e: u8,
        #[cfg(all(not(any())))] f: u8,
        #[cfg(any(not(any())))] g: u8,
    ) -> u8;
}

pub struct Real;

impl Configured for Real {
    fn seven(&self, a: u8, b: u8, c: u8, d: u8, e: u8, f: u8, g: u8) -> u8 {
        a + b + c + d + e + f + g
    }
}

#[derive(RealizeForward)]
#[realize_forward(Configured)]
pub struct LazyConfigured(#[realize] Lazy<Real>);

fn main() {}
