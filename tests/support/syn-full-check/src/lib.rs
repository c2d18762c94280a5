//! lazy-derive with syn's `full` feature on (this crate's build script turns
//! it on, and cargo builds one syn for the host, lazy-derive's too: see
//! Cargo.toml): the macros read these traits and write
//! their forwarders as they do without it. Traits of every shape that the
//! derive's syn path reads (generic, with `where` clauses, associated types
//! and consts, receivers of every kind, `use<..>` captures, const blocks in
//! types), and wrappers that forward them.

#![allow(dead_code)]

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Shapes<'a, T: Clone + 'a, const N: usize = 2>
where
    T: Default,
{
    type Out: Clone;
    const SIDES: usize = N;
    fn by_ref(&self) -> usize;
    fn by_mut(&mut self, value: T) -> Self::Out;
    fn named<'b>(&'b self, s: &'a str) -> &'b str
    where
        'a: 'b;
    fn boxed(self: Box<Self>) -> usize;
    fn pattern(&self, (a, b): (u8, u8)) -> u8 {
        a + b
    }
    fn mutable(&self, mut x: u8) -> u8 {
        x += 1;
        x
    }
    fn array(
        &self,
        bytes: [u8; {
            let n = 2;
            n
        }],
    ) -> u8 {
        bytes[0]
    }
    fn captures<'c>(&'c self) -> impl Iterator<Item = u8> + use<'c, 'a, T, N, Self>;
    unsafe fn risky(&self) -> u8 {
        0
    }
    extern "C" fn abi(&self) {}
}

pub struct Real;

impl<'a> Shapes<'a, u8> for Real {
    type Out = u8;
    fn by_ref(&self) -> usize {
        1
    }
    fn by_mut(&mut self, value: u8) -> u8 {
        value
    }
    fn named<'b>(&'b self, s: &'a str) -> &'b str
    where
        'a: 'b,
    {
        s
    }
    fn boxed(self: Box<Self>) -> usize {
        2
    }
    fn captures<'c>(&'c self) -> impl Iterator<Item = u8> + use<'c, 'a> {
        [1u8].into_iter()
    }
}

#[derive(RealizeForward)]
#[realize_forward(Shapes<'a, u8>)]
pub struct LazyReal<'a> {
    #[realize]
    cache: Lazy<Real>,
    marker: std::marker::PhantomData<&'a ()>,
}

#[forwardable(blanket)]
pub trait Counted {
    fn count(&self) -> usize;
}

impl Counted for Real {
    fn count(&self) -> usize {
        1
    }
}

#[derive(RealizeForward)]
#[realize_forward(Counted)]
pub struct Count {
    #[realize]
    cache: Lazy<Real>,
}

#[derive(RealizeForward)]
#[realize_forward(lazy_core::remote::Iterator)]
pub struct Numbers {
    #[realize]
    cache: Lazy<std::vec::IntoIter<u32>>,
}

#[forwardable]
pub trait Length {
    fn length(&self) -> usize;
}

impl<const N: usize> Length for [u8; N] {
    fn length(&self) -> usize {
        N
    }
}

/// An array whose length is a block with an `impl` in it (which syn reads
/// only with `full`): no `impl Trait`, so the derive forwards through the
/// field, where an earlier search of its tokens refused it.
#[derive(RealizeForward)]
#[realize_forward(Length)]
pub struct Blocks {
    #[realize]
    cache: Lazy<
        [u8; {
            struct Two;
            impl Two {
                const N: usize = 2;
            }
            Two::N
        }],
    >,
}

/// The same field in a walk: `RealizeAll` walks it, where that search left
/// it out, without an error.
#[derive(lazy_core::RealizeAll)]
pub struct Walked {
    cache: Lazy<
        [u8; {
            struct Two;
            impl Two {
                const N: usize = 2;
            }
            Two::N
        }],
    >,
}

#[cfg(test)]
mod tests {
    use lazy_core::{Lazy, RealizeAll};

    #[test]
    fn a_block_with_an_impl_in_a_field_type_is_forwarded_and_walked() {
        let blocks = super::Blocks {
            cache: Lazy::new(|| [1, 2]),
        };
        assert_eq!(super::Length::length(&blocks), 2);
        let walked = super::Walked {
            cache: Lazy::new(|| [7, 8]),
        };
        walked.realize_all();
        assert!(Lazy::is_realized(&walked.cache));
    }
}
