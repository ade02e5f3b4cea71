//! SASL mechanism names (RFC 4422 section 3.1).

use crate::types::ValidationError;

/// The longest mechanism name RFC 4422 section 3.1 allows.
const MAX_LEN: usize = 20;

/// Checks that `name` can be sent as the mechanism of an AUTHENTICATE
/// command, so no authenticator can inject bytes into the command line.
///
/// RFC 4422 section 3.1:
///
/// ```text
/// sasl-mech    = 1*20mech-char
/// mech-char    = UPPER-ALPHA / DIGIT / HYPHEN / UNDERSCORE
/// ```
///
/// Lower-case letters are accepted too: IMAP compares the `auth-type` atom
/// case-insensitively (RFC 3501 section 6.2.2), and the session sends the
/// name as given.
///
/// ```
/// use typed_imap::auth::validate_mechanism;
///
/// assert!(validate_mechanism("SCRAM-SHA-256").is_ok());
/// assert!(validate_mechanism("PLAIN\r\nA2 LOGOUT").is_err());
/// ```
pub fn validate_mechanism(name: &str) -> Result<(), ValidationError> {
    const WHAT: &str = "sasl mechanism";
    if name.is_empty() {
        return Err(ValidationError::empty(WHAT));
    }
    if name.len() > MAX_LEN {
        return Err(ValidationError::other(WHAT, "longer than 20 characters"));
    }
    match name.bytes().enumerate().find(|&(_, b)| !is_mech_char(b)) {
        Some((index, byte)) => Err(ValidationError::byte(WHAT, byte, index)),
        None => Ok(()),
    }
}

/// `mech-char`, plus lower-case letters.
fn is_mech_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_mechanisms_are_valid() {
        for name in ["PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2", "OAUTHBEARER", "GSS_API", "x-foo"] {
            assert!(validate_mechanism(name).is_ok(), "{name}");
        }
    }

    #[test]
    fn bad_names_are_refused() {
        let err = validate_mechanism("A B").unwrap_err();
        assert_eq!(err.offending_byte(), Some((b' ', 1)));
        assert!(validate_mechanism("").is_err());
        assert!(validate_mechanism(&"A".repeat(21)).is_err());
    }
}
