#[lazy_core::forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

// The macro beside the trait is for `#[derive(RealizeForward)]` only.
Tracker! { struct Oops; }

fn main() {}
