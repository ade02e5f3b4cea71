//! What a FETCH command asks for (RFC 3501 section 6.4.5, RFC 9051 section
//! 6.4.5, RFC 3516 BINARY, RFC 7162 CONDSTORE, RFC 8474 OBJECTID, RFC 8514
//! SAVEDATE, RFC 8970 PREVIEW).
//!
//! ```text
//! fetch     = "FETCH" SP sequence-set SP ("ALL" / "FULL" / "FAST" /
//!             fetch-att / "(" fetch-att *(SP fetch-att) ")")
//! fetch-att = "ENVELOPE" / "FLAGS" / "INTERNALDATE" /
//!             "RFC822" [".HEADER" / ".SIZE" / ".TEXT"] /
//!             "BODY" ["STRUCTURE"] / "UID" /
//!             "BODY" section [partial] / "BODY.PEEK" section [partial] /
//!             "BINARY" [".PEEK"] section-binary [partial] /
//!             "BINARY.SIZE" section-binary
//! partial   = "<" number64 "." nz-number64 ">"
//! section   = "[" [section-spec] "]"
//! section-binary = "[" [section-part] "]"
//! ```

use std::num::NonZeroU64;

use super::{Atom, Section, SectionText, ValidationError};
use crate::command::Requirements;
use crate::wire::encode::{Encode, Encoder};

/// `partial = "<" number64 "." nz-number64 ">"`: `count` octets from
/// `origin` (RFC 9051 section 6.4.5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Partial {
    /// The first octet, from 0.
    pub origin: u64,
    /// How many octets at most.
    pub count: NonZeroU64,
}

impl Partial {
    /// `count` octets from `origin`; fails when `count` is 0.
    pub fn new(origin: u64, count: u64) -> Result<Self, ValidationError> {
        let count = NonZeroU64::new(count).ok_or_else(|| ValidationError::other("partial", "count 0"))?;
        Ok(Partial { origin, count })
    }
}

/// One FETCH data item (`fetch-att`).
///
/// ```
/// use typed_imap::types::{FetchAttr, Section, SectionText};
///
/// let header = FetchAttr::body_peek(Section { part: vec![], text: Some(SectionText::Header) });
/// assert_eq!(header.to_string(), "BODY.PEEK[HEADER]");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FetchAttr<'a> {
    /// `ENVELOPE`
    Envelope,
    /// `FLAGS`
    Flags,
    /// `INTERNALDATE`
    InternalDate,
    /// `RFC822`: the whole message, sets `\Seen` (RFC 3501 only).
    Rfc822,
    /// `RFC822.HEADER` (RFC 3501 only).
    Rfc822Header,
    /// `RFC822.TEXT`: sets `\Seen` (RFC 3501 only).
    Rfc822Text,
    /// `RFC822.SIZE`
    Rfc822Size,
    /// `BODY`: the body structure without extension data.
    Body,
    /// `BODYSTRUCTURE`
    BodyStructure,
    /// `UID`
    Uid,
    /// `BODY[section]<origin.count>`, or `BODY.PEEK[...]` when `peek`
    /// (which does not set `\Seen`).
    BodySection {
        /// Which part of the message.
        section: Section<'a>,
        /// Which octets of it, if not all.
        partial: Option<Partial>,
        /// `BODY.PEEK`: leave `\Seen` alone.
        peek: bool,
    },
    /// `BINARY[part]<origin.count>` or `BINARY.PEEK[...]` (RFC 3516): the
    /// part with its content transfer encoding removed.
    Binary {
        /// `section-part`: the MIME part path, empty for the whole message.
        part: Vec<u32>,
        /// Which octets of it, if not all.
        partial: Option<Partial>,
        /// `BINARY.PEEK`: leave `\Seen` alone.
        peek: bool,
    },
    /// `BINARY.SIZE[part]` (RFC 3516).
    BinarySize {
        /// `section-part`, empty for the whole message.
        part: Vec<u32>,
    },
    /// `MODSEQ` (RFC 7162 section 3.1.4.1).
    ModSeq,
    /// `EMAILID` (RFC 8474 section 5.1).
    EmailId,
    /// `THREADID` (RFC 8474 section 5.2).
    ThreadId,
    /// `SAVEDATE` (RFC 8514 section 4.2).
    SaveDate,
    /// `PREVIEW` (RFC 8970 section 3): a plain-text summary of the
    /// message, at most 256 characters; an empty string when the server
    /// can make none, never NIL (section 3.2).
    Preview,
    /// `PREVIEW (LAZY)` (RFC 8970 section 4.1): the summary only if the
    /// server can give it without undue delay, else `PREVIEW NIL`; the
    /// client asks for those again without LAZY (section 4.2).
    PreviewLazy,
    /// Another attribute, for extensions this crate does not know.
    Other(Atom<'a>),
}

impl<'a> FetchAttr<'a> {
    /// `BODY[section]`: fetching it sets `\Seen`.
    pub fn body(section: Section<'a>) -> Self {
        FetchAttr::BodySection { section, partial: None, peek: false }
    }

    /// `BODY.PEEK[section]`: leaves `\Seen` alone.
    pub fn body_peek(section: Section<'a>) -> Self {
        FetchAttr::BodySection { section, partial: None, peek: true }
    }

    /// `BINARY.PEEK[part]` (RFC 3516).
    pub fn binary_peek(part: Vec<u32>) -> Self {
        FetchAttr::Binary { part, partial: None, peek: true }
    }

    /// The same attribute limited to `partial`; attributes without a
    /// partial form are returned unchanged.
    pub fn with_partial(mut self, new: Partial) -> Self {
        if let FetchAttr::BodySection { partial, .. } | FetchAttr::Binary { partial, .. } = &mut self {
            *partial = Some(new);
        }
        self
    }

    /// The name of an attribute without arguments.
    fn simple_name(&self) -> Option<&str> {
        Some(match self {
            FetchAttr::Envelope => "ENVELOPE",
            FetchAttr::Flags => "FLAGS",
            FetchAttr::InternalDate => "INTERNALDATE",
            FetchAttr::Rfc822 => "RFC822",
            FetchAttr::Rfc822Header => "RFC822.HEADER",
            FetchAttr::Rfc822Text => "RFC822.TEXT",
            FetchAttr::Rfc822Size => "RFC822.SIZE",
            FetchAttr::Body => "BODY",
            FetchAttr::BodyStructure => "BODYSTRUCTURE",
            FetchAttr::Uid => "UID",
            FetchAttr::ModSeq => "MODSEQ",
            FetchAttr::EmailId => "EMAILID",
            FetchAttr::ThreadId => "THREADID",
            FetchAttr::SaveDate => "SAVEDATE",
            FetchAttr::Preview => "PREVIEW",
            FetchAttr::Other(a) => a.as_str(),
            _ => return None,
        })
    }

    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> FetchAttr<'static> {
        match self {
            FetchAttr::BodySection { section, partial, peek } => {
                FetchAttr::BodySection { section: section.into_owned(), partial, peek }
            }
            FetchAttr::Binary { part, partial, peek } => FetchAttr::Binary { part, partial, peek },
            FetchAttr::BinarySize { part } => FetchAttr::BinarySize { part },
            FetchAttr::Other(a) => FetchAttr::Other(a.into_owned()),
            FetchAttr::Envelope => FetchAttr::Envelope,
            FetchAttr::Flags => FetchAttr::Flags,
            FetchAttr::InternalDate => FetchAttr::InternalDate,
            FetchAttr::Rfc822 => FetchAttr::Rfc822,
            FetchAttr::Rfc822Header => FetchAttr::Rfc822Header,
            FetchAttr::Rfc822Text => FetchAttr::Rfc822Text,
            FetchAttr::Rfc822Size => FetchAttr::Rfc822Size,
            FetchAttr::Body => FetchAttr::Body,
            FetchAttr::BodyStructure => FetchAttr::BodyStructure,
            FetchAttr::Uid => FetchAttr::Uid,
            FetchAttr::ModSeq => FetchAttr::ModSeq,
            FetchAttr::EmailId => FetchAttr::EmailId,
            FetchAttr::ThreadId => FetchAttr::ThreadId,
            FetchAttr::SaveDate => FetchAttr::SaveDate,
            FetchAttr::Preview => FetchAttr::Preview,
            FetchAttr::PreviewLazy => FetchAttr::PreviewLazy,
        }
    }
}

impl std::fmt::Display for FetchAttr<'_> {
    /// The attribute as it is sent.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut enc = Encoder::new(Default::default());
        match self.encode(&mut enc) {
            Ok(()) => f.write_str(&crate::wire::encode::fragments_text(&enc.finish())),
            Err(_) => f.write_str("<invalid>"),
        }
    }
}

/// `fetch-att`.
impl Encode for FetchAttr<'_> {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        if let Some(name) = self.simple_name() {
            return enc.atom(name).map(drop);
        }
        match self {
            FetchAttr::BodySection { section, partial, peek } => {
                enc.raw(if *peek { b"BODY.PEEK" } else { b"BODY" })?;
                encode_section(section, enc)?;
                encode_partial(*partial, enc)
            }
            FetchAttr::Binary { part, partial, peek } => {
                enc.raw(if *peek { b"BINARY.PEEK" } else { b"BINARY" })?;
                encode_binary_part(part, enc)?;
                encode_partial(*partial, enc)
            }
            FetchAttr::BinarySize { part } => encode_binary_part(part, enc.raw(b"BINARY.SIZE")?),
            // `"PREVIEW" [SP "(" preview-mod *(SP preview-mod) ")"]`,
            // `preview-mod = "LAZY"` (RFC 8970 section 6).
            FetchAttr::PreviewLazy => enc.raw(b"PREVIEW (LAZY)").map(drop),
            _ => Err(ValidationError::other("fetch-att", "unknown attribute")),
        }
    }
}

/// `section = "[" [section-spec] "]"`.
fn encode_section(section: &Section<'_>, enc: &mut Encoder) -> Result<(), ValidationError> {
    enc.raw(b"[")?;
    encode_part(&section.part, enc)?;
    if let Some(text) = &section.text {
        if !section.part.is_empty() {
            enc.raw(b".")?;
        }
        encode_section_text(text, section.part.is_empty(), enc)?;
    }
    enc.raw(b"]").map(drop)
}

/// `section-part = nz-number *("." nz-number)`.
fn encode_part(part: &[u32], enc: &mut Encoder) -> Result<(), ValidationError> {
    for (i, n) in part.iter().enumerate() {
        if *n == 0 {
            return Err(ValidationError::other("section-part", "part number 0"));
        }
        if i > 0 {
            enc.raw(b".")?;
        }
        enc.number(u64::from(*n));
    }
    Ok(())
}

/// `section-text = section-msgtext / "MIME"`, where
/// `section-msgtext = "HEADER" / "HEADER.FIELDS" [".NOT"] SP header-list / "TEXT"`.
fn encode_section_text(text: &SectionText<'_>, top: bool, enc: &mut Encoder) -> Result<(), ValidationError> {
    let (name, fields) = match text {
        SectionText::Header => ("HEADER", None),
        SectionText::HeaderFields(f) => ("HEADER.FIELDS", Some(f)),
        SectionText::HeaderFieldsNot(f) => ("HEADER.FIELDS.NOT", Some(f)),
        SectionText::Text => ("TEXT", None),
        SectionText::Mime if top => {
            return Err(ValidationError::other("section", "MIME needs a part number"));
        }
        SectionText::Mime => ("MIME", None),
    };
    enc.raw(name.as_bytes())?;
    match fields {
        Some(fields) if fields.is_empty() => Err(ValidationError::empty("header-list")),
        // header-list = "(" header-fld-name *(SP header-fld-name) ")"; header-fld-name = astring
        Some(fields) => enc.sp().list(fields.iter().map(|f| HeaderName(f.as_bytes()))).map(drop),
        None => Ok(()),
    }
}

/// `header-fld-name = astring`.
struct HeaderName<'b>(&'b [u8]);

impl Encode for HeaderName<'_> {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        enc.astring(self.0).map(drop)
    }
}

/// `section-binary = "[" [section-part] "]"`.
fn encode_binary_part(part: &[u32], enc: &mut Encoder) -> Result<(), ValidationError> {
    enc.raw(b"[")?;
    encode_part(part, enc)?;
    enc.raw(b"]").map(drop)
}

/// `[partial]`.
fn encode_partial(partial: Option<Partial>, enc: &mut Encoder) -> Result<(), ValidationError> {
    if let Some(p) = partial {
        enc.raw(format!("<{}.{}>", p.origin, p.count).as_bytes())?;
    }
    Ok(())
}

/// The items of a FETCH command: a macro, or a list of attributes.
///
/// ```
/// use typed_imap::types::{FetchAttr, FetchItems};
///
/// let items = FetchItems::from(vec![FetchAttr::Uid, FetchAttr::Flags]);
/// assert_eq!(items, FetchItems::Attrs(vec![FetchAttr::Uid, FetchAttr::Flags]));
/// assert_eq!(FetchItems::FAST, FetchItems::Fast);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FetchItems<'a> {
    /// `ALL`: `(FLAGS INTERNALDATE RFC822.SIZE ENVELOPE)`.
    All,
    /// `FAST`: `(FLAGS INTERNALDATE RFC822.SIZE)`.
    Fast,
    /// `FULL`: `(FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODY)`.
    Full,
    /// The given attributes: one is sent bare, several in parentheses.
    Attrs(Vec<FetchAttr<'a>>),
}

impl FetchItems<'_> {
    /// The `ALL` macro.
    pub const ALL: FetchItems<'static> = FetchItems::All;
    /// The `FAST` macro.
    pub const FAST: FetchItems<'static> = FetchItems::Fast;
    /// The `FULL` macro.
    pub const FULL: FetchItems<'static> = FetchItems::Full;

    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> FetchItems<'static> {
        match self {
            FetchItems::All => FetchItems::All,
            FetchItems::Fast => FetchItems::Fast,
            FetchItems::Full => FetchItems::Full,
            FetchItems::Attrs(v) => FetchItems::Attrs(v.into_iter().map(FetchAttr::into_owned).collect()),
        }
    }
}

impl<'a> From<FetchAttr<'a>> for FetchItems<'a> {
    fn from(attr: FetchAttr<'a>) -> Self {
        FetchItems::Attrs(vec![attr])
    }
}

impl<'a> From<Vec<FetchAttr<'a>>> for FetchItems<'a> {
    fn from(attrs: Vec<FetchAttr<'a>>) -> Self {
        FetchItems::Attrs(attrs)
    }
}

/// `"ALL" / "FULL" / "FAST" / "(" fetch-att *(SP fetch-att) ")"`; fails
/// for an empty list. A single attribute goes in parentheses too (the
/// grammar also allows it bare): `UID FETCH 1:* (FLAGS)`, as imaplib users
/// write it (conformance item 34).
impl Encode for FetchItems<'_> {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        match self {
            FetchItems::All => enc.atom("ALL").map(drop),
            FetchItems::Fast => enc.atom("FAST").map(drop),
            FetchItems::Full => enc.atom("FULL").map(drop),
            FetchItems::Attrs(v) if v.is_empty() => Err(ValidationError::empty("fetch items")),
            FetchItems::Attrs(v) => enc.list(v).map(drop),
        }
    }
}

/// What each attribute needs the server to have:
///
/// - `BINARY[...]`, `BINARY.PEEK[...]`, `BINARY.SIZE[...]`: BINARY (RFC
///   3516 section 4.2; part of IMAP4rev2, RFC 9051 Appendix E item 2);
/// - `MODSEQ`: CONDSTORE (RFC 7162 section 3.1.4.2; QRESYNC includes it);
/// - `EMAILID`, `THREADID`: OBJECTID (RFC 8474 section 5.3);
/// - `SAVEDATE`: SAVEDATE (RFC 8514 section 4.2);
/// - `PREVIEW`, `PREVIEW (LAZY)`: PREVIEW (RFC 8970 section 3);
/// - the others, and `Other`, nothing.
impl Requirements for FetchAttr<'_> {
    fn requirements(&self, out: &mut Vec<&'static str>) {
        let needs = match self {
            FetchAttr::Binary { .. } | FetchAttr::BinarySize { .. } => "BINARY",
            FetchAttr::ModSeq => "CONDSTORE",
            FetchAttr::EmailId | FetchAttr::ThreadId => "OBJECTID",
            FetchAttr::SaveDate => "SAVEDATE",
            FetchAttr::Preview | FetchAttr::PreviewLazy => "PREVIEW",
            _ => return,
        };
        out.push(needs);
    }
}

/// The macros need nothing; a list, what its attributes need.
impl Requirements for FetchItems<'_> {
    fn requirements(&self, out: &mut Vec<&'static str>) {
        if let FetchItems::Attrs(attrs) = self {
            attrs.requirements(out);
        }
    }
}
