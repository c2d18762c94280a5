// Parameters under more than 6 different `#[cfg]`s on one method: the derive
// would write 2^7 forwarders, so it says so once, at the trait's name, and
// the other methods are still forwarded. Listed in `except(...)`, the call of
// the inherent method has the same problem and the same error.

#![allow(clippy::non_minimal_cfg)]

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
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
    fn plain(&self) -> u8;
}

#[derive(RealizeForward)]
#[realize_forward(Configured)]
pub struct LazyConfigured(#[realize] Lazy<u8>);

#[derive(RealizeForward)]
#[realize_forward(Configured, except(seven))]
pub struct LazyExcepted(#[realize] Lazy<u8>);

impl LazyExcepted {
    #[allow(clippy::too_many_arguments)]
    fn seven(&self, a: u8, b: u8, c: u8, d: u8, e: u8, f: u8, g: u8) -> u8 {
        a + b + c + d + e + f + g
    }
}

impl Configured for u8 {
    fn seven(&self, a: u8, b: u8, c: u8, d: u8, e: u8, f: u8, g: u8) -> u8 {
        a + b + c + d + e + f + g
    }
    fn plain(&self) -> u8 {
        *self
    }
}

fn main() {
    let lazy = LazyConfigured(Lazy::new(|| 1));
    assert_eq!(lazy.plain(), 1);
    let excepted = LazyExcepted(Lazy::new(|| 1));
    assert_eq!(excepted.plain(), 1);
}
