//! The mirrors of std traits in `lazy_core::remote`: deriving with a mirror
//! implements the real trait.

mod common;

use std::collections::hash_map::DefaultHasher;
use std::fmt;
use std::hash::Hasher as _;
use std::io::{BufRead as _, Cursor, Read as _, Seek as _, SeekFrom, Write as _};

use common::{Counted, counted};
use lazy_core::{Lazy, RealizeForward, remote};

pub struct Name(&'static str);

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "name {}", self.0)
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Name({:?})", self.0)
    }
}

#[derive(RealizeForward)]
#[realize_forward(remote::Display, lazy_core::remote::Debug)]
pub struct LazyName(#[realize] Lazy<Name, Counted<Name>>);

#[test]
fn display_and_debug() {
    let (cache, builds) = counted(|| Name("x"));
    let name = LazyName(cache);
    assert_eq!(builds.get(), 0);
    assert_eq!(name.to_string(), "name x");
    assert_eq!(format!("{name:?}"), "Name(\"x\")");
    assert_eq!(
        format!("{name:>8}"),
        "name x",
        "the target's fmt decides padding"
    );
    assert_eq!(builds.get(), 1);
}

#[derive(RealizeForward)]
#[realize_forward(
    remote::Iterator,
    remote::DoubleEndedIterator,
    remote::ExactSizeIterator
)]
pub struct LazyIter(#[realize] Lazy<std::vec::IntoIter<u8>, Counted<std::vec::IntoIter<u8>>>);

#[test]
fn iterators() {
    let (cache, builds) = counted(|| vec![1, 2, 3, 4, 5].into_iter());
    let mut iter = LazyIter(cache);
    assert_eq!(builds.get(), 0);
    assert_eq!(iter.len(), 5);
    assert_eq!(iter.size_hint(), (5, Some(5)));
    assert_eq!(iter.next(), Some(1));
    assert_eq!(iter.next_back(), Some(5));
    assert_eq!(iter.nth(1), Some(3));
    assert_eq!(iter.rev().collect::<Vec<u8>>(), vec![4]);
    assert_eq!(builds.get(), 1);
}

#[derive(RealizeForward)]
#[realize_forward(remote::Read, remote::BufRead, remote::Seek, remote::Write)]
pub struct LazyFile(#[realize] Lazy<Cursor<Vec<u8>>, Counted<Cursor<Vec<u8>>>>);

#[test]
fn read_bufread_seek_write() {
    let (cache, builds) = counted(|| Cursor::new(b"line one\nline two\n".to_vec()));
    let mut file = LazyFile(cache);
    let mut line = String::new();
    file.read_line(&mut line).unwrap();
    assert_eq!(line, "line one\n");
    let mut buf = [0; 4];
    file.read_exact(&mut buf).unwrap();
    assert_eq!(&buf, b"line");
    assert_eq!(file.stream_position().unwrap(), 13);
    file.seek(SeekFrom::End(0)).unwrap();
    write!(file, "three {}", 3).unwrap();
    file.flush().unwrap();
    file.rewind().unwrap();
    let mut all = String::new();
    file.read_to_string(&mut all).unwrap();
    assert_eq!(all, "line one\nline two\nthree 3");
    assert_eq!(builds.get(), 1);
}

#[derive(RealizeForward)]
#[realize_forward(remote::Hasher)]
pub struct LazyHasher(#[realize] Lazy<DefaultHasher, Counted<DefaultHasher>>);

#[test]
fn hasher() {
    let (cache, builds) = counted(DefaultHasher::new);
    let mut lazy = LazyHasher(cache);
    let mut eager = DefaultHasher::new();
    for hasher in [&mut lazy as &mut dyn std::hash::Hasher, &mut eager] {
        hasher.write_u32(7);
        hasher.write(b"abc");
        hasher.write_i128(-1);
    }
    assert_eq!(lazy.finish(), eager.finish());
    assert_eq!(builds.get(), 1);
}
