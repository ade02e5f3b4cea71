//! `atom = 1*ATOM-CHAR` (RFC 3501 section 9).

use std::borrow::Cow;
use std::fmt;

use super::ValidationError;
use super::chars::{check_class, is_atom_char};
use crate::wire::encode::{Encode, Encoder};

/// An atom: one or more `ATOM-CHAR`s, sent as they are.
///
/// ```
/// use typed_imap::types::Atom;
/// assert!(Atom::new("INBOX").is_ok());
/// assert!(Atom::new("two words").is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Atom<'a>(Cow<'a, str>);

impl<'a> Atom<'a> {
    /// Checks that `value` is a non-empty run of `ATOM-CHAR`s.
    pub fn new(value: impl Into<Cow<'a, str>>) -> Result<Self, ValidationError> {
        let value = value.into();
        check_class("atom", value.as_bytes(), is_atom_char)?;
        Ok(Atom(value))
    }

    /// An atom as a server sent it. Not validated: servers bend the
    /// grammar (`\[test]` flags), and what they send is kept as sent.
    pub(crate) fn from_wire(value: Cow<'a, str>) -> Self {
        Atom(value)
    }

    /// The atom's text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> Atom<'static> {
        Atom(Cow::Owned(self.0.into_owned()))
    }

    /// [`into_owned`](Self::into_owned) for a keyword flag: one of the
    /// common ones (`$Forwarded`, `$Junk`, ...) borrows a static copy of
    /// the same text instead of allocating its own
    /// ([`common_token`](super::common_token)).
    pub(crate) fn into_owned_keyword(self) -> Atom<'static> {
        match super::common_token::keyword(&self.0) {
            Some(keyword) => Atom(Cow::Borrowed(keyword)),
            None => self.into_owned(),
        }
    }
}

impl fmt::Debug for Atom<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Atom({:?})", self.0)
    }
}

impl fmt::Display for Atom<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'a> TryFrom<&'a str> for Atom<'a> {
    type Error = ValidationError;

    fn try_from(s: &'a str) -> Result<Self, ValidationError> {
        Atom::new(s)
    }
}

impl std::str::FromStr for Atom<'static> {
    type Err = ValidationError;

    fn from_str(s: &str) -> Result<Self, ValidationError> {
        Atom::new(s.to_owned())
    }
}

/// `atom`, as it is; fails for an atom the server sent that bends the
/// grammar.
impl Encode for Atom<'_> {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        enc.atom(&self.0).map(drop)
    }
}
