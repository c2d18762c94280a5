// The mirrors of `lazy_core::remote`, as `#[forwardable(remote = ..)]`
// declares them. This file is not compiled: `generated.rs` beside it holds
// what the attribute writes for each, so that building lazy-core does not
// run the proc macro 49 times for output that only changes with
// lazy-derive. A unit test of lazy-derive (`tests::mirrors`) expands this
// file and fails where `generated.rs` differs; after a change here or in
// what `#[forwardable]` writes, `LAZY_DERIVE_BLESS=1 cargo test -p
// lazy-derive` writes it again.

/// Forwards [`core::fmt::Display`]: `fmt`.
#[crate::forwardable(remote = ::core::fmt::Display)]
pub trait Display {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result;
}

/// Forwards [`core::fmt::Debug`]: `fmt`. Printing realizes the value.
#[crate::forwardable(remote = ::core::fmt::Debug)]
pub trait Debug {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result;
}

/// Forwards [`core::iter::Iterator`]: `Item`, `next`, `size_hint`, `nth`.
#[crate::forwardable(remote = ::core::iter::Iterator)]
pub trait Iterator {
    type Item;
    fn next(&mut self) -> ::core::option::Option<Self::Item>;
    fn size_hint(&self) -> (usize, ::core::option::Option<usize>);
    fn nth(&mut self, n: usize) -> ::core::option::Option<Self::Item>;
}

/// Forwards [`core::iter::DoubleEndedIterator`]: `next_back`, `nth_back`.
/// Forward [`Iterator`](macro@Iterator) too.
#[crate::forwardable(remote = ::core::iter::DoubleEndedIterator)]
pub trait DoubleEndedIterator {
    fn next_back(&mut self) -> ::core::option::Option<Self::Item>;
    fn nth_back(&mut self, n: usize) -> ::core::option::Option<Self::Item>;
}

/// Forwards [`core::iter::ExactSizeIterator`]: `len`. Forward
/// [`Iterator`](macro@Iterator) too.
#[crate::forwardable(remote = ::core::iter::ExactSizeIterator)]
pub trait ExactSizeIterator {
    fn len(&self) -> usize;
}

/// Forwards [`core::future::Future`]: `Output`, `poll`. The first poll
/// builds the future; the wrapper and its target must be `Unpin` (hold a
/// future that is not as `Pin<Box<..>>`).
#[crate::forwardable(remote = ::core::future::Future)]
pub trait Future {
    type Output;
    fn poll(
        self: ::core::pin::Pin<&mut Self>,
        cx: &mut ::core::task::Context<'_>,
    ) -> ::core::task::Poll<Self::Output>;
}

/// Forwards [`std::io::Read`]: `read`, `read_vectored`, `read_to_end`,
/// `read_to_string`, `read_exact`.
#[cfg(feature = "std")]
#[cfg_attr(docsrs, doc(cfg(feature = "std")))]
#[crate::forwardable(remote = ::std::io::Read)]
pub trait Read {
    fn read(&mut self, buf: &mut [u8]) -> ::std::io::Result<usize>;
    fn read_vectored(&mut self, bufs: &mut [::std::io::IoSliceMut<'_>])
    -> ::std::io::Result<usize>;
    fn read_to_end(&mut self, buf: &mut ::std::vec::Vec<u8>) -> ::std::io::Result<usize>;
    fn read_to_string(&mut self, buf: &mut ::std::string::String) -> ::std::io::Result<usize>;
    fn read_exact(&mut self, buf: &mut [u8]) -> ::std::io::Result<()>;
}

/// Forwards [`std::io::Write`]: `write`, `write_vectored`, `flush`,
/// `write_all`, `write_fmt`.
#[cfg(feature = "std")]
#[cfg_attr(docsrs, doc(cfg(feature = "std")))]
#[crate::forwardable(remote = ::std::io::Write)]
pub trait Write {
    fn write(&mut self, buf: &[u8]) -> ::std::io::Result<usize>;
    fn write_vectored(&mut self, bufs: &[::std::io::IoSlice<'_>]) -> ::std::io::Result<usize>;
    fn flush(&mut self) -> ::std::io::Result<()>;
    fn write_all(&mut self, buf: &[u8]) -> ::std::io::Result<()>;
    fn write_fmt(&mut self, args: ::core::fmt::Arguments<'_>) -> ::std::io::Result<()>;
}

/// Forwards [`std::io::BufRead`]: `fill_buf`, `consume`, `read_until`,
/// `read_line`. Forward [`Read`](macro@Read) too.
#[cfg(feature = "std")]
#[cfg_attr(docsrs, doc(cfg(feature = "std")))]
#[crate::forwardable(remote = ::std::io::BufRead)]
pub trait BufRead {
    fn fill_buf(&mut self) -> ::std::io::Result<&[u8]>;
    fn consume(&mut self, amount: usize);
    fn read_until(&mut self, byte: u8, buf: &mut ::std::vec::Vec<u8>) -> ::std::io::Result<usize>;
    fn read_line(&mut self, buf: &mut ::std::string::String) -> ::std::io::Result<usize>;
}

/// Forwards [`std::io::Seek`]: `seek`, `rewind`, `stream_position`,
/// `seek_relative`.
#[cfg(feature = "std")]
#[cfg_attr(docsrs, doc(cfg(feature = "std")))]
#[crate::forwardable(remote = ::std::io::Seek)]
pub trait Seek {
    fn seek(&mut self, pos: ::std::io::SeekFrom) -> ::std::io::Result<u64>;
    fn rewind(&mut self) -> ::std::io::Result<()>;
    fn stream_position(&mut self) -> ::std::io::Result<u64>;
    fn seek_relative(&mut self, offset: i64) -> ::std::io::Result<()>;
}

/// Forwards [`core::hash::Hasher`]: `finish`, `write` and every `write_*`
/// of a primitive integer.
#[crate::forwardable(remote = ::core::hash::Hasher)]
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

/// Forwards [`core::error::Error`]: `source`. Forward
/// [`Debug`](macro@Debug) and [`Display`](macro@Display) too.
#[crate::forwardable(remote = ::core::error::Error)]
pub trait Error {
    // `Error` here is the remote trait: see "Traits of other crates".
    fn source(&self) -> ::core::option::Option<&(dyn Error + 'static)>;
}

/// Forwards [`core::fmt::Write`]: `write_str`, `write_char`, `write_fmt`.
/// Named apart from [`Write`](macro@Write), which is `std::io::Write`.
#[crate::forwardable(remote = ::core::fmt::Write)]
pub trait FmtWrite {
    fn write_str(&mut self, s: &str) -> ::core::fmt::Result;
    fn write_char(&mut self, c: char) -> ::core::fmt::Result;
    fn write_fmt(&mut self, args: ::core::fmt::Arguments<'_>) -> ::core::fmt::Result;
}

/// Forwards [`core::ops::Index`]: `Output`, `index`, for every (sized) index
/// type the target takes.
#[crate::forwardable(remote = ::core::ops::Index)]
pub trait Index<Idx: ?Sized> {
    type Output: ?Sized;
    fn index(&self, index: Idx) -> &Self::Output;
}

/// Forwards [`core::ops::IndexMut`]: `index_mut`. Forward
/// [`Index`](macro@Index) too.
#[crate::forwardable(remote = ::core::ops::IndexMut)]
pub trait IndexMut<Idx: ?Sized> {
    fn index_mut(&mut self, index: Idx) -> &mut Self::Output;
}

/// Forwards [`core::ops::Deref`]: `Target`, `deref`. The wrapper derefs to
/// what its value derefs to (a `Vec<u8>` value: `[u8]`), realizing.
#[crate::forwardable(remote = ::core::ops::Deref)]
pub trait Deref {
    type Target: ?Sized;
    fn deref(&self) -> &Self::Target;
}

/// Forwards [`core::ops::DerefMut`]: `deref_mut`. Forward
/// [`Deref`](macro@Deref) too.
#[crate::forwardable(remote = ::core::ops::DerefMut)]
pub trait DerefMut {
    fn deref_mut(&mut self) -> &mut Self::Target;
}

/// Forwards [`core::convert::AsRef`]: `as_ref`, for every `T` the target
/// gives a reference to.
#[crate::forwardable(remote = ::core::convert::AsRef)]
pub trait AsRef<T: ?Sized> {
    fn as_ref(&self) -> &T;
}

/// Forwards [`core::borrow::Borrow`]: `borrow`. Name it with the type to
/// borrow as, `remote::Borrow<str>` (without one, the impl would cover
/// `Borrow<Self>` too, which std implements for every type: an error). Forward
/// [`Hash`](macro@Hash), [`PartialEq`](macro@PartialEq) and [`Eq`](macro@Eq)
/// too, so that a wrapper used as a map's key is looked up as its value.
#[crate::forwardable(remote = ::core::borrow::Borrow)]
pub trait Borrow<Borrowed: ?Sized> {
    fn borrow(&self) -> &Borrowed;
}

/// Forwards [`core::cmp::PartialEq`] of the wrapper with the wrapper:
/// `eq`, both sides realized. To compare with another type, write a mirror
/// with std's `Rhs` parameter and name it with that type. On an enum whose
/// variants' targets are not one type, two values in different variants
/// are unequal, as `#[derive(PartialEq)]` has them, and nothing is realized
/// to tell them apart.
#[crate::forwardable(remote = ::core::cmp::PartialEq)]
pub trait PartialEq {
    fn eq(&self, other: &Self) -> bool;
}

/// Forwards [`core::cmp::Eq`]. Forward [`PartialEq`](macro@PartialEq) too.
#[crate::forwardable(remote = ::core::cmp::Eq)]
pub trait Eq {}

/// Forwards [`core::cmp::PartialOrd`] of the wrapper with the wrapper:
/// `partial_cmp`, `lt`, `le`, `gt`, `ge`. Forward
/// [`PartialEq`](macro@PartialEq) too. On an enum whose variants' targets
/// are not one type, values in different variants are ordered by their
/// variants' order, as `#[derive(PartialOrd)]` orders them.
#[crate::forwardable(remote = ::core::cmp::PartialOrd)]
pub trait PartialOrd {
    fn partial_cmp(&self, other: &Self) -> ::core::option::Option<::core::cmp::Ordering>;
    fn lt(&self, other: &Self) -> bool;
    fn le(&self, other: &Self) -> bool;
    fn gt(&self, other: &Self) -> bool;
    fn ge(&self, other: &Self) -> bool;
}

/// Forwards [`core::cmp::Ord`]: `cmp` (`max`, `min` and `clamp` keep their
/// defaults, which call it). Forward [`Eq`](macro@Eq) and
/// [`PartialOrd`](macro@PartialOrd) too. On an enum whose variants' targets
/// are not one type, values in different variants are ordered by their
/// variants' order, as `#[derive(Ord)]` orders them: a total order, so a
/// slice of mixed values sorts.
#[crate::forwardable(remote = ::core::cmp::Ord)]
pub trait Ord {
    fn cmp(&self, other: &Self) -> ::core::cmp::Ordering;
}

/// Forwards [`core::hash::Hash`]: `hash`, so the wrapper hashes as its
/// value (`hash_slice` keeps its default, which calls it).
#[crate::forwardable(remote = ::core::hash::Hash)]
pub trait Hash {
    fn hash<H: ::core::hash::Hasher>(&self, state: &mut H);
}

/// Forwards [`core::default::Default`]: `default`, the target's default
/// built back into the wrapper, so the wrapper must implement
/// [`FromRealized`](crate::FromRealized) of its target (`#[derive(FromRealized)]`):
/// the wrapper's lazy then holds a value already built.
///
/// ```
/// use lazy_core::{FromRealized, Lazy, RealizeForward};
///
/// #[derive(RealizeForward, FromRealized)]
/// #[realize_forward(lazy_core::remote::Default)]
/// struct Count(#[realize] Lazy<u32>);
///
/// let count = Count::default();
/// assert!(Lazy::is_realized(&count.0));
/// assert_eq!(*Lazy::force(&count.0), 0);
/// ```
#[crate::forwardable(remote = ::core::default::Default)]
pub trait Default: Sized {
    fn default() -> Self;
}

/// Forwards [`core::str::FromStr`]: `Err` and `from_str`, the target's
/// parse built back into the wrapper (which must implement
/// [`FromRealized`](crate::FromRealized) of its target), so `"12".parse()`
/// gives a wrapper.
///
/// ```
/// use lazy_core::{FromRealized, Lazy, RealizeForward};
///
/// #[derive(RealizeForward, FromRealized)]
/// #[realize_forward(lazy_core::remote::FromStr)]
/// struct Number(#[realize] Lazy<u32>);
///
/// let number: Number = "12".parse().unwrap();
/// assert_eq!(*Lazy::force(&number.0), 12);
/// assert!("twelve".parse::<Number>().is_err());
/// ```
#[crate::forwardable(remote = ::core::str::FromStr)]
pub trait FromStr: Sized {
    type Err;
    fn from_str(s: &str) -> ::core::result::Result<Self, Self::Err>;
}

/// Forwards [`core::ops::Add`] of the wrapper with the wrapper, `a + b`:
/// `Output`, `add`, both sides realized by value, so that the sum is the
/// targets' (`Output` of the target with itself). With the other arithmetic
/// and bitwise operators below (`Sub`, `Mul`, `Div`, `Rem`, `BitAnd`,
/// `BitOr`, `BitXor`, `Shl`, `Shr`), and their assignments (`AddAssign`,
/// ...: the left side lent mutably, the right one realized by value), the
/// wrapper computes as its value does. To combine the wrapper with another
/// type (`a + 1`), write a mirror with std's `Rhs` parameter
/// (`trait Add<Rhs = Self>`) and name it with that type, `Add<u32>`.
///
/// ```
/// use lazy_core::{Lazy, RealizeForward, remote};
///
/// #[derive(RealizeForward)]
/// #[realize_forward(remote::Add, remote::Neg, remote::MulAssign)]
/// struct Count(#[realize] Lazy<i64>);
///
/// let (two, three) = (Count(Lazy::new(|| 2)), Count(Lazy::new(|| 3)));
/// assert!(!Lazy::is_realized(&two.0));
/// assert_eq!(two + three, 5);
/// assert_eq!(-Count(Lazy::new(|| 4)), -4);
/// let mut product = Count(Lazy::new(|| 6));
/// product *= Count(Lazy::new(|| 7));
/// assert_eq!(*Lazy::force(&product.0), 42);
/// ```
#[crate::forwardable(remote = ::core::ops::Add)]
pub trait Add {
    type Output;
    fn add(self, rhs: Self) -> Self::Output;
}

/// Forwards [`core::ops::Sub`] of the wrapper with the wrapper, `a - b`:
/// `Output`, `sub`, both sides realized by value (see [`Add`](macro@Add)).
#[crate::forwardable(remote = ::core::ops::Sub)]
pub trait Sub {
    type Output;
    fn sub(self, rhs: Self) -> Self::Output;
}

/// Forwards [`core::ops::Mul`] of the wrapper with the wrapper, `a * b`:
/// `Output`, `mul`, both sides realized by value (see [`Add`](macro@Add)).
#[crate::forwardable(remote = ::core::ops::Mul)]
pub trait Mul {
    type Output;
    fn mul(self, rhs: Self) -> Self::Output;
}

/// Forwards [`core::ops::Div`] of the wrapper with the wrapper, `a / b`:
/// `Output`, `div`, both sides realized by value (see [`Add`](macro@Add)).
#[crate::forwardable(remote = ::core::ops::Div)]
pub trait Div {
    type Output;
    fn div(self, rhs: Self) -> Self::Output;
}

/// Forwards [`core::ops::Rem`] of the wrapper with the wrapper, `a % b`:
/// `Output`, `rem`, both sides realized by value (see [`Add`](macro@Add)).
#[crate::forwardable(remote = ::core::ops::Rem)]
pub trait Rem {
    type Output;
    fn rem(self, rhs: Self) -> Self::Output;
}

/// Forwards [`core::ops::BitAnd`] of the wrapper with the wrapper, `a & b`:
/// `Output`, `bitand`, both sides realized by value (see [`Add`](macro@Add)).
#[crate::forwardable(remote = ::core::ops::BitAnd)]
pub trait BitAnd {
    type Output;
    fn bitand(self, rhs: Self) -> Self::Output;
}

/// Forwards [`core::ops::BitOr`] of the wrapper with the wrapper, `a | b`:
/// `Output`, `bitor`, both sides realized by value (see [`Add`](macro@Add)).
#[crate::forwardable(remote = ::core::ops::BitOr)]
pub trait BitOr {
    type Output;
    fn bitor(self, rhs: Self) -> Self::Output;
}

/// Forwards [`core::ops::BitXor`] of the wrapper with the wrapper, `a ^ b`:
/// `Output`, `bitxor`, both sides realized by value (see [`Add`](macro@Add)).
#[crate::forwardable(remote = ::core::ops::BitXor)]
pub trait BitXor {
    type Output;
    fn bitxor(self, rhs: Self) -> Self::Output;
}

/// Forwards [`core::ops::Shl`] of the wrapper with the wrapper, `a << b`:
/// `Output`, `shl`, both sides realized by value (see [`Add`](macro@Add)).
#[crate::forwardable(remote = ::core::ops::Shl)]
pub trait Shl {
    type Output;
    fn shl(self, rhs: Self) -> Self::Output;
}

/// Forwards [`core::ops::Shr`] of the wrapper with the wrapper, `a >> b`:
/// `Output`, `shr`, both sides realized by value (see [`Add`](macro@Add)).
#[crate::forwardable(remote = ::core::ops::Shr)]
pub trait Shr {
    type Output;
    fn shr(self, rhs: Self) -> Self::Output;
}

/// Forwards [`core::ops::Neg`], `-a`: `Output`, `neg`, the value
/// realized by value.
#[crate::forwardable(remote = ::core::ops::Neg)]
pub trait Neg {
    type Output;
    fn neg(self) -> Self::Output;
}

/// Forwards [`core::ops::Not`], `!a`: `Output`, `not`, the value
/// realized by value.
#[crate::forwardable(remote = ::core::ops::Not)]
pub trait Not {
    type Output;
    fn not(self) -> Self::Output;
}

/// Forwards [`core::ops::AddAssign`] of the wrapper with the wrapper,
/// `a += b`: `add_assign`, the left side lent mutably, the right one
/// realized by value (see [`Add`](macro@Add)).
#[crate::forwardable(remote = ::core::ops::AddAssign)]
pub trait AddAssign {
    fn add_assign(&mut self, rhs: Self);
}

/// Forwards [`core::ops::SubAssign`] of the wrapper with the wrapper,
/// `a -= b`: `sub_assign`, the left side lent mutably, the right one
/// realized by value (see [`Add`](macro@Add)).
#[crate::forwardable(remote = ::core::ops::SubAssign)]
pub trait SubAssign {
    fn sub_assign(&mut self, rhs: Self);
}

/// Forwards [`core::ops::MulAssign`] of the wrapper with the wrapper,
/// `a *= b`: `mul_assign`, the left side lent mutably, the right one
/// realized by value (see [`Add`](macro@Add)).
#[crate::forwardable(remote = ::core::ops::MulAssign)]
pub trait MulAssign {
    fn mul_assign(&mut self, rhs: Self);
}

/// Forwards [`core::ops::DivAssign`] of the wrapper with the wrapper,
/// `a /= b`: `div_assign`, the left side lent mutably, the right one
/// realized by value (see [`Add`](macro@Add)).
#[crate::forwardable(remote = ::core::ops::DivAssign)]
pub trait DivAssign {
    fn div_assign(&mut self, rhs: Self);
}

/// Forwards [`core::ops::RemAssign`] of the wrapper with the wrapper,
/// `a %= b`: `rem_assign`, the left side lent mutably, the right one
/// realized by value (see [`Add`](macro@Add)).
#[crate::forwardable(remote = ::core::ops::RemAssign)]
pub trait RemAssign {
    fn rem_assign(&mut self, rhs: Self);
}

/// Forwards [`core::ops::BitAndAssign`] of the wrapper with the wrapper,
/// `a &= b`: `bitand_assign`, the left side lent mutably, the right one
/// realized by value (see [`Add`](macro@Add)).
#[crate::forwardable(remote = ::core::ops::BitAndAssign)]
pub trait BitAndAssign {
    fn bitand_assign(&mut self, rhs: Self);
}

/// Forwards [`core::ops::BitOrAssign`] of the wrapper with the wrapper,
/// `a |= b`: `bitor_assign`, the left side lent mutably, the right one
/// realized by value (see [`Add`](macro@Add)).
#[crate::forwardable(remote = ::core::ops::BitOrAssign)]
pub trait BitOrAssign {
    fn bitor_assign(&mut self, rhs: Self);
}

/// Forwards [`core::ops::BitXorAssign`] of the wrapper with the wrapper,
/// `a ^= b`: `bitxor_assign`, the left side lent mutably, the right one
/// realized by value (see [`Add`](macro@Add)).
#[crate::forwardable(remote = ::core::ops::BitXorAssign)]
pub trait BitXorAssign {
    fn bitxor_assign(&mut self, rhs: Self);
}

/// Forwards [`core::ops::ShlAssign`] of the wrapper with the wrapper,
/// `a <<= b`: `shl_assign`, the left side lent mutably, the right one
/// realized by value (see [`Add`](macro@Add)).
#[crate::forwardable(remote = ::core::ops::ShlAssign)]
pub trait ShlAssign {
    fn shl_assign(&mut self, rhs: Self);
}

/// Forwards [`core::ops::ShrAssign`] of the wrapper with the wrapper,
/// `a >>= b`: `shr_assign`, the left side lent mutably, the right one
/// realized by value (see [`Add`](macro@Add)).
#[crate::forwardable(remote = ::core::ops::ShrAssign)]
pub trait ShrAssign {
    fn shr_assign(&mut self, rhs: Self);
}
