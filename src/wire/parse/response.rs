//! `response`, `response-data`, `response-tagged`, `resp-cond-*`,
//! `resp-text`, `continue-req` and the dispatch of untagged data by name
//! (RFC 3501 section 9, RFC 9051 section 9).

use std::borrow::Cow;

use winnow::ascii::Caseless;
use winnow::combinator::{cut_err, delimited, opt, preceded, terminated};
use winnow::error::{ErrMode, StrContext};
use winnow::prelude::*;
use winnow::token::{take, take_while};

use super::Input;
use super::acl::{acl_data, listrights_data, myrights_data};
use super::annotation::annotate_data;
use super::byte_class::{is_atom_char, is_tag_char};
use super::capability::{capability_data, enable_data};
use super::code::resp_text_code;
use super::core::{ascii_str, crlf, number, sp, take_class, text};
use super::fetch::msg_att;
use super::flag::flag_list;
use super::id::id_response;
use super::keyword::letters_key_at;
use super::list::mailbox_list;
use super::metadata::metadata_resp;
use super::namespace::namespace_response;
use super::quota::{quota_response, quotaroot_response};
use super::search_data::{esearch_response, search_data};
use super::sequence::sequence_set;
use super::status_data::status_data;
use super::thread::thread_data;
use super::{ModalResult, ParseFail};
use crate::types::{ByteStr, Code, Continue, Data, Response, Status, StatusKind, Tag};

/// `response = *(continue-req / response-data) response-done`, one at a
/// time: a continuation, untagged data or a status, tagged or not.
///
/// `#[inline]`, so that it joins `parse_frame` (another codegen unit):
/// the 128-byte `Response` is then built in place instead of being
/// returned through one more level (callgrind, 500 small responses:
/// 653K -> 643K; 50 LIST lines: 73.8K -> 72.7K).
#[inline]
pub(crate) fn response<'a>(input: &mut Input<'a>) -> ModalResult<Response<'a>> {
    match input.input.first() {
        Some(b'+') => continue_req.map(Response::Continue).parse_next(input),
        Some(b'*') => {
            input.input = &input.input[1..];
            sp(input)?;
            untagged(input)
        }
        _ => response_tagged(input).map(Response::Status),
    }
}

/// `continue-req = "+" [SP (resp-text / base64)] CRLF`.
///
/// `+`, `+ ` and `+ text` all parse; the text is empty for the first two.
/// A code is read when the text starts with one (`+ [ALERT] text`).
pub(crate) fn continue_req<'a>(input: &mut Input<'a>) -> ModalResult<Continue<'a>> {
    preceded(b'+', cut_err(terminated(opt(preceded(opt(sp), resp_text)), crlf)))
        .map(|t| {
            let (code, text) = t.unwrap_or_default();
            Continue { code, text }
        })
        .parse_next(input)
}

/// `resp-text = ["[" resp-text-code "]" SP] [text]` (RFC 9051).
///
/// Quirk `text_after_code_brackets`: the text runs to the end of the line,
/// `]` and `[` included (`[UIDVALIDITY 123] Ready [sic]`, conformance 66).
/// Quirk `no_space_after_code`: the space after `]` may be missing.
/// A `[` that starts no readable code is plain text.
///
/// The first byte decides whether a code is tried: `opt` built and
/// dropped an error for each text without one.
pub(crate) fn resp_text<'a>(input: &mut Input<'a>) -> ModalResult<(Option<Code<'a>>, ByteStr<'a>)> {
    let code = match input.input.first() {
        Some(b'[') => opt(delimited(b'[', resp_text_code, opt(sp))).parse_next(input)?,
        _ => None,
    };
    let text = text(input)?;
    Ok((code, text))
}

/// `response-tagged = tag SP resp-cond-state CRLF`.
pub(crate) fn response_tagged<'a>(input: &mut Input<'a>) -> ModalResult<Status<'a>> {
    let before = input.input;
    let tag = match take_class(input, is_tag_char) {
        Ok(tag) if sp(input).is_ok() => tag,
        _ => {
            // The combinator form, for its error (labelled `tag`).
            input.input = before;
            terminated(take_while(1.., is_tag_char), sp)
                .context(StrContext::Label("tag"))
                .parse_next(input)?
        }
    };
    let tag = Tag::from_wire(Cow::Borrowed(ascii_str(tag)));
    let at = input.input;
    let word = take_class(input, is_atom_char)?;
    let kind = status_kind(name_key(at, word)).ok_or_else(status_expected)?;
    status_rest(Some(tag), kind, input)
}

/// The word of `resp-cond-state`, `resp-cond-auth` or `resp-cond-bye`,
/// by its [`name_key`].
fn status_kind(word: u128) -> Option<StatusKind> {
    match word {
        names::OK => Some(StatusKind::Ok),
        names::NO => Some(StatusKind::No),
        names::BAD => Some(StatusKind::Bad),
        names::PREAUTH => Some(StatusKind::PreAuth),
        names::BYE => Some(StatusKind::Bye),
        _ => None,
    }
}

/// The [`letters_key_at`] of `name`, which starts `at`; 0, which no
/// known name has, for a name longer than 16 bytes.
///
/// Every response is dispatched on its name: folding it into one integer
/// matched against constants costs less than upper-casing a copy with
/// [`Upper`](super::keyword::Upper) and matching byte strings (callgrind,
/// 500 small responses: 679K -> 674K instructions).
fn name_key(at: &[u8], name: &[u8]) -> u128 {
    letters_key_at(at, name.len()).unwrap_or(0)
}

/// The error for a tagged line whose word is not a status.
fn status_expected() -> ErrMode<ParseFail> {
    let mut e = ParseFail::new();
    e.push(StrContext::Label("OK, NO, BAD, PREAUTH or BYE"));
    ErrMode::Cut(e)
}

/// `[SP resp-text] CRLF` after the status word.
///
/// Quirk `status_without_text`: `* OK` and `A1 OK [READ-WRITE]` have no
/// text; it is empty.
///
/// The line's end decides the form, looked at before parsing: trying
/// `crlf` first, as `alt` did, failed on every status line with text and
/// built an error with a context (an allocation) each time.
///
/// By hand, as `cut_err(delimited(sp, resp_text, crlf))` read it: it ends
/// every status line, and the three combinator levels cost more than
/// the rules they call.
fn status_rest<'a>(tag: Option<Tag<'a>>, kind: StatusKind, input: &mut Input<'a>) -> ModalResult<Status<'a>> {
    let spaces = input.input.iter().take_while(|b| **b == b' ').count();
    if input.input[spaces..].starts_with(b"\r\n") {
        input.input = &input.input[spaces + 2..];
        return Ok(Status { tag, kind, code: None, text: ByteStr::default() });
    }
    sp(input).map_err(ErrMode::cut)?;
    let (code, text) = resp_text(input).map_err(ErrMode::cut)?;
    crlf(input).map_err(ErrMode::cut)?;
    Ok(Status { tag, kind, code, text })
}

/// An untagged response, after `* `: a status, or data dispatched on its
/// first word (case-insensitive, quirk `lowercase_keywords`).
fn untagged<'a>(input: &mut Input<'a>) -> ModalResult<Response<'a>> {
    let data = if input.input.first().is_some_and(u8::is_ascii_digit) {
        message_data(input)
    } else {
        let at = input.input;
        let name = response_name(input)?;
        let key = name_key(at, name);
        if let Some(kind) = status_kind(key) {
            return status_rest(None, kind, input).map(Response::Status);
        }
        response_data(name, key, input)
    };
    // `cut_err(terminated(.., crlf))`: past the name, an error is final.
    let data = data.map_err(ErrMode::cut)?;
    crlf(input).map_err(ErrMode::cut)?;
    Ok(Response::Data(data))
}

/// The name of untagged data: `1*ATOM-CHAR`, labelled `response name`
/// when missing.
fn response_name<'a>(input: &mut Input<'a>) -> ModalResult<&'a [u8]> {
    match take_class(input, is_atom_char) {
        Ok(name) => Ok(name),
        // The combinator form, for its error.
        Err(_) => take_while(1.., is_atom_char).context(StrContext::Label("response name")).parse_next(input),
    }
}

/// `response-data`'s `mailbox-data`, `capability-data`, `enable-data`,
/// and the extensions' data, after their name `name`. Unknown names are
/// kept raw ([`Data::Other`], conformance 77).
fn response_data<'a>(name: &'a [u8], key: u128, input: &mut Input<'a>) -> ModalResult<Data<'a>> {
    match key {
        names::CAPABILITY => capability_data.map(Data::Capability).parse_next(input),
        names::ENABLED => enable_data.map(Data::Enabled).parse_next(input),
        names::FLAGS => preceded(sp, flag_list).map(Data::Flags).parse_next(input),
        names::LIST => preceded(sp, mailbox_list).map(Data::List).parse_next(input),
        names::LSUB => preceded(sp, mailbox_list).map(Data::Lsub).parse_next(input),
        names::STATUS => status_data.map(Data::Status).parse_next(input),
        names::SEARCH => search_data.map(Data::Search).parse_next(input),
        names::SORT => search_data.map(Data::Sort).parse_next(input),
        names::ESEARCH => esearch_response.map(Data::Esearch).parse_next(input),
        names::THREAD => thread_data.map(Data::Thread).parse_next(input),
        names::VANISHED => vanished(input),
        names::NAMESPACE => namespace_response.map(Data::Namespace).parse_next(input),
        names::ACL => acl_data.map(Data::Acl).parse_next(input),
        names::LISTRIGHTS => listrights_data.map(Data::ListRights).parse_next(input),
        names::MYRIGHTS => myrights_data.map(Data::MyRights).parse_next(input),
        names::QUOTA => quota_response.map(Data::Quota).parse_next(input),
        names::QUOTAROOT => quotaroot_response.map(Data::QuotaRoot).parse_next(input),
        names::METADATA => metadata_resp.map(Data::Metadata).parse_next(input),
        names::ANNOTATION => annotate_data.map(Data::Annotation).parse_next(input),
        names::ID => id_response.map(Data::Id).parse_next(input),
        _ => other(None, name, input),
    }
}

/// `message-data = nz-number SP ("EXPUNGE" / ("FETCH" SP msg-att))`, and
/// `mailbox-data`'s `number SP "EXISTS"` / `number SP "RECENT"`; an unknown
/// name after a number is kept raw.
fn message_data<'a>(input: &mut Input<'a>) -> ModalResult<Data<'a>> {
    let n = number(input)?;
    sp(input)?;
    let at = input.input;
    let name = response_name(input)?;
    match name_key(at, name) {
        names::EXISTS => Ok(Data::Exists(n)),
        names::RECENT => Ok(Data::Recent(n)),
        names::EXPUNGE => Ok(Data::Expunge(n)),
        names::FETCH => {
            preceded(sp, msg_att).map(move |items| Data::Fetch { seq: n, items }).parse_next(input)
        }
        _ => other(Some(n), name, input),
    }
}

/// `expunged-resp = "VANISHED" [SP "(EARLIER)"] SP known-uids` (RFC 7162
/// section 7), after the name.
fn vanished<'a>(input: &mut Input<'a>) -> ModalResult<Data<'a>> {
    let earlier = opt(preceded(sp, Caseless("(EARLIER)"))).parse_next(input)?.is_some();
    let uids = preceded(sp, sequence_set).parse_next(input)?;
    Ok(Data::Vanished { earlier, uids })
}

/// An unknown response: everything after the name and its space up to the
/// final CRLF of the framed response (literals included).
fn other<'a>(number: Option<u32>, name: &'a [u8], input: &mut Input<'a>) -> ModalResult<Data<'a>> {
    opt(sp).parse_next(input)?;
    let len = input.input.len().saturating_sub(2);
    let rest = take(len).parse_next(input)?;
    Ok(Data::Other { number, name: ByteStr::from(name), rest: ByteStr::from(rest.trim_ascii_end()) })
}

/// The [`name_key`]s of the names dispatched on (all letters, so a key
/// matches exactly the name in any case).
mod names {
    use super::super::keyword::key;

    pub(super) const OK: u128 = key(b"OK");
    pub(super) const NO: u128 = key(b"NO");
    pub(super) const BAD: u128 = key(b"BAD");
    pub(super) const PREAUTH: u128 = key(b"PREAUTH");
    pub(super) const BYE: u128 = key(b"BYE");
    pub(super) const EXISTS: u128 = key(b"EXISTS");
    pub(super) const RECENT: u128 = key(b"RECENT");
    pub(super) const EXPUNGE: u128 = key(b"EXPUNGE");
    pub(super) const FETCH: u128 = key(b"FETCH");
    pub(super) const CAPABILITY: u128 = key(b"CAPABILITY");
    pub(super) const ENABLED: u128 = key(b"ENABLED");
    pub(super) const FLAGS: u128 = key(b"FLAGS");
    pub(super) const LIST: u128 = key(b"LIST");
    pub(super) const LSUB: u128 = key(b"LSUB");
    pub(super) const STATUS: u128 = key(b"STATUS");
    pub(super) const SEARCH: u128 = key(b"SEARCH");
    pub(super) const SORT: u128 = key(b"SORT");
    pub(super) const ESEARCH: u128 = key(b"ESEARCH");
    pub(super) const THREAD: u128 = key(b"THREAD");
    pub(super) const VANISHED: u128 = key(b"VANISHED");
    pub(super) const NAMESPACE: u128 = key(b"NAMESPACE");
    pub(super) const ACL: u128 = key(b"ACL");
    pub(super) const LISTRIGHTS: u128 = key(b"LISTRIGHTS");
    pub(super) const MYRIGHTS: u128 = key(b"MYRIGHTS");
    pub(super) const QUOTA: u128 = key(b"QUOTA");
    pub(super) const QUOTAROOT: u128 = key(b"QUOTAROOT");
    pub(super) const METADATA: u128 = key(b"METADATA");
    pub(super) const ANNOTATION: u128 = key(b"ANNOTATION");
    pub(super) const ID: u128 = key(b"ID");
}
