//! An `except` method whose const parameter no argument names is called as
//! `Self::width::<N>(..)`; an inherent method that declares another
//! parameter (its `impl Into<u64>` written as `V`) is rustc's E0107 at the
//! name, without its fix, which added `_` inside `realize_forward(...)`.

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Columns {
    fn width<const N: usize>(&self, pad: impl Into<u64>) -> usize;
}

pub struct Table;

impl Columns for Table {
    fn width<const N: usize>(&self, pad: impl Into<u64>) -> usize {
        N + pad.into() as usize
    }
}

#[derive(RealizeForward)]
#[realize_forward(Columns, except(width))]
pub struct LazyTable {
    #[realize]
    table: Lazy<Table>,
}

impl LazyTable {
    fn width<const N: usize, V: Into<u64>>(&self, pad: V) -> usize {
        N + pad.into() as usize
    }
}

fn main() {}
