//! `scan` on broken traits: each trait `scan` reads, mutated by one edit
//! anywhere (a token deleted, replaced or inserted, the stream cut short, a
//! group's delimiter changed; at every position, inside groups too), never
//! makes `#[forwardable]` panic, and whenever `scan` still reads the mutant,
//! `#[forwardable]` writes what the syn path writes.

use std::panic::{AssertUnwindSafe, catch_unwind};

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};

use super::scan::{READ, same_tokens_as_syn};
use crate::{scan, trait_def};

/// What is inserted before a token: what a slip of the hand adds (fewer
/// than the replacements, to keep the test to a few seconds).
const INSERTIONS: &[&str] = &[",", ";", ":", "::", "<", ">", "&", "'a", "mut", "#"];

/// What replaces a token.
const REPLACEMENTS: &[&str] = &[
    ",", ";", ":", "::", "<", ">", "&", "'a", "Self", "impl", "fn", "crate", "$", "mut", "self",
    "where", "=", "+", "!", "?", "#", "3", "_", "r#x", "gen", "dyn", "'static", "Tag", "u8",
];

/// The delimiters a group is changed to.
const DELIMITERS: [Delimiter; 4] = [
    Delimiter::Parenthesis,
    Delimiter::Brace,
    Delimiter::Bracket,
    Delimiter::None,
];

/// [`INSERTIONS`] and [`REPLACEMENTS`], lexed.
struct Edits {
    insertions: Vec<Vec<TokenTree>>,
    replacements: Vec<Vec<TokenTree>>,
}

fn lex(edits: &[&str]) -> Vec<Vec<TokenTree>> {
    edits
        .iter()
        .map(|edit| {
            let tokens: TokenStream = edit.parse().expect("edit lexes");
            tokens.into_iter().collect()
        })
        .collect()
}

/// Calls `visit` with every one-edit mutant of `trees`, which are `depth`
/// groups deep in the trait. Default bodies (brace groups in the trait's
/// body) are not edited inside: `scan` does not read them (see its docs).
fn mutate(trees: &[TokenTree], depth: usize, edits: &Edits, visit: &mut dyn FnMut(Vec<TokenTree>)) {
    for i in 0..trees.len() {
        visit(trees[..i].to_vec());
        let mut deleted = trees.to_vec();
        deleted.remove(i);
        visit(deleted);
        for edit in &edits.replacements {
            let mut replaced = trees[..i].to_vec();
            replaced.extend(edit.iter().cloned());
            replaced.extend(trees[i + 1..].iter().cloned());
            visit(replaced);
        }
        for edit in &edits.insertions {
            let mut inserted = trees[..i].to_vec();
            inserted.extend(edit.iter().cloned());
            inserted.extend(trees[i..].iter().cloned());
            visit(inserted);
        }
        if let TokenTree::Group(group) = &trees[i] {
            let with_group = |group: Group| {
                let mut new = trees.to_vec();
                new[i] = TokenTree::Group(group);
                new
            };
            for delimiter in DELIMITERS {
                if delimiter != group.delimiter() {
                    let mut new = Group::new(delimiter, group.stream());
                    new.set_span(group.span());
                    visit(with_group(new));
                }
            }
            if depth == 1 && group.delimiter() == Delimiter::Brace {
                continue;
            }
            let inner: Vec<TokenTree> = group.stream().into_iter().collect();
            mutate(&inner, depth + 1, edits, &mut |inner| {
                let mut new = Group::new(group.delimiter(), inner.into_iter().collect());
                new.set_span(group.span());
                visit(with_group(new));
            });
        }
    }
}

/// Whether `scan` reads `input`; panics when `#[forwardable]` panics, or
/// writes otherwise than the syn path.
fn check(input: TokenStream) -> bool {
    if scan::scan(&input, &TokenStream::new(), &TokenStream::new(), false).is_some() {
        let text = input.to_string();
        same_tokens_as_syn(TokenStream::new(), input, &text)
    } else {
        trait_def::forwardable(TokenStream::new(), input);
        false
    }
}

#[test]
fn scan_never_panics_and_agrees_with_syn_on_broken_traits() {
    let edits = Edits {
        insertions: lex(INSERTIONS),
        replacements: lex(REPLACEMENTS),
    };
    let (mut inputs, mut read) = (0u32, 0u32);
    let mut failures = Vec::new();
    for source in READ {
        let input: TokenStream = source.parse().expect("test source lexes");
        let trees: Vec<TokenTree> = input.into_iter().collect();
        mutate(&trees, 0, &edits, &mut |mutant| {
            let input: TokenStream = mutant.into_iter().collect();
            inputs += 1;
            match catch_unwind(AssertUnwindSafe(|| check(input.clone()))) {
                Ok(true) => read += 1,
                Ok(_) => {}
                Err(_) => failures.push(input.to_string()),
            }
        });
    }
    assert!(
        failures.is_empty(),
        "{} of {inputs} mutants panic or differ; the first ones:\n{}",
        failures.len(),
        failures[..failures.len().min(10)].join("\n")
    );
    // Not vacuous: some mutants are still plain traits (a trailing comma
    // deleted, a type replaced by another).
    assert!(
        read > inputs / 50,
        "scan read only {read} of {inputs} mutants"
    );
}
