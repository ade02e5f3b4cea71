//! `resp-text-code` (RFC 3501 section 9, RFC 9051 section 9, and the
//! extension RFCs listed in [`Code`]).

use winnow::ascii::Caseless;
use winnow::combinator::{alt, delimited, opt, preceded, repeat, terminated};
use winnow::prelude::*;
use winnow::token::take_while;

use super::Input;
use super::ModalResult;
use super::byte_class::{is_atom_char, is_text_char};
use super::capability::sp_capabilities;
use super::core::{astring, backtrack, number, number64, sp, take_class};
use super::flag::{flag, flag_list};
use super::keyword::Upper;
use super::objectid::objectid_paren;
use super::paren::paren_list;
use super::sequence::sequence_set;
use crate::types::{ByteStr, Code, Flag, MetadataCode};

/// `resp-text-code` and its closing `]`, after the opening `[`.
///
/// A known code whose arguments do not follow the grammar falls back to
/// [`Code::Other`] with the raw data, so the response still parses
/// (quirk `malformed_code_is_other`).
pub(crate) fn resp_text_code<'a>(input: &mut Input<'a>) -> ModalResult<Code<'a>> {
    let start = input.checkpoint();
    // Any failure, even a cut inside a string, falls back to the raw form.
    if let Ok(code) = terminated(known_code, b']').parse_next(input) {
        return Ok(code);
    }
    input.reset(&start);
    other_code(input)
}

/// A code this library knows, by name (an `atom`, which excludes `]`),
/// with its arguments.
fn known_code<'a>(input: &mut Input<'a>) -> ModalResult<Code<'a>> {
    let name = take_class(input, is_atom_char)?;
    let upper = Upper::new(name);
    // The codes with arguments first: they are the common ones around
    // SELECT (UIDVALIDITY, UIDNEXT, ...), and looking them up among the 31
    // codes without arguments first cost a full failed search each time.
    // The two sets of names are disjoint, so the order changes nothing else.
    match upper.as_bytes() {
        b"BADCHARSET" => opt(preceded(sp, paren_list(charset)))
            .map(|c| Code::BadCharset(c.unwrap_or_default()))
            .parse_next(input),
        b"CAPABILITY" => match sp_capabilities(input) {
            caps if caps.is_empty() => Err(backtrack()),
            caps => Ok(Code::Capability(caps)),
        },
        b"PERMANENTFLAGS" => preceded(sp, permanent_flags).map(Code::PermanentFlags).parse_next(input),
        b"UIDNEXT" => preceded(sp, number).map(Code::UidNext).parse_next(input),
        b"UIDVALIDITY" => preceded(sp, number).map(Code::UidValidity).parse_next(input),
        b"UNSEEN" => preceded(sp, number).map(Code::Unseen).parse_next(input),
        b"APPENDUID" => resp_code_apnd(input),
        b"COPYUID" => resp_code_copy(input),
        b"HIGHESTMODSEQ" => preceded(sp, number64).map(Code::HighestModSeq).parse_next(input),
        b"MODIFIED" => preceded(sp, sequence_set).map(Code::Modified).parse_next(input),
        b"METADATA" => preceded(sp, metadata_code).map(Code::Metadata).parse_next(input),
        b"REFERRAL" => preceded(sp, code_data).map(Code::Referral).parse_next(input),
        b"MAILBOXID" => preceded(sp, objectid_paren).map(Code::MailboxId).parse_next(input),
        upper => Code::unit(upper).ok_or_else(backtrack),
    }
}

/// `atom [SP 1*<any TEXT-CHAR except "]">] "]"`: a code kept raw.
fn other_code<'a>(input: &mut Input<'a>) -> ModalResult<Code<'a>> {
    let name = take_while(1.., is_atom_char).parse_next(input)?;
    let data = opt(preceded(sp, code_data)).parse_next(input)?;
    b']'.parse_next(input)?;
    Ok(Code::Other { name: ByteStr::from(name), data })
}

/// `1*<any TEXT-CHAR except "]">`, trailing spaces dropped.
fn code_data<'a>(input: &mut Input<'a>) -> ModalResult<ByteStr<'a>> {
    take_while(1.., |b| b != b']' && is_text_char(b))
        .map(|d: &'a [u8]| ByteStr::from(d.trim_ascii_end()))
        .parse_next(input)
}

/// `charset = atom / quoted`.
fn charset<'a>(input: &mut Input<'a>) -> ModalResult<ByteStr<'a>> {
    astring.parse_next(input)
}

/// `"(" [flag-perm *(SP flag-perm)] ")"`.
///
/// Quirk `permanentflags_without_paren`: the list may lack its `(` or
/// its `)` (`[PERMANENTFLAGS Answered \Flagged \*)]`, imaplib's test
/// server, vector V10); the flags are still read.
fn permanent_flags<'a>(input: &mut Input<'a>) -> ModalResult<Vec<Flag<'a>>> {
    alt((
        terminated(flag_list, opt(sp)),
        delimited((opt(b'('), opt(sp)), repeat(0.., terminated(flag, opt(sp))), opt(b')')),
    ))
    .parse_next(input)
}

/// `resp-code-apnd = "APPENDUID" SP nz-number SP append-uid`, after the
/// name.
fn resp_code_apnd<'a>(input: &mut Input<'a>) -> ModalResult<Code<'a>> {
    (preceded(sp, number), preceded(sp, sequence_set))
        .map(|(uid_validity, uids)| Code::AppendUid { uid_validity, uids })
        .parse_next(input)
}

/// `resp-code-copy = "COPYUID" SP nz-number SP uid-set SP uid-set`, after
/// the name.
fn resp_code_copy<'a>(input: &mut Input<'a>) -> ModalResult<Code<'a>> {
    (preceded(sp, number), preceded(sp, sequence_set), preceded(sp, sequence_set))
        .map(|(uid_validity, source, destination)| Code::CopyUid { uid_validity, source, destination })
        .parse_next(input)
}

/// `"METADATA" SP ("LONGENTRIES" SP number / "MAXSIZE" SP number /
/// "TOOMANY" / "NOPRIVATE")` (RFC 5464 section 4.2), after `METADATA SP`.
fn metadata_code(input: &mut Input<'_>) -> ModalResult<MetadataCode> {
    alt((
        preceded((Caseless("LONGENTRIES"), sp), number).map(MetadataCode::LongEntries),
        preceded((Caseless("MAXSIZE"), sp), number).map(MetadataCode::MaxSize),
        Caseless("TOOMANY").value(MetadataCode::TooMany),
        Caseless("NOPRIVATE").value(MetadataCode::NoPrivate),
    ))
    .parse_next(input)
}
