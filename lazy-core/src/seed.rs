//! What a lazy builds its value from.

/// The recipe of a lazy value: the raw input, and how to build the value.
///
/// Every `FnOnce() -> T` is a seed. Write a seed type of your own when the
/// raw input should stay inspectable until the value is built (see
/// [`Lazy::peek`](crate::Lazy::peek)): Dynamo's lazy cache keeps the raw value
/// and its source this way.
///
/// ```
/// use lazy_core::{Lazy, Realize, Seed};
///
/// struct Parse {
///     source: &'static str,
/// }
///
/// impl Seed for Parse {
///     type Output = i64;
///     fn build(self) -> i64 {
///         self.source.parse().unwrap_or(0)
///     }
/// }
///
/// let lazy = Lazy::new(Parse { source: "42" });
/// assert_eq!(Lazy::peek(&lazy).map(|seed| seed.source), Some("42"));
/// assert_eq!(*lazy.realize(), 42);
/// assert!(Lazy::peek(&lazy).is_none(), "the seed is gone once built");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a seed of this lazy: neither a closure with no arguments nor a type implementing `Seed` that builds the lazy's value",
    label = "not a seed of the lazy's value",
    note = "`Lazy<T, S>` builds its `T` with `S: Seed<Output = T>`: a closure with no arguments that returns a `T` (`|| build()`), a `fn() -> T`, or a type of yours that implements `lazy_core::Seed` with `Output = T` (its `build(self)` makes the value)"
)]
pub trait Seed {
    /// The value this seed builds.
    type Output;

    /// Builds the value, consuming the seed.
    fn build(self) -> Self::Output;
}

#[diagnostic::do_not_recommend]
impl<T, F: FnOnce() -> T> Seed for F {
    type Output = T;
    #[inline]
    fn build(self) -> T {
        self()
    }
}
