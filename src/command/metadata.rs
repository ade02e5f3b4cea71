//! The METADATA commands (RFC 5464): GETMETADATA and SETMETADATA.
//!
//! Both ask for the `METADATA` capability. RFC 5464 section 1 also
//! defines `METADATA-SERVER`, for servers that keep server entries only
//! (mailbox `""`); `METADATA` implies it, and every server in use
//! advertises `METADATA`, so a capability check of one static name asks
//! for `METADATA`. Against a `METADATA-SERVER`-only server, send the
//! command with [`Raw`](super::Raw).

use crate::Error;
use crate::types::{
    ByteStr, Code, Data, Mailbox, MetadataCode, MetadataEntries, Response, Status, ValidationError,
};
use crate::wire::encode::{Encode, Encoder};

/// An entry name (RFC 5464 section 3.2), such as `/private/comment` or
/// `/shared/vendor/x`: under `/private` or `/shared`, slash-separated,
/// printable ASCII without `*` or `%`, no empty component.
///
/// ```
/// use typed_imap::command::Entry;
///
/// assert!(Entry::new("/private/comment").is_ok());
/// assert!(Entry::new("/comment").is_err());
/// assert!(Entry::new("/shared/*").is_err());
/// assert!(Entry::new("/shared//x").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Entry(String);

impl Entry {
    /// The entry `name`, checked.
    pub fn new(name: &str) -> Result<Self, ValidationError> {
        if let Some(i) = name.bytes().position(|b| !(0x21..0x7f).contains(&b) || b == b'*' || b == b'%') {
            return Err(ValidationError::byte("metadata entry", name.as_bytes()[i], i));
        }
        let lower = name.to_ascii_lowercase();
        let scoped =
            ["/private", "/shared"].iter().any(|p| lower == *p || lower.starts_with(&format!("{p}/")));
        if !scoped || name.ends_with('/') || name.contains("//") {
            return Err(ValidationError::other(
                "metadata entry",
                "must start with /private or /shared and have no empty component",
            ));
        }
        Ok(Entry(name.to_owned()))
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// `entry = astring` (RFC 5464 section 5).
impl Encode for Entry {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        enc.astring(self.0.as_bytes()).map(drop)
    }
}

/// `scope-opt = "DEPTH" SP ("0" / "1" / "infinity")` (RFC 5464 section
/// 4.2.2): how far below the named entries to look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Depth {
    /// `0`: the named entries only (the default).
    Zero,
    /// `1`: and their direct children.
    One,
    /// `infinity`: and everything below.
    Infinity,
}

/// `"(" getmetadata-option *(SP getmetadata-option) ")"` (RFC 5464
/// section 5): set through [`GetMetadata::max_size`] and
/// [`GetMetadata::depth`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct MetadataOptions {
    /// `MAXSIZE n`: leave out values longer than `n` octets.
    pub max_size: Option<u32>,
    /// `DEPTH ...`.
    pub depth: Option<Depth>,
}

impl Encode for MetadataOptions {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        let mut parts = Vec::new();
        if let Some(n) = self.max_size {
            parts.push(format!("MAXSIZE {n}"));
        }
        if let Some(depth) = self.depth {
            let d = match depth {
                Depth::Zero => "0",
                Depth::One => "1",
                Depth::Infinity => "infinity",
            };
            parts.push(format!("DEPTH {d}"));
        }
        if parts.is_empty() {
            return Err(ValidationError::other(
                "GETMETADATA options",
                "give MAXSIZE or DEPTH, or no options",
            ));
        }
        enc.raw(format!("({})", parts.join(" ")).as_bytes()).map(drop)
    }
}

/// GETMETADATA (RFC 5464 section 4.2): the values of entries of a
/// mailbox, or of the server when the mailbox is `""`.
///
/// Options go before the mailbox: `GETMETADATA (MAXSIZE 1024 DEPTH 1)
/// INBOX (/private/comment)`.
///
/// ```
/// use typed_imap::command::{Command, Depth, GetMetadata};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder};
///
/// let cmd = GetMetadata::new("INBOX", &["/private/comment"]).unwrap().max_size(1024).depth(Depth::One);
/// let mut enc = Encoder::new(EncodeOptions::default());
/// cmd.encode_args(&mut enc).unwrap();
/// assert_eq!(
///     format!("{:?}", enc.finish()),
///     r#"[Line(" (MAXSIZE 1024 DEPTH 1) INBOX (/private/comment)\r\n")]"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Command)]
#[imap(
    command = "GETMETADATA",
    capability = "METADATA",
    collect = "METADATA",
    output = MetadataValues,
    decode = decode_getmetadata
)]
pub struct GetMetadata {
    /// MAXSIZE and DEPTH, left out when `None`.
    pub options: Option<MetadataOptions>,
    /// The mailbox; `""` for server entries.
    pub mailbox: Mailbox<'static>,
    /// The entries asked for, sent as a parenthesised list.
    pub entries: Vec<Entry>,
}

impl GetMetadata {
    /// GETMETADATA `mailbox` `(entries)`; fails on an invalid name.
    pub fn new(mailbox: &str, entries: &[&str]) -> Result<Self, ValidationError> {
        let entries = entries.iter().map(|e| Entry::new(e)).collect::<Result<_, _>>()?;
        Ok(GetMetadata { options: None, mailbox: Mailbox::new(mailbox)?, entries })
    }

    /// `MAXSIZE n` (RFC 5464 section 4.2.1).
    pub fn max_size(mut self, octets: u32) -> Self {
        self.options.get_or_insert_with(Default::default).max_size = Some(octets);
        self
    }

    /// `DEPTH ...` (RFC 5464 section 4.2.2).
    pub fn depth(mut self, depth: Depth) -> Self {
        self.options.get_or_insert_with(Default::default).depth = Some(depth);
        self
    }
}

/// The answer to GETMETADATA.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MetadataValues {
    /// Each entry's value, in the order the server sent them.
    pub values: Vec<MetadataValue>,
    /// `[METADATA LONGENTRIES n]` on the tagged OK: entries were left out
    /// for MAXSIZE; the longest was `n` octets.
    pub long_entries: Option<u32>,
}

impl MetadataValues {
    /// The value of `entry` (any mailbox), if the server sent it;
    /// `Some(None)` for NIL.
    pub fn get(&self, entry: &str) -> Option<Option<&[u8]>> {
        let found = self.values.iter().find(|v| v.entry.as_bytes().eq_ignore_ascii_case(entry.as_bytes()))?;
        Some(found.value.as_ref().map(|v| v.as_bytes()))
    }
}

/// One entry's value (RFC 5464 section 4.4.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetadataValue {
    /// The mailbox (`""` for the server).
    pub mailbox: Mailbox<'static>,
    /// The entry's name.
    pub entry: ByteStr<'static>,
    /// The value; `None` for NIL (no such entry).
    pub value: Option<ByteStr<'static>>,
}

/// Keeps the `METADATA mailbox (entry value ...)` responses. A METADATA
/// response with names only is the server's unsolicited change notice
/// (RFC 5464 section 4.4.2), not an answer, and is left out.
fn decode_getmetadata(
    _: &GetMetadata,
    collected: Vec<Response<'static>>,
    done: &Status<'static>,
) -> Result<MetadataValues, Error> {
    let mut values = Vec::new();
    for response in collected {
        if let Response::Data(Data::Metadata(m)) = response
            && let MetadataEntries::Values(pairs) = m.entries
        {
            let mailbox = m.mailbox;
            values.extend(pairs.into_iter().map(|(entry, value)| MetadataValue {
                mailbox: mailbox.clone(),
                entry,
                value,
            }));
        }
    }
    let long_entries = match done.code {
        Some(Code::Metadata(MetadataCode::LongEntries(n))) => Some(n),
        _ => None,
    };
    Ok(MetadataValues { values, long_entries })
}

/// SETMETADATA (RFC 5464 section 4.3): sets entries of a mailbox (or of
/// the server, mailbox `""`); a `None` value deletes the entry (`NIL`).
///
/// Values are `nstring`s: quoted when they are printable text, a literal
/// when they hold CR, LF or 8-bit bytes. NUL is refused.
///
/// ```
/// use typed_imap::command::{Command, SetMetadata};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder};
///
/// let cmd = SetMetadata::new("INBOX")
///     .unwrap()
///     .set("/private/comment", Some("My new comment"))
///     .unwrap()
///     .set("/shared/comment", None::<&str>)
///     .unwrap();
/// let mut enc = Encoder::new(EncodeOptions::default());
/// cmd.encode_args(&mut enc).unwrap();
/// assert_eq!(
///     format!("{:?}", enc.finish()),
///     r#"[Line(" INBOX (/private/comment \"My new comment\" /shared/comment NIL)\r\n")]"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Command)]
#[imap(command = "SETMETADATA", capability = "METADATA")]
pub struct SetMetadata {
    /// The mailbox; `""` for server entries.
    pub mailbox: Mailbox<'static>,
    /// `"(" entry SP value *(SP entry SP value) ")"`.
    pub values: EntryValues,
}

impl SetMetadata {
    /// SETMETADATA on `mailbox`, with no entries yet; fails when the name
    /// holds NUL.
    pub fn new(mailbox: &str) -> Result<Self, ValidationError> {
        Ok(SetMetadata { mailbox: Mailbox::new(mailbox)?, values: EntryValues::default() })
    }

    /// Adds `entry` set to `value` (`None`: delete it); fails on an
    /// invalid entry name or a value with NUL.
    pub fn set(mut self, entry: &str, value: Option<impl Into<Vec<u8>>>) -> Result<Self, ValidationError> {
        let value = value.map(Into::into);
        if let Some(v) = &value {
            crate::types::chars::refuse_nul("metadata value", v)?;
        }
        self.values.0.push((Entry::new(entry)?, value));
        Ok(self)
    }
}

/// The `(entry value ...)` list of SETMETADATA (RFC 5464 section 5).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct EntryValues(pub Vec<(Entry, Option<Vec<u8>>)>);

impl Encode for EntryValues {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        enc.raw(b"(")?;
        for (i, (entry, value)) in self.0.iter().enumerate() {
            if i > 0 {
                enc.sp();
            }
            enc.encode(entry)?.sp().nstring(value.as_deref())?;
        }
        enc.raw(b")").map(drop)
    }
}
