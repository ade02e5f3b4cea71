//! One message of a FETCH result and typed access to its attributes (RFC
//! 3501 section 7.4.2, RFC 9051 section 7.5.2, and the FETCH extensions).
//!
//! The items stay in [`FetchedMessage::items`] as the server sent them;
//! the accessors find the one a caller wants without a `match` over every
//! [`FetchItem`]. When the server sent an attribute twice (it may, in
//! separate responses or, against the grammar, in one), they give the
//! first.

use crate::command::fetch::{in_set, is_flag_update, uid_of};
use crate::types::{
    BodyStructure, ByteStr, Data, Envelope, FetchItem, Flag, InternalDate, Response, Section, SectionText,
    SequenceSet,
};

/// One `* n FETCH (...)` response: a message's number and attributes.
///
/// ```
/// use typed_imap::command::FetchedMessage;
/// use typed_imap::types::{ByteStr, FetchItem, Section};
///
/// let message = FetchedMessage {
///     seq: 1,
///     items: vec![
///         FetchItem::Uid(7),
///         FetchItem::Rfc822Size(5),
///         FetchItem::BodySection { section: Section::default(), origin: None, data: Some(ByteStr::from("hello")) },
///     ],
/// };
/// assert_eq!(message.uid(), Some(7));
/// assert_eq!(message.size(), Some(5));
/// assert_eq!(message.body(), Some(&b"hello"[..]));
/// assert_eq!(message.envelope(), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchedMessage {
    /// The message sequence number.
    pub seq: u32,
    /// The attributes, in the order the server sent them.
    pub items: Vec<FetchItem<'static>>,
}

impl FetchedMessage {
    /// The `UID` item, if the response has one.
    pub fn uid(&self) -> Option<u32> {
        uid_of(&self.items)
    }

    /// The `FLAGS` item, if the response has one.
    pub fn flags(&self) -> Option<&[Flag<'static>]> {
        self.find(|i| match i {
            FetchItem::Flags(f) => Some(f.as_slice()),
            _ => None,
        })
    }

    /// The `ENVELOPE` item.
    pub fn envelope(&self) -> Option<&Envelope<'static>> {
        self.find(|i| match i {
            FetchItem::Envelope(e) => Some(&**e),
            _ => None,
        })
    }

    /// The `BODYSTRUCTURE` item, or else the `BODY` one (the same tree
    /// without extension data).
    pub fn body_structure(&self) -> Option<&BodyStructure<'static>> {
        let extensible = self.find(|i| match i {
            FetchItem::BodyStructure(b) => Some(b),
            _ => None,
        });
        extensible.or_else(|| {
            self.find(|i| match i {
                FetchItem::Body(b) => Some(b),
                _ => None,
            })
        })
    }

    /// The `INTERNALDATE` item: when the server received the message.
    pub fn internal_date(&self) -> Option<InternalDate> {
        self.find(|i| match i {
            FetchItem::InternalDate(d) => Some(*d),
            _ => None,
        })
    }

    /// The `RFC822.SIZE` item: the message's size in octets.
    pub fn size(&self) -> Option<u64> {
        self.find(|i| match i {
            FetchItem::Rfc822Size(n) => Some(*n),
            _ => None,
        })
    }

    /// The `MODSEQ` item (RFC 7162 section 3.1.4.1).
    pub fn modseq(&self) -> Option<u64> {
        self.find(|i| match i {
            FetchItem::ModSeq(n) => Some(*n),
            _ => None,
        })
    }

    /// The whole message: `BODY[]` (also `BODY.PEEK[]`), or `RFC822`.
    /// `None` when neither was sent or the server sent `NIL`; for a
    /// partial fetch, the part sent (its origin is in [`items`](Self::items)).
    pub fn body(&self) -> Option<&[u8]> {
        self.section(&Section::default()).or_else(|| self.rfc822(|i| matches!(i, FetchItem::Rfc822(_))))
    }

    /// The message's header: `BODY[HEADER]`, or `RFC822.HEADER`.
    pub fn header(&self) -> Option<&[u8]> {
        let header = Section { part: Vec::new(), text: Some(SectionText::Header) };
        self.section(&header).or_else(|| self.rfc822(|i| matches!(i, FetchItem::Rfc822Header(_))))
    }

    /// The message's body text: `BODY[TEXT]`, or `RFC822.TEXT`.
    pub fn text(&self) -> Option<&[u8]> {
        let text = Section { part: Vec::new(), text: Some(SectionText::Text) };
        self.section(&text).or_else(|| self.rfc822(|i| matches!(i, FetchItem::Rfc822Text(_))))
    }

    /// The content of `BODY[section]` as the server echoed the section
    /// (`None` when it was not sent, or sent as `NIL`). Header field names
    /// compare case-insensitively, as RFC 5322 field names do.
    ///
    /// ```
    /// use typed_imap::command::FetchedMessage;
    /// use typed_imap::types::{ByteStr, FetchItem, Section, SectionText};
    ///
    /// let echoed = Section { part: vec![], text: Some(SectionText::HeaderFields(vec![ByteStr::from("SUBJECT")])) };
    /// let message = FetchedMessage {
    ///     seq: 1,
    ///     items: vec![FetchItem::BodySection { section: echoed, origin: None, data: Some(ByteStr::from("Subject: hi\r\n\r\n")) }],
    /// };
    /// let asked = Section { part: vec![], text: Some(SectionText::HeaderFields(vec![ByteStr::from("Subject")])) };
    /// assert_eq!(message.section(&asked), Some(&b"Subject: hi\r\n\r\n"[..]));
    /// ```
    pub fn section(&self, section: &Section<'_>) -> Option<&[u8]> {
        self.find(|i| match i {
            FetchItem::BodySection { section: sent, data, .. } if same_section(sent, section) => {
                data.as_deref()
            }
            _ => None,
        })
    }

    /// The content of `BINARY[part]` (RFC 3516 section 4.3): the part with
    /// its transfer encoding removed; `part` empty for the whole message.
    pub fn binary(&self, part: &[u32]) -> Option<&[u8]> {
        self.find(|i| match i {
            FetchItem::Binary { section, data, .. } if section == part => data.as_deref(),
            _ => None,
        })
    }

    /// The `EMAILID` item (RFC 8474 section 5.1).
    pub fn email_id(&self) -> Option<&ByteStr<'static>> {
        self.find(|i| match i {
            FetchItem::EmailId(id) => Some(id),
            _ => None,
        })
    }

    /// The `THREADID` item (RFC 8474 section 5.2); `None` also when the
    /// server sent `NIL` (the message belongs to no thread).
    pub fn thread_id(&self) -> Option<&ByteStr<'static>> {
        self.find(|i| match i {
            FetchItem::ThreadId(id) => id.as_ref(),
            _ => None,
        })
    }

    /// The `PREVIEW` item (RFC 8970 section 3); `None` also for `PREVIEW
    /// NIL`, the answer to `PREVIEW (LAZY)` when none was at hand.
    pub fn preview(&self) -> Option<&ByteStr<'static>> {
        self.find(|i| match i {
            FetchItem::Preview(text) => text.as_ref(),
            _ => None,
        })
    }

    /// The `SAVEDATE` item (RFC 8514 section 4.2); `None` also for
    /// `SAVEDATE NIL` (the mailbox keeps no save dates).
    pub fn save_date(&self) -> Option<InternalDate> {
        self.find(|i| match i {
            FetchItem::SaveDate(date) => *date,
            _ => None,
        })
    }

    /// The first item `pick` takes.
    fn find<'m, T>(&'m self, pick: impl FnMut(&'m FetchItem<'static>) -> Option<T>) -> Option<T> {
        self.items.iter().find_map(pick)
    }

    /// The content of the first `RFC822`, `RFC822.HEADER` or `RFC822.TEXT`
    /// item that `is_kind` accepts.
    fn rfc822(&self, is_kind: impl Fn(&FetchItem<'static>) -> bool) -> Option<&[u8]> {
        self.find(|i| match i {
            FetchItem::Rfc822(d) | FetchItem::Rfc822Header(d) | FetchItem::Rfc822Text(d) if is_kind(i) => {
                d.as_deref()
            }
            _ => None,
        })
    }

    /// True when the response holds FLAGS and nothing but UID besides: an
    /// unsolicited flag update when FLAGS was not asked for.
    pub(crate) fn is_flag_update(&self) -> bool {
        is_flag_update(&self.items)
    }

    /// Back to the response it came from.
    pub(crate) fn into_response(self) -> Response<'static> {
        Response::Data(Data::Fetch { seq: self.seq, items: self.items })
    }

    /// True when the message is in `set`, by number or by UID.
    pub(crate) fn in_set(&self, set: &SequenceSet) -> bool {
        in_set(self.seq, &self.items, set)
    }
}

/// The section a server echoed is the one asked for: the same part and
/// text, header field names compared case-insensitively.
fn same_section(sent: &Section<'_>, asked: &Section<'_>) -> bool {
    let same_names = |a: &[ByteStr<'_>], b: &[ByteStr<'_>]| {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.eq_ignore_ascii_case(y))
    };
    sent.part == asked.part
        && match (&sent.text, &asked.text) {
            (Some(SectionText::HeaderFields(a)), Some(SectionText::HeaderFields(b)))
            | (Some(SectionText::HeaderFieldsNot(a)), Some(SectionText::HeaderFieldsNot(b))) => {
                same_names(a, b)
            }
            (a, b) => a == b,
        }
}
