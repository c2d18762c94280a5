//! The macros' errors in an edition-2015 crate: each is its own message at
//! its token, as in later editions. (An error's `::core::compile_error!`
//! spanned at the mistake reads `::core` in the user's edition, from the
//! crate root in 2015, where rustc said "cannot find `core`" instead of
//! every message.) trybuild builds its cases in this package's edition, so
//! this test checks `tests/edition2015-errors/mistakes.rs` in a package of its
//! own, edition 2015, with cargo.

use std::path::Path;
use std::process::Command;

#[test]
fn errors_in_an_edition_2015_crate_are_the_macros_own() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("edition2015-errors");
    std::fs::create_dir_all(&dir).unwrap();
    let manifest = format!(
        "[package]\nname = \"edition2015-errors\"\nversion = \"0.0.0\"\nedition = \"2015\"\npublish = false\n\n\
         [[bin]]\nname = \"edition2015-errors\"\npath = {main:?}\n\n\
         [dependencies]\nlazy-core = {{ path = {core:?} }}\n\n[workspace]\n",
        main = root.join("tests/edition2015-errors/mistakes.rs"),
        core = root.join("lazy-core"),
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    // The workspace's versions, so that no newer release changes the output.
    std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| String::from("cargo"));
    let output = Command::new(cargo)
        .current_dir(&dir)
        .args(["check", "--quiet", "--message-format", "short"])
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("CARGO_BUILD_RUSTFLAGS")
        .output()
        .expect("cargo runs");
    assert!(!output.status.success(), "the mistakes compiled");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let errors: Vec<&str> = stderr
        .lines()
        .filter_map(|line| line.split_once("mistakes.rs:").map(|(_, at)| at))
        .filter(|at| at.contains(": error"))
        .collect();
    let expected = [
        "20:24: error: a parameter without a name is not carried (edition 2015): name it, as in `_: u8`",
        "27:28: error: unknown option `exept(...)` in `#[realize_forward(...)]`: the only option is `except(...)`; did you mean `except`?",
        "42:19: error: unknown `realize_all` option: the only option is `skip`, as in `#[realize_all(skip)]`",
        "47:1: error: `#[forwardable]` goes on a trait definition",
    ];
    assert_eq!(errors, expected, "cargo check's output:\n{stderr}");
}
