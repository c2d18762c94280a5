//! `crate::syntax`: traits of every shape read and printed back token for
//! token, what derive-mode syn cannot read kept verbatim, and where
//! patterns and values end.

use proc_macro2::TokenStream;
use quote::ToTokens;

use crate::syntax::{FnArg, ItemTrait, ReceiverKind, TraitItem};

/// `source` read as a trait and printed back: the same tokens.
fn round_trip(source: &str) -> ItemTrait {
    let tokens: TokenStream = source.parse().expect("test source lexes");
    let item: ItemTrait =
        syn::parse2(tokens.clone()).unwrap_or_else(|err| panic!("{source}\ndoes not parse: {err}"));
    // Token by token (syn's printing sets its own spacing of `'a`, `#!`).
    assert_eq!(
        item.to_token_stream().to_string().replace(' ', ""),
        tokens.to_string().replace(' ', ""),
        "{source}"
    );
    item
}

#[test]
fn traits_of_every_shape_print_as_written() {
    for source in [
        "pub unsafe auto trait Marker {}",
        "#[doc = \"x\"] pub(crate) trait T<'a, T: Clone + 'a, const N: usize = 2>: Sized + Send where T: Default { #![allow(unused)] }",
        "trait G { type Item<'a>: Iterator<Item = &'a u8> where Self: 'a; type D = u8; type W<T> = Vec<T> where T: Clone; }",
        "trait C { const A: u8; const B: u8 = 1 + 2; const _: () = (); }",
        "trait M { m!(); n! { fn x(); } ::p::q![a]; }",
        "trait F { const fn a(); async fn b(&self); unsafe fn c(&mut self); extern \"C\" fn d(self); const async unsafe extern \"C\" fn e(); }",
        "trait R<'a> { fn a(self); fn b(mut self); fn c(&self); fn d(&'a mut self); fn e(self: Box<Self>); fn f(mut self: Pin<&mut Self>); fn g(&'_ self); }",
        "trait A { fn a(#[cfg(x)] &self, #[allow(unused)] x: u8, (a, b): (u8, u8), mut y: Vec<u8>, ::std::option::Option::None: Option<u8>, ref z: u8); }",
        "trait D { fn a(&self) -> u8 { #![allow(unused)] let x = 1; x } fn b<T>(&self, t: T) -> T where T: Clone { t } }",
        "trait V { pub fn a(); default fn b() {} pub type X; const C<T>: u8; }",
        "trait P { fn a<'a>(&'a self) -> impl Sized + use<'a, Self>; fn b(&self) -> impl Iterator<Item = u8> + '_; }",
        "trait Q { fn a(&self) -> Box<dyn Fn(u8) -> u8 + Send>; fn b(&self) -> <Self as X>::Y; }",
    ] {
        round_trip(source);
    }
}

#[test]
fn what_derive_mode_syn_cannot_read_is_kept_verbatim() {
    for source in [
        "trait T { fn a(&self, x: [u8; { let n = 2; n }]) -> [u8; { let n = 2; n }]; }",
        "trait T<const N: usize = { let n = 2; n }> { fn a(&self); }",
        "trait T { fn a<const N: usize = { let n = 2; n }>(&self); }",
        "trait T where [u8; { let n = 2; n }]: Sized { fn a(&self) where [u8; { 1; 2 }]: Sized; }",
        "trait T { type A = [u8; { let n = 2; n }]; const C: [u8; { let n = 2; n }]; }",
        "trait T { fn a(&self, x: Foo<{ let n = 2; n }>) -> impl Sized + use<'_, Self>; }",
        "trait T { fn a(self: Foo<{ let n = 2; n }, Self>); }",
    ] {
        round_trip(source);
        let out = crate::trait_def::forwardable(TokenStream::new(), source.parse().unwrap());
        assert!(
            !out.to_string().contains("compile_error"),
            "{source}\nwrites an error:\n{out}"
        );
    }
}

#[test]
fn patterns_and_values_end_where_they_end() {
    let item = round_trip(
        "trait A { fn a(&self, ::std::option::Option::None: Option<u8>, Foo::<u8> { x, .. }: Foo<u8>, (a, b): (u8, u8), mut m: Vec<u8>); const L: bool = 1 < 2; const S: u32 = 1 << 3; const G: bool = 2 > 1; fn b(&self); }",
    );
    let mut read = Vec::new();
    for item in &item.items {
        match item {
            TraitItem::Fn(method) => {
                for arg in crate::punct::values(&method.sig.inputs) {
                    if let FnArg::Typed(arg) = arg {
                        read.push(format!("{} / {}", arg.pat, arg.ty.to_token_stream()));
                    }
                }
            }
            TraitItem::Const(constant) => {
                let (_, value) = constant.default.as_ref().expect("a default");
                read.push(value.to_string());
            }
            _ => panic!("a method or a const"),
        }
    }
    let read: Vec<String> = read.iter().map(|text| text.replace(' ', "")).collect();
    assert_eq!(
        read,
        [
            "::std::option::Option::None/Option<u8>",
            "Foo::<u8>{x,..}/Foo<u8>",
            "(a,b)/(u8,u8)",
            "mutm/Vec<u8>",
            "1<2",
            "1<<3",
            "2>1",
        ]
    );
}

#[test]
fn receivers_and_arguments_are_told_apart() {
    let item = round_trip(
        "trait R<'a> { fn f(&'a mut self, x: u8, self_: u8); fn g(self: Box<Self>); fn h(x: u8); }",
    );
    let mut kinds = Vec::new();
    for item in &item.items {
        let TraitItem::Fn(method) = item else {
            panic!("a method");
        };
        kinds.push(match method.sig.receiver().map(|receiver| &receiver.kind) {
            Some(ReceiverKind::Reference(_, Some(_), Some(_))) => "&'a mut",
            Some(ReceiverKind::Typed(..)) => "typed",
            Some(_) => "other",
            None => "none",
        });
        for arg in crate::punct::values(&method.sig.inputs).skip(1) {
            assert!(matches!(arg, FnArg::Typed(_)));
        }
    }
    assert_eq!(kinds, ["&'a mut", "typed", "none"]);
}

/// A result's `use<..>` (read verbatim without syn's `full`) decides what
/// `def_site` carries: with a lifetime listed, nothing (the hidden
/// supertrait is not written); without one, the module's type `Tag`.
#[test]
fn a_results_captures_decide_what_is_carried() {
    let carries = |source: &str| {
        let out = crate::trait_def::forwardable(TokenStream::new(), source.parse().unwrap());
        out.to_string().contains("__lazy_types_T_")
    };
    assert!(!carries(
        "trait T { fn a<'a>(&'a self) -> impl Iterator<Item = Tag> + use<'a, Self>; }"
    ));
    assert!(!carries(
        "trait T { fn a(&self) -> impl Iterator<Item = Tag> + use<'_, Self>; }"
    ));
    assert!(carries(
        "trait T { fn a(&self) -> impl Iterator<Item = Tag> + use<Self>; }"
    ));
}
