//! SEARCH (RFC 3501 section 6.4.4, RFC 9051 section 6.4.4) with ESEARCH's
//! `RETURN` options (RFC 4731 section 3.1, SEARCHRES `SAVE` RFC 5182) and
//! CONDSTORE's MODSEQ (RFC 7162 sections 3.1.5 and 3.1.6).
//!
//! ```text
//! search             = "SEARCH" [search-return-opts] SP search-program
//! search-return-opts = SP "RETURN" SP "(" [search-return-opt
//!                      *(SP search-return-opt)] ")"
//! search-return-opt  = "MIN" / "MAX" / "ALL" / "COUNT" / "SAVE"
//! search-program     = ["CHARSET" SP charset SP] search-key *(SP search-key)
//! ```
//!
//! The answer is `* SEARCH n ...` (with `(MODSEQ n)` under CONDSTORE) or
//! `* ESEARCH (TAG "...") ...`; an IMAP4rev2 server answers ESEARCH even
//! without RETURN (RFC 9051 App. E item 4), so [`Searched`] holds either.
//! An ESEARCH whose `(TAG ...)` names another command is not part of the
//! result and goes to [`Searched::unsolicited`].

use crate::Error;
use crate::command::Requirements;
use crate::types::ValidationError;
use crate::types::{
    Atom, Data, Esearch, EsearchItem, Response, SearchKey, SearchResult, SequenceSet, Status,
};
use crate::wire::encode::{Encode, Encoder};

/// SEARCH (RFC 3501 section 6.4.4): the messages that match the criteria.
/// `.uid()` gives UID SEARCH (the answer is then UIDs). Output
/// [`Searched`].
///
/// ```
/// use typed_imap::command::{Command, Search, SearchReturn};
/// use typed_imap::types::{AString, SearchKey};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder, Fragment};
///
/// let cmd = Search::new(SearchKey::Subject(AString::try_from("hello world").unwrap()))
///     .charset("UTF-8")
///     .unwrap()
///     .returning(SearchReturn::new().min().count());
/// let mut enc = Encoder::new(EncodeOptions::default());
/// cmd.encode_args(&mut enc).unwrap();
/// let line = b" RETURN (MIN COUNT) CHARSET UTF-8 SUBJECT \"hello world\"\r\n".to_vec();
/// assert_eq!(enc.finish(), [Fragment::Line(line)]);
/// assert_eq!(cmd.capabilities(), ["ESEARCH"]);
/// ```
#[derive(Debug, Clone, PartialEq, crate::Command)]
#[imap(command = "SEARCH", uid_capable, state = "selected", collect = "SEARCH, ESEARCH", output = Searched, decode = decode_search)]
pub struct Search {
    /// `RETURN (...)` (ESEARCH, RFC 4731): what to answer with.
    #[imap(prefix = "RETURN", capability = "ESEARCH", requires)]
    pub returning: Option<SearchReturn>,
    /// `CHARSET name`: the charset of the search strings. Must stay unset
    /// once UTF8=ACCEPT is enabled (RFC 6855 section 3).
    #[imap(prefix = "CHARSET")]
    pub charset: Option<Atom<'static>>,
    /// The criteria, all of which must match; each key's extension is
    /// required ([`SearchKey`]'s `Requirements`).
    #[imap(requires)]
    pub criteria: Criteria,
}

impl Search {
    /// `SEARCH criteria`. A top-level [`SearchKey::And`] is sent as its
    /// keys side by side, without parentheses.
    pub fn new(criteria: SearchKey<'static>) -> Self {
        Search { returning: None, charset: None, criteria: Criteria(criteria) }
    }

    /// `CHARSET name`; fails unless `name` is an atom (`UTF-8`,
    /// `US-ASCII`, `ISO-8859-1`...).
    pub fn charset(mut self, name: &str) -> Result<Self, Error> {
        self.charset = Some(Atom::new(name.to_owned())?);
        Ok(self)
    }

    /// `RETURN (...)` (ESEARCH): answer with an ESEARCH response.
    pub fn returning(mut self, options: SearchReturn) -> Self {
        self.returning = Some(options);
        self
    }
}

impl Default for Search {
    /// `SEARCH ALL`.
    fn default() -> Self {
        Search::new(SearchKey::All)
    }
}

/// `search-key *(SP search-key)`: the criteria of SEARCH, SORT and
/// THREAD. A top-level [`SearchKey::And`] is sent as its keys separated by
/// spaces (`FLAGGED SINCE 1-Feb-1994`), any other key as itself.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Criteria(pub SearchKey<'static>);

impl From<SearchKey<'static>> for Criteria {
    fn from(key: SearchKey<'static>) -> Self {
        Criteria(key)
    }
}

/// What the keys need ([`SearchKey`]'s `Requirements`).
impl Requirements for Criteria {
    fn requirements(&self, out: &mut Vec<&'static str>) {
        self.0.requirements(out);
    }
}

impl Encode for Criteria {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        match &self.0 {
            SearchKey::And(keys) if !keys.is_empty() => enc.separated(keys).map(drop),
            key => key.encode(enc),
        }
    }
}

/// `"(" [search-return-opt *(SP search-return-opt)] ")"` (RFC 4731
/// section 3.1): the ESEARCH data asked for. `SearchReturn::new()` alone
/// is `()`, which means ALL.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct SearchReturn {
    /// `MIN`: the lowest match.
    pub min: bool,
    /// `MAX`: the highest match.
    pub max: bool,
    /// `COUNT`: how many match.
    pub count: bool,
    /// `ALL`: every match, as a set.
    pub all: bool,
    /// `SAVE` (SEARCHRES, RFC 5182): keep the result for `$`.
    pub save: bool,
}

impl SearchReturn {
    /// `()`: no option (the server answers ALL).
    pub fn new() -> Self {
        SearchReturn::default()
    }

    /// Adds `MIN`.
    pub fn min(mut self) -> Self {
        self.min = true;
        self
    }

    /// Adds `MAX`.
    pub fn max(mut self) -> Self {
        self.max = true;
        self
    }

    /// Adds `COUNT`.
    pub fn count(mut self) -> Self {
        self.count = true;
        self
    }

    /// Adds `ALL`.
    pub fn all(mut self) -> Self {
        self.all = true;
        self
    }

    /// Adds `SAVE` (SEARCHRES).
    pub fn save(mut self) -> Self {
        self.save = true;
        self
    }
}

impl Encode for SearchReturn {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        let options = [
            (self.min, "MIN"),
            (self.max, "MAX"),
            (self.count, "COUNT"),
            (self.all, "ALL"),
            (self.save, "SAVE"),
        ];
        let names: Vec<&str> = options.iter().filter(|(on, _)| *on).map(|(_, n)| *n).collect();
        enc.raw(format!("({})", names.join(" ")).as_bytes()).map(drop)
    }
}

/// `SAVE` needs SEARCHRES (RFC 5182 section 2.1; part of IMAP4rev2);
/// MIN, MAX, COUNT and ALL need ESEARCH, which the `RETURN` field of
/// [`Search`] requires whatever the options.
impl Requirements for SearchReturn {
    fn requirements(&self, out: &mut Vec<&'static str>) {
        if self.save {
            out.push("SEARCHRES");
        }
    }
}

/// What SEARCH gave: the `* SEARCH` numbers, or the ESEARCH data.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Searched {
    /// The numbers of `* SEARCH` (UIDs for UID SEARCH), in the order sent;
    /// empty when nothing matched or the answer was ESEARCH.
    pub numbers: Vec<u32>,
    /// The highest mod-sequence of the matches (CONDSTORE): `(MODSEQ n)`
    /// of `* SEARCH`, or ESEARCH's `MODSEQ n`.
    pub modseq: Option<u64>,
    /// True when the answer was ESEARCH: the fields below are then the
    /// answer, and `numbers` is empty.
    pub extended: bool,
    /// ESEARCH `UID`: the numbers are UIDs.
    pub uid: bool,
    /// ESEARCH `MIN n`.
    pub min: Option<u32>,
    /// ESEARCH `MAX n`.
    pub max: Option<u32>,
    /// ESEARCH `COUNT n`.
    pub count: Option<u32>,
    /// ESEARCH `ALL set`, kept as a set (a million UIDs stay small).
    pub all: Option<SequenceSet>,
    /// ESEARCH items this library does not model (`PARTIAL`, extensions).
    pub other: Vec<EsearchItem<'static>>,
    /// Collected responses that answer another command (an ESEARCH with
    /// another tag), in arrival order.
    pub unsolicited: Vec<Response<'static>>,
}

impl Searched {
    /// Adds the numbers of a `* SEARCH` line.
    fn add_numbers(&mut self, result: SearchResult) {
        self.numbers.extend(result.numbers);
        self.modseq = self.modseq.max(result.modseq);
    }

    /// Takes in an ESEARCH answer.
    fn add_esearch(&mut self, answer: Esearch<'static>) {
        self.extended = true;
        self.uid |= answer.uid;
        for item in answer.items {
            match item {
                EsearchItem::Min(n) => self.min = Some(n),
                EsearchItem::Max(n) => self.max = Some(n),
                EsearchItem::Count(n) => self.count = Some(n),
                EsearchItem::All(set) => self.all = Some(set),
                EsearchItem::ModSeq(n) => self.modseq = Some(n),
                other => self.other.push(other),
            }
        }
    }
}

/// True when `answer` answers the command tagged `done.tag`: its `(TAG
/// ...)` matches, or it has none.
fn answers(answer: &Esearch<'_>, done: &Status<'_>) -> bool {
    match (&answer.tag, &done.tag) {
        (Some(theirs), Some(ours)) => theirs.as_bytes() == ours.as_str().as_bytes(),
        _ => true,
    }
}

/// SEARCH's decode; never fails.
fn decode_search(
    _: &Search,
    collected: Vec<Response<'static>>,
    done: &Status<'static>,
) -> Result<Searched, Error> {
    let mut out = Searched::default();
    for response in collected {
        match response {
            Response::Data(Data::Search(result)) => out.add_numbers(result),
            Response::Data(Data::Esearch(answer)) if answers(&answer, done) => out.add_esearch(answer),
            other => out.unsolicited.push(other),
        }
    }
    Ok(out)
}
