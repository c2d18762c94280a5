// Each variant's target returns its own `impl Trait`: the derive joins them
// in nested `Either`s (`Iterator`, `Future`, `Display`, ...) or a box (`Fn`,
// `Read`, ...); another bound is one error at the trait's name, and so is a
// boxed result that captures a type parameter of the method (not known to
// outlive the box).

use lazy_core::{RealizeForward, forwardable};

pub trait Label {
    fn label(&self) -> String;
}
impl Label for u8 {
    fn label(&self) -> String {
        self.to_string()
    }
}

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn label(&self) -> impl Label;
    fn repeat<T: Clone>(&self, value: T) -> impl Fn() -> T;
}

pub struct Int;
impl Tracker for Int {
    fn python_type(&self) -> &'static str {
        "int"
    }
    fn label(&self) -> impl Label {
        1u8
    }
    fn repeat<T: Clone>(&self, value: T) -> impl Fn() -> T {
        move || value.clone()
    }
}

pub struct Float;
impl Tracker for Float {
    fn python_type(&self) -> &'static str {
        "float"
    }
    fn label(&self) -> impl Label {
        2u8
    }
    fn repeat<T: Clone>(&self, value: T) -> impl Fn() -> T {
        move || value.clone()
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub enum AnyTracker {
    Int(Int),
    Float(Float),
}

fn main() {
    assert_eq!(AnyTracker::Int(Int).python_type(), "int");
}
