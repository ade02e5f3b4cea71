//! `metadata-resp` (METADATA, RFC 5464 section 4.4).
//!
//! Adds to [`Data`](super::Data): `Metadata`.

use super::{ByteStr, Mailbox};

/// `metadata-resp = "METADATA" SP mailbox SP (entry-values / entry-list)`.
/// The mailbox is empty (`""`) for server annotations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Metadata<'a> {
    /// The mailbox, `""` for the server.
    pub mailbox: Mailbox<'a>,
    /// The entries.
    pub entries: MetadataEntries<'a>,
}

/// The two forms of a METADATA response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MetadataEntries<'a> {
    /// `entry-values = "(" entry-value *(SP entry-value) ")"`: the answer to
    /// GETMETADATA; `None` for `NIL` (no value).
    Values(Vec<(ByteStr<'a>, Option<ByteStr<'a>>)>),
    /// `entry-list = entry *(SP entry)`: unsolicited, entries that changed.
    Names(Vec<ByteStr<'a>>),
}

impl Metadata<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> Metadata<'static> {
        let entries = match self.entries {
            MetadataEntries::Values(v) => MetadataEntries::Values(
                v.into_iter().map(|(k, v)| (k.into_owned(), v.map(ByteStr::into_owned))).collect(),
            ),
            MetadataEntries::Names(v) => {
                MetadataEntries::Names(v.into_iter().map(ByteStr::into_owned).collect())
            }
        };
        Metadata { mailbox: self.mailbox.into_owned(), entries }
    }
}
