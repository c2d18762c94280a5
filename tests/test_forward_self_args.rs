//! Arguments of type `Self`, `&Self` and `&mut Self` are the wrapper: the
//! forwarder realizes them like the receiver, so the target meets its own
//! type. (`Self` anywhere else, such as the return type, stays an error or
//! keeps the default.)

mod common;

use common::{Counted, counted};
use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Merge {
    fn same(&self, other: &Self) -> bool;
    fn steal(&mut self, other: &mut Self);
    fn absorb(&mut self, other: Self)
    where
        Self: Sized;
    fn total(&self) -> u32;
    /// With a default, the default is kept: it sees the wrappers.
    fn both(&self, other: &Self) -> u32 {
        self.total() + other.total()
    }
}

#[derive(Debug, Default)]
pub struct Bag(Vec<u32>);

impl Merge for Bag {
    fn same(&self, other: &Self) -> bool {
        self.0 == other.0
    }
    fn steal(&mut self, other: &mut Self) {
        self.0.append(&mut other.0);
    }
    fn absorb(&mut self, other: Self) {
        self.0.extend(other.0);
    }
    fn total(&self) -> u32 {
        self.0.iter().sum()
    }
    fn both(&self, _: &Self) -> u32 {
        unreachable!("the trait's default answers for the wrapper")
    }
}

#[derive(RealizeForward)]
#[realize_forward(Merge)]
pub struct LazyBag(#[realize] Lazy<Bag, Counted<Bag>>);

fn lazy(values: &'static [u32]) -> (LazyBag, std::rc::Rc<std::cell::Cell<u32>>) {
    let (cache, builds) = counted(move || Bag(values.to_vec()));
    (LazyBag(cache), builds)
}

#[test]
fn self_arguments_are_realized_too() {
    let (mut a, builds_a) = lazy(&[1, 2]);
    let (mut b, builds_b) = lazy(&[3]);
    let (c, builds_c) = lazy(&[1, 2]);
    assert!(a.same(&c));
    assert!(!a.same(&b));
    a.steal(&mut b);
    assert_eq!(a.total(), 6);
    assert_eq!(b.total(), 0);
    let (d, builds_d) = lazy(&[10]);
    a.absorb(d);
    assert_eq!(a.total(), 16);
    assert_eq!(a.both(&c), 19);
    let counts = [
        builds_a.get(),
        builds_b.get(),
        builds_c.get(),
        builds_d.get(),
    ];
    assert_eq!(counts, [1, 1, 1, 1]);
}
