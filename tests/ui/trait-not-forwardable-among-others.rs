// A trait without `#[forwardable]` between two that have it, named by its
// path: one error at the path; the other two traits are still forwarded
// (`main` calls them), and the `except` name of the trait in error is not
// reported again.
use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait First {
    fn first(&self) -> u8;
}

#[forwardable]
pub trait Third {
    fn third(&mut self) -> u8;
}

mod plain {
    pub trait Second {
        fn second(&self) -> u8;
    }
}

pub struct Real;
impl First for Real {
    fn first(&self) -> u8 { 1 }
}
impl Third for Real {
    fn third(&mut self) -> u8 { 3 }
}

#[derive(RealizeForward)]
#[realize_forward(First)]
#[realize_forward(plain::Second, except(second))]
#[realize_forward(Third)]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<Real>,
}

fn main() {
    let mut lazy = LazyTracker { cache: Lazy::new(|| Real) };
    assert_eq!(lazy.first() + lazy.third(), 4);
}
