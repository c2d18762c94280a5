//! The tracker protocol: [`Realize`], [`RealizeMut`], [`RealizeInto`],
//! [`FromRealized`], and their implementations for references and smart pointers.

use alloc::boxed::Box;
use alloc::rc::Rc;
#[cfg(target_has_atomic = "ptr")]
use alloc::sync::Arc;

/// Gives the real value, building it first if it is not built yet.
///
/// This is the one operation every forwarded method starts with. Pointers to a
/// realizable value are realizable too (`&R`, `&mut R`, `Box<R>`, `Rc<R>`,
/// `Arc<R>`), so several trackers can share one cache: realizing one realizes
/// them all, the way clones of a Dynamo lazy tracker share its cache.
///
/// ```
/// use std::rc::Rc;
/// use lazy_core::{Lazy, Realize};
///
/// let shared = Rc::new(Lazy::new(|| vec![1, 2, 3]));
/// let clone = Rc::clone(&shared);
/// assert_eq!(clone.realize().len(), 3);
/// assert!(Lazy::is_realized(&shared));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be realized: it does not implement `Realize`",
    label = "not realizable",
    note = "`#[derive(RealizeForward)]` implements it through the field marked `#[realize]`: mark the field that holds the lazy `#[realize]`; that field must hold a lazy (`Lazy`, `sync::Lazy`, or a `Box`, `Rc`, `Arc` or reference to one), or be `#[realize(plain)]` to forward to it as it is (`#[realize(plain, deref)]` to what it points to); or implement `lazy_core::Realize` for the wrapper (a union must: the derive cannot tell which of its fields is live)"
)]
pub trait Realize {
    /// The type of the real value.
    type Target: ?Sized;

    /// Returns the real value, building it if needed.
    ///
    /// # Panics
    /// Implementations panic when the value cannot be built: for [`Lazy`]
    /// and [`sync::Lazy`](crate::sync::Lazy) when an earlier build panicked
    /// (the lazy is poisoned) or when the build asks for its own value; for
    /// either when the seed is borrowed by a `peek` guard of the same thread
    /// (the build would move it), which on another thread's `sync::Lazy`
    /// waits instead.
    ///
    /// [`Lazy`]: crate::Lazy
    #[doc(alias = "force")]
    #[doc(alias = "get")]
    #[track_caller]
    fn realize(&self) -> &Self::Target;
}

/// Gives the real value mutably, building it first if needed.
///
/// ```
/// use lazy_core::{Lazy, Realize, RealizeMut};
///
/// let mut lazy = Lazy::new(|| vec![1]);
/// lazy.realize_mut().push(2);
/// assert_eq!(lazy.realize(), &[1, 2]);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot lend its value mutably: it does not implement `RealizeMut`",
    label = "no `RealizeMut`",
    note = "forwarding a `&mut self` method needs it; `#[derive(RealizeForward)]` implements it through the field marked `#[realize]`: mark the field that holds the lazy `#[realize]` if none is; a cache shared through `Rc` or `Arc` cannot lend its value mutably: list the method in `except(...)` and answer it on the wrapper, or own the lazy; a field that holds no lazy but the target itself (`Real`) forwards with `#[realize(plain)]`, one that points to it (`Box<Real>`) with `#[realize(plain, deref)]`; a wrapper with no field to forward to (a unit struct) implements `lazy_core::Realize` and `RealizeMut` by hand"
)]
pub trait RealizeMut: Realize {
    /// Returns the real value mutably, building it if needed.
    ///
    /// # Panics
    /// As [`Realize::realize`].
    #[track_caller]
    fn realize_mut(&mut self) -> &mut Self::Target;
}

/// Gives the real value by value, building it first if needed.
///
/// ```
/// use lazy_core::{Lazy, RealizeInto};
///
/// let lazy = Lazy::new(|| String::from("built"));
/// let value: String = lazy.into_realized();
/// assert_eq!(value, "built");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot give its value away: it does not implement `RealizeInto`",
    label = "no `RealizeInto`",
    note = "forwarding a `self` or `self: Box<Self>` method needs it; `#[derive(RealizeForward)]` implements it through the field marked `#[realize]`: mark the field that holds the lazy `#[realize]` if none is; a cache shared through `Rc` or `Arc` cannot give its value away: list the method in `except(...)` and answer it on the wrapper, or own the lazy; a field that holds no lazy but the target itself (`Real`) forwards with `#[realize(plain)]`; a wrapper with no field to forward to (a unit struct) implements `lazy_core::Realize` and `RealizeInto` by hand"
)]
pub trait RealizeInto: Realize {
    /// Consumes `self` and returns the real value, building it if needed.
    ///
    /// # Panics
    /// As [`Realize::realize`].
    #[track_caller]
    fn into_realized(self) -> Self::Target
    where
        Self: Sized,
        Self::Target: Sized;
}

/// Builds the wrapper back from a value of its target: how a forwarded
/// method that returns `Self` gives a wrapper again.
///
/// `#[derive(RealizeForward)]` forwards a trait method whose result is
/// `Self`, `Option<Self>`, `Result<Self, E>`, `Vec<Self>` or `Box<Self>` to
/// the target, then turns each target in the result into a wrapper with
/// this trait. Implement it once for the wrapper, with `T` its target; a
/// method with such a result and no default body needs it. A wrapper whose
/// one field is its target (`#[realize(plain)]`, or `#[realize]` on a `Lazy`)
/// derives it: `#[derive(FromRealized)]`. A forwarding enum needs none of
/// its own: each target goes back into its variant, a lazy variant's field
/// through this trait's impls for [`Lazy`](crate::Lazy), `sync::Lazy` (built
/// already realized) and `Box`.
///
/// ```
/// # #[cfg(feature = "derive")] { // the example needs the derives
/// use lazy_core::{FromRealized, RealizeForward, forwardable};
///
/// #[forwardable]
/// pub trait Shape {
///     fn area(&self) -> f64;
///     fn scaled(&self, k: f64) -> Self;
/// }
///
/// #[derive(Debug, PartialEq)]
/// pub struct Square(f64);
/// impl Shape for Square {
///     fn area(&self) -> f64 { self.0 * self.0 }
///     fn scaled(&self, k: f64) -> Self { Square(self.0 * k) }
/// }
///
/// #[derive(RealizeForward)]
/// #[realize_forward(Shape)]
/// pub struct Named {
///     name: &'static str,
///     #[realize(plain)]
///     shape: Square,
/// }
///
/// impl FromRealized<Square> for Named {
///     fn from_realized(shape: Square) -> Self {
///         Named { name: "scaled", shape }
///     }
/// }
///
/// let big = Named { name: "unit", shape: Square(1.0) }.scaled(3.0);
/// assert_eq!((big.name, big.area()), ("scaled", 9.0));
/// # }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be built back from its target `{T}`: it does not implement `FromRealized<{T}>`",
    label = "no `FromRealized`",
    note = "a forwarded method that returns `Self` (or `Option<Self>`, `Result<Self, E>`, `Vec<Self>`, `Box<Self>`) turns the target's result back into the wrapper: implement `lazy_core::FromRealized<{T}>` for `{Self}`, or list the method in `except(...)` and implement it on the wrapper",
    note = "a target that reads `<X as Realize>::Target` is one rustc could not work out: where another error says that `X` cannot be realized, fix that one first"
)]
pub trait FromRealized<T> {
    /// The wrapper holding `target` as its realized value.
    fn from_realized(target: T) -> Self;
}

#[diagnostic::do_not_recommend]
impl<R: Realize + ?Sized> Realize for &R {
    type Target = R::Target;
    #[inline]
    #[track_caller]
    fn realize(&self) -> &Self::Target {
        R::realize(*self)
    }
}

#[diagnostic::do_not_recommend]
impl<R: Realize + ?Sized> Realize for &mut R {
    type Target = R::Target;
    #[inline]
    #[track_caller]
    fn realize(&self) -> &Self::Target {
        R::realize(*self)
    }
}

#[diagnostic::do_not_recommend]
impl<R: RealizeMut + ?Sized> RealizeMut for &mut R {
    #[inline]
    #[track_caller]
    fn realize_mut(&mut self) -> &mut Self::Target {
        R::realize_mut(*self)
    }
}

/// A box built back from its target holds what `R` builds from it.
#[diagnostic::do_not_recommend]
impl<T, R: FromRealized<T>> FromRealized<T> for Box<R> {
    #[inline]
    fn from_realized(target: T) -> Self {
        Box::new(R::from_realized(target))
    }
}

#[diagnostic::do_not_recommend]
impl<R: Realize + ?Sized> Realize for Box<R> {
    type Target = R::Target;
    #[inline]
    #[track_caller]
    fn realize(&self) -> &Self::Target {
        R::realize(self)
    }
}

#[diagnostic::do_not_recommend]
impl<R: RealizeMut + ?Sized> RealizeMut for Box<R> {
    #[inline]
    #[track_caller]
    fn realize_mut(&mut self) -> &mut Self::Target {
        R::realize_mut(self)
    }
}

#[diagnostic::do_not_recommend]
impl<R: RealizeInto> RealizeInto for Box<R> {
    #[inline]
    #[track_caller]
    fn into_realized(self) -> Self::Target
    where
        Self::Target: Sized,
    {
        R::into_realized(*self)
    }
}

#[diagnostic::do_not_recommend]
impl<R: Realize + ?Sized> Realize for Rc<R> {
    type Target = R::Target;
    #[inline]
    #[track_caller]
    fn realize(&self) -> &Self::Target {
        R::realize(self)
    }
}

#[cfg(target_has_atomic = "ptr")]
#[diagnostic::do_not_recommend]
impl<R: Realize + ?Sized> Realize for Arc<R> {
    type Target = R::Target;
    #[inline]
    #[track_caller]
    fn realize(&self) -> &Self::Target {
        R::realize(self)
    }
}
