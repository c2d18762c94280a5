use lazy_core::{Lazy, RealizeForward, forwardable};

// A `self` method through `#[realize(deref)]` of a boxed trait object: one
// error at `deref` that says to list the method in `except(...)`, and not
// to realize without `deref` (the box, the target then, does not implement
// the trait), for a struct's field as for an enum's variant.
#[forwardable]
pub trait Consume {
    fn into_name(self) -> String
    where
        Self: Sized;
    fn size(&self) -> u8;
}

impl Consume for u8 {
    fn into_name(self) -> String {
        self.to_string()
    }
    fn size(&self) -> u8 {
        1
    }
}

#[derive(RealizeForward)]
#[realize_forward(Consume)]
pub struct LazyConsume {
    #[realize(deref)]
    cache: Lazy<Box<dyn Consume>>,
}

#[derive(RealizeForward)]
#[realize_forward(Consume)]
pub enum AnyConsume {
    Now(u8),
    Boxed(#[realize(deref)] Lazy<Box<dyn Consume>>),
}

fn main() {}
