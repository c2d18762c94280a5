//! `except(...)` names are matched the same way for every wrapper shape: the
//! struct's impl and the enum's share the step (`impl_head::Excepts`).

use super::snapshots::expand_derive;

const TRACKER: &str = "pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn name(&self) -> &'static str;
}";

/// What the derive writes for a struct and for an enum that forward
/// `Tracker` with `except(<except>)`, each with its wrapper's source.
fn struct_and_enum(except: &str) -> Vec<(String, String)> {
    let wrappers = [
        format!(
            "#[realize_forward(Tracker, except({except}))]
             struct LazyTracker {{ #[realize] cache: Lazy<u8> }}"
        ),
        format!(
            "#[realize_forward(Tracker, except({except}))]
             enum AnyTracker {{ Now(u8), Later(#[realize] Lazy<u8>) }}"
        ),
    ];
    let mut out = Vec::new();
    for wrapper in wrappers {
        let expansion = expand_derive(&[("", TRACKER)], &wrapper);
        out.push((wrapper, expansion));
    }
    out
}

/// A misspelt name of the only trait in its attribute is reported with the
/// method it is close to, for an enum as for a struct (the enum's impl used
/// to leave it to the generic "not a method of `Tracker`" error).
#[test]
fn except_name_close_to_a_method_is_suggested_for_a_struct_and_an_enum() {
    for (wrapper, expansion) in struct_and_enum("python_typ") {
        assert!(
            expansion
                .contains("`python_typ` is not a method of `Tracker`; did you mean `python_type`?"),
            "no suggestion for {wrapper}:\n{expansion}"
        );
        assert!(
            !expansion.contains("lists methods of the traits named beside it"),
            "reported twice for {wrapper}:\n{expansion}"
        );
    }
}

/// A name that is a method is answered by the wrapper's own method, whatever
/// the wrapper's shape, and the other methods still forward.
#[test]
fn except_name_of_a_method_is_matched_for_a_struct_and_an_enum() {
    for (wrapper, expansion) in struct_and_enum("name") {
        assert!(
            !expansion.contains("compile_error"),
            "errors for {wrapper}:\n{expansion}"
        );
        assert!(
            expansion.contains("fn name"),
            "no `name` for {wrapper}:\n{expansion}"
        );
        assert!(
            expansion.contains("fn python_type"),
            "no `python_type` for {wrapper}:\n{expansion}"
        );
    }
}

/// `except(...)` in an attribute of its own beside the one that names the
/// trait is one error, saying where it goes, and is read as meant: the
/// expansion is the one of `except(...)` beside the trait, but for the
/// error.
#[test]
fn except_in_an_attribute_of_its_own_is_read_with_the_traits() {
    let beside = expand_derive(
        &[("", TRACKER)],
        "#[realize_forward(Tracker, except(name))]
         struct LazyTracker { #[realize] cache: Lazy<u8> }",
    );
    let apart = expand_derive(
        &[("", TRACKER)],
        "#[realize_forward(Tracker)]
         #[realize_forward(except(name))]
         struct LazyTracker { #[realize] cache: Lazy<u8> }",
    );
    let message = "`except(...)` goes in the attribute that names the traits it leaves methods of";
    assert_eq!(apart.matches(message).count(), 1, "{apart}");
    assert!(!beside.contains("compile_error"), "{beside}");
    let mut errors = 0;
    let mut rest = String::new();
    for line in apart.lines() {
        if line.contains("compile_error") {
            errors += 1;
        } else {
            rest.push_str(line);
            rest.push('\n');
        }
    }
    assert_eq!(errors, 1, "{apart}");
    let mut expected = String::new();
    for line in beside.lines() {
        expected.push_str(line);
        expected.push('\n');
    }
    assert_eq!(rest, expected);
}
