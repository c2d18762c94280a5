use std::rc::Rc;

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Rename {
    fn name(&self) -> String;
    fn rename(&mut self, name: &str);
}

impl Rename for String {
    fn name(&self) -> String {
        self.clone()
    }
    fn rename(&mut self, name: &str) {
        name.clone_into(self);
    }
}

// A lazy shared through `Rc` cannot lend its value mutably: one error at
// `Rc`, saying which method needs it and what to do, and no list of the
// types that could.
#[derive(RealizeForward)]
#[realize_forward(Rename)]
pub struct SharedName {
    #[realize]
    cache: Rc<Lazy<String>>,
}

fn main() {}
