//! A crate that forbids lints still derives: the macros put no `allow` of
//! their own into its code (an `allow` under a `forbid` is E0453, an error at
//! every derive), and what they write trips none of these lints. Every shape
//! that once carried an `allow` is here: a trait named by a path (the
//! derive's imports), a trait with types resolved where it is defined (the
//! hidden supertrait's names), a const argument written as a block (its
//! braces land in an array's length).

#![forbid(
    warnings,
    deprecated,
    unused_imports,
    unused_braces,
    unused_qualifications,
    dead_code,
    non_camel_case_types,
    non_snake_case,
    non_upper_case_globals,
    clippy::all
)]

use lazy_core::{FromRealized, Lazy, RealizeAll, RealizeForward, forwardable};

mod model {
    use std::collections::BTreeMap;

    /// Its `BTreeMap` resolves here, through the hidden supertrait.
    #[lazy_core::forwardable]
    pub trait Catalog {
        fn entries(&self) -> BTreeMap<String, u8>;
        fn rename(&mut self, name: &str);
        fn into_name(self) -> String
        where
            Self: Sized;
    }

    #[lazy_core::forwardable]
    pub trait Row<const N: usize> {
        fn row(&self) -> [u8; N];
    }
}

use model::Catalog;

#[forwardable]
trait Count {
    fn count(&self) -> usize {
        0
    }
}

#[derive(Debug, Clone, PartialEq, RealizeAll)]
pub struct Shelf {
    name: String,
}

impl Catalog for Shelf {
    fn entries(&self) -> std::collections::BTreeMap<String, u8> {
        std::iter::once((self.name.clone(), 1)).collect()
    }
    fn rename(&mut self, name: &str) {
        name.clone_into(&mut self.name);
    }
    fn into_name(self) -> String {
        self.name
    }
}

impl model::Row<4> for Shelf {
    fn row(&self) -> [u8; 4] {
        [u8::try_from(self.name.len()).unwrap_or(u8::MAX); 4]
    }
}

impl Count for Shelf {
    fn count(&self) -> usize {
        self.name.len()
    }
}

fn shelf(name: &str) -> Shelf {
    Shelf {
        name: name.to_owned(),
    }
}

#[derive(RealizeForward, RealizeAll)]
#[realize_forward(model::Catalog, Count, model::Row<{ 2 + 2 }>)]
pub struct LazyShelf(#[realize] Lazy<Shelf>);

#[derive(RealizeForward, FromRealized)]
#[realize_forward(Catalog)]
pub struct PlainShelf(#[realize(plain)] Shelf);

#[derive(RealizeForward)]
#[realize_forward(model::Catalog, Count)]
pub enum AnyShelf {
    Built(#[realize(plain)] Shelf),
    Deferred(#[realize] Lazy<Shelf>),
}

#[test]
fn every_shape_forwards_under_forbidden_lints() {
    let mut lazy = LazyShelf(Lazy::new(|| shelf("lazy")));
    assert_eq!(lazy.count(), 4);
    assert_eq!(model::Row::row(&lazy), [4; 4]);
    lazy.rename("renamed");
    assert_eq!(lazy.entries().into_keys().collect::<Vec<_>>(), ["renamed"]);
    assert_eq!(lazy.into_name(), "renamed");

    let mut plain = PlainShelf(shelf("plain"));
    plain.rename("other");
    assert_eq!(plain.into_name(), "other");

    let built = AnyShelf::Built(shelf("ab"));
    let deferred = AnyShelf::Deferred(Lazy::new(|| shelf("abc")));
    assert_eq!((built.count(), deferred.count()), (2, 3));
    assert_eq!(deferred.into_name(), "abc");
}
