//! Server strings as bytes, borrowed from the read buffer when possible.

use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;

/// A string as the server sent it: the content of a quoted string (escapes
/// removed) or of a literal, or text. Bytes, because literals may hold any
/// octet; [`ByteStr::to_str`] gives UTF-8 when it is UTF-8.
///
/// Its `Debug` prints the bytes as an escaped string (`"a\r\n"`), so test
/// snapshots stay readable.
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct ByteStr<'a>(Cow<'a, [u8]>);

impl<'a> ByteStr<'a> {
    /// Wraps bytes, borrowed or owned.
    pub fn new(bytes: impl Into<Cow<'a, [u8]>>) -> Self {
        ByteStr(bytes.into())
    }

    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The bytes as UTF-8, or `None` when they are not.
    pub fn to_str(&self) -> Option<&str> {
        std::str::from_utf8(&self.0).ok()
    }

    /// The bytes as text, invalid UTF-8 replaced by U+FFFD.
    pub fn to_string_lossy(&self) -> Cow<'_, str> {
        String::from_utf8_lossy(&self.0)
    }

    /// The bytes, owned or borrowed as they are.
    pub fn into_inner(self) -> Cow<'a, [u8]> {
        self.0
    }

    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> ByteStr<'static> {
        ByteStr(Cow::Owned(self.0.into_owned()))
    }

    /// [`into_owned`](Self::into_owned) for a MIME token of a body
    /// structure (a media type, an encoding, a parameter, ...): one of the
    /// common ones borrows a static copy of the same bytes instead of
    /// allocating its own ([`common_token`](super::common_token)).
    pub(crate) fn into_owned_token(self) -> ByteStr<'static> {
        match super::common_token::mime(&self.0) {
            Some(token) => ByteStr(Cow::Borrowed(token)),
            None => self.into_owned(),
        }
    }
}

impl Deref for ByteStr<'_> {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.0
    }
}

impl<'a> From<&'a [u8]> for ByteStr<'a> {
    fn from(bytes: &'a [u8]) -> Self {
        ByteStr(Cow::Borrowed(bytes))
    }
}

impl<'a> From<&'a str> for ByteStr<'a> {
    fn from(s: &'a str) -> Self {
        ByteStr(Cow::Borrowed(s.as_bytes()))
    }
}

impl From<Vec<u8>> for ByteStr<'static> {
    fn from(bytes: Vec<u8>) -> Self {
        ByteStr(Cow::Owned(bytes))
    }
}

impl fmt::Debug for ByteStr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{}\"", self.0.escape_ascii())
    }
}

impl fmt::Display for ByteStr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_string_lossy())
    }
}
