// A `#[forwardable]` trait whose signatures name types of its own module
// (carried through a hidden supertrait): implemented by hand, it asks for
// nothing more than its own items, and a missing method is rustc's usual
// error, about that method alone.
mod model {
    use std::collections::BTreeMap;

    pub struct Tag;
    pub type Result<T> = std::result::Result<T, Tag>;

    #[lazy_core::forwardable]
    pub trait Catalog {
        fn entries(&self) -> BTreeMap<String, u32>;
        fn tag(&self) -> Result<Tag>;
    }
}

struct ByHand;

impl model::Catalog for ByHand {
    fn tag(&self) -> model::Result<model::Tag> {
        Ok(model::Tag)
    }
}

fn main() {}
