//! `mailbox-data =/ "STATUS" SP mailbox SP "(" [status-att-list] ")"`
//! (RFC 3501 section 9, RFC 9051 section 9, CONDSTORE RFC 7162, OBJECTID
//! RFC 8474, APPENDLIMIT RFC 7889, QUOTA RFC 9208).

use winnow::combinator::{alt, preceded, terminated};
use winnow::error::StrContext;
use winnow::prelude::*;
use winnow::token::take_while;

use super::Input;
use super::ModalResult;
use super::byte_class::is_atom_char;
use super::core::{nil, number, number64, sp};
use super::ext_value::tagged_ext_val;
use super::keyword::Upper;
use super::mailbox::mailbox;
use super::objectid::objectid_paren;
use super::paren::paren_list;
use crate::types::{ByteStr, StatusData, StatusItem};

/// `"STATUS" SP mailbox SP "(" [status-att-list] ")"`, after the name.
pub(crate) fn status_data<'a>(input: &mut Input<'a>) -> ModalResult<StatusData<'a>> {
    (preceded(sp, mailbox), preceded(sp, paren_list(status_att_val)))
        .map(|(mailbox, items)| StatusData { mailbox, items })
        .context(StrContext::Label("STATUS"))
        .parse_next(input)
}

/// `status-att-val = ("MESSAGES" SP number) / ("UIDNEXT" SP nz-number) /
/// ("UIDVALIDITY" SP nz-number) / ("UNSEEN" SP number) / ("DELETED" SP
/// number) / ("SIZE" SP number64) / ...`; unknown items kept raw.
fn status_att_val<'a>(input: &mut Input<'a>) -> ModalResult<StatusItem<'a>> {
    let name = terminated(take_while(1.., is_atom_char), sp).parse_next(input)?;
    match Upper::new(name).as_bytes() {
        b"MESSAGES" => number.map(StatusItem::Messages).parse_next(input),
        b"RECENT" => number.map(StatusItem::Recent).parse_next(input),
        b"UIDNEXT" => number.map(StatusItem::UidNext).parse_next(input),
        b"UIDVALIDITY" => number.map(StatusItem::UidValidity).parse_next(input),
        b"UNSEEN" => number.map(StatusItem::Unseen).parse_next(input),
        b"DELETED" => number.map(StatusItem::Deleted).parse_next(input),
        b"SIZE" => number64.map(StatusItem::Size).parse_next(input),
        b"HIGHESTMODSEQ" => number64.map(StatusItem::HighestModSeq).parse_next(input),
        b"MAILBOXID" => objectid_paren.map(StatusItem::MailboxId).parse_next(input),
        b"APPENDLIMIT" => {
            alt((nil.value(None), number64.map(Some))).map(StatusItem::AppendLimit).parse_next(input)
        }
        b"DELETED-STORAGE" => number64.map(StatusItem::DeletedStorage).parse_next(input),
        _ => tagged_ext_val
            .map(|value| StatusItem::Other { name: ByteStr::from(name), value })
            .parse_next(input),
    }
}
