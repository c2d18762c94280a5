// Slips in `#[realize_forward(...)]` that leave no doubt of what was meant
// are one error each, and the list is read as meant: a missing comma before
// an entry (a path too), `except = method` (and `, method` after it: a
// lowercase name alone), two methods in `except(...)` without a comma
// between them. The wrappers forward the trait, answer the methods they
// except, and their uses add no error (each was one more error at every
// use, the impl missing). A missing comma before an entry that has a
// mistake of its own (`except` without its methods) is that one error, the
// rest of the list unread.
use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn describe(&self) -> String;
    fn size(&self) -> usize;
}

impl Tracker for u8 {
    fn python_type(&self) -> &'static str {
        "int"
    }
    fn describe(&self) -> String {
        self.to_string()
    }
    fn size(&self) -> usize {
        1
    }
}

#[forwardable]
pub trait Named {
    fn name(&self) -> String;
}

impl Named for u8 {
    fn name(&self) -> String {
        String::from("byte")
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker except(python_type))]
pub struct CommaBeforeExcept {
    #[realize]
    cache: Lazy<u8>,
}

impl CommaBeforeExcept {
    fn python_type(&self) -> &'static str {
        "wrapper"
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker Named)]
pub struct CommaBetweenTraits {
    #[realize]
    cache: Lazy<u8>,
}

#[derive(RealizeForward)]
#[realize_forward(Tracker, except = python_type)]
pub struct ExceptWithEquals {
    #[realize]
    cache: Lazy<u8>,
}

impl ExceptWithEquals {
    fn python_type(&self) -> &'static str {
        "wrapper"
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker, except(python_type describe size))]
pub struct CommasInExcept {
    #[realize]
    cache: Lazy<u8>,
}

impl CommasInExcept {
    fn python_type(&self) -> &'static str {
        "wrapper"
    }
    fn describe(&self) -> String {
        String::from("wrapper")
    }
    fn size(&self) -> usize {
        0
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker crate::Named)]
pub struct CommaBeforeAPath {
    #[realize]
    cache: Lazy<u8>,
}

#[derive(RealizeForward)]
#[realize_forward(Tracker, except = python_type, describe, Named)]
pub struct ExceptWithEqualsTwice {
    #[realize]
    cache: Lazy<u8>,
}

impl ExceptWithEqualsTwice {
    fn python_type(&self) -> &'static str {
        "wrapper"
    }
    fn describe(&self) -> String {
        String::from("wrapper")
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker except)]
pub struct CommaBeforeAMistake {
    #[realize]
    cache: Lazy<u8>,
}

fn uses(tracker: &impl Tracker) -> usize {
    tracker.size()
}

fn main() {
    let a = CommaBeforeExcept { cache: Lazy::new(|| 1) };
    let b = CommaBetweenTraits { cache: Lazy::new(|| 1) };
    let c = ExceptWithEquals { cache: Lazy::new(|| 1) };
    let d = CommasInExcept { cache: Lazy::new(|| 1) };
    let e = CommaBeforeAPath { cache: Lazy::new(|| 1) };
    let f = ExceptWithEqualsTwice { cache: Lazy::new(|| 1) };
    let _ = (uses(&a), uses(&b), uses(&c), uses(&d), b.name(), Tracker::describe(&d));
    let _ = (uses(&e), e.name(), uses(&f), f.name(), f.describe());
}
