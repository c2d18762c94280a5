//! The blanket impl covers every type a crate could mark as forwarding it:
//! in the trait's crate, an impl of the trait for `&T` (or `Box<T>`, or any
//! `T`) or for another crate's type overlaps it, and rustc says so at
//! `blanket` (for the first such impl).

#[lazy_core::forwardable(blanket)]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

impl<T: Tracker + ?Sized> Tracker for &T {
    fn python_type(&self) -> &'static str {
        (**self).python_type()
    }
}

impl Tracker for u8 {
    fn python_type(&self) -> &'static str {
        "int"
    }
}

// The crate's own types are fine.
pub struct Real;

impl Tracker for Real {
    fn python_type(&self) -> &'static str {
        "real"
    }
}

fn main() {}
