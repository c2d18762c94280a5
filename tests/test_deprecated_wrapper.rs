//! A `#[deprecated]` wrapper (or one with a deprecated variant or field) is
//! warned of where the user names it, not in what the derives write: a
//! crate that denies `deprecated` derives on it, as it can with a built-in
//! derive. Each derive's impls named it, its variants and its fields: a
//! warning each (an error here). Its users allow it, as any deprecated
//! item's.

#![deny(deprecated)]

use lazy_core::{FromRealized, Lazy, RealizeAll, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn name(&self) -> String;
    fn rename(&mut self, name: &str);
    fn into_name(self) -> String
    where
        Self: Sized;
    fn same(&self, other: &Self) -> bool
    where
        Self: Sized;
}

#[derive(Debug, Clone, PartialEq, RealizeAll)]
pub struct Real(String);

impl Tracker for Real {
    fn name(&self) -> String {
        self.0.clone()
    }
    fn rename(&mut self, name: &str) {
        name.clone_into(&mut self.0);
    }
    fn into_name(self) -> String {
        self.0
    }
    fn same(&self, other: &Self) -> bool {
        self == other
    }
}

/// Every kind of receiver, through the trait's fast rule.
#[deprecated(note = "use `Tracked`")]
#[derive(RealizeForward, RealizeAll)]
#[realize_forward(Tracker)]
pub struct Named {
    #[realize]
    cache: Lazy<Real>,
}

/// A tuple struct: its field is read by index.
#[deprecated(note = "use `Tracked`")]
#[derive(RealizeForward, RealizeAll, FromRealized)]
#[realize_forward(Tracker)]
pub struct Tuple(#[realize] Lazy<Real>);

/// Generic: through the chain's last link.
#[deprecated(note = "use `Tracked`")]
#[derive(RealizeForward, FromRealized)]
#[realize_forward(Tracker)]
pub struct Generic<T>(#[realize] Lazy<T>);

/// A plain field, and a method answered on the wrapper.
#[deprecated(note = "use `Tracked`")]
#[derive(RealizeForward)]
#[realize_forward(Tracker, except(into_name))]
pub struct Plain {
    #[realize(plain)]
    inner: Real,
}

#[allow(deprecated)]
impl Plain {
    fn into_name(self) -> String {
        String::from("plain")
    }
}

/// What a field points to.
#[deprecated(note = "use `Tracked`")]
#[derive(RealizeForward)]
#[realize_forward(Tracker, except(into_name))]
pub struct Pointed(#[realize(plain, deref)] Box<Real>);

#[allow(deprecated)]
impl Pointed {
    fn into_name(self) -> String {
        String::from("pointed")
    }
}

/// Only a field is deprecated.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct OldField {
    #[deprecated(note = "read `cache`")]
    #[realize]
    old: Lazy<Real>,
}

/// An enum, and an enum with one deprecated variant.
#[deprecated(note = "use `Tracked`")]
#[derive(RealizeForward, RealizeAll)]
#[realize_forward(Tracker)]
pub enum AnyTracker {
    Ready(Real),
    Later(#[realize] Lazy<Real>),
    Named { real: Real },
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub enum OneOld {
    Ready(Real),
    #[deprecated(note = "use `Ready`")]
    Later(#[realize] Lazy<Real>),
}

fn real(name: &str) -> Real {
    Real(name.into())
}

#[test]
#[allow(deprecated)]
fn deprecated_wrappers_forward() {
    let mut named = Named {
        cache: Lazy::new(|| real("x")),
    };
    named.rename("y");
    assert_eq!(named.name(), "y");
    assert!(named.same(&Named {
        cache: Lazy::new(|| real("y")),
    }));
    lazy_core::RealizeAll::realize_all(&named);
    assert_eq!(named.into_name(), "y");

    let tuple: Tuple = FromRealized::from_realized(real("t"));
    assert_eq!(tuple.into_name(), "t");
    let generic: Generic<Real> = FromRealized::from_realized(real("g"));
    assert_eq!(generic.name(), "g");
    let mut plain = Plain { inner: real("p") };
    plain.rename("q");
    assert_eq!(plain.name(), "q");
    assert_eq!(plain.into_name(), "plain");
    assert_eq!(Pointed(Box::new(real("b"))).name(), "b");
    let old = OldField {
        old: Lazy::new(|| real("o")),
    };
    assert_eq!(old.into_name(), "o");

    let mut later = AnyTracker::Later(Lazy::new(|| real("l")));
    later.rename("m");
    assert_eq!(later.name(), "m");
    assert!(later.same(&AnyTracker::Later(Lazy::new(|| real("m")))));
    assert_eq!(AnyTracker::Named { real: real("n") }.into_name(), "n");
    assert_eq!(OneOld::Later(Lazy::new(|| real("z"))).into_name(), "z");
    assert_eq!(OneOld::Ready(real("r")).name(), "r");
}

/// A trait's `#[deprecated]` associated type forwarded by an enum whose
/// variants hold different targets: the bound that they agree on it names
/// it, and forwarding it is no use of it (the crate denies `deprecated`).
mod deprecated_associated_type {
    use lazy_core::{Lazy, RealizeForward, forwardable};

    #[forwardable]
    pub trait Dep {
        #[deprecated = "use `ok`"]
        type X;
        fn ok(&self) -> u8;
    }

    pub struct One;
    pub struct Two;

    #[allow(deprecated)]
    impl Dep for One {
        type X = u8;
        fn ok(&self) -> u8 {
            1
        }
    }

    #[allow(deprecated)]
    impl Dep for Two {
        type X = u8;
        fn ok(&self) -> u8 {
            2
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Dep)]
    pub enum Either {
        One(One),
        Two(#[realize] Lazy<Two>),
    }

    #[test]
    fn forwarded_without_a_warning() {
        assert_eq!(
            Either::One(One).ok() + Either::Two(Lazy::new(|| Two)).ok(),
            3
        );
    }
}
