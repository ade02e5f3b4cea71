//! Procedural macros for `typed-imap`.
//!
//! `#[derive(Command)]` turns a struct into an IMAP command: the argument
//! encoding and the response decoding are generated from its fields and
//! `#[imap(...)]` attributes. Use it through `typed_imap`, which
//! re-exports it and documents the attributes; this crate is an
//! implementation detail pinned to the exact version of `typed-imap`.
//!
//! The steps, one file each: `attr` reads the attributes, `ast` turns
//! the struct into the model of a command, `check` refuses what cannot
//! work, `expand` writes the impl, and `fallback` writes a stub impl
//! when there were errors, so that one mistake gives one error.

mod ast;
mod attr;
mod check;
mod ctxt;
mod expand;
mod fallback;
mod symbol;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Derives `typed_imap::command::Command`; see the trait's documentation
/// in `typed_imap` for the attributes.
#[proc_macro_derive(Command, attributes(imap))]
pub fn derive_command(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match ast::Command::from_input(&input).and_then(|cmd| check::check(&cmd).map(|()| cmd)) {
        Ok(cmd) => expand::expand(&cmd).into(),
        Err(errors) => {
            let stub = fallback::expand(&input);
            let errors = errors.into_iter().map(|e| e.to_compile_error());
            quote::quote!(#stub #(#errors)*).into()
        }
    }
}
