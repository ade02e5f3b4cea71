//! `mailbox-data =/ "STATUS" SP mailbox SP "(" [status-att-list] ")"`
//! (RFC 3501 section 9, RFC 9051 section 9; CONDSTORE RFC 7162, OBJECTID
//! RFC 8474, APPENDLIMIT RFC 7889, QUOTA RFC 9208).
//!
//! Adds to [`Data`](super::Data): `Status`.

use super::{ByteStr, ExtValue, Mailbox};

/// One `* STATUS` line: a mailbox and the values asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusData<'a> {
    /// The mailbox.
    pub mailbox: Mailbox<'a>,
    /// The items, in the order sent.
    pub items: Vec<StatusItem<'a>>,
}

/// `status-att-val`: one STATUS item and its value.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum StatusItem<'a> {
    /// `MESSAGES n`
    Messages(u32),
    /// `RECENT n` (RFC 3501)
    Recent(u32),
    /// `UIDNEXT n`
    UidNext(u32),
    /// `UIDVALIDITY n`
    UidValidity(u32),
    /// `UNSEEN n`
    Unseen(u32),
    /// `DELETED n` (RFC 9051)
    Deleted(u32),
    /// `SIZE n` (RFC 9051, 64-bit)
    Size(u64),
    /// `HIGHESTMODSEQ n` (RFC 7162)
    HighestModSeq(u64),
    /// `MAILBOXID (objectid)` (RFC 8474)
    MailboxId(ByteStr<'a>),
    /// `APPENDLIMIT n` or `APPENDLIMIT NIL` (RFC 7889): the largest message
    /// APPEND accepts, `None` for no limit.
    AppendLimit(Option<u64>),
    /// `DELETED-STORAGE n` (RFC 9208)
    DeletedStorage(u64),
    /// An item this library does not know, kept raw.
    Other {
        /// The item's name.
        name: ByteStr<'a>,
        /// Its value.
        value: ExtValue<'a>,
    },
}

impl StatusItem<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> StatusItem<'static> {
        use StatusItem as S;
        match self {
            S::Messages(n) => S::Messages(n),
            S::Recent(n) => S::Recent(n),
            S::UidNext(n) => S::UidNext(n),
            S::UidValidity(n) => S::UidValidity(n),
            S::Unseen(n) => S::Unseen(n),
            S::Deleted(n) => S::Deleted(n),
            S::Size(n) => S::Size(n),
            S::HighestModSeq(n) => S::HighestModSeq(n),
            S::MailboxId(id) => S::MailboxId(id.into_owned()),
            S::AppendLimit(n) => S::AppendLimit(n),
            S::DeletedStorage(n) => S::DeletedStorage(n),
            S::Other { name, value } => S::Other { name: name.into_owned(), value: value.into_owned() },
        }
    }
}

impl StatusData<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> StatusData<'static> {
        StatusData {
            mailbox: self.mailbox.into_owned(),
            items: self.items.into_iter().map(StatusItem::into_owned).collect(),
        }
    }
}
