// A keyword after a trait's name where a comma or another trait was meant
// (`Tracker as T`, `Tracker where ..`): one error at it. The keyword was
// read as the next trait's name, and the derive wrote an impl of `as` that
// the compiler could not parse (six errors and more).

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
#[realize_forward(Tracker as T)]
pub struct As(#[realize] Lazy<u8>);

#[derive(RealizeForward)]
#[realize_forward(Tracker in self)]
pub struct In(#[realize] Lazy<u8>);

#[derive(RealizeForward)]
#[realize_forward(Tracker if true)]
pub struct If(#[realize] Lazy<u8>);

#[derive(RealizeForward)]
#[realize_forward(Tracker where u8: Tracker)]
pub struct Where(#[realize] Lazy<u8>);

#[derive(RealizeForward)]
#[realize_forward(Tracker for As)]
pub struct For(#[realize] Lazy<u8>);

#[derive(RealizeForward)]
#[realize_forward(Tracker, except(get) as g)]
pub struct ExceptAs(#[realize] Lazy<u8>);

// The entries before the mistake are read: `get` is answered here.
impl ExceptAs {
    pub fn get(&self) -> u8 {
        0
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker, as)]
pub struct Alone(#[realize] Lazy<u8>);

fn main() {}
