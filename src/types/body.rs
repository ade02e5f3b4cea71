//! `body` (RFC 3501 section 7.4.2 and 9, RFC 9051 section 7.5.2 and 9):
//! the MIME structure of a message, as FETCH BODY and BODYSTRUCTURE return
//! it, with all extension data.

use super::{ByteStr, Envelope};

/// The MIME structure of a message or of one of its parts
/// (`body = "(" (body-type-1part / body-type-mpart) ")"`).
///
/// BODYSTRUCTURE carries extension data; the non-extensible BODY does not
/// (then `extension` is `None`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BodyStructure<'a> {
    /// A leaf part (`body-type-1part`): text, message/rfc822 or any other
    /// media type.
    ///
    /// The parts are boxed so that a structure is two words: parsing moves
    /// each part up through several rules, and a 328-byte value moved
    /// that way cost more than the allocation.
    Single(Box<SinglePart<'a>>),
    /// A `multipart/*` part (`body-type-mpart`), boxed.
    Multi(Box<MultiPart<'a>>),
}

/// `body-type-1part = (body-type-basic / body-type-msg / body-type-text)
/// [SP body-ext-1part]`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SinglePart<'a> {
    /// The media type (`"TEXT"`, `"IMAGE"`, ...), as sent (any case).
    pub media_type: ByteStr<'a>,
    /// The media subtype (`"PLAIN"`, `"RFC822"`, ...), as sent.
    pub media_subtype: ByteStr<'a>,
    /// Parameters, id, description, encoding and size.
    pub fields: BodyFields<'a>,
    /// What only text and message/rfc822 parts have.
    pub kind: SinglePartKind<'a>,
    /// `body-ext-1part`: BODYSTRUCTURE only, and only if the server sent it.
    pub extension: Option<SingleExtension<'a>>,
}

/// The type-specific fields of a [`SinglePart`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SinglePartKind<'a> {
    /// `body-type-basic`: no further fields.
    Basic,
    /// `body-type-text`: a `text/*` part.
    Text {
        /// `body-fld-lines`: the size in text lines.
        lines: u64,
    },
    /// `body-type-msg`: a `message/rfc822` or `message/global` part.
    Message {
        /// The envelope of the enclosed message.
        envelope: Box<Envelope<'a>>,
        /// The structure of the enclosed message.
        body: Box<BodyStructure<'a>>,
        /// `body-fld-lines`: the size in text lines.
        lines: u64,
    },
}

/// `body-fields = body-fld-param SP body-fld-id SP body-fld-desc SP
/// body-fld-enc SP body-fld-octets`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct BodyFields<'a> {
    /// `body-fld-param`: the Content-Type parameters (`NIL` and, quirk,
    /// `()` are empty).
    pub params: Vec<BodyParam<'a>>,
    /// `body-fld-id`: the Content-ID.
    pub id: Option<ByteStr<'a>>,
    /// `body-fld-desc`: the Content-Description.
    pub description: Option<ByteStr<'a>>,
    /// `body-fld-enc`: the Content-Transfer-Encoding (`"7BIT"`,
    /// `"BASE64"`, ...). Quirk: `NIL` is read as empty.
    pub encoding: ByteStr<'a>,
    /// `body-fld-octets`: the size in octets, in its transfer encoding.
    /// Quirk: some servers send `-1` for an unknown size; that reads as 0.
    pub octets: u32,
}

/// One `attribute value` pair of a `body-fld-param` list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct BodyParam<'a> {
    /// The parameter name (`"CHARSET"`), as sent.
    pub name: ByteStr<'a>,
    /// The parameter value (`"US-ASCII"`). Quirk: `NIL` is read as empty.
    pub value: ByteStr<'a>,
}

/// `body-type-mpart = 1*body SP media-subtype [SP body-ext-mpart]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct MultiPart<'a> {
    /// The parts, in order: part `n` of the section path is `parts[n - 1]`.
    /// Quirk: empty when the server sent a multipart without parts or an
    /// empty body `()`.
    pub parts: Vec<BodyStructure<'a>>,
    /// The multipart subtype (`"MIXED"`, `"ALTERNATIVE"`, ...), as sent.
    pub subtype: ByteStr<'a>,
    /// `body-ext-mpart`: BODYSTRUCTURE only, and only if the server sent it.
    pub extension: Option<MultiExtension<'a>>,
}

/// `body-ext-1part = body-fld-md5 [SP body-fld-dsp [SP body-fld-lang
/// [SP body-fld-loc *(SP body-extension)]]]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct SingleExtension<'a> {
    /// `body-fld-md5`: the Content-MD5.
    pub md5: Option<ByteStr<'a>>,
    /// Disposition, language, location and further extension values.
    pub common: BodyExtension<'a>,
}

/// `body-ext-mpart = body-fld-param [SP body-fld-dsp [SP body-fld-lang
/// [SP body-fld-loc *(SP body-extension)]]]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct MultiExtension<'a> {
    /// `body-fld-param`: the multipart's Content-Type parameters
    /// (`BOUNDARY`, ...).
    pub params: Vec<BodyParam<'a>>,
    /// Disposition, language, location and further extension values.
    pub common: BodyExtension<'a>,
}

/// The extension fields single and multipart bodies share. Fields the
/// server did not send are `None` or empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct BodyExtension<'a> {
    /// `body-fld-dsp`: the Content-Disposition.
    pub disposition: Option<Disposition<'a>>,
    /// `body-fld-lang`: the Content-Language tags (one string or a list;
    /// `NIL` is empty).
    pub language: Vec<ByteStr<'a>>,
    /// `body-fld-loc`: the Content-Location.
    pub location: Option<ByteStr<'a>>,
    /// `*(SP body-extension)`: values defined by later standards, kept as
    /// sent.
    pub other: Vec<ExtensionValue<'a>>,
}

/// `body-fld-dsp = "(" string SP body-fld-param ")"`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Disposition<'a> {
    /// The disposition type (`"inline"`, `"attachment"`), as sent.
    pub kind: ByteStr<'a>,
    /// Its parameters (`FILENAME`, ...).
    pub params: Vec<BodyParam<'a>>,
}

/// `body-extension = nstring / number / number64 / "(" body-extension
/// *(SP body-extension) ")"`: a future extension value, kept as sent.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ExtensionValue<'a> {
    /// `NIL`
    Nil,
    /// A string.
    String(ByteStr<'a>),
    /// A number.
    Number(u64),
    /// A parenthesised list.
    List(Vec<ExtensionValue<'a>>),
}

impl<'a> BodyStructure<'a> {
    /// The part that the section path `path` names (`[1, 2]` for
    /// `BODY[1.2]`), following RFC 3501 section 6.4.5 numbering: the
    /// empty path is this body; a message/rfc822 part's numbers address
    /// the parts of the message it encloses; a part that is not multipart
    /// is its own part 1 (as `BODY[1]` of a single-part message).
    ///
    /// ```
    /// use typed_imap::types::{BodyFields, BodyStructure, MultiPart, SinglePart, SinglePartKind};
    ///
    /// let text = BodyStructure::from(SinglePart {
    ///     media_type: "TEXT".into(),
    ///     media_subtype: "PLAIN".into(),
    ///     fields: BodyFields::default(),
    ///     kind: SinglePartKind::Text { lines: 1 },
    ///     extension: None,
    /// });
    /// let mixed = BodyStructure::from(MultiPart {
    ///     parts: vec![text.clone()],
    ///     subtype: "MIXED".into(),
    ///     extension: None,
    /// });
    /// assert_eq!(mixed.part(&[1]), Some(&text));
    /// assert_eq!(mixed.part(&[2]), None);
    /// ```
    pub fn part(&self, path: &[u32]) -> Option<&BodyStructure<'a>> {
        let Some((&n, rest)) = path.split_first() else { return Some(self) };
        match self {
            BodyStructure::Multi(m) => m.parts.get(usize::try_from(n).ok()?.checked_sub(1)?)?.part(rest),
            BodyStructure::Single(s) => match &s.kind {
                SinglePartKind::Message { body, .. } if matches!(**body, BodyStructure::Multi(_)) => {
                    body.part(path)
                }
                SinglePartKind::Message { body, .. } if n == 1 => body.part(rest),
                _ if n == 1 && rest.is_empty() => Some(self),
                _ => None,
            },
        }
    }

    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> BodyStructure<'static> {
        match self {
            BodyStructure::Single(s) => BodyStructure::Single(Box::new(s.into_owned())),
            BodyStructure::Multi(m) => BodyStructure::Multi(Box::new(m.into_owned())),
        }
    }
}

impl<'a> From<SinglePart<'a>> for BodyStructure<'a> {
    fn from(part: SinglePart<'a>) -> Self {
        BodyStructure::Single(Box::new(part))
    }
}

impl<'a> From<MultiPart<'a>> for BodyStructure<'a> {
    fn from(part: MultiPart<'a>) -> Self {
        BodyStructure::Multi(Box::new(part))
    }
}

impl SinglePart<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> SinglePart<'static> {
        SinglePart {
            media_type: self.media_type.into_owned_token(),
            media_subtype: self.media_subtype.into_owned_token(),
            fields: self.fields.into_owned(),
            kind: self.kind.into_owned(),
            extension: self.extension.map(SingleExtension::into_owned),
        }
    }
}

impl SinglePartKind<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> SinglePartKind<'static> {
        match self {
            SinglePartKind::Basic => SinglePartKind::Basic,
            SinglePartKind::Text { lines } => SinglePartKind::Text { lines },
            SinglePartKind::Message { envelope, body, lines } => SinglePartKind::Message {
                envelope: Box::new(envelope.into_owned()),
                body: Box::new(body.into_owned()),
                lines,
            },
        }
    }
}

impl BodyFields<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> BodyFields<'static> {
        BodyFields {
            params: own_params(self.params),
            id: self.id.map(ByteStr::into_owned),
            description: self.description.map(ByteStr::into_owned),
            encoding: self.encoding.into_owned_token(),
            octets: self.octets,
        }
    }
}

impl BodyParam<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> BodyParam<'static> {
        BodyParam { name: self.name.into_owned_token(), value: self.value.into_owned_token() }
    }
}

impl MultiPart<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> MultiPart<'static> {
        MultiPart {
            parts: self.parts.into_iter().map(BodyStructure::into_owned).collect(),
            subtype: self.subtype.into_owned_token(),
            extension: self.extension.map(MultiExtension::into_owned),
        }
    }
}

impl SingleExtension<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> SingleExtension<'static> {
        SingleExtension { md5: self.md5.map(ByteStr::into_owned), common: self.common.into_owned() }
    }
}

impl MultiExtension<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> MultiExtension<'static> {
        MultiExtension { params: own_params(self.params), common: self.common.into_owned() }
    }
}

impl BodyExtension<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> BodyExtension<'static> {
        BodyExtension {
            disposition: self.disposition.map(Disposition::into_owned),
            language: self.language.into_iter().map(ByteStr::into_owned_token).collect(),
            location: self.location.map(ByteStr::into_owned),
            other: self.other.into_iter().map(ExtensionValue::into_owned).collect(),
        }
    }
}

impl Disposition<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> Disposition<'static> {
        Disposition { kind: self.kind.into_owned_token(), params: own_params(self.params) }
    }
}

impl ExtensionValue<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> ExtensionValue<'static> {
        match self {
            ExtensionValue::Nil => ExtensionValue::Nil,
            ExtensionValue::String(s) => ExtensionValue::String(s.into_owned()),
            ExtensionValue::Number(n) => ExtensionValue::Number(n),
            ExtensionValue::List(v) => ExtensionValue::List(v.into_iter().map(|e| e.into_owned()).collect()),
        }
    }
}

fn own_params(params: Vec<BodyParam<'_>>) -> Vec<BodyParam<'static>> {
    params.into_iter().map(BodyParam::into_owned).collect()
}
