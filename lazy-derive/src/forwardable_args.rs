//! The arguments of `#[forwardable(...)]`: read, and after a mistake, what
//! they were meant to ask, so that the trait still gets a macro and each
//! derive of it no second error (a missing macro).

use proc_macro2::{Span, TokenStream};
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream, Parser};
use syn::{Error, Ident, Path, Result, Token};

/// The arguments of `#[forwardable(...)]`.
pub struct Args {
    /// `remote = ::std::io::Read`: the item is a mirror of that trait.
    pub remote: Option<Path>,
    /// `blanket`: the forwarders are written once, here, as a blanket impl
    /// (see [`crate::trait_def`]'s `blanket_impl`).
    pub blanket: Option<Span>,
}

impl Parse for Args {
    fn parse(input: ParseStream) -> Result<Self> {
        if input.is_empty() {
            return Ok(Args {
                remote: None,
                blanket: None,
            });
        }
        let key = input.call(Ident::parse_any)?;
        if key == "blanket" {
            // A trailing comma is fine.
            if input.peek(Token![,]) && input.peek2(syn::parse::End) {
                input.parse::<Token![,]>()?;
            }
            // `blanket, remote = ..`: `blanket` is the mistake, as in
            // `remote = .., blanket`.
            if input.peek(Token![,]) && input.peek2(Ident::peek_any) {
                let fork = input.fork();
                fork.parse::<Token![,]>()?;
                if fork.call(Ident::parse_any)? == "remote" {
                    return Err(Error::new(
                        key.span(),
                        "a mirror, `remote = ..`, cannot be `blanket`: its trait is another crate's; drop `blanket`",
                    ));
                }
            }
            if !input.is_empty() {
                let rest: TokenStream = input.parse()?;
                return Err(Error::new_spanned(
                    rest,
                    "`blanket` takes no value and goes alone: `#[forwardable(blanket)]` (a mirror, `remote = ..`, cannot be blanket: its trait is another crate's)",
                ));
            }
            return Ok(Args {
                remote: None,
                blanket: Some(key.span()),
            });
        }
        if key != "remote" {
            // `Blanket`, `blankt`, `remot = ..`: the name meant, too.
            let written = key.to_string().to_lowercase();
            let hint = if crate::errors::edit_distance(&written, "blanket") <= 2 {
                "did you mean `blanket`? "
            } else if crate::errors::edit_distance(&written, "remote") <= 2 {
                "did you mean `remote`? "
            } else {
                ""
            };
            return Err(Error::new(
                key.span(),
                format!(
                    "unknown argument `{key}`: {hint}`#[forwardable]` takes nothing, `blanket`, or `remote = path::to::Trait` on a mirror of a trait of another crate"
                ),
            ));
        }
        // Spanned at what is there, not at the end of the arguments (which
        // rustc would show as the whole attribute).
        let missing_path = |span| {
            Error::new(
                span,
                "`remote` takes the path of the trait this item mirrors: `#[forwardable(remote = ::std::io::Read)]`",
            )
        };
        let eq = match input.parse::<Token![=]>() {
            Ok(eq) => eq,
            Err(_) => return Err(missing_path(key.span())),
        };
        if input.is_empty() {
            return Err(missing_path(eq.span));
        }
        // A string, a qualified path, ..: what is there is no path.
        if input.peek(syn::LitStr) {
            let text: syn::LitStr = input.parse()?;
            return Err(Error::new(
                text.span(),
                format!(
                    "`remote` takes a path, not a string: `#[forwardable(remote = {})]`",
                    text.value()
                ),
            ));
        }
        if !(input.peek(Token![::]) || input.peek(Ident::peek_any)) {
            return Err(missing_path(input.span()));
        }
        let remote: Path = input.parse()?;
        // A trailing comma is fine, as after `blanket`.
        if input.peek(Token![,]) && input.peek2(syn::parse::End) {
            input.parse::<Token![,]>()?;
        }
        if !input.is_empty() {
            let rest: TokenStream = input.parse()?;
            return Err(Error::new_spanned(
                rest,
                "unexpected tokens after the remote trait path: `#[forwardable]` takes only `remote = path::to::Trait`",
            ));
        }
        Ok(Args {
            remote: Some(remote),
            blanket: None,
        })
    }
}

/// The arguments as `#[forwardable]` goes on with them, the error to report
/// in them, and whether the trait gets a macro that writes nothing (a mirror
/// of nothing it can forward).
pub struct Read {
    pub args: Args,
    pub error: Option<Error>,
    pub silent: bool,
}

/// [`Read`] of the arguments `tokens`, which `parsed` read, on the trait
/// `name`.
pub fn read(parsed: Result<Args>, tokens: TokenStream, name: &Ident) -> Read {
    let plain = || Args {
        remote: None,
        blanket: None,
    };
    let (args, error, silent) = match parsed {
        Ok(args) => (args, None, false),
        Err(err) => match meant(tokens) {
            Meant::Args(args) => (args, Some(err), false),
            Meant::Silent => (plain(), Some(err), true),
        },
    };
    let Some(remote) = &args.remote else {
        return Read {
            args,
            error,
            silent,
        };
    };
    // Empty where the path has no segment (not one that reads).
    let first = match remote.segments.first() {
        Some(segment) => segment.ident.to_string(),
        None => String::new(),
    };
    let last = match remote.segments.last() {
        Some(segment) => segment.ident.to_string(),
        None => String::new(),
    };
    // `Drop` cannot be forwarded: rustc calls `drop` itself, and forbids
    // calling it (E0040), which every forwarder would.
    if (first == "core" || first == "std") && last == "Drop" {
        let error = Error::new_spanned(
            remote,
            "`Drop` cannot be forwarded: rustc runs a value's `drop` itself, and a wrapper's lazy drops the value it built when the wrapper is dropped; remove this mirror",
        );
        return Read {
            args: plain(),
            error: Some(error),
            silent: true,
        };
    }
    // `self::Name`, the mirror's own name in its own module: the trait is
    // this one, to be written as a plain `#[forwardable]` one. (A path from
    // `crate` may name another trait of that name, as a mirror of this
    // crate's own trait does in tests.)
    if remote.segments.len() == 2
        && remote.leading_colon.is_none()
        && first == "self"
        && name == last.as_str()
    {
        let error = Error::new_spanned(
            remote,
            format!(
                "`remote = self::{name}` names this item itself; `remote` names the trait of another crate that this item mirrors: for `{name}` itself, write `#[forwardable]` without `remote`"
            ),
        );
        return Read {
            args: plain(),
            error: Some(error),
            silent: false,
        };
    }
    Read {
        args,
        error,
        silent,
    }
}

/// The error of a `remote` path whose module names take arguments
/// (`remote = ops<Output = u8>::Sub`), which only a trait's own name can
/// (each derive was rustc's E0229 or E0109); they are then dropped from
/// `args`, one error for them all, at the first.
pub fn arguments_before_last(args: &mut Args) -> Option<Error> {
    let remote = args.remote.as_mut()?;
    let before_last = remote.segments.len().checked_sub(1)?;
    let mut error: Option<Error> = None;
    for segment in remote.segments.iter_mut().take(before_last) {
        if segment.arguments.is_none() {
            continue;
        }
        if error.is_none() {
            error = Some(Error::new_spanned(
                &segment.arguments,
                format!(
                    "`remote` is a trait's path, and `{}` before its last name takes no arguments: drop them (the trait's own arguments go after its name, `remote = path::to::Trait<..>`)",
                    segment.ident
                ),
            ));
        }
        segment.arguments = syn::PathArguments::None;
    }
    error
}

/// The error of a `remote` path that binds an associated type or const
/// (`remote = ::core::ops::Add<u8, Output = u8>`), which a trait's path in
/// an impl cannot (each derive was E0229); the bindings are then dropped
/// from `args`. The mirror's `type Output;` is forwarded from the target's.
/// A mirror that declares parameters gets [`arguments_twice`]'s error, which
/// drops every argument.
pub fn bindings_in_remote(args: &mut Args, mirror: &crate::syntax::ItemTrait) -> Option<Error> {
    if !mirror.generics.params.is_empty() {
        return None;
    }
    let remote = args.remote.as_mut()?;
    let last = remote.segments.last_mut()?;
    let syn::PathArguments::AngleBracketed(arguments) = &mut last.arguments else {
        return None;
    };
    let bound = |arg: &syn::GenericArgument| {
        matches!(
            arg,
            syn::GenericArgument::AssocType(_)
                | syn::GenericArgument::AssocConst(_)
                | syn::GenericArgument::Constraint(_)
        )
    };
    let mut first = None;
    for arg in crate::punct::values(&arguments.args) {
        if bound(arg) {
            first = Some(arg);
            break;
        }
    }
    let first = first?;
    let item = match first {
        syn::GenericArgument::AssocType(binding) => format!("type {};", binding.ident),
        syn::GenericArgument::AssocConst(binding) => format!("const {}: ..;", binding.ident),
        syn::GenericArgument::Constraint(constraint) => format!("type {};", constraint.ident),
        _ => String::new(),
    };
    let error = Error::new_spanned(
        first,
        format!(
            "`remote` names the trait, or one instance of it by its parameters, not its associated items: drop this binding; the mirror declares `{item}`, which each impl forwards from the target's"
        ),
    );
    let mut kept: syn::punctuated::Punctuated<syn::GenericArgument, Token![,]> =
        syn::punctuated::Punctuated::new();
    for arg in std::mem::take(&mut arguments.args) {
        if !bound(&arg) {
            kept.push(arg);
        }
    }
    if kept.is_empty() {
        last.arguments = syn::PathArguments::None;
    } else {
        arguments.args = kept;
    }
    Some(error)
}

/// The error of a mirror that declares the trait's parameters
/// (`trait Add<Rhs = Self>`) and whose `remote` path gives them arguments
/// too (`remote = ::core::ops::Add<u8>`), whose derives would write both;
/// the arguments are then dropped from `args`. A mirror without parameters
/// may name one instance of a generic trait (`remote = a::Get<u8>`).
pub fn arguments_twice(args: &mut Args, mirror: &crate::syntax::ItemTrait) -> Option<Error> {
    let remote = args.remote.as_mut()?;
    if mirror.generics.params.is_empty() {
        return None;
    }
    let last = remote.segments.last_mut()?;
    if last.arguments.is_none() {
        return None;
    }
    let name = &mirror.ident;
    let error = Error::new_spanned(
        &last.arguments,
        format!(
            "the mirror declares the trait's parameters (`trait {name}<..>`), so `remote` names the trait without arguments (`remote = path::to::{}`), and each derive gives them (`#[realize_forward({name}<..>)]`); for a mirror of one instance (`remote = path::to::Trait<u8>`), declare no parameters",
            last.ident
        ),
    );
    last.arguments = syn::PathArguments::None;
    Some(error)
}

/// What arguments with a mistake in them were meant to ask, so that the
/// trait still gets its macro and each derive of it no second error (a
/// missing macro).
enum Meant {
    /// A `remote` whose path reads, wherever it is among the arguments, is
    /// that mirror; any other mistake
    /// (`Blanket`, `blanket = true`, `blanket, blanket`) leaves a trait whose
    /// forwarding is the same either way.
    Args(Args),
    /// A `remote` without a readable path (`remote = "::std::fmt::Display"`,
    /// `remote(..)`): a mirror of nothing known, whose macro writes nothing.
    Silent,
}

fn meant(args: TokenStream) -> Meant {
    let mut remote_key = false;
    let parser = |input: ParseStream| {
        // `remote` wherever it is (`blanket, remote = ..`): a mirror either
        // way, of a trait that a plain one would not implement.
        while !input.is_empty() {
            if !input.peek(Ident::peek_any) {
                input.parse::<proc_macro2::TokenTree>()?;
                continue;
            }
            let key = input.call(Ident::parse_any)?;
            if key != "remote" {
                continue;
            }
            remote_key = true;
            input.parse::<Token![=]>()?;
            let remote = input.parse::<Path>()?;
            // What follows the path is the mistake already reported.
            input.parse::<TokenStream>()?;
            return Ok(Some(remote));
        }
        Ok(None)
    };
    match parser.parse2(args) {
        Ok(remote) => Meant::Args(Args {
            remote,
            blanket: None,
        }),
        Err(_) if remote_key => Meant::Silent,
        Err(_) => Meant::Args(Args {
            remote: None,
            blanket: None,
        }),
    }
}
