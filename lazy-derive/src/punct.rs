//! Walking syn's `Punctuated` lists at a small cost to this crate's build.
//!
//! `Punctuated::iter` (which `for x in &list` calls) returns a boxed `dyn`
//! iterator, and its vtable makes rustc write out some twenty iterator
//! methods for each element type, about 800 lines of LLVM IR each time, in
//! every crate that iterates that type. syn writes them for the lists it
//! walks itself (generic parameters, fields, arguments); for the others,
//! these walk the same elements, in the same order, through the plain pair
//! iterator.

use syn::punctuated::{Pair, Punctuated};

/// The elements of `list`, as `list.iter()`.
pub fn values<T, P>(list: &Punctuated<T, P>) -> impl Iterator<Item = &T> {
    list.pairs().map(Pair::into_value)
}

/// The elements of `list`, as `list.iter_mut()`.
pub fn values_mut<T, P>(list: &mut Punctuated<T, P>) -> impl Iterator<Item = &mut T> {
    list.pairs_mut().map(Pair::into_value)
}

/// The first element of `list`, as `list.first()` (which walks `iter()`).
pub fn first<T, P>(list: &Punctuated<T, P>) -> Option<&T> {
    list.pairs().next().map(Pair::into_value)
}
