//! `namespace-response` (NAMESPACE RFC 2342 section 5, RFC 9051
//! section 9).
//!
//! Adds to [`Data`](super::Data): `Namespace`.

use super::ByteStr;

/// A `* NAMESPACE` line: the personal, other users' and shared name
/// spaces. `NIL` is an empty list.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Namespaces<'a> {
    /// The user's own name spaces.
    pub personal: Vec<Namespace<'a>>,
    /// Other users' name spaces.
    pub other_users: Vec<Namespace<'a>>,
    /// Shared name spaces.
    pub shared: Vec<Namespace<'a>>,
}

/// `namespace-descr = "(" string SP (DQUOTE QUOTED-CHAR DQUOTE / nil)
/// [namespace-response-extensions] ")"`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Namespace<'a> {
    /// The prefix (`""`, `"INBOX."`, `"#shared/"`).
    pub prefix: ByteStr<'a>,
    /// The hierarchy delimiter, `None` for `NIL`.
    pub delimiter: Option<char>,
    /// `namespace-response-extension = SP string SP "(" string *(SP string) ")"`,
    /// such as `"TRANSLATION" ("...")`.
    pub extensions: Vec<(ByteStr<'a>, Vec<ByteStr<'a>>)>,
}

impl Namespace<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> Namespace<'static> {
        Namespace {
            prefix: self.prefix.into_owned(),
            delimiter: self.delimiter,
            extensions: self
                .extensions
                .into_iter()
                .map(|(k, v)| (k.into_owned(), v.into_iter().map(ByteStr::into_owned).collect()))
                .collect(),
        }
    }
}

impl Namespaces<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> Namespaces<'static> {
        let owned = |v: Vec<Namespace<'_>>| v.into_iter().map(Namespace::into_owned).collect();
        Namespaces {
            personal: owned(self.personal),
            other_users: owned(self.other_users),
            shared: owned(self.shared),
        }
    }
}
