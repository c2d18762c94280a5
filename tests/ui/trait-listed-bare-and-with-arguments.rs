// A generic trait named without arguments beside the same trait named with
// them: the bare one is forwarded for every instantiation, the other among
// them. One error at the second, where there were two impls (E0119); the
// first is forwarded, so the calls in `main` add no error.

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Store<T> {
    fn put(&mut self, item: T);
}

pub struct Items;

impl<T> Store<T> for Items {
    fn put(&mut self, _item: T) {}
}

#[forwardable]
pub trait Tracker {
    fn get(&self) -> u8;
}

impl Tracker for Items {
    fn get(&self) -> u8 {
        1
    }
}

#[derive(RealizeForward)]
#[realize_forward(Store, Store<u8>)]
pub struct BareFirst(#[realize] Lazy<Items>);

#[derive(RealizeForward)]
#[realize_forward(Store<u8>)]
#[realize_forward(Store)]
pub struct BareLast(#[realize] Lazy<Items>);

#[derive(RealizeForward)]
#[realize_forward(Tracker, Tracker<>)]
pub struct EmptyArguments(#[realize] Lazy<Items>);

fn main() {
    BareFirst(Lazy::new(|| Items)).put(1u16);
    BareLast(Lazy::new(|| Items)).put(1u8);
    let _ = EmptyArguments(Lazy::new(|| Items)).get();
}
