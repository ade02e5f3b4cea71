//! Checks on the values a mechanism puts inside its messages.

use crate::types::ValidationError;

/// Refuses `value` if it holds `byte`, a separator of the mechanism's
/// message (NUL in PLAIN, `^A` in XOAUTH2 and OAUTHBEARER): it would let a
/// value forge another field.
pub(crate) fn refuse_byte(what: &'static str, value: &str, byte: u8) -> Result<(), ValidationError> {
    match value.bytes().position(|b| b == byte) {
        Some(index) => Err(ValidationError::byte(what, byte, index)),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_byte_and_its_index() {
        let err = refuse_byte("user", "ab\u{1}c", 1).unwrap_err();
        assert_eq!(err.offending_byte(), Some((1, 2)));
        assert!(refuse_byte("user", "abc", 1).is_ok());
    }
}
