// Mistakes in the list of `#[realize_forward(...)]`: the error points at the
// token that is wrong and shows the form. A missing comma before an entry
// and `except = name` are read as meant beside their error
// (realize-forward-list-slips-read-as-meant.rs): their wrappers answer the
// excepted method.

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker<T> {
    fn python_type(&self) -> &'static str;
}

impl<T> Tracker<T> for u8 {
    fn python_type(&self) -> &'static str {
        "int"
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker(u8))]
pub struct Parenthesized {
    #[realize]
    cache: Lazy<u8>,
}

#[derive(RealizeForward)]
#[realize_forward(Tracker<u8> except(python_type))]
pub struct MissingComma {
    #[realize]
    cache: Lazy<u8>,
}

impl MissingComma {
    fn python_type(&self) -> &'static str {
        "missing comma"
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker<u8>, except = python_type)]
pub struct ExceptWithoutParentheses {
    #[realize]
    cache: Lazy<u8>,
}

impl ExceptWithoutParentheses {
    fn python_type(&self) -> &'static str {
        "except without parentheses"
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker<u8>(except(python_type)))]
pub struct ExceptInsideTheTrait {
    #[realize]
    cache: Lazy<u8>,
}

fn main() {}
