//! `status-att` (RFC 3501 section 6.3.10, RFC 9051 section 6.3.11, and the
//! extensions that add to it).
//!
//! ```text
//! status-att = "MESSAGES" / "UIDNEXT" / "UIDVALIDITY" / "UNSEEN" / "DELETED" / "SIZE"
//!            / "RECENT"          ; RFC 3501 only
//!            / "HIGHESTMODSEQ"   ; RFC 7162
//!            / "APPENDLIMIT"     ; RFC 7889
//!            / "MAILBOXID"       ; RFC 8474
//!            / "DELETED-STORAGE" ; RFC 9208
//! ```

use std::fmt;

use super::{Atom, ValidationError};
use crate::command::Requirements;
use crate::wire::encode::{Encode, Encoder};

/// One item a STATUS command asks for.
///
/// ```
/// use typed_imap::types::StatusAttr;
/// assert_eq!(StatusAttr::UidNext.to_string(), "UIDNEXT");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum StatusAttr<'a> {
    /// `MESSAGES`: the number of messages.
    Messages,
    /// `RECENT`: the number of messages with `\Recent` (RFC 3501 only).
    Recent,
    /// `UIDNEXT`: the next UID to be assigned.
    UidNext,
    /// `UIDVALIDITY`: the mailbox's UID validity value.
    UidValidity,
    /// `UNSEEN`: the number of messages without `\Seen`.
    Unseen,
    /// `DELETED`: the number of messages with `\Deleted` (RFC 9051
    /// section 6.3.11; RFC 9208 section 4.1.4).
    Deleted,
    /// `DELETED-STORAGE`: the storage an EXPUNGE would free, in octets
    /// (RFC 9208 section 4.1.4).
    DeletedStorage,
    /// `SIZE`: the mailbox's total size in octets (RFC 9051).
    Size,
    /// `HIGHESTMODSEQ` (RFC 7162 section 3.1.7).
    HighestModSeq,
    /// `APPENDLIMIT` (RFC 7889 section 4).
    AppendLimit,
    /// `MAILBOXID` (RFC 8474 section 4).
    MailboxId,
    /// Another attribute, for extensions this crate does not know.
    Other(Atom<'a>),
}

impl StatusAttr<'_> {
    /// The attribute's name on the wire.
    pub fn name(&self) -> &str {
        match self {
            StatusAttr::Messages => "MESSAGES",
            StatusAttr::Recent => "RECENT",
            StatusAttr::UidNext => "UIDNEXT",
            StatusAttr::UidValidity => "UIDVALIDITY",
            StatusAttr::Unseen => "UNSEEN",
            StatusAttr::Deleted => "DELETED",
            StatusAttr::DeletedStorage => "DELETED-STORAGE",
            StatusAttr::Size => "SIZE",
            StatusAttr::HighestModSeq => "HIGHESTMODSEQ",
            StatusAttr::AppendLimit => "APPENDLIMIT",
            StatusAttr::MailboxId => "MAILBOXID",
            StatusAttr::Other(a) => a.as_str(),
        }
    }

    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> StatusAttr<'static> {
        match self {
            StatusAttr::Messages => StatusAttr::Messages,
            StatusAttr::Recent => StatusAttr::Recent,
            StatusAttr::UidNext => StatusAttr::UidNext,
            StatusAttr::UidValidity => StatusAttr::UidValidity,
            StatusAttr::Unseen => StatusAttr::Unseen,
            StatusAttr::Deleted => StatusAttr::Deleted,
            StatusAttr::DeletedStorage => StatusAttr::DeletedStorage,
            StatusAttr::Size => StatusAttr::Size,
            StatusAttr::HighestModSeq => StatusAttr::HighestModSeq,
            StatusAttr::AppendLimit => StatusAttr::AppendLimit,
            StatusAttr::MailboxId => StatusAttr::MailboxId,
            StatusAttr::Other(a) => StatusAttr::Other(a.into_owned()),
        }
    }
}

impl fmt::Display for StatusAttr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// `status-att`, an atom; a list of them (`Vec<StatusAttr>`) is the
/// parenthesised list STATUS takes.
impl Encode for StatusAttr<'_> {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        enc.atom(self.name()).map(drop)
    }
}

/// What each attribute needs the server to have:
///
/// - `SIZE`: STATUS=SIZE (RFC 8438; part of IMAP4rev2, RFC 9051 Appendix E
///   item 3);
/// - `HIGHESTMODSEQ`: CONDSTORE (RFC 7162 section 3.1.7; QRESYNC includes
///   it);
/// - `APPENDLIMIT`: APPENDLIMIT (RFC 7889 section 3.1);
/// - `MAILBOXID`: OBJECTID (RFC 8474 section 4.3);
/// - `DELETED`: IMAP4rev2 (RFC 9051 section 6.3.11) or QUOTA=RES-MESSAGE
///   (RFC 9208 section 4.1.4: "only required to be implemented when the
///   server advertises" it), either one ([`ANY_OF`]);
/// - `DELETED-STORAGE`: QUOTA=RES-STORAGE (RFC 9208 section 4.1.4);
/// - `RECENT` (IMAP4rev1 only), the others, and `Other`: nothing.
///
/// [`ANY_OF`]: crate::command::implied::ANY_OF
impl Requirements for StatusAttr<'_> {
    fn requirements(&self, out: &mut Vec<&'static str>) {
        let needs = match self {
            StatusAttr::Size => "STATUS=SIZE",
            StatusAttr::HighestModSeq => "CONDSTORE",
            StatusAttr::AppendLimit => "APPENDLIMIT",
            StatusAttr::MailboxId => "OBJECTID",
            StatusAttr::Deleted => "IMAP4rev2 or QUOTA=RES-MESSAGE",
            StatusAttr::DeletedStorage => "QUOTA=RES-STORAGE",
            _ => return,
        };
        out.push(needs);
    }
}
