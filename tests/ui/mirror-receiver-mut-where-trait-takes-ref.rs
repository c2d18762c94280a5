// The mirror says `&mut self` where `std::fmt::Display::fmt` takes `&self`:
// one error, at the mirror's receiver, whose fix rewrites the mirror.
#[lazy_core::forwardable(remote = ::std::fmt::Display)]
pub trait Display {
    fn fmt(&mut self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result;
}

#[derive(lazy_core::RealizeForward)]
#[realize_forward(Display)]
pub struct LazyName {
    #[realize]
    cache: lazy_core::Lazy<String>,
}

fn main() {}
