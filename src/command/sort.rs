//! SORT (RFC 5256 section 3), with CONDSTORE's MODSEQ in the answer (RFC
//! 7162 section 3.1.5) and SORT=DISPLAY's keys (RFC 5957).
//!
//! ```text
//! sort            = ["UID" SP] "SORT" SP sort-criteria SP search-criteria
//! sort-criteria   = "(" sort-criterion *(SP sort-criterion) ")"
//! sort-criterion  = ["REVERSE" SP] sort-key
//! sort-key        = "ARRIVAL" / "CC" / "DATE" / "FROM" / "SIZE" /
//!                   "SUBJECT" / "TO"
//! sort-key        =/ "DISPLAYFROM" / "DISPLAYTO"     ; RFC 5957
//! search-criteria = charset 1*(SP search-key)
//! ```

use crate::Error;
use crate::command::Requirements;
use crate::command::search::Criteria;
use crate::types::{Atom, Data, Response, SearchKey, SearchResult, Status, ValidationError};
use crate::wire::encode::{Encode, Encoder};

/// SORT (RFC 5256 section 3): the matching messages in the order asked
/// for. Needs the `SORT` capability; `.uid()` gives UID SORT. Output
/// [`SearchResult`]: the numbers in sort order (and `(MODSEQ n)`), all
/// `* SORT` lines joined.
///
/// ```
/// use typed_imap::command::{Command, Sort, SortKey};
/// use typed_imap::types::SearchKey;
/// use typed_imap::wire::encode::{EncodeOptions, Encoder, Fragment};
///
/// let cmd = Sort::new([SortKey::Date.reverse()], "UTF-8", SearchKey::All).unwrap();
/// let mut enc = Encoder::new(EncodeOptions::default());
/// cmd.encode_args(&mut enc).unwrap();
/// assert_eq!(enc.finish(), [Fragment::Line(b" (REVERSE DATE) UTF-8 ALL\r\n".to_vec())]);
/// ```
#[derive(Debug, Clone, PartialEq, crate::Command)]
#[imap(command = "SORT", uid_capable, state = "selected", capability = "SORT", collect = "SORT", output = SearchResult, decode = decode_sort)]
pub struct Sort {
    #[imap(list, requires)]
    criteria: Vec<SortCriterion>,
    charset: Atom<'static>,
    #[imap(requires)]
    search: Criteria,
}

/// `sort-key` (RFC 5256 section 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SortKey {
    /// `ARRIVAL`: the internal date.
    Arrival,
    /// `CC`: the first Cc address's mailbox.
    Cc,
    /// `DATE`: the Date header.
    Date,
    /// `FROM`: the first From address's mailbox.
    From,
    /// `SIZE`: RFC822.SIZE.
    Size,
    /// `SUBJECT`: the base subject.
    Subject,
    /// `TO`: the first To address's mailbox.
    To,
    /// `DISPLAYFROM`: the first From address's display name, else its
    /// address (SORT=DISPLAY, RFC 5957).
    DisplayFrom,
    /// `DISPLAYTO`: the first To address's display name, else its address
    /// (SORT=DISPLAY, RFC 5957).
    DisplayTo,
}

impl SortKey {
    /// The key in ascending order.
    pub fn ascending(self) -> SortCriterion {
        SortCriterion { key: self, reverse: false }
    }

    /// `REVERSE key`: the key in descending order.
    pub fn reverse(self) -> SortCriterion {
        SortCriterion { key: self, reverse: true }
    }

    fn name(self) -> &'static str {
        match self {
            SortKey::Arrival => "ARRIVAL",
            SortKey::Cc => "CC",
            SortKey::Date => "DATE",
            SortKey::From => "FROM",
            SortKey::Size => "SIZE",
            SortKey::Subject => "SUBJECT",
            SortKey::To => "TO",
            SortKey::DisplayFrom => "DISPLAYFROM",
            SortKey::DisplayTo => "DISPLAYTO",
        }
    }
}

/// `sort-criterion = ["REVERSE" SP] sort-key`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SortCriterion {
    /// What to sort by.
    pub key: SortKey,
    /// `REVERSE`: descending.
    pub reverse: bool,
}

impl From<SortKey> for SortCriterion {
    fn from(key: SortKey) -> Self {
        key.ascending()
    }
}

/// `DISPLAYFROM` and `DISPLAYTO` need SORT=DISPLAY: a server that supports
/// them 'indicates this by returning "SORT=DISPLAY" in its CAPABILITY
/// response' (RFC 5957 section 1); the RFC 5256 keys need only SORT, which
/// [`Sort`] always requires.
impl Requirements for SortCriterion {
    fn requirements(&self, out: &mut Vec<&'static str>) {
        if matches!(self.key, SortKey::DisplayFrom | SortKey::DisplayTo) {
            out.push("SORT=DISPLAY");
        }
    }
}

impl Encode for SortCriterion {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        if self.reverse {
            enc.raw(b"REVERSE ")?;
        }
        enc.raw(self.key.name().as_bytes()).map(drop)
    }
}

impl Sort {
    /// `SORT (criteria) charset search`; fails when `criteria` is empty or
    /// `charset` is not an atom. The charset is mandatory (unlike
    /// SEARCH's); `UTF-8` and `US-ASCII` are always supported.
    pub fn new(
        criteria: impl IntoIterator<Item = impl Into<SortCriterion>>,
        charset: &str,
        search: SearchKey<'static>,
    ) -> Result<Self, Error> {
        let criteria: Vec<SortCriterion> = criteria.into_iter().map(Into::into).collect();
        if criteria.is_empty() {
            return Err(ValidationError::empty("sort criteria").into());
        }
        Ok(Sort { criteria, charset: Atom::new(charset.to_owned())?, search: Criteria(search) })
    }

    /// The sort criteria, most significant first.
    pub fn criteria(&self) -> &[SortCriterion] {
        &self.criteria
    }
}

/// SORT's decode: every `* SORT` line joined, in order; never fails.
fn decode_sort(
    _: &Sort,
    collected: Vec<Response<'static>>,
    _: &Status<'static>,
) -> Result<SearchResult, Error> {
    let mut out = SearchResult::default();
    for response in collected {
        if let Response::Data(Data::Sort(result)) = response {
            out.numbers.extend(result.numbers);
            out.modseq = out.modseq.max(result.modseq);
        }
    }
    Ok(out)
}
