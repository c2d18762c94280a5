// A supertrait's method listed in the subtrait's `except(...)`: one error at
// the name, which says that it goes beside the supertrait.
use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Base {
    fn name(&self) -> &'static str;
}

#[forwardable]
pub trait Sub: Base {
    fn python_type(&self) -> &'static str;
}

impl Base for u8 {
    fn name(&self) -> &'static str {
        "u8"
    }
}

impl Sub for u8 {
    fn python_type(&self) -> &'static str {
        "int"
    }
}

#[derive(RealizeForward)]
#[realize_forward(Base)]
#[realize_forward(Sub, except(name))]
pub struct Wrapper {
    #[realize]
    cache: Lazy<u8>,
}

impl Wrapper {
    fn name(&self) -> &'static str {
        "wrapper"
    }
}

fn main() {
    let wrapper = Wrapper { cache: Lazy::new(|| 1) };
    let _ = (wrapper.name(), wrapper.python_type());
}
