//! A lazy shared through `Rc`, `Arc` or `&` in a generic wrapper, with a
//! `&mut self` method (or, in an enum, a lazy borrowed through `&` with a
//! method that returns `Self`, which builds the variant back: lazy-core
//! builds a new `Rc` or `Arc`, but no reference): one error at the field's
//! type, as where the wrapper
//! is not generic, and the wrapper still implements the trait, so the calls
//! add no error. The bound naming the parameter (`Rc<Lazy<X>>: RealizeMut`)
//! made the impls conditional: no error at the derive, then "the method
//! `get` exists but its trait bounds were not satisfied" at each call.

use std::rc::Rc;
use std::sync::Arc;

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Counter {
    fn get(&self) -> u32;
    fn bump(&mut self);
}

pub struct Real(u32);

impl Counter for Real {
    fn get(&self) -> u32 {
        self.0
    }
    fn bump(&mut self) {
        self.0 += 1;
    }
}

#[derive(RealizeForward)]
#[realize_forward(Counter)]
pub struct Shared<X: 'static>(#[realize] Rc<Lazy<X>>);

#[derive(RealizeForward)]
#[realize_forward(Counter)]
pub enum Either<X: 'static> {
    Ready(X),
    Shared(#[realize] Arc<Lazy<X>>),
}

#[forwardable]
pub trait Again {
    fn count(&self) -> u32;
    fn again(&self) -> Self;
}

impl Again for Real {
    fn count(&self) -> u32 {
        self.0
    }
    fn again(&self) -> Self {
        Real(self.0)
    }
}

#[derive(RealizeForward)]
#[realize_forward(Again)]
pub enum Rebuilt<X: 'static> {
    Ready(X),
    Borrowed(#[realize] &'static Lazy<X>),
    PointedBorrowed(#[realize] Rc<&'static Lazy<X>>),
}

fn main() {
    let shared: Shared<Real> = Shared(Rc::new(Lazy::new(|| Real(1))));
    let _ = shared.get();
    let either: Either<Real> = Either::Ready(Real(2));
    let _ = either.get();
    let rebuilt: Rebuilt<Real> = Rebuilt::Ready(Real(3));
    let _ = rebuilt.count();
}
