//! Compile-fail tests: one per diagnostic, named after the mistake.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
