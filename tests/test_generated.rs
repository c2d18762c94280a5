//! The derive on a few hundred random traits (see
//! `tests/support/generated-forwarding/build.rs`): the support crate
//! compiling is the first check; here every forwarded method is called once
//! on a fresh wrapper and on an eager value.

#[test]
fn generated_traits_forward_every_method_and_build_once() {
    let report = generated_forwarding::run_all();
    eprintln!("{report:?}");
    assert!(report.traits >= 300, "{report:?}");
    assert!(report.forwarded >= 600, "{report:?}");
    assert!(report.kept >= 50 && report.excepted >= 30, "{report:?}");
}
