//! `#[forwardable(blanket)]` writes one impl for every wrapper: a trait with
//! generic parameters, whose arguments each wrapper names, cannot have one.

#[lazy_core::forwardable(blanket)]
pub trait Store<T> {
    fn get(&self) -> T;
}

fn main() {}
