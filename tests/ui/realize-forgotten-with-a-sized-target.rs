use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Spend {
    fn spend(self) -> u32
    where
        Self: Sized;
}

#[forwardable]
pub trait Unbox {
    fn unbox(self: Box<Self>) -> u32;
}

#[forwardable(blanket)]
pub trait Take {
    fn take(self) -> u32
    where
        Self: Sized;
}

#[forwardable(blanket)]
pub trait Sub: Clone {
    fn get(&self) -> u32;
}

#[derive(Clone)]
pub struct Real;
impl Spend for Real {
    fn spend(self) -> u32 { 1 }
}
impl Unbox for Real {
    fn unbox(self: Box<Self>) -> u32 { 2 }
}
impl Take for Real {
    fn take(self) -> u32 { 3 }
}
impl Sub for Real {
    fn get(&self) -> u32 { 4 }
}

// A lazy without `#[realize]`, forwarding traits whose methods need a
// `Sized` target (by value, `self: Box<Self>`), plain and blanket, and a
// blanket trait with a supertrait: one error each, at the field.
#[derive(RealizeForward)]
#[realize_forward(Spend)]
pub struct BySpend {
    cache: Lazy<Real>,
}

#[derive(RealizeForward)]
#[realize_forward(Unbox)]
pub struct ByUnbox {
    cache: Lazy<Real>,
}

#[derive(RealizeForward)]
#[realize_forward(Take)]
pub struct ByTake {
    cache: Lazy<Real>,
}

#[derive(Clone, RealizeForward)]
#[realize_forward(Sub)]
pub struct BySub {
    cache: std::rc::Rc<Lazy<Real>>,
}

fn main() {}
