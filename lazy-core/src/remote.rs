//! Ready mirrors of std traits, for `#[realize_forward(...)]`.
//!
//! A derive cannot see a trait that lives in another crate, and std's traits
//! carry no `#[forwardable]`. Each item here is the hidden macro of a
//! signature-only mirror written with `#[forwardable(remote = ...)]`:
//! naming it in `#[realize_forward(...)]` implements the real std trait.
//!
//! ```
//! use lazy_core::{Lazy, RealizeForward};
//!
//! #[derive(RealizeForward)]
//! #[realize_forward(lazy_core::remote::Iterator, lazy_core::remote::ExactSizeIterator)]
//! struct Numbers {
//!     #[realize]
//!     cache: Lazy<std::vec::IntoIter<u32>>,
//! }
//!
//! let mut numbers = Numbers { cache: Lazy::new(|| vec![1, 2, 3].into_iter()) };
//! assert!(!Lazy::is_realized(&numbers.cache));
//! assert_eq!(numbers.len(), 3);
//! assert_eq!(numbers.next(), Some(1));
//! assert_eq!(numbers.sum::<u32>(), 5);
//! ```
//!
//! [`Future`](macro@Future) forwards `poll` (`self: Pin<&mut Self>`) where
//! the wrapper and its target are `Unpin`: a lazy future, built when it is
//! first polled. A future that is not `Unpin` (an `async` block's) is held
//! pinned in a box, which std's `Future` is implemented for:
//!
//! ```
//! use std::future::Future;
//! use std::pin::{Pin, pin};
//! use std::task::{Context, Poll, Waker};
//!
//! use lazy_core::{Lazy, RealizeForward};
//!
//! type Boxed = Pin<Box<dyn Future<Output = u32>>>;
//!
//! #[derive(RealizeForward)]
//! #[realize_forward(lazy_core::remote::Future)]
//! struct LaterSum {
//!     #[realize]
//!     future: Lazy<Boxed, Box<dyn FnOnce() -> Boxed>>,
//! }
//!
//! let (a, b) = (2_u32, 3);
//! let later = LaterSum {
//!     future: Lazy::new(Box::new(move || Box::pin(async move { a + b }) as Boxed)),
//! };
//! assert!(!Lazy::is_realized(&later.future));
//! let mut later = pin!(later);
//! let mut cx = Context::from_waker(Waker::noop());
//! assert_eq!(later.as_mut().poll(&mut cx), Poll::Ready(5));
//! ```
//!
//! Only the methods listed in a mirror are forwarded; the trait's other
//! methods keep their default bodies (which call the forwarded ones).
//! Forwarding [`Debug`](core::fmt::Debug) realizes the value to print it;
//! [`Lazy`](crate::Lazy)'s own `Debug` never does.

// The mirrors, written by `#[forwardable(remote = ..)]` from
// `remote/declared.rs` ahead of time (see there).
include!("remote/generated.rs");

#[cfg(test)]
mod tests {
    //! The derive works inside lazy-core itself: `::lazy_core` names this
    //! crate here (`extern crate self as lazy_core`).

    use alloc::string::ToString;
    use alloc::vec;
    use alloc::vec::Vec;

    use crate::{Lazy, RealizeForward};

    #[derive(RealizeForward)]
    #[realize_forward(super::Display, crate::remote::Iterator)]
    struct Words {
        #[realize]
        cache: Lazy<Letters>,
    }

    struct Letters(Vec<char>);

    impl core::fmt::Display for Letters {
        fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            write!(f, "{} letters", self.0.len())
        }
    }

    impl core::iter::Iterator for Letters {
        type Item = char;
        fn next(&mut self) -> Option<char> {
            self.0.pop()
        }
    }

    #[test]
    fn derive_inside_lazy_core() {
        let mut words = Words {
            cache: Lazy::new(|| Letters(vec!['a', 'b'])),
        };
        assert!(!Lazy::is_realized(&words.cache));
        assert_eq!(words.to_string(), "2 letters");
        assert_eq!(words.next(), Some('b'));
        assert_eq!(words.to_string(), "1 letters");
    }
}
