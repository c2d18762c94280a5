//! Compile-fail tests: one per diagnostic, named after the mistake.

use std::path::PathBuf;
use std::process::Command;

#[test]
fn ui() {
    ensure_rust_src();
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}

/// The expected output of the `tests/ui/mirror-*` cases shows lines of
/// std's source, which rustc prints only with the `rust-src` component:
/// without it they differ for a reason that is no mistake of the macros.
/// A toolchain installed by rustup's default profile lacks the component, so
/// this adds it, as `cargo miri` does, and says so; where rustup cannot, the
/// test stops with what to run.
fn ensure_rust_src() {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| String::from("rustc"));
    let sysroot = Command::new(&rustc)
        .args(["--print", "sysroot"])
        .output()
        .expect("rustc --print sysroot runs");
    let sysroot = PathBuf::from(String::from_utf8_lossy(&sysroot.stdout).trim());
    let library = sysroot.join("lib/rustlib/src/rust/library");
    if library.is_dir() {
        return;
    }
    eprintln!(
        "tests/ui: std's source is not installed ({}); running `rustup component add rust-src`",
        library.display()
    );
    let added = Command::new("rustup")
        .args(["component", "add", "rust-src"])
        .status()
        .is_ok_and(|status| status.success());
    assert!(
        added && library.is_dir(),
        "the ui tests' expected output shows std's source lines, which rustc prints only with \
         the rust-src component: run `rustup component add rust-src` (or install std's source \
         at {}), then the tests again",
        library.display()
    );
}
