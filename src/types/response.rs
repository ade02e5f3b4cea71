//! `response` (RFC 3501 section 9, RFC 9051 section 9): what a server
//! sends, as typed values borrowing from the read buffer.

use super::{ByteStr, Capability, FetchItem, Flag, Tag};

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

/// `resp-text-code`. CONTRACT STUB: the parser work lists every code.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Code<'a> {
    /// `ALERT`
    Alert,
    /// A code this library does not know, kept raw.
    Other {
        /// The code's name.
        name: ByteStr<'a>,
        /// Everything after the name up to `]`, if anything.
        data: Option<ByteStr<'a>>,
    },
}

/// `continue-req = "+" [SP (resp-text / base64)] CRLF`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Continue<'a> {
    /// The text after `+ ` (base64 for an AUTHENTICATE challenge).
    pub text: ByteStr<'a>,
}

/// Untagged data. CONTRACT STUB: the parser work lists every kind.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Data<'a> {
    /// `CAPABILITY ...`
    Capability(Vec<Capability<'a>>),
    /// `FLAGS (...)`
    Flags(Vec<Flag<'a>>),
    /// `n EXISTS`
    Exists(u32),
    /// `n RECENT`
    Recent(u32),
    /// `n EXPUNGE`
    Expunge(u32),
    /// `n FETCH (...)`: the message's sequence number and its attributes.
    Fetch {
        /// The message sequence number.
        seq: u32,
        /// The attributes, in the order the server sent them.
        items: Vec<FetchItem<'a>>,
    },
}
