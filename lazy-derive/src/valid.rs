//! Checks on the user's input, and the error collector every stage shares.

use syn::Error;

/// Collects errors so that all of them are reported together.
#[derive(Default)]
pub struct Errors(Option<Error>);

impl Errors {
    pub fn push(&mut self, err: Error) {
        match &mut self.0 {
            Some(errors) => errors.combine(err),
            None => self.0 = Some(err),
        }
    }

    /// The errors as `compile_error!` invocations (empty if none).
    pub fn into_compile_errors(self) -> proc_macro2::TokenStream {
        match self.0 {
            Some(errors) => errors.into_compile_error(),
            None => proc_macro2::TokenStream::new(),
        }
    }
}

/// Every `except` name must be a method of a trait of its attribute.
pub fn check_except_names(wrapper: &crate::input::Wrapper, matched: &[usize], errors: &mut Errors) {
    for (index, (group, name)) in wrapper.except_names().enumerate() {
        if matched.contains(&index) {
            continue;
        }
        let traits: Vec<String> = wrapper
            .traits
            .iter()
            .filter(|trait_ref| trait_ref.group == group)
            .map(|trait_ref| format!("`{}`", trait_ref.name()))
            .collect();
        // An attribute left without traits has had its error already.
        if traits.is_empty() {
            continue;
        }
        errors.push(Error::new(
            name.span(),
            format!(
                "`{name}` is not a method of {}; `except(...)` lists methods of the traits named beside it",
                traits.join(" or ")
            ),
        ));
    }
}
