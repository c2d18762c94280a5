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
/// `use<Self>`, which an impl cannot write (E0799).
mod precise_captures_with_self {
    use super::*;

    #[forwardable]
    pub trait Captures {
        fn chars<'a>(&'a self, text: &'a str) -> impl Iterator<Item = char> + use<'a, Self>;
        fn tag(&self) -> impl Sized + PartialEq + std::fmt::Debug + use<Self>;
    }

    pub struct Real;

    impl Captures for Real {
        fn chars<'a>(&'a self, text: &'a str) -> impl Iterator<Item = char> + use<'a> {
            text.chars().rev()
        }
        fn tag(&self) -> impl Sized + PartialEq + std::fmt::Debug + use<> {
            7_u8
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Captures)]
    pub struct LazyCaptures {
        #[realize]
        cache: Lazy<Real, Counted<Real>>,
    }

    #[test]
    fn precise_captures_listing_self_are_forwarded() {
        let (cache, builds) = counted(|| Real);
        let lazy = LazyCaptures { cache };
        assert_eq!(
            lazy.chars("abc").collect::<String>(),
            Real.chars("abc").collect::<String>()
        );
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
