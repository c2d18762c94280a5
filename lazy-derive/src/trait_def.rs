//! `#[forwardable]`: re-emits the trait unchanged and, beside it, a hidden
//! `macro_rules!` that carries the trait's items to `#[derive(RealizeForward)]`.

use crate::syntax::{ItemTrait, TraitItem, TraitItemFn};
use proc_macro2::{Delimiter, Literal, Span, TokenStream, TokenTree};
use quote::{ToTokens, format_ident};
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{Attribute, Error, Ident, Meta, Path, Result, Token, Visibility};

use crate::def_site::{self, DefSiteTypes};
use crate::errors::Errors;
use crate::method::{ForwardPlan, Method};
use crate::scan::{MethodParam, add_method_param};
use crate::template;
use crate::{cfg_params, expand, forwardable_args, generics, input, mirrors, scan, tokens};

/// Expands `#[forwardable(args)] trait ...`. On error, the trait is still
/// emitted unchanged beside the errors, so that its users do not see a second
/// error about a missing trait.
pub fn forwardable(args: TokenStream, input: TokenStream) -> TokenStream {
    // Written twice: the later one writes the macro, this one the error.
    if let Some(again) = forwardable_again(&input) {
        let error = crate::errors::compile_error(Error::new(
            again,
            "`#[forwardable]` is written twice on this trait: remove one of them",
        ));
        return tokens::concat(vec![error, input]);
    }
    // `const trait` (std's source writes `pub const trait Add`, copied into
    // a mirror): one error at `const`, and the trait read without it, so
    // that its derives forward its methods as ordinary ones.
    if let Some((at, input)) = without_const(&input) {
        let error = crate::errors::compile_error(Error::new(
            at,
            "a `const trait` is not forwarded as one: remove `const` (and `[const]` from its bounds); its methods are then forwarded as ordinary ones",
        ));
        let mut out = forwardable(args, input);
        out.extend(error);
        return out;
    }
    // Most traits are read without syn (see `scan`); what that does not
    // fully understand takes the syn path, which writes the same tokens.
    let blanket = blanket_arg(&args);
    if args.is_empty() || blanket.is_some() {
        let paths = match (blanket, trait_name(&input)) {
            (None, _) => Some(fast_names()),
            (Some(_), Some((name, supertraits))) => Some(blanket_names(&name, supertraits)),
            (Some(_), None) => None,
        };
        if let Some((target_as_trait, call_prefix)) = paths
            && let Some(scanned) =
                scan::scan(&input, &target_as_trait, &call_prefix, blanket.is_some())
            && (blanket.is_none()
                || (scanned.fast && !tokens::is_named(&scanned.ident, &scanned.method_params)))
        {
            return from_scan(input, scanned, blanket);
        }
    }
    forwardable_syn(args, input)
}

/// The span of another `#[forwardable]` (by any path that ends in that
/// name) among the item's outer attributes, which the compiler leaves on the
/// item for later.
fn forwardable_again(input: &TokenStream) -> Option<Span> {
    let mut trees = input.clone().into_iter();
    while let (Some(TokenTree::Punct(pound)), Some(TokenTree::Group(attr))) =
        (trees.next(), trees.next())
    {
        if pound.as_char() != '#' || attr.delimiter() != Delimiter::Bracket {
            return None;
        }
        let mut last = None;
        for tree in attr.stream() {
            match tree {
                TokenTree::Ident(word) => last = Some(word),
                TokenTree::Punct(colon) if colon.as_char() == ':' => {}
                _ => break,
            }
        }
        if matches!(&last, Some(word) if word == "forwardable") {
            return Some(attr.span());
        }
    }
    None
}

/// The span of `const` in `const trait` (or `const unsafe trait`, as std
/// writes an unsafe one) among the item's top-level tokens, and the item
/// without it.
fn without_const(input: &TokenStream) -> Option<(Span, TokenStream)> {
    let trees: Vec<TokenTree> = input.clone().into_iter().collect();
    let word = |at: usize| match &trees[at] {
        TokenTree::Ident(word) => Some(word.to_string()),
        _ => None,
    };
    let mut trait_at = None;
    for at in 0..trees.len() {
        if word(at).as_deref() == Some("trait") {
            trait_at = Some(at);
            break;
        }
    }
    // The words before `trait` that qualify it: `const`, `unsafe`, `auto`.
    let mut at = trait_at?;
    loop {
        at = at.checked_sub(1)?;
        match word(at).as_deref() {
            Some("const") => break,
            Some("unsafe" | "auto") => {}
            _ => return None,
        }
    }
    let span = trees[at].span();
    let mut out = trees;
    out.remove(at);
    Some((span, TokenStream::from_iter(out)))
}

/// The span of `blanket` when the arguments are that one word (and maybe a
/// trailing comma).
fn blanket_arg(args: &TokenStream) -> Option<Span> {
    let mut trees = args.clone().into_iter();
    let word = match trees.next() {
        Some(TokenTree::Ident(word)) if word == "blanket" => word,
        _ => return None,
    };
    match (trees.next(), trees.next()) {
        (None, _) => Some(word.span()),
        (Some(TokenTree::Punct(comma)), None) if comma.as_char() == ',' => Some(word.span()),
        _ => None,
    }
}

/// The trait's name: the word after `trait` among the item's top-level
/// tokens.
fn trait_name(input: &TokenStream) -> Option<(Ident, bool)> {
    let mut trees = input.clone().into_iter();
    let mut after_trait = false;
    while let Some(tree) = trees.next() {
        if let TokenTree::Ident(word) = tree {
            if after_trait {
                let supertraits =
                    matches!(trees.next(), Some(TokenTree::Punct(colon)) if colon.as_char() == ':');
                return Some((word, supertraits));
            }
            after_trait = word == "trait";
        }
    }
    None
}

/// `#[forwardable]` by syn: what [`forwardable`] does for every trait that
/// `scan` leaves alone.
pub(crate) fn forwardable_syn(args: TokenStream, input: TokenStream) -> TokenStream {
    match expand(args, input.clone()) {
        Ok(tokens) => tokens,
        Err(err) => {
            // Joined by `tokens::concat`, as the crate joins streams (an
            // `Option`'s `extend` would be a copy of proc-macro2's code).
            let error = crate::errors::compile_error(err);
            match silent_for_unread(&input) {
                Some(silent) => tokens::concat(vec![input, error, silent]),
                None => tokens::concat(vec![input, error]),
            }
        }
    }
}

/// Beside the error of a trait that `#[forwardable]` could not read (the
/// carried copy's forms, see `syntax`): a macro of the trait's name that
/// writes nothing for its derives, so that each of them adds no error of
/// its own ("`Tracker` is not a `#[forwardable]` trait"). `None` where the
/// input is no trait (the error says where the attribute goes).
fn silent_for_unread(input: &TokenStream) -> Option<TokenStream> {
    struct Head {
        attrs: Vec<Attribute>,
        vis: Visibility,
    }
    impl syn::parse::Parse for Head {
        fn parse(input: syn::parse::ParseStream) -> Result<Self> {
            let attrs = input.call(Attribute::parse_outer)?;
            let vis = input.parse()?;
            input.parse::<TokenStream>()?;
            Ok(Head { attrs, vis })
        }
    }
    let (ident, _) = trait_name(input)?;
    let head: Head = syn::parse2(input.clone()).ok()?;
    let export = macro_export(matches!(head.vis, Visibility::Public(_)));
    let macro_name = format_ident!(
        "__lazy_forwardable_{}_{:016x}",
        ident.unraw(),
        scan::unique_suffix(&ident, &[]),
        span = Span::call_site(),
    );
    let trait_cfgs = template::joined(&attrs_named(&head.attrs, "cfg"), "").to_token_stream();
    let use_attrs = template::tokens("#[doc(hidden)]", &[]);
    Some(mirrors::silent_macro(
        &trait_cfgs,
        &export,
        &macro_name,
        (&use_attrs, &head.vis, &ident),
    ))
}

/// The trait's name in `impl<..> path::Trait<..> for Type`, for an
/// attribute written on the impl instead of the trait.
fn impl_of_trait(input: &TokenStream) -> Option<String> {
    let mut trees = input.clone().into_iter();
    loop {
        if matches!(trees.next()?, TokenTree::Ident(word) if word == "impl") {
            break;
        }
    }
    let mut depth = 0usize;
    let mut name = None;
    for tree in trees {
        match tree {
            TokenTree::Punct(p) if p.as_char() == '<' => depth += 1,
            TokenTree::Punct(p) if p.as_char() == '>' => depth = depth.checked_sub(1)?,
            TokenTree::Ident(word) if depth == 0 && word == "for" => return name,
            TokenTree::Ident(word) if depth == 0 => name = Some(word.to_string()),
            TokenTree::Group(_) => return None,
            _ => {}
        }
    }
    None
}

fn expand(args: TokenStream, input: TokenStream) -> Result<TokenStream> {
    // A mistake in the arguments and one in the trait are reported together.
    let parsed = syn::parse2::<forwardable_args::Args>(args.clone());
    // On a trait that rustc has read, a failure is a form the carried copy
    // does not take (see `syntax`), and its own message says which.
    let is_trait = trait_name(&input).is_some();
    let checked = match syn::parse2::<ItemTrait>(input.clone()) {
        Ok(item) => carried_trait(item),
        Err(err) if is_trait => Err(err),
        Err(err) => Err(match impl_of_trait(&input) {
            Some(name) => Error::new(
                err.span(),
                format!(
                    "`#[forwardable]` goes on the trait's definition (`trait {name}`), not on an impl of it: move it there (impls need nothing); for a trait of another crate (std's too), write a mirror, `#[forwardable(remote = path::to::{name})] trait {name} {{ .. }}` with its signatures, and name the mirror in `realize_forward(...)`"
                ),
            ),
            None => Error::new(err.span(), "`#[forwardable]` goes on a trait definition"),
        }),
    };
    let (parsed, (item, carried)) = match (parsed, checked) {
        (parsed, Ok(checked)) => (parsed, checked),
        (Ok(_), Err(err)) => return Err(err),
        (Err(mut err), Err(more)) => {
            err.combine(more);
            return Err(err);
        }
    };
    let forwardable_args::Read {
        mut args,
        error: mut args_error,
        silent,
    } = forwardable_args::read(parsed, args, &item.ident);
    let before_last = forwardable_args::arguments_before_last(&mut args);
    let bindings = forwardable_args::bindings_in_remote(&mut args, &carried);
    let twice = forwardable_args::arguments_twice(&mut args, &carried);
    for more in [before_last, bindings, twice] {
        match (&mut args_error, more) {
            (Some(error), Some(more)) => error.combine(more),
            (None, more) => args_error = more,
            (Some(_), None) => {}
        }
    }
    let args_error = match args_error {
        Some(err) => Some(crate::errors::compile_error(err)),
        None => None,
    };
    let (mut carried, cfg_errors) = match &args.remote {
        Some(remote) => mirror_of(carried, remote)?,
        None => (carried, Errors::default()),
    };
    let cfg_errors = cfg_errors.into_compile_errors();
    let trait_name = item.ident.unraw();
    let mut names = Vec::with_capacity(carried.items.len());
    for trait_item in &carried.items {
        match trait_item {
            TraitItem::Fn(item) => names.push(item.sig.ident.clone()),
            TraitItem::Const(item) => names.push(item.ident.clone()),
            TraitItem::Type(item) => names.push(item.ident.clone()),
            _ => {}
        }
    }
    let suffix = scan::unique_suffix(&item.ident, &names);
    let macro_name = format_ident!(
        "__lazy_forwardable_{}_{:016x}",
        trait_name,
        suffix,
        span = Span::call_site(),
    );
    // A blanket impl is written beside the trait, where its signatures'
    // types resolve as written: its forwarders declare them so (see
    // `scan::Words::plain`), not carried.
    let as_written = match args.blanket {
        Some(_) => Some(copy_trait(&carried)?),
        None => None,
    };
    // A method's parameter of the trait's name (`fn pick<Failure>`) would
    // capture a fast forwarder's call `Failure::pick(..)`: such a trait has
    // no fast rule, and the chain renames the parameter.
    let own_param = declares_own_name(&carried, &item.ident);
    // Whether the signatures name the trait itself (`names_itself`), read
    // where the trait declares no parameter of its name, before any of
    // their types is carried (as `scan` reads it).
    let names_itself = args.remote.is_none()
        && !own_param
        && tokens::names_itself(&carried.to_token_stream(), &item.ident);
    // The signatures' types, resolved here (see `def_site`). A mirror's
    // impls are of the remote trait, which cannot get a supertrait; an
    // `unsafe trait` is not forwarded at all.
    let def_site = match &args.remote {
        None if carried.unsafety.is_none() => def_site::carry(
            &mut carried,
            def_site::Original {
                vis: &item.vis,
                ident: &item.ident,
                attrs: &item.attrs,
                item_attrs: &item.item_attrs,
            },
            suffix,
        ),
        _ => None,
    };
    let ident = &item.ident;
    let vis = &item.vis;
    // A `#[cfg]` on the trait (after `#[forwardable]`) gates its macro (and
    // hidden supertrait) too.
    let trait_cfgs = attrs_named(&item.attrs, "cfg");

    let (trait_item, remote, use_attrs) = match &args.remote {
        // A mirror describes the real trait: only the macro is emitted, and its
        // re-export carries the mirror's docs.
        Some(remote) => {
            let docs = attrs_named(&item.attrs, "doc");
            // `crate::` as `$crate::` in the macro's body: the mirror's crate
            // wherever the derive is (clippy's `crate_in_macro_def` says so of
            // an exported macro that keeps `crate`).
            let carried = tokens::crate_to_dollar_crate(remote.to_token_stream());
            (
                remote_check(&trait_cfgs, &attrs_named(&item.attrs, "allow"), remote),
                template::tokens("remote { #0 }", &[&carried]),
                template::tokens("#0 #[doc(inline)]", &[&template::joined(&docs, "")]),
            )
        }
        // The trait itself, as the user wrote it: its tokens are passed on,
        // not printed again from the parsed item, unless it gets the hidden
        // supertrait.
        None => {
            let trait_item = match &def_site {
                None => input,
                Some(def_site) => {
                    let DefSiteTypes {
                        supertrait,
                        hidden_trait,
                        hidden_impl,
                    } = def_site;
                    let item = with_supertrait(input, supertrait);
                    let cfgs = template::joined(&trait_cfgs, "");
                    template::tokens(
                        "#0 #1 #2 #1 #3",
                        &[&item, &cfgs, &hidden_trait, &hidden_impl],
                    )
                }
            };
            (
                trait_item,
                TokenStream::new(),
                template::tokens("#[doc(hidden)]", &[]),
            )
        }
    };

    // Only a `pub` trait needs its macro exported (other crates may derive
    // with it). Any narrower visibility re-exports a local macro, which keeps
    // the crate root clean and works in function bodies too.
    let export = macro_export(matches!(vis, Visibility::Public(_)));

    // A mirror of no readable path, or of `Drop` (`silent`), and a mirror of
    // a std trait that lacks a required item: one error, the arguments' or
    // the mirror's, and a macro that writes nothing for its derives.
    let lacking = match &args.remote {
        Some(remote) => mirrors::lacks_required(remote, &carried),
        None => None,
    };
    if silent || lacking.is_some() {
        let trait_cfgs = template::joined(&trait_cfgs, "").to_token_stream();
        let error = match lacking {
            Some(err) => Some(crate::errors::compile_error(err)),
            None => None,
        };
        let silent =
            mirrors::silent_macro(&trait_cfgs, &export, &macro_name, (&use_attrs, vis, ident));
        return Ok(template::tokens(
            "#0 #1 #2 #3",
            &[&args_error, &error, &cfg_errors, &silent],
        ));
    }
    // A trait that `blanket` cannot take is one error at `blanket` (or at
    // the method that needs an impl per wrapper), and is then written as
    // without it, so that its derives do not add errors of their own (a
    // missing macro).
    let mut blanket = args.blanket;
    let mut blanket_error = None;
    if let Some(span) = blanket
        && let Err(err) = blanket_allowed(&carried, span)
    {
        blanket_error = Some(err);
        blanket = None;
    }
    let variants = cfg_variants(carried)?;
    let mut blanket_templates = Vec::new();
    if let (Some(span), Some(as_written)) = (blanket, as_written) {
        for (_, mut variant) in cfg_variants(as_written)? {
            // A method's parameter of the trait's name would capture the
            // blanket forwarder's call `Failure::pick(..)`: renamed
            // (`fn pick<__Failure>`), as the chain renames it.
            if own_param {
                let mut taken = tokens::Names::default();
                taken.insert(ident.to_string());
                let mut items = Vec::with_capacity(variant.items.len());
                for item in std::mem::take(&mut variant.items) {
                    items.push(generics::rename_item_params(item, &taken)?);
                }
                variant.items = items;
            }
            // The carried trait has no supertraits: the item's say.
            let (target, call_prefix) = blanket_names(ident, !item.supertraits.is_empty());
            // The template takes the variant; its error reads it again.
            let again = copy_trait(&variant)?;
            match expand::template(variant, target, call_prefix, false) {
                Some(template) => blanket_templates.push(template),
                None => {
                    blanket_error = Some(blanket_needs_template(
                        again,
                        !item.supertraits.is_empty(),
                        span,
                    ));
                    blanket = None;
                    break;
                }
            }
        }
    }
    let blanket_error = match blanket_error {
        Some(err) => Some(crate::errors::compile_error(err)),
        None => None,
    };
    let blanket_key = match blanket {
        Some(_) => Some(blanket_key(&item.ident, &names)),
        None => None,
    };
    let mut blanket_templates = blanket_templates.into_iter();
    let supertraits = &item.supertraits;
    let mut blanket_impls = Vec::new();
    let mut definitions = Vec::new();
    for (gate, variant) in variants {
        // `crate::` in a signature means the trait's crate, wherever the
        // derive is written: it becomes `$crate::` in the macro's body, which
        // cannot carry a `$` of its own; `gen` (an identifier in 2021) is
        // carried raw, as the body is read in lazy-derive's edition.
        let (carried, rewrote) = match tokens::for_macro_body(variant.to_token_stream()) {
            Ok(carried) => carried,
            Err(span) => {
                return Err(Error::new(
                    span,
                    "`#[forwardable]` cannot carry a `$` in a trait signature; move the macro call into a type alias",
                ));
            }
        };
        // A mirror's impls name the remote trait at the user's path (see
        // `expand::trait_impl`), which only the derive's chain can write.
        let trait_cfgs = template::joined(&trait_cfgs, "").to_token_stream();
        let fast = match (&args.remote, blanket.zip(blanket_key.as_ref())) {
            (None, None) if own_param => None,
            (None, None) => {
                let (target, call_prefix) = fast_names();
                let params = method_params(&variant);
                match expand::template(variant, target, call_prefix, true) {
                    Some(template) => {
                        let needs = (template.needs_mut, template.needs_into, template.sized_at);
                        let own = names_itself.then_some(ident);
                        Some(fast_rule(
                            template.into_tokens(),
                            own,
                            needs,
                            rewrote,
                            params.as_deref(),
                        ))
                    }
                    None => None,
                }
            }
            (None, Some((span, key))) => match blanket_templates.next() {
                Some(template) => {
                    let needs = (template.needs_mut, template.needs_into, template.sized_at);
                    let written =
                        blanket_impl(ident, supertraits, template.into_tokens(), needs, key, span);
                    blanket_impls.push(template::tokens(
                        "#0 #1 #2",
                        &[&trait_cfgs, &gate, &written],
                    ));
                    Some(blanket_rule(needs, key, !item.supertraits.is_empty()))
                }
                None => None,
            },
            (Some(_), _) => None,
        };
        // A mirror's path, or the mark of a trait naming itself (never
        // both: a mirror's own name is the remote path already).
        let after = match names_itself {
            true => own_marker(true),
            false => remote.clone(),
        };
        definitions.push(hidden_macro(
            &trait_cfgs,
            gate,
            &export,
            &macro_name,
            fast,
            carried,
            &after,
        ));
    }

    Ok(template::tokens(
        "#0 #1 #2 #3 #4 #5 #6 #7 #8 use #9 as #10;",
        &[
            &args_error,
            &cfg_errors,
            &blanket_error,
            &trait_item,
            &template::joined(&blanket_impls, ""),
            &template::joined(&definitions, ""),
            &template::joined(&trait_cfgs, ""),
            &use_attrs,
            &vis,
            &macro_name,
            &ident,
        ],
    ))
}

/// What [`expand()`] writes, for a trait that `scan` read: the trait as
/// written, the hidden macro and its re-export.
fn from_scan(input: TokenStream, scanned: scan::Scanned, blanket: Option<Span>) -> TokenStream {
    let scan::Scanned {
        vis,
        public,
        ident,
        suffix,
        def_site,
        carried,
        body,
        needs_mut,
        needs_into,
        sized_at,
        fast,
        supertraits,
        names,
        method_params,
        names_itself,
        ..
    } = scanned;
    // A parameter of the trait's name (`fn pick<Failure>`) is what that name
    // means in its method: such a trait is left as it is, without a fast
    // rule (as `expand` decides).
    let own_param = tokens::is_named(&ident, &method_params);
    let names_itself = names_itself && !own_param;
    let macro_name = format_ident!(
        "__lazy_forwardable_{}_{:016x}",
        ident,
        suffix,
        span = Span::call_site(),
    );
    let export = macro_export(public);
    let needs = (needs_mut, needs_into, sized_at);
    let (fast, blanket_impl) = match blanket {
        None => (
            match fast && !own_param {
                true => {
                    let own = names_itself.then_some(&ident);
                    Some(fast_rule(body, own, needs, false, Some(&method_params)))
                }
                false => None,
            },
            None,
        ),
        Some(span) => {
            let key = blanket_key(&ident, &names);
            let rule = blanket_rule(needs, &key, !supertraits.is_empty());
            let written = blanket_impl(&ident, &supertraits, body, needs, &key, span);
            (Some(rule), Some(written))
        }
    };
    let definition = hidden_macro(
        &TokenStream::new(),
        TokenStream::new(),
        &export,
        &macro_name,
        fast,
        carried,
        &own_marker(names_itself),
    );
    // As `expand` writes a trait with carried types.
    let trait_item = match def_site {
        None => input,
        Some(DefSiteTypes {
            supertrait,
            hidden_trait,
            hidden_impl,
        }) => {
            let item = with_supertrait(input, &supertrait);
            template::tokens(
                "#0
                #1
                #2",
                &[&item, &hidden_trait, &hidden_impl],
            )
        }
    };
    template::tokens(
        "#0
        #1
        #2
        #[doc(hidden)]
        #3 use #4 as #5;",
        &[
            &trait_item,
            &blanket_impl,
            &definition,
            &vis,
            &macro_name,
            &ident,
        ],
    )
}

/// Why `expand::template` wrote no forwarders for a blanket trait: at the
/// first method that it cannot write alone, saying why (else at `blanket`).
fn blanket_needs_template(mut variant: ItemTrait, supertraits: bool, blanket: Span) -> Error {
    let (target, call_prefix) = blanket_names(&variant.ident, supertraits);
    let trait_name = variant.ident.unraw().to_string();
    // The trait's head, and each method in it alone: copies (see
    // `copy_trait`), on this error's path only.
    let items = std::mem::take(&mut variant.items);
    for item in &items {
        // A const of the wrapper's type (`expand::write_items`).
        if let TraitItem::Const(constant) = item
            && constant.default.is_none()
            && tokens::mentions_bare_self(constant.ty.to_token_stream())
        {
            let name = &constant.ident;
            return Error::new(
                name.span(),
                format!(
                    "`#[forwardable(blanket)]` writes each forwarder once, for any wrapper, and `{name}` cannot be forwarded: a const of the wrapper's type would be built from its target at run time, not in a const; give `{name}` a default, or drop `blanket` and implement the trait by hand"
                ),
            );
        }
        let TraitItem::Fn(method) = item else {
            continue;
        };
        let (Ok(mut alone), Ok(copy), Ok(again)) = (
            copy_trait(&variant),
            syn::parse2::<TraitItemFn>(method.to_token_stream()),
            syn::parse2::<TraitItemFn>(method.to_token_stream()),
        ) else {
            continue;
        };
        alone.items.push(TraitItem::Fn(copy));
        if expand::template(alone, target.clone(), call_prefix.clone(), false).is_some() {
            continue;
        }
        let name = &method.sig.ident;
        let classified = Method::new(again, &trait_name, false);
        let give_default = format!("give `{name}` a default body, or drop `blanket`");
        let (why, fix) = match &classified.plan {
            ForwardPlan::Forward if classified.wrap.is_some() => (
                "it returns the wrapper (`Self`, `Option<Self>`, ..), which the derive builds back from the target's result".to_string(),
                give_default,
            ),
            ForwardPlan::Forward if classified.receiver.is_none() => (
                "it has no `self` receiver, and the derive calls the target's own by the target's type".to_string(),
                give_default,
            ),
            ForwardPlan::Forward if classified.needs_unpin() => (
                "it takes `self: Pin<&mut Self>`, which asks each wrapper and its target to be `Unpin`".to_string(),
                give_default,
            ),
            ForwardPlan::Unsupported { why, .. } => (why.clone(), give_default),
            _ => (
                format!(
                    "its parameters are under more than {} different `#[cfg]`s",
                    cfg_params::MAX_CFGS
                ),
                // The derive's impl cannot forward it either.
                "put the parameters that go together under one `#[cfg]`".to_string(),
            ),
        };
        return Error::new(
            name.span(),
            format!(
                "`#[forwardable(blanket)]` writes each forwarder once, for any wrapper, and `{name}` needs the derive's impl per wrapper: {why}; {fix}"
            ),
        );
    }
    Error::new(
        blanket,
        "`#[forwardable(blanket)]` writes each forwarder once, for any wrapper, and this trait needs an impl per wrapper; drop `blanket`",
    )
}

/// The traits `#[forwardable(blanket)]` takes: not a mirror (see `Args`),
/// not `unsafe` (never forwarded) and not deprecated, without generics or a
/// `where` clause, which the blanket impl would have to restate for every
/// wrapper.
fn blanket_allowed(item: &ItemTrait, span: Span) -> Result<()> {
    let why = if item.unsafety.is_some() {
        "an `unsafe trait` is never forwarded"
    } else if !item.generics.params.is_empty() {
        "a trait with generic parameters is forwarded by the derive's impl per wrapper, which puts in the arguments the wrapper names"
    } else if item.generics.where_clause.is_some() {
        "a trait with a `where` clause is forwarded by the derive's impl per wrapper"
    } else if input::has_attr(&item.attrs, "deprecated") {
        "a deprecated trait is forwarded by the derive's impl per wrapper, which rustc warns about where the derive is written"
    } else {
        return Ok(());
    };
    Err(Error::new(
        span,
        format!("`#[forwardable(blanket)]` cannot take this trait: {why}; drop `blanket`"),
    ))
}

/// The hidden `macro_rules!`: the fast rule, if any, then the chain's,
/// which passes `__forward_impl!` the carried trait and `after` it
/// `remote { path }` for a mirror, `own` for a trait that names itself
/// ([`own_marker`]), or nothing.
fn hidden_macro(
    trait_cfgs: &TokenStream,
    gate: TokenStream,
    export: &Option<TokenStream>,
    macro_name: &Ident,
    fast: Option<TokenStream>,
    carried: TokenStream,
    after: &TokenStream,
) -> TokenStream {
    template::tokens(
        "#0
        #1
        #[doc(hidden)]
        #2
        macro_rules! #3 {
            #4
            ($($input:tt)*) => {
                ::lazy_core::__private::__forward_impl! {
                    trait { #5 }
                    #6
                    derive { $($input)* }
                }
            };
        }",
        &[
            &trait_cfgs,
            &gate,
            &export,
            &macro_name,
            &fast,
            &carried,
            &after,
        ],
    )
}

/// What the hidden macro's last rule writes after the carried trait for
/// `__forward_impl!` when the trait's signatures name it (`own`: the chain
/// writes that name as the derive calls the trait, `chain::forward_impl`).
fn own_marker(names_itself: bool) -> TokenStream {
    match names_itself {
        true => template::tokens("own", &[]),
        false => TokenStream::new(),
    }
}

/// Whether the trait or one of its items declares a generic parameter named
/// like the trait (`fn pick<Failure>`), which is what the name means there:
/// the trait's own name is then not rewritten (`names_itself`).
fn declares_own_name(item: &ItemTrait, own: &Ident) -> bool {
    let own = own.unraw();
    let declares = |generics: &syn::Generics| {
        for param in crate::punct::values(&generics.params) {
            let named = match param {
                syn::GenericParam::Type(param) => param.ident.unraw() == own,
                syn::GenericParam::Const(param) => param.ident.unraw() == own,
                syn::GenericParam::Lifetime(_) => false,
            };
            if named {
                return true;
            }
        }
        false
    };
    if declares(&item.generics) {
        return true;
    }
    for item in &item.items {
        let declared = match item {
            TraitItem::Fn(method) => declares(&method.sig.generics),
            TraitItem::Type(ty) => declares(&ty.generics),
            _ => false,
        };
        if declared {
            return true;
        }
    }
    false
}

/// The attributes `#[name ..]` among `attrs`.
fn attrs_named<'a>(attrs: &'a [Attribute], name: &str) -> Vec<&'a Attribute> {
    let mut named = Vec::new();
    for attr in attrs {
        if attr.path().is_ident(name) {
            named.push(attr);
        }
    }
    named
}

/// The index of the last of `trees` that is a `{ .. }` group.
fn last_brace(trees: &[TokenTree]) -> Option<usize> {
    let mut at = trees.len();
    while at > 0 {
        at -= 1;
        if let TokenTree::Group(group) = &trees[at]
            && group.delimiter() == Delimiter::Brace
        {
            return Some(at);
        }
    }
    None
}

/// The trait's own tokens with `Self: Hidden,` first in its `where` clause
/// (started if it has none): to rustc, `where Self: A` on a trait is a
/// supertrait like `trait T: A`, and the trait is not printed again from the
/// parsed item. Its body is the last brace group, and `where` cannot occur
/// between `trait` and the body but as the clause's start.
fn with_supertrait(input: TokenStream, supertrait: &Ident) -> TokenStream {
    let mut trees: Vec<TokenTree> = input.into_iter().collect();
    let Some(body) = last_brace(&trees) else {
        return trees.into_iter().collect();
    };
    let is_word =
        |tree: &TokenTree, word: &str| matches!(tree, TokenTree::Ident(ident) if ident == word);
    let trait_at = tokens::position(&trees[..body], &|tree| is_word(tree, "trait")).unwrap_or(0);
    let bound = template::tokens("Self: #0,", &[&supertrait]);
    match tokens::position(&trees[trait_at..body], &|tree| is_word(tree, "where")) {
        Some(at) => {
            let at = trait_at + at + 1;
            trees.splice(at..at, bound);
        }
        None => {
            let clause = template::tokens("where #0", &[&bound]);
            trees.splice(body..body, clause);
        }
    }
    trees.into_iter().collect()
}

/// How the fast rule's template names the trait (`expand::template`'s
/// `target_as_trait` and `call_prefix`), from the rule's `target`, `path`
/// and `call` (see [`fast_rule`]): `<$__target as $($__path)*>` in
/// associated types and consts, and in forwarded calls `$__call`, one name
/// for the trait (`chain::fast_entry`: a bare name as the user wrote it, a
/// longer path by its alias), two tokens of the hidden macro's body in each
/// forwarder where `$($__path)*` is five (5 M fewer instructions of `cargo
/// check` for a trait of 1,000 methods, `run.sh`).
fn fast_names() -> (TokenStream, TokenStream) {
    (
        template::tokens("<$__target as $($__path)*>", &[]),
        template::tokens("$__call", &[]),
    )
}

/// What a trait's forwarders need of the wrapper: `RealizeMut`,
/// `RealizeInto`, and a sized target, at the first method that needs it
/// (`expand::ImplBody::sized_at`).
type Needs = (bool, bool, Option<Span>);

/// The hidden macro's fast rule: the whole impl, pre-written, for a link of
/// the derive's chain whose `fast` entry the derive filled in (see
/// `chain::fast_entry`). The derive then parses nothing of the trait: the
/// rule puts the wrapper's name, the trait's path as the user wrote it and
/// the bounds on realizing into the template, and calls the next link. A
/// link that does not match (an entry `{ slow }`, `deref = yes` where a
/// method takes `self` by value, or a generic entry's `lend = no` where one
/// takes `&mut self`) goes to the rule after it, the chain's
/// `__forward_impl!`, which reads the link as a slow one.
///
/// With `generic` (the names of the generic parameters that the trait's
/// items declare, `None` where a forwarder would need the wrapper's
/// parameters in its `use<..>`), the same rule also takes the `generic`
/// entry of a wrapper with parameters, once [`generic_rules`] found none of
/// its parameters named as one of the items' (the impl could not declare
/// both, E0403): the impl then declares the wrapper's parameters and its
/// `where` clause, and its bounds on realizing are the entry's.
fn fast_rule(
    body: TokenStream,
    own: Option<&Ident>,
    needs: Needs,
    rewrote: bool,
    generic: Option<&[MethodParam]>,
) -> TokenStream {
    let body = if rewrote {
        tokens::crate_to_dollar_crate(body)
    } else {
        body
    };
    // Where the signatures name the trait itself (`Option<&dyn Failure>`),
    // the one name the derive calls it by (`$__call`: as written, or the
    // alias of a longer path): the trait's name need not be in scope there
    // (`#[realize_forward(errs::Failure)]`), and an edition-2015 `dyn` is
    // not followed by a `::`. `own` is `None` where the trait does not name
    // itself (`names_itself`).
    let body = match own {
        Some(own) => tokens::own_name_replaced(body, own, &|_| template::tokens("$__call", &[])),
        None => body,
    };
    let Some(params) = generic else {
        let mut out = unmarked_to_chain(needs, false);
        out.extend(chain_rule(needs, &|bounds, sized| {
            template::tokens(
                "#[automatically_derived]
                impl $($__path)* for $__self
                where
                    #0
                    $__target: $($__path)*,
                    #1
                {
                    #2
                }",
                &[&bounds, &sized, &body],
            )
        }));
        return out;
    };
    // Where no item declares a parameter, no name can clash: the rule takes
    // the names as they come, with no rule to read them first.
    let names = match params {
        [] => template::tokens("$($__names:tt)*", &[]),
        _ => TokenStream::new(),
    };
    // Where the methods need `RealizeMut`, a field that cannot lend mutably
    // (`lend = no`, a shared reference) is the chain's: the entry matches no
    // rule before the last, whose `__forward_impl!` reports it at the field,
    // method by method.
    let lend = match needs.0 {
        true => template::tokens("yes", &[]),
        false => template::tokens("$__lend:ident", &[]),
    };
    let kind = template::tokens(
        "$(fast; $(callee = $__link:ident;)?)?
        $(
            generic;
            lend = #1;
            names = { #0 };
            callee = $__callee:ident;
            impl = { $($__impl:tt)* };
            where = { $($__where:tt)* };
        )?",
        &[&names, &lend],
    );
    let rule = chain_rule_for(kind, needs, &|bounds, sized| {
        template::tokens(
            "#[automatically_derived]
            impl $($($__impl)*)? $($__path)* for $__self
            where
                $($($__where)*)?
                #0
                $__target: $($__path)*,
                #1
            {
                #2
            }",
            &[&bounds, &sized, &body],
        )
    });
    // Before the fast rule, which would take the entry: what sends it to the
    // chain, then what reads its names.
    let mut out = unmarked_to_chain(needs, false);
    out.extend(generic_rules(needs, params));
    out.extend(rule);
    out
}

/// For a trait whose methods need a `Sized` target (a `self` or
/// `self: Box<Self>` method, `where Self: Sized`), and a blanket trait with
/// supertraits, a rule before the fast one that sends the entry of a struct
/// whose lazy is not marked (`chain::fast_entry` gives it its link's name,
/// `callee`) to the chain: for it, the fast rule's `Sized` bound (through
/// `Realize`, which such a struct may lack) and the blanket rule's check of
/// the supertraits would each report a forgotten mark once more, neither
/// at the field.
fn unmarked_to_chain(needs: Needs, has_supertraits: bool) -> TokenStream {
    if needs.2.is_none() && !has_supertraits {
        return TokenStream::new();
    }
    tokens::fixed(
        "(fast = [{ fast; callee = $__callee:ident; $($__entry:tt)* } $($__rest:tt)*]
            $($__state:tt)*) => {
            $__callee! { fast = [{ slow } $($__rest)*] $($__state)* }
        };",
    )
}

/// The generic parameters that `item`'s methods and associated types
/// declare (their `for<..>` binders' lifetimes too), each name once, in
/// order; `None` if a method's result has a `use<..>`, which in an impl of
/// a generic wrapper must list the wrapper's parameters (`captures`), which
/// the fast rule does not know.
fn method_params(item: &ItemTrait) -> Option<Vec<MethodParam>> {
    let mut params: Vec<MethodParam> = Vec::new();
    for item in &item.items {
        let generics = match item {
            TraitItem::Fn(item) => {
                if let syn::ReturnType::Type(_, ty) = &item.sig.output
                    && tokens::mentions(ty.to_token_stream(), &|ident| ident == "use")
                {
                    return None;
                }
                &item.sig.generics
            }
            TraitItem::Type(item) => &item.generics,
            // No parameters of its own, but maybe a binder in its type.
            TraitItem::Const(_) => &syn::Generics::default(),
            _ => continue,
        };
        for param in &generics.params {
            let name = match param {
                syn::GenericParam::Lifetime(param) => param.lifetime.to_string(),
                _ => generics::param_name(param),
            };
            add_method_param(&mut params, name);
        }
        // A `for<'a>` binder's lifetime is the item's own too: a wrapper's
        // `'a` goes to the chain, which renames the binder's (E0496).
        let mut binders = Vec::new();
        tokens::binder_lifetimes(item.to_token_stream(), &mut binders);
        for name in binders {
            add_method_param(&mut params, format!("'{name}"));
        }
    }
    Some(params)
}

/// The rules that read a `generic` entry before the fast rule, written as
/// one text that the compiler lexes in one call (`tokens::fixed`: lexed
/// here, token by token, they cost `#[forwardable]` 2.1 M instructions at
/// 100 methods). Each but the last calls the hidden macro again (as the
/// entry's `callee`) with the entry `{ slow }`, which the chain's
/// `__forward_impl!` writes:
/// - where an earlier link of the chain needs `RealizeMut` or `RealizeInto`
///   and this trait's methods do not: the chain's impl states what the
///   earlier ones need (a subtrait's impl must prove its supertrait's
///   bounds, see `expand::realizing_bounds`), which the fast rule cannot
///   know;
/// - where the wrapper's next parameter is named as one of `params`, the
///   parameters the trait's items declare: the chain renames the item's, as
///   `generics::rename_item_params` does (E0403).
///
/// The last reads past a name of the wrapper that clashes with none: at the
/// end of the names, the fast rule takes the entry, unless its `lend = no`
/// where the methods need `RealizeMut` (see [`fast_rule`]).
fn generic_rules(needs: Needs, params: &[MethodParam]) -> TokenStream {
    let (needs_mut, needs_into, _) = needs;
    let mut text = String::new();
    let any = "$__names:tt";
    if !needs_mut {
        to_chain_rule(&mut text, any, Some(["yes", "$__into"]));
    }
    if !needs_into {
        to_chain_rule(&mut text, any, Some(["$__mut", "yes"]));
    }
    if !params.is_empty() {
        for name in params {
            let names = format!("{{ {name} $($__names:tt)* }}");
            to_chain_rule(&mut text, &names, None);
        }
        text.push_str(
            "(fast = [{
                generic;
                lend = $__lend:ident;
                names = { $__name:tt $($__names:tt)* };
                callee = $__callee:ident;
                $($__entry:tt)*
            } $($__rest:tt)*] $($__state:tt)*) => {
                $__callee! {
                    fast = [{
                        generic;
                        lend = $__lend;
                        names = { $($__names)* };
                        callee = $__callee;
                        $($__entry)*
                    } $($__rest)*]
                    $($__state)*
                }
            };",
        );
    }
    tokens::fixed(&text)
}

/// A rule of [`generic_rules`] that sends a `generic` entry to the chain:
/// the entry's `names` as the matcher says (`{ T $($__names:tt)* }`, or
/// any, `$__names:tt`), and with `needs`, the chain's
/// needs (`yes`, or a metavariable without its fragment, `$__mut`); without,
/// whatever they are. The state after the entries goes on as it came.
fn to_chain_rule(text: &mut String, names: &str, needs: Option<[&str; 2]>) {
    let (matcher, written) = match needs {
        Some([needs_mut, needs_into]) => {
            let fragment = |need: &str| match need.starts_with('$') {
                true => format!("{need}:ident"),
                false => need.to_string(),
            };
            (
                format!(
                    "step = $__step:literal; needs = [{} {}];",
                    fragment(needs_mut),
                    fragment(needs_into)
                ),
                format!("step = $__step; needs = [{needs_mut} {needs_into}];"),
            )
        }
        None => (String::new(), String::new()),
    };
    text.push_str(&format!(
        "(fast = [{{
            generic; lend = $__lend:ident; names = {names}; callee = $__callee:ident; $($__entry:tt)*
        }} $($__rest:tt)*] {matcher} $($__state:tt)*) => {{
            $__callee! {{ fast = [{{ slow }} $($__rest)*] {written} $($__state)* }}
        }};"
    ));
}

/// A rule of the hidden macro that matches a link's `fast` entry, writes
/// `written(bounds, sized)` (the bounds on realizing that the trait's
/// methods need, and `+ Sized` when the target must be), and calls the next
/// link: the fast rule ([`fast_rule`]) and the blanket one
/// ([`blanket_rule`]).
fn chain_rule(
    needs: Needs,
    written: &dyn Fn(TokenStream, Option<TokenStream>) -> TokenStream,
) -> TokenStream {
    chain_rule_for(
        template::tokens("fast; $(callee = $__link:ident;)?", &[]),
        needs,
        written,
    )
}

/// [`chain_rule`] for the entries that start with `kind` (`fast;`, or
/// `generic; lend = ..; names = { .. }; callee = ..; impl = { .. }; where =
/// { .. };`, or either).
fn chain_rule_for(
    kind: TokenStream,
    needs: Needs,
    // Not generic: one compiled copy of this function for every caller.
    written: &dyn Fn(TokenStream, Option<TokenStream>) -> TokenStream,
) -> TokenStream {
    let (needs_mut, needs_into, needs_sized) = needs;
    let bounds = match (needs_mut, needs_into) {
        (false, false) => template::tokens("$($__b0)*", &[]),
        (true, false) => template::tokens("$($__b1)*", &[]),
        (false, true) => template::tokens("$($__b2)*", &[]),
        // Both: the two one after the other. Where the bodies check the
        // field (`expand::FieldImpl::checked_in_body`) each is the field's
        // `Realize` bound, then written twice: a fourth group with it once
        // cost each further derive 0.18 M instructions at N = 100.
        (true, true) => template::tokens("$($__b1)* $($__b2)*", &[]),
    };
    // A predicate of its own, at the first method that needs it: rustc's
    // error for an unsized target (`dyn Trait`) then points at that method.
    // The target as every fast entry that reaches this rule writes it
    // (`expand::target_trees`; an unmarked struct's goes to the chain,
    // `unmarked_to_chain`), with no token of the derive's, which would
    // stretch the span.
    let sized = match needs_sized {
        Some(at) => Some(template::spanned(
            tokens::in_macro_edition_at(at),
            "<Self as ::lazy_core::Realize>::Target: ::core::marker::Sized,",
            &[],
        )),
        None => None,
    };
    // By value is what `#[realize(deref)]` cannot give: the chain reports it.
    let deref = if needs_into {
        template::tokens("no", &[])
    } else {
        template::tokens("$__deref:ident", &[])
    };
    // The chain's needs are two flags, for `RealizeMut` and `RealizeInto`:
    // `yes` where some link's methods need it, else `no` (see `chain::link`).
    // A link sets its own, passing the other on.
    let needs_mut = if needs_mut { "yes" } else { "$__mut" };
    let needs_into = if needs_into { "yes" } else { "$__into" };
    let written = written(bounds, sized);
    // The rule's fixed text in three calls into the compiler (see
    // `tokens::fixed`), around the kind of entry, the `deref` it matches
    // and what it writes.
    let entry_tail = tokens::fixed(
        "self = $__self:ty;
        path = { $($__path:tt)* };
        call = $__call:ident;
        realize = $__realize:path;
        realize_mut = $__realize_mut:path;
        into_realized = $__into_realized:path;
        target = $__target:ty;
        bounds = { $($__b0:tt)* } { $($__b1:tt)* } { $($__b2:tt)* };
        deref =",
    );
    // The state after the entries (`matched`, `site`, `input`) goes on as
    // the trees it is, `$($__state)*`.
    let next = tokens::fixed(&format!(
        "$($__next)*! {{
            fast = [$($__rest)*]
            step = $__next_step;
            needs = [{needs_mut} {needs_into}];
            $($__state)*
        }}"
    ));
    let state = tokens::fixed(
        "step = $__step:literal;
        needs = [$__mut:ident $__into:ident];
        $($__state:tt)*",
    );
    template::tokens(
        "(
            fast = [
                {
                    #0
                    #1 #2;
                    next_step = $__next_step:literal;
                    next = { $($__next:tt)* }
                }
                $($__rest:tt)*
            ]
            #3
        ) => {
            #4
            #5
        };",
        &[&kind, &entry_tail, &deref, &state, &written, &next],
    )
}

/// How the blanket impl's template names the trait (see [`blanket_impl`]
/// and [`fast_names`]): `<<W as Realize>::Target as Trait>` in associated
/// types and consts, and the trait's name in forwarded calls. Without
/// supertraits, the wrapper's bounds are lazy-core's traits only, whose one
/// `Target` is `Realize`'s: `__LazyWrapper::Target` says the same in 3
/// tokens instead of 10 (when the forwarders named the target too, 26 M
/// fewer instructions of `cargo check` at 1,000 methods). A supertrait may
/// have a `Target` of its own.
fn blanket_names(trait_name: &Ident, supertraits: bool) -> (TokenStream, TokenStream) {
    let target_as_trait = if supertraits {
        template::tokens(
            "<<__LazyWrapper as ::lazy_core::Realize>::Target as #0>",
            &[&trait_name],
        )
    } else {
        template::tokens("<__LazyWrapper::Target as #0>", &[&trait_name])
    };
    (target_as_trait, trait_name.to_token_stream())
}

/// What keeps the blanket impls of two traits apart: a hash of the trait's
/// name, its items' names, the file, line and column of its name, the
/// syntax context of a name that a macro wrote (two calls of one macro
/// write two traits at the same place), and its package's name and version
/// (two traits at the same place in two packages, or in two versions of
/// one). The key shows in rustc's notes about the blanket impl, so it must
/// not change between two compilations of the same source, as
/// `scan::unique_suffix`'s span (its offset among the compilation's files)
/// can. Two traits with one key would share their wrappers: a wrapper that
/// forwards both gets two `Forwards<key>` impls (E0119).
fn blanket_key(ident: &Ident, names: &[Ident]) -> Literal {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut hasher = DefaultHasher::new();
    ident.to_string().hash(&mut hasher);
    if proc_macro::is_available() {
        let span = ident.span().unwrap();
        let file = span.file();
        let file = std::path::Path::new(&file);
        // The path within the package (`src/v1/mod.rs` and `src/v2/mod.rs`
        // are two places), the same whether rustc was given it relative to
        // the workspace (a member's) or absolute (a dependency's); a file
        // outside the package (trybuild's crates) by its name only, which
        // stays the same between two checkouts.
        let package = std::env::var_os("CARGO_MANIFEST_DIR");
        let absolute = match std::env::current_dir() {
            Ok(dir) if file.is_relative() => dir.join(file),
            _ => file.to_path_buf(),
        };
        let inside = match &package {
            Some(package) => absolute.strip_prefix(package).ok(),
            None => None,
        };
        let place = match inside {
            Some(inside) => Some(inside.as_os_str()),
            None => file.file_name(),
        };
        (place, span.line(), span.column()).hash(&mut hasher);
        // `#0` for a name written in the source, which needs none.
        let debug = format!("{span:?}");
        if let Some(context) = syntax_context(&debug)
            && context != "0"
        {
            context.hash(&mut hasher);
        }
    }
    for name in names {
        name.to_string().hash(&mut hasher);
    }
    // The package, not the crate: trybuild names its crates by their order.
    for var in &["CARGO_PKG_NAME", "CARGO_PKG_VERSION"] {
        std::env::var(*var).ok().hash(&mut hasher);
    }
    // But one file may be a module of two crates of the package that link
    // (`mod shared;` in the lib and in a binary or a test of it): a binary
    // (trybuild's too) is told apart from the lib by being one, any other
    // crate by its name.
    match std::env::var("CARGO_BIN_NAME") {
        Ok(_) => "bin".hash(&mut hasher),
        Err(_) => std::env::var("CARGO_CRATE_NAME").ok().hash(&mut hasher),
    }
    Literal::u64_unsuffixed(hasher.finish())
}

/// The number of the syntax context in a span's `Debug` text (`#5
/// bytes(10..14)`, or `src/lib.rs:1:7: 1:11 (#5)` under `-Z span-debug`).
pub(crate) fn syntax_context(debug: &str) -> Option<&str> {
    let at = debug.find('#')? + 1;
    let rest = &debug[at..];
    let mut end = 0;
    let bytes = rest.as_bytes();
    while end < bytes.len() && bytes[end].is_ascii_digit() {
        end += 1;
    }
    match end {
        0 => None,
        _ => Some(&rest[..end]),
    }
}

/// `#[forwardable(blanket)]`'s impl: the trait for every wrapper that
/// implements the hidden `Forwards<key>` (which the hidden macro's blanket
/// rule writes for a wrapper the derive forwards the trait for) and can be
/// realized to a type that implements the trait. Its forwarders are those
/// that the fast rule would write for each wrapper, written here once, where
/// the signatures' names resolve as in the trait. Spanned at `blanket`: an
/// impl of the trait that overlaps it (`impl<T: Trait> Trait for &T`) is
/// reported there.
fn blanket_impl(
    ident: &Ident,
    supertraits: &TokenStream,
    body: TokenStream,
    needs: Needs,
    key: &Literal,
    span: Span,
) -> TokenStream {
    let (needs_mut, needs_into, needs_sized) = needs;
    let realize_mut = match needs_mut {
        true => Some(template::tokens("+ ::lazy_core::RealizeMut", &[])),
        false => None,
    };
    let realize_into = match needs_into {
        true => Some(template::tokens("+ ::lazy_core::RealizeInto", &[])),
        false => None,
    };
    let sized = match needs_sized {
        Some(_) => Some(template::tokens("+ ::core::marker::Sized", &[])),
        None => None,
    };
    let supertraits = match supertraits.is_empty() {
        true => None,
        false => Some(template::tokens("+ #0", &[&supertraits])),
    };
    let w = Ident::new("__LazyWrapper", span);
    // Lazy-core's paths at `blanket` too, in the expansion's context
    // (`tokens::in_macro_edition_at`).
    let lib = tokens::in_macro_edition_at(span);
    let forwards = template::spanned(lib, "::lazy_core::__private::Forwards", &[]);
    let realize = template::spanned(lib, "::lazy_core::Realize", &[]);
    template::spanned(
        span,
        "#[doc(hidden)]
        #[automatically_derived]
        #[diagnostic::do_not_recommend]
        impl<#0> #1 for #0
        where
            #0: #2<#3> + #4 #5 #6 #7,
            <#0 as #4>::Target: #1 #8,
        {
            #9
        }",
        &[
            &w,
            &ident,
            &forwards,
            &key,
            &realize,
            &realize_mut,
            &realize_into,
            &supertraits,
            &sized,
            &body,
        ],
    )
}

/// The hidden macro's rule for a blanket trait: for a link with a `fast`
/// entry, the wrapper's `Forwards<key>` (which puts it under the blanket
/// impl), bounded as the fast rule's impl is, so that a target without the
/// trait, or a wrapper that cannot be realized as a method needs, is one
/// error where the trait is listed, as without `blanket`. A trait with
/// supertraits also asserts that the wrapper implements the trait: a
/// supertrait the wrapper lacks is reported at the trait's name. The marker
/// impl is `#[doc(hidden)]`: rustdoc would list it on the wrapper's page.
fn blanket_rule(needs: Needs, key: &Literal, has_supertraits: bool) -> TokenStream {
    // A generic wrapper (`fast_entry`'s `generic` entry): the impl with the
    // wrapper's parameters and `where` clause only. Bounds on realizing and
    // on the target would be conditions, not errors, as in the derive's own
    // impl of a generic wrapper; left to the blanket impl, a call on
    // `W<X>` that one of them fails is the error it is without `blanket`
    // (`RealizeMut`'s note, `X: Trait`), not a list that ends with an
    // unmet `Forwards<key>`. Not for a trait with supertraits, which the
    // wrapper may lack for some parameters only (the derive's own impl
    // reports that better). A `Sized` target is fine: the derive's bounds
    // on realizing a generic wrapper say what its target is
    // (`W<T>: RealizeMut<Target = T>`), so a subtrait's impl for the same
    // wrapper proves it.
    let generic = if has_supertraits {
        None
    } else {
        Some(chain_rule_for(
            template::tokens(
                "generic;
                lend = $__lend:ident;
                names = { $($__names:tt)* };
                callee = $__callee:ident;
                impl = { $($__impl:tt)* };
                where = { $($__where:tt)* };",
                &[],
            ),
            needs,
            &|_, _| {
                template::tokens(
                    "#[automatically_derived]
                    #[doc(hidden)]
                    impl $($__impl)* ::lazy_core::__private::Forwards<#0> for $__self
                    where
                        $($__where)*
                    {}",
                    &[&key],
                )
            },
        ))
    };
    let fast = chain_rule(needs, &|bounds, sized| {
        // A block (the chain's links are statements of the derive's block),
        // not a `const _` item, which is lowered, checked and evaluated on
        // its own.
        let assert = match has_supertraits {
            true => Some(template::tokens(
                "{
                    fn __forwarded<__Forwarded: ?::core::marker::Sized + $($__path)*>() {}
                    let _ = __forwarded::<$__self>;
                }",
                &[],
            )),
            false => None,
        };
        template::tokens(
            "#[automatically_derived]
            #[doc(hidden)]
            impl ::lazy_core::__private::Forwards<#0> for $__self
            where
                #1
                $__target: $($__path)*,
                #2
            {}
            #3",
            &[&key, &bounds, &sized, &assert],
        )
    });
    template::tokens(
        "#0 #1 #2",
        &[&unmarked_to_chain(needs, has_supertraits), &fast, &generic],
    )
}

/// `#[macro_export]` for a `pub` trait's hidden macro.
fn macro_export(public: bool) -> Option<TokenStream> {
    match public {
        true => Some(template::tokens("#[macro_export]", &[])),
        false => None,
    }
}

/// More distinct `#[cfg]` predicates than this on a trait's items and
/// methods' parameters, and the predicates travel to the derive instead
/// (evaluated there).
const MAX_CFG_PREDICATES: usize = 4;

/// The hidden macro's body once per combination of the `#[cfg]` predicates
/// on the trait's items and on its methods' parameters and generic
/// parameters, each gated by that combination: the trait's crate decides
/// which items and parameters exist, as it does for the trait itself, even
/// when the derive is in another crate with other cfgs. Without predicates
/// (or with too many), the one body is `carried` itself.
fn cfg_variants(carried: ItemTrait) -> Result<Vec<(TokenStream, ItemTrait)>> {
    let mut predicates: Vec<(String, TokenStream)> = Vec::new();
    for item in &carried.items {
        add_cfg_predicate(&mut predicates, item_attrs(item));
    }
    // The parameters' after the items': past `MAX_CFG_PREDICATES`, the
    // parameters' cfgs are left to the forwarders (`cfg_params`).
    let items_only = predicates.len();
    for item in &carried.items {
        if let TraitItem::Fn(method) = item {
            for arg in crate::punct::values(&method.sig.inputs) {
                if let crate::syntax::FnArg::Typed(arg) = arg {
                    add_cfg_predicate(&mut predicates, &arg.attrs);
                }
            }
            for param in &method.sig.generics.params {
                add_cfg_predicate(&mut predicates, cfg_params::generic_attrs(param));
            }
        }
    }
    if predicates.len() > MAX_CFG_PREDICATES {
        predicates.truncate(items_only);
    }
    if predicates.is_empty() || predicates.len() > MAX_CFG_PREDICATES {
        return Ok(vec![(TokenStream::new(), carried)]);
    }
    let count = 1usize << predicates.len();
    let mut variants = Vec::with_capacity(count);
    // Each combination but the last gets a copy; the last, the trait.
    let mut carried = Some(carried);
    for mask in 0..count {
        let holds = |i: usize| mask & (1 << i) != 0;
        let mut terms = Vec::with_capacity(predicates.len());
        for i in 0..predicates.len() {
            let (_, p) = &predicates[i];
            terms.push(if holds(i) {
                p.clone()
            } else {
                template::tokens("not(#0)", &[&p])
            });
        }
        let gate = template::tokens("#[cfg(all(#0))]", &[&template::joined(&terms, ",")]);
        let mut variant = match carried.take() {
            Some(last) if mask + 1 == count => last,
            Some(original) => {
                let copy = copy_trait(&original)?;
                carried = Some(original);
                copy
            }
            None => break,
        };
        // Whether the combination holds a cfg'd item or parameter; `None`
        // for a parameter whose cfg is left to the forwarders.
        let kept = |attrs: &[Attribute]| match cfg_predicate(attrs) {
            None => Some(true),
            Some((p, _)) => {
                let mut kept = None;
                for i in 0..predicates.len() {
                    if predicates[i].0 == p {
                        kept = Some(holds(i));
                        break;
                    }
                }
                kept
            }
        };
        variant
            .items
            .retain(|item| matches!(kept(item_attrs(item)), Some(true)));
        let not_cfg = &mut |attr: &Attribute| !attr.path().is_ident("cfg");
        for item in &mut variant.items {
            let attrs = match item {
                TraitItem::Fn(item) => {
                    // The parameters this combination keeps, without their
                    // `#[cfg]`s.
                    let mut inputs = syn::punctuated::Punctuated::new();
                    for mut arg in std::mem::take(&mut item.sig.inputs) {
                        if let crate::syntax::FnArg::Typed(typed) = &mut arg {
                            match kept(&typed.attrs) {
                                Some(false) => continue,
                                Some(true) => cfg_params::retain_attrs(&mut typed.attrs, not_cfg),
                                None => {}
                            }
                        }
                        inputs.push(arg);
                    }
                    item.sig.inputs = inputs;
                    let mut params = syn::punctuated::Punctuated::new();
                    for mut param in std::mem::take(&mut item.sig.generics.params) {
                        let attrs = cfg_params::generic_attrs_mut(&mut param);
                        match kept(attrs) {
                            Some(false) => continue,
                            Some(true) => cfg_params::retain_attrs(attrs, not_cfg),
                            None => {}
                        }
                        params.push(param);
                    }
                    item.sig.generics.params = params;
                    &mut item.attrs
                }
                TraitItem::Const(item) => &mut item.attrs,
                TraitItem::Type(item) => &mut item.attrs,
                _ => continue,
            };
            cfg_params::retain_attrs(attrs, not_cfg);
        }
        variants.push((gate, variant));
    }
    Ok(variants)
}

/// Adds the predicate of `attrs`' `#[cfg]`s to `predicates`, once.
fn add_cfg_predicate(predicates: &mut Vec<(String, TokenStream)>, attrs: &[Attribute]) {
    let Some(p) = cfg_predicate(attrs) else {
        return;
    };
    for (seen, _) in predicates.iter() {
        if *seen == p.0 {
            return;
        }
    }
    predicates.push(p);
}

/// A copy of `item`, printed and parsed back. lazy-derive builds syn
/// without `Clone` for its trees (a build of syn about a tenth lighter), so
/// only the paths that need several copies of a trait pay for one: a trait
/// with `#[cfg]` items (a copy per combination), a `blanket` trait that
/// `scan` leaves to syn, and the error that says why `blanket` cannot take
/// a method. The carried trait has no default bodies, and
/// [`crate::syntax`]'s printing, which its parser reads back as the same
/// tree (the trees of `syntax` hold syn's, and have no `Clone` either).
fn copy_trait(item: &ItemTrait) -> Result<ItemTrait> {
    syn::parse2(item.to_token_stream())
}

/// The predicate of an item's `#[cfg]`s (several joined in `all(..)`), with
/// its text to compare it by; `None` without one.
fn cfg_predicate(attrs: &[Attribute]) -> Option<(String, TokenStream)> {
    let mut cfgs: Vec<TokenStream> = Vec::new();
    for attr in attrs {
        if let Meta::List(list) = &attr.meta
            && list.path.is_ident("cfg")
        {
            cfgs.push(list.tokens.clone());
        }
    }
    let tokens = match cfgs.len() {
        0 => return None,
        1 => cfgs.swap_remove(0),
        _ => template::tokens("all(#0)", &[&template::joined(&cfgs, ",")]),
    };
    Some((tokens.to_string(), tokens))
}

/// `use <remote prefix>::{Last as _};` in a block beside the mirror: a
/// path that names nothing (`::std::fmt::Dispaly`) is one error there, at
/// the typo, where its derives could only say so each at its own
/// `realize_forward(..)` (rustc's "similar name" there may even be the
/// remote trait's own, std's `Display` for a mirror `MyDisplay`). Only a
/// path that names the same wherever it is written (`::std::..`,
/// `crate::..`) is checked here: the derives write the path where they
/// are, so a relative one may name something there only. `std::..` is
/// not such a path: a `#![no_implicit_prelude]` module has no `std` (the
/// derives, elsewhere, do), and a module `std` of the crate is another.
///
/// The last name is imported in braces spanned at it, so that rustc reports
/// a name that is not there at that name (`use P as _` was reported from
/// the path's first token to the `_`, which was at that token: a caret under
/// `::`). Generic arguments (`remote = ::core::convert::AsRef<str>`) do not go
/// into a `use`: the last name's are left out, and a path with arguments
/// elsewhere is not checked. The mirror's `#[allow(..)]` goes on the check
/// (the mirror itself is not written): a deprecated remote trait is
/// reported there, and `#[allow(deprecated)]` on the mirror says it is
/// meant. The check allows nothing of its own: an `allow` is an error
/// (E0453) under the user's `forbid`.
fn remote_check(trait_cfgs: &[&Attribute], allows: &[&Attribute], remote: &Path) -> TokenStream {
    let anywhere = remote.leading_colon.is_some()
        || (remote.segments.len() > 1
            && matches!(remote.segments.first(), Some(first) if first.ident == "crate"));
    let Some(last) = remote.segments.last() else {
        return TokenStream::new();
    };
    if !anywhere {
        return TokenStream::new();
    }
    let mut prefix = Vec::new();
    for segment in remote.segments.iter().take(remote.segments.len() - 1) {
        if !segment.arguments.is_none() {
            return TokenStream::new();
        }
        prefix.push(&segment.ident);
    }
    let leading = &remote.leading_colon;
    let at = Span::call_site().located_at(last.ident.span());
    let name = &last.ident;
    let mut tree =
        proc_macro2::Group::new(Delimiter::Brace, template::spanned(at, "#0 as _", &[&name]));
    tree.set_span(at);
    template::spanned(
        at,
        "#0 const _: () = { #1 use #2 #3 #4; };",
        &[
            &template::joined(trait_cfgs, "").at(at),
            &template::joined(allows, "").at(at),
            &leading,
            &template::each(&prefix, "#0 ::").at(at),
            &tree,
        ],
    )
}

/// A mirror's carried items as the remote trait's crate reads them: see
/// [`tokens::RemoteNames`]. A `#[cfg(feature = ..)]` copied from the original
/// would test this crate's features, and drop the item without a word: it is
/// an error, returned beside the mirror (which keeps the item), so that the
/// derive does not add errors of its own.
fn mirror_of(mut carried: ItemTrait, remote: &Path) -> Result<(ItemTrait, Errors)> {
    let mut cfg_errors = Errors::default();
    let names = tokens::RemoteNames {
        mirror: &carried.ident,
        remote,
    };
    let mut errors = Errors::default();
    // Drops each `#[cfg(feature = ..)]` among `attrs`, with its error.
    let mut drop_feature_cfgs = |attrs: &mut Vec<Attribute>| {
        cfg_params::retain_attrs(attrs, &mut |attr| {
            let Meta::List(list) = &attr.meta else {
                return true;
            };
            if !list.path.is_ident("cfg")
                || !tokens::mentions(list.tokens.clone(), &|ident| ident == "feature")
            {
                return true;
            }
            let error = Error::new_spanned(
                attr,
                format!(
                    "a `#[cfg(feature = ..)]` in a mirror tests the features of this crate, not those of the crate of `{}`: the item would drop out of the mirror without a word, and the target's own method would never be called; remove the `#[cfg]` (the item then needs the feature of that crate on, as the mirror's users already need it; of an item written twice, under the feature and under its `not(..)`, keep the one that crate is built with), or put the whole mirror under a `#[cfg]` of this crate",
                    tokens::compact(remote)
                ),
            );
            cfg_errors.push(error);
            false
        });
    };
    for item in &mut carried.items {
        match item {
            TraitItem::Fn(item) => {
                drop_feature_cfgs(&mut item.attrs);
                for arg in crate::punct::values_mut(&mut item.sig.inputs) {
                    drop_feature_cfgs(match arg {
                        crate::syntax::FnArg::Typed(arg) => &mut arg.attrs,
                        crate::syntax::FnArg::Receiver(receiver) => &mut receiver.attrs,
                    });
                }
            }
            TraitItem::Const(item) => drop_feature_cfgs(&mut item.attrs),
            TraitItem::Type(item) => drop_feature_cfgs(&mut item.attrs),
            _ => {}
        }
    }
    let generics = match names.apply(carried.generics.to_token_stream()) {
        Ok(tokens) => crate::syntax::generics_from(tokens),
        Err(err) => Err(err),
    };
    let where_clause = match names.apply(carried.generics.where_clause.to_token_stream()) {
        Ok(tokens) => crate::syntax::where_clause_from(tokens),
        Err(err) => Err(err),
    };
    match (generics, where_clause) {
        (Ok(generics), Ok(where_clause)) => {
            carried.generics = generics;
            carried.generics.where_clause = where_clause;
        }
        (Err(err), _) | (_, Err(err)) => errors.push(err),
    }
    let mut items = Vec::new();
    for item in &carried.items {
        let item = match names.apply(item.to_token_stream()) {
            Ok(tokens) => syn::parse2(tokens),
            Err(err) => Err(err),
        };
        match item {
            Ok(item) => items.push(item),
            Err(err) => errors.push(err),
        }
    }
    carried.items = items;
    errors.or_ok((carried, cfg_errors))
}

fn item_attrs(item: &TraitItem) -> &[Attribute] {
    match item {
        TraitItem::Fn(item) => &item.attrs,
        TraitItem::Const(item) => &item.attrs,
        TraitItem::Type(item) => &item.attrs,
        _ => &[],
    }
}

/// What the hidden macro carries: the trait's items with their signatures,
/// `#[cfg]` and `#[deprecated]`, but no default bodies (an empty body, or
/// `= _` for a const, marks that a default exists), no docs and no
/// supertraits.
fn carried_trait(mut carried: ItemTrait) -> Result<(TraitHead, ItemTrait)> {
    // A deprecated trait's forwarders must not warn about each method.
    let attrs = split_off_attrs(&mut carried.attrs, &|attr| {
        attr.path().is_ident("deprecated")
    });
    let mut head = TraitHead {
        ident: carried.ident.clone(),
        vis: std::mem::replace(&mut carried.vis, Visibility::Inherited),
        attrs,
        supertraits: carried.supertraits.to_token_stream(),
        item_attrs: Vec::with_capacity(carried.items.len()),
    };
    carried.colon_token = None;
    carried.supertraits.clear();
    let mut errors = Errors::default();
    for trait_item in &mut carried.items {
        // `cfg_attr(p, cfg(q))` and `cfg_attr(p, deprecated)` as the `cfg`
        // and `deprecated` they stand for.
        match trait_item {
            TraitItem::Fn(method) => {
                cfg_params::expand_cfg_attrs(&mut method.attrs);
                for param in &mut method.sig.generics.params {
                    cfg_params::expand_cfg_attrs(cfg_params::generic_attrs_mut(param));
                }
                for input in crate::punct::values_mut(&mut method.sig.inputs) {
                    if let crate::syntax::FnArg::Typed(arg) = input {
                        cfg_params::expand_cfg_attrs(&mut arg.attrs);
                    }
                }
            }
            TraitItem::Const(constant) => cfg_params::expand_cfg_attrs(&mut constant.attrs),
            TraitItem::Type(ty) => cfg_params::expand_cfg_attrs(&mut ty.attrs),
            _ => {}
        }
        let dropped = match trait_item {
            TraitItem::Fn(method) => split_off_attrs(&mut method.attrs, &is_carried_attr),
            TraitItem::Const(constant) => split_off_attrs(&mut constant.attrs, &is_carried_attr),
            TraitItem::Type(ty) => split_off_attrs(&mut ty.attrs, &is_carried_attr),
            _ => Vec::new(),
        };
        head.item_attrs.push(dropped);
        match trait_item {
            TraitItem::Fn(method) => {
                if let Some(body) = &mut method.default {
                    body.stmts = TokenStream::new();
                }
            }
            TraitItem::Const(constant) => {
                // `= _` marks that a default exists (an enum keeps it),
                // without carrying its value.
                if let Some((eq, value)) = &mut constant.default {
                    *value = Token![_](eq.span).into_token_stream();
                }
            }
            TraitItem::Type(ty) => ty.default = None,
            TraitItem::Macro(mac) => errors.push(Error::new(
                mac.mac.path.span(),
                "`#[forwardable]` cannot see the items that a macro call in a trait expands to; write them out in the trait",
            )),
            other => errors.push(Error::new(
                other.span(),
                "`#[forwardable]` does not understand this trait item",
            )),
        }
    }
    errors.or_ok((head, carried))
}

/// What `expand` reads of the trait besides its carried copy: what the
/// copy drops, moved out of the parsed trait, which becomes the copy
/// (lazy-derive's build of syn has no `Clone` for its trees, see
/// [`copy_trait`]).
struct TraitHead {
    ident: Ident,
    vis: Visibility,
    /// The trait's attributes but `#[deprecated]`, which the copy keeps.
    attrs: Vec<Attribute>,
    /// The supertraits' bounds as written, or nothing.
    supertraits: TokenStream,
    /// Each item's attributes but `#[cfg]` and `#[deprecated]`, which the
    /// copy keeps, in the items' order.
    item_attrs: Vec<Vec<Attribute>>,
}

/// Moves out of `attrs` those that `keep` refuses, in order.
fn split_off_attrs(
    attrs: &mut Vec<Attribute>,
    keep: &dyn Fn(&Attribute) -> bool,
) -> Vec<Attribute> {
    let mut moved = Vec::new();
    for attr in std::mem::take(attrs) {
        if keep(&attr) {
            attrs.push(attr);
        } else {
            moved.push(attr);
        }
    }
    moved
}

fn is_carried_attr(attr: &Attribute) -> bool {
    let path = attr.path();
    path.is_ident("cfg") || path.is_ident("deprecated")
}

#[cfg(test)]
mod tests {
    use super::remote_check;

    fn check(remote: &str) -> String {
        let remote = syn::parse_str(remote).expect("a path");
        remote_check(&[], &[], &remote).to_string().replace(' ', "")
    }

    #[test]
    fn a_remote_path_from_the_root_is_checked_by_its_last_name() {
        assert_eq!(
            check("::std::fmt::Display"),
            "const_:()={use::std::fmt::{Displayas_};};"
        );
        assert_eq!(
            check("crate::a::Trait"),
            "const_:()={usecrate::a::{Traitas_};};"
        );
        // Arguments do not go into a `use` (a parse error there).
        assert_eq!(
            check("::core::convert::AsRef<str>"),
            "const_:()={use::core::convert::{AsRefas_};};"
        );
    }

    #[test]
    fn a_path_that_may_name_another_thing_elsewhere_is_not_checked() {
        // `std` is not in a `#![no_implicit_prelude]` module, and may be a
        // module of the crate.
        for remote in [
            "std::fmt::Display",
            "fmt::Display",
            "self::a::Trait",
            "super::a::Trait",
            "crate",
            "::a<u8>::Trait",
        ] {
            assert_eq!(check(remote), "", "{remote}");
        }
    }
}
