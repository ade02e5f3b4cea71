//! Strings sent by the client (RFC 3501 section 4.3, section 9):
//!
//! ```text
//! astring  = 1*ASTRING-CHAR / string
//! nstring  = string / nil
//! string   = quoted / literal
//! literal  = "{" number64 ["+"] "}" CRLF *CHAR8      ; RFC 7888 for "+"
//! literal8 = "~{" number64 ["+"] "}" CRLF *OCTET     ; RFC 3516, RFC 4466
//! ```
//!
//! [`AString`] and [`NString`] leave the form to the encoder (atom, quoted
//! or literal, by content); [`Literal`] is always a literal, for passwords
//! and message bodies.
//!
//! A password in a synchronising literal waits for the server's go-ahead;
//! with LITERAL+ (RFC 7888) the client sends it at once:
//!
//! ```text
//! C: a1 LOGIN fred {7}            C: a1 LOGIN fred {7+}
//! S: + go ahead                   C: hunter2
//! C: hunter2                      S: a1 OK done
//! S: a1 OK done
//! ```
//!
//! A literal8 (RFC 3516) carries any octet, NUL included, once the server
//! advertises BINARY:
//!
//! ```text
//! C: a2 APPEND Drafts ~{3}
//! S: + go ahead
//! C: <3 octets, one of them NUL>
//! S: a2 OK APPEND completed
//! ```

use std::borrow::Cow;
use std::fmt;

use super::ValidationError;
use super::chars::refuse_nul;
use crate::wire::encode::{Encode, Encoder, LiteralMode};

/// An `astring`: any bytes but NUL. Sent as an atom when every byte is an
/// `ASTRING-CHAR`, as a quoted string when it is printable, else as a
/// literal (RFC 3501 section 9).
///
/// ```
/// use typed_imap::types::AString;
/// assert!(AString::try_from("two words").is_ok());
/// assert!(AString::new(b"a\0b").is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct AString<'a>(Cow<'a, [u8]>);

impl<'a> AString<'a> {
    /// Checks that `value` holds no NUL.
    pub fn new(value: impl Into<Cow<'a, [u8]>>) -> Result<Self, ValidationError> {
        let value = value.into();
        refuse_nul("astring", &value)?;
        Ok(AString(value))
    }

    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> AString<'static> {
        AString(Cow::Owned(self.0.into_owned()))
    }
}

impl<'a> TryFrom<&'a str> for AString<'a> {
    type Error = ValidationError;

    fn try_from(s: &'a str) -> Result<Self, ValidationError> {
        AString::new(s.as_bytes())
    }
}

impl TryFrom<String> for AString<'static> {
    type Error = ValidationError;

    fn try_from(s: String) -> Result<Self, ValidationError> {
        AString::new(s.into_bytes())
    }
}

impl fmt::Debug for AString<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AString(\"{}\")", self.0.escape_ascii())
    }
}

/// `astring`: atom, quoted or literal by content.
impl Encode for AString<'_> {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        enc.astring(&self.0).map(drop)
    }
}

/// An `nstring`: a string without NUL, or `NIL` (RFC 3501 section 9).
/// Never sent as an atom, so the string `NIL` stays distinct from `NIL`.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct NString<'a>(Option<Cow<'a, [u8]>>);

impl<'a> NString<'a> {
    /// Checks that `value` holds no NUL.
    pub fn new(value: impl Into<Cow<'a, [u8]>>) -> Result<Self, ValidationError> {
        let value = value.into();
        refuse_nul("nstring", &value)?;
        Ok(NString(Some(value)))
    }

    /// `NIL`.
    pub fn nil() -> Self {
        NString(None)
    }

    /// The bytes, or `None` for `NIL`.
    pub fn as_bytes(&self) -> Option<&[u8]> {
        self.0.as_deref()
    }

    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> NString<'static> {
        NString(self.0.map(|v| Cow::Owned(v.into_owned())))
    }
}

impl fmt::Debug for NString<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Some(v) => write!(f, "NString(\"{}\")", v.escape_ascii()),
            None => f.write_str("NString(NIL)"),
        }
    }
}

/// `nstring`: `NIL`, or quoted or literal by content.
impl Encode for NString<'_> {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        enc.nstring(self.0.as_deref()).map(drop)
    }
}

/// A string always sent as a literal (RFC 3501 section 4.3), for values
/// that must never appear in a command line (passwords) or that are
/// messages (APPEND).
///
/// - [`Literal::new`]: `{n}` or `{n+}`, as the server's LITERAL+/LITERAL-
///   allow; no NUL.
/// - [`Literal::sync`]: always `{n}`; no NUL.
/// - [`Literal::non_sync`]: always `{n+}`; encoding fails when the server
///   does not allow it for this length.
/// - [`Literal::binary`]: `~{n}` (RFC 3516 literal8), any octet, NUL
///   included; encoding fails unless the server advertises BINARY.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Literal<'a> {
    data: Cow<'a, [u8]>,
    mode: Option<LiteralMode>,
    binary: bool,
}

impl<'a> Literal<'a> {
    /// A literal in the mode the server allows; fails on NUL.
    pub fn new(data: impl Into<Cow<'a, [u8]>>) -> Result<Self, ValidationError> {
        let data = data.into();
        refuse_nul("literal", &data)?;
        Ok(Literal { data, mode: None, binary: false })
    }

    /// A synchronising literal, `{n}`; fails on NUL.
    pub fn sync(data: impl Into<Cow<'a, [u8]>>) -> Result<Self, ValidationError> {
        Ok(Literal { mode: Some(LiteralMode::Sync), ..Literal::new(data)? })
    }

    /// A non-synchronising literal, `{n+}` (RFC 7888); fails on NUL.
    pub fn non_sync(data: impl Into<Cow<'a, [u8]>>) -> Result<Self, ValidationError> {
        Ok(Literal { mode: Some(LiteralMode::NonSync), ..Literal::new(data)? })
    }

    /// A `literal8`, `~{n}` (RFC 3516): any octet, NUL included.
    pub fn binary(data: impl Into<Cow<'a, [u8]>>) -> Self {
        Literal { data: data.into(), mode: None, binary: true }
    }

    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.data
    }

    /// True for a `literal8`.
    pub fn is_binary(&self) -> bool {
        self.binary
    }

    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> Literal<'static> {
        Literal { data: Cow::Owned(self.data.into_owned()), ..self }
    }
}

impl fmt::Debug for Literal<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = if self.binary { "Literal8" } else { "Literal" };
        write!(f, "{name}(\"{}\")", self.data.escape_ascii())
    }
}

/// `literal` or `literal8`.
impl Encode for Literal<'_> {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        match (self.mode, self.binary) {
            (Some(mode), binary) => enc.literal_with(&self.data, mode, binary),
            (None, true) => enc.literal8(&self.data),
            (None, false) => enc.literal(&self.data),
        }
        .map(drop)
    }
}
