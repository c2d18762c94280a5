//! Real-world trait shapes from std, forwarded through mirrors written for
//! this suite from the traits' public signatures (fuller than the ready
//! mirrors of `lazy_core::remote`: generic `where Self: Sized` methods,
//! adapters returning `Self`, deprecated methods, supertraits).
//!
//! Every test compares the wrapper with the same call on an eager value and
//! checks that the wrapper built its value exactly once. Targets override
//! default methods with answers the default would not give, so that a
//! forwarded default is told apart from a kept one.

#![deny(warnings)]

mod common;

use std::cell::Cell;
use std::rc::Rc;

use common::{Counted, counted};
use lazy_core::{Lazy, RealizeForward, forwardable};

mod iter {
    //! `Iterator`: an associated type, `&mut self` and `self` methods,
    //! generic methods whose parameters only the return type fixes
    //! (`collect`, `sum`), closures, and adapters that return `Self` (their
    //! defaults are kept).

    use super::*;
    use std::cmp::Ordering;

    #[forwardable(remote = ::core::iter::Iterator)]
    pub trait Iterator {
        type Item;
        fn next(&mut self) -> Option<Self::Item>;
        fn size_hint(&self) -> (usize, Option<usize>);
        fn count(self) -> usize
        where
            Self: Sized;
        fn last(self) -> Option<Self::Item>
        where
            Self: Sized;
        fn nth(&mut self, n: usize) -> Option<Self::Item>;
        fn fold<B, F>(self, init: B, f: F) -> B
        where
            Self: Sized,
            F: FnMut(B, Self::Item) -> B;
        fn collect<B: FromIterator<Self::Item>>(self) -> B
        where
            Self: Sized;
        fn sum<S>(self) -> S
        where
            Self: Sized,
            S: std::iter::Sum<Self::Item>;
        fn position<P>(&mut self, predicate: P) -> Option<usize>
        where
            Self: Sized,
            P: FnMut(Self::Item) -> bool;
        fn max_by_key<B: Ord, F>(self, f: F) -> Option<Self::Item>
        where
            Self: Sized,
            F: FnMut(&Self::Item) -> B;
        fn partial_cmp<I>(self, other: I) -> Option<Ordering>
        where
            I: IntoIterator,
            Self::Item: PartialOrd<I::Item>,
            Self: Sized;
        fn by_ref(&mut self) -> &mut Self
        where
            Self: Sized,
        {
        }
        fn step_by(self, step: usize) -> std::iter::StepBy<Self>
        where
            Self: Sized,
        {
        }
    }

    /// Counts down from `from`; overrides `count`, `last`, `nth` and
    /// `size_hint` with answers that mark them (`count` adds 1000).
    #[derive(Clone)]
    pub struct Countdown {
        pub from: u32,
    }

    impl std::iter::Iterator for Countdown {
        type Item = u32;
        fn next(&mut self) -> Option<u32> {
            let value = self.from;
            self.from = value.checked_sub(1)?;
            Some(value)
        }
        fn size_hint(&self) -> (usize, Option<usize>) {
            (0, Some(self.from as usize + 7))
        }
        fn count(self) -> usize {
            1000 + self.from as usize
        }
        fn last(self) -> Option<u32> {
            Some(self.from + 500)
        }
        fn nth(&mut self, n: usize) -> Option<u32> {
            self.from = self.from.checked_sub(n as u32)?;
            self.next().map(|value| value * 10)
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Iterator)]
    pub struct LazyCountdown {
        #[realize]
        cache: Lazy<Countdown, Counted<Countdown>>,
    }

    fn both(from: u32) -> (LazyCountdown, Countdown, Rc<Cell<u32>>) {
        let (cache, builds) = counted(move || Countdown { from });
        (LazyCountdown { cache }, Countdown { from }, builds)
    }

    #[test]
    fn next_size_hint_nth_are_forwarded() {
        let (mut lazy, mut eager, builds) = both(5);
        assert_eq!(builds.get(), 0);
        assert_eq!(lazy.size_hint(), eager.size_hint());
        assert_eq!(lazy.size_hint(), (0, Some(12)), "the target's override");
        assert_eq!(lazy.next(), eager.next());
        assert_eq!(lazy.nth(1), eager.nth(1));
        assert_eq!(lazy.nth(1), Some(10), "the target's override");
        assert_eq!(builds.get(), 1);
    }

    #[test]
    fn by_value_overrides_are_forwarded() {
        let (lazy, eager, builds) = both(4);
        assert_eq!(lazy.count(), eager.count());
        assert_eq!(builds.get(), 1);
        let (lazy, eager, builds) = both(4);
        assert_eq!(lazy.last(), eager.last());
        assert_eq!(builds.get(), 1);
    }

    #[test]
    fn generic_methods_are_forwarded() {
        let (lazy, eager, builds) = both(4);
        assert_eq!(lazy.collect::<Vec<u32>>(), eager.collect::<Vec<u32>>());
        assert_eq!(builds.get(), 1);
        let (lazy, eager, builds) = both(4);
        assert_eq!(lazy.sum::<u32>(), eager.sum::<u32>());
        assert_eq!(builds.get(), 1);
        let (lazy, eager, builds) = both(4);
        let concat = |acc: String, x: u32| format!("{acc}{x}");
        assert_eq!(
            lazy.fold(String::new(), concat),
            eager.fold(String::new(), concat)
        );
        assert_eq!(builds.get(), 1);
        let (mut lazy, mut eager, builds) = both(9);
        assert_eq!(lazy.position(|x| x == 6), eager.position(|x| x == 6));
        assert_eq!(lazy.next(), eager.next());
        assert_eq!(builds.get(), 1);
        let (lazy, eager, builds) = both(9);
        assert_eq!(lazy.max_by_key(|x| x % 4), eager.max_by_key(|x| x % 4));
        assert_eq!(builds.get(), 1);
        let (lazy, eager, builds) = both(3);
        assert_eq!(
            lazy.partial_cmp(vec![3, 2, 2]),
            eager.partial_cmp(vec![3, 2, 2])
        );
        assert_eq!(builds.get(), 1);
    }

    #[test]
    fn adapters_returning_self_keep_their_defaults() {
        let (mut lazy, mut eager, builds) = both(6);
        assert_eq!(
            lazy.by_ref().take(2).collect::<Vec<_>>(),
            eager.by_ref().take(2).collect::<Vec<_>>()
        );
        assert_eq!(
            lazy.step_by(2).collect::<Vec<_>>(),
            eager.step_by(2).collect::<Vec<_>>()
        );
        assert_eq!(builds.get(), 1);
    }
}

mod io {
    //! `io::Read`, `Write`, `Seek`, `BufRead` on one wrapper: slices of
    //! `IoSlice` with elided lifetimes, `&[u8]` returned from `&mut self`,
    //! `fmt::Arguments`, and `self` adapters with defaults.

    use super::*;
    use std::io::{self, Cursor, IoSlice, IoSliceMut, SeekFrom};

    #[forwardable(remote = ::std::io::Read)]
    pub trait Read {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize>;
        fn read_vectored(&mut self, bufs: &mut [IoSliceMut<'_>]) -> io::Result<usize>;
        fn read_to_end(&mut self, buf: &mut Vec<u8>) -> io::Result<usize>;
        fn read_to_string(&mut self, buf: &mut String) -> io::Result<usize>;
        fn read_exact(&mut self, buf: &mut [u8]) -> io::Result<()>;
        fn by_ref(&mut self) -> &mut Self
        where
            Self: Sized,
        {
        }
        fn bytes(self) -> io::Bytes<Self>
        where
            Self: Sized,
        {
        }
        fn take(self, limit: u64) -> io::Take<Self>
        where
            Self: Sized,
        {
        }
    }

    #[forwardable(remote = ::std::io::Write)]
    pub trait Write {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize>;
        fn write_vectored(&mut self, bufs: &[IoSlice<'_>]) -> io::Result<usize>;
        fn flush(&mut self) -> io::Result<()>;
        fn write_all(&mut self, buf: &[u8]) -> io::Result<()>;
        fn write_fmt(&mut self, fmt: std::fmt::Arguments<'_>) -> io::Result<()>;
    }

    #[forwardable(remote = ::std::io::Seek)]
    pub trait Seek {
        fn seek(&mut self, pos: SeekFrom) -> io::Result<u64>;
        fn rewind(&mut self) -> io::Result<()>;
        fn stream_position(&mut self) -> io::Result<u64>;
        fn seek_relative(&mut self, offset: i64) -> io::Result<()>;
    }

    #[forwardable(remote = ::std::io::BufRead)]
    pub trait BufRead {
        fn fill_buf(&mut self) -> io::Result<&[u8]>;
        fn consume(&mut self, amount: usize);
        fn read_until(&mut self, byte: u8, buf: &mut Vec<u8>) -> io::Result<usize>;
        fn skip_until(&mut self, byte: u8) -> io::Result<usize>;
        fn read_line(&mut self, buf: &mut String) -> io::Result<usize>;
        fn lines(self) -> io::Lines<Self>
        where
            Self: Sized,
        {
        }
    }

    type File = Cursor<Vec<u8>>;

    #[derive(RealizeForward)]
    #[realize_forward(Read, Write, Seek, BufRead)]
    pub struct LazyFile {
        #[realize]
        cache: Lazy<File, Counted<File>>,
    }

    const TEXT: &[u8] = b"alpha\nbeta\ngamma\n";

    fn both() -> (LazyFile, File, Rc<Cell<u32>>) {
        let (cache, builds) = counted(|| Cursor::new(TEXT.to_vec()));
        (LazyFile { cache }, Cursor::new(TEXT.to_vec()), builds)
    }

    /// Runs the same script on the lazy file and on the eager one.
    fn script<F: io::Read + io::Write + io::Seek + io::BufRead>(file: &mut F) -> Vec<String> {
        let mut log = Vec::new();
        let mut line = String::new();
        log.push(format!("{:?}", file.read_line(&mut line).ok()));
        log.push(line);
        let mut buf = [0; 3];
        log.push(format!("{:?}", file.read(&mut buf).ok()));
        let (mut a, mut b) = ([0; 2], [0; 2]);
        let mut slices = [IoSliceMut::new(&mut a), IoSliceMut::new(&mut b)];
        log.push(format!("{:?}", file.read_vectored(&mut slices).ok()));
        log.push(format!("{a:?}{b:?}"));
        log.push(format!("{:?}", file.fill_buf().ok().map(<[u8]>::to_vec)));
        file.consume(1);
        log.push(format!("{:?}", file.skip_until(b'm').ok()));
        let mut until = Vec::new();
        log.push(format!("{:?}", file.read_until(b'\n', &mut until).ok()));
        log.push(format!("{until:?}"));
        log.push(format!("{:?}", file.stream_position().ok()));
        log.push(format!("{:?}", file.seek_relative(-3).ok()));
        let mut exact = [0; 2];
        log.push(format!("{:?}", file.read_exact(&mut exact).ok()));
        log.push(format!("{exact:?}"));
        log.push(format!("{:?}", file.seek(SeekFrom::End(0)).ok()));
        log.push(format!("{:?}", file.write(b"delta").ok()));
        let slices = [IoSlice::new(b" e"), IoSlice::new(b"ps")];
        log.push(format!("{:?}", file.write_vectored(&slices).ok()));
        log.push(format!("{:?}", file.write_all(b"ilon\n").ok()));
        log.push(format!("{:?}", write!(file, "{}-zeta", 6).ok()));
        log.push(format!("{:?}", file.flush().ok()));
        log.push(format!("{:?}", file.rewind().ok()));
        let mut all = Vec::new();
        log.push(format!("{:?}", file.read_to_end(&mut all).ok()));
        log.push(String::from_utf8_lossy(&all).into_owned());
        log.push(format!("{:?}", file.rewind().ok()));
        let mut text = String::new();
        log.push(format!("{:?}", file.read_to_string(&mut text).ok()));
        log.push(text);
        log
    }

    #[test]
    fn read_write_seek_bufread_match_the_eager_file() {
        let (mut lazy, mut eager, builds) = both();
        assert_eq!(builds.get(), 0);
        let forwarded = script(&mut lazy);
        assert_eq!(forwarded, script(&mut eager));
        assert!(forwarded.last().unwrap().ends_with("delta epsilon\n6-zeta"));
        assert_eq!(builds.get(), 1);
    }

    #[test]
    fn self_adapters_keep_their_defaults() {
        use std::io::{BufRead as _, Read as _};
        let (mut lazy, mut eager, builds) = both();
        let mut first = String::new();
        lazy.by_ref().take(3).read_to_string(&mut first).unwrap();
        let mut expected = String::new();
        eager
            .by_ref()
            .take(3)
            .read_to_string(&mut expected)
            .unwrap();
        assert_eq!(first, expected);
        let lines: Vec<String> = lazy.lines().map(Result::unwrap).collect();
        let eager_lines: Vec<String> = eager.lines().map(Result::unwrap).collect();
        assert_eq!(lines, eager_lines);
        assert_eq!(builds.get(), 1);
        let (lazy, eager, builds) = both();
        let bytes: Vec<u8> = lazy.bytes().map(Result::unwrap).collect();
        assert_eq!(bytes, eager.bytes().map(Result::unwrap).collect::<Vec<_>>());
        assert_eq!(builds.get(), 1);
    }
}

mod fmt_write {
    //! `fmt::Write`: `&str` and `char` arguments, `fmt::Arguments<'_>`.

    use super::*;
    use std::fmt;

    #[forwardable(remote = ::core::fmt::Write)]
    pub trait Write {
        fn write_str(&mut self, s: &str) -> fmt::Result;
        fn write_char(&mut self, c: char) -> fmt::Result;
        fn write_fmt(&mut self, args: fmt::Arguments<'_>) -> fmt::Result;
    }

    /// Upper-cases what it is given; `write_char` is overridden to mark it.
    #[derive(Default)]
    pub struct Shout(pub String);

    impl fmt::Write for Shout {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            self.0.push_str(&s.to_uppercase());
            Ok(())
        }
        fn write_char(&mut self, c: char) -> fmt::Result {
            self.0.push('<');
            self.0.push(c);
            self.0.push('>');
            Ok(())
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Write)]
    pub struct LazyShout(#[realize] Lazy<Shout, Counted<Shout>>);

    #[test]
    fn fmt_write_matches_the_eager_writer() {
        let (cache, builds) = counted(Shout::default);
        let mut lazy = LazyShout(cache);
        let mut eager = Shout::default();
        for writer in [&mut lazy as &mut dyn fmt::Write, &mut eager] {
            writer.write_str("ab").unwrap();
            writer.write_char('c').unwrap();
            write!(writer, "{}-{:?}", 1, "d").unwrap();
        }
        let written = Lazy::get(&lazy.0).map(|shout| shout.0.clone());
        assert_eq!(written, Some(eager.0.clone()));
        // `{:?}` writes its quotes with `write_char`: the override is heard.
        assert_eq!(eager.0, "AB<c>1-<\">D<\">");
        assert_eq!(builds.get(), 1);
    }
}

mod hasher {
    //! `Hasher`: `&self` and `&mut self` with every integer width.

    use super::*;
    use std::collections::hash_map::DefaultHasher;
    use std::hash::{Hash, Hasher as _};

    #[forwardable(remote = ::core::hash::Hasher)]
    pub trait Hasher {
        fn finish(&self) -> u64;
        fn write(&mut self, bytes: &[u8]);
        fn write_u8(&mut self, i: u8);
        fn write_u16(&mut self, i: u16);
        fn write_u32(&mut self, i: u32);
        fn write_u64(&mut self, i: u64);
        fn write_u128(&mut self, i: u128);
        fn write_usize(&mut self, i: usize);
        fn write_i8(&mut self, i: i8);
        fn write_i16(&mut self, i: i16);
        fn write_i32(&mut self, i: i32);
        fn write_i64(&mut self, i: i64);
        fn write_i128(&mut self, i: i128);
        fn write_isize(&mut self, i: isize);
    }

    #[derive(RealizeForward)]
    #[realize_forward(Hasher)]
    pub struct LazyHasher(#[realize] Lazy<DefaultHasher, Counted<DefaultHasher>>);

    #[test]
    fn hashing_through_the_wrapper_matches_the_eager_hasher() {
        let (cache, builds) = counted(DefaultHasher::new);
        let mut lazy = LazyHasher(cache);
        let mut eager = DefaultHasher::new();
        for mut hasher in [&mut lazy as &mut dyn std::hash::Hasher, &mut eager] {
            ("key", 7_u8, -3_i64, 9_u128, [1_u16, 2]).hash(&mut hasher);
            hasher.write_usize(5);
            hasher.write_isize(-5);
            hasher.write_i8(-1);
            hasher.write_u64(64);
        }
        assert_eq!(lazy.finish(), eager.finish());
        assert_eq!(builds.get(), 1);
    }
}

mod error {
    //! `Error`: a trait object in the return type with a `'static` bound,
    //! deprecated methods, and supertraits forwarded beside it.

    use super::*;
    use std::fmt;

    #[forwardable(remote = ::std::error::Error)]
    pub trait Error {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)>;
        #[deprecated(note = "use the Display impl or to_string()")]
        fn description(&self) -> &str;
        #[deprecated(note = "replaced by Error::source")]
        fn cause(&self) -> Option<&dyn std::error::Error>;
    }

    #[derive(Debug)]
    pub struct Root;

    impl fmt::Display for Root {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("root cause")
        }
    }

    impl std::error::Error for Root {}

    #[derive(Debug)]
    pub struct Failure {
        root: Root,
    }

    impl fmt::Display for Failure {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("failure")
        }
    }

    impl std::error::Error for Failure {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            Some(&self.root)
        }
        #[allow(deprecated)]
        fn description(&self) -> &str {
            "a failure, described"
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Error, lazy_core::remote::Display, lazy_core::remote::Debug)]
    pub struct LazyFailure(#[realize] Lazy<Failure, Counted<Failure>>);

    #[test]
    #[allow(deprecated)]
    fn error_source_description_and_supertraits_are_forwarded() {
        use std::error::Error as _;
        let (cache, builds) = counted(|| Failure { root: Root });
        let lazy = LazyFailure(cache);
        let eager = Failure { root: Root };
        assert_eq!(lazy.to_string(), eager.to_string());
        assert_eq!(format!("{lazy:?}"), format!("{eager:?}"));
        assert_eq!(
            lazy.source().map(ToString::to_string),
            eager.source().map(ToString::to_string)
        );
        assert_eq!(lazy.description(), "a failure, described");
        assert_eq!(
            lazy.cause().map(ToString::to_string),
            Some(String::from("root cause"))
        );
        let boxed: Box<dyn std::error::Error> = Box::new(lazy);
        assert_eq!(boxed.to_string(), "failure");
        assert_eq!(builds.get(), 1);
    }
}
