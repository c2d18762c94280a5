// A misspelled `remote = ..` path: the first error is at the misspelled
// name, where rustc offers the name meant; each derive of the mirror still
// says so at its `realize_forward(..)` (the derives write the path where
// they are).
// Before, only those errors were given, and for a mirror named `MyDisplay`
// rustc's "similar name" at the derive was std's `Display`, which would
// replace the mirror.
use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable(remote = ::std::fmt::Dispaly)]
pub trait MyDisplay {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result;
}

#[derive(RealizeForward)]
#[realize_forward(MyDisplay)]
pub struct LazyText {
    #[realize]
    cache: Lazy<String>,
}

// A path from `crate`: the error is at its last name too (it was at
// `crate`, and at the `::` of a path from the root).
pub mod local {
    pub trait Store {
        fn get(&self) -> u8;
    }
}

#[forwardable(remote = crate::local::Stroe)]
pub trait MyStore {
    fn get(&self) -> u8;
}

fn main() {}
