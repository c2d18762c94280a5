use lazy_core::{Lazy, RealizeForward, forwardable};

// A mirror whose method name is misspelled (`fmtt` for `Display::fmt`).
// Known limit: the derive cannot see the remote trait's methods; rustc
// reports the name at the mirror (not a member, not found) and the missing
// `fmt`: three errors for one typo, all pointing at the mirror.
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
