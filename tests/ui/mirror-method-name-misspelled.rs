use lazy_core::{Lazy, RealizeForward, forwardable};

// A mirror whose method name is misspelled (`fmtt` for `Display::fmt`).
// `#[forwardable]` knows the items every impl of a mirrored std trait must
// define: one error at `fmtt`, naming the missing `fmt`; the mirror's macro
// then writes nothing, so the derive adds no error of its own.
#[forwardable(remote = ::std::fmt::Display)]
pub trait MyDisplay {
    fn fmtt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result;
}

#[derive(RealizeForward)]
#[realize_forward(MyDisplay)]
pub struct LazyName {
    #[realize]
    cache: Lazy<String>,
}

fn main() {}
