//! `response`, `response-data`, `response-tagged`, `resp-cond-*`,
//! `resp-text` and `continue-req` (RFC 3501 section 9).
//!
//! CONTRACT STUB: the parser work covers every response kind and code.

use std::borrow::Cow;

use winnow::ascii::Caseless;
use winnow::combinator::{alt, cut_err, opt, preceded, separated, terminated};
use winnow::prelude::*;
use winnow::token::{literal, take_while};

use super::Input;
use super::core::{ascii_str, atom, crlf, number, sp, text};
use super::fetch::msg_att;
use super::flag::flag_list;
use crate::types::chars::is_tag_char;
use crate::types::{ByteStr, Capability, Code, Continue, Data, Response, Status, StatusKind, Tag};

/// `response = *(continue-req / response-data) response-done`, one at a
/// time: a continuation, untagged data or a status, tagged or not.
pub(crate) fn response<'a>(input: &mut Input<'a>) -> ModalResult<Response<'a>> {
    alt((
        continue_req.map(Response::Continue),
        preceded((b'*', sp), untagged),
        response_tagged.map(Response::Status),
    ))
    .parse_next(input)
}

/// `continue-req = "+" [SP (resp-text / base64)] CRLF`.
pub(crate) fn continue_req<'a>(input: &mut Input<'a>) -> ModalResult<Continue<'a>> {
    preceded(b'+', cut_err(terminated(opt(preceded(opt(sp), text)), crlf)))
        .map(|t| Continue { text: t.unwrap_or_default() })
        .parse_next(input)
}

fn untagged<'a>(input: &mut Input<'a>) -> ModalResult<Response<'a>> {
    alt((status_body(None).map(Response::Status), terminated(response_data, crlf).map(Response::Data)))
        .parse_next(input)
}

/// `response-tagged = tag SP resp-cond-state CRLF`.
pub(crate) fn response_tagged<'a>(input: &mut Input<'a>) -> ModalResult<Status<'a>> {
    let tag = terminated(take_while(1.., is_tag_char), sp).parse_next(input)?;
    status_body(Some(Tag::from_wire(Cow::Borrowed(ascii_str(tag))))).parse_next(input)
}

fn status_body<'a>(
    tag: Option<Tag<'a>>,
) -> impl Parser<Input<'a>, Status<'a>, winnow::error::ErrMode<winnow::error::ContextError>> {
    move |input: &mut Input<'a>| {
        let kind = alt((
            literal(Caseless("OK")).value(StatusKind::Ok),
            literal(Caseless("NO")).value(StatusKind::No),
            literal(Caseless("BAD")).value(StatusKind::Bad),
            literal(Caseless("PREAUTH")).value(StatusKind::PreAuth),
            literal(Caseless("BYE")).value(StatusKind::Bye),
        ))
        .parse_next(input)?;
        let text = cut_err(terminated(opt(preceded(sp, text)), crlf)).parse_next(input)?;
        Ok(Status {
            tag: tag.clone(),
            kind,
            code: None::<Code<'a>>,
            text: text.unwrap_or_else(ByteStr::default),
        })
    }
}

/// `response-data = "*" SP (resp-cond-state / resp-cond-bye / mailbox-data
/// / message-data / capability-data / ...) CRLF`, after `* `.
fn response_data<'a>(input: &mut Input<'a>) -> ModalResult<Data<'a>> {
    alt((
        preceded(
            (Caseless("CAPABILITY"), sp),
            separated(1.., atom.map(|a| Capability::from_wire(Cow::Borrowed(a))), sp),
        )
        .map(Data::Capability),
        preceded((Caseless("FLAGS"), sp), flag_list).map(Data::Flags),
        message_data,
    ))
    .parse_next(input)
}

/// `message-data = nz-number SP ("EXPUNGE" / ("FETCH" SP msg-att))`, and
/// `mailbox-data`'s `number SP "EXISTS"` / `number SP "RECENT"`.
fn message_data<'a>(input: &mut Input<'a>) -> ModalResult<Data<'a>> {
    let n = terminated(number, sp).parse_next(input)?;
    alt((
        Caseless("EXISTS").value(Data::Exists(n)),
        Caseless("RECENT").value(Data::Recent(n)),
        Caseless("EXPUNGE").value(Data::Expunge(n)),
        preceded((Caseless("FETCH"), sp), msg_att).map(move |items| Data::Fetch { seq: n, items }),
    ))
    .parse_next(input)
}
