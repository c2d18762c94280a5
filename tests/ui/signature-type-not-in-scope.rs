mod types {
    pub struct Tagged<T>(pub T);
}

mod traits {
    use crate::types::Tagged;

    #[lazy_core::forwardable]
    pub trait Tracker {
        fn tagged<T>(&self, value: T) -> Tagged<T>;
    }

    impl Tracker for u8 {
        fn tagged<T>(&self, value: T) -> Tagged<T> {
            Tagged(value)
        }
    }
}

use lazy_core::{Lazy, RealizeForward};
use traits::Tracker;

// A type of the trait's signatures that names a generic parameter of the
// method (`Tagged<T>`) resolves where the derive is written: `Tagged` is not
// in scope here. The error points at the type in the trait's signature, and
// rustc's help imports it here, beside the derive. (`Tagged<u8>` would
// resolve where the trait is.)
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
}

fn main() {}
