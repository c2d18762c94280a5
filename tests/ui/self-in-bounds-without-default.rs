use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn equals<T: PartialEq<Self>>(&self, other: T) -> bool
    where
        Self: Sized;
    fn cloned(&self) -> u8
    where
        Self: Clone;
    // A bound on a type that holds `Self`: one error too (the stub once kept
    // this bound, which the wrapper fails: a second error).
    fn boxed(&self) -> u8
    where
        Box<Self>: std::fmt::Debug;
    // One that names the method's parameter is kept: the result's type
    // needs it.
    fn projected<T>(&self, t: T) -> <Box<Self> as Convert<T>>::Out
    where
        Box<Self>: Convert<T>;
}

pub trait Convert<T> {
    type Out;
}

impl Tracker for u8 {
    fn equals<T: PartialEq<Self>>(&self, other: T) -> bool {
        other == *self
    }
    fn cloned(&self) -> u8 {
        *self
    }
    fn boxed(&self) -> u8 {
        *self
    }
    fn projected<T>(&self, _: T) -> <Box<Self> as Convert<T>>::Out
    where
        Box<Self>: Convert<T>,
    {
        unimplemented!()
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<u8>,
}

fn main() {}
