//! The ANNOTATEMORE commands (draft-daboo-imap-annotatemore, never an
//! RFC; replaced by METADATA, RFC 5464): GETANNOTATION and
//! SETANNOTATION. Both need the `ANNOTATEMORE` capability (Cyrus with
//! `annotation_enable_legacy_commands`; Dovecot answers BAD).
//!
//! Entry and attribute names are sent as quoted strings, as in the
//! draft's examples: `GETANNOTATION "INBOX" "/comment" "value.shared"`.

use crate::Error;
use crate::types::{self as t, Data, Mailbox, Response, Status, ValidationError};
use crate::wire::encode::{Encode, Encoder};

/// A name sent as a `string`, never an atom (entries, attributes).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AnnotationName(String);

impl AnnotationName {
    fn new(name: &str) -> Result<Self, ValidationError> {
        crate::types::chars::refuse_nul("annotation name", name.as_bytes())?;
        Ok(AnnotationName(name.to_owned()))
    }
}

impl Encode for AnnotationName {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        enc.string(self.0.as_bytes()).map(drop)
    }
}

/// One item alone, or several in parentheses: `"a"` / `("a" "b")`.
fn one_or_list<T: Encode>(enc: &mut Encoder, items: &[T]) -> Result<(), ValidationError> {
    match items {
        [one] => one.encode(enc),
        _ => enc.list(items).map(drop),
    }
}

/// The `entries` or `attribs` of GETANNOTATION.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AnnotationNames(pub Vec<AnnotationName>);

impl AnnotationNames {
    fn new(names: &[&str]) -> Result<Self, ValidationError> {
        if names.is_empty() {
            return Err(ValidationError::other("annotation names", "at least one name is needed"));
        }
        names.iter().map(|n| AnnotationName::new(n)).collect::<Result<_, _>>().map(AnnotationNames)
    }
}

impl Encode for AnnotationNames {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        one_or_list(enc, &self.0)
    }
}

/// GETANNOTATION (ANNOTATEMORE draft, section 6.8): the attributes of
/// entries on mailboxes. AnnotationNames may hold the `*` and `%` wildcards.
///
/// ```
/// use typed_imap::command::{Command, GetAnnotation};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder};
///
/// let cmd = GetAnnotation::new("INBOX", &["/comment"], &["value.priv", "value.shared"]).unwrap();
/// let mut enc = Encoder::new(EncodeOptions::default());
/// cmd.encode_args(&mut enc).unwrap();
/// assert_eq!(
///     format!("{:?}", enc.finish()),
///     r#"[Line(" INBOX \"/comment\" (\"value.priv\" \"value.shared\")\r\n")]"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Command)]
#[imap(
    command = "GETANNOTATION",
    capability = "ANNOTATEMORE",
    collect = "ANNOTATION",
    output = Vec<t::Annotation<'static>>,
    decode = decode_getannotation
)]
pub struct GetAnnotation {
    /// The mailbox (a pattern: `*` and `%` allowed).
    pub mailbox: Mailbox<'static>,
    /// The entries, such as `/comment`.
    pub entries: AnnotationNames,
    /// The attributes, such as `value.shared`.
    pub attributes: AnnotationNames,
}

impl GetAnnotation {
    /// GETANNOTATION `mailbox` `entries` `attributes`; fails on NUL or an
    /// empty list.
    pub fn new(mailbox: &str, entries: &[&str], attributes: &[&str]) -> Result<Self, ValidationError> {
        Ok(GetAnnotation {
            mailbox: Mailbox::new(mailbox)?,
            entries: AnnotationNames::new(entries)?,
            attributes: AnnotationNames::new(attributes)?,
        })
    }
}

fn decode_getannotation(
    _: &GetAnnotation,
    collected: Vec<Response<'static>>,
    _: &Status<'static>,
) -> Result<Vec<t::Annotation<'static>>, Error> {
    let annotations = collected.into_iter().filter_map(|r| match r {
        Response::Data(Data::Annotation(a)) => Some(a),
        _ => None,
    });
    Ok(annotations.collect())
}

/// One entry's attributes to set, for SETANNOTATION: `setentryatt =
/// entry SP "(" attrib SP value *(SP attrib SP value) ")"`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AnnotationValue {
    /// The entry, such as `/comment`.
    pub entry: AnnotationName,
    /// Each attribute and its value; `None` (NIL) removes it.
    pub attributes: Vec<(AnnotationName, Option<Vec<u8>>)>,
}

impl Encode for AnnotationValue {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        enc.encode(&self.entry)?.sp().raw(b"(")?;
        for (i, (name, value)) in self.attributes.iter().enumerate() {
            if i > 0 {
                enc.sp();
            }
            enc.encode(name)?.sp().nstring(value.as_deref())?;
        }
        enc.raw(b")").map(drop)
    }
}

/// The entries of SETANNOTATION: one alone, several in parentheses.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct AnnotationValues(pub Vec<AnnotationValue>);

impl Encode for AnnotationValues {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        if self.0.is_empty() {
            return Err(ValidationError::other("SETANNOTATION", "at least one entry is needed"));
        }
        one_or_list(enc, &self.0)
    }
}

/// SETANNOTATION (ANNOTATEMORE draft, section 6.7): sets attributes of
/// entries on a mailbox; a `None` value removes the attribute.
///
/// ```
/// use typed_imap::command::{Command, SetAnnotation};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder};
///
/// let cmd = SetAnnotation::new("INBOX").unwrap().set("/comment", "value.priv", Some("My comment")).unwrap();
/// let mut enc = Encoder::new(EncodeOptions::default());
/// cmd.encode_args(&mut enc).unwrap();
/// assert_eq!(
///     format!("{:?}", enc.finish()),
///     r#"[Line(" INBOX \"/comment\" (\"value.priv\" \"My comment\")\r\n")]"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Command)]
#[imap(command = "SETANNOTATION", capability = "ANNOTATEMORE")]
pub struct SetAnnotation {
    /// The mailbox.
    pub mailbox: Mailbox<'static>,
    /// The entries and their attributes.
    pub entries: AnnotationValues,
}

impl SetAnnotation {
    /// SETANNOTATION on `mailbox`, no entries yet; fails on NUL.
    pub fn new(mailbox: &str) -> Result<Self, ValidationError> {
        Ok(SetAnnotation { mailbox: Mailbox::new(mailbox)?, entries: AnnotationValues::default() })
    }

    /// Sets `attribute` of `entry` to `value` (`None`: remove it),
    /// grouping attributes of the same entry; fails on NUL.
    pub fn set(
        mut self,
        entry: &str,
        attribute: &str,
        value: Option<impl Into<Vec<u8>>>,
    ) -> Result<Self, ValidationError> {
        let value = value.map(Into::into);
        if let Some(v) = &value {
            crate::types::chars::refuse_nul("annotation value", v)?;
        }
        let pair = (AnnotationName::new(attribute)?, value);
        match self.entries.0.iter_mut().find(|e| e.entry.0 == entry) {
            Some(existing) => existing.attributes.push(pair),
            None => self
                .entries
                .0
                .push(AnnotationValue { entry: AnnotationName::new(entry)?, attributes: vec![pair] }),
        }
        Ok(self)
    }
}
