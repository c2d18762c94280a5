//! Checks on the user's input that need every trait's answer.

use syn::Error;

use crate::errors::Errors;

/// Every `except` name must be a method of a trait of its attribute.
pub fn check_except_names(wrapper: &crate::input::Wrapper, matched: &[usize], errors: &mut Errors) {
    let mut next_index = 0usize;
    for (group, name) in wrapper.except_names() {
        let index = next_index;
        next_index += 1;
        if matched.contains(&index) {
            continue;
        }
        let mut traits: Vec<String> = Vec::new();
        for trait_ref in &wrapper.traits {
            if trait_ref.group == group {
                traits.push(format!("`{}`", trait_ref.name()));
            }
        }
        // An attribute left without traits has had its error already.
        if traits.is_empty() {
            continue;
        }
        errors.push(Error::new(
            name.span(),
            format!(
                "`{name}` is not a method of {}; `except(...)` lists methods of the traits named beside it (a supertrait's method, or another trait's, goes in an `except(...)` beside that trait where it is forwarded; one under a `#[cfg]` that is off is not there: name it under the same condition, `#[cfg_attr(CONDITION, realize_forward(.., except({name})))]`, beside a `#[cfg_attr(not(CONDITION), realize_forward(..))]`)",
                crate::tokens::join(traits.iter().map(String::as_str), " or ")
            ),
        ));
    }
}
