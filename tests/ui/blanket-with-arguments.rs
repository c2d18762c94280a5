//! `blanket` is a word alone; a mirror cannot be blanket (`blanket` is the
//! mistake, whichever comes first).

#[lazy_core::forwardable(blanket = true)]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

#[lazy_core::forwardable(blanket, remote = ::std::fmt::Display)]
pub trait Display {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result;
}

fn main() {}
