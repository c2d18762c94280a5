//! lazy-core without `std`: the unsync `Lazy`, `Seed`, the `Realize` family,
//! `RealizeAll` and the code the derives write, in a `#![no_std]` crate with
//! `alloc`. A path to `std` anywhere in lazy-core or in what the derives
//! emit fails this crate's build: `std` is not in its extern prelude.
//!
//! `cargo check -p no-std-check` builds lazy-core with only the features
//! asked here (`.ci/run` does, and also for `x86_64-unknown-none`, a target
//! without `std`, when that target is installed). The test at the bottom
//! runs the same code with the test harness.

#![no_std]
#![deny(warnings)]

extern crate alloc;

use alloc::boxed::Box;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use lazy_core::{
    Lazy, Realize, RealizeAll, RealizeForward, RealizeInto, RealizeMut, Seed, forwardable,
};

/// A seed that keeps its raw input inspectable until the build.
pub struct Source(pub &'static str);

impl Seed for Source {
    type Output = Shape;
    fn build(self) -> Shape {
        Shape {
            sides: self.0.len() as u32,
            name: String::from(self.0),
        }
    }
}

/// The real value.
pub struct Shape {
    sides: u32,
    name: String,
}

/// Every receiver kind the derive forwards, including `self: Box<Self>`
/// (spelled through `lazy_core::__private::Box` in the expansion).
#[forwardable]
pub trait Geometry {
    fn sides(&self) -> u32;
    fn grow(&mut self, by: u32);
    fn into_name(self) -> String
    where
        Self: Sized;
    fn boxed_sides(self: Box<Self>) -> u32;
}

impl Geometry for Shape {
    fn sides(&self) -> u32 {
        self.sides
    }
    fn grow(&mut self, by: u32) {
        self.sides += by;
    }
    fn into_name(self) -> String {
        self.name
    }
    fn boxed_sides(self: Box<Self>) -> u32 {
        self.sides
    }
}

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({} sides)", self.name, self.sides)
    }
}

impl RealizeAll for Shape {
    fn realize_all(&self) {}
}

/// A tracker: forwards `Geometry` and, through a core mirror, `Display`.
#[derive(RealizeForward)]
#[realize_forward(Geometry, lazy_core::remote::Display)]
pub struct Tracker {
    #[realize]
    cache: Lazy<Shape, Source>,
}

/// A frame of trackers, some shared: `#[derive(RealizeAll)]` walks it.
#[derive(RealizeAll)]
pub struct Frame {
    locals: Vec<Tracker>,
    shared: Vec<Rc<Lazy<Shape, Source>>>,
    #[realize_all(skip)]
    note: &'static str,
}

impl RealizeAll for Tracker {
    fn realize_all(&self) {
        self.cache.realize_all();
    }
}

/// Runs every part once; returns what a test can check.
pub fn exercise() -> (u32, String, u32, bool, bool) {
    let mut tracker = Tracker {
        cache: Lazy::new(Source("tri")),
    };
    let peeked = Lazy::peek(&tracker.cache).is_some_and(|seed| seed.0 == "tri");
    Lazy::defer(&mut tracker.cache, |shape| shape.name.push('!'));
    tracker.grow(1);
    let sides = tracker.sides();
    let shown = alloc::format!("{tracker}");
    let boxed = Box::new(Tracker {
        cache: Lazy::new(Source("quad")),
    })
    .boxed_sides();

    let shared = Rc::new(Lazy::new(Source("penta")));
    let frame = Frame {
        locals: alloc::vec![Tracker {
            cache: Lazy::new(Source("hexa")),
        }],
        shared: alloc::vec![Rc::clone(&shared), Rc::clone(&shared)],
        note: "unused",
    };
    frame.realize_all();
    let walked = frame.locals.iter().all(|t| Lazy::is_realized(&t.cache))
        && Lazy::is_realized(&shared)
        && !frame.note.is_empty();

    let mut lazy: Lazy<u8> = Lazy::new(|| 1);
    *lazy.realize_mut() += 1;
    let two = lazy.into_realized();
    let unbuilt = Lazy::new(move || two + 1);
    let three = *unbuilt.realize();
    let walked = walked && Lazy::into_inner(unbuilt).ok() == Some(three);
    (sides, shown, boxed, peeked, walked)
}

/// An enum forwarding per variant, one of them lazy: the `match`es and the
/// boxed `self: Box<Self>` need nothing from `std` either.
#[derive(RealizeForward)]
#[realize_forward(Geometry)]
pub enum AnyGeometry {
    Ready(Shape),
    Later(#[realize] Lazy<Shape, Source>),
}

/// The enum's forwarders: the sides of a grown lazy variant, and of a boxed
/// ready one.
pub fn exercise_enum() -> (u32, u32) {
    let mut later = AnyGeometry::Later(Lazy::new(Source("tri")));
    later.grow(2);
    let ready = Box::new(AnyGeometry::Ready(Shape {
        sides: 6,
        name: String::from("hex"),
    }));
    (later.sides(), ready.boxed_sides())
}

/// A trait whose signatures name `alloc`'s `String`, `Vec` and `Box`,
/// imported in its module only: these names are not in a `no_std` crate's
/// prelude, so the derive in another module must not need them imported.
pub mod catalog {
    use alloc::boxed::Box;
    use alloc::string::String;
    use alloc::vec::Vec;

    #[lazy_core::forwardable]
    pub trait Catalog {
        fn title(&self) -> String;
        fn codes(&self) -> Vec<u8>;
        fn label(&self) -> Box<str>;
    }

    pub struct Book;

    impl Catalog for Book {
        fn title(&self) -> String {
            String::from("book")
        }
        fn codes(&self) -> Vec<u8> {
            Vec::from([1, 2])
        }
        fn label(&self) -> Box<str> {
            Box::from("b")
        }
    }
}

/// No import of `String`, `Vec` or `Box` here.
pub mod shelf {
    use crate::catalog::{Book, Catalog};
    use lazy_core::{Lazy, RealizeForward};

    #[derive(RealizeForward)]
    #[realize_forward(Catalog)]
    pub struct LazyBook(#[realize] pub Lazy<Book, fn() -> Book>);

    /// The forwarded results: the title's length, the codes' sum, the label.
    pub fn exercise() -> (usize, u8, bool) {
        let book = LazyBook(Lazy::new(|| Book));
        let codes = book.codes();
        (
            book.title().len(),
            codes[0] + codes[1],
            &*book.label() == "b",
        )
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn alloc_names_in_a_trait_need_no_import_at_the_derive() {
        assert_eq!(super::shelf::exercise(), (4, 3, true));
    }

    #[test]
    fn enums_work_without_std() {
        assert_eq!(super::exercise_enum(), (5, 6));
    }

    #[test]
    fn everything_works_without_std() {
        let (sides, shown, boxed, peeked, walked) = super::exercise();
        assert_eq!(sides, 4);
        assert_eq!(shown, "tri! (4 sides)");
        assert_eq!(boxed, 4);
        assert!(peeked);
        assert!(walked);
    }
}
