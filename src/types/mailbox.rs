//! `mailbox = "INBOX" / astring` (RFC 3501 section 9), names in modified
//! UTF-7 (RFC 3501 section 5.1.3) on the wire.

use std::borrow::Cow;
use std::fmt;
use std::hash::{Hash, Hasher};

use super::chars::refuse_nul;
use super::{ValidationError, utf7};
use crate::wire::encode::{Encode, Encoder};

/// A mailbox name.
///
/// A name holds two views: [`Mailbox::name`], the name as a person reads
/// it (`Entwürfe`), and [`Mailbox::wire`], the bytes as they were sent or
/// received (`Entw&APw-rfe`, modified UTF-7, RFC 3501 section 5.1.3).
///
/// - `INBOX` is case-insensitive (RFC 3501 section 5.1): any case of
///   `inbox` equals [`Mailbox::inbox`] and is sent as `INBOX`.
/// - Names from the server that hold 8-bit bytes are read as UTF-8, as a
///   server sends them once UTF8=ACCEPT (RFC 6855) is enabled; other names
///   are decoded from modified UTF-7.
/// - A name that is not valid modified UTF-7 is read as plain text; one
///   that is not UTF-8 either has no decoded form ([`Mailbox::decoded`]).
///   Either way [`Mailbox::wire`] keeps the bytes the server sent, and they
///   are what is sent back (unless UTF8=ACCEPT asks for UTF-8).
/// - Without knowing whether UTF8=ACCEPT is on, a name such as `A&-B` is
///   ambiguous; it is read as modified UTF-7 (`A&B`).
/// - Two names are equal when they decode to the same text, whatever
///   their wire form.
///
/// ```
/// use typed_imap::types::Mailbox;
///
/// let drafts = Mailbox::new("Entwürfe").unwrap();
/// assert_eq!(drafts.wire(), b"Entw&APw-rfe");
/// assert_eq!(drafts.name(), "Entwürfe");
/// assert_eq!(Mailbox::new("inbox").unwrap(), Mailbox::inbox());
/// assert_eq!(Mailbox::new("inbox").unwrap().wire(), b"INBOX");
/// ```
#[derive(Clone)]
pub struct Mailbox<'a> {
    wire: Cow<'a, [u8]>,
}

impl<'a> Mailbox<'a> {
    /// The mailbox `name`, encoded in modified UTF-7; fails when it holds
    /// NUL, which no IMAP string can carry (RFC 3501 section 4.3).
    pub fn new(name: &str) -> Result<Mailbox<'static>, ValidationError> {
        refuse_nul("mailbox", name.as_bytes())?;
        if name.eq_ignore_ascii_case("INBOX") {
            return Ok(Mailbox::inbox());
        }
        Ok(Mailbox { wire: Cow::Owned(utf7::encode(name).into_bytes()) })
    }

    /// `INBOX`, the user's primary mailbox (RFC 3501 section 5.1).
    pub fn inbox() -> Mailbox<'static> {
        Mailbox { wire: Cow::Borrowed(b"INBOX") }
    }

    /// A mailbox name as the server sent it (after quoting was removed).
    pub(crate) fn from_wire(wire: Cow<'a, [u8]>) -> Self {
        Mailbox { wire }
    }

    /// The name's bytes as they were sent or received: modified UTF-7, or
    /// UTF-8 from a server with UTF8=ACCEPT enabled.
    pub fn wire(&self) -> &[u8] {
        &self.wire
    }

    /// The decoded name; a name that cannot be decoded is given with
    /// invalid parts replaced by U+FFFD (its bytes stay in [`Mailbox::wire`]).
    pub fn name(&self) -> Cow<'_, str> {
        self.decoded().unwrap_or_else(|| String::from_utf8_lossy(&self.wire))
    }

    /// The decoded name: the modified UTF-7 decoded, or the bytes as UTF-8
    /// when they hold 8-bit bytes or are not valid modified UTF-7 (as a
    /// server with UTF8=ACCEPT enabled sends `&` unencoded). `None` when
    /// the bytes are not UTF-8.
    pub fn decoded(&self) -> Option<Cow<'_, str>> {
        if self.is_inbox() {
            return Some(Cow::Borrowed("INBOX"));
        }
        if !self.wire.is_ascii() {
            return std::str::from_utf8(&self.wire).ok().map(Cow::Borrowed);
        }
        if self.wire.iter().all(|b| (0x20..=0x7e).contains(b) && *b != b'&') {
            return std::str::from_utf8(&self.wire).ok().map(Cow::Borrowed);
        }
        match utf7::decode(&self.wire) {
            Some(name) => Some(Cow::Owned(name)),
            // Not modified UTF-7: a UTF8=ACCEPT server's plain name.
            None => std::str::from_utf8(&self.wire).ok().map(Cow::Borrowed),
        }
    }

    /// True for `INBOX` in any case.
    pub fn is_inbox(&self) -> bool {
        self.wire.eq_ignore_ascii_case(b"INBOX")
    }

    /// The bytes to send: `INBOX`; the name in UTF-8 when `utf8`
    /// (UTF8=ACCEPT enabled); otherwise modified UTF-7.
    pub(crate) fn wire_for(&self, utf8: bool) -> Cow<'_, [u8]> {
        if self.is_inbox() {
            return Cow::Borrowed(b"INBOX");
        }
        match self.decoded() {
            Some(name) if utf8 => Cow::Owned(name.into_owned().into_bytes()),
            Some(name) if !self.wire.is_ascii() => Cow::Owned(utf7::encode(&name).into_bytes()),
            _ => Cow::Borrowed(&self.wire),
        }
    }

    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> Mailbox<'static> {
        Mailbox { wire: Cow::Owned(self.wire.into_owned()) }
    }
}

impl PartialEq for Mailbox<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self.decoded(), other.decoded()) {
            (Some(a), Some(b)) => a == b,
            _ => self.wire == other.wire,
        }
    }
}

impl Eq for Mailbox<'_> {}

impl Hash for Mailbox<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        match self.decoded() {
            Some(name) => (0u8, name.as_ref()).hash(state),
            None => (1u8, self.wire.as_ref()).hash(state),
        }
    }
}

impl fmt::Debug for Mailbox<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.decoded() {
            Some(name) => write!(f, "Mailbox({name:?})"),
            None => write!(f, "Mailbox(b\"{}\")", self.wire.escape_ascii()),
        }
    }
}

impl fmt::Display for Mailbox<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

impl TryFrom<&str> for Mailbox<'static> {
    type Error = ValidationError;

    fn try_from(name: &str) -> Result<Self, ValidationError> {
        Mailbox::new(name)
    }
}

impl std::str::FromStr for Mailbox<'static> {
    type Err = ValidationError;

    fn from_str(name: &str) -> Result<Self, ValidationError> {
        Mailbox::new(name)
    }
}

/// `mailbox`: sent as an astring, in the form [`Encoder::mailbox`] picks.
impl Encode for Mailbox<'_> {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        enc.mailbox(self).map(drop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wire(b: &[u8]) -> Mailbox<'_> {
        Mailbox::from_wire(Cow::Borrowed(b))
    }

    #[test]
    fn server_names_decode_both_ways() {
        assert_eq!(wire(b"&BB4EQgQ,BEAEMAQyBDsENQQ9BD0ESwQ1-").name(), "Отправленные");
        assert_eq!(wire("Entwürfe".as_bytes()).name(), "Entwürfe");
        assert_eq!(wire("Entwürfe".as_bytes()), wire(b"Entw&APw-rfe"));
    }

    #[test]
    fn undecodable_names_keep_their_bytes() {
        let m = wire(b"bad\xff&AAA");
        assert_eq!(m.decoded(), None);
        assert_eq!(m.name(), "bad\u{fffd}&AAA");
        assert_eq!(m.wire_for(false).as_ref(), b"bad\xff&AAA");
        assert_eq!(format!("{m:?}"), "Mailbox(b\"bad\\xff&AAA\")");
        let plain = wire(b"R&D");
        assert_eq!(plain.name(), "R&D", "not modified UTF-7: plain text");
        assert_eq!(plain.wire_for(false).as_ref(), b"R&D", "sent back as received");
    }

    #[test]
    fn inbox_in_any_case() {
        assert_eq!(wire(b"iNbOx"), Mailbox::inbox());
        assert_eq!(wire(b"iNbOx").wire_for(false).as_ref(), b"INBOX");
        assert_eq!(wire(b"iNbOx").name(), "INBOX");
        assert_ne!(wire(b"INBOX.x"), Mailbox::inbox());
    }

    #[test]
    fn wire_form_follows_utf8_option() {
        let m = wire("Entwürfe".as_bytes());
        assert_eq!(m.wire_for(false).as_ref(), b"Entw&APw-rfe");
        assert_eq!(Mailbox::new("Entwürfe").unwrap().wire_for(true).as_ref(), "Entwürfe".as_bytes());
    }

    #[test]
    fn nul_is_refused() {
        let e = Mailbox::new("a\0b").unwrap_err();
        assert_eq!(e.offending_byte(), Some((0, 1)));
    }
}
