// Mistakes in an edition-2015 crate, checked by tests/test_edition2015_errors.rs:
// each is the macros' own one error, as in later editions.
#[macro_use]
extern crate lazy_core;

mod traits {
    #[forwardable]
    pub trait Tracker {
        fn python_type(&self) -> &'static str;
    }

    impl Tracker for u8 {
        fn python_type(&self) -> &'static str {
            "int"
        }
    }

    #[forwardable]
    pub trait Hinted {
        fn hint(&self, u8) -> u8;
    }
}

use traits::{Hinted, Tracker};

#[derive(RealizeForward)]
#[realize_forward(Tracker, exept(python_type))]
struct Misspelled {
    #[realize]
    cache: lazy_core::Lazy<u8>,
}

#[derive(RealizeForward)]
#[realize_forward(Hinted)]
struct Unnamed {
    #[realize]
    cache: lazy_core::Lazy<u8>,
}

#[derive(RealizeAll)]
struct Walked {
    #[realize_all(skp)]
    depth: u8,
}

#[forwardable]
struct NotATrait;

fn main() {}
