//! A method that returns the wrapper itself needs the derive's impl per
//! wrapper (which rebuilds that wrapper): `blanket` cannot write it once.

#[lazy_core::forwardable(blanket)]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn fork(&self) -> Self;
}

fn main() {}
