//! `id-response` (ID, RFC 2971 section 4).
//!
//! Adds to [`Data`](super::Data): `Id`.

use super::ByteStr;

/// One field of the server's ID: a name (`"name"`, `"version"`, ...) and
/// its value, `None` for `NIL`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdParam<'a> {
    /// The field name.
    pub key: ByteStr<'a>,
    /// The value.
    pub value: Option<ByteStr<'a>>,
}

impl IdParam<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> IdParam<'static> {
        IdParam { key: self.key.into_owned(), value: self.value.map(ByteStr::into_owned) }
    }
}
