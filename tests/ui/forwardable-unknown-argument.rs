#[lazy_core::forwardable(remot = ::std::fmt::Display)]
pub trait Display {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result;
}

fn main() {}
