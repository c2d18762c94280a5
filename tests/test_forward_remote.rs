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

#[derive(Debug)]
pub struct Failure(std::io::Error);

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "failed: {}", self.0)
    }
}

impl std::error::Error for Failure {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

#[derive(RealizeForward)]
#[realize_forward(remote::Error, remote::Display, remote::Debug)]
pub struct LazyFailure(#[realize] Lazy<Failure, Counted<Failure>>);

#[test]
fn error() {
    let failure = || Failure(std::io::Error::other("disk"));
    let (cache, builds) = counted(failure);
    let lazy: Box<dyn std::error::Error> = Box::new(LazyFailure(cache));
    let eager: Box<dyn std::error::Error> = Box::new(failure());
    assert_eq!(builds.get(), 0);
    assert_eq!(lazy.to_string(), eager.to_string());
    let sources = |error: &dyn std::error::Error| error.source().map(ToString::to_string);
    assert_eq!(sources(&*lazy), sources(&*eager));
    assert_eq!(sources(&*lazy).as_deref(), Some("disk"));
    assert_eq!(builds.get(), 1);
}

#[derive(RealizeForward)]
#[realize_forward(remote::FmtWrite)]
pub struct LazyText(#[realize] Lazy<String, Counted<String>>);

#[test]
fn fmt_write() {
    let (cache, builds) = counted(|| String::from(">"));
    let mut lazy = LazyText(cache);
    let mut eager = String::from(">");
    assert_eq!(builds.get(), 0);
    for text in [&mut lazy as &mut dyn fmt::Write, &mut eager] {
        let (letter, number) = ('a', 7);
        write!(text, "{letter}-{number:03}").unwrap();
        text.write_char('!').unwrap();
    }
    assert_eq!(Lazy::get(&lazy.0), Some(&eager));
    assert_eq!(builds.get(), 1);
}

#[derive(RealizeForward)]
#[realize_forward(
    remote::Index,
    remote::IndexMut,
    remote::Deref,
    remote::DerefMut,
    remote::AsRef
)]
pub struct LazyBytes(#[realize] Lazy<Vec<u8>, Counted<Vec<u8>>>);

#[test]
fn index_deref_and_as_ref() {
    let (cache, builds) = counted(|| b"hello".to_vec());
    let mut lazy = LazyBytes(cache);
    let mut eager = b"hello".to_vec();
    assert_eq!(builds.get(), 0);
    assert_eq!(lazy[1], eager[1]);
    assert_eq!(&lazy[1..3], &eager[1..3]);
    lazy[0] = b'j';
    eager[0] = b'j';
    // `Deref` forwarded: the wrapper derefs to what the value derefs to.
    let derefs_to: &[u8] = &lazy;
    assert_eq!(derefs_to, &*eager);
    assert!(lazy.starts_with(b"jel"));
    lazy.reverse();
    eager.reverse();
    let slice: &[u8] = lazy.as_ref();
    assert_eq!(slice, AsRef::<[u8]>::as_ref(&eager));
    let same: &Vec<u8> = lazy.as_ref();
    assert_eq!(same, &eager);
    assert_eq!(builds.get(), 1);
}

#[derive(RealizeForward)]
#[realize_forward(
    remote::PartialEq,
    remote::Eq,
    remote::PartialOrd,
    remote::Ord,
    remote::Hash,
    remote::Borrow<str>,
    remote::Debug
)]
pub struct LazyKey(#[realize] Lazy<String, Counted<String>>);

fn lazy_key(text: &'static str) -> (LazyKey, std::rc::Rc<std::cell::Cell<u32>>) {
    let (cache, builds) = counted(move || text.to_string());
    (LazyKey(cache), builds)
}

#[test]
fn comparison_hash_and_borrow() {
    use std::cmp::Ordering;
    use std::collections::{BTreeMap, HashMap};
    use std::hash::{BuildHasher, RandomState};

    let (pear, pear_builds) = lazy_key("pear");
    let (apple, apple_builds) = lazy_key("apple");
    assert_eq!(pear_builds.get() + apple_builds.get(), 0);
    assert!(apple < pear);
    assert!(apple <= apple && pear >= apple && pear > apple);
    assert_eq!(apple.partial_cmp(&pear), "apple".partial_cmp("pear"));
    assert_eq!(pear.cmp(&apple), Ordering::Greater);
    assert!(apple == lazy_key("apple").0 && apple != pear);
    assert_eq!(pear_builds.get(), 1);
    assert_eq!(apple_builds.get(), 1);

    let state = RandomState::new();
    assert_eq!(state.hash_one(&apple), state.hash_one("apple"));
    // `Borrow<str>` with `Hash` and `Eq` as the value's: looked up by `&str`.
    let mut stock: HashMap<LazyKey, u32> = HashMap::new();
    stock.insert(pear, 3);
    stock.insert(apple, 5);
    assert_eq!(stock.get("apple"), Some(&5));
    assert_eq!(stock.get("plum"), None);
    let mut sorted: Vec<LazyKey> = ["fig", "date", "kiwi"].map(|t| lazy_key(t).0).into();
    sorted.sort();
    assert_eq!(format!("{sorted:?}"), r#"["date", "fig", "kiwi"]"#);
    let ordered: BTreeMap<LazyKey, ()> = sorted.into_iter().map(|key| (key, ())).collect();
    assert!(ordered.contains_key("fig"));
}

// The operators: a wrapper computes as its value does, each side realized
// once, and its result is the values' (`Output` of the target).
#[derive(RealizeForward)]
#[realize_forward(
    remote::Add,
    remote::Sub,
    remote::Mul,
    remote::Div,
    remote::Rem,
    remote::BitAnd,
    remote::BitOr,
    remote::BitXor,
    remote::Shl,
    remote::Shr,
    remote::Neg,
    remote::Not,
    remote::AddAssign,
    remote::SubAssign,
    remote::MulAssign,
    remote::DivAssign,
    remote::RemAssign,
    remote::BitAndAssign,
    remote::BitOrAssign,
    remote::BitXorAssign,
    remote::ShlAssign,
    remote::ShrAssign
)]
pub struct LazyInt(#[realize] Lazy<i64, Counted<i64>>);

fn int(n: i64) -> (LazyInt, std::rc::Rc<std::cell::Cell<u32>>) {
    let (lazy, builds) = counted(move || n);
    (LazyInt(lazy), builds)
}

fn value(n: i64) -> LazyInt {
    int(n).0
}

#[test]
fn operators_compute_as_the_values() {
    let (left, left_builds) = int(12);
    let (right, right_builds) = int(5);
    assert_eq!((left_builds.get(), right_builds.get()), (0, 0));
    assert_eq!(left + right, 17);
    assert_eq!((left_builds.get(), right_builds.get()), (1, 1));
    assert_eq!(value(12) - value(5), 7);
    assert_eq!(value(12) * value(5), 60);
    assert_eq!(value(12) / value(5), 2);
    assert_eq!(value(12) % value(5), 2);
    assert_eq!(value(12) & value(5), 4);
    assert_eq!(value(12) | value(5), 13);
    assert_eq!(value(12) ^ value(5), 9);
    assert_eq!(value(12) << value(2), 48);
    assert_eq!(value(12) >> value(2), 3);
    assert_eq!(-value(12), -12);
    assert_eq!(!value(12), !12);
}

#[test]
fn assignments_lend_the_left_side_and_realize_the_right() {
    let (mut total, total_builds) = int(12);
    let (step, step_builds) = int(5);
    total += step;
    assert_eq!((total_builds.get(), step_builds.get()), (1, 1));
    type Assign = fn(&mut LazyInt, LazyInt);
    // Each step's result tells its operator from the others.
    let steps: [(Assign, i64, i64); 9] = [
        (|a, b| *a -= b, 5, 12),
        (|a, b| *a *= b, 5, 60),
        (|a, b| *a /= b, 7, 8),
        (|a, b| *a %= b, 5, 3),
        (|a, b| *a <<= b, 2, 12),
        (|a, b| *a >>= b, 1, 6),
        (|a, b| *a |= b, 3, 7),
        (|a, b| *a &= b, 12, 4),
        (|a, b| *a ^= b, 6, 2),
    ];
    for (apply, rhs, expected) in steps {
        apply(&mut total, value(rhs));
        assert_eq!(*Lazy::force(&total.0), expected);
    }
    assert_eq!(total_builds.get(), 1);
}
