use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Store<T> {
    fn put(&self, value: T);
    fn last(&self) -> Option<T>;
}

pub struct Real;
impl<T> Store<T> for Real {
    fn put(&self, _: T) {}
    fn last(&self) -> Option<T> { None }
}

// `T` is neither a type in scope nor a parameter of the wrapper: one error,
// at `T`, however many times the trait's signatures use it.
#[derive(RealizeForward)]
#[realize_forward(Store<T>)]
pub struct LazyStore {
    #[realize]
    cache: Lazy<Real>,
}

fn main() {}
