//! Helpers shared by the response-parser test files (`parse.rs`,
//! `parse_data.rs`, `parse_quirks.rs`): parse one whole response and take
//! the part a test is about.

// Each test file uses a different subset of these helpers.
#![allow(dead_code)]

use std::num::NonZeroU32;

use typed_imap::types::{ByteStr, Data, Response, SeqNumber, SeqRange, SequenceSet, Status};
use typed_imap::wire::parse_response;

/// Parses one whole response and checks it used every byte.
pub fn parse(bytes: &[u8]) -> Response<'_> {
    let (r, used) = parse_response(bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(used, bytes.len(), "response did not use all bytes");
    r
}

/// The untagged data of a response that must be data.
pub fn data(bytes: &[u8]) -> Data<'_> {
    match parse(bytes) {
        Response::Data(d) => d,
        other => panic!("not data: {other:?}"),
    }
}

/// The status of a response that must be a status response.
pub fn status(bytes: &[u8]) -> Status<'_> {
    match parse(bytes) {
        Response::Status(s) => s,
        other => panic!("not a status: {other:?}"),
    }
}

/// The sequence set of these ranges (`(a, a)` is the single number `a`).
pub fn set(ranges: &[(u32, u32)]) -> SequenceSet {
    let n = |v| SeqNumber::Value(NonZeroU32::new(v).unwrap());
    SequenceSet::from_ranges(
        ranges.iter().map(|&(a, b)| if a == b { SeqRange::single(n(a)) } else { SeqRange::new(n(a), n(b)) }),
    )
    .unwrap()
}

/// `s` as server bytes.
pub fn bs(s: &str) -> ByteStr<'_> {
    ByteStr::from(s)
}
