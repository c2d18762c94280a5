//! The README's Rust fragments are copies of this package's source, kept
//! true by this test: each block that starts with `// src/FILE` must appear
//! in that file, line for line, once comments and indentation are set aside.

use std::fs;
use std::path::Path;

/// The line without its `//` comment and surrounding whitespace; empty lines
/// are dropped by the caller.
fn code_of(line: &str) -> &str {
    let code = match line.find("//") {
        Some(at) => &line[..at],
        None => line,
    };
    code.trim()
}

fn code_lines(text: &str) -> Vec<&str> {
    text.lines()
        .map(code_of)
        .filter(|line| !line.is_empty())
        .collect()
}

#[test]
fn readme_fragments_are_the_source() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = fs::read_to_string(root.join("README.md")).unwrap();
    let mut checked = 0;
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        if line.trim() != "```rust" {
            continue;
        }
        let mut block = Vec::new();
        for line in lines.by_ref() {
            if line.trim() == "```" {
                break;
            }
            block.push(line);
        }
        let first = block.first().map(|line| line.trim()).unwrap_or_default();
        let file = first
            .strip_prefix("// ")
            .filter(|file| file.starts_with("src/"))
            .unwrap_or_else(|| panic!("a ```rust block of the README does not name its source file (`// src/...` first): {block:?}"));
        let source = fs::read_to_string(root.join(file)).unwrap();
        let fragment = block[1..].join("\n");
        let wanted = code_lines(&fragment);
        let have = code_lines(&source);
        assert!(
            !wanted.is_empty() && have.windows(wanted.len()).any(|window| window == wanted),
            "the README's fragment of {file} is not in {file}: {wanted:#?}"
        );
        checked += 1;
    }
    assert!(checked > 0, "the README has no ```rust fragment to check");
}
