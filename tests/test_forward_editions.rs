//! A trait defined in an edition-2021 crate derived here (edition 2024), an
//! edition-2024 trait derived in an edition-2021 crate, and wrappers of an
//! edition-2015 crate.

mod common;

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use common::{Counted, counted};
use edition2021_traits::{Legacy, Numbers};
use edition2024_traits::{Modern, Numbers as Numbers2};
use lazy_core::{Lazy, RealizeForward};

#[derive(RealizeForward)]
#[realize_forward(Legacy)]
pub struct LazyLegacy {
    #[realize]
    cache: Lazy<Numbers, Counted<Numbers>>,
}

fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(value) = future.as_mut().poll(&mut cx) {
            return value;
        }
    }
}

#[test]
fn edition_2021_trait_derived_in_edition_2024() {
    let (cache, builds) = counted(|| Numbers(vec![1, 2]));
    let mut lazy = LazyLegacy { cache };
    assert_eq!(lazy.r#gen(), 2);
    lazy.bump(10);
    assert_eq!(lazy.values().copied().collect::<Vec<u32>>(), vec![11, 12]);
    assert_eq!(block_on(lazy.later()), 23);
    assert_eq!(
        lazy.outside_tests(),
        7,
        "the trait's crate decides which cfg'd methods exist"
    );
    assert_eq!(
        lazy.scaled(2),
        46,
        "the trait's crate decides which cfg'd parameters exist"
    );
    assert_eq!(builds.get(), 1);
}

/// The same trait named by an absolute path into the other crate.
#[derive(RealizeForward)]
#[realize_forward(::edition2021_traits::Legacy)]
pub struct ByPath(#[realize] Lazy<Numbers>);

#[test]
fn trait_of_another_crate_named_by_path() {
    let lazy = ByPath(Lazy::new(|| Numbers(vec![3])));
    assert_eq!(lazy.r#gen(), 1);
}

/// A blanket trait of the edition-2021 crate: the wrapper here joins the
/// blanket impl written there.
#[derive(RealizeForward)]
#[realize_forward(edition2021_traits::Tally)]
pub struct LazyTally(#[realize] Lazy<Numbers, Counted<Numbers>>);

#[test]
fn blanket_trait_of_another_crate() {
    use edition2021_traits::Tally;
    let (cache, builds) = counted(|| Numbers(vec![1, 2, 3]));
    let mut lazy = LazyTally(cache);
    assert_eq!(builds.get(), 0);
    assert_eq!(Tally::r#gen(&lazy), 3);
    assert_eq!(lazy.add(1), 9);
    assert_eq!(builds.get(), 1);
}

#[test]
fn edition_2024_trait_derived_in_edition_2021() {
    let lazy = edition2021_wrappers::LazyModern::new(|| edition2024_traits::Numbers(vec![4, 5]));
    assert!(!Lazy::is_realized(&lazy.cache));
    assert_eq!(lazy.r#gen(), 2);
    assert_eq!(lazy.values().copied().collect::<Vec<u32>>(), vec![4, 5]);
    assert_eq!(lazy.total(), 9);
    assert!(Lazy::is_realized(&lazy.cache));
}

/// The edition-2021 crate's `Catalog`: no import here of what its signatures
/// name (a private module's type, `BTreeMap`, `Formatter`, its module's own
/// `Result`, which here is std's).
#[derive(RealizeForward)]
#[realize_forward(edition2021_traits::catalog::Catalog)]
pub struct LazyCatalog(#[realize] Lazy<Numbers>);

struct Shown<'a, T>(&'a T);

impl std::fmt::Display for Shown<'_, LazyCatalog> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        edition2021_traits::catalog::Catalog::show(self.0, f)
    }
}

impl std::fmt::Display for Shown<'_, edition2021_wrappers::LazyCatalog> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        edition2024_traits::catalog::Catalog::show(self.0, f)
    }
}

#[test]
fn signature_types_resolve_in_the_traits_crate() {
    use edition2021_traits::catalog::{self, Catalog};
    let lazy = LazyCatalog(Lazy::new(|| Numbers(vec![4, 5])));
    assert!(!Lazy::is_realized(&lazy.0));
    assert_eq!(lazy.entries().get("1"), Some(&5));
    assert_eq!(lazy.tag("0"), Ok(catalog::tag(4)));
    assert_eq!(lazy.tag("9"), Err(catalog::Missing));
    assert_eq!(Shown(&lazy).to_string(), "2 entries");
    let boxed: Box<dyn Catalog> = Box::new(lazy);
    assert_eq!(boxed.entries().len(), 2);
}

#[test]
fn signature_types_resolve_in_the_traits_crate_from_edition_2021() {
    use edition2024_traits::catalog::{self, Catalog};
    let lazy =
        edition2021_wrappers::LazyCatalog(Lazy::new(|| edition2024_traits::Numbers(vec![6])));
    assert_eq!(lazy.tag("0"), Ok(catalog::tag(6)));
    assert_eq!(Shown(&lazy).to_string(), "1 entries");
}

/// A 2021 crate's trait with a method named `gen`, derived in that crate:
/// the forwarders call the target's method.
#[test]
fn a_2021_method_named_gen_forwards_in_its_own_crate() {
    use edition2021_wrappers::{Generate, LazyGen, LazyGenOf};
    assert_eq!(LazyGen(Lazy::new(|| 4)).r#gen(), 5);
    assert_eq!(LazyGenOf(Lazy::new(|| 7u32)).r#gen(), 8);
}

/// A wrapper here whose target is the edition-2021 crate's wrapper: both
/// join the blanket impl of the edition-2024 crate's `Shelf`.
#[derive(RealizeForward)]
#[realize_forward(edition2024_traits::shelf::Shelf)]
pub struct LazyOuterShelf(#[realize] Lazy<edition2021_wrappers::LazyShelf>);

/// Another crate's blanket trait named by an absolute path.
#[derive(RealizeForward)]
#[realize_forward(::edition2021_traits::Tally)]
pub struct TallyByPath(#[realize] Lazy<Numbers>);

/// A hand impl of another crate's blanket trait for a reference to a type of
/// this crate, and for the type itself: no overlap with the blanket impl.
pub struct Mine(u32);

impl edition2021_traits::Tally for Mine {
    fn r#gen(&self) -> u32 {
        self.0
    }
    fn add(&mut self, n: u32) -> u32 {
        self.0 += n;
        self.0
    }
}

impl edition2021_traits::Tally for &Mine {
    fn r#gen(&self) -> u32 {
        self.0 * 10
    }
    fn add(&mut self, n: u32) -> u32 {
        self.0 + n
    }
}

impl edition2021_traits::Tally for Box<Mine> {
    fn r#gen(&self) -> u32 {
        self.0 * 100
    }
    fn add(&mut self, n: u32) -> u32 {
        self.0 += n;
        self.0
    }
}

#[test]
fn blanket_trait_wrappers_and_hand_impls_across_crates() {
    use edition2021_traits::Tally;
    use edition2021_wrappers::{LazyShelf, LazyShelfOf};
    use edition2024_traits::shelf::{NotShelved, Shelf};
    let mut shelf = LazyShelf(Lazy::new(|| Numbers2(vec![4, 5])));
    assert!(!Lazy::is_realized(&shelf.0));
    assert_eq!(shelf.find("5"), Ok(1));
    assert_eq!(shelf.put(6), 3);
    assert_eq!(shelf.find("7"), Err(NotShelved));
    let mut generic = LazyShelfOf(Lazy::new(|| Numbers2(vec![1])));
    assert_eq!(generic.put(2), 2);
    assert_eq!(generic.merge(&Numbers2(vec![3, 4])), 4);
    assert_eq!(generic.labels().len(), 4);
    let outer = LazyOuterShelf(Lazy::new(|| LazyShelf(Lazy::new(|| Numbers2(vec![8])))));
    assert_eq!(outer.labels().into_iter().collect::<Vec<_>>(), ["8"]);
    let by_path = TallyByPath(Lazy::new(|| Numbers(vec![1, 2])));
    assert_eq!(by_path.r#gen(), 2);
    let mut mine = Mine(2);
    assert_eq!(
        (
            <&Mine as Tally>::r#gen(&&mine),
            <Box<Mine> as Tally>::r#gen(&Box::new(Mine(2)))
        ),
        (20, 200)
    );
    assert_eq!(mine.add(1), 3);
}

/// The derive imports each trait's path as written (to call its hidden
/// macro through that import); in an edition-2015 crate it must still
/// resolve that path where the derive is written, not from the crate's root.
#[test]
fn an_edition_2015_crate_forwards_traits_named_through_imports() {
    use edition2015_wrappers::traits::Tracker;

    let lazy = edition2015_wrappers::wrappers::lazy_tracker();
    assert!(!Lazy::is_realized(&lazy.cache));
    assert_eq!(lazy.python_type(), "int");
    assert!(Lazy::is_realized(&lazy.cache));
    assert_eq!(edition2015_wrappers::in_a_function_body(), 3);
}

/// `::traits::Tracker` in an edition-2015 crate is that crate's module (from
/// the crate's root, not an extern crate named `traits`), through the
/// trait's hidden macro and through the derive's own reading of the trait.
#[test]
fn an_edition_2015_crate_names_traits_from_its_root() {
    use edition2015_wrappers::traits::{Counted, Tracker};
    use edition2015_wrappers::wrappers::{both, rooted_tracker};

    let rooted = rooted_tracker();
    assert_eq!(rooted.count().0, 4);
    assert_eq!(rooted.python_type(), "int");
    assert!(Lazy::is_realized(&rooted.cache));
    let both = both();
    assert_eq!(Tracker::python_type(&both), "both");
    assert!(!Lazy::is_realized(&both.cache));
}

/// An edition-2015 crate without `extern crate lazy_core;` (lazy-core named
/// through the extern prelude only): every way through the macros compiles
/// there (the crate is built for this test) and forwards.
#[test]
fn an_edition_2015_crate_needs_no_extern_crate() {
    use edition2015_extern_prelude::traits::{Convert, Named, Tagged, Tracker};
    use edition2015_extern_prelude::wrappers::{
        All, Deref, Either, Except, Fast, Generic, Plain, Real, lazy,
    };
    use lazy_core::RealizeAll;

    let mut fast = Fast { cache: lazy() };
    assert!(!Lazy::is_realized(&fast.cache));
    assert_eq!(fast.python_type(), "int");
    assert_eq!(fast.bump(), 2);
    assert_eq!(fast.name(), "r2");
    assert_eq!(fast.tag().0, 2);
    assert_eq!(fast.convert(3), 6);
    assert_eq!(fast.next().into_tag().0, 3);
    assert!(fast == lazy_core::FromRealized::from_realized(Real(2)));
    assert!(fast != Fast { cache: lazy() });

    let mut except = Except { cache: lazy() };
    assert_eq!(Tracker::python_type(&except), "except");
    assert!(!Lazy::is_realized(&except.cache));
    assert_eq!(except.bump(), 2);

    let mut generic = Generic {
        cache: lazy(),
        other: 'g',
    };
    assert_eq!((generic.bump(), generic.name()), (2, "r2".to_string()));

    let mut either = Either::Later(lazy());
    assert_eq!(either.bump(), 2);
    assert_eq!(either.into_tag().0, 2);
    assert_eq!(Either::Ready(Real(7)).tag().0, 7);

    let mut deref = Deref {
        cache: Lazy::new(|| Box::new(Real(4))),
    };
    assert_eq!((deref.python_type(), deref.bump()), ("int", 5));

    let mut plain = Plain { inner: Real(5) };
    assert_eq!(plain.bump(), 6);
    assert_eq!(plain.into_tag().0, 6);

    let all = All {
        one: Lazy::new(|| 1),
        more: vec![Lazy::new(|| 2)],
    };
    all.realize_all();
    assert!(Lazy::is_realized(&all.one) && Lazy::is_realized(&all.more[0]));
}

/// A crate that depends on lazy-core under another name, with
/// `extern crate lazy as lazy_core;` at its root (what lazy-derive's
/// documentation asks of such a crate): every way through the macros
/// compiles there (the crate is built for this test) and forwards.
#[test]
fn a_renamed_dependency_works_through_extern_crate() {
    use lazy_core::RealizeAll;
    use renamed_dependency::{All, Either, Except, Fast, Named, Real, Step, Tracker, lazy};

    let mut fast = Fast { cache: lazy() };
    assert!(!Lazy::is_realized(&fast.cache));
    assert_eq!(fast.python_type(), "int");
    assert_eq!(fast.bump(), 2);
    assert_eq!(fast.name(), "r2");
    let next = fast.next();
    assert_eq!(next.into_value(), 3);
    assert!(fast == lazy_core::FromRealized::from_realized(Real(2)));
    assert!(fast != Fast { cache: lazy() });

    let mut except = Except {
        cache: lazy(),
        other: 'e',
    };
    assert_eq!(Tracker::python_type(&except), "except");
    assert!(!Lazy::is_realized(&except.cache));
    assert_eq!((except.bump(), except.other), (2, 'e'));

    let mut either = Either::Later(lazy());
    assert_eq!(either.bump(), 2);
    assert_eq!(either.into_value(), 2);
    assert_eq!(Either::Ready(Real(7)).python_type(), "int");

    let all = All {
        one: Lazy::new(|| 1),
        more: vec![Lazy::new(|| 2)],
    };
    all.realize_all();
    assert!(Lazy::is_realized(&all.one) && Lazy::is_realized(&all.more[0]));
}

/// The edition-2015 crate's traits, derived here (edition 2024): their hidden
/// macros' fast rules, the blanket impl, the generic trait and a type of the
/// traits' module that the signatures name.
#[derive(RealizeForward)]
#[realize_forward(
    edition2015_extern_prelude::traits::Tracker,
    edition2015_extern_prelude::traits::Named,
    edition2015_extern_prelude::traits::Tagged,
    edition2015_extern_prelude::traits::Convert<u8>
)]
pub struct From2015 {
    #[realize]
    cache: Lazy<edition2015_extern_prelude::wrappers::Real>,
}

impl lazy_core::FromRealized<edition2015_extern_prelude::wrappers::Real> for From2015 {
    fn from_realized(real: edition2015_extern_prelude::wrappers::Real) -> Self {
        From2015 {
            cache: Lazy::from_value(real),
        }
    }
}

#[test]
fn edition_2015_traits_derived_in_edition_2024() {
    use edition2015_extern_prelude::traits::{Convert, Named, Tagged, Tracker};

    let mut wrapper = From2015 {
        cache: edition2015_extern_prelude::wrappers::lazy(),
    };
    assert!(!Lazy::is_realized(&wrapper.cache));
    assert_eq!(wrapper.bump(), 2);
    assert_eq!(wrapper.name(), "r2");
    assert_eq!(wrapper.tag().0, 2);
    assert_eq!(wrapper.convert(5), 10);
    assert_eq!(wrapper.next().into_tag().0, 3);
}

edition2021_traits::lazy_numbers!(MacroNumbers, MacroNumbersKept);

/// A derive that another crate's `macro_rules!` writes names the traits
/// through `$crate`, which must keep naming that crate however the derive
/// moves the path around (a fast link, the blanket trait's marker, the
/// derive's own impl for `except`).
#[test]
fn traits_named_through_crate_in_another_crates_macro() {
    use edition2021_traits::Tally;

    let mut numbers = MacroNumbers {
        cache: Lazy::new(|| Numbers(vec![1, 2])),
    };
    numbers.bump(1);
    assert_eq!(Legacy::r#gen(&numbers), 2);
    assert_eq!(Tally::add(&mut numbers, 1), 7);

    let mut kept = MacroNumbersKept {
        cache: Lazy::new(|| Numbers(vec![1, 2])),
    };
    kept.bump(10);
    assert_eq!(kept.values().copied().collect::<Vec<u32>>(), vec![1, 2]);
}

/// An edition-2015 trait whose signatures name it (`Option<&dyn Fault>`),
/// derived here by a path from the root, on a struct (the fast rule) and
/// an enum (the chain): both write the trait's name as they call it.
#[derive(RealizeForward)]
#[realize_forward(::edition2015_wrappers::traits::Fault)]
pub struct LazyFault(#[realize] Lazy<edition2015_wrappers::traits::Io>);

#[derive(RealizeForward)]
#[realize_forward(::edition2015_wrappers::traits::Fault)]
pub enum EitherFault {
    Later(#[realize] Lazy<edition2015_wrappers::traits::Io>),
    Now(edition2015_wrappers::traits::Disk),
}

#[test]
fn an_edition_2015_trait_naming_itself_derived_by_a_rooted_path() {
    use edition2015_wrappers::traits::{Disk, Fault, Io};
    let lazy = LazyFault(Lazy::new(|| Io(Disk)));
    assert_eq!(lazy.cause().map(Fault::name), Some("disk"));
    let either = EitherFault::Later(Lazy::new(|| Io(Disk)));
    assert_eq!(either.cause().map(Fault::name), Some("disk"));
    assert!(EitherFault::Now(Disk).cause().is_none());
}
