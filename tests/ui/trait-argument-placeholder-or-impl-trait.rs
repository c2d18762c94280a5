// `_` or `impl Trait` among a trait's arguments stands for no type in the
// impl: one error at it, naming the fix (the type, or the trait bare to
// forward every instantiation the target has), not one per forwarded method.
use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Store<K> {
    fn put(&mut self, key: K);
    fn last(&self) -> Option<K>;
}

pub struct Real;
impl<K> Store<K> for Real {
    fn put(&mut self, _: K) {}
    fn last(&self) -> Option<K> {
        None
    }
}

#[derive(RealizeForward)]
#[realize_forward(Store<_>)]
pub struct Placeholder {
    #[realize]
    cache: Lazy<Real>,
}

#[derive(RealizeForward)]
#[realize_forward(Store<impl Copy>)]
pub struct ImplTrait {
    #[realize]
    cache: Lazy<Real>,
}

#[derive(RealizeForward)]
#[realize_forward(Store<Vec<_>>)]
pub struct Nested {
    #[realize]
    cache: Lazy<Real>,
}

fn main() {}
