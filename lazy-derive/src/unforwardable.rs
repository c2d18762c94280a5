//! What the derive's chain writes for a path in `#[realize_forward(...)]`
//! that names no `#[forwardable]` trait: one error, at the path, that says
//! what the path names and what to write instead (see `chain::scoped`).

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::Ident;

use crate::input::TraitRef;
use crate::mirrors::MIRRORS;
use crate::template;

/// The error for `trait_ref`, whose `alias` (the chain's import of its path)
/// names no hidden macro. It is a probe, not a `compile_error!`: it needs
/// that the path is a trait, and asks for a trait that its test type lacks.
/// So a path of several names that names nothing says nothing more (rustc
/// has reported the import, and the alias is an error to it), a bare name
/// that names nothing is rustc's "cannot find trait", and a name of a
/// struct is rustc's "expected trait, found struct".
pub fn probe(trait_ref: &TraitRef, alias: &Ident) -> TokenStream {
    let at = Span::call_site().located_at(trait_ref.span());
    let name = trait_ref.name();
    let Some(last) = trait_ref.path.segments.last() else {
        return TokenStream::new();
    };
    let bare = trait_ref.path.leading_colon.is_none() && trait_ref.path.segments.len() == 1;
    let (message, label, note, std_name) = texts(trait_ref, &name, bare);
    // A bare name of a std trait with a mirror is that error whatever it
    // names (the chain's import of a bare name never fails, so it is the
    // one error); the probe would have to copy arguments, which may name
    // the wrapper's generics.
    if trait_ref.args.is_some() || std_name {
        let text = format!("{message}: {note}");
        return template::spanned(at, "::core::compile_error! { #0 }", &[&text]);
    }
    // A bare name is tested in the module (the chain's import of it never
    // fails, see `chain::scoped`), where rustc finds it or says it cannot
    // and suggests the import or the name meant (in the blocks, the chain's
    // value of that name would be found). A path is tested through the
    // chain's import, which rustc has reported if it names nothing.
    let tested = if bare {
        let mut ident = last.ident.clone();
        ident.set_span(at);
        let module = Ident::new("self", at);
        template::tokens("#0::#1", &[&module, &ident])
    } else {
        TokenStream::from(TokenTree::Ident(alias.clone()))
    };
    // Tested on a type parameter: rustc then adds no help that names the
    // probe's own items. The parameter is spanned at the derive, where
    // rustc leaves out its suggestion to bound it.
    let param = Ident::new("__LazyProbe", Span::call_site());
    let used = Ident::new("__LazyProbe", at);
    let check = template::spanned(at, "<#0 as Forwardable>::YES", &[&used]);
    // No `allow(dead_code)` (an error under the user's `forbid`): the items
    // are the derive's, where rustc's `dead_code` does not look.
    template::tokens(
        "const _: () = {
            #[diagnostic::on_unimplemented(message = #0, label = #1, note = #2)]
            trait Forwardable {
                const YES: ();
            }
            #[diagnostic::do_not_recommend]
            impl<__T: #3> Forwardable for __T {
                const YES: () = ();
            }
            fn __check<#4>() {
                #5;
            }
        };",
        &[&message, &label, &note, &tested, &param, &check],
    )
}

/// The probe's message, label and note, and whether `name` is bare and a
/// std trait's with a mirror (a path is probed: it may name nothing, which
/// rustc has reported).
fn texts(trait_ref: &TraitRef, name: &str, bare: bool) -> (String, String, String, bool) {
    let written = trait_ref.written();
    // A bare name by the name alone; a path relative to a std module
    // imported (`fmt::Display` after `use std::fmt;`) by the end of a std
    // path it is (`std::fmt::Display`).
    let relative = match !bare && trait_ref.path.leading_colon.is_none() {
        true => Some(format!("::{}", crate::tokens::compact(&trait_ref.path))),
        false => None,
    };
    let mut mirrors = Vec::new();
    for (path, mirror) in MIRRORS {
        let named = match &relative {
            Some(relative) => format!("::{path}").ends_with(relative.as_str()),
            None => bare && path.rsplit("::").next() == Some(name),
        };
        if named {
            mirrors.push(format!("`lazy_core::remote::{mirror}` (of `std::{path}`)"));
        }
    }
    if mirrors.is_empty() {
        return (
            format!(
                "`{written}` is not a `#[forwardable]` trait, so the derive cannot see its methods"
            ),
            "not a `#[forwardable]` trait".to_string(),
            format!(
                "add `#[forwardable]` to the definition of `{name}`, or, where it is written but not found, import it (`use lazy_core::forwardable;`); for a trait of another crate, write a signature-only mirror with `#[forwardable(remote = path::to::{name})]` and name the mirror here (as `lazy_core::remote` does for std's traits)"
            ),
            false,
        );
    }
    let list = crate::tokens::join(mirrors.iter().map(String::as_str), " or ");
    (
        format!(
            "`{written}` is not a `#[forwardable]` trait: std's `{name}` is forwarded through its mirror, {list}"
        ),
        "name the mirror here".to_string(),
        format!(
            "a mirror lists a std trait's methods for the derive; for a trait of yours named `{name}`, add `#[forwardable]` to its definition"
        ),
        bare,
    )
}
