// A variant whose target borrows for the enum's lifetime (`BytesRef<'a>`)
// beside an associated type with a lifetime of its own: its impl is not
// bounded (a bound for every `'c` would not hold, E0477), so a target
// without the trait is rustc's error where the arms call it (two here).

use lazy_core::{RealizeForward, forwardable};

#[forwardable]
pub trait Source {
    type Chunk<'c>
    where
        Self: 'c;
    fn chunk(&self) -> Self::Chunk<'_>;
}

pub struct Bytes(Vec<u8>);
impl Source for Bytes {
    type Chunk<'c> = &'c [u8];
    fn chunk(&self) -> &[u8] {
        &self.0
    }
}

pub struct BytesRef<'a>(&'a [u8]);

#[derive(RealizeForward)]
#[realize_forward(Source)]
pub enum AnySource<'a> {
    Owned(Bytes),
    Borrowed(BytesRef<'a>),
}

fn main() {}
