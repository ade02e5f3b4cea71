//! `body` and its parts (RFC 3501 section 9, RFC 9051 section 9): the
//! answer to FETCH BODY and BODYSTRUCTURE.
//!
//! Recursion (multiparts, message/rfc822 parts, extension lists) goes
//! through [`nested`], so deep input is an error, never a stack overflow.
//!
//! Quirks accepted, as real servers send them: `NIL` where a string is
//! expected (read as empty), `()` for an empty parameter or language list,
//! `-1` for a size (read as 0), a missing line count on text and
//! message/rfc822 parts (read as 0), spaces between the parts of a
//! multipart and before `)`, a disposition sent as a bare string, a
//! multipart without parts and an empty body `()` (both read as a
//! [`MultiPart`] with no parts).
//!
//! Fields are read by plain calls in sequence, not winnow tuples and
//! `alt`/`repeat`: a body structure is over 300 bytes and each combinator
//! level moved it once more (callgrind, 200 FETCH-metadata responses:
//! 5.20M to 5.11M instructions in all).
//!
//! Where the first byte decides between the forms of a field (`NIL`, `(`,
//! a string, a number), it is matched on instead of trying each form with
//! `alt`: every failed form costs a winnow error value and a rewind, and
//! these fields repeat in every part. The accepted input and the kind of
//! failure (backtrack or cut) are the same as with `alt`, since each other
//! form fails at that first byte.

use winnow::combinator::{opt, preceded};
use winnow::error::ErrMode;
use winnow::prelude::*;

use super::core::{cut_with_label, nested, nil, nstring, number, number64, sp, string};
use super::envelope::envelope;
use super::paren::{field, field_follows, paren_list, spaces};
use super::{Input, fast};
use super::{ModalResult, ParseFail};
use crate::types::{
    BodyExtension, BodyFields, BodyParam, BodyStructure, ByteStr, Disposition, Envelope, ExtensionValue,
    MultiExtension, MultiPart, SingleExtension, SinglePart, SinglePartKind,
};

/// `body = "(" (body-type-1part / body-type-mpart) ")"`.
pub(crate) fn body<'a>(input: &mut Input<'a>) -> ModalResult<BodyStructure<'a>> {
    b'('.parse_next(input)?;
    let parsed = nested(input, |i: &mut Input<'a>| body_inner(i).map_err(|e| cut_with_label(e, "body")))?;
    spaces(input)?;
    b')'.parse_next(input).map_err(ErrMode::cut)?;
    Ok(parsed)
}

/// What is inside the parentheses of `body`, chosen by its first byte;
/// a single part that does not parse is tried again as a multipart
/// without parts (as `alt` would, without its extra copies of the value).
fn body_inner<'a>(input: &mut Input<'a>) -> ModalResult<BodyStructure<'a>> {
    match input.input.first() {
        Some(b'(') => body_type_mpart(input).map(BodyStructure::from),
        Some(b')') => Ok(BodyStructure::from(MultiPart::default())),
        _ => {
            let mut rest = input.input;
            if let Some(part) = fast::single_part(&mut rest) {
                input.input = rest;
                return Ok(BodyStructure::Single(part));
            }
            let start = input.input;
            match body_type_1part(input) {
                Err(ErrMode::Backtrack(_)) => {
                    input.input = start;
                    mpart_without_parts(input).map(BodyStructure::from)
                }
                parsed => parsed.map(BodyStructure::Single),
            }
        }
    }
}

/// Quirk: a multipart sent without its parts, `[NIL SP] media-subtype [SP
/// body-ext-mpart]` (Gmail sends `("RELATED" NIL ("ATTACHMENT" NIL) NIL)`;
/// a `NIL` in place of the parts has been seen inside message/rfc822).
fn mpart_without_parts<'a>(input: &mut Input<'a>) -> ModalResult<MultiPart<'a>> {
    let subtype = preceded(opt((nil, sp)), string).parse_next(input)?;
    let extension = if field_follows(input)? { Some(body_ext_mpart(input)?) } else { None };
    Ok(MultiPart { parts: Vec::new(), subtype, extension })
}

/// `body-type-mpart = 1*body SP media-subtype [SP body-ext-mpart]`.
///
/// Each part starts with `(` (after optional spaces), which is looked at
/// before parsing: `repeat` ended the list with a failed `body` and its
/// error value.
pub(crate) fn body_type_mpart<'a>(input: &mut Input<'a>) -> ModalResult<MultiPart<'a>> {
    let mut parts = Vec::new();
    loop {
        let after_spaces = input.input.iter().position(|b| *b != b' ');
        if after_spaces.and_then(|i| input.input.get(i)) != Some(&b'(') {
            break;
        }
        spaces(input)?;
        parts.push(body(input)?);
    }
    if parts.is_empty() {
        return Err(ErrMode::Backtrack(ParseFail::new()));
    }
    sp(input)?;
    let subtype = media_string(input)?;
    let extension = if field_follows(input)? { Some(body_ext_mpart(input)?) } else { None };
    Ok(MultiPart { parts, subtype, extension })
}

/// `body-type-1part = (body-type-basic / body-type-msg / body-type-text)
/// [SP body-ext-1part]`, where `body-type-basic = media-basic SP
/// body-fields`, `body-type-msg = media-message SP body-fields SP envelope
/// SP body SP body-fld-lines` and `body-type-text = media-text SP
/// body-fields SP body-fld-lines`.
///
/// Boxed here, where the part is made: returned bare, the 320-byte value
/// was copied once more into its box by the caller.
pub(crate) fn body_type_1part<'a>(input: &mut Input<'a>) -> ModalResult<Box<SinglePart<'a>>> {
    let media_type = field(input, media_string)?;
    let media_subtype = field(input, media_string)?;
    let fields = body_fields(input)?;
    let kind = if is_message(&media_type, &media_subtype) {
        body_type_msg_rest(input)?
    } else if media_type.eq_ignore_ascii_case(b"TEXT") {
        SinglePartKind::Text { lines: opt_lines(input)? }
    } else {
        SinglePartKind::Basic
    };
    let extension = if field_follows(input)? { Some(body_ext_1part(input)?) } else { None };
    Ok(Box::new(SinglePart { media_type, media_subtype, fields, kind, extension }))
}

fn is_message(media_type: &[u8], subtype: &[u8]) -> bool {
    media_type.eq_ignore_ascii_case(b"MESSAGE")
        && (subtype.eq_ignore_ascii_case(b"RFC822") || subtype.eq_ignore_ascii_case(b"GLOBAL"))
}

/// The part of `body-type-msg` after `body-fields`: `SP envelope SP body
/// SP body-fld-lines`. Quirk: a message/rfc822 part sent with only the
/// basic fields (no envelope) is read as [`SinglePartKind::Basic`].
fn body_type_msg_rest<'a>(input: &mut Input<'a>) -> ModalResult<SinglePartKind<'a>> {
    if !field_follows(input)? || input.input.first() != Some(&b'(') {
        return Ok(SinglePartKind::Basic);
    }
    let (envelope, body) = message_parts(input).map_err(ErrMode::cut)?;
    let lines = opt_lines(input)?;
    Ok(SinglePartKind::Message { envelope, body: Box::new(body), lines })
}

/// `envelope SP body`, the nested message of `body-type-msg`.
fn message_parts<'a>(input: &mut Input<'a>) -> ModalResult<(Box<Envelope<'a>>, BodyStructure<'a>)> {
    let envelope = field(input, envelope)?;
    Ok((envelope, body(input)?))
}

/// `[SP body-fld-lines]`: the line count, 0 when missing (quirk).
fn opt_lines(input: &mut Input<'_>) -> ModalResult<u64> {
    let is_number = |b: &u8| b.is_ascii_digit() || *b == b'-';
    if field_follows(input)? && input.input.first().is_some_and(is_number) {
        body_fld_lines(input)
    } else {
        Ok(0)
    }
}

/// `body-fields = body-fld-param SP body-fld-id SP body-fld-desc SP
/// body-fld-enc SP body-fld-octets`, with `body-fld-id = nstring`,
/// `body-fld-desc = nstring` and `body-fld-enc = string`.
pub(crate) fn body_fields<'a>(input: &mut Input<'a>) -> ModalResult<BodyFields<'a>> {
    let params = field(input, body_fld_param)?;
    let id = field(input, nstring)?;
    let description = field(input, nstring)?;
    let encoding = field(input, media_string)?;
    let octets = body_fld_octets(input)?;
    Ok(BodyFields { params, id, description, encoding, octets })
}

/// `body-fld-param = "(" string SP string *(SP string SP string) ")" /
/// nil`. Quirks: `()` is empty; a `NIL` name or value reads as empty.
pub(crate) fn body_fld_param<'a>(input: &mut Input<'a>) -> ModalResult<Vec<BodyParam<'a>>> {
    match input.input.first() {
        Some(b'(') => paren_list(body_param).parse_next(input),
        _ => nil(input).map(|()| Vec::new()),
    }
}

/// `string SP string`: one parameter's name and value.
fn body_param<'a>(input: &mut Input<'a>) -> ModalResult<BodyParam<'a>> {
    let name = field(input, media_string)?;
    let value = media_string(input)?;
    Ok(BodyParam { name, value })
}

/// `body-fld-octets = number`. Quirk: `-1` (any negative) reads as 0.
pub(crate) fn body_fld_octets(input: &mut Input<'_>) -> ModalResult<u32> {
    match input.input.first() {
        Some(b'-') => preceded(b'-', number).value(0).parse_next(input),
        _ => number(input),
    }
}

/// `body-fld-lines = number64`. Quirk: `-1` (any negative) reads as 0.
pub(crate) fn body_fld_lines(input: &mut Input<'_>) -> ModalResult<u64> {
    match input.input.first() {
        Some(b'-') => preceded(b'-', number64).value(0).parse_next(input),
        _ => number64(input),
    }
}

/// `body-ext-1part = body-fld-md5 [SP body-fld-dsp [SP body-fld-lang [SP
/// body-fld-loc *(SP body-extension)]]]`, with `body-fld-md5 = nstring`.
pub(crate) fn body_ext_1part<'a>(input: &mut Input<'a>) -> ModalResult<SingleExtension<'a>> {
    let md5 = nstring.parse_next(input)?;
    let common = body_ext_common(input)?;
    Ok(SingleExtension { md5, common })
}

/// `body-ext-mpart = body-fld-param [SP body-fld-dsp [SP body-fld-lang [SP
/// body-fld-loc *(SP body-extension)]]]`.
pub(crate) fn body_ext_mpart<'a>(input: &mut Input<'a>) -> ModalResult<MultiExtension<'a>> {
    let params = body_fld_param.parse_next(input)?;
    let common = body_ext_common(input)?;
    Ok(MultiExtension { params, common })
}

/// `[SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc *(SP
/// body-extension)]]]`, the tail both extension forms share.
fn body_ext_common<'a>(input: &mut Input<'a>) -> ModalResult<BodyExtension<'a>> {
    let mut ext = BodyExtension::default();
    if field_follows(input)? {
        ext.disposition = body_fld_dsp(input)?;
    }
    if field_follows(input)? {
        ext.language = body_fld_lang(input)?;
    }
    if field_follows(input)? {
        ext.location = nstring(input)?;
    }
    while field_follows(input)? {
        ext.other.push(body_extension(input)?);
    }
    Ok(ext)
}

/// `body-fld-dsp = "(" string SP body-fld-param ")" / nil`. Quirk: a bare
/// string (Exchange sends `"inline"`) is a disposition without parameters.
pub(crate) fn body_fld_dsp<'a>(input: &mut Input<'a>) -> ModalResult<Option<Disposition<'a>>> {
    match input.input.first() {
        Some(b'N' | b'n') => nil(input).map(|()| None),
        Some(b'(') => {
            b'('.parse_next(input)?;
            disposition(input).map(Some).map_err(ErrMode::cut)
        }
        _ => string(input).map(|kind| Some(Disposition { kind, params: Vec::new() })),
    }
}

/// `string SP body-fld-param ")"`, after the disposition's `(`.
fn disposition<'a>(input: &mut Input<'a>) -> ModalResult<Disposition<'a>> {
    let kind = field(input, media_string)?;
    let params = body_fld_param(input)?;
    spaces(input)?;
    b')'.parse_next(input)?;
    Ok(Disposition { kind, params })
}

/// `body-fld-lang = nstring / "(" string *(SP string) ")"`. Quirk: `()` is
/// empty.
pub(crate) fn body_fld_lang<'a>(input: &mut Input<'a>) -> ModalResult<Vec<ByteStr<'a>>> {
    match input.input.first() {
        Some(b'(') => paren_list(string).parse_next(input),
        _ => nstring.map(|s| s.into_iter().collect()).parse_next(input),
    }
}

/// `body-extension = nstring / number / number64 / "(" body-extension
/// *(SP body-extension) ")"`.
pub(crate) fn body_extension<'a>(input: &mut Input<'a>) -> ModalResult<ExtensionValue<'a>> {
    match input.input.first() {
        Some(b'0'..=b'9') => number64.map(ExtensionValue::Number).parse_next(input),
        Some(b'(') => extension_list.map(ExtensionValue::List).parse_next(input),
        _ => nstring.map(|s| s.map_or(ExtensionValue::Nil, ExtensionValue::String)).parse_next(input),
    }
}

fn extension_list<'a>(input: &mut Input<'a>) -> ModalResult<Vec<ExtensionValue<'a>>> {
    if input.input.first() != Some(&b'(') {
        return Err(ErrMode::Backtrack(ParseFail::new()));
    }
    nested(input, paren_list(body_extension))
}

/// `string` where the grammar wants one (media types, encodings, parameter
/// names and values). Quirk: `NIL` reads as empty.
fn media_string<'a>(input: &mut Input<'a>) -> ModalResult<ByteStr<'a>> {
    nstring(input).map(Option::unwrap_or_default)
}
