//! `msg-att` (RFC 3501 section 9, RFC 9051 section 9).
//!
//! CONTRACT STUB: the FETCH work fills in every attribute.

use winnow::ascii::Caseless;
use winnow::combinator::{alt, delimited, preceded, separated};
use winnow::prelude::*;

use super::Input;
use super::core::{number, sp};
use super::flag::flag_list;
use crate::types::FetchItem;

/// `msg-att = "(" (msg-att-dynamic / msg-att-static) *(SP (msg-att-dynamic / msg-att-static)) ")"`.
pub(crate) fn msg_att<'a>(input: &mut Input<'a>) -> ModalResult<Vec<FetchItem<'a>>> {
    delimited(b'(', separated(0.., msg_att_item, sp), b')').parse_next(input)
}

fn msg_att_item<'a>(input: &mut Input<'a>) -> ModalResult<FetchItem<'a>> {
    alt((
        preceded((Caseless("UID"), sp), number).map(FetchItem::Uid),
        preceded((Caseless("FLAGS"), sp), flag_list).map(FetchItem::Flags),
    ))
    .parse_next(input)
}
