//! `envelope` and `address` (RFC 3501 section 7.4.2 and 9, RFC 9051
//! section 7.5.2 and 9): the parsed header of a message, as FETCH ENVELOPE
//! returns it.

use super::ByteStr;

/// The envelope of a message: its main header fields, parsed by the
/// server (RFC 3501 section 7.4.2, `ENVELOPE`).
///
/// Strings are as the server sent them (RFC 2047 encoded words are not
/// decoded). An address list the server sent as `NIL` (or, quirk, as
/// `()`) is an empty `Vec`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Envelope<'a> {
    /// `env-date`: the `Date:` header field.
    pub date: Option<ByteStr<'a>>,
    /// `env-subject`: the `Subject:` header field.
    pub subject: Option<ByteStr<'a>>,
    /// `env-from`: the `From:` addresses.
    pub from: Vec<Address<'a>>,
    /// `env-sender`: the `Sender:` addresses (the server fills in `From:`
    /// when the header is absent).
    pub sender: Vec<Address<'a>>,
    /// `env-reply-to`: the `Reply-To:` addresses (the server fills in
    /// `From:` when the header is absent).
    pub reply_to: Vec<Address<'a>>,
    /// `env-to`: the `To:` addresses.
    pub to: Vec<Address<'a>>,
    /// `env-cc`: the `Cc:` addresses.
    pub cc: Vec<Address<'a>>,
    /// `env-bcc`: the `Bcc:` addresses.
    pub bcc: Vec<Address<'a>>,
    /// `env-in-reply-to`: the `In-Reply-To:` header field.
    pub in_reply_to: Option<ByteStr<'a>>,
    /// `env-message-id`: the `Message-ID:` header field.
    pub message_id: Option<ByteStr<'a>>,
}

/// One entry of an address list in an [`Envelope`] (RFC 3501 section
/// 7.4.2, `address`).
///
/// RFC 5322 group syntax is kept as sent: a group is an entry that starts
/// it ([`Address::is_group_start`], its `mailbox` is the group's name), the
/// group's members, and an entry that ends it ([`Address::is_group_end`]).
///
/// ```
/// use typed_imap::types::{Address, ByteStr};
///
/// let start = Address { mailbox: Some(ByteStr::from("friends")), ..Address::default() };
/// assert!(start.is_group_start());
/// assert!(Address::default().is_group_end());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Address<'a> {
    /// `addr-name`: the display name (phrase), if any.
    pub name: Option<ByteStr<'a>>,
    /// `addr-adl`: the obsolete source route, if any.
    pub adl: Option<ByteStr<'a>>,
    /// `addr-mailbox`: the local part, or the group name at a group start.
    pub mailbox: Option<ByteStr<'a>>,
    /// `addr-host`: the domain; `None` marks group syntax.
    pub host: Option<ByteStr<'a>>,
}

impl Envelope<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> Envelope<'static> {
        let list = |v: Vec<Address<'_>>| v.into_iter().map(Address::into_owned).collect();
        Envelope {
            date: self.date.map(ByteStr::into_owned),
            subject: self.subject.map(ByteStr::into_owned),
            from: list(self.from),
            sender: list(self.sender),
            reply_to: list(self.reply_to),
            to: list(self.to),
            cc: list(self.cc),
            bcc: list(self.bcc),
            in_reply_to: self.in_reply_to.map(ByteStr::into_owned),
            message_id: self.message_id.map(ByteStr::into_owned),
        }
    }
}

impl Address<'_> {
    /// Whether this entry starts an RFC 5322 group: mailbox (the group
    /// name) present, host `NIL`.
    pub fn is_group_start(&self) -> bool {
        self.mailbox.is_some() && self.host.is_none()
    }

    /// Whether this entry ends an RFC 5322 group: mailbox and host `NIL`.
    pub fn is_group_end(&self) -> bool {
        self.mailbox.is_none() && self.host.is_none()
    }

    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> Address<'static> {
        Address {
            name: self.name.map(ByteStr::into_owned),
            adl: self.adl.map(ByteStr::into_owned),
            mailbox: self.mailbox.map(ByteStr::into_owned),
            host: self.host.map(ByteStr::into_owned),
        }
    }
}
