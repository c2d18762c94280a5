// An unknown argument of `#[forwardable]`: one error at it, naming the
// arguments it takes and the one meant where the name is close.
#[lazy_core::forwardable(remot = ::std::fmt::Display)]
pub trait Display {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result;
}

#[lazy_core::forwardable(Blanket)]
pub trait Named {
    fn name(&self) -> &str;
}

#[lazy_core::forwardable(through)]
pub trait Other {
    fn other(&self) -> u8;
}

fn main() {}
