//! Associated types (generic ones too) and consts; default methods; methods
//! the trait's default answers (`where Self: Sized`, no receiver, `Self` in
//! the signature).

mod common;

use common::{Counted, counted};
use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Source {
    type Item;
    type Window<'a>: Iterator<Item = &'a Self::Item>
    where
        Self: 'a;
    const NAME: &'static str;
    const LIMIT: usize = 3;

    fn items<'a>(&'a self) -> Self::Window<'a>;
    fn first(&self) -> Option<&Self::Item>;
    /// A default that the target overrides: the override must be heard.
    fn label(&self) -> String {
        String::from("default label")
    }
    /// A default that the target keeps.
    fn shout(&self) -> String {
        format!("{}!", Self::NAME)
    }
    /// `where Self: Sized` with a default: the default is kept.
    fn count_all(&self) -> usize
    where
        Self: Sized,
    {
        usize::MAX
    }
    /// `where Self: Sized` without a default: forwarded.
    fn consume(self) -> Vec<Self::Item>
    where
        Self: Sized;
    /// No receiver, with a default: kept.
    fn kind() -> &'static str
    where
        Self: Sized,
    {
        "source"
    }
    /// `Self` in argument position, with a default: kept.
    fn same(&self, _other: &Self) -> bool {
        false
    }
}

pub struct Numbers(Vec<u32>);

impl Source for Numbers {
    type Item = u32;
    type Window<'a> = std::slice::Iter<'a, u32>;
    const NAME: &'static str = "numbers";
    const LIMIT: usize = 10;

    fn items<'a>(&'a self) -> Self::Window<'a> {
        self.0.iter()
    }
    fn first(&self) -> Option<&u32> {
        self.0.first()
    }
    fn label(&self) -> String {
        format!("{} numbers", self.0.len())
    }
    fn count_all(&self) -> usize {
        self.0.len()
    }
    fn consume(self) -> Vec<u32> {
        self.0
    }
}

#[derive(RealizeForward)]
#[realize_forward(Source)]
pub struct LazyNumbers {
    #[realize]
    cache: Lazy<Numbers, Counted<Numbers>>,
}

fn lazy() -> (LazyNumbers, std::rc::Rc<std::cell::Cell<u32>>) {
    let (cache, builds) = counted(|| Numbers(vec![4, 5, 6]));
    (LazyNumbers { cache }, builds)
}

#[test]
fn associated_types_and_consts_are_the_targets() {
    let (numbers, builds) = lazy();
    assert_eq!(<LazyNumbers as Source>::NAME, "numbers");
    assert_eq!(<LazyNumbers as Source>::LIMIT, 10);
    assert_eq!(builds.get(), 0, "consts need no value");
    let first: Option<&u32> = numbers.first();
    assert_eq!(first, Some(&4));
    let window: std::slice::Iter<'_, u32> = numbers.items();
    assert_eq!(window.copied().collect::<Vec<u32>>(), vec![4, 5, 6]);
    assert_eq!(builds.get(), 1);
}

#[test]
fn default_methods_are_forwarded_so_overrides_are_heard() {
    let (numbers, builds) = lazy();
    assert_eq!(numbers.label(), "3 numbers");
    assert_eq!(numbers.shout(), "numbers!");
    assert_eq!(builds.get(), 1);
}

#[test]
fn sized_default_receiverless_and_self_argument_keep_the_default() {
    let (numbers, builds) = lazy();
    assert_eq!(
        numbers.count_all(),
        usize::MAX,
        "the trait's default answers"
    );
    assert_eq!(<LazyNumbers as Source>::kind(), "source");
    let (other, _) = lazy();
    assert!(!numbers.same(&other));
    assert_eq!(builds.get(), 0, "no default body realizes");
}

#[test]
fn sized_method_without_default_is_forwarded() {
    let (numbers, builds) = lazy();
    assert_eq!(numbers.consume(), vec![4, 5, 6]);
    assert_eq!(builds.get(), 1);
}

// Two forwarded traits with an associated type of the same name: `Self::Item`
// in the forwarders (and a supertrait's `Self::Item`) must still resolve.
#[forwardable]
pub trait Firsts {
    type Item;
    fn first_item(&self) -> Option<Self::Item>;
}

impl Firsts for std::vec::IntoIter<u8> {
    type Item = u16;
    fn first_item(&self) -> Option<u16> {
        self.as_slice().first().map(|b| u16::from(*b) * 100)
    }
}

#[derive(RealizeForward)]
#[realize_forward(
    Firsts,
    lazy_core::remote::Iterator,
    lazy_core::remote::DoubleEndedIterator
)]
pub struct LazyBytes(#[realize] Lazy<std::vec::IntoIter<u8>, Counted<std::vec::IntoIter<u8>>>);

#[test]
fn same_named_associated_types_of_two_traits() {
    let (cache, builds) = counted(|| vec![1, 2].into_iter());
    let mut bytes = LazyBytes(cache);
    let first: Option<u16> = bytes.first_item();
    assert_eq!(first, Some(100));
    let next: Option<u8> = bytes.next();
    assert_eq!(next, Some(1));
    assert_eq!(builds.get(), 1);
}

/// A borrowed cache: the wrapper's lifetime `'a` has the name of the GAT's
/// and the method's lifetime parameter, which the derive renames. A borrow
/// cannot give the value by value, so `consume` is the wrapper's own.
#[derive(RealizeForward)]
#[realize_forward(Source, except(consume))]
pub struct BorrowedNumbers<'a> {
    #[realize]
    cache: &'a Lazy<Numbers, Counted<Numbers>>,
}

impl BorrowedNumbers<'_> {
    fn consume(self) -> Vec<u32> {
        use lazy_core::Realize;
        self.cache.realize().0.clone()
    }
}

#[test]
fn gat_and_method_lifetimes_named_like_the_wrappers() {
    let (cache, builds) = counted(|| Numbers(vec![7, 8]));
    let borrowed = BorrowedNumbers { cache: &cache };
    assert_eq!(borrowed.items().copied().collect::<Vec<u32>>(), vec![7, 8]);
    assert_eq!(borrowed.first(), Some(&7));
    assert_eq!(Source::consume(borrowed), vec![7, 8]);
    assert_eq!(builds.get(), 1);
}
