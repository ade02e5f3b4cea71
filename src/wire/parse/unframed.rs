//! Message data parsed before it is framed: `* n FETCH (...)`, `* n
//! EXISTS`, `* n RECENT` and `* n EXPUNGE`, the bulk of what a server
//! sends.
//!
//! [`parse_response_with`](super::parse_response_with) normally frames a
//! response first and parses the frame. For FETCH responses that carry
//! literals (8-bit names in an ENVELOPE, `BODY[]`), framing costs a pass
//! of the quote and parenthesis tracker over every line that ends in a
//! literal announcement: 15% of the time of the FETCH metadata benchmark
//! (callgrind: 0.96M of 6.35M instructions for 200 responses). Here the
//! grammar runs straight on the buffer instead, and its answer is kept
//! when the framer would have drawn the same frame:
//!
//! - The grammar of these responses takes CR and LF only as the final
//!   CRLF and inside literals: quoted strings, atoms and numbers exclude
//!   them. So what it read is a
//!   line, or lines joined by literals, ending at the first CRLF after the
//!   last literal, as a frame does.
//! - Each literal it read was announced at the end of a line, where a
//!   string was expected: outside any quoted string (quoting and `\`
//!   escapes follow the same rules as the framer's tracker), in a response
//!   that is not a status line. The framer reads a literal at exactly
//!   those places.
//! - The one empty line right after a literal that the framer keeps
//!   inside a FETCH (conformance 79) the grammar skips there too
//!   ([`ParseState::in_msg_att`](super::ParseState)), and only there: in
//!   these responses every literal is inside the FETCH's parentheses,
//!   where the framer's depth is above zero. Anything incomplete or
//!   malformed takes the framed path.
//! - A response no longer than every limit of [`FrameLimits`] cannot
//!   exceed any of them; longer ones take the framed path, which checks
//!   each line and literal.
//!
//! Raw values are never kept from here, as they are read by looser rules:
//! unknown untagged data (`* 5 XFOO ...`) runs to the end of the frame,
//! which only the framer knows, and an unknown FETCH attribute's name may
//! hold a `[...]` with any byte but `]` (a quote there would set the
//! framer's quote state, not the grammar's). A FETCH with a
//! [`FetchItem::Other`] takes the framed path.
//! `tests/parse_unframed.rs` checks that both paths give the same answer.

use super::{Input, ParseOptions, ParseState, response};
use crate::types::{Data, FetchItem, Response};
use crate::wire::frame::FrameLimits;

/// The message data at the start of `bytes` and its length, when the
/// grammar reads it without framing and the framer would agree (see the
/// [module docs](self)); `None` sends the caller to the framed path.
///
/// `#[inline]`: since the session calls it too, LLVM stopped inlining it
/// into `parse_response_with`, and small responses (most are `* n
/// EXISTS` and the like) parsed 6% slower (445 -> 419 MB/s; 466 with it).
#[inline]
pub(crate) fn parse_message_data<'a>(
    bytes: &'a [u8],
    options: &ParseOptions,
    limits: &FrameLimits,
) -> Option<(Response<'a>, usize)> {
    if !matches!(bytes, [b'*', b' ', digit, ..] if digit.is_ascii_digit()) {
        return None;
    }
    let mut input = Input { input: bytes, state: ParseState::new(options.max_depth) };
    let parsed = winnow::Parser::parse_next(&mut response::response, &mut input).ok()?;
    let used = bytes.len() - input.input.len();
    let within_limits = used <= limits.max_line.min(limits.max_response)
        && u64::try_from(used).is_ok_and(|n| n <= limits.max_literal);
    let agrees = match &parsed {
        Response::Data(Data::Fetch { items, .. }) => {
            !items.iter().any(|i| matches!(i, FetchItem::Other { .. }))
        }
        Response::Data(Data::Exists(_) | Data::Recent(_) | Data::Expunge(_)) => true,
        _ => false,
    };
    (within_limits && agrees).then_some((parsed, used))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::wire::frame::{self, FrameStatus};
    use crate::wire::parse::fetch::tests::{SEEDS, mutate};
    use crate::wire::parse::{ParseError, parse_frame, parse_response_with};

    /// Responses where framing decides something: literals, a literal
    /// followed by the spurious empty line, text that looks like a literal,
    /// quotes around braces, unknown attributes and untagged data.
    const FRAMING_SEEDS: [&[u8]; 9] = [
        b"* 1 FETCH (ENVELOPE (NIL {3}\r\nabc NIL NIL NIL NIL NIL NIL NIL NIL) UID 4)\r\n* 2 EXISTS\r\n",
        b"* 1 FETCH (BODY[TEXT] {3}\r\nabc\r\n FLAGS (\\Seen))\r\n* 2 EXISTS\r\n",
        b"* 1 FETCH (BODY[] {3}\r\nabc\r\n\r\n)\r\n",
        b"* 1 FETCH (X-A \"{3}\" BODY[] {2}\r\nab)\r\n",
        b"* 1 FETCH (X-A[\"] {3}\r\nabc)\r\n",
        b"* 1 FETCH (X-GM-LABELS ({4}\r\nWork))\r\n",
        b"* 5 XFOO bar {3}\r\nabc\r\n* 6 EXISTS\r\n",
        b"* 3 EXPUNGE\r\n* 4 RECENT\r\n",
        b"* 1 FETCH (BODY[HEADER.FIELDS ({4}\r\nDATE)] {2}\r\nab)\r\n",
    ];

    /// The reference: frame first, then parse the frame.
    fn framed<'a>(bytes: &'a [u8], limits: &FrameLimits) -> Result<(Response<'a>, usize), ParseError> {
        match frame::check(bytes, limits)? {
            FrameStatus::Complete(len) => {
                parse_frame(&bytes[..len], &ParseOptions::default()).map(|r| (r, len))
            }
            FrameStatus::Incomplete { needed } => Err(ParseError::Incomplete { needed }),
        }
    }

    fn assert_same(bytes: &[u8], limits: &FrameLimits) {
        let fast = parse_response_with(bytes, &ParseOptions::default(), limits);
        assert_eq!(fast, framed(bytes, limits), "{}", bytes.escape_ascii());
    }

    #[test]
    fn both_paths_agree_on_framing_cases_and_their_prefixes() {
        for seed in FRAMING_SEEDS.iter().chain(&SEEDS) {
            for end in 0..=seed.len() {
                assert_same(&seed[..end], &FrameLimits::default());
            }
        }
    }

    #[test]
    fn responses_over_a_limit_take_the_framed_path() {
        let bytes = b"* 1 FETCH (BODY[] {30}\r\n012345678901234567890123456789)\r\n";
        for limits in [
            FrameLimits::default().with_max_line(20),
            FrameLimits::default().with_max_literal(10),
            FrameLimits::default().with_max_response(40),
        ] {
            assert!(parse_message_data(bytes, &ParseOptions::default(), &limits).is_none());
            assert!(matches!(
                parse_response_with(bytes, &ParseOptions::default(), &limits),
                Err(ParseError::Frame(_))
            ));
        }
        let within = FrameLimits::default().with_max_line(bytes.len()).with_max_response(bytes.len());
        assert!(parse_message_data(bytes, &ParseOptions::default(), &within).is_some());
    }

    #[test]
    fn only_known_message_data_is_kept() {
        let keep =
            |b: &[u8]| parse_message_data(b, &ParseOptions::default(), &FrameLimits::default()).is_some();
        assert!(keep(b"* 1 FETCH (UID 4 BODY[] {2}\r\nab)\r\n"));
        assert!(keep(b"* 7 EXISTS\r\n"));
        assert!(!keep(b"* 1 FETCH (X-A 1)\r\n"), "unknown attribute");
        assert!(!keep(b"* 5 XFOO 1\r\n"), "unknown data");
        assert!(!keep(b"* OK [UIDNEXT 3] x\r\n"), "status");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// Any byte changed, dropped or inserted: the unframed shortcut
        /// answers exactly as framing then parsing does.
        #[test]
        fn mutated_responses_parse_the_same_on_both_paths(
            which in 0..FRAMING_SEEDS.len() + SEEDS.len(),
            edits in proptest::collection::vec((any::<usize>(), any::<u8>(), 0u8..3), 1..6),
        ) {
            let seed = FRAMING_SEEDS.iter().chain(&SEEDS).nth(which).copied().unwrap_or_default();
            let bytes = mutate(seed.to_vec(), edits);
            let limits = FrameLimits::default();
            prop_assert_eq!(parse_response_with(&bytes, &ParseOptions::default(), &limits), framed(&bytes, &limits));
        }
    }
}
