use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

pub struct Real;
impl Tracker for Real {
    fn python_type(&self) -> &'static str { "int" }
}

mod wrapper {
    use super::*;

    // The inherent `python_type` is private to another module, so the
    // forwarder's `Self::python_type` is the trait's own method: rustc's
    // recursion error (never a run-time loop), whose note gives the method
    // to write, says it may be private, and names `pub(crate)`.
    #[derive(RealizeForward)]
    #[realize_forward(Tracker, except(python_type))]
    pub struct LazyTracker {
        #[realize]
        pub cache: Lazy<Real>,
    }
}

mod answers {
    impl super::wrapper::LazyTracker {
        #[allow(dead_code)]
        fn python_type(&self) -> &'static str {
            "int"
        }
    }
}

fn main() {}
