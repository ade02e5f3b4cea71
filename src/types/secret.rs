//! A password or other credential whose `Debug` never shows it
//! (conformance item 112: traces redact the LOGIN password and the
//! AUTHENTICATE payloads).

use std::fmt;

use super::ValidationError;
use super::chars::refuse_nul;
use crate::wire::encode::{Encode, Encoder};

/// Secret bytes, such as LOGIN's password (RFC 3501 section 6.2.3).
///
/// `Debug` prints `Secret(<redacted>)` in every build, so a command that
/// holds one can be logged. On the wire it is always a string, quoted or
/// a literal, never an atom (conformance items 20, 21): `LOGIN u "p"`.
/// Bytes a quoted string cannot carry (CR, LF, 8-bit) make it a literal
/// (conformance item 61). It keeps its bytes in an [`auth::Secret`](crate::auth::Secret), which overwrites them with zeros when dropped.
///
/// ```
/// use typed_imap::types::Secret;
///
/// let password = Secret::new("hunter2").unwrap();
/// assert_eq!(format!("{password:?}"), "Secret(<redacted>)");
/// assert_eq!(password.expose(), b"hunter2");
/// assert!(Secret::new("a\0b").is_err());
/// ```
#[derive(Clone)]
pub struct Secret(crate::auth::Secret<Vec<u8>>);

impl Secret {
    /// The secret `bytes`; fails on NUL, which no IMAP string can carry.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Result<Self, ValidationError> {
        let bytes = bytes.into();
        refuse_nul("secret", &bytes)?;
        Ok(Secret(crate::auth::Secret::new(bytes)))
    }

    /// The secret bytes: for the encoder and for SASL mechanisms, never
    /// for logs.
    pub fn expose(&self) -> &[u8] {
        self.0.expose()
    }

    /// True when the secret is empty.
    pub fn is_empty(&self) -> bool {
        self.0.expose().is_empty()
    }
}

/// Overwrites the bytes with zeros, in place, when the secret goes away:
/// it keeps a stale copy of the password out of freed memory (not out of
/// reach of an attacker who can read the process while it is alive).
impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

impl TryFrom<&str> for Secret {
    type Error = ValidationError;

    fn try_from(s: &str) -> Result<Self, ValidationError> {
        Secret::new(s)
    }
}

impl TryFrom<String> for Secret {
    type Error = ValidationError;

    fn try_from(s: String) -> Result<Self, ValidationError> {
        Secret::new(s)
    }
}

/// `string = quoted / literal` (RFC 3501 section 9): never an atom.
impl Encode for Secret {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        enc.string(self.0.expose()).map(drop)
    }
}

impl PartialEq for Secret {
    fn eq(&self, other: &Self) -> bool {
        self.expose() == other.expose()
    }
}

impl Eq for Secret {}
