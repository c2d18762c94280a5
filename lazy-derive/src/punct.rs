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

#[cfg(test)]
mod tests {
    use syn::punctuated::Punctuated;
    use syn::{Ident, Token};

    use super::{first, values, values_mut};

    /// With and without a trailing comma (the last element is held apart
    /// when there is none).
    #[test]
    fn the_same_elements_as_iter() {
        for source in ["", "a", "a,", "a, b, c", "a, b, c,"] {
            let mut list: Punctuated<Ident, Token![,]> =
                syn::parse::Parser::parse_str(Punctuated::parse_terminated, source).unwrap();
            let expected: Vec<String> = list.iter().map(Ident::to_string).collect();
            let got: Vec<String> = values(&list).map(Ident::to_string).collect();
            assert_eq!(got, expected, "{source:?}");
            assert_eq!(first(&list), list.first(), "{source:?}");
            for ident in values_mut(&mut list) {
                *ident = Ident::new(&format!("{ident}2"), ident.span());
            }
            let renamed: Vec<String> = list.iter().map(Ident::to_string).collect();
            let expected: Vec<String> = expected.iter().map(|name| format!("{name}2")).collect();
            assert_eq!(renamed, expected, "{source:?}");
        }
    }
}
