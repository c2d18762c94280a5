mod types {
    pub struct TypeTag;
}

mod traits {
    use crate::types::TypeTag;

    #[lazy_core::forwardable]
    pub trait Tracker {
        fn python_type(&self) -> TypeTag;
    }

    impl Tracker for u8 {
        fn python_type(&self) -> TypeTag {
            TypeTag
        }
    }
}

use lazy_core::{Lazy, RealizeForward};
use traits::Tracker;

// `TypeTag` is not in scope here: the signatures of a trait resolve where the
// derive is written. The error points at the type in the trait's signature,
// and rustc's help imports it here, beside the derive.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
}

fn main() {}
