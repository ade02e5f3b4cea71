//! `section` (RFC 3501 section 9): which part of a message BODY[...] and
//! BINARY[...] name, in FETCH commands and in FETCH responses alike.

use super::ByteStr;

/// `section-spec = section-msgtext / (section-part ["." section-text])`;
/// `BODY[]` is the empty section (no part, no text).
///
/// ```
/// use typed_imap::types::{Section, SectionText};
/// // BODY[1.2.HEADER]
/// let s = Section { part: vec![1, 2], text: Some(SectionText::Header) };
/// assert_eq!(s.part, [1, 2]);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Section<'a> {
    /// `section-part = nz-number *("." nz-number)`: the MIME part path,
    /// empty for the whole message.
    pub part: Vec<u32>,
    /// What of that part, if not all of it.
    pub text: Option<SectionText<'a>>,
}

/// `section-msgtext / "MIME"`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SectionText<'a> {
    /// `HEADER`
    Header,
    /// `HEADER.FIELDS (name ...)`
    HeaderFields(Vec<ByteStr<'a>>),
    /// `HEADER.FIELDS.NOT (name ...)`
    HeaderFieldsNot(Vec<ByteStr<'a>>),
    /// `TEXT`
    Text,
    /// `MIME` (only after a part number)
    Mime,
}

impl Section<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> Section<'static> {
        Section { part: self.part, text: self.text.map(SectionText::into_owned) }
    }
}

impl SectionText<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> SectionText<'static> {
        let own = |v: Vec<ByteStr<'_>>| v.into_iter().map(ByteStr::into_owned).collect();
        match self {
            SectionText::Header => SectionText::Header,
            SectionText::HeaderFields(v) => SectionText::HeaderFields(own(v)),
            SectionText::HeaderFieldsNot(v) => SectionText::HeaderFieldsNot(own(v)),
            SectionText::Text => SectionText::Text,
            SectionText::Mime => SectionText::Mime,
        }
    }
}
