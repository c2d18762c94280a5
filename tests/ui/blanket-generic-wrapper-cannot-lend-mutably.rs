//! A generic wrapper in a `blanket` trait's impl whose field cannot lend
//! mutably (`Rc`), with a `&mut self` method: one error at the field's type,
//! as without `blanket` and without parameters, with no word of the hidden
//! `Forwards`. (It was an error where the method is called: the wrapper's
//! `RealizeMut` was bounded on `Rc<Lazy<T>>: RealizeMut`, which no `T` meets.)

use std::rc::Rc;

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable(blanket)]
pub trait Tracker {
    fn set_name_hint(&mut self, hint: &str);
}

pub struct Real;

impl Tracker for Real {
    fn set_name_hint(&mut self, _: &str) {}
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct Shared<T>(#[realize] Rc<Lazy<T>>);

fn main() {
    let mut shared = Shared(Rc::new(Lazy::new(|| Real)));
    shared.set_name_hint("x");
}
