//! How a forwarder calls the target: `Trait::method(realized, ..)` (or
//! `Trait::<A>::method` for a generic trait), rustc inferring which impl
//! from the realized receiver, as `<Target as Trait>::method` names it. The
//! call reaches the target's own impl beside impls for references and
//! boxes of it, the impl for a reference or a box when the target is one,
//! and the
//! impl for the arguments the trait is listed with; by the fast rule, the
//! blanket impl, the derive's own impl (a generic wrapper) and an enum.

#![deny(warnings)]

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tag {
    fn tag(&self) -> &'static str;
    fn tag_mut(&mut self) -> &'static str;
    fn into_tag(self) -> &'static str
    where
        Self: Sized;
    fn same(&self, other: &Self) -> bool;
}

#[forwardable(blanket)]
pub trait BlanketTag {
    fn blanket_tag(&self) -> &'static str;
    fn blanket_tag_mut(&mut self) -> &'static str;
}

/// One trait, two impls on the target: the listed arguments pick one.
#[forwardable]
pub trait Convert<T> {
    fn convert(&self) -> T;
}

#[derive(PartialEq)]
pub struct Real(u8);

impl Tag for Real {
    fn tag(&self) -> &'static str {
        "real"
    }
    fn tag_mut(&mut self) -> &'static str {
        "real"
    }
    fn into_tag(self) -> &'static str {
        "real"
    }
    fn same(&self, other: &Self) -> bool {
        self == other
    }
}

impl<T: Tag> Tag for &T {
    fn tag(&self) -> &'static str {
        "ref"
    }
    fn tag_mut(&mut self) -> &'static str {
        "ref"
    }
    fn into_tag(self) -> &'static str {
        "ref"
    }
    fn same(&self, _: &Self) -> bool {
        false
    }
}

impl<T: Tag> Tag for Box<T> {
    fn tag(&self) -> &'static str {
        "box"
    }
    fn tag_mut(&mut self) -> &'static str {
        "box"
    }
    fn into_tag(self) -> &'static str {
        "box"
    }
    fn same(&self, _: &Self) -> bool {
        false
    }
}

impl BlanketTag for Real {
    fn blanket_tag(&self) -> &'static str {
        "real"
    }
    fn blanket_tag_mut(&mut self) -> &'static str {
        "real"
    }
}

impl Convert<u8> for Real {
    fn convert(&self) -> u8 {
        self.0
    }
}

impl Convert<u16> for Real {
    fn convert(&self) -> u16 {
        u16::from(self.0) * 1000
    }
}

/// The fast rule and the blanket impl.
#[derive(RealizeForward)]
#[realize_forward(Tag, BlanketTag)]
pub struct Wrapper {
    #[realize]
    cache: Later,
}

/// The derive's own impl (a generic wrapper), and a trait listed twice
/// with other arguments.
#[derive(RealizeForward)]
#[realize_forward(Tag, Convert<u8>, Convert<u16>)]
pub struct Generic<T> {
    #[realize(plain)]
    inner: T,
}

/// A target that is a reference: its impl is the one for `&T` (which a
/// blanket trait cannot have beside its blanket impl).
#[derive(RealizeForward)]
#[realize_forward(Tag)]
pub struct Borrowed<'a> {
    #[realize(plain)]
    inner: &'a Real,
}

#[derive(RealizeForward)]
#[realize_forward(Tag, BlanketTag)]
pub enum Either {
    Now(Real),
    Later(#[realize] Later),
}

type Later = Lazy<Real, Box<dyn FnOnce() -> Real>>;

fn lazy(value: u8) -> Later {
    Lazy::new(Box::new(move || Real(value)))
}

#[test]
fn the_call_reaches_the_targets_own_impl() {
    let mut wrapper = Wrapper { cache: lazy(1) };
    assert_eq!(wrapper.tag(), "real");
    assert_eq!(wrapper.tag_mut(), "real");
    assert_eq!(wrapper.blanket_tag(), "real");
    assert_eq!(wrapper.blanket_tag_mut(), "real");
    assert!(wrapper.same(&Wrapper { cache: lazy(1) }));
    assert!(!wrapper.same(&Wrapper { cache: lazy(2) }));
    assert_eq!(wrapper.into_tag(), "real");

    let mut generic = Generic { inner: Real(3) };
    assert_eq!(generic.tag(), "real");
    assert_eq!(generic.tag_mut(), "real");
    assert!(generic.same(&Generic { inner: Real(3) }));
    assert_eq!(generic.into_tag(), "real");

    for mut either in [Either::Now(Real(4)), Either::Later(lazy(4))] {
        assert_eq!(either.tag(), "real");
        assert_eq!(either.tag_mut(), "real");
        assert_eq!(either.blanket_tag(), "real");
        assert_eq!(either.into_tag(), "real");
    }
}

#[test]
fn a_target_of_its_own_type_gets_that_types_impl() {
    // `Box<Real>` as the target: its impl, not `Real`'s through it.
    let mut boxed = Generic {
        inner: Box::new(Real(5)),
    };
    assert_eq!(boxed.tag(), "box");
    assert_eq!(boxed.tag_mut(), "box");
    assert_eq!(boxed.into_tag(), "box");

    let real = Real(6);
    let mut borrowed = Borrowed { inner: &real };
    assert_eq!(borrowed.tag(), "ref");
    assert_eq!(borrowed.tag_mut(), "ref");
    assert_eq!(borrowed.into_tag(), "ref");
}

#[test]
fn the_listed_arguments_pick_the_impl() {
    let generic = Generic { inner: Real(7) };
    assert_eq!(Convert::<u8>::convert(&generic), 7);
    assert_eq!(Convert::<u16>::convert(&generic), 7000);
}
