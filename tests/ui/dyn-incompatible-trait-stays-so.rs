// A trait that is not dyn-compatible stays so, with rustc's usual reasons
// and nothing about the hidden supertrait that carries its signature types.
mod model {
    use std::collections::BTreeMap;

    #[lazy_core::forwardable]
    pub trait Catalog {
        fn entries(&self) -> BTreeMap<String, u32>;
        fn first<T: Clone>(&self, items: &[T]) -> Option<T>;
    }
}

fn boxed(catalog: Box<dyn model::Catalog>) -> usize {
    catalog.entries().len()
}

fn main() {}
