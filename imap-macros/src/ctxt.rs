//! Collects every error of one derive, so that all mistakes are reported
//! at once rather than one per compile.

use std::fmt::Display;

use quote::ToTokens;

/// The errors found so far.
#[derive(Default)]
pub struct Ctxt {
    errors: Vec<syn::Error>,
}

impl Ctxt {
    /// Records an error spanned on `tokens`.
    pub fn error(&mut self, tokens: impl ToTokens, message: impl Display) {
        self.errors.push(syn::Error::new_spanned(tokens, message));
    }

    /// Records an error syn already built.
    pub fn push(&mut self, error: syn::Error) {
        self.errors.push(error);
    }

    /// `Ok` when nothing was recorded, else every error.
    pub fn finish(self) -> Result<(), Vec<syn::Error>> {
        if self.errors.is_empty() { Ok(()) } else { Err(self.errors) }
    }
}
