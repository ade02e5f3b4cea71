//! `capability = ("AUTH=" auth-type) / atom` (RFC 3501 section 9).

use std::borrow::Cow;
use std::fmt;

/// One capability a server advertises, compared case-insensitively
/// (`IMAP4rev1` equals `IMAP4REV1`).
#[derive(Clone, Eq)]
pub struct Capability<'a>(Cow<'a, str>);

impl<'a> Capability<'a> {
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
