//! A wrapper of `blanket` traits whose field cannot lend mutably, or give
//! its value away, as a trait's methods need: one error each at the field's
//! type, as without `blanket`, and no word of the hidden blanket impl.

use std::rc::Rc;

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable(blanket)]
pub trait Rename {
    fn rename(&mut self, name: &str);
}

#[forwardable(blanket)]
pub trait Consume {
    fn consume(self) -> String;
}

pub struct Name(String);

impl Rename for Name {
    fn rename(&mut self, name: &str) {
        name.clone_into(&mut self.0);
    }
}

impl Consume for Name {
    fn consume(self) -> String {
        self.0
    }
}

#[derive(RealizeForward)]
#[realize_forward(Rename)]
pub struct SharedName(#[realize] Rc<Lazy<Name>>);

#[derive(RealizeForward)]
#[realize_forward(Consume)]
pub struct BorrowedName(#[realize] &'static Lazy<Name>);

fn main() {}
