//! `search-key` (RFC 3501 section 6.4.4, RFC 9051 section 6.4.4) and the
//! keys the extensions add: MODSEQ (RFC 7162 section 3.1.5), OLDER and
//! YOUNGER (RFC 5032), EMAILID and THREADID (RFC 8474), SAVEDBEFORE,
//! SAVEDON, SAVEDSINCE and SAVEDATESUPPORTED (RFC 8514).
//!
//! ```text
//! search-key = "ALL" / "ANSWERED" / "BCC" SP astring / "BEFORE" SP date /
//!              "BODY" SP astring / "CC" SP astring / "DELETED" / "FLAGGED" /
//!              "FROM" SP astring / "KEYWORD" SP flag-keyword / "NEW" / "OLD" /
//!              "ON" SP date / "RECENT" / "SEEN" / "SINCE" SP date /
//!              "SUBJECT" SP astring / "TEXT" SP astring / "TO" SP astring /
//!              "UNANSWERED" / "UNDELETED" / "UNFLAGGED" / "UNKEYWORD" SP flag-keyword /
//!              "UNSEEN" / "DRAFT" / "HEADER" SP header-fld-name SP astring /
//!              "LARGER" SP number64 / "NOT" SP search-key /
//!              "OR" SP search-key SP search-key / "SENTBEFORE" SP date /
//!              "SENTON" SP date / "SENTSINCE" SP date / "SMALLER" SP number64 /
//!              "UID" SP sequence-set / "UNDRAFT" / sequence-set /
//!              "(" search-key *(SP search-key) ")"
//! search-modsequence = "MODSEQ" [SP entry-name SP entry-type-req] SP mod-sequence-valzer
//! date       = date-text / DQUOTE date-text DQUOTE
//! ```

use std::ops::{BitAnd, BitOr, Not};

use chrono::NaiveDate;

use super::{AString, Atom, Flag, SequenceSet, ValidationError};
use crate::command::Requirements;
use crate::wire::encode::{Encode, Encoder};

/// One search criterion; keys combine with `&` (all of), `|` (either of)
/// and `!` (not).
///
/// ```
/// use chrono::NaiveDate;
/// use typed_imap::types::{AString, SearchKey};
///
/// let since = NaiveDate::from_ymd_opt(1994, 2, 1).unwrap();
/// let key = SearchKey::Deleted & SearchKey::From(AString::try_from("Smith").unwrap())
///     & SearchKey::Since(since);
/// assert_eq!(key.to_string(), "(DELETED FROM Smith SINCE 1-Feb-1994)");
/// assert_eq!((!SearchKey::Seen | SearchKey::Flagged).to_string(), "OR NOT SEEN FLAGGED");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SearchKey<'a> {
    /// `ALL`: every message.
    All,
    /// `ANSWERED`: with `\Answered`.
    Answered,
    /// `BCC string`: the Bcc header contains the string.
    Bcc(AString<'a>),
    /// `BEFORE date`: internal date earlier than the date.
    Before(NaiveDate),
    /// `BODY string`: the body contains the string.
    Body(AString<'a>),
    /// `CC string`: the Cc header contains the string.
    Cc(AString<'a>),
    /// `DELETED`: with `\Deleted`.
    Deleted,
    /// `DRAFT`: with `\Draft`.
    Draft,
    /// `FLAGGED`: with `\Flagged`.
    Flagged,
    /// `FROM string`: the From header contains the string.
    From(AString<'a>),
    /// `HEADER field-name string`: the header field contains the string
    /// (an empty string matches every message that has the field).
    Header(AString<'a>, AString<'a>),
    /// `KEYWORD flag`: with the keyword set.
    Keyword(Atom<'a>),
    /// `LARGER n`: RFC822.SIZE larger than n.
    Larger(u64),
    /// `NEW`: recent and unseen (RFC 3501 only).
    New,
    /// `NOT key`.
    Not(Box<SearchKey<'a>>),
    /// `OLD`: not recent (RFC 3501 only).
    Old,
    /// `ON date`: internal date within the date.
    On(NaiveDate),
    /// `OR key key`.
    Or(Box<SearchKey<'a>>, Box<SearchKey<'a>>),
    /// `RECENT`: with `\Recent` (RFC 3501 only).
    Recent,
    /// `SEEN`: with `\Seen`.
    Seen,
    /// `SENTBEFORE date`: Date header earlier than the date.
    SentBefore(NaiveDate),
    /// `SENTON date`: Date header within the date.
    SentOn(NaiveDate),
    /// `SENTSINCE date`: Date header within or later than the date.
    SentSince(NaiveDate),
    /// `SINCE date`: internal date within or later than the date.
    Since(NaiveDate),
    /// `SMALLER n`: RFC822.SIZE smaller than n.
    Smaller(u64),
    /// `SUBJECT string`: the Subject header contains the string.
    Subject(AString<'a>),
    /// `TEXT string`: the header or body contains the string.
    Text(AString<'a>),
    /// `TO string`: the To header contains the string.
    To(AString<'a>),
    /// `UID set`: with a UID in the set.
    Uid(SequenceSet),
    /// `UNANSWERED`: without `\Answered`.
    Unanswered,
    /// `UNDELETED`: without `\Deleted`.
    Undeleted,
    /// `UNDRAFT`: without `\Draft`.
    Undraft,
    /// `UNFLAGGED`: without `\Flagged`.
    Unflagged,
    /// `UNKEYWORD flag`: without the keyword.
    Unkeyword(Atom<'a>),
    /// `UNSEEN`: without `\Seen`.
    Unseen,
    /// `sequence-set`: with a message number in the set.
    SequenceSet(SequenceSet),
    /// `(key key ...)`: every key matches; must not be empty.
    And(Vec<SearchKey<'a>>),
    /// `MODSEQ [entry type] n` (RFC 7162 section 3.1.5): changed at or after
    /// mod-sequence n, optionally only counting changes to one flag.
    ModSeq {
        /// The flag whose metadata item is meant, and whose changes count.
        entry: Option<(Flag<'a>, EntryType)>,
        /// The mod-sequence, at most 2^63 - 1.
        modseq: u64,
    },
    /// `OLDER n` (RFC 5032): internal date at least n seconds ago. `n`
    /// may not be 0 (`nz-number`): encoding `OLDER 0` is an error.
    Older(u32),
    /// `YOUNGER n` (RFC 5032): internal date at most n seconds ago. `n`
    /// may not be 0: encoding `YOUNGER 0` is an error.
    Younger(u32),
    /// `EMAILID id` (RFC 8474 section 6).
    EmailId(Atom<'a>),
    /// `THREADID id` (RFC 8474 section 6).
    ThreadId(Atom<'a>),
    /// `SAVEDBEFORE date` (RFC 8514 section 4.3).
    SavedBefore(NaiveDate),
    /// `SAVEDON date` (RFC 8514 section 4.3).
    SavedOn(NaiveDate),
    /// `SAVEDSINCE date` (RFC 8514 section 4.3).
    SavedSince(NaiveDate),
    /// `SAVEDATESUPPORTED` (RFC 8514 section 4.3).
    SaveDateSupported,
}

/// `entry-type-req = "priv" / "shared" / "all"` (RFC 7162 section 3.1.5):
/// whose flag changes count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EntryType {
    /// `priv`: per-user flags.
    Private,
    /// `shared`: flags shared by all users.
    Shared,
    /// `all`: both.
    All,
}

impl<'a> SearchKey<'a> {
    /// `(self other)`: both match. `a & b` does the same.
    pub fn and(self, other: SearchKey<'a>) -> SearchKey<'a> {
        match self {
            SearchKey::And(mut keys) => {
                keys.push(other);
                SearchKey::And(keys)
            }
            key => SearchKey::And(vec![key, other]),
        }
    }

    /// `OR self other`: either matches. `a | b` does the same.
    pub fn or(self, other: SearchKey<'a>) -> SearchKey<'a> {
        SearchKey::Or(Box::new(self), Box::new(other))
    }

    /// `NOT self`. `!a` does the same.
    pub fn negate(self) -> SearchKey<'a> {
        SearchKey::Not(Box::new(self))
    }

    /// The keyword of a key without arguments.
    fn simple_name(&self) -> Option<&'static str> {
        Some(match self {
            SearchKey::All => "ALL",
            SearchKey::Answered => "ANSWERED",
            SearchKey::Deleted => "DELETED",
            SearchKey::Draft => "DRAFT",
            SearchKey::Flagged => "FLAGGED",
            SearchKey::New => "NEW",
            SearchKey::Old => "OLD",
            SearchKey::Recent => "RECENT",
            SearchKey::Seen => "SEEN",
            SearchKey::Unanswered => "UNANSWERED",
            SearchKey::Undeleted => "UNDELETED",
            SearchKey::Undraft => "UNDRAFT",
            SearchKey::Unflagged => "UNFLAGGED",
            SearchKey::Unseen => "UNSEEN",
            SearchKey::SaveDateSupported => "SAVEDATESUPPORTED",
            _ => return None,
        })
    }

    /// The keyword and string of a key that takes one astring.
    fn string_arg(&self) -> Option<(&'static str, &AString<'a>)> {
        Some(match self {
            SearchKey::Bcc(s) => ("BCC", s),
            SearchKey::Body(s) => ("BODY", s),
            SearchKey::Cc(s) => ("CC", s),
            SearchKey::From(s) => ("FROM", s),
            SearchKey::Subject(s) => ("SUBJECT", s),
            SearchKey::Text(s) => ("TEXT", s),
            SearchKey::To(s) => ("TO", s),
            _ => return None,
        })
    }

    /// The keyword and date of a key that takes a date.
    fn date_arg(&self) -> Option<(&'static str, NaiveDate)> {
        Some(match self {
            SearchKey::Before(d) => ("BEFORE", *d),
            SearchKey::On(d) => ("ON", *d),
            SearchKey::SentBefore(d) => ("SENTBEFORE", *d),
            SearchKey::SentOn(d) => ("SENTON", *d),
            SearchKey::SentSince(d) => ("SENTSINCE", *d),
            SearchKey::Since(d) => ("SINCE", *d),
            SearchKey::SavedBefore(d) => ("SAVEDBEFORE", *d),
            SearchKey::SavedOn(d) => ("SAVEDON", *d),
            SearchKey::SavedSince(d) => ("SAVEDSINCE", *d),
            _ => return None,
        })
    }

    /// The keyword and atom of a key that takes an atom.
    fn atom_arg(&self) -> Option<(&'static str, &Atom<'a>)> {
        Some(match self {
            SearchKey::Keyword(a) => ("KEYWORD", a),
            SearchKey::Unkeyword(a) => ("UNKEYWORD", a),
            SearchKey::EmailId(a) => ("EMAILID", a),
            SearchKey::ThreadId(a) => ("THREADID", a),
            _ => return None,
        })
    }

    /// The keyword and number of a key that takes a number.
    fn number_arg(&self) -> Option<(&'static str, u64)> {
        Some(match self {
            SearchKey::Larger(n) => ("LARGER", *n),
            SearchKey::Smaller(n) => ("SMALLER", *n),
            SearchKey::Older(n) => ("OLDER", u64::from(*n)),
            SearchKey::Younger(n) => ("YOUNGER", u64::from(*n)),
            _ => return None,
        })
    }

    /// Writes the keys with arguments of their own shape.
    fn encode_compound(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        match self {
            SearchKey::Header(field, value) => {
                enc.raw(b"HEADER ")?.encode(field)?.sp().encode(value).map(drop)
            }
            SearchKey::Not(key) => enc.raw(b"NOT ")?.encode(key.as_ref()).map(drop),
            SearchKey::Or(a, b) => enc.raw(b"OR ")?.encode(a.as_ref())?.sp().encode(b.as_ref()).map(drop),
            SearchKey::Uid(set) => enc.raw(b"UID ")?.encode(set).map(drop),
            SearchKey::SequenceSet(set) => enc.encode(set).map(drop),
            SearchKey::And(keys) if keys.is_empty() => Err(ValidationError::empty("search key list")),
            SearchKey::And(keys) => enc.list(keys).map(drop),
            SearchKey::ModSeq { entry, modseq } => encode_modseq(entry.as_ref(), *modseq, enc),
            _ => Err(ValidationError::other("search-key", "unknown key")),
        }
    }

    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> SearchKey<'static> {
        use SearchKey as K;
        match self {
            K::Bcc(s) => K::Bcc(s.into_owned()),
            K::Body(s) => K::Body(s.into_owned()),
            K::Cc(s) => K::Cc(s.into_owned()),
            K::From(s) => K::From(s.into_owned()),
            K::Subject(s) => K::Subject(s.into_owned()),
            K::Text(s) => K::Text(s.into_owned()),
            K::To(s) => K::To(s.into_owned()),
            K::Header(f, v) => K::Header(f.into_owned(), v.into_owned()),
            K::Keyword(a) => K::Keyword(a.into_owned()),
            K::Unkeyword(a) => K::Unkeyword(a.into_owned()),
            K::EmailId(a) => K::EmailId(a.into_owned()),
            K::ThreadId(a) => K::ThreadId(a.into_owned()),
            K::Not(k) => K::Not(Box::new(k.into_owned())),
            K::Or(a, b) => K::Or(Box::new(a.into_owned()), Box::new(b.into_owned())),
            K::And(v) => K::And(v.into_iter().map(SearchKey::into_owned).collect()),
            K::ModSeq { entry, modseq } => {
                K::ModSeq { entry: entry.map(|(f, t)| (f.into_owned(), t)), modseq }
            }
            K::All => K::All,
            K::Answered => K::Answered,
            K::Deleted => K::Deleted,
            K::Draft => K::Draft,
            K::Flagged => K::Flagged,
            K::New => K::New,
            K::Old => K::Old,
            K::Recent => K::Recent,
            K::Seen => K::Seen,
            K::Unanswered => K::Unanswered,
            K::Undeleted => K::Undeleted,
            K::Undraft => K::Undraft,
            K::Unflagged => K::Unflagged,
            K::Unseen => K::Unseen,
            K::SaveDateSupported => K::SaveDateSupported,
            K::Before(d) => K::Before(d),
            K::On(d) => K::On(d),
            K::SentBefore(d) => K::SentBefore(d),
            K::SentOn(d) => K::SentOn(d),
            K::SentSince(d) => K::SentSince(d),
            K::Since(d) => K::Since(d),
            K::SavedBefore(d) => K::SavedBefore(d),
            K::SavedOn(d) => K::SavedOn(d),
            K::SavedSince(d) => K::SavedSince(d),
            K::Larger(n) => K::Larger(n),
            K::Smaller(n) => K::Smaller(n),
            K::Older(n) => K::Older(n),
            K::Younger(n) => K::Younger(n),
            K::Uid(s) => K::Uid(s),
            K::SequenceSet(s) => K::SequenceSet(s),
        }
    }
}

/// `search-modsequence = "MODSEQ" [search-modseq-ext] SP mod-sequence-valzer`
/// with `search-modseq-ext = SP entry-name SP entry-type-req` and
/// `entry-name = DQUOTE "/flags/" attr-flag DQUOTE` (RFC 7162 section 7).
fn encode_modseq(
    entry: Option<&(Flag<'_>, EntryType)>,
    modseq: u64,
    enc: &mut Encoder,
) -> Result<(), ValidationError> {
    enc.raw(b"MODSEQ ")?;
    if let Some((flag, kind)) = entry {
        if matches!(flag, Flag::Recent | Flag::Wildcard) {
            return Err(ValidationError::other("entry-name", "not a settable flag"));
        }
        enc.string(format!("/flags/{flag}").as_bytes())?.sp();
        enc.raw(match kind {
            EntryType::Private => b"priv ",
            EntryType::Shared => b"shared ",
            EntryType::All => b"all ",
        })?;
    }
    enc.encode(&modseq).map(drop)
}

/// `search-key`, each string in the form its content needs; dates as
/// `date-text` (`1-Feb-1994`).
impl Encode for SearchKey<'_> {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        if let Some(name) = self.simple_name() {
            return enc.raw(name.as_bytes()).map(drop);
        }
        if let Some((name, s)) = self.string_arg() {
            return enc.raw(name.as_bytes())?.sp().encode(s).map(drop);
        }
        if let Some((name, d)) = self.date_arg() {
            return enc.raw(name.as_bytes())?.sp().encode(&d).map(drop);
        }
        if let Some((name, a)) = self.atom_arg() {
            return enc.raw(name.as_bytes())?.sp().encode(a).map(drop);
        }
        if let Some((name, n)) = self.number_arg() {
            if n == 0 && matches!(self, SearchKey::Older(_) | SearchKey::Younger(_)) {
                // `( "OLDER" / "YOUNGER" ) SP nz-number` (RFC 5032 section 3).
                return Err(ValidationError::other("search key", "OLDER and YOUNGER take a non-zero number"));
            }
            return enc.raw(name.as_bytes())?.sp().encode(&n).map(drop);
        }
        self.encode_compound(enc)
    }
}

impl std::fmt::Display for SearchKey<'_> {
    /// The key as it is sent, strings that need a literal shown as `{n}`
    /// followed by their escaped bytes.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut enc = Encoder::new(Default::default());
        match self.encode(&mut enc) {
            Ok(()) => f.write_str(&crate::wire::encode::fragments_text(&enc.finish())),
            Err(_) => f.write_str("<invalid>"),
        }
    }
}

impl<'a> BitAnd for SearchKey<'a> {
    type Output = SearchKey<'a>;

    fn bitand(self, rhs: SearchKey<'a>) -> SearchKey<'a> {
        self.and(rhs)
    }
}

impl<'a> BitOr for SearchKey<'a> {
    type Output = SearchKey<'a>;

    fn bitor(self, rhs: SearchKey<'a>) -> SearchKey<'a> {
        self.or(rhs)
    }
}

impl<'a> Not for SearchKey<'a> {
    type Output = SearchKey<'a>;

    fn not(self) -> SearchKey<'a> {
        self.negate()
    }
}

/// What each key needs the server to have, through `NOT`, `OR` and
/// parentheses:
///
/// - `MODSEQ`: CONDSTORE (RFC 7162 section 3.1.5; QRESYNC includes it);
/// - `OLDER`, `YOUNGER`: WITHIN (RFC 5032 section 2);
/// - `EMAILID`, `THREADID`: OBJECTID (RFC 8474 section 6);
/// - `SAVEDBEFORE`, `SAVEDON`, `SAVEDSINCE`, `SAVEDATESUPPORTED`: SAVEDATE
///   (RFC 8514 section 4.3);
/// - `$` as a sequence set, or after `UID`: SEARCHRES (RFC 5182 section
///   2.1; part of IMAP4rev2);
/// - the RFC 3501 keys: nothing.
impl Requirements for SearchKey<'_> {
    fn requirements(&self, out: &mut Vec<&'static str>) {
        let needs = match self {
            SearchKey::Not(key) => return key.requirements(out),
            SearchKey::Or(a, b) => {
                a.requirements(out);
                return b.requirements(out);
            }
            SearchKey::And(keys) => return keys.requirements(out),
            SearchKey::Uid(set) | SearchKey::SequenceSet(set) => return set.requirements(out),
            SearchKey::ModSeq { .. } => "CONDSTORE",
            SearchKey::Older(_) | SearchKey::Younger(_) => "WITHIN",
            SearchKey::EmailId(_) | SearchKey::ThreadId(_) => "OBJECTID",
            SearchKey::SavedBefore(_)
            | SearchKey::SavedOn(_)
            | SearchKey::SavedSince(_)
            | SearchKey::SaveDateSupported => "SAVEDATE",
            _ => return,
        };
        out.push(needs);
    }
}
