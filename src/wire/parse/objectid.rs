//! `objectid` (OBJECTID, RFC 8474 section 7): the MAILBOXID, EMAILID and
//! THREADID values.

use winnow::combinator::delimited;
use winnow::prelude::*;
use winnow::token::take_while;

use super::Input;
use super::ModalResult;
use crate::types::ByteStr;

/// `"(" objectid ")"` with `objectid = 1*255(ALPHA / DIGIT / "_" / "-")`
/// (RFC 8474 section 7).
pub(crate) fn objectid_paren<'a>(input: &mut Input<'a>) -> ModalResult<ByteStr<'a>> {
    delimited(b'(', objectid, b')').parse_next(input)
}

/// `objectid = 1*255(ALPHA / DIGIT / "_" / "-")`.
pub(crate) fn objectid<'a>(input: &mut Input<'a>) -> ModalResult<ByteStr<'a>> {
    take_while(1..=255, |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        .map(ByteStr::from)
        .parse_next(input)
}
