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

/// A case-insensitive key of a name of at most 16 ASCII letters, for
/// matching it against known names (`match key(name) { k if k ==
/// key(b"Seen") => .. }`): each byte is folded to lower case with `| 0x20`,
/// in one integer, padded with zeros. `None` for a longer name.
///
/// Two names have the same key exactly when they have the same length and
/// agree byte by byte up to case, provided one of them is made of letters
/// only: `b | 0x20` is a lower-case letter only when `b` is a letter, and
/// never 0. Copying the name to the stack and upper-casing it byte by byte
/// before a `match` on byte strings cost more than twice as much
/// (callgrind, 79 LIST attributes: 12.0K -> 5.3K instructions).
pub(crate) const fn letters_key(name: &[u8]) -> Option<u128> {
    if name.len() > 16 {
        return None;
    }
    let mut buf = [0u8; 16];
    let mut i = 0;
    while i < name.len() {
        buf[i] = name[i] | 0x20;
        i += 1;
    }
    Some(u128::from_le_bytes(buf))
}

/// `atom`, as it is; fails for an atom the server sent that bends the
/// grammar.
impl Encode for Atom<'_> {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        enc.atom(&self.0).map(drop)
    }
}
