// A `pub` trait whose signature names a crate-private type (which rustc's
// `private_interfaces` lint warns about): the hidden supertrait that carries
// the trait's types cannot hold it. Allowing the lint on the trait or the
// method keeps that method's types where the derive is written instead.
pub mod model {
    pub(crate) struct Secret;

    #[lazy_core::forwardable]
    pub trait Catalog {
        fn secret(&self) -> Secret;
    }
}

fn main() {}
