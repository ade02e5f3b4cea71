//! The parsers under test, each behind the same call: parse the response
//! at the start of a buffer and say how many bytes it used.

use std::hint::black_box;

use super::corpus::Corpus;
use super::{floor, peers};

/// One parser of the comparison.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Which {
    /// `typed_imap::wire::parse_response`.
    Ours,
    /// `imap_proto::parser::parse_response`, 0.16.
    Proto016,
    /// `imap_proto::Response::parse`, 0.17.
    Proto017,
    /// `imap_codec::ResponseCodec::decode`, 1.x.
    Codec1,
    /// `imap_codec::ResponseCodec::decode`, 2.0 alpha.
    Codec2,
    /// The memchr framing scan (no parsing): the floor.
    Floor,
}

/// Every parser, in table order.
pub const ALL: [Which; 6] =
    [Which::Ours, Which::Proto016, Which::Proto017, Which::Codec1, Which::Codec2, Which::Floor];

/// The function that parses one response: `Some(bytes used)` or `None`.
pub type ParseFn = fn(&[u8]) -> Option<usize>;

impl Which {
    /// The name in criterion ids and in the table.
    pub fn name(self) -> &'static str {
        match self {
            Which::Ours => "typed-imap",
            Which::Proto016 => "imap-proto-0.16",
            Which::Proto017 => "imap-proto-0.17",
            Which::Codec1 => "imap-codec-1",
            Which::Codec2 => "imap-codec-2a",
            Which::Floor => "memchr-floor",
        }
    }

    /// Whether this is one of the peer crates.
    pub fn is_peer(self) -> bool {
        !matches!(self, Which::Ours | Which::Floor)
    }

    /// The parse function.
    pub fn parse_fn(self) -> ParseFn {
        match self {
            Which::Ours => ours,
            Which::Proto016 => peers::proto016,
            Which::Proto017 => peers::proto017,
            Which::Codec1 => peers::codec1,
            Which::Codec2 => peers::codec2,
            Which::Floor => floor::response_len,
        }
    }
}

fn ours(buf: &[u8]) -> Option<usize> {
    let (response, used) = typed_imap::wire::parse_response(buf).ok()?;
    black_box(&response);
    Some(used)
}

/// Parses every response of `corpus` in sequence, each call on the rest
/// of the buffer, advancing by the bytes used; after a failure it resumes
/// at the next true response boundary, so a failing parser still sees the
/// whole corpus. Returns how many responses parsed.
pub fn parse_all(parse: ParseFn, corpus: &Corpus) -> usize {
    let (bytes, mut pos, mut parsed) = (&corpus.bytes[..], 0, 0);
    while pos < bytes.len() {
        match parse(&bytes[pos..]) {
            Some(used) if used > 0 => {
                pos += used;
                parsed += 1;
            }
            _ => pos = corpus.next_end(pos),
        }
    }
    parsed
}
