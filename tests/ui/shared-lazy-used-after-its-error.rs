//! A lazy shared through `Rc` (or `Arc`) cannot lend its value mutably nor
//! give it away: one error at the field for each, and the wrapper is still
//! the trait's implementor, so its uses (calls of the forwarded methods, a
//! `dyn` cast) add no error of their own.

use std::rc::Rc;
use std::sync::Arc;

use lazy_core::{Lazy, RealizeForward, forwardable, sync};

#[forwardable]
pub trait Tracker {
    fn name(&self) -> String;
    fn rename(&mut self, name: &str);
}

#[forwardable]
pub trait IntoName {
    fn into_name(self) -> String;
}

impl Tracker for String {
    fn name(&self) -> String {
        self.clone()
    }
    fn rename(&mut self, name: &str) {
        name.clone_into(self);
    }
}

impl IntoName for String {
    fn into_name(self) -> String {
        self
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct SharedName {
    #[realize]
    cache: Rc<Lazy<String>>,
}

#[derive(RealizeForward)]
#[realize_forward(Tracker, IntoName)]
pub struct SharedAcrossThreads(#[realize] Arc<sync::Lazy<String>>);

fn main() {
    let mut shared = SharedName {
        cache: Rc::new(Lazy::new(|| "x".to_owned())),
    };
    shared.rename("y");
    let _ = shared.name();
    let _: &dyn Tracker = &shared;

    let mut across = SharedAcrossThreads(Arc::new(sync::Lazy::new(|| "x".to_owned())));
    across.rename("y");
    let _ = across.name();
    let _ = across.into_name();
}
