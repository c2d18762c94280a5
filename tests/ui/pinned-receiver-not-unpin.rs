// A `Pin<&mut Self>` receiver (`futures::Stream::poll_next`) is forwarded
// through `Pin::get_mut` and `Pin::new`, which ask the wrapper and its target
// to be `Unpin`: a target that is not is one error at the trait's path (with
// rustc's advice to pin it, which fits a trait implemented for `Pin<Box<T>>`,
// as std's `Future`), not one per method.

use std::marker::PhantomPinned;
use std::pin::Pin;
use std::task::{Context, Poll};

#[lazy_core::forwardable]
pub trait Stream {
    type Item;
    fn poll_next(self: ::core::pin::Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>>;
    fn poll_again(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>>;
}

pub struct Numbers(PhantomPinned);

impl Stream for Numbers {
    type Item = u8;
    fn poll_next(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u8>> {
        Poll::Ready(None)
    }
    fn poll_again(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u8>> {
        Poll::Ready(None)
    }
}

#[derive(lazy_core::RealizeForward)]
#[realize_forward(Stream)]
pub struct LazyNumbers(#[realize] lazy_core::Lazy<Numbers>);

// On an enum, at the variant whose target is not `Unpin`.
#[derive(lazy_core::RealizeForward)]
#[realize_forward(Stream)]
pub enum EitherNumbers {
    Later(#[realize] lazy_core::Lazy<Numbers>),
    Ready(Digits),
}

pub struct Digits;

impl Stream for Digits {
    type Item = u8;
    fn poll_next(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u8>> {
        Poll::Ready(Some(1))
    }
    fn poll_again(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u8>> {
        Poll::Ready(Some(1))
    }
}

fn main() {}
