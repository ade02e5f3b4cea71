//! PARTIAL (RFC 1730 section 6.4.6; obsoleted by RFC 2060, App. B item 4,
//! and absent from RFC 3501 and 9051). imaplib still offers it
//! (`partial(message_num, message_part, start, length)`); no current
//! server implements it (Dovecot and Cyrus answer BAD), so it is encoded
//! exactly and decoded like a FETCH. Not to be confused with the RFC 9394
//! `PARTIAL` search and fetch modifier.
//!
//! ```text
//! partial = "PARTIAL" SP nz-number SP
//!           ("BODY" [".PEEK"] "[" section "]" /
//!            "RFC822" (([".TEXT"] [".PEEK"]) / ".HEADER"))
//!           SP number SP number
//! ```

use std::num::NonZeroU32;

use crate::Error;
use crate::command::FetchedMessage;
use crate::types::{Data, FetchAttr, Response, Section, Status, ValidationError};
use crate::wire::encode::{Encode, Encoder};

/// PARTIAL (RFC 1730 section 6.4.6): `count` octets of one message part
/// from octet `start` (the first octet is 1). Output: the FETCH that
/// answers it (for the message asked, else the first one: RFC 1730's own
/// example answers `* 1 FETCH` to `PARTIAL 4`), if any.
///
/// ```
/// use typed_imap::command::{Command, Partial, PartialItem};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder, Fragment};
///
/// let cmd = Partial::new(4, PartialItem::Rfc822 { text: false, peek: false }, 1, 1024).unwrap();
/// let mut enc = Encoder::new(EncodeOptions::default());
/// cmd.encode_args(&mut enc).unwrap();
/// assert_eq!(enc.finish(), [Fragment::Line(b" 4 RFC822 1 1024\r\n".to_vec())]);
/// ```
#[derive(Debug, Clone, PartialEq, crate::Command)]
#[imap(command = "PARTIAL", state = "selected", collect = "FETCH", output = Option<FetchedMessage>, decode = decode_partial)]
pub struct Partial {
    /// The message sequence number.
    pub seq: NonZeroU32,
    /// Which part of it.
    pub item: PartialItem,
    /// The first octet wanted, counted from 1.
    pub start: u32,
    /// How many octets.
    pub count: u32,
}

impl Partial {
    /// `PARTIAL seq item start count`; fails when `seq` is 0.
    pub fn new(seq: u32, item: PartialItem, start: u32, count: u32) -> Result<Self, Error> {
        let seq =
            NonZeroU32::new(seq).ok_or_else(|| ValidationError::other("partial", "message number 0"))?;
        Ok(Partial { seq, item, start, count })
    }
}

/// The message part PARTIAL fetches.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PartialItem {
    /// `BODY[section]`, or `BODY.PEEK[section]` when `peek`.
    Body {
        /// The section.
        section: Section<'static>,
        /// `.PEEK`: leave `\Seen` alone.
        peek: bool,
    },
    /// `RFC822`, `RFC822.TEXT`, `RFC822.PEEK` or `RFC822.TEXT.PEEK`.
    Rfc822 {
        /// `.TEXT`: the body without the header.
        text: bool,
        /// `.PEEK`: leave `\Seen` alone.
        peek: bool,
    },
    /// `RFC822.HEADER`.
    Rfc822Header,
}

impl Encode for PartialItem {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        match self {
            PartialItem::Body { section, peek } => {
                FetchAttr::BodySection { section: section.clone(), partial: None, peek: *peek }.encode(enc)
            }
            PartialItem::Rfc822 { text, peek } => {
                let name =
                    format!("RFC822{}{}", if *text { ".TEXT" } else { "" }, if *peek { ".PEEK" } else { "" });
                enc.raw(name.as_bytes()).map(drop)
            }
            PartialItem::Rfc822Header => enc.raw(b"RFC822.HEADER").map(drop),
        }
    }
}

/// PARTIAL's decode: the FETCH for the message asked, else the first
/// FETCH, else `None`; never fails.
fn decode_partial(
    cmd: &Partial,
    collected: Vec<Response<'static>>,
    _: &Status<'static>,
) -> Result<Option<FetchedMessage>, Error> {
    let mut fetches: Vec<FetchedMessage> = collected
        .into_iter()
        .filter_map(|r| match r {
            Response::Data(Data::Fetch { seq, items }) => Some(FetchedMessage { seq, items }),
            _ => None,
        })
        .collect();
    let index = fetches.iter().position(|f| f.seq == cmd.seq.get()).unwrap_or(0);
    Ok((index < fetches.len()).then(|| fetches.swap_remove(index)))
}
