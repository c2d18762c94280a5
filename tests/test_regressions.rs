//! Regression tests: one per bug found by the property test, the generated
//! compile check and the trait corpus, named after what broke.

#![deny(warnings)]
// `cfg(all())` / `cfg(any())`: always on / off.
#![allow(clippy::non_minimal_cfg)]

mod common;

use common::{Counted, counted};
use lazy_core::{Lazy, RealizeForward, forwardable};

/// `#[cfg]` on a method parameter: the forwarder declared and passed every
/// parameter, so a parameter configured out gave E0050 and E0061.
mod cfg_on_a_parameter {
    use super::*;

    #[forwardable]
    pub trait Configured {
        fn pick(&self, #[cfg(any())] gone: u8, kept: u8, #[cfg(all())] also: u8) -> u8;
        fn answered(&self, #[cfg(any())] gone: &str, kept: u8) -> u8;
    }

    pub struct Real;

    impl Configured for Real {
        fn pick(&self, #[cfg(any())] gone: u8, kept: u8, #[cfg(all())] also: u8) -> u8 {
            kept * 10 + also
        }
        fn answered(&self, #[cfg(any())] gone: &str, kept: u8) -> u8 {
            kept
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Configured, except(answered))]
    pub struct LazyConfigured {
        #[realize]
        cache: Lazy<Real, Counted<Real>>,
    }

    impl LazyConfigured {
        fn answered(&self, kept: u8) -> u8 {
            kept + 100
        }
    }

    #[test]
    fn cfg_on_a_parameter_is_honoured_by_forwarders() {
        let (cache, builds) = counted(|| Real);
        let lazy = LazyConfigured { cache };
        assert_eq!(Configured::answered(&lazy, 1), 101);
        assert_eq!(builds.get(), 0);
        assert_eq!(lazy.pick(1, 2), Real.pick(1, 2));
        assert_eq!(lazy.pick(1, 2), 12);
        assert_eq!(builds.get(), 1);
    }
}

/// A trait-level `where Self::Item: Bound` was restated on the wrapper's
/// impl, where it names the wrapper's own projection: rustc overflowed
/// (E0275) evaluating `<Wrapper as Trait>::Item == _`.
mod where_clause_on_an_associated_type {
    use super::*;

    #[forwardable]
    pub trait Items
    where
        Self::Item: Clone,
        <Self as Items>::Key: Copy,
    {
        type Item;
        type Key;
        fn first(&self) -> Self::Item;
        fn key(&self) -> Self::Key;
    }

    pub struct Real;

    impl Items for Real {
        type Item = String;
        type Key = u8;
        fn first(&self) -> String {
            String::from("first")
        }
        fn key(&self) -> u8 {
            7
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Items)]
    pub struct LazyItems<T> {
        #[realize]
        cache: Lazy<T, Counted<T>>,
    }

    #[test]
    fn where_clause_on_an_associated_type_is_left_to_the_target() {
        let (cache, builds) = counted(|| Real);
        let lazy = LazyItems { cache };
        assert_eq!(lazy.first(), Real.first());
        assert_eq!(lazy.key(), 7);
        assert_eq!(builds.get(), 1);
    }
}

/// `-> impl Trait + use<.., Self>` (a trait must list `Self` in its precise
/// captures) was refused as a use of `Self`, and the fallback stub repeated
/// `use<Self>`, which an impl cannot write (E0799). The impl's list must
/// also name every type parameter of the impl (the wrapper's, the trait's
/// kept generic) and no concrete argument.
mod precise_captures_with_self {
    use super::*;
    use std::marker::PhantomData;

    #[forwardable]
    pub trait Captures<P> {
        fn chars<'a>(&'a self, text: &'a str) -> impl Iterator<Item = char> + use<'a, P, Self>;
        fn tag(&self) -> impl Sized + PartialEq + std::fmt::Debug + use<P, Self>;
    }

    pub struct Real;

    impl<P> Captures<P> for Real {
        fn chars<'a>(&'a self, text: &'a str) -> impl Iterator<Item = char> + use<'a, P> {
            text.chars().rev()
        }
        fn tag(&self) -> impl Sized + PartialEq + std::fmt::Debug + use<P> {
            7_u8
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Captures)]
    pub struct LazyCaptures {
        #[realize]
        cache: Lazy<Real, Counted<Real>>,
    }

    #[derive(RealizeForward)]
    #[realize_forward(Captures<u8>)]
    pub struct LazyGeneric<'w, Z, const N: usize> {
        #[realize]
        cache: Lazy<Real, Counted<Real>>,
        marker: PhantomData<&'w Z>,
    }

    #[test]
    fn precise_captures_listing_self_are_forwarded() {
        let (cache, builds) = counted(|| Real);
        let lazy = LazyCaptures { cache };
        assert_eq!(
            Captures::<()>::chars(&lazy, "abc").collect::<String>(),
            "cba"
        );
        assert_eq!(format!("{:?}", Captures::<()>::tag(&lazy)), "7");
        assert_eq!(builds.get(), 1);
    }

    #[test]
    fn precise_captures_in_a_generic_impl() {
        let (cache, builds) = counted(|| Real);
        let lazy = LazyGeneric::<u16, 3> {
            cache,
            marker: PhantomData,
        };
        assert_eq!(lazy.chars("ab").collect::<String>(), "ba");
        assert_eq!(format!("{:?}", lazy.tag()), "7");
        assert_eq!(builds.get(), 1);
    }
}

/// A trait parameter defaulting to `Self`, left to its default in
/// `realize_forward(Trait<..>)`: the default became `Self` in the impl, so an
/// argument of that type was taken for the wrapper and realized, and the
/// target was handed its own type where it expected the wrapper (E0308).
mod parameter_defaulting_to_self {
    use super::*;

    #[forwardable]
    pub trait Scale<Factor, Rhs = Self> {
        fn scale(&self, factor: Factor, rhs: &Rhs) -> u32;
    }

    pub struct Real(u32);

    impl Scale<u32, LazyScale> for Real {
        fn scale(&self, factor: u32, rhs: &LazyScale) -> u32 {
            self.0 * factor + u32::from(Lazy::is_realized(&rhs.cache))
        }
    }

    // `Scale<u32>` is `Scale<u32, LazyScale>` for `LazyScale`.
    #[derive(RealizeForward)]
    #[realize_forward(Scale<u32>)]
    pub struct LazyScale {
        #[realize]
        cache: Lazy<Real, Counted<Real>>,
    }

    #[test]
    fn parameter_defaulting_to_self_is_the_wrapper() {
        let (cache, builds) = counted(|| Real(3));
        let lazy = LazyScale { cache };
        let (other_cache, other_builds) = counted(|| Real(5));
        let other = LazyScale { cache: other_cache };
        assert_eq!(lazy.scale(2, &other), 6, "`other` is passed as it is");
        assert_eq!(builds.get(), 1);
        assert_eq!(other_builds.get(), 0);
    }
}

/// `#[cfg]` on a method's generic parameter: the forwarder's turbofish named
/// every parameter, so one configured out was an unknown type (E0425) and
/// one argument too many (E0107).
mod cfg_on_a_generic_parameter {
    use super::*;

    #[forwardable]
    pub trait Build {
        fn build<#[cfg(any())] T: Default, U: From<u8>>(&self) -> U;
        fn sized<#[cfg(all())] const N: usize>(&self) -> [u8; N];
    }

    pub struct Real;

    impl Build for Real {
        fn build<#[cfg(any())] T: Default, U: From<u8>>(&self) -> U {
            U::from(4)
        }
        fn sized<#[cfg(all())] const N: usize>(&self) -> [u8; N] {
            [1; N]
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Build)]
    pub struct LazyBuild {
        #[realize]
        cache: Lazy<Real, Counted<Real>>,
    }

    #[test]
    fn cfg_on_a_generic_parameter_is_honoured_by_forwarders() {
        let (cache, builds) = counted(|| Real);
        let lazy = LazyBuild { cache };
        assert_eq!(lazy.build::<u64>(), 4);
        assert_eq!(lazy.sized::<2>(), [1, 1]);
        assert_eq!(builds.get(), 1);
    }
}

/// A parameter renamed because the wrapper uses its name (`T` -> `__T`)
/// took the name of another parameter of the trait or the method (E0403).
mod renamed_parameter_clashes_with_another {
    use super::*;
    use std::marker::PhantomData;

    #[forwardable]
    #[allow(non_camel_case_types)]
    pub trait Pair<T, __T> {
        fn pair(&self, a: T, b: __T) -> u8;
        fn mixed<U, __U>(&self, a: U, b: __U) -> u8;
    }

    pub struct Real;

    #[allow(non_camel_case_types)]
    impl<T, __T> Pair<T, __T> for Real {
        fn pair(&self, _: T, _: __T) -> u8 {
            2
        }
        fn mixed<U, __U>(&self, _: U, _: __U) -> u8 {
            3
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Pair)]
    pub struct LazyPair<T, U> {
        #[realize]
        cache: Lazy<Real, Counted<Real>>,
        marker: PhantomData<(T, U)>,
    }

    #[test]
    fn renamed_parameters_get_names_nobody_uses() {
        let (cache, builds) = counted(|| Real);
        let lazy = LazyPair::<u8, u8> {
            cache,
            marker: PhantomData,
        };
        assert_eq!(Pair::<u16, u32>::pair(&lazy, 1, 2), 2);
        assert_eq!(Pair::<u16, u32>::mixed(&lazy, 'a', "b"), 3);
        assert_eq!(builds.get(), 1);
    }
}

/// A mirror's `remote` path is checked beside it by a `use` (8065a35): a
/// path with arguments was a parse error there, a `std::` path in a
/// `#![no_implicit_prelude]` module named nothing there (its derives, in
/// other modules, find it), and a deprecated remote trait was reported
/// there, where `#[allow(deprecated)]` on the mirror did not reach.
mod mirror_remote_check {
    use super::*;

    pub mod a {
        pub trait Get<T> {
            fn get(&self) -> T;
        }
        impl Get<u8> for String {
            fn get(&self) -> u8 {
                self.len() as u8
            }
        }

        #[deprecated(note = "a test of a deprecated remote trait")]
        pub trait Old {
            fn old(&self) -> u8;
        }
        #[allow(deprecated)]
        impl Old for String {
            fn old(&self) -> u8 {
                7
            }
        }
    }

    #[forwardable(remote = crate::mirror_remote_check::a::Get<u8>)]
    pub trait GetU8 {
        fn get(&self) -> u8;
    }

    #[allow(deprecated)]
    #[forwardable(remote = crate::mirror_remote_check::a::Old)]
    pub trait OldMirror {
        fn old(&self) -> u8;
    }

    pub mod bare {
        #![no_implicit_prelude]
        #[::lazy_core::forwardable(remote = std::fmt::Display)]
        pub trait Display {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result;
        }
    }

    #[allow(deprecated)]
    #[derive(RealizeForward)]
    #[realize_forward(GetU8, OldMirror, bare::Display)]
    pub struct LazyText(#[realize] Lazy<String, Counted<String>>);

    #[test]
    fn mirrors_of_these_paths_forward() {
        let (cache, builds) = counted(|| String::from("abc"));
        let text = LazyText(cache);
        assert_eq!(a::Get::get(&text), 3);
        #[allow(deprecated)]
        let old = a::Old::old(&text);
        assert_eq!(old, 7);
        assert_eq!(text.to_string(), "abc");
        assert_eq!(builds.get(), 1);
    }
}

/// A trait of a leading underscore in a module named with a capital
/// (`Api::_Private`) was read as a method named through its trait (e8bd7b7).
mod underscore_trait_in_a_capitalized_module {
    use super::*;

    #[allow(non_snake_case)]
    pub mod Api {
        #[lazy_core::forwardable]
        pub trait _Private {
            fn hidden(&self) -> u8;
        }
        impl _Private for u8 {
            fn hidden(&self) -> u8 {
                *self + 1
            }
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Api::_Private)]
    pub struct LazyNumber(#[realize] Lazy<u8, Counted<u8>>);

    #[test]
    fn is_forwarded() {
        let (cache, builds) = counted(|| 4);
        let number = LazyNumber(cache);
        assert_eq!(Api::_Private::hidden(&number), 5);
        assert_eq!(builds.get(), 1);
    }
}

/// A `#[realize]` field of the user's own `Lazy` that holds an unsized value
/// (`Lazy<dyn Tracker>`, `Rc<Lazy<str>>`): read as lazy-core's lazy, which
/// cannot hold one, it was refused ("a lazy holds a value whose size is
/// known") and the wrapper got no impls.
mod own_lazy_of_an_unsized_value {
    use std::rc::Rc;

    use lazy_core::{RealizeForward, forwardable};

    /// The user's lazy: a box, realized by hand.
    pub struct Lazy<T: ?Sized>(pub Box<T>);

    impl<T: ?Sized> lazy_core::Realize for Lazy<T> {
        type Target = T;
        fn realize(&self) -> &T {
            &self.0
        }
    }

    impl<T: ?Sized> lazy_core::RealizeMut for Lazy<T> {
        fn realize_mut(&mut self) -> &mut T {
            &mut self.0
        }
    }

    #[forwardable]
    pub trait Tracker {
        fn size(&self) -> usize;
    }

    impl Tracker for str {
        fn size(&self) -> usize {
            self.len()
        }
    }

    impl Tracker for [u8] {
        fn size(&self) -> usize {
            self.len()
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Tracker)]
    pub struct Text {
        #[realize]
        cache: Rc<Lazy<str>>,
    }

    #[derive(RealizeForward)]
    #[realize_forward(Tracker)]
    pub enum Bytes<'a> {
        Owned(#[realize] Lazy<[u8]>),
        Borrowed(#[realize] &'a Lazy<[u8]>),
    }

    #[test]
    fn own_lazy_of_an_unsized_value_forwards() {
        let text = Text {
            cache: Rc::new(Lazy("abc".into())),
        };
        assert_eq!(text.size(), 3);
        let owned = Bytes::Owned(Lazy(vec![1, 2].into_boxed_slice()));
        assert_eq!(owned.size(), 2);
        let shared = Lazy(vec![1u8].into_boxed_slice());
        assert_eq!(Bytes::Borrowed(&shared).size(), 1);
    }
}

/// A `#[realize]` field of the user's own type named `Cell`: std's
/// `std::cell::Cell` is refused by its path (it never realizes), a bare
/// `Cell` is not, as it may be a type of the user's that realizes.
mod own_cell_type {
    use lazy_core::{Lazy, RealizeForward, forwardable};

    /// The user's cell of a lazy, realized by hand.
    pub struct Cell<T>(pub Lazy<T>);

    impl<T> lazy_core::Realize for Cell<T> {
        type Target = T;
        fn realize(&self) -> &T {
            Lazy::force(&self.0)
        }
    }

    impl<T> lazy_core::RealizeMut for Cell<T> {
        fn realize_mut(&mut self) -> &mut T {
            Lazy::force_mut(&mut self.0)
        }
    }

    #[forwardable]
    pub trait Counter {
        fn count(&self) -> u32;
        fn bump(&mut self) -> u32;
    }

    impl Counter for u32 {
        fn count(&self) -> u32 {
            *self
        }
        fn bump(&mut self) -> u32 {
            *self += 1;
            *self
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Counter)]
    pub struct Wrapper {
        #[realize]
        cache: Cell<u32>,
    }

    #[test]
    fn a_bare_cell_of_the_users_forwards() {
        let mut wrapper = Wrapper {
            cache: Cell(Lazy::new(|| 41)),
        };
        assert_eq!(wrapper.bump(), 42);
        assert_eq!(wrapper.count(), 42);
    }
}

/// `impl Trait` in a field is refused by the derive (beside rustc's E0562,
/// `tests/ui/impl-trait-in-a-field.rs`), but not inside a type macro's
/// arguments, which are the macro's to read: `seed!(impl u32)` below is a
/// `fn() -> u32`.
mod impl_in_a_type_macro {
    use lazy_core::{Lazy, RealizeForward, forwardable};

    macro_rules! seed {
        (impl $target:ty) => { fn() -> $target };
    }

    #[forwardable]
    pub trait Counter {
        fn count(&self) -> u32;
    }

    impl Counter for u32 {
        fn count(&self) -> u32 {
            *self
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Counter)]
    pub struct Wrapper {
        #[realize]
        cache: Lazy<u32, seed!(impl u32)>,
    }

    #[derive(RealizeForward)]
    #[realize_forward(Counter)]
    pub enum Either {
        Now(u32),
        Later(#[realize] Lazy<u32, seed!(impl u32)>),
    }

    #[test]
    fn a_field_whose_type_macro_reads_impl_forwards() {
        let wrapper = Wrapper {
            cache: Lazy::new(|| 41),
        };
        assert_eq!(wrapper.count(), 41);
        assert_eq!(Either::Later(Lazy::new(|| 7)).count(), 7);
        assert_eq!(Either::Now(3).count(), 3);
    }
}

/// Field types written by a `macro_rules!` through `$t:ty`: syn reads such a
/// type as an invisible group, which the derives did not look into for a
/// lazy, a pointer or a seed parameter. An enum of one target type then
/// compared values in two variants as different (`==` false, no error) and
/// panicked on `&Self` arguments; a wrapper generic over the seed, or over
/// the lazy itself, was E0277 (the bounds the derive adds were left out).
mod types_through_a_macro_fragment {
    use super::*;
    use lazy_core::{FromRealized, Realize, remote};

    #[forwardable]
    pub trait Area {
        fn area(&self) -> u32;
        fn same(&self, other: &Self) -> bool;
    }

    #[forwardable]
    pub trait Grow {
        fn grown(&self) -> Self;
    }

    #[derive(Debug, PartialEq, PartialOrd)]
    pub struct Sq(pub u32);

    impl Area for Sq {
        fn area(&self) -> u32 {
            self.0
        }
        fn same(&self, other: &Self) -> bool {
            self.0 == other.0
        }
    }

    impl Grow for Sq {
        fn grown(&self) -> Self {
            Sq(self.0 + 1)
        }
    }

    macro_rules! wrappers {
        ($lazy:ty, $seed:ty, $boxed:ty, $pointer:ty, $value:ty) => {
            #[derive(RealizeForward)]
            #[realize_forward(Area)]
            pub struct Param<L>(#[realize] $lazy);

            #[derive(RealizeForward, FromRealized)]
            #[realize_forward(Area, Grow)]
            pub struct Seeded<S>(#[realize] Lazy<$value, $seed>);

            #[derive(RealizeForward, FromRealized)]
            #[realize_forward(Area, Grow)]
            pub struct Boxed(#[realize] $boxed);

            #[derive(RealizeForward)]
            #[realize_forward(Area, Grow, remote::PartialEq, remote::PartialOrd)]
            pub enum Any {
                Ready(#[realize(plain)] $value),
                Later(#[realize] $boxed),
                Pointed(#[realize(plain, deref)] $pointer),
            }
        };
    }

    wrappers!(L, S, Box<Lazy<Sq>>, Box<Sq>, Sq);

    impl<L: Realize<Target = Sq>> Param<L> {
        pub fn new(lazy: L) -> Self {
            Param(lazy)
        }
    }

    fn later(n: u32) -> Any {
        Any::Later(Box::new(Lazy::from_value(Sq(n))))
    }

    #[test]
    fn each_wrapper_forwards() {
        assert_eq!(Param::new(Lazy::new(|| Sq(2))).area(), 2);
        let seeded = Seeded(Lazy::new(|| Sq(3)));
        assert_eq!(seeded.grown().area(), 4);
        let boxed = Boxed(Box::new(Lazy::new(|| Sq(4))));
        assert_eq!(boxed.grown().area(), 5);
        assert_eq!(Any::Pointed(Box::new(Sq(5))).grown().area(), 6);
    }

    #[test]
    fn an_enum_of_one_target_compares_across_variants() {
        assert!(Any::Ready(Sq(3)) == later(3));
        assert!(Any::Ready(Sq(5)) > later(1));
        assert!(later(2) < Any::Pointed(Box::new(Sq(4))));
        assert!(Any::Ready(Sq(3)).same(&later(3)));
        assert!(!later(3).same(&Any::Pointed(Box::new(Sq(4)))));
    }
}
