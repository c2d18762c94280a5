// A `Pin<&mut Self>` receiver (`futures::Stream::poll_next`) cannot hold the
// realized value; without a default, the method must go to `except(...)`.
// The message writes the receiver as the user wrote it.

use std::pin::Pin;
use std::task::{Context, Poll};

#[lazy_core::forwardable]
pub trait Stream {
    type Item;
    fn poll_next(self: ::core::pin::Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>>;
}

pub struct Numbers;

impl Stream for Numbers {
    type Item = u8;
    fn poll_next(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u8>> {
        Poll::Ready(None)
    }
}

#[derive(lazy_core::RealizeForward)]
#[realize_forward(Stream)]
pub struct LazyNumbers(#[realize] lazy_core::Lazy<Numbers>);

fn main() {}
