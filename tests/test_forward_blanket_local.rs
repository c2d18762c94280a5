//! A blanket trait's impl declares its signatures' types as the trait
//! writes them (`Words::plain` in lazy-derive's scan, the trait before
//! `def_site::carry` on the syn path): types of the trait's module, a
//! path that hides a lifetime (`fmt::Formatter`), a `dyn` of a module
//! path, a borrowed result, a const of a module type, in a module and in a
//! function body; the wrappers live where none of those names resolve.

#![deny(warnings)]

use lazy_core::{Lazy, RealizeForward};

mod model {
    use std::fmt;
    use std::io;

    #[derive(Clone, Copy, Debug, PartialEq)]
    pub struct Tag(pub u8);

    /// The module's own `Result`.
    pub type Result<T> = std::result::Result<T, String>;

    /// Read by scan (its grammar).
    #[lazy_core::forwardable(blanket)]
    pub trait Local {
        const ORIGIN: Tag;
        fn next(&self, tag: &Tag) -> Result<Tag>;
        fn show(&self, f: &mut fmt::Formatter) -> fmt::Result;
        fn pick<'a>(&self, tags: &'a [Tag]) -> Option<&'a Tag>;
        fn write_to(&self, out: &mut dyn io::Write) -> io::Result<usize>;
    }

    /// Left to syn (an `impl Trait` result of a module type, a `where`
    /// clause naming one).
    #[lazy_core::forwardable(blanket)]
    pub trait LocalSyn {
        fn tags(&self) -> impl Iterator<Item = Tag> + '_;
        fn fold<F>(&self, f: F) -> Tag
        where
            F: Fn(Tag, Tag) -> Tag;
    }

    pub struct Real(pub u8);

    impl Local for Real {
        const ORIGIN: Tag = Tag(7);
        fn next(&self, tag: &Tag) -> Result<Tag> {
            tag.0
                .checked_add(self.0)
                .map(Tag)
                .ok_or_else(|| String::from("overflow"))
        }
        fn show(&self, f: &mut fmt::Formatter) -> fmt::Result {
            write!(f, "Real({})", self.0)
        }
        fn pick<'a>(&self, tags: &'a [Tag]) -> Option<&'a Tag> {
            tags.get(usize::from(self.0))
        }
        fn write_to(&self, out: &mut dyn io::Write) -> io::Result<usize> {
            out.write(&[self.0])
        }
    }

    impl LocalSyn for Real {
        fn tags(&self) -> impl Iterator<Item = Tag> + '_ {
            (0..self.0).map(Tag)
        }
        fn fold<F>(&self, f: F) -> Tag
        where
            F: Fn(Tag, Tag) -> Tag,
        {
            (0..self.0).map(Tag).fold(Tag(0), f)
        }
    }

    /// `Display` through the trait's `show`, to call it.
    pub struct Shown<'a, T: Local>(pub &'a T);

    impl<T: Local> fmt::Display for Shown<'_, T> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.0.show(f)
        }
    }
}

mod wrappers {
    use super::{Lazy, RealizeForward};
    use crate::model::{Local, LocalSyn, Real};

    #[derive(RealizeForward)]
    #[realize_forward(Local, LocalSyn)]
    pub struct Wrapper {
        #[realize]
        pub cache: Lazy<Real, fn() -> Real>,
    }
}

#[test]
fn blanket_forwarders_of_module_types_give_what_the_target_gives() {
    use model::{Local, LocalSyn, Shown, Tag};

    let wrapper = wrappers::Wrapper {
        cache: Lazy::new(|| model::Real(2)),
    };
    assert_eq!(wrappers::Wrapper::ORIGIN, Tag(7));
    assert_eq!(wrapper.next(&Tag(3)), Ok(Tag(5)));
    assert_eq!(wrapper.next(&Tag(255)), Err(String::from("overflow")));
    assert_eq!(Shown(&wrapper).to_string(), "Real(2)");
    let tags = [Tag(10), Tag(11), Tag(12)];
    assert_eq!(wrapper.pick(&tags), Some(&Tag(12)));
    let mut out = Vec::new();
    assert_eq!(wrapper.write_to(&mut out).unwrap(), 1);
    assert_eq!(out, [2]);
    assert_eq!(wrapper.tags().collect::<Vec<_>>(), [Tag(0), Tag(1)]);
    assert_eq!(wrapper.fold(|a, b| Tag(a.0 + b.0 + 1)), Tag(3));
}

#[test]
fn a_blanket_trait_in_a_function_body_names_its_local_types() {
    #[derive(Debug, PartialEq)]
    struct Note(&'static str);

    #[lazy_core::forwardable(blanket)]
    trait Noted {
        fn note(&self, prefix: &Note) -> Note;
    }

    struct Real;

    impl Noted for Real {
        fn note(&self, prefix: &Note) -> Note {
            Note(if prefix.0.is_empty() {
                "real"
            } else {
                prefix.0
            })
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Noted)]
    struct Wrapper {
        #[realize]
        cache: Lazy<Real, fn() -> Real>,
    }

    let wrapper = Wrapper {
        cache: Lazy::new(|| Real),
    };
    assert_eq!(wrapper.note(&Note("")), Note("real"));
    assert_eq!(wrapper.note(&Note("x")), Note("x"));
}
