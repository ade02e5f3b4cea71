//! `use-attr` (SPECIAL-USE, RFC 6154 section 6): the role CREATE asks a
//! new mailbox to have.
//!
//! ```text
//! use-attr     = "\All" / "\Archive" / "\Drafts" / "\Flagged" /
//!                "\Junk" / "\Sent" / "\Trash" / use-attr-ext
//! use-attr-ext = "\" atom
//! ```

use std::borrow::Cow;

use crate::types::{Atom, MailboxAttr, ValidationError};
use crate::wire::encode::{Encode, Encoder};

/// A special-use attribute for `CREATE name (USE (...))` (RFC 6154
/// section 3; `\Important` from RFC 8457).
///
/// ```
/// use typed_imap::command::SpecialUse;
/// assert_eq!(SpecialUse::Sent.name(), "Sent");
/// assert!(SpecialUse::other("Spam Box").is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SpecialUse {
    /// `\All`: every message.
    All,
    /// `\Archive`: archived messages.
    Archive,
    /// `\Drafts`: drafts.
    Drafts,
    /// `\Flagged`: flagged messages.
    Flagged,
    /// `\Junk`: junk mail.
    Junk,
    /// `\Sent`: sent mail.
    Sent,
    /// `\Trash`: deleted messages.
    Trash,
    /// `\Important` (RFC 8457).
    Important,
    /// `\name`, an extension (`use-attr-ext`), kept without the backslash.
    Other(Atom<'static>),
}

impl SpecialUse {
    /// The extension attribute `\name`; fails unless `name` is an atom.
    pub fn other(name: impl Into<Cow<'static, str>>) -> Result<Self, ValidationError> {
        Atom::new(name).map(SpecialUse::Other).map_err(|e| e.within("use-attr"))
    }

    /// The name without the backslash.
    pub fn name(&self) -> &str {
        match self {
            SpecialUse::All => "All",
            SpecialUse::Archive => "Archive",
            SpecialUse::Drafts => "Drafts",
            SpecialUse::Flagged => "Flagged",
            SpecialUse::Junk => "Junk",
            SpecialUse::Sent => "Sent",
            SpecialUse::Trash => "Trash",
            SpecialUse::Important => "Important",
            SpecialUse::Other(a) => a.as_str(),
        }
    }

    /// True when a LIST attribute is this one (`\Sent` for [`SpecialUse::Sent`]).
    pub fn matches(&self, attr: &MailboxAttr<'_>) -> bool {
        match (self, attr) {
            (SpecialUse::Other(a), MailboxAttr::Other(b)) => a.as_str().eq_ignore_ascii_case(b.as_str()),
            (SpecialUse::All, MailboxAttr::All)
            | (SpecialUse::Archive, MailboxAttr::Archive)
            | (SpecialUse::Drafts, MailboxAttr::Drafts)
            | (SpecialUse::Flagged, MailboxAttr::Flagged)
            | (SpecialUse::Junk, MailboxAttr::Junk)
            | (SpecialUse::Sent, MailboxAttr::Sent)
            | (SpecialUse::Trash, MailboxAttr::Trash)
            | (SpecialUse::Important, MailboxAttr::Important) => true,
            _ => false,
        }
    }
}

/// `"\" name`.
impl Encode for SpecialUse {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        enc.raw(b"\\")?.atom(self.name()).map(drop)
    }
}
