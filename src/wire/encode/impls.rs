//! [`Encode`] for Rust's own types: numbers, strings, references and lists.
//! The protocol's types implement it next to their definitions.

use std::num::NonZeroU32;

use super::{Encode, Encoder};
use crate::types::ValidationError;

/// `number` (RFC 3501 section 9).
impl Encode for u32 {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        enc.number(u64::from(*self));
        Ok(())
    }
}

/// `nz-number` (RFC 3501 section 9).
impl Encode for NonZeroU32 {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        enc.number(u64::from(self.get()));
        Ok(())
    }
}

/// `number64` (RFC 9051 section 9): at most 2^63 - 1.
impl Encode for u64 {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        if *self > i64::MAX as u64 {
            return Err(ValidationError::other("number64", "larger than 2^63 - 1"));
        }
        enc.number(*self);
        Ok(())
    }
}

/// `astring` (RFC 3501 section 9): atom, quoted or literal by content.
impl Encode for str {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        enc.astring(self.as_bytes()).map(drop)
    }
}

/// `astring` (RFC 3501 section 9): atom, quoted or literal by content.
impl Encode for String {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        enc.astring(self.as_bytes()).map(drop)
    }
}

impl<T: Encode + ?Sized> Encode for &T {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        (**self).encode(enc)
    }
}

/// A parenthesised list, `"(" [item *(SP item)] ")"`, as flag lists
/// and STATUS attribute lists are written.
impl<T: Encode> Encode for [T] {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        enc.list(self).map(drop)
    }
}

/// A parenthesised list, `"(" [item *(SP item)] ")"`.
impl<T: Encode> Encode for Vec<T> {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        enc.list(self).map(drop)
    }
}

/// `date = date-text` (RFC 3501 section 9), as SEARCH takes it: `1-Feb-1994`;
/// fails for years outside `0000` to `9999`.
impl Encode for chrono::NaiveDate {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        let text = crate::types::date_text(*self)?;
        enc.raw(text.as_bytes()).map(drop)
    }
}
