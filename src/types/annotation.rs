//! `annotate-data` of the ANNOTATEMORE draft
//! (draft-daboo-imap-annotatemore-08 section 6), still sent by Cyrus.
//!
//! Adds to [`Data`](super::Data): `Annotation`.

use super::{ByteStr, Mailbox};

/// `annotate-data = "ANNOTATION" SP mailbox SP entry-att`, where
/// `entry-att = entry [SP "(" att-value *(SP att-value) ")"]`; several
/// entries may follow each other.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Annotation<'a> {
    /// The mailbox, `""` for the server.
    pub mailbox: Mailbox<'a>,
    /// The entries and their attributes.
    pub entries: Vec<AnnotationEntry<'a>>,
}

/// One entry (`/comment`) and its attribute/value pairs
/// (`value.priv "My comment"`); `None` for `NIL`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnnotationEntry<'a> {
    /// The entry name.
    pub entry: ByteStr<'a>,
    /// The attributes and their values, empty when none were sent.
    pub attributes: Vec<(ByteStr<'a>, Option<ByteStr<'a>>)>,
}

impl Annotation<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> Annotation<'static> {
        Annotation {
            mailbox: self.mailbox.into_owned(),
            entries: self
                .entries
                .into_iter()
                .map(|e| AnnotationEntry {
                    entry: e.entry.into_owned(),
                    attributes: e
                        .attributes
                        .into_iter()
                        .map(|(k, v)| (k.into_owned(), v.map(ByteStr::into_owned)))
                        .collect(),
                })
                .collect(),
        }
    }
}
