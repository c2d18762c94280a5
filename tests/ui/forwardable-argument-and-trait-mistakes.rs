// A mistake in `#[forwardable(...)]` and one in the trait: both reported at
// once, each where it is.

macro_rules! methods {
    () => {
        fn python_type(&self) -> &'static str;
    };
}

#[lazy_core::forwardable(remot = ::std::fmt::Display)]
pub trait Tracker {
    methods!();
}

fn main() {}
