//! The result of an enum's forwarder whose variants' targets return
//! different `impl Trait` types: one of two values, itself implementing the
//! trait. Nested (`Either<A, Either<B, C>>`), it holds one of any number.

use core::fmt;
use core::future::Future;
use core::iter::FusedIterator;
use core::pin::Pin;
use core::task::{Context, Poll};

/// One of two values of (usually) different types implementing the same
/// trait; the trait's methods go to the one held.
#[derive(Clone, Copy)]
pub enum Either<L, R> {
    /// The first value.
    Left(L),
    /// The second value.
    Right(R),
}

impl<L: Iterator, R: Iterator<Item = L::Item>> Iterator for Either<L, R> {
    type Item = L::Item;

    #[inline]
    fn next(&mut self) -> Option<L::Item> {
        match self {
            Either::Left(left) => left.next(),
            Either::Right(right) => right.next(),
        }
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            Either::Left(left) => left.size_hint(),
            Either::Right(right) => right.size_hint(),
        }
    }

    #[inline]
    fn fold<B, F: FnMut(B, L::Item) -> B>(self, init: B, f: F) -> B {
        match self {
            Either::Left(left) => left.fold(init, f),
            Either::Right(right) => right.fold(init, f),
        }
    }
}

impl<L: DoubleEndedIterator, R: DoubleEndedIterator<Item = L::Item>> DoubleEndedIterator
    for Either<L, R>
{
    #[inline]
    fn next_back(&mut self) -> Option<L::Item> {
        match self {
            Either::Left(left) => left.next_back(),
            Either::Right(right) => right.next_back(),
        }
    }
}

impl<L: ExactSizeIterator, R: ExactSizeIterator<Item = L::Item>> ExactSizeIterator
    for Either<L, R>
{
}

impl<L: FusedIterator, R: FusedIterator<Item = L::Item>> FusedIterator for Either<L, R> {}

impl<L: Future, R: Future<Output = L::Output>> Future for Either<L, R> {
    type Output = L::Output;

    #[inline]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<L::Output> {
        // SAFETY: the held value is pinned as the `Either` is: it is never
        // moved out of `self`, and `Either` has no `Drop` that could.
        unsafe {
            match self.get_unchecked_mut() {
                Either::Left(left) => Pin::new_unchecked(left).poll(cx),
                Either::Right(right) => Pin::new_unchecked(right).poll(cx),
            }
        }
    }
}

impl<L: fmt::Display, R: fmt::Display> fmt::Display for Either<L, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Either::Left(left) => left.fmt(f),
            Either::Right(right) => right.fmt(f),
        }
    }
}

impl<L: fmt::Debug, R: fmt::Debug> fmt::Debug for Either<L, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Either::Left(left) => left.fmt(f),
            Either::Right(right) => right.fmt(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Either;
    use alloc::format;
    use alloc::vec::Vec;
    use core::future::Future;
    use core::pin::pin;
    use core::task::{Context, Poll, Waker};

    type Three = Either<
        core::ops::Range<u8>,
        Either<core::option::IntoIter<u8>, core::array::IntoIter<u8, 2>>,
    >;

    #[test]
    fn iterates_the_value_held_both_ways() {
        let left: Three = Either::Left(0..3);
        assert_eq!(left.len(), 3);
        assert_eq!(left.rev().collect::<Vec<_>>(), [2, 1, 0]);
        let middle: Three = Either::Right(Either::Left(Some(7).into_iter()));
        assert_eq!(middle.collect::<Vec<_>>(), [7]);
    }

    #[test]
    fn formats_and_polls_the_value_held() {
        let shown: Either<u8, &str> = Either::Right("x");
        assert_eq!(format!("{shown} {shown:?}"), "x \"x\"");
        let future = pin!(Either::<_, core::future::Pending<u8>>::Left(
            core::future::ready(5)
        ));
        let polled = future.poll(&mut Context::from_waker(Waker::noop()));
        assert_eq!(polled, Poll::Ready(5));
    }
}
