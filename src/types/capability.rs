//! `capability = ("AUTH=" auth-type) / atom` (RFC 3501 section 9).

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use super::ValidationError;
use super::chars::{check_class, is_atom_char};
use crate::wire::encode::{Encode, Encoder};

/// One capability a server advertises (RFC 3501 section 7.2.1), compared
/// case-insensitively (`IMAP4rev1` equals `IMAP4REV1`).
///
/// ```
/// use typed_imap::types::Capability;
///
/// let auth: Capability = "AUTH=PLAIN".parse().unwrap();
/// assert_eq!(auth.auth_mechanism(), Some("PLAIN"));
/// assert_eq!(Capability::new("appendlimit=35651584").unwrap().key_value(), Some(("appendlimit", "35651584")));
/// assert_eq!(Capability::new("imap4REV1").unwrap(), "IMAP4rev1".parse().unwrap());
/// ```
#[derive(Clone, Eq)]
pub struct Capability<'a>(Cow<'a, str>);

impl<'a> Capability<'a> {
    /// The capability `name`, such as `IDLE` or `AUTH=PLAIN`; fails unless
    /// it is an atom.
    pub fn new(name: impl Into<Cow<'a, str>>) -> Result<Self, ValidationError> {
        let name = name.into();
        check_class("capability", name.as_bytes(), is_atom_char)?;
        Ok(Capability(name))
    }

    /// A capability as the server sent it.
    pub(crate) fn from_wire(value: Cow<'a, str>) -> Self {
        Capability(value)
    }

    /// The capability as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True when this is `name`, ignoring ASCII case.
    pub fn is(&self, name: &str) -> bool {
        self.0.eq_ignore_ascii_case(name)
    }

    /// The mechanism of an `AUTH=` capability (`AUTH=PLAIN` gives `PLAIN`),
    /// the prefix in any case.
    pub fn auth_mechanism(&self) -> Option<&str> {
        let (key, value) = self.key_value()?;
        key.eq_ignore_ascii_case("AUTH").then_some(value)
    }

    /// The two sides of an `X=Y` capability, such as `APPENDLIMIT=35651584`
    /// (RFC 7889) or `SORT=DISPLAY` (RFC 5957).
    pub fn key_value(&self) -> Option<(&str, &str)> {
        self.0.split_once('=')
    }

    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> Capability<'static> {
        Capability(Cow::Owned(self.0.into_owned()))
    }
}

impl PartialEq for Capability<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(&other.0)
    }
}

impl std::hash::Hash for Capability<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        for b in self.0.bytes() {
            state.write_u8(b.to_ascii_uppercase());
        }
    }
}

impl fmt::Debug for Capability<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Capability({:?})", self.0)
    }
}

impl fmt::Display for Capability<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Capability<'static> {
    type Err = ValidationError;

    fn from_str(s: &str) -> Result<Self, ValidationError> {
        Capability::new(s.to_owned())
    }
}

/// `capability`, an atom (as ENABLE takes it, RFC 5161).
impl Encode for Capability<'_> {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        enc.atom(&self.0).map(drop)
    }
}
