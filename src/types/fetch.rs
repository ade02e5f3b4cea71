//! `msg-att` (RFC 3501 section 7.4.2 and 9, RFC 9051 section 7.5.2 and 9,
//! and the FETCH extensions: BINARY RFC 3516, CONDSTORE RFC 7162,
//! OBJECTID RFC 8474, SAVEDATE RFC 8514, PREVIEW RFC 8970): the items of a
//! FETCH response.

use super::{BodyStructure, ByteStr, Envelope, Flag, InternalDate, Section};

/// One attribute of a message in a FETCH response.
///
/// Strings and literals borrow from the response's bytes: a 10 MB
/// `BODY[]` is a slice of the read buffer, never a copy.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FetchItem<'a> {
    /// `FLAGS (flag-fetch ...)`. Quirks: `\*` and `]` inside flags are
    /// accepted.
    Flags(Vec<Flag<'a>>),
    /// `ENVELOPE envelope`.
    Envelope(Box<Envelope<'a>>),
    /// `INTERNALDATE date-time`.
    InternalDate(InternalDate),
    /// `RFC822.SIZE number64` (64-bit since RFC 9051).
    Rfc822Size(u64),
    /// `RFC822 nstring`: the whole message (RFC 3501 only).
    Rfc822(Option<ByteStr<'a>>),
    /// `RFC822.HEADER nstring`: the header (RFC 3501 only).
    Rfc822Header(Option<ByteStr<'a>>),
    /// `RFC822.TEXT nstring`: the body text (RFC 3501 only).
    Rfc822Text(Option<ByteStr<'a>>),
    /// `BODY body`: the non-extensible structure (no extension data).
    Body(BodyStructure<'a>),
    /// `BODYSTRUCTURE body`: the structure with extension data.
    BodyStructure(BodyStructure<'a>),
    /// `BODY section ["<" number ">"] nstring`: a section's content.
    BodySection {
        /// The section, as the server echoed it (`BODY[]`: the default).
        section: Section<'a>,
        /// The first octet's offset, when a partial fetch was answered.
        origin: Option<u32>,
        /// The content; `None` when the server sent `NIL`.
        data: Option<ByteStr<'a>>,
    },
    /// `BINARY section-binary ["<" number ">"] (nstring / literal8)` (RFC
    /// 3516 section 4.3): a part's
    /// content with its transfer encoding removed.
    Binary {
        /// The part path (`BINARY[1.2]`: `[1, 2]`; empty: whole message).
        section: Vec<u32>,
        /// The first octet's offset in the decoded data, when a partial
        /// fetch was answered (`BINARY[1]<0>`, RFC 3516 section 4.3).
        origin: Option<u32>,
        /// The decoded content; `None` when the server sent `NIL`.
        data: Option<ByteStr<'a>>,
    },
    /// `BINARY.SIZE section-binary number` (RFC 3516): the decoded size.
    BinarySize {
        /// The part path.
        section: Vec<u32>,
        /// The size in octets once decoded.
        size: u32,
    },
    /// `UID uniqueid`.
    Uid(u32),
    /// `MODSEQ (permsg-modsequence)` (RFC 7162).
    ModSeq(u64),
    /// `EMAILID (objectid)` (RFC 8474).
    EmailId(ByteStr<'a>),
    /// `THREADID (objectid)` or `THREADID NIL` (RFC 8474).
    ThreadId(Option<ByteStr<'a>>),
    /// `SAVEDATE date-time` or `SAVEDATE NIL` (RFC 8514).
    SaveDate(Option<InternalDate>),
    /// `PREVIEW nstring` (RFC 8970).
    Preview(Option<ByteStr<'a>>),
    /// An attribute this library does not know (`X-GM-MSGID 123`), kept
    /// raw so the rest of the response still parses.
    ///
    /// Quirk: an ENVELOPE, BODY or BODYSTRUCTURE value that does not follow
    /// the grammar (servers build them from broken mail) is also kept here,
    /// under its attribute's name, rather than failing the whole response.
    Other {
        /// The attribute's name as sent, with any `[...]` and `<...>`
        /// suffix.
        name: ByteStr<'a>,
        /// The raw bytes of its value: an atom, a quoted string (quotes
        /// included), a literal (header included) or a parenthesised list.
        /// Empty when the server sent no value.
        value: ByteStr<'a>,
    },
}

impl FetchItem<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> FetchItem<'static> {
        let own = |s: Option<ByteStr<'_>>| s.map(ByteStr::into_owned);
        match self {
            FetchItem::Flags(f) => FetchItem::Flags(f.into_iter().map(Flag::into_owned).collect()),
            FetchItem::Envelope(e) => FetchItem::Envelope(Box::new(e.into_owned())),
            FetchItem::InternalDate(d) => FetchItem::InternalDate(d),
            FetchItem::Rfc822Size(n) => FetchItem::Rfc822Size(n),
            FetchItem::Rfc822(s) => FetchItem::Rfc822(own(s)),
            FetchItem::Rfc822Header(s) => FetchItem::Rfc822Header(own(s)),
            FetchItem::Rfc822Text(s) => FetchItem::Rfc822Text(own(s)),
            FetchItem::Body(b) => FetchItem::Body(b.into_owned()),
            FetchItem::BodyStructure(b) => FetchItem::BodyStructure(b.into_owned()),
            FetchItem::BodySection { section, origin, data } => {
                FetchItem::BodySection { section: section.into_owned(), origin, data: own(data) }
            }
            FetchItem::Binary { section, origin, data } => {
                FetchItem::Binary { section, origin, data: own(data) }
            }
            FetchItem::BinarySize { section, size } => FetchItem::BinarySize { section, size },
            FetchItem::Uid(u) => FetchItem::Uid(u),
            FetchItem::ModSeq(m) => FetchItem::ModSeq(m),
            FetchItem::EmailId(s) => FetchItem::EmailId(s.into_owned()),
            FetchItem::ThreadId(s) => FetchItem::ThreadId(own(s)),
            FetchItem::SaveDate(d) => FetchItem::SaveDate(d),
            FetchItem::Preview(s) => FetchItem::Preview(own(s)),
            FetchItem::Other { name, value } => {
                FetchItem::Other { name: name.into_owned(), value: value.into_owned() }
            }
        }
    }
}
