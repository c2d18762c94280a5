// A flag of the field's attribute (`deref`, `plain`, `realize`), of
// `RealizeAll`'s (`skip`) or an argument of `#[forwardable]` (`blanket`,
// `remote = ..`) written among the traits: one error at it that says where
// it goes, and the traits beside it are still forwarded (the calls in
// `main` add no error). Without the check, `deref` named std's `deref!`
// macro and `plain` a trait that does not exist.

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn get(&self) -> u8;
}

impl Tracker for u8 {
    fn get(&self) -> u8 {
        *self
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker, deref)]
pub struct Deref(#[realize] Lazy<u8>);

#[derive(RealizeForward)]
#[realize_forward(plain, Tracker)]
pub struct Plain(#[realize] Lazy<u8>);

#[derive(RealizeForward)]
#[realize_forward(Tracker, realize)]
pub struct Realize(#[realize] Lazy<u8>);

#[derive(RealizeForward)]
#[realize_forward(Tracker, skip)]
pub struct Skip(#[realize] Lazy<u8>);

#[derive(RealizeForward)]
#[realize_forward(Tracker, blanket)]
pub struct Blanket(#[realize] Lazy<u8>);

#[derive(RealizeForward)]
#[realize_forward(Tracker, remote = ::std::fmt::Display)]
pub struct Remote(#[realize] Lazy<u8>);

// A `remote` path with commas in its arguments is read past whole.
#[derive(RealizeForward)]
#[realize_forward(Tracker, remote = a::Get<u8, u16>)]
pub struct RemoteArguments(#[realize] Lazy<u8>);

// Alone: its error, not also "names no trait".
#[derive(RealizeForward)]
#[realize_forward(deref)]
pub struct Alone(#[realize] Lazy<u8>);

fn main() {
    let n = || 1;
    let _ = Deref(Lazy::new(n)).get() + Plain(Lazy::new(n)).get() + Realize(Lazy::new(n)).get();
    let _ = Skip(Lazy::new(n)).get() + Blanket(Lazy::new(n)).get() + Remote(Lazy::new(n)).get();
    let _ = RemoteArguments(Lazy::new(n)).get();
}
