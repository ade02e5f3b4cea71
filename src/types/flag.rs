//! `flag` and `flag-perm` (RFC 3501 section 9, RFC 9051 section 9).
//!
//! ```text
//! flag           = "\Answered" / "\Flagged" / "\Deleted" / "\Seen" / "\Draft" /
//!                  flag-keyword / flag-extension
//! flag-keyword   = "$MDNSent" / "$Forwarded" / "$Junk" / "$NotJunk" / "$Phishing" / atom
//! flag-extension = "\" atom
//! flag-perm      = flag / "\*"
//! ```

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use super::{Atom, ValidationError};
use crate::wire::encode::{Encode, Encoder};
use crate::wire::parse::keyword::letters_key;

/// A message flag: a system flag, a keyword, or an extension flag
/// (RFC 3501 section 2.3.2).
///
/// ```
/// use typed_imap::types::Flag;
///
/// assert_eq!("\\seen".parse::<Flag>().unwrap(), Flag::Seen);
/// assert_eq!(Flag::keyword("$Forwarded").unwrap().to_string(), "$Forwarded");
/// assert!(Flag::keyword("two words").is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Flag<'a> {
    /// `\Answered`
    Answered,
    /// `\Flagged`
    Flagged,
    /// `\Deleted`
    Deleted,
    /// `\Seen`
    Seen,
    /// `\Draft`
    Draft,
    /// `\Recent` (RFC 3501 only; a server sends it, a client never sets it)
    Recent,
    /// `\*` in PERMANENTFLAGS: new keywords may be created.
    Wildcard,
    /// A keyword such as `$Forwarded` or `Junk`.
    Keyword(Atom<'a>),
    /// An unknown flag starting with `\`, kept without the backslash.
    Extension(Atom<'a>),
}

/// The system flags by name, without the backslash.
const SYSTEM: [(&str, Flag<'static>); 6] = [
    ("Answered", Flag::Answered),
    ("Flagged", Flag::Flagged),
    ("Deleted", Flag::Deleted),
    ("Seen", Flag::Seen),
    ("Draft", Flag::Draft),
    ("Recent", Flag::Recent),
];

impl<'a> Flag<'a> {
    /// The keyword `name` (`$Forwarded`, `Junk`); fails unless it is an atom.
    pub fn keyword(name: impl Into<Cow<'a, str>>) -> Result<Self, ValidationError> {
        Atom::new(name).map(Flag::Keyword).map_err(|e| e.within("flag keyword"))
    }

    /// The flag `\name`: a system flag when `name` is one (any case), else
    /// an extension flag; fails unless `name` is an atom.
    pub fn system(name: impl Into<Cow<'a, str>>) -> Result<Self, ValidationError> {
        let atom = Atom::new(name).map_err(|e| e.within("flag"))?;
        let known = SYSTEM.iter().find(|(n, _)| n.eq_ignore_ascii_case(atom.as_str()));
        Ok(known.map_or(Flag::Extension(atom), |(_, f)| f.clone()))
    }

    /// The flag `\name` as a server sent it, not validated: a system flag
    /// when `name` is one (any case), else an extension flag.
    pub(crate) fn from_wire_system(name: &'a str) -> Self {
        Flag::known_system(name.as_bytes())
            .unwrap_or_else(|| Flag::Extension(Atom::from_wire(Cow::Borrowed(name))))
    }

    /// The system flag called `\name` (any case), if it is one. On bytes,
    /// so the parser need not make a `&str` (a UTF-8 check) of the most
    /// common flags.
    ///
    /// A `match` on the [`letters_key`] of the name: the case-insensitive
    /// search of [`SYSTEM`] cost about 85 instructions a flag, the key
    /// about 30 (callgrind, 272 flags of 500 small responses: 23.0K ->
    /// 8.4K).
    pub(crate) fn known_system(name: &[u8]) -> Option<Flag<'static>> {
        Flag::known_system_key(letters_key(name)?)
    }

    /// The system flag whose name has the [`letters_key`] `key`, if any.
    pub(crate) fn known_system_key(key: u128) -> Option<Flag<'static>> {
        use crate::wire::parse::keyword::key as k;
        const ANSWERED: u128 = k(SYSTEM[0].0.as_bytes());
        const FLAGGED: u128 = k(SYSTEM[1].0.as_bytes());
        const DELETED: u128 = k(SYSTEM[2].0.as_bytes());
        const SEEN: u128 = k(SYSTEM[3].0.as_bytes());
        const DRAFT: u128 = k(SYSTEM[4].0.as_bytes());
        const RECENT: u128 = k(SYSTEM[5].0.as_bytes());
        Some(match key {
            ANSWERED => Flag::Answered,
            FLAGGED => Flag::Flagged,
            DELETED => Flag::Deleted,
            SEEN => Flag::Seen,
            DRAFT => Flag::Draft,
            RECENT => Flag::Recent,
            _ => return None,
        })
    }

    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> Flag<'static> {
        match self {
            Flag::Answered => Flag::Answered,
            Flag::Flagged => Flag::Flagged,
            Flag::Deleted => Flag::Deleted,
            Flag::Seen => Flag::Seen,
            Flag::Draft => Flag::Draft,
            Flag::Recent => Flag::Recent,
            Flag::Wildcard => Flag::Wildcard,
            Flag::Keyword(a) => Flag::Keyword(a.into_owned_keyword()),
            Flag::Extension(a) => Flag::Extension(a.into_owned()),
        }
    }
}

impl FromStr for Flag<'static> {
    type Err = ValidationError;

    /// Reads `\Seen`, `\*`, `\Custom` or a keyword such as `$Forwarded`.
    fn from_str(s: &str) -> Result<Self, ValidationError> {
        match s.strip_prefix('\\') {
            Some("*") => Ok(Flag::Wildcard),
            Some(name) => Flag::system(name.to_owned()),
            None => Flag::keyword(s.to_owned()),
        }
    }
}

impl fmt::Display for Flag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Flag::Answered => f.write_str("\\Answered"),
            Flag::Flagged => f.write_str("\\Flagged"),
            Flag::Deleted => f.write_str("\\Deleted"),
            Flag::Seen => f.write_str("\\Seen"),
            Flag::Draft => f.write_str("\\Draft"),
            Flag::Recent => f.write_str("\\Recent"),
            Flag::Wildcard => f.write_str("\\*"),
            Flag::Keyword(a) => write!(f, "{a}"),
            Flag::Extension(a) => write!(f, "\\{a}"),
        }
    }
}

impl fmt::Debug for Flag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Flag({self})")
    }
}

/// `flag`, as [`Display`](fmt::Display) writes it; fails for a keyword or
/// extension the server sent that is not an atom (`\[test]`).
impl Encode for Flag<'_> {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        match self {
            Flag::Keyword(a) => a.encode(enc),
            Flag::Extension(a) => {
                enc.raw(b"\\")?;
                a.encode(enc)
            }
            other => enc.raw(other.to_string().as_bytes()).map(drop),
        }
    }
}
