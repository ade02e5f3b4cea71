//! `msg-att` (RFC 3501 section 9, RFC 9051 section 9): the items of a
//! FETCH response.

use super::Flag;

/// One attribute of a message in a FETCH response.
///
/// CONTRACT STUB: the FETCH work fills in every attribute.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FetchItem<'a> {
    /// `UID uniqueid`
    Uid(u32),
    /// `FLAGS (flag-fetch ...)`
    Flags(Vec<Flag<'a>>),
}

impl FetchItem<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> FetchItem<'static> {
        match self {
            FetchItem::Uid(u) => FetchItem::Uid(u),
            FetchItem::Flags(f) => FetchItem::Flags(f.into_iter().map(Flag::into_owned).collect()),
        }
    }
}
