//! `tagged-ext-val` (RFC 4466 section 2.1, RFC 9051 section 9): the
//! generic value of an extension item this library does not know.

use super::ByteStr;

/// An extension value kept as the server sent it: an atom-like token
/// (a number, a sequence set or an atom), a string, or a parenthesised
/// list of values.
///
/// ```text
/// tagged-ext-val    = tagged-ext-simple / "(" [tagged-ext-comp] ")"
/// tagged-ext-simple = sequence-set / number / number64
/// tagged-ext-comp   = astring / tagged-ext-comp *(SP tagged-ext-comp) /
///                     "(" tagged-ext-comp ")"
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExtValue<'a> {
    /// A bare token: a number, a sequence set or an atom.
    Atom(ByteStr<'a>),
    /// A quoted string or a literal.
    String(ByteStr<'a>),
    /// `NIL`.
    Nil,
    /// A parenthesised list.
    List(Vec<ExtValue<'a>>),
}

impl ExtValue<'_> {
    /// The value as a number, when it is a bare decimal token.
    pub fn as_number(&self) -> Option<u64> {
        match self {
            ExtValue::Atom(a) => std::str::from_utf8(a).ok()?.parse().ok(),
            _ => None,
        }
    }

    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> ExtValue<'static> {
        match self {
            ExtValue::Atom(a) => ExtValue::Atom(a.into_owned()),
            ExtValue::String(s) => ExtValue::String(s.into_owned()),
            ExtValue::Nil => ExtValue::Nil,
            ExtValue::List(v) => ExtValue::List(v.into_iter().map(ExtValue::into_owned).collect()),
        }
    }
}
