use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

pub struct Other;

// Under `deref` the target is what the value points to (`Other`), and the
// bound that it implements the trait is at `deref`: one error there, naming
// the type and the trait (without `deref`, it is at the trait's name).
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize(deref)]
    cache: Lazy<Box<Other>>,
}

fn main() {}
