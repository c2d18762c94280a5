//! A file's items, read in the tests without syn's `full` feature (which
//! lazy-derive builds without, see `crate::syntax`): what the stages write
//! must be items, and `lazy_core::remote`'s mirrors are traits among them.
//!
//! Traits are read whole ([`ItemTrait`]), structs, enums and unions as
//! syn's `DeriveInput`, functions and an impl's methods by their signature
//! (their bodies are one brace group each); the rest of an item (a const's
//! value, a `use` tree, an impl's head) is tokens up to where it ends. A
//! weaker check than syn's `File`, which read the statements too.

use proc_macro2::TokenStream;
use syn::parse::{Parse, ParseStream};
use syn::{Attribute, DeriveInput, Ident, Macro, Result, Token, Visibility, token};

use crate::syntax::{ItemTrait, Signature, Stops, verbatim_until};

/// An item of a file.
pub enum Item {
    Trait(Box<ItemTrait>),
    Other,
}

/// The items of a file (or of a macro's output).
pub struct File {
    pub items: Vec<Item>,
}

impl Parse for File {
    fn parse(input: ParseStream) -> Result<Self> {
        input.call(Attribute::parse_inner)?;
        let mut items = Vec::new();
        while !input.is_empty() {
            items.push(input.parse()?);
        }
        Ok(File { items })
    }
}

/// Whether an item of this kind starts `ahead` (after its attributes and
/// visibility): `unsafe`, `auto`, and then the keyword.
fn starts(ahead: ParseStream, keyword: &str) -> bool {
    let fork = ahead.fork();
    let _ = fork.parse::<Option<Token![unsafe]>>();
    let _ = fork.parse::<Option<Token![auto]>>();
    fork.cursor()
        .ident()
        .is_some_and(|(word, _)| word == keyword)
}

/// Up to a `;` (which is read too).
fn until_semi(input: ParseStream) -> Result<()> {
    let semi = Stops {
        semi: true,
        ..Stops::default()
    };
    verbatim_until(input, semi)?;
    input.parse::<Token![;]>()?;
    Ok(())
}

/// A function's signature and body (or `;`).
fn function(input: ParseStream) -> Result<()> {
    input.parse::<Signature>()?;
    if input.peek(token::Brace) {
        input.parse::<proc_macro2::Group>()?;
    } else {
        input.parse::<Token![;]>()?;
    }
    Ok(())
}

/// An item of an impl block.
fn impl_item(input: ParseStream) -> Result<()> {
    input.call(Attribute::parse_outer)?;
    input.parse::<Visibility>()?;
    input.parse::<Option<Token![default]>>()?;
    let ahead = input.fork();
    let _ = ahead.parse::<Option<Token![const]>>();
    let _ = ahead.parse::<Option<Token![async]>>();
    let _ = ahead.parse::<Option<Token![unsafe]>>();
    let _ = ahead.parse::<Option<syn::Abi>>();
    if ahead.peek(Token![fn]) {
        function(input)
    } else if input.peek(Token![type]) || input.peek(Token![const]) {
        until_semi(input)
    } else {
        macro_item(input)
    }
}

/// A macro call as an item: `path! (..);`, `path! {..}`, and
/// `macro_rules! name {..}`.
fn macro_item(input: ParseStream) -> Result<()> {
    if input.peek(Ident) && input.peek2(Token![!]) && input.peek3(Ident) {
        input.parse::<Ident>()?;
        input.parse::<Token![!]>()?;
        input.parse::<Ident>()?;
        let body: proc_macro2::Group = input.parse()?;
        if body.delimiter() != proc_macro2::Delimiter::Brace {
            input.parse::<Token![;]>()?;
        }
        return Ok(());
    }
    let mac: Macro = input.parse()?;
    if !matches!(mac.delimiter, syn::MacroDelimiter::Brace(_)) {
        input.parse::<Token![;]>()?;
    }
    Ok(())
}

impl Parse for Item {
    fn parse(input: ParseStream) -> Result<Self> {
        let ahead = input.fork();
        ahead.call(Attribute::parse_outer)?;
        ahead.parse::<Visibility>()?;
        if starts(&ahead, "trait") {
            return input.parse().map(|item| Item::Trait(Box::new(item)));
        }
        if ahead.peek(Token![struct]) || ahead.peek(Token![enum]) || ahead.peek(Token![union]) {
            input.parse::<DeriveInput>()?;
            return Ok(Item::Other);
        }
        input.call(Attribute::parse_outer)?;
        input.parse::<Visibility>()?;
        if starts(input, "impl") {
            let head = Stops {
                brace: true,
                ..Stops::default()
            };
            verbatim_until(input, head)?;
            let content;
            syn::braced!(content in input);
            content.call(Attribute::parse_inner)?;
            while !content.is_empty() {
                impl_item(&content)?;
            }
        } else if input.peek(Token![mod]) {
            input.parse::<Token![mod]>()?;
            input.parse::<Ident>()?;
            if input.peek(token::Brace) {
                let content;
                syn::braced!(content in input);
                content.parse::<File>()?;
            } else {
                input.parse::<Token![;]>()?;
            }
        } else if input.peek(Token![const])
            && !input.peek2(Token![fn])
            && !input.peek2(Token![unsafe])
            || input.peek(Token![static])
            || input.peek(Token![use])
            || input.peek(Token![type])
            || input.peek(Token![extern]) && input.peek2(Token![crate])
        {
            until_semi(input)?;
        } else if input.peek(Token![fn])
            || input.peek(Token![const])
            || input.peek(Token![async])
            || input.peek(Token![unsafe])
            || input.peek(Token![extern])
        {
            function(input)?;
        } else {
            macro_item(input)?;
        }
        Ok(Item::Other)
    }
}

/// The items of `tokens`, or why they are none.
pub fn items(tokens: TokenStream) -> Result<File> {
    syn::parse2(tokens)
}
