//! `mailbox-list` (RFC 3501 section 9, RFC 9051 section 9, LIST-EXTENDED
//! RFC 5258, SPECIAL-USE RFC 6154): the data of a LIST or LSUB response.
//!
//! Adds to [`Data`](super::Data): `List`, `Lsub`.

use super::{Atom, ExtValue, Mailbox};
use crate::wire::parse::keyword::letters_key;

/// One `* LIST` or `* LSUB` line: a mailbox, its attributes and its
/// hierarchy delimiter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListData<'a> {
    /// The name attributes (`\Noselect`, `\HasChildren`, `\Sent`, ...).
    pub attributes: Vec<MailboxAttr<'a>>,
    /// The hierarchy delimiter, or `None` for a flat name space (`NIL`).
    pub delimiter: Option<char>,
    /// The mailbox.
    pub mailbox: Mailbox<'a>,
    /// LIST-EXTENDED items (RFC 5258), in the order sent.
    pub extended: Vec<ListExtItem<'a>>,
}

/// `mbx-list-flags` and the special-use attributes of RFC 6154.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MailboxAttr<'a> {
    /// `\Noinferiors`: no child mailboxes are possible.
    NoInferiors,
    /// `\Noselect`: the name cannot be selected.
    NoSelect,
    /// `\Marked`: probably has new messages.
    Marked,
    /// `\Unmarked`: no new messages.
    Unmarked,
    /// `\HasChildren` (RFC 3348, RFC 5258).
    HasChildren,
    /// `\HasNoChildren` (RFC 3348, RFC 5258).
    HasNoChildren,
    /// `\NonExistent` (RFC 5258).
    NonExistent,
    /// `\Subscribed` (RFC 5258).
    Subscribed,
    /// `\Remote` (RFC 5258).
    Remote,
    /// `\All` (RFC 6154).
    All,
    /// `\Archive` (RFC 6154).
    Archive,
    /// `\Drafts` (RFC 6154).
    Drafts,
    /// `\Flagged` (RFC 6154).
    Flagged,
    /// `\Junk` (RFC 6154).
    Junk,
    /// `\Sent` (RFC 6154).
    Sent,
    /// `\Trash` (RFC 6154).
    Trash,
    /// `\Important` (RFC 8457).
    Important,
    /// Another `\`-attribute, kept without the backslash.
    Other(Atom<'a>),
}

/// The known attribute whose name on the wire (without `\\`) has the
/// [`letters_key`] `key`.
///
/// A `match` on the key rather than a case-insensitive search of a table:
/// every LIST line has one or more attributes, and the search was about
/// 14% of the LIST corpus' instructions (callgrind, 50 lines: 136K ->
/// 129K; the key instead of an upper-cased copy: 12.0K -> 5.3K for the
/// 79 attributes).
fn known_attr(key: u128) -> Option<MailboxAttr<'static>> {
    use crate::wire::parse::keyword::key as k;
    use MailboxAttr as A;
    const NOINFERIORS: u128 = k(b"Noinferiors");
    const NOSELECT: u128 = k(b"Noselect");
    const MARKED: u128 = k(b"Marked");
    const UNMARKED: u128 = k(b"Unmarked");
    const HASCHILDREN: u128 = k(b"HasChildren");
    const HASNOCHILDREN: u128 = k(b"HasNoChildren");
    const NONEXISTENT: u128 = k(b"NonExistent");
    const SUBSCRIBED: u128 = k(b"Subscribed");
    const REMOTE: u128 = k(b"Remote");
    const ALL: u128 = k(b"All");
    const ARCHIVE: u128 = k(b"Archive");
    const DRAFTS: u128 = k(b"Drafts");
    const FLAGGED: u128 = k(b"Flagged");
    const JUNK: u128 = k(b"Junk");
    const SENT: u128 = k(b"Sent");
    const TRASH: u128 = k(b"Trash");
    const IMPORTANT: u128 = k(b"Important");
    Some(match key {
        NOINFERIORS => A::NoInferiors,
        NOSELECT => A::NoSelect,
        MARKED => A::Marked,
        UNMARKED => A::Unmarked,
        HASCHILDREN => A::HasChildren,
        HASNOCHILDREN => A::HasNoChildren,
        NONEXISTENT => A::NonExistent,
        SUBSCRIBED => A::Subscribed,
        REMOTE => A::Remote,
        ALL => A::All,
        ARCHIVE => A::Archive,
        DRAFTS => A::Drafts,
        FLAGGED => A::Flagged,
        JUNK => A::Junk,
        SENT => A::Sent,
        TRASH => A::Trash,
        IMPORTANT => A::Important,
        _ => return None,
    })
}

impl<'a> MailboxAttr<'a> {
    /// The attribute called `\name` (case-insensitive).
    pub(crate) fn from_name(name: Atom<'a>) -> Self {
        MailboxAttr::known(name.as_str().as_bytes()).unwrap_or(MailboxAttr::Other(name))
    }

    /// The known attribute called `\name` (case-insensitive), if any. On
    /// bytes, so the parser makes a `&str` (a UTF-8 check) only of the
    /// others.
    pub(crate) fn known(name: &[u8]) -> Option<MailboxAttr<'static>> {
        known_attr(letters_key(name)?)
    }

    /// The known attribute whose name has the [`letters_key`] `key`, if
    /// any.
    pub(crate) fn known_key(key: u128) -> Option<MailboxAttr<'static>> {
        known_attr(key)
    }

    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> MailboxAttr<'static> {
        use MailboxAttr as A;
        match self {
            A::Other(a) => A::Other(a.into_owned()),
            A::NoInferiors => A::NoInferiors,
            A::NoSelect => A::NoSelect,
            A::Marked => A::Marked,
            A::Unmarked => A::Unmarked,
            A::HasChildren => A::HasChildren,
            A::HasNoChildren => A::HasNoChildren,
            A::NonExistent => A::NonExistent,
            A::Subscribed => A::Subscribed,
            A::Remote => A::Remote,
            A::All => A::All,
            A::Archive => A::Archive,
            A::Drafts => A::Drafts,
            A::Flagged => A::Flagged,
            A::Junk => A::Junk,
            A::Sent => A::Sent,
            A::Trash => A::Trash,
            A::Important => A::Important,
        }
    }
}

/// `mbox-list-extended-item` (RFC 5258 section 9, RFC 9051 section 9).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ListExtItem<'a> {
    /// `CHILDINFO (...)`: why a parent matched (`"SUBSCRIBED"`).
    ChildInfo(Vec<super::ByteStr<'a>>),
    /// `OLDNAME (mailbox)` (RFC 9051): the name before a RENAME.
    OldName(Mailbox<'a>),
    /// An item this library does not know, kept raw.
    Other {
        /// The item's tag.
        tag: super::ByteStr<'a>,
        /// Its value.
        value: ExtValue<'a>,
    },
}

impl ListExtItem<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> ListExtItem<'static> {
        match self {
            ListExtItem::ChildInfo(v) => {
                ListExtItem::ChildInfo(v.into_iter().map(|s| s.into_owned()).collect())
            }
            ListExtItem::OldName(m) => ListExtItem::OldName(m.into_owned()),
            ListExtItem::Other { tag, value } => {
                ListExtItem::Other { tag: tag.into_owned(), value: value.into_owned() }
            }
        }
    }
}

impl ListData<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> ListData<'static> {
        ListData {
            attributes: self.attributes.into_iter().map(MailboxAttr::into_owned).collect(),
            delimiter: self.delimiter,
            mailbox: self.mailbox.into_owned(),
            extended: self.extended.into_iter().map(ListExtItem::into_owned).collect(),
        }
    }
}
