//! Traits in modules, named by a `use` or by a path; two same-named traits in
//! one crate; several traits in one `realize_forward(...)`; supertraits.

mod common;

use common::{Counted, counted};
use lazy_core::{Lazy, RealizeForward};

pub mod a {
    #[lazy_core::forwardable]
    pub trait Named {
        fn name(&self) -> String;
    }

    pub mod deeper {
        #[lazy_core::forwardable]
        pub(crate) trait Weighed {
            fn weight(&self) -> u32;
        }
    }
}

pub mod b {
    /// Same name as `a::Named`, different trait.
    #[lazy_core::forwardable]
    pub trait Named {
        fn name(&self) -> String;
        fn id(&self) -> u32;
    }
}

pub mod c {
    /// Same name and the very same tokens as `a::Named`: still a different
    /// hidden macro.
    #[lazy_core::forwardable]
    pub trait Named {
        fn name(&self) -> String;
    }
}

pub mod sup {
    #[lazy_core::forwardable]
    pub trait Base {
        fn base(&self) -> u8;
    }

    #[lazy_core::forwardable]
    pub trait Derived: Base {
        fn derived(&self) -> u8 {
            self.base() + 1
        }
    }
}

use a::Named;

pub struct Real;

impl a::Named for Real {
    fn name(&self) -> String {
        String::from("a")
    }
}
impl b::Named for Real {
    fn name(&self) -> String {
        String::from("b")
    }
    fn id(&self) -> u32 {
        7
    }
}
impl c::Named for Real {
    fn name(&self) -> String {
        String::from("c")
    }
}
impl a::deeper::Weighed for Real {
    fn weight(&self) -> u32 {
        70
    }
}
impl sup::Base for Real {
    fn base(&self) -> u8 {
        10
    }
}
impl sup::Derived for Real {
    fn derived(&self) -> u8 {
        20
    }
}

#[derive(RealizeForward)]
#[realize_forward(Named, b::Named, c::Named, crate::a::deeper::Weighed)]
#[realize_forward(sup::Base, self::sup::Derived, except(base))]
pub struct LazyReal {
    #[realize]
    cache: Lazy<Real, Counted<Real>>,
}

impl LazyReal {
    /// Answers `Base::base` without building.
    fn base(&self) -> u8 {
        1
    }
}

#[test]
fn same_named_traits_in_two_modules_both_forward() {
    let (cache, builds) = counted(|| Real);
    let lazy = LazyReal { cache };
    assert_eq!(Named::name(&lazy), "a");
    assert_eq!(b::Named::name(&lazy), "b");
    assert_eq!(b::Named::id(&lazy), 7);
    assert_eq!(c::Named::name(&lazy), "c");
    assert_eq!(builds.get(), 1);
}

#[test]
fn paths_with_crate_and_self_and_restricted_visibility() {
    use a::deeper::Weighed;
    let (cache, builds) = counted(|| Real);
    let lazy = LazyReal { cache };
    assert_eq!(lazy.weight(), 70);
    assert_eq!(builds.get(), 1);
}

#[test]
fn supertraits_are_forwarded_when_listed() {
    use sup::{Base, Derived};
    let (cache, builds) = counted(|| Real);
    let lazy = LazyReal { cache };
    assert_eq!(Base::base(&lazy), 1, "excepted: the wrapper answers");
    assert_eq!(builds.get(), 0);
    assert_eq!(lazy.derived(), 20, "the target's override, not the default");
    assert_eq!(builds.get(), 1);
}

pub mod parent {
    pub mod child {
        /// Visible to the parent only.
        #[lazy_core::forwardable]
        pub(super) trait Secret {
            fn secret(&self) -> u8;
        }

        impl Secret for u8 {
            fn secret(&self) -> u8 {
                *self + 1
            }
        }
    }

    #[derive(lazy_core::RealizeForward)]
    #[realize_forward(child::Secret)]
    pub struct LazySecret(#[realize] pub lazy_core::Lazy<u8>);

    pub fn reveal(lazy: &LazySecret) -> u8 {
        use child::Secret;
        lazy.secret()
    }
}

#[test]
fn restricted_and_private_traits_in_modules_and_function_bodies() {
    let lazy = parent::LazySecret(Lazy::new(|| 1));
    assert_eq!(parent::reveal(&lazy), 2);

    #[lazy_core::forwardable]
    trait Local {
        fn local(&self) -> u8;
    }
    impl Local for u8 {
        fn local(&self) -> u8 {
            *self * 10
        }
    }
    #[derive(RealizeForward)]
    #[realize_forward(Local)]
    struct LazyLocal(#[realize] Lazy<u8>);
    assert_eq!(LazyLocal(Lazy::new(|| 4)).local(), 40);
}

/// Re-exported elsewhere, and imported under another name: the `use` carries
/// the hidden macro along with the trait.
pub mod prelude {
    pub use crate::b::Named as OtherNamed;
}

#[derive(RealizeForward)]
#[realize_forward(prelude::OtherNamed)]
pub struct ViaReexport(#[realize] Lazy<Real>);

use b::Named as Renamed;

#[derive(RealizeForward)]
#[realize_forward(Renamed)]
pub struct ViaRename(#[realize] Lazy<Real>);

#[test]
fn re_exported_and_renamed_traits() {
    assert_eq!(Renamed::id(&ViaReexport(Lazy::new(|| Real))), 7);
    assert_eq!(Renamed::name(&ViaRename(Lazy::new(|| Real))), "b");
}

/// This crate has a `kinds::Kind` too: the trait's `crate::kinds::Kind` must
/// still mean the trait's crate's.
mod kinds {
    #[allow(dead_code)]
    pub struct Kind;
}

#[derive(lazy_core::RealizeForward)]
#[realize_forward(edition2024_traits::Kinded)]
pub struct LazyKinded(#[realize] lazy_core::Lazy<edition2024_traits::Numbers>);

#[test]
fn crate_paths_in_a_trait_of_another_crate() {
    use edition2024_traits::Kinded;
    use edition2024_traits::kinds::Kind;
    let lazy = LazyKinded(lazy_core::Lazy::new(|| edition2024_traits::Numbers(vec![])));
    assert_eq!(lazy.kind(), Kind("numbers"));
    assert!(lazy.same(&Kind("numbers")));
    assert!(lazy.is(Kind("numbers")));
    assert!(!lazy.is(Kind("words")));
}

/// Traits named like items of std's prelude, named bare: rustc refuses an
/// import of such a name (E0659, "ambiguous") when `#[forwardable]` wrote
/// the trait in the same module or function body, when a glob imported it,
/// or when a macro wrote its `use`; the derive calls such a name as written,
/// which finds the trait the name means in each of these.
mod prelude_names {
    use lazy_core::{Lazy, RealizeForward, forwardable};

    #[forwardable]
    pub trait Iterator {
        fn next_one(&self) -> u8;
    }

    #[forwardable]
    pub trait Some {
        fn some(&self) -> u8;
    }

    impl Iterator for u8 {
        fn next_one(&self) -> u8 {
            *self + 1
        }
    }

    impl Some for u8 {
        fn some(&self) -> u8 {
            *self + 2
        }
    }

    pub mod globbed {
        #[lazy_core::forwardable]
        pub trait Result {
            fn result(&self) -> u8;
        }

        impl Result for u8 {
            fn result(&self) -> u8 {
                *self + 3
            }
        }
    }

    use globbed::*;

    #[derive(RealizeForward)]
    #[realize_forward(Iterator, Some, Result)]
    pub struct LazyNamed(#[realize] pub Lazy<u8>);

    #[test]
    fn traits_named_like_prelude_items_named_bare() {
        let lazy = LazyNamed(Lazy::new(|| 10));
        assert_eq!(Iterator::next_one(&lazy), 11);
        assert_eq!(Some::some(&lazy), 12);
        assert_eq!(Result::result(&lazy), 13);

        #[forwardable]
        trait Option {
            fn option(&self) -> u8;
        }
        impl Option for u8 {
            fn option(&self) -> u8 {
                *self + 4
            }
        }
        #[derive(RealizeForward)]
        #[realize_forward(Option)]
        struct LazyLocal(#[realize] Lazy<u8>);
        assert_eq!(Option::option(&LazyLocal(Lazy::new(|| 10))), 14);
    }

    /// Traits imported by a prelude name: lazy-core's mirror of `Iterator`
    /// by name, and a trait of another module named `Send`.
    mod imported_by_name {
        use lazy_core::remote::Iterator;
        use lazy_core::{Lazy, RealizeForward};

        use super::elsewhere::Send;

        #[derive(RealizeForward)]
        #[realize_forward(Iterator, Send)]
        pub struct LazyDigits(#[realize] pub Lazy<Digits>);

        /// The digits of a number, last first.
        pub struct Digits(pub u32);

        impl Iterator for Digits {
            type Item = u32;
            fn next(&mut self) -> Option<u32> {
                if self.0 == 0 {
                    return None;
                }
                let digit = self.0 % 10;
                self.0 /= 10;
                Some(digit)
            }
        }

        impl Send for Digits {
            fn sent(&self) -> u32 {
                self.0
            }
        }

        #[test]
        fn traits_imported_by_a_prelude_name_are_forwarded() {
            let mut lazy = LazyDigits(Lazy::new(|| Digits(472)));
            assert_eq!(lazy.sent(), 472);
            assert_eq!(lazy.next(), Some(2));
            assert_eq!(lazy.collect::<Vec<_>>(), [7, 4]);
        }
    }

    /// lazy-core's mirrors brought by a glob import, named bare.
    mod remote_globbed {
        use lazy_core::remote::*;
        use lazy_core::{Lazy, RealizeForward};

        #[derive(RealizeForward)]
        #[realize_forward(Iterator, ExactSizeIterator)]
        pub struct LazyRange(#[realize] pub Lazy<std::ops::Range<u8>>);

        #[test]
        fn mirrors_globbed_and_named_bare_are_forwarded() {
            let mut lazy = LazyRange(Lazy::new(|| 3..7));
            assert_eq!(lazy.len(), 4);
            assert_eq!(lazy.next(), Some(3));
            assert_eq!(lazy.len(), 3);
        }
    }

    /// Traits named like prelude items that reach the module by a glob of a
    /// module that re-exports them by name (a crate's own prelude): they
    /// carry nothing but their name, which rustc refuses to import next to
    /// the prelude's (E0659) where it came by a glob.
    mod reexported_then_globbed {
        use lazy_core::{Lazy, RealizeForward};

        use self::own_prelude::*;

        mod own_prelude {
            pub use super::super::Iterator;
            pub use super::super::elsewhere::Send;
        }

        impl Send for u8 {
            fn sent(&self) -> u32 {
                u32::from(*self) * 2
            }
        }

        #[derive(RealizeForward)]
        #[realize_forward(Iterator, Send)]
        pub struct LazyNumber(#[realize] pub Lazy<u8>);

        #[test]
        fn traits_reexported_by_name_and_globbed_are_forwarded() {
            let lazy = LazyNumber(Lazy::new(|| 10));
            assert_eq!(Iterator::next_one(&lazy), 11);
            assert_eq!(Send::sent(&lazy), 20);
        }
    }

    /// A trait named like a prelude item, imported by a `use` that a macro
    /// wrote: rustc refuses to import that name next to the prelude's
    /// (E0659, "a macro-expanded name").
    mod imported_by_a_macro {
        use lazy_core::{Lazy, RealizeForward};

        macro_rules! import_send {
            () => {
                use super::elsewhere::Send;
            };
        }
        import_send!();

        #[derive(RealizeForward)]
        #[realize_forward(Send)]
        pub struct LazyPair(#[realize] pub Lazy<Pair>);

        pub struct Pair(pub u32, pub u32);

        impl Send for Pair {
            fn sent(&self) -> u32 {
                self.0 + self.1
            }
        }

        #[test]
        fn a_trait_imported_by_a_macro_is_forwarded() {
            assert_eq!(LazyPair(Lazy::new(|| Pair(3, 4))).sent(), 7);
        }
    }

    /// A glob brings lazy-core's mirror `Iterator`, an import by name the
    /// user's trait `Iterator`, which is what the name means here: the
    /// derive forwards that one, not the globbed mirror.
    mod globbed_and_imported_by_name {
        // Here for its mirror `Iterator`, which the import by name shadows.
        #[allow(unused_imports)]
        use lazy_core::remote::*;
        use lazy_core::{Lazy, RealizeForward};

        use super::Iterator;

        #[derive(RealizeForward)]
        #[realize_forward(Iterator)]
        pub struct LazyNumber(#[realize] pub Lazy<u8>);

        #[test]
        fn the_trait_imported_by_name_is_forwarded_not_the_globbed_one() {
            assert_eq!(Iterator::next_one(&LazyNumber(Lazy::new(|| 10))), 11);
        }
    }

    mod elsewhere {
        /// A trait named like std's `Send`, in a module of its own.
        #[lazy_core::forwardable]
        pub trait Send {
            fn sent(&self) -> u32;
        }
    }
}

/// The derive imports its fallback at the module, under names made from the
/// wrapper's (`chain::scoped`): two wrappers of one module that forward the
/// same traits by the same paths, one named by a raw identifier, each get
/// their own, and each forwards to its own target.
mod two_wrappers_in_one_module {
    use lazy_core::{Lazy, RealizeForward};

    use super::{Real, a, b};

    pub struct Other;
    impl a::Named for Other {
        fn name(&self) -> String {
            String::from("other a")
        }
    }
    impl b::Named for Other {
        fn name(&self) -> String {
            String::from("other b")
        }
        fn id(&self) -> u32 {
            8
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(a::Named, b::Named)]
    pub struct First(#[realize] Lazy<Real>);

    #[derive(RealizeForward)]
    #[realize_forward(a::Named, b::Named)]
    #[allow(non_camel_case_types)]
    pub struct r#type(#[realize] Lazy<Other>);

    #[test]
    fn each_wrapper_calls_its_own_targets_impls() {
        let first = First(Lazy::new(|| Real));
        let second = r#type(Lazy::new(|| Other));
        assert_eq!(a::Named::name(&first), "a");
        assert_eq!(b::Named::name(&first), "b");
        assert_eq!(b::Named::id(&first), 7);
        assert_eq!(a::Named::name(&second), "other a");
        assert_eq!(b::Named::name(&second), "other b");
        assert_eq!(b::Named::id(&second), 8);
    }
}

/// A trait whose signatures name the trait itself (`dyn Failure`), derived
/// by a path in a module that does not import it, and where that name is
/// another trait: the forwarders name it by the derive's path.
mod naming_itself {
    use lazy_core::{Lazy, RealizeForward};

    pub mod errs {
        #[lazy_core::forwardable]
        pub trait Failure {
            fn name(&self) -> String;
            fn cause(&self) -> Option<&dyn Failure>;
            fn chain(&self) -> Vec<String> {
                let mut out = vec![self.name()];
                let mut at = self.cause();
                while let Some(failure) = at {
                    out.push(failure.name());
                    at = failure.cause();
                }
                out
            }
            fn visit(&self, f: &mut dyn FnMut(&dyn Failure));
            fn same<T: Failure>(&self, other: &T) -> bool
            where
                Self: Sized;
        }

        #[lazy_core::forwardable]
        pub trait Parser<E> {
            fn parse(&self, e: E) -> Option<Box<dyn Parser<E>>>;
        }

        pub struct Disk;
        pub struct Io(pub Disk);

        impl Failure for Disk {
            fn name(&self) -> String {
                "disk".to_string()
            }
            fn cause(&self) -> Option<&dyn Failure> {
                None
            }
            fn visit(&self, f: &mut dyn FnMut(&dyn Failure)) {
                f(self)
            }
            fn same<T: Failure>(&self, other: &T) -> bool {
                other.name() == self.name()
            }
        }

        impl Failure for Io {
            fn name(&self) -> String {
                "io".to_string()
            }
            fn cause(&self) -> Option<&dyn Failure> {
                Some(&self.0)
            }
            fn visit(&self, f: &mut dyn FnMut(&dyn Failure)) {
                f(self);
                self.0.visit(f)
            }
            fn same<T: Failure>(&self, other: &T) -> bool {
                other.name() == self.name()
            }
        }

        impl Parser<u8> for Io {
            fn parse(&self, e: u8) -> Option<Box<dyn Parser<u8>>> {
                (e > 0).then(|| Box::new(Io(Disk)) as Box<dyn Parser<u8>>)
            }
        }
    }

    /// Not `errs::Failure`: the name the derives' module imports.
    pub trait Failure {}

    // The fast path (a struct), its generic form, and the chain (a trait's
    // arguments, an enum).
    #[derive(RealizeForward)]
    #[realize_forward(errs::Failure, errs::Parser<u8>)]
    pub struct LazyIo(#[realize] Lazy<errs::Io>);

    #[derive(RealizeForward)]
    #[realize_forward(errs::Failure)]
    pub struct Any<T: errs::Failure>(#[realize] Lazy<T>);

    #[derive(RealizeForward)]
    #[realize_forward(errs::Failure, errs::Parser<u8>)]
    pub enum Either {
        Lazy(#[realize] Lazy<errs::Io>),
        Ready(errs::Io),
    }

    /// The trait under another name: the forwarders write that one.
    mod renamed {
        use super::errs::Failure as F;
        use lazy_core::{Lazy, RealizeForward};

        #[derive(RealizeForward)]
        #[realize_forward(F)]
        pub struct Struct(#[realize] pub Lazy<super::errs::Io>);

        #[derive(RealizeForward)]
        #[realize_forward(F)]
        pub enum Enum {
            Lazy(#[realize] Lazy<super::errs::Io>),
            Ready(super::errs::Disk),
        }
    }

    #[test]
    fn its_own_name_in_its_signatures_is_the_path_the_derive_wrote() {
        use errs::{Failure as _, Parser as _};
        let io = || errs::Io(errs::Disk);
        let lazy = LazyIo(Lazy::new(io));
        assert_eq!(lazy.chain(), ["io", "disk"]);
        assert_eq!(lazy.cause().map(|cause| cause.name()), Some("disk".into()));
        let mut seen = Vec::new();
        lazy.visit(&mut |failure| seen.push(failure.name()));
        assert_eq!(seen, ["io", "disk"]);
        assert!(lazy.same(&errs::Io(errs::Disk)));
        assert!(lazy.parse(1).is_some() && lazy.parse(0).is_none());

        let any = Any(Lazy::new(io));
        assert_eq!(any.chain(), ["io", "disk"]);
        for either in [Either::Lazy(Lazy::new(io)), Either::Ready(io())] {
            assert_eq!(either.chain(), ["io", "disk"]);
            assert!(either.parse(2).is_some());
        }
        let _: &dyn Failure = &();
        let renamed = renamed::Struct(Lazy::new(io));
        assert_eq!(renamed.chain(), ["io", "disk"]);
        assert_eq!(renamed::Enum::Lazy(Lazy::new(io)).chain(), ["io", "disk"]);
        assert_eq!(renamed::Enum::Ready(errs::Disk).chain(), ["disk"]);
    }

    impl Failure for () {}
}
