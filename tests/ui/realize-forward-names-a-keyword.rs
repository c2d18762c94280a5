// A path keyword where the trait goes is one error at it, not tokens the
// compiler cannot parse.

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
#[realize_forward(self)]
pub struct BySelf(#[realize] Lazy<u8>);

#[derive(RealizeForward)]
#[realize_forward(crate)]
pub struct ByCrate(#[realize] Lazy<u8>);

#[derive(RealizeForward)]
#[realize_forward(self::super)]
pub struct BySuper(#[realize] Lazy<u8>);

#[derive(RealizeForward)]
#[realize_forward(Tracker, _)]
pub struct ByUnderscore(#[realize] Lazy<u8>);

fn main() {}
