//! `mailbox = "INBOX" / astring` (RFC 3501 section 9), names in modified
//! UTF-7 (RFC 3501 section 5.1.3) on the wire.

use std::borrow::Cow;

/// A mailbox name.
///
/// CONTRACT STUB: the types work replaces the internals (decoded name,
/// modified UTF-7 both ways, INBOX case-insensitive); `from_wire`,
/// `wire` and `into_owned` keep their signatures.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Mailbox<'a> {
    wire: Cow<'a, [u8]>,
}

impl<'a> Mailbox<'a> {
    /// A mailbox name as the server sent it (after quoting was removed).
    pub(crate) fn from_wire(wire: Cow<'a, [u8]>) -> Self {
        Mailbox { wire }
    }

    /// The name's bytes as they go on the wire (modified UTF-7 unless
    /// UTF8=ACCEPT is in force).
    pub fn wire(&self) -> &[u8] {
        &self.wire
    }

    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> Mailbox<'static> {
        Mailbox { wire: Cow::Owned(self.wire.into_owned()) }
    }
}
