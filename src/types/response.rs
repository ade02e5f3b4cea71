//! `response` (RFC 3501 section 9, RFC 9051 section 9): what a server
//! sends, as typed values borrowing from the read buffer.

use super::{
    Acl, Annotation, ByteStr, Capability, Code, Esearch, FetchItem, Flag, IdParam, ListData, ListRights,
    Metadata, MyRights, Namespaces, Quota, QuotaRoot, SearchResult, SequenceSet, StatusData, Tag, Thread,
};

/// One complete server response.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Response<'a> {
    /// A status response, tagged or untagged: OK, NO, BAD, PREAUTH, BYE.
    Status(Status<'a>),
    /// Untagged data (`* ...`) other than a status response.
    Data(Data<'a>),
    /// A continuation request (`+ ...`).
    Continue(Continue<'a>),
}

/// `response-tagged`, `response-cond-state`, `response-cond-auth` and
/// `response-cond-bye`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status<'a> {
    /// The tag, or `None` for an untagged (`*`) status.
    pub tag: Option<Tag<'a>>,
    /// OK, NO, BAD, PREAUTH or BYE.
    pub kind: StatusKind,
    /// The bracketed response code, if any.
    pub code: Option<Code<'a>>,
    /// The human-readable text (may be empty: quirk, servers omit it).
    pub text: ByteStr<'a>,
}

/// The word of a status response.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StatusKind {
    /// `OK`
    Ok,
    /// `NO`
    No,
    /// `BAD`
    Bad,
    /// `PREAUTH` (greeting only)
    PreAuth,
    /// `BYE`
    Bye,
}

impl StatusKind {
    /// The word as it goes on the wire: `OK`, `NO`, `BAD`, `PREAUTH`, `BYE`.
    pub fn as_str(self) -> &'static str {
        match self {
            StatusKind::Ok => "OK",
            StatusKind::No => "NO",
            StatusKind::Bad => "BAD",
            StatusKind::PreAuth => "PREAUTH",
            StatusKind::Bye => "BYE",
        }
    }
}

/// `continue-req = "+" [SP (resp-text / base64)] CRLF`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Continue<'a> {
    /// The bracketed response code, if any (`+ [ALERT] text`).
    pub code: Option<Code<'a>>,
    /// The text after `+ ` (base64 for an AUTHENTICATE challenge); empty
    /// for `+` alone.
    pub text: ByteStr<'a>,
}

/// Untagged data: `mailbox-data`, `message-data`, `capability-data` and
/// the extensions' responses (RFC 3501 and RFC 9051 section 9).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Data<'a> {
    /// `CAPABILITY ...`
    Capability(Vec<Capability<'a>>),
    /// `ENABLED ...` (RFC 5161): the extensions just enabled.
    Enabled(Vec<Capability<'a>>),
    /// `LIST ...`
    List(ListData<'a>),
    /// `LSUB ...` (RFC 3501)
    Lsub(ListData<'a>),
    /// `STATUS mailbox (...)`
    Status(StatusData<'a>),
    /// `SEARCH n ...` (RFC 3501), with `(MODSEQ n)` under CONDSTORE.
    Search(SearchResult),
    /// `ESEARCH ...` (RFC 4731, RFC 9051)
    Esearch(Esearch<'a>),
    /// `SORT n ...` (RFC 5256)
    Sort(SearchResult),
    /// `THREAD (...)...` (RFC 5256): the thread trees.
    Thread(Vec<Thread>),
    /// `FLAGS (...)`
    Flags(Vec<Flag<'a>>),
    /// `n EXISTS`
    Exists(u32),
    /// `n RECENT`
    Recent(u32),
    /// `n EXPUNGE`
    Expunge(u32),
    /// `VANISHED [(EARLIER)] uid-set` (QRESYNC, RFC 7162).
    Vanished {
        /// `(EARLIER)`: the answer to a FETCH or SELECT, not a live
        /// expunge.
        earlier: bool,
        /// The UIDs gone.
        uids: SequenceSet,
    },
    /// `NAMESPACE ...` (RFC 2342)
    Namespace(Namespaces<'a>),
    /// `ACL ...` (RFC 4314)
    Acl(Acl<'a>),
    /// `LISTRIGHTS ...` (RFC 4314)
    ListRights(ListRights<'a>),
    /// `MYRIGHTS ...` (RFC 4314)
    MyRights(MyRights<'a>),
    /// `QUOTA ...` (RFC 9208)
    Quota(Quota<'a>),
    /// `QUOTAROOT ...` (RFC 9208)
    QuotaRoot(QuotaRoot<'a>),
    /// `METADATA ...` (RFC 5464)
    Metadata(Metadata<'a>),
    /// `ANNOTATION ...` (ANNOTATEMORE draft)
    Annotation(Annotation<'a>),
    /// `ID (...)` (RFC 2971); `None` for `ID NIL`.
    Id(Option<Vec<IdParam<'a>>>),
    /// An untagged response this library does not know, kept raw
    /// (`* XYZZY ...` or `* 5 XYZZY ...`).
    Other {
        /// The number before the name, if any.
        number: Option<u32>,
        /// The response's name.
        name: ByteStr<'a>,
        /// Everything after the name and its space, up to the final CRLF
        /// (literals included as sent, trailing spaces dropped).
        rest: ByteStr<'a>,
    },
    /// `n FETCH (...)`: the message's sequence number and its attributes.
    Fetch {
        /// The message sequence number.
        seq: u32,
        /// The attributes, in the order the server sent them.
        items: Vec<FetchItem<'a>>,
    },
}

impl Response<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> Response<'static> {
        match self {
            Response::Status(s) => Response::Status(s.into_owned()),
            Response::Data(d) => Response::Data(d.into_owned()),
            Response::Continue(c) => Response::Continue(c.into_owned()),
        }
    }
}

impl Status<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> Status<'static> {
        Status {
            tag: self.tag.map(Tag::into_owned),
            kind: self.kind,
            code: self.code.map(Code::into_owned),
            text: self.text.into_owned(),
        }
    }
}

impl Continue<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> Continue<'static> {
        Continue { code: self.code.map(Code::into_owned), text: self.text.into_owned() }
    }
}

impl Data<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> Data<'static> {
        match self {
            Data::Capability(v) => Data::Capability(owned_caps(v)),
            Data::Enabled(v) => Data::Enabled(owned_caps(v)),
            Data::List(l) => Data::List(l.into_owned()),
            Data::Lsub(l) => Data::Lsub(l.into_owned()),
            Data::Status(s) => Data::Status(s.into_owned()),
            Data::Search(s) => Data::Search(s),
            Data::Esearch(e) => Data::Esearch(e.into_owned()),
            Data::Sort(s) => Data::Sort(s),
            Data::Thread(t) => Data::Thread(t),
            Data::Flags(v) => Data::Flags(v.into_iter().map(Flag::into_owned).collect()),
            Data::Exists(n) => Data::Exists(n),
            Data::Recent(n) => Data::Recent(n),
            Data::Expunge(n) => Data::Expunge(n),
            Data::Vanished { earlier, uids } => Data::Vanished { earlier, uids },
            Data::Fetch { seq, items } => {
                Data::Fetch { seq, items: items.into_iter().map(FetchItem::into_owned).collect() }
            }
            Data::Namespace(n) => Data::Namespace(n.into_owned()),
            Data::Acl(a) => Data::Acl(a.into_owned()),
            Data::ListRights(l) => Data::ListRights(l.into_owned()),
            Data::MyRights(m) => Data::MyRights(m.into_owned()),
            Data::Quota(q) => Data::Quota(q.into_owned()),
            Data::QuotaRoot(q) => Data::QuotaRoot(q.into_owned()),
            Data::Metadata(m) => Data::Metadata(m.into_owned()),
            Data::Annotation(a) => Data::Annotation(a.into_owned()),
            Data::Id(v) => Data::Id(v.map(|v| v.into_iter().map(IdParam::into_owned).collect())),
            Data::Other { number, name, rest } => {
                Data::Other { number, name: name.into_owned(), rest: rest.into_owned() }
            }
        }
    }
}

fn owned_caps(v: Vec<Capability<'_>>) -> Vec<Capability<'static>> {
    v.into_iter().map(Capability::into_owned).collect()
}

impl Data<'_> {
    /// The response's name as the server writes it (`FETCH`, `EXISTS`,
    /// `LIST`, ...), upper-case; for unknown responses, the name as sent.
    pub fn name(&self) -> &str {
        match self {
            Data::Capability(_) => "CAPABILITY",
            Data::Enabled(_) => "ENABLED",
            Data::List(_) => "LIST",
            Data::Lsub(_) => "LSUB",
            Data::Status(_) => "STATUS",
            Data::Search(_) => "SEARCH",
            Data::Esearch(_) => "ESEARCH",
            Data::Sort(_) => "SORT",
            Data::Thread(_) => "THREAD",
            Data::Flags(_) => "FLAGS",
            Data::Exists(_) => "EXISTS",
            Data::Recent(_) => "RECENT",
            Data::Expunge(_) => "EXPUNGE",
            Data::Vanished { .. } => "VANISHED",
            Data::Namespace(_) => "NAMESPACE",
            Data::Acl(_) => "ACL",
            Data::ListRights(_) => "LISTRIGHTS",
            Data::MyRights(_) => "MYRIGHTS",
            Data::Quota(_) => "QUOTA",
            Data::QuotaRoot(_) => "QUOTAROOT",
            Data::Metadata(_) => "METADATA",
            Data::Annotation(_) => "ANNOTATION",
            Data::Id(_) => "ID",
            Data::Other { name, .. } => std::str::from_utf8(name.as_bytes()).unwrap_or("?"),
            Data::Fetch { .. } => "FETCH",
        }
    }
}

impl Response<'_> {
    /// The response's name: the data's name (`FETCH`, `EXISTS`, ...), the
    /// status word (`OK`, `NO`, `BAD`, `PREAUTH`, `BYE`), or `+` for a
    /// continuation request.
    pub fn name(&self) -> &str {
        match self {
            Response::Data(data) => data.name(),
            Response::Status(status) => status.kind.as_str(),
            Response::Continue(_) => "+",
        }
    }
}
