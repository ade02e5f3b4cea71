//! `search-response` / `sort-data` (RFC 3501 section 9, SORT RFC 5256,
//! CONDSTORE RFC 7162) and `esearch-response` (ESEARCH RFC 4731,
//! RFC 9051 section 9, PARTIAL RFC 9394).
//!
//! Adds to [`Data`](super::Data): `Search`, `Sort`, `Esearch`.

use super::{ByteStr, ExtValue, Mailbox, SequenceSet};

/// A `* SEARCH` or `* SORT` line: message numbers or UIDs, and the
/// highest mod-sequence of the matches when CONDSTORE asked for it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SearchResult {
    /// The numbers, in the order sent (for SORT, the sort order).
    pub numbers: Vec<u32>,
    /// `(MODSEQ n)` (RFC 7162).
    pub modseq: Option<u64>,
}

/// A `* ESEARCH` line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Esearch<'a> {
    /// `(TAG "...")`: the tag of the command this answers.
    pub tag: Option<ByteStr<'a>>,
    /// The mailbox searched (MULTISEARCH, RFC 7377).
    pub mailbox: Option<Mailbox<'a>>,
    /// That mailbox's UID validity (MULTISEARCH, RFC 7377).
    pub uid_validity: Option<u32>,
    /// `UID`: the numbers are UIDs.
    pub uid: bool,
    /// The returned data, in the order sent.
    pub items: Vec<EsearchItem<'a>>,
}

/// `search-return-data`: one item of an ESEARCH response.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum EsearchItem<'a> {
    /// `MIN n`
    Min(u32),
    /// `MAX n`
    Max(u32),
    /// `COUNT n`
    Count(u32),
    /// `ALL set`
    All(SequenceSet),
    /// `MODSEQ n` (RFC 7162)
    ModSeq(u64),
    /// `PARTIAL (range set)` (RFC 9394): the window asked for and the
    /// matches in it (`None` for `NIL`: no match).
    Partial {
        /// The first end of the window (negative: counted from the last
        /// match).
        first: i64,
        /// The second end of the window.
        last: i64,
        /// The matches in the window.
        set: Option<SequenceSet>,
    },
    /// An item this library does not know, kept raw.
    Other {
        /// The item's name.
        name: ByteStr<'a>,
        /// Its value.
        value: ExtValue<'a>,
    },
}

impl EsearchItem<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> EsearchItem<'static> {
        use EsearchItem as E;
        match self {
            E::Min(n) => E::Min(n),
            E::Max(n) => E::Max(n),
            E::Count(n) => E::Count(n),
            E::All(s) => E::All(s),
            E::ModSeq(n) => E::ModSeq(n),
            E::Partial { first, last, set } => E::Partial { first, last, set },
            E::Other { name, value } => E::Other { name: name.into_owned(), value: value.into_owned() },
        }
    }
}

impl Esearch<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> Esearch<'static> {
        Esearch {
            tag: self.tag.map(ByteStr::into_owned),
            mailbox: self.mailbox.map(Mailbox::into_owned),
            uid_validity: self.uid_validity,
            uid: self.uid,
            items: self.items.into_iter().map(EsearchItem::into_owned).collect(),
        }
    }
}
