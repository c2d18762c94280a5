//! Mirrors whose signatures are copied verbatim from the remote trait's
//! source: `crate::`, `self::` and `super::` mean the remote trait's crate
//! and module, and the mirror's own name means the remote trait.

mod common;

use std::fmt;
use std::io::{Cursor, Read as _, Write as _};

use common::{Counted, counted};
use lazy_core::{Lazy, RealizeForward, forwardable, remote};

mod paths_of_the_remote_crate {
    //! `remote = ::std::io::Read`: `self::` is `::std::io`, `super::` is
    //! `::std` and `crate::` is `::std` (std's own source says
    //! `crate::io::Result` or `io::Result`; these are the same types).

    use super::*;

    #[forwardable(remote = ::std::io::Read)]
    pub trait Read {
        fn read(&mut self, buf: &mut [u8]) -> self::Result<usize>;
        fn read_to_end(&mut self, buf: &mut super::vec::Vec<u8>) -> crate::io::Result<usize>;
    }

    #[forwardable(remote = ::std::io::Write)]
    pub trait Write {
        fn write(&mut self, buf: &[u8]) -> self::Result<usize>;
        fn flush(&mut self) -> crate::io::Result<()>;
        fn write_fmt(&mut self, fmt: super::fmt::Arguments<'_>) -> self::Result<()>;
    }

    #[derive(RealizeForward)]
    #[realize_forward(Read, Write)]
    pub struct LazyCursor(#[realize] pub Lazy<Cursor<Vec<u8>>, Counted<Cursor<Vec<u8>>>>);

    #[test]
    fn crate_self_and_super_name_the_remote_crate() {
        let (cache, builds) = counted(|| Cursor::new(b"abc".to_vec()));
        let mut lazy = LazyCursor(cache);
        let mut eager = Cursor::new(b"abc".to_vec());
        assert_eq!(builds.get(), 0);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        assert_eq!(
            lazy.read_to_end(&mut a).unwrap(),
            eager.read_to_end(&mut b).unwrap()
        );
        assert_eq!(a, b);
        write!(lazy, "{}", 12).unwrap();
        write!(eager, "{}", 12).unwrap();
        lazy.flush().unwrap();
        assert_eq!(
            Lazy::get(&lazy.0).map(Cursor::get_ref),
            Some(eager.get_ref())
        );
        assert_eq!(builds.get(), 1);
    }
}

mod the_mirrors_own_name {
    //! `dyn Error` in a mirror named `Error` is `dyn ::std::error::Error`.

    use super::*;

    #[forwardable(remote = ::std::error::Error)]
    pub trait Error {
        fn source(&self) -> Option<&(dyn Error + 'static)>;
    }

    #[derive(Debug)]
    pub struct Inner;

    impl fmt::Display for Inner {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("inner")
        }
    }

    impl std::error::Error for Inner {}

    #[derive(Debug)]
    pub struct Outer(Inner);

    impl fmt::Display for Outer {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("outer")
        }
    }

    impl std::error::Error for Outer {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            Some(&self.0)
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Error, remote::Display, remote::Debug)]
    pub struct LazyError(#[realize] Lazy<Outer, Counted<Outer>>);

    #[test]
    fn the_mirrors_name_is_the_remote_trait() {
        let (cache, builds) = counted(|| Outer(Inner));
        let lazy = LazyError(cache);
        assert_eq!(builds.get(), 0);
        let error: &dyn std::error::Error = &lazy;
        let source = error.source().map(ToString::to_string);
        assert_eq!(
            source,
            std::error::Error::source(&Outer(Inner)).map(ToString::to_string)
        );
        assert_eq!(source.as_deref(), Some("inner"));
        assert_eq!(error.to_string(), "outer");
        assert_eq!(builds.get(), 1);
    }
}

mod index_with_unsized_parameter {
    //! `Index<Idx: ?Sized>` named without arguments: the impl covers every
    //! sized `Idx` (`index` takes it by value).

    use super::*;

    #[forwardable(remote = ::core::ops::Index)]
    pub trait Index<Idx: ?Sized> {
        type Output: ?Sized;
        fn index(&self, index: Idx) -> &Self::Output;
    }

    #[forwardable(remote = ::core::ops::IndexMut)]
    pub trait IndexMut<Idx: ?Sized>: Index<Idx> {
        fn index_mut(&mut self, index: Idx) -> &mut Self::Output;
    }

    #[derive(RealizeForward)]
    #[realize_forward(Index, IndexMut)]
    pub struct LazyVec(#[realize] Lazy<Vec<u32>, Counted<Vec<u32>>>);

    #[test]
    fn index_and_index_mut_forward_for_every_index_type() {
        let (cache, builds) = counted(|| vec![1, 2, 3, 4]);
        let mut lazy = LazyVec(cache);
        let mut eager = [1, 2, 3, 4];
        assert_eq!(builds.get(), 0);
        assert_eq!(lazy[1], eager[1]);
        assert_eq!(&lazy[1..3], &eager[1..3]);
        assert_eq!(&lazy[..], &eager[..]);
        lazy[0] = 10;
        eager[0] = 10;
        lazy[2..].fill(7);
        eager[2..].fill(7);
        assert_eq!(&lazy[..], &eager[..]);
        assert_eq!(builds.get(), 1);
    }
}

mod comparison_with_self_arguments {
    //! `PartialEq<Self>` and `PartialOrd<Self>` (std's `Rhs = Self`, written
    //! out): lazies compare, sort and hash as their values.

    use std::cmp::Ordering;
    use std::collections::{BTreeSet, HashMap};
    use std::hash::Hasher;

    use super::*;

    #[forwardable(remote = ::core::cmp::PartialEq)]
    pub trait PartialEq<Rhs: ?Sized = Self> {
        fn eq(&self, other: &Rhs) -> bool;
    }

    #[forwardable(remote = ::core::cmp::Eq)]
    pub trait Eq: PartialEq<Self> {}

    #[forwardable(remote = ::core::cmp::PartialOrd)]
    pub trait PartialOrd<Rhs: ?Sized = Self>: PartialEq<Rhs> {
        fn partial_cmp(&self, other: &Rhs) -> Option<Ordering>;
    }

    #[forwardable(remote = ::core::cmp::Ord)]
    pub trait Ord: Eq + PartialOrd<Self> {
        fn cmp(&self, other: &Self) -> Ordering;
    }

    #[forwardable(remote = ::core::hash::Hash)]
    pub trait Hash {
        fn hash<H: Hasher>(&self, state: &mut H);
    }

    #[derive(RealizeForward)]
    #[realize_forward(PartialEq<Self>, Eq, PartialOrd<Self>, Ord, Hash, remote::Debug)]
    pub struct LazyKey(#[realize] Lazy<String, Counted<String>>);

    fn key(text: &'static str) -> (LazyKey, std::rc::Rc<std::cell::Cell<u32>>) {
        let (cache, builds) = counted(move || text.to_string());
        (LazyKey(cache), builds)
    }

    #[test]
    fn lazies_compare_sort_and_hash_as_their_values() {
        let (b, b_builds) = key("b");
        let (a, a_builds) = key("a");
        let (b2, _) = key("b");
        assert_eq!(a_builds.get() + b_builds.get(), 0);
        assert!(b == b2);
        assert!(a != b);
        assert_eq!(a.partial_cmp(&b), "a".partial_cmp("b"));
        assert_eq!(b.cmp(&a), Ordering::Greater);
        let mut keys = vec![b, a, b2];
        keys.sort();
        assert_eq!(format!("{keys:?}"), r#"["a", "b", "b"]"#);
        let set: BTreeSet<&LazyKey> = keys.iter().collect();
        assert_eq!(set.len(), 2);
        let mut counts: HashMap<LazyKey, u32> = HashMap::new();
        for text in ["x", "y", "x"] {
            *counts.entry(key(text).0).or_default() += 1;
        }
        assert_eq!(counts.get(&key("x").0), Some(&2));
        assert_eq!(counts.get(&key("z").0), None);
        let hash = |value: &dyn Fn(&mut std::collections::hash_map::DefaultHasher)| {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            value(&mut hasher);
            hasher.finish()
        };
        assert_eq!(
            hash(&|h| std::hash::Hash::hash(&key("k").0, h)),
            hash(&|h| std::hash::Hash::hash("k", h)),
            "hashes as its value",
        );
        assert_eq!(a_builds.get(), 1);
        assert_eq!(b_builds.get(), 1);
    }
}

mod hand_written_partial_impls_beside_forwarded_ones {
    //! `Ord` and `Hash` forwarded, `PartialOrd` and `PartialEq` written by
    //! hand: the forwarded impls are not derives, so clippy's
    //! `derive_ord_xor_partial_ord` and `derived_hash_with_manual_eq` (deny
    //! by default) have nothing to say. CI runs clippy on this file with
    //! `-D warnings`.

    use std::cmp::Ordering;
    use std::collections::HashSet;

    use super::*;

    #[derive(RealizeForward)]
    #[realize_forward(remote::Ord, remote::Eq, remote::Hash)]
    pub struct LazyName(#[realize] Lazy<String, Counted<String>>);

    impl PartialEq for LazyName {
        fn eq(&self, other: &Self) -> bool {
            self.cmp(other) == Ordering::Equal
        }
    }

    impl PartialOrd for LazyName {
        fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
            Some(self.cmp(other))
        }
    }

    #[test]
    fn forwarded_ord_and_hash_beside_hand_written_partial_impls() {
        let name = |text: &'static str| LazyName(counted(move || text.to_string()).0);
        let mut names = [name("b"), name("a")];
        names.sort();
        assert!(names[0] == name("a"));
        assert!(names[0] < names[1]);
        let set: HashSet<LazyName> = [name("x"), name("x"), name("y")].into_iter().collect();
        assert_eq!(set.len(), 2);
    }
}

mod self_argument_taken_by_value {
    //! `Add<Self>`, copied from core's `ops/arith.rs`: `rhs: Rhs` becomes a
    //! wrapper taken by value, realized into its value like `self`.

    use super::*;

    #[forwardable(remote = ::core::ops::Add)]
    pub trait Add<Rhs = Self> {
        type Output;
        fn add(self, rhs: Rhs) -> Self::Output;
    }

    #[derive(RealizeForward)]
    #[realize_forward(Add<Self>)]
    pub struct LazyText(#[realize] Lazy<Wrapped, Counted<Wrapped>>);

    #[derive(Debug, PartialEq)]
    pub struct Wrapped(String);

    impl std::ops::Add for Wrapped {
        type Output = String;
        fn add(self, rhs: Wrapped) -> String {
            self.0 + "+" + &rhs.0
        }
    }

    #[test]
    fn both_sides_are_realized_by_value() {
        let (left, left_builds) = counted(|| Wrapped(String::from("a")));
        let (right, right_builds) = counted(|| Wrapped(String::from("b")));
        let sum: String = LazyText(left) + LazyText(right);
        assert_eq!(sum, Wrapped(String::from("a")) + Wrapped(String::from("b")));
        assert_eq!((left_builds.get(), right_builds.get()), (1, 1));
    }
}

mod partial_eq_with_ne {
    //! std's `PartialEq` with `ne` listed too (its default is the one std
    //! asks for; forwarding it calls the target's, which is that default).

    use super::*;

    #[forwardable(remote = ::core::cmp::PartialEq)]
    pub trait PartialEq<Rhs: ?Sized = Self> {
        fn eq(&self, other: &Rhs) -> bool;
        fn ne(&self, other: &Rhs) -> bool;
    }

    #[derive(RealizeForward)]
    #[realize_forward(PartialEq<Self>)]
    pub struct LazyNumber(#[realize] Lazy<u8, Counted<u8>>);

    #[test]
    fn eq_and_ne_forward() {
        let number = |n: u8| LazyNumber(counted(move || n).0);
        assert!(number(1) != number(2));
        assert!(number(3) == number(3));
    }
}
