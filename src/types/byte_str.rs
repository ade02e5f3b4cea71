//! Server strings as bytes, borrowed from the read buffer when possible.

use std::borrow::Cow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

use super::shared::{self, SharedSlice};

/// A string as the server sent it: the content of a quoted string (escapes
/// removed) or of a literal, or text. Bytes, because literals may hold any
/// octet; [`ByteStr::to_str`] gives UTF-8 when it is UTF-8.
///
/// It borrows from the read buffer, owns its bytes, or (in what a session
/// returns) shares one copy of its response with the response's other
/// strings (see `types/shared.rs`): the bytes are the same either way, and
/// equality, hashing and ordering look only at them.
///
/// Its `Debug` prints the bytes as an escaped string (`"a\r\n"`), so test
/// snapshots stay readable.
#[derive(Clone)]
pub struct ByteStr<'a>(Repr<'a>);

/// Where the bytes of a [`ByteStr`] live.
#[derive(Clone)]
enum Repr<'a> {
    Borrowed(&'a [u8]),
    Owned(Box<[u8]>),
    Shared(SharedSlice),
}

impl<'a> ByteStr<'a> {
    /// Wraps bytes, borrowed or owned.
    pub fn new(bytes: impl Into<Cow<'a, [u8]>>) -> Self {
        match bytes.into() {
            Cow::Borrowed(b) => ByteStr(Repr::Borrowed(b)),
            Cow::Owned(v) => ByteStr(Repr::Owned(v.into_boxed_slice())),
        }
    }

    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        match &self.0 {
            Repr::Borrowed(b) => b,
            Repr::Owned(b) => b,
            Repr::Shared(s) => s.as_bytes(),
        }
    }

    /// The bytes as UTF-8, or `None` when they are not.
    pub fn to_str(&self) -> Option<&str> {
        std::str::from_utf8(self.as_bytes()).ok()
    }

    /// The bytes as text, invalid UTF-8 replaced by U+FFFD.
    pub fn to_string_lossy(&self) -> Cow<'_, str> {
        String::from_utf8_lossy(self.as_bytes())
    }

    /// The bytes, borrowed if they were borrowed, else owned (shared bytes
    /// are copied).
    pub fn into_inner(self) -> Cow<'a, [u8]> {
        match self.0 {
            Repr::Borrowed(b) => Cow::Borrowed(b),
            Repr::Owned(b) => Cow::Owned(b.into_vec()),
            Repr::Shared(s) => Cow::Owned(s.as_bytes().to_vec()),
        }
    }

    /// Detaches the value from the buffer it borrows from. Inside a
    /// session's detaching of a response, bytes of that response are
    /// shared rather than copied (see `types/shared.rs`).
    pub fn into_owned(self) -> ByteStr<'static> {
        ByteStr(match self.0 {
            Repr::Borrowed(b) => match shared::share(b) {
                Some(s) => Repr::Shared(s),
                None => Repr::Owned(Box::from(b)),
            },
            Repr::Owned(b) => Repr::Owned(b),
            Repr::Shared(s) => Repr::Shared(s),
        })
    }
}

impl Default for ByteStr<'_> {
    fn default() -> Self {
        ByteStr(Repr::Borrowed(&[]))
    }
}

impl PartialEq for ByteStr<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl Eq for ByteStr<'_> {}

impl Hash for ByteStr<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_bytes().hash(state);
    }
}

impl Deref for ByteStr<'_> {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl<'a> From<&'a [u8]> for ByteStr<'a> {
    fn from(bytes: &'a [u8]) -> Self {
        ByteStr(Repr::Borrowed(bytes))
    }
}

impl<'a> From<&'a str> for ByteStr<'a> {
    fn from(s: &'a str) -> Self {
        ByteStr(Repr::Borrowed(s.as_bytes()))
    }
}

impl From<Vec<u8>> for ByteStr<'static> {
    fn from(bytes: Vec<u8>) -> Self {
        ByteStr(Repr::Owned(bytes.into_boxed_slice()))
    }
}

impl fmt::Debug for ByteStr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{}\"", self.as_bytes().escape_ascii())
    }
}

impl fmt::Display for ByteStr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_string_lossy())
    }
}
