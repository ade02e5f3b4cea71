//! `resp-text-code` (RFC 3501 section 9, RFC 9051 section 9, and the
//! extension RFCs): the bracketed code of a status response.
//!
//! Extensions add: UIDPLUS (RFC 4315) `APPENDUID`, `COPYUID`,
//! `UIDNOTSTICKY`; CONDSTORE/QRESYNC (RFC 7162) `HIGHESTMODSEQ`,
//! `NOMODSEQ`, `MODIFIED`, `CLOSED`; RFC 5530 the error codes;
//! METADATA (RFC 5464) `METADATA`; OBJECTID (RFC 8474) `MAILBOXID`;
//! SEARCHRES (RFC 5182) `NOTSAVED`; BINARY (RFC 3516) `UNKNOWN-CTE`;
//! COMPRESS (RFC 4978) `COMPRESSIONACTIVE`; SPECIAL-USE (RFC 6154)
//! `USEATTR`; CATENATE (RFC 4469) `TOOBIG`; LOGIN-REFERRALS (RFC 2221)
//! `REFERRAL`.

use super::{ByteStr, Capability, Flag, SequenceSet};

/// A response code: the part in `[...]` at the start of a status
/// response's text.
///
/// A code this library does not know, or a known code whose arguments do
/// not follow the grammar, is kept raw as [`Code::Other`], so one odd code
/// never makes the whole response unreadable.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Code<'a> {
    /// `ALERT`: the text must be shown to the user.
    Alert,
    /// `BADCHARSET [(charset ...)]`: the SEARCH charset is not supported;
    /// the ones that are, if the server lists them.
    BadCharset(Vec<ByteStr<'a>>),
    /// `CAPABILITY ...`: the server's capabilities.
    Capability(Vec<Capability<'a>>),
    /// `PARSE`: a message's headers or MIME structure could not be parsed.
    Parse,
    /// `PERMANENTFLAGS (...)`: the flags a client can change permanently;
    /// [`Flag::Wildcard`] (`\*`) means new keywords may be created.
    PermanentFlags(Vec<Flag<'a>>),
    /// `READ-ONLY`: the mailbox is selected read-only.
    ReadOnly,
    /// `READ-WRITE`: the mailbox is selected read-write.
    ReadWrite,
    /// `TRYCREATE`: the target mailbox does not exist and may be created.
    TryCreate,
    /// `UIDNEXT n`: the next UID to be assigned.
    UidNext(u32),
    /// `UIDVALIDITY n`: the mailbox's UID validity value.
    UidValidity(u32),
    /// `UNSEEN n`: the number of the first unseen message (RFC 3501).
    Unseen(u32),
    /// `APPENDUID uidvalidity uid-set` (RFC 4315): the UIDs given to the
    /// appended messages.
    AppendUid {
        /// The target mailbox's UID validity.
        uid_validity: u32,
        /// The new messages' UIDs.
        uids: SequenceSet,
    },
    /// `COPYUID uidvalidity source dest` (RFC 4315): where COPY or MOVE put
    /// each message.
    CopyUid {
        /// The target mailbox's UID validity.
        uid_validity: u32,
        /// The source messages' UIDs.
        source: SequenceSet,
        /// The copies' UIDs, in the same order.
        destination: SequenceSet,
    },
    /// `UIDNOTSTICKY` (RFC 4315): the mailbox does not keep UIDs.
    UidNotSticky,
    /// `HIGHESTMODSEQ n` (RFC 7162).
    HighestModSeq(u64),
    /// `NOMODSEQ` (RFC 7162): the mailbox keeps no mod-sequences.
    NoModSeq,
    /// `MODIFIED set` (RFC 7162): messages a conditional STORE left alone.
    Modified(SequenceSet),
    /// `CLOSED` (RFC 7162): the previous mailbox is closed.
    Closed,
    /// `UNAVAILABLE` (RFC 5530): a subsystem is down; try later.
    Unavailable,
    /// `AUTHENTICATIONFAILED` (RFC 5530): wrong credentials.
    AuthenticationFailed,
    /// `AUTHORIZATIONFAILED` (RFC 5530): may not act as that identity.
    AuthorizationFailed,
    /// `EXPIRED` (RFC 5530): the credentials have expired.
    Expired,
    /// `PRIVACYREQUIRED` (RFC 5530): needs an encrypted connection.
    PrivacyRequired,
    /// `CONTACTADMIN` (RFC 5530): the user should contact the administrator.
    ContactAdmin,
    /// `NOPERM` (RFC 5530): no access right for this operation.
    NoPerm,
    /// `INUSE` (RFC 5530): someone else holds the resource.
    InUse,
    /// `EXPUNGEISSUED` (RFC 5530): messages were expunged meanwhile.
    ExpungeIssued,
    /// `CORRUPTION` (RFC 5530): the server found corrupted data.
    Corruption,
    /// `SERVERBUG` (RFC 5530).
    ServerBug,
    /// `CLIENTBUG` (RFC 5530): the command was valid but pointless.
    ClientBug,
    /// `CANNOT` (RFC 5530): the operation can never succeed.
    Cannot,
    /// `LIMIT` (RFC 5530): a server limit was reached.
    Limit,
    /// `OVERQUOTA` (RFC 5530, RFC 9208).
    OverQuota,
    /// `ALREADYEXISTS` (RFC 5530).
    AlreadyExists,
    /// `NONEXISTENT` (RFC 5530): the mailbox or object does not exist.
    NonExistent,
    /// `METADATA ...` (RFC 5464): why SETMETADATA or GETMETADATA failed.
    Metadata(MetadataCode),
    /// `REFERRAL url` (RFC 2221): the IMAP URL to use instead.
    Referral(ByteStr<'a>),
    /// `MAILBOXID (objectid)` (RFC 8474): the new mailbox's id.
    MailboxId(ByteStr<'a>),
    /// `NOTSAVED` (RFC 5182): the SEARCH result variable was not set.
    NotSaved,
    /// `HASCHILDREN` (RFC 9051): the mailbox has children.
    HasChildren,
    /// `UNKNOWN-CTE` (RFC 3516): the content transfer encoding is unknown.
    UnknownCte,
    /// `COMPRESSIONACTIVE` (RFC 4978).
    CompressionActive,
    /// `USEATTR` (RFC 6154): the special-use attribute was refused.
    UseAttr,
    /// `TOOBIG` (RFC 4469, RFC 7889): the message is too large.
    TooBig,
    /// A code this library does not know, or a known code whose arguments
    /// did not parse, kept raw.
    Other {
        /// The code's name.
        name: ByteStr<'a>,
        /// Everything after the name and its space, up to `]`, if anything.
        data: Option<ByteStr<'a>>,
    },
}

/// The argument of the `METADATA` response code (RFC 5464 section 4.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MetadataCode {
    /// `LONGENTRIES n`: entries longer than the MAXSIZE option were left out;
    /// the longest was `n` octets.
    LongEntries(u32),
    /// `MAXSIZE n`: the value is too large; `n` is the largest allowed.
    MaxSize(u32),
    /// `TOOMANY`: too many annotations.
    TooMany,
    /// `NOPRIVATE`: private annotations are not supported.
    NoPrivate,
}

impl Code<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> Code<'static> {
        use Code as C;
        match self {
            C::BadCharset(v) => C::BadCharset(v.into_iter().map(ByteStr::into_owned).collect()),
            C::Capability(v) => C::Capability(v.into_iter().map(Capability::into_owned).collect()),
            C::PermanentFlags(v) => C::PermanentFlags(v.into_iter().map(Flag::into_owned).collect()),
            C::Referral(u) => C::Referral(u.into_owned()),
            C::MailboxId(id) => C::MailboxId(id.into_owned()),
            C::Other { name, data } => {
                C::Other { name: name.into_owned(), data: data.map(ByteStr::into_owned) }
            }
            C::UidNext(n) => C::UidNext(n),
            C::UidValidity(n) => C::UidValidity(n),
            C::Unseen(n) => C::Unseen(n),
            C::AppendUid { uid_validity, uids } => C::AppendUid { uid_validity, uids },
            C::CopyUid { uid_validity, source, destination } => {
                C::CopyUid { uid_validity, source, destination }
            }
            C::HighestModSeq(n) => C::HighestModSeq(n),
            C::Modified(s) => C::Modified(s),
            C::Metadata(m) => C::Metadata(m),
            C::Alert => C::Alert,
            C::Parse => C::Parse,
            C::ReadOnly => C::ReadOnly,
            C::ReadWrite => C::ReadWrite,
            C::TryCreate => C::TryCreate,
            C::UidNotSticky => C::UidNotSticky,
            C::NoModSeq => C::NoModSeq,
            C::Closed => C::Closed,
            C::Unavailable => C::Unavailable,
            C::AuthenticationFailed => C::AuthenticationFailed,
            C::AuthorizationFailed => C::AuthorizationFailed,
            C::Expired => C::Expired,
            C::PrivacyRequired => C::PrivacyRequired,
            C::ContactAdmin => C::ContactAdmin,
            C::NoPerm => C::NoPerm,
            C::InUse => C::InUse,
            C::ExpungeIssued => C::ExpungeIssued,
            C::Corruption => C::Corruption,
            C::ServerBug => C::ServerBug,
            C::ClientBug => C::ClientBug,
            C::Cannot => C::Cannot,
            C::Limit => C::Limit,
            C::OverQuota => C::OverQuota,
            C::AlreadyExists => C::AlreadyExists,
            C::NonExistent => C::NonExistent,
            C::NotSaved => C::NotSaved,
            C::HasChildren => C::HasChildren,
            C::UnknownCte => C::UnknownCte,
            C::CompressionActive => C::CompressionActive,
            C::UseAttr => C::UseAttr,
            C::TooBig => C::TooBig,
        }
    }

    /// The argument-less code called `upper` (its name in upper case), if
    /// any. On bytes, so the parser need not make a `&str` of the name.
    pub(crate) fn unit(upper: &[u8]) -> Option<Code<'static>> {
        UNIT_CODES.iter().find(|(n, _)| n.as_bytes() == upper).map(|(_, c)| c.clone())
    }
}

/// Every code without arguments, with its name on the wire.
const UNIT_CODES: [(&str, Code<'static>); 31] = [
    ("ALERT", Code::Alert),
    ("PARSE", Code::Parse),
    ("READ-ONLY", Code::ReadOnly),
    ("READ-WRITE", Code::ReadWrite),
    ("TRYCREATE", Code::TryCreate),
    ("UIDNOTSTICKY", Code::UidNotSticky),
    ("NOMODSEQ", Code::NoModSeq),
    ("CLOSED", Code::Closed),
    ("UNAVAILABLE", Code::Unavailable),
    ("AUTHENTICATIONFAILED", Code::AuthenticationFailed),
    ("AUTHORIZATIONFAILED", Code::AuthorizationFailed),
    ("EXPIRED", Code::Expired),
    ("PRIVACYREQUIRED", Code::PrivacyRequired),
    ("CONTACTADMIN", Code::ContactAdmin),
    ("NOPERM", Code::NoPerm),
    ("INUSE", Code::InUse),
    ("EXPUNGEISSUED", Code::ExpungeIssued),
    ("CORRUPTION", Code::Corruption),
    ("SERVERBUG", Code::ServerBug),
    ("CLIENTBUG", Code::ClientBug),
    ("CANNOT", Code::Cannot),
    ("LIMIT", Code::Limit),
    ("OVERQUOTA", Code::OverQuota),
    ("ALREADYEXISTS", Code::AlreadyExists),
    ("NONEXISTENT", Code::NonExistent),
    ("NOTSAVED", Code::NotSaved),
    ("HASCHILDREN", Code::HasChildren),
    ("UNKNOWN-CTE", Code::UnknownCte),
    ("COMPRESSIONACTIVE", Code::CompressionActive),
    ("USEATTR", Code::UseAttr),
    ("TOOBIG", Code::TooBig),
];

impl std::fmt::Display for Code<'_> {
    /// The code as it appears between brackets, e.g. `UIDVALIDITY 3857529045`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some((name, _)) = UNIT_CODES.iter().find(|(_, c)| c == self) {
            return f.write_str(name);
        }
        let join = |items: Vec<String>| items.join(" ");
        match self {
            Code::BadCharset(v) if v.is_empty() => f.write_str("BADCHARSET"),
            Code::BadCharset(v) => {
                write!(f, "BADCHARSET ({})", join(v.iter().map(|s| s.to_string()).collect()))
            }
            Code::Capability(v) => {
                write!(f, "CAPABILITY {}", join(v.iter().map(|c| c.to_string()).collect()))
            }
            Code::PermanentFlags(v) => {
                write!(f, "PERMANENTFLAGS ({})", join(v.iter().map(|c| c.to_string()).collect()))
            }
            Code::UidNext(n) => write!(f, "UIDNEXT {n}"),
            Code::UidValidity(n) => write!(f, "UIDVALIDITY {n}"),
            Code::Unseen(n) => write!(f, "UNSEEN {n}"),
            Code::AppendUid { uid_validity, uids } => write!(f, "APPENDUID {uid_validity} {uids}"),
            Code::CopyUid { uid_validity, source, destination } => {
                write!(f, "COPYUID {uid_validity} {source} {destination}")
            }
            Code::HighestModSeq(n) => write!(f, "HIGHESTMODSEQ {n}"),
            Code::Modified(set) => write!(f, "MODIFIED {set}"),
            Code::Metadata(MetadataCode::LongEntries(n)) => write!(f, "METADATA LONGENTRIES {n}"),
            Code::Metadata(MetadataCode::MaxSize(n)) => write!(f, "METADATA MAXSIZE {n}"),
            Code::Metadata(MetadataCode::TooMany) => f.write_str("METADATA TOOMANY"),
            Code::Metadata(MetadataCode::NoPrivate) => f.write_str("METADATA NOPRIVATE"),
            Code::Referral(url) => write!(f, "REFERRAL {url}"),
            Code::MailboxId(id) => write!(f, "MAILBOXID ({id})"),
            Code::Other { name, data: Some(data) } => write!(f, "{name} {data}"),
            Code::Other { name, data: None } => write!(f, "{name}"),
            _ => f.write_str("?"),
        }
    }
}
