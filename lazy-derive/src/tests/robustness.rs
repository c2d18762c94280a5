//! The macros never panic: malformed input gives `compile_error!`s.

use proc_macro2::TokenStream;

use crate::{chain, trait_def};

fn tokens(source: &str) -> TokenStream {
    source.parse().expect("test input tokenizes")
}

fn assert_reports_error(output: TokenStream) {
    let text = output.to_string();
    assert!(text.contains("compile_error"), "no error in: {text}");
}

#[test]
fn derive_input_that_is_wrong_in_every_way() {
    for source in [
        "struct A;",
        "#[realize_forward] struct A;",
        "#[realize_forward = \"x\"] struct A;",
        "#[realize_forward()] struct A;",
        "#[realize_forward(except(a))] struct A;",
        "#[realize_forward(T, except)] struct A;",
        "#[realize_forward(T, except(1))] struct A;",
        "#[realize_forward(T<>)] #[realize_forward(T<>)] struct A;",
        "#[realize_forward(T(u8))] struct A;",
        "#[realize_forward(a<u8>::T)] struct A;",
        "#[realize_forward(T<Item = u8>)] struct A;",
        "#[realize_forward(T)] struct A { #[realize = 1] a: u8 }",
        "#[realize_forward(T)] struct A { #[realize(a, b)] a: u8 }",
        "#[realize_forward(T)] union A { #[realize] a: u8 }",
        "#[realize_forward(::std::io::Read)] struct A;",
    ] {
        assert_reports_error(chain::derive(tokens(source)));
    }
}

#[test]
fn forwardable_input_that_is_wrong() {
    for (args, source) in [
        ("", "struct A;"),
        ("", "fn f() {}"),
        ("remote", "trait A {}"),
        ("remote =", "trait A {}"),
        ("remote = ::a::B, extra", "trait A {}"),
        ("other = x", "trait A {}"),
        ("", "trait A { m!(); }"),
    ] {
        assert_reports_error(trait_def::forwardable(tokens(args), tokens(source)));
    }
}

#[test]
fn hidden_macro_called_with_garbage() {
    for source in [
        "",
        "trait",
        "trait {}",
        "trait { trait A {} } derive {}",
        "trait { trait A {} } derive { step = x; }",
        "trait { trait A {} } derive { step = 9; needs = [no no]; matched = []; input = { #[realize_forward(A)] struct W; } }",
        "trait { trait A {} } derive { step = 0; needs = [no]; matched = []; input = { struct W; } }",
        "trait { trait A {} } derive { step = 0; needs = [yes no no]; matched = []; input = { struct W; } }",
        "trait { trait A {} } derive { step = 0; needs = [what no]; matched = []; input = { struct W; } }",
        "trait { trait A { fn f(&self); } } derive { step = 0; needs = [no no]; matched = [x]; input = { #[realize_forward(A)] struct W; } }",
        // The entries come first; a malformed list, or a state after it
        // that is missing or in the old order, is an error, not a panic.
        "trait { trait A {} } derive { fast = }",
        "trait { trait A {} } derive { fast = { slow } step = 0; }",
        "trait { trait A {} } derive { fast = [{ slow }] }",
        "trait { trait A {} } derive { fast = [{ slow }] fast = [] step = 0; needs = [no no]; matched = []; input = { struct W; } }",
        "trait { trait A {} } derive { step = 0; needs = [no no]; matched = []; input = { struct W; } fast = [{ slow }] }",
    ] {
        assert_reports_error(chain::forward_impl(tokens(source)));
    }
}

/// An attribute that looks like one of ours misspelled is read as meant, with
/// its error, only where ours is missing (no `#[realize_forward]` on the
/// type, no `#[realize]` on any field; on an enum's field, one that holds a
/// lazy and is not marked): beside ours it may be another derive's helper
/// (`#[realize_format]`, `#[realized]`), which this derive cannot see.
#[test]
fn attributes_like_ours_are_read_as_ours_only_where_ours_are_missing() {
    for source in [
        "#[realize_forward(T)] #[realize_format(json)] struct A { #[realize] a: Lazy<u8>, #[realized] b: u64 }",
        "#[realize_forward(T)] struct A { #[realize] #[realise] a: Lazy<u8> }",
        "#[realize_forward(T)] enum A { B(#[realize] #[realized] Lazy<u8>), C(#[realised] u8) }",
    ] {
        let out = chain::derive(tokens(source)).to_string();
        assert!(!out.contains("compile_error"), "{source}: {out}");
    }
    for source in [
        "#[realize_fwd(T)] struct A { #[realize] a: Lazy<u8> }",
        "#[realize_forward(T)] struct A { #[realise] a: Lazy<u8>, b: u64 }",
        "#[realize_forward(T)] enum A { B(#[Realize] Lazy<u8>), C(u8) }",
    ] {
        let out = chain::derive(tokens(source)).to_string();
        assert!(
            out.contains("is not an attribute of lazy-core's derives"),
            "{source}: {out}"
        );
        assert_eq!(out.matches("compile_error").count(), 1, "{source}: {out}");
    }
}

/// A reference without a lifetime in a field is rustc's error; the derive's
/// copies of the type get `'static` so that its impls repeat no error. Only
/// where elision is an error: not inside a function type or `Fn(..)`.
#[test]
fn references_without_a_lifetime_are_filled_only_where_elision_is_an_error() {
    let filled = |source: &str| {
        let mut ty: syn::Type = syn::parse_str(source).expect("a type");
        let changed = crate::tokens::fill_elided_references(&mut ty);
        let written = quote::ToTokens::to_token_stream(&ty).to_string();
        assert_eq!(changed, written.contains("'static"), "{source}");
        written
    };
    assert_eq!(filled("&Lazy<Real>"), "& 'static Lazy < Real >");
    assert_eq!(
        filled("Box<&mut Lazy<X>>"),
        "Box < & 'static mut Lazy < X > >"
    );
    assert_eq!(
        filled("(&A, [&B; 2], &[&C])"),
        "(& 'static A , [& 'static B ; 2] , & 'static [& 'static C])"
    );
    assert_eq!(filled("&'a Lazy<&'a X>"), "& 'a Lazy < & 'a X >");
    assert_eq!(
        filled("Lazy<R, fn(&str) -> R>"),
        "Lazy < R , fn (& str) -> R >"
    );
    assert_eq!(
        filled("Lazy<R, Box<dyn FnOnce(&u8) -> R>>"),
        "Lazy < R , Box < dyn FnOnce (& u8) -> R > >"
    );
}
