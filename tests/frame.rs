//! The framer (`typed_imap::wire::frame`): where a response ends, limits,
//! quirks, incremental feeding, and that chunking never changes the result.

use proptest::prelude::*;
use typed_imap::wire::frame::{self, FrameErrorKind};
use typed_imap::wire::{FrameError, FrameLimits, FrameStatus, Framer};

/// The start of `buf`, escaped, for assertion messages.
fn show(buf: &[u8]) -> String {
    buf[..buf.len().min(80)].escape_ascii().to_string()
}

fn one_shot(buf: &[u8]) -> Result<FrameStatus, FrameError> {
    frame::check(buf, &FrameLimits::default())
}

fn complete(buf: &[u8]) -> usize {
    match one_shot(buf) {
        Ok(FrameStatus::Complete(n)) => n,
        other => panic!("expected a complete frame for {}, got {other:?}", show(buf)),
    }
}

fn needed(buf: &[u8]) -> usize {
    match one_shot(buf) {
        Ok(FrameStatus::Incomplete { needed }) => needed,
        other => panic!("expected an incomplete frame for {}, got {other:?}", show(buf)),
    }
}

fn error_with(buf: &[u8], limits: FrameLimits) -> FrameError {
    match frame::check(buf, &limits) {
        Err(e) => e,
        other => panic!("expected an error for {}, got {other:?}", show(buf)),
    }
}

fn error(buf: &[u8]) -> FrameError {
    error_with(buf, FrameLimits::default())
}

/// How a stream ended: the frames' lengths, then what stopped the framing.
#[derive(Debug, PartialEq, Eq)]
struct Outcome {
    frames: Vec<usize>,
    end: End,
}

#[derive(Debug, PartialEq, Eq)]
enum End {
    /// The stream ran out inside a response of this many bytes so far.
    Incomplete(usize),
    Error(FrameError),
}

/// Frames `stream` as a driver would: one framer, bytes arriving in chunks
/// of the given sizes (cycled), complete responses removed from the front.
/// Checks on the way that each `needed` is at least 1 and honest: the
/// response, once complete, is at least as long as promised.
fn frame_chunked(stream: &[u8], sizes: &[usize], limits: FrameLimits) -> Outcome {
    let mut framer = Framer::new(limits);
    let (mut buf, mut fed, mut frames) = (Vec::new(), 0, Vec::new());
    let mut sizes = sizes.iter().copied().map(|s| s.max(1)).cycle();
    let mut least = 0;
    loop {
        match framer.check(&buf) {
            Ok(FrameStatus::Complete(n)) => {
                assert!(n >= least && n <= buf.len(), "complete at {n}, promised at least {least}");
                buf.drain(..n);
                frames.push(n);
                least = 0;
            }
            Ok(FrameStatus::Incomplete { needed }) => {
                assert!(needed >= 1);
                assert!(buf.len() + needed >= least, "needed went down");
                least = buf.len() + needed;
                if fed == stream.len() {
                    return Outcome { frames, end: End::Incomplete(buf.len()) };
                }
                let take = sizes.next().unwrap_or(1).min(stream.len() - fed);
                buf.extend_from_slice(&stream[fed..fed + take]);
                fed += take;
            }
            Err(e) => return Outcome { frames, end: End::Error(e) },
        }
    }
}

/// Frames `stream` with the one-call `check`, the whole stream at once.
fn frame_whole(stream: &[u8], limits: FrameLimits) -> Outcome {
    let (mut rest, mut frames) = (stream, Vec::new());
    loop {
        match frame::check(rest, &limits) {
            Ok(FrameStatus::Complete(n)) => {
                frames.push(n);
                rest = &rest[n..];
            }
            Ok(FrameStatus::Incomplete { .. }) => {
                return Outcome { frames, end: End::Incomplete(rest.len()) };
            }
            Err(e) => return Outcome { frames, end: End::Error(e) },
        }
    }
}

// ---- lines --------------------------------------------------------------

#[test]
fn a_line_is_a_response() {
    assert_eq!(complete(b"* 3 EXISTS\r\n* 4 EXISTS\r\n"), 12);
    assert_eq!(complete(b"A1 OK done\r\n"), 12);
    assert_eq!(complete(b"\r\n"), 2);
}

#[test]
fn partial_line_needs_crlf() {
    assert_eq!(needed(b""), 2);
    assert_eq!(needed(b"* 3 EXI"), 2);
    assert_eq!(needed(b"* 3 EXISTS\r"), 1);
}

#[test]
fn eof_greeting_without_crlf_is_incomplete() {
    // V4 "EOF greeting": `* OK` then close; the session turns this into an abort.
    assert_eq!(needed(b"* OK"), 2);
}

#[test]
fn bare_lf_is_an_error() {
    // V4 / conformance 72: imaplib's test_line_termination.
    let e = error(b"* CAPABILITY IMAP4rev1 AUTH\n");
    assert_eq!(e.kind(), &FrameErrorKind::BareLf { position: 27 });
    assert_eq!(e.position(), 27);
    assert_eq!(e.to_string(), "line ends in a bare LF at offset 27");
    assert_eq!(error(b"\n").kind(), &FrameErrorKind::BareLf { position: 0 });
}

#[test]
fn bare_lf_after_literal_ending_in_cr_is_an_error() {
    // The CR is the literal's last byte, not the line's.
    let e = error(b"* 1 FETCH (BODY[] {2}\r\na\r\n");
    assert_eq!(e.kind(), &FrameErrorKind::BareLf { position: 25 });
}

#[test]
fn cr_without_lf_inside_a_line_is_data() {
    assert_eq!(complete(b"* OK a\rb\r\r\n"), 11);
}

// ---- line limit ---------------------------------------------------------

#[test]
fn line_over_the_limit_fails() {
    // V4 "line too long": imaplib's _MAXLINE = 10.
    let limits = FrameLimits::default().with_max_line(10);
    let e = error_with(b"* OK xxxxxxxxxxx\r\n", limits);
    assert_eq!(e.kind(), &FrameErrorKind::LineTooLong { limit: 10 });
    assert_eq!(e.to_string(), "got more than 10 bytes in one line (line at offset 0)");
}

#[test]
fn line_over_the_limit_fails_before_its_end_arrives() {
    let limits = FrameLimits::default().with_max_line(10);
    assert!(matches!(frame::check(b"* OK xxxxx", &limits), Err(e) if e.position() == 0));
    assert_eq!(frame::check(b"* OK xxxx", &limits), Ok(FrameStatus::Incomplete { needed: 2 }));
}

#[test]
fn line_of_exactly_the_limit_passes() {
    let limits = FrameLimits::default().with_max_line(10);
    assert_eq!(frame::check(b"* OK xxx\r\n", &limits), Ok(FrameStatus::Complete(10)));
    assert!(frame::check(b"* OK xxxx\r\n", &limits).is_err());
}

#[test]
fn each_line_between_literals_has_its_own_limit() {
    let limits = FrameLimits::default().with_max_line(12);
    let stream = b"* 1 X ({1}\r\nx {1}\r\ny BODY[] {1}\r\nz)\r\n";
    assert_eq!(frame::check(stream, &limits).map_err(|e| e.position()), Err(20));
    let limits = limits.with_max_line(13);
    assert_eq!(frame::check(stream, &limits), Ok(FrameStatus::Complete(stream.len())));
}

#[test]
fn default_line_limit_lets_a_million_uid_search_through() {
    let mut line = b"* SEARCH".to_vec();
    for uid in 3_000_001..4_000_001u32 {
        line.extend_from_slice(format!(" {uid}").as_bytes());
    }
    line.extend_from_slice(b"\r\n");
    assert!(line.len() > 8_000_000);
    assert_eq!(complete(&line), line.len());
}

#[test]
fn default_line_limit_is_16_mib() {
    let mut line = vec![b'x'; (16 << 20) - 2];
    line.extend_from_slice(b"\r\n");
    assert_eq!(complete(&line), 16 << 20);
    line.insert(0, b'x');
    assert_eq!(error(&line).kind(), &FrameErrorKind::LineTooLong { limit: 16 << 20 });
}

// ---- literals -----------------------------------------------------------

#[test]
fn literal_is_skipped_by_length() {
    let stream = b"* 1 FETCH (BODY[] {5}\r\n)\r\n\n\r FLAGS ())\r\n* 2 EXISTS\r\n";
    assert_eq!(complete(stream), 40);
}

#[test]
fn literal_needs_its_bytes_and_a_crlf() {
    assert_eq!(needed(b"* 1 FETCH (BODY[] {5}\r\n"), 7);
    assert_eq!(needed(b"* 1 FETCH (BODY[] {5}\r\nhel"), 4);
    assert_eq!(needed(b"* 1 FETCH (BODY[] {5}\r\nhello"), 2);
    assert_eq!(needed(b"* 1 FETCH (BODY[] {5}\r\nhello)"), 2);
    assert_eq!(needed(b"* 1 FETCH (BODY[] {5}\r\nhello)\r"), 1);
}

#[test]
fn literal_forms() {
    assert_eq!(complete(b"* 1 FETCH (BODY[] {3+}\r\nabc)\r\n"), 30);
    assert_eq!(complete(b"* 1 FETCH (BINARY[] ~{3}\r\na\0c)\r\n"), 32);
    assert_eq!(complete(b"* 1 FETCH (BODY[] {0}\r\n)\r\n"), 26);
    assert_eq!(complete(b"* 1 FETCH (BODY[] {003}\r\nabc)\r\n"), 31);
}

#[test]
fn several_literals_in_one_response() {
    let stream = b"* 1 FETCH (BODY[1] {2}\r\nab BODY[2] {3}\r\nabc)\r\nnext";
    assert_eq!(complete(stream), stream.len() - 4);
}

#[test]
fn literal_announcement_in_the_middle_of_a_line_is_text() {
    assert_eq!(complete(b"* 1 FETCH (X {3} Y)\r\nabc"), 21);
}

#[test]
fn huge_literal_is_refused_at_once() {
    // V11: refused when the announcement's CRLF arrives, nothing allocated.
    let e = error(b"* 1 FETCH (BODY[] {9223372036854775808}\r\n");
    let limit = 256 << 20;
    assert_eq!(e.kind(), &FrameErrorKind::LiteralTooLarge { declared: 9_223_372_036_854_775_808, limit });
    assert_eq!(e.position(), 18);
    assert_eq!(
        e.to_string(),
        "literal of 9223372036854775808 bytes at offset 18 exceeds the limit of 268435456"
    );
}

#[test]
fn literal_size_overflowing_u64_is_refused() {
    let e = error(b"* 1 FETCH (BODY[] {99999999999999999999999}\r\n");
    assert_eq!(e.kind(), &FrameErrorKind::LiteralTooLarge { declared: u64::MAX, limit: 256 << 20 });
    assert_eq!(e.to_string(), "literal at offset 18 announces more than the limit of 268435456 bytes");
}

#[test]
fn default_literal_limit_is_256_mib() {
    assert_eq!(needed(b"* 1 FETCH (BODY[] {268435456}\r\n"), (256 << 20) + 2);
    let e = error(b"* 1 FETCH (BODY[] {268435457}\r\n");
    assert!(matches!(e.kind(), FrameErrorKind::LiteralTooLarge { declared: 268_435_457, .. }));
}

#[test]
fn configured_literal_limit() {
    let limits = FrameLimits::default().with_max_literal(10);
    assert_eq!(
        frame::check(b"* 1 FETCH (BODY[] {10}\r\n", &limits),
        Ok(FrameStatus::Incomplete { needed: 12 })
    );
    let e = error_with(b"* 1 FETCH (BODY[] {11}\r\n", limits);
    assert_eq!(e.kind(), &FrameErrorKind::LiteralTooLarge { declared: 11, limit: 10 });
}

#[test]
fn v11_status_greeting_with_huge_announcement_is_text() {
    // `* OK {n}` is a status line: no literal, nothing waited for or allocated;
    // the next line frames on its own and the parser rejects it.
    for size in ["32768", "65536", "9223372036854775808"] {
        let stream = format!("* OK {{{size}}}\r\nIMAP4rev1\r\n");
        let outcome = frame_whole(stream.as_bytes(), FrameLimits::default());
        assert_eq!(outcome.frames, vec![size.len() + 9, 11]);
        assert_eq!(outcome.end, End::Incomplete(0));
    }
}

#[test]
fn v11_truncated_literal_waits_for_bytes_it_does_not_allocate() {
    assert_eq!(needed(b"* CAPABILITY {32768}\r\nIMAP4rev1\r\n"), 32768 - 11 + 2);
}

// ---- response limit -----------------------------------------------------

#[test]
fn response_over_the_limit_fails() {
    let limits = FrameLimits::default().with_max_response(30);
    let e = error_with(b"* 1 FETCH (BODY[] {9}\r\n", limits);
    assert_eq!(e.kind(), &FrameErrorKind::ResponseTooLarge { limit: 30 });
    assert_eq!(e.to_string(), "response exceeds the limit of 30 bytes (at offset 18)");
    assert!(frame::check(b"* 1 FETCH (BODY[] {5}\r\n", &limits).is_ok());
}

#[test]
fn response_limit_counts_lines_after_literals() {
    let limits = FrameLimits::default().with_max_response(30);
    let e = error_with(b"* 1 FETCH (BODY[] {1}\r\nx FLAGS", limits);
    assert_eq!(e.kind(), &FrameErrorKind::ResponseTooLarge { limit: 30 });
    assert_eq!(e.position(), 24);
    let ok = b"* 1 FETCH (BODY[] {1}\r\nx FL)\r\n";
    assert_eq!(frame::check(ok, &limits), Ok(FrameStatus::Complete(30)));
}

#[test]
fn line_reaching_both_limits_is_reported_as_too_long() {
    let limits = FrameLimits::default().with_max_line(10).with_max_response(10);
    let e = error_with(b"* SEARCH 1", limits);
    assert_eq!(e.kind(), &FrameErrorKind::LineTooLong { limit: 10 });
    let limits = limits.with_max_line(11);
    let e = error_with(b"* SEARCH 1", limits);
    assert_eq!(e.kind(), &FrameErrorKind::ResponseTooLarge { limit: 10 });
}

// ---- quirks: status lines, quoted strings, spurious empty lines ----------

#[test]
fn status_lines_carry_no_literal() {
    // Conformance 71: imaplib reads a literal here and desynchronises.
    assert_eq!(complete(b"* OK hello {3}\r\nabc\r\n"), 16);
    for line in
        [&b"* no {3}\r\n"[..], b"A1 BAD x {3}\r\n", b"* BYE {3}\r\n", b"* PREAUTH {3}\r\n", b"a1 Ok {3}\r\n"]
    {
        assert_eq!(complete(line), line.len(), "{}", line.escape_ascii());
    }
}

#[test]
fn continuation_requests_carry_no_literal() {
    assert_eq!(complete(b"+ send {3}\r\n"), 12);
    assert_eq!(complete(b"+{3}\r\n"), 6);
}

#[test]
fn data_lines_carry_literals() {
    assert_eq!(needed(b"* LIST () \"/\" {3}\r\n"), 5);
    assert_eq!(needed(b"* OKAY {3}\r\n"), 5);
}

#[test]
fn brace_inside_a_quoted_string_is_not_a_literal() {
    // Conformance 71: `"bar{2}"` is a quoted string.
    assert_eq!(complete(b"* LIST () \"/\" \"bar{2}\"\r\n"), 24);
    // Unterminated: the line still ends inside the quoted string.
    assert_eq!(complete(b"* LIST () \"/\" \"bar{2}\r\n"), 23);
    assert_eq!(complete(b"* LIST () \"/\" \"a\\\"{2}\r\n"), 23);
}

#[test]
fn escapes_inside_quoted_strings_are_followed() {
    let stream = b"* LIST () \"\\\\\" {3}\r\nfoo\r\n";
    assert_eq!(complete(stream), stream.len());
    let stream = b"* LIST () \"\\\"\" {3}\r\nfoo\r\n";
    assert_eq!(complete(stream), stream.len());
}

#[test]
fn spurious_empty_line_inside_open_fetch_is_skipped() {
    // Conformance 79.
    let stream = b"* 1 FETCH (BODY[TEXT] {3}\r\nabc\r\n FLAGS (\\Seen))\r\n* 2 EXISTS\r\n";
    assert_eq!(complete(stream), stream.len() - 12);
}

#[test]
fn only_one_empty_line_is_skipped_per_literal() {
    assert_eq!(complete(b"* 1 FETCH (BODY[] {3}\r\nabc\r\n\r\n)\r\n"), 30);
}

#[test]
fn empty_line_after_response_ending_literal_ends_it() {
    // Conformance 79: paren depth 0, the CRLF is the response's end.
    let stream = b"* LIST () \"/\" {3}\r\nfoo\r\n* 2 EXISTS\r\n";
    assert_eq!(complete(stream), stream.len() - 12);
}

#[test]
fn blank_line_between_responses_is_a_frame_of_its_own() {
    // gh-88574: a server that sends a blank line after every literal.
    let stream = b"* LIST () \"/\" {3}\r\nfoo\r\n\r\n* LIST () \"/\" {3}\r\nbar\r\n\r\n";
    let outcome = frame_whole(stream, FrameLimits::default());
    assert_eq!(outcome, Outcome { frames: vec![24, 2, 24, 2], end: End::Incomplete(0) });
}

#[test]
fn parens_inside_quotes_and_literals_do_not_count() {
    // The `)` inside the quoted string and the `(` inside the literal leave
    // the depth at 0, so the empty line ends the response.
    let stream = b"* 1 FETCH X \")\" {1}\r\n(\r\nnext\r\n";
    assert_eq!(complete(stream), 24);
}

// ---- incremental use ----------------------------------------------------

/// A realistic stream: FETCH with literals, LIST with a literal name, status
/// lines that end in `{3}`, a continuation, quoted braces.
const STREAM: &[u8] = b"* OK [CAPABILITY IMAP4rev1] ready {3}\r\n\
A1 OK done\r\n\
* LIST (\\HasNoChildren) \"/\" {7}\r\nfoo bar\r\n\
* LIST () \"/\" \"a{2}\"\r\n\
* 12 FETCH (UID 7 FLAGS (\\Seen) BODY[HEADER.FIELDS (DATE)] {41}\r\n\
Date: Fri, 06 Dec 2024 06:00:00 +0000\r\n\r\n BODY[TEXT] {4}\r\nhi\r\n\r\n)\r\n\
* 13 FETCH (BODY[] {4}\r\nabcd\r\n)\r\n\
+ go {3}\r\n\
* 14 FETCH (BINARY[1] ~{3}\r\n\0\r\n ENVELOPE (\"x\" \"{1}\" NIL))\r\n\
* BYE closing {3}\r\n";

#[test]
fn stream_frames_as_expected() {
    let outcome = frame_whole(STREAM, FrameLimits::default());
    assert_eq!(
        outcome,
        Outcome { frames: vec![39, 12, 42, 22, 132, 33, 10, 59, 19], end: End::Incomplete(0) }
    );
    assert_eq!(outcome.end, End::Incomplete(0));
}

#[test]
fn byte_at_a_time_gives_the_same_frames() {
    let whole = frame_whole(STREAM, FrameLimits::default());
    assert_eq!(frame_chunked(STREAM, &[1], FrameLimits::default()), whole);
    assert_eq!(frame_chunked(STREAM, &[7, 1, 3], FrameLimits::default()), whole);
}

#[test]
fn search_line_in_16k_reads_is_scanned_once() {
    let mut line = b"* SEARCH".to_vec();
    while line.len() < 1_400_000 {
        line.extend_from_slice(format!(" {}", line.len()).as_bytes());
    }
    line.extend_from_slice(b"\r\n");
    let mut framer = Framer::new(FrameLimits::default());
    let mut statuses = Vec::new();
    for end in (16 << 10..line.len()).step_by(16 << 10).chain([line.len()]) {
        statuses.push(framer.check(&line[..end]).unwrap());
    }
    assert_eq!(statuses.last(), Some(&FrameStatus::Complete(line.len())));
    let examined = framer.bytes_examined();
    assert!(examined < 2 * line.len() as u64, "examined {examined} of {}", line.len());
    assert!(statuses[..statuses.len() - 1].iter().all(|s| *s == FrameStatus::Incomplete { needed: 2 }));
}

#[test]
fn calls_without_new_bytes_do_not_rescan() {
    let mut framer = Framer::new(FrameLimits::default());
    let partial = b"* SEARCH 1 2 3 4 5 6 7 8 9";
    for _ in 0..10 {
        assert_eq!(framer.check(partial), Ok(FrameStatus::Incomplete { needed: 2 }));
    }
    assert_eq!(framer.bytes_examined(), partial.len() as u64);
}

#[test]
fn caller_reset_rescans_from_the_start() {
    let mut framer = Framer::new(FrameLimits::default());
    assert_eq!(framer.check(b"* SEARCH 1 2 3"), Ok(FrameStatus::Incomplete { needed: 2 }));
    assert_eq!(framer.check(b"* SEARCH 1\r\n"), Ok(FrameStatus::Complete(12)));
    assert_eq!(framer.bytes_examined(), 14 + 12);
}

#[test]
fn literal_bytes_are_not_examined() {
    let mut stream = b"* 1 FETCH (BODY[] {1000000}\r\n".to_vec();
    stream.resize(stream.len() + 1_000_000, b'\n');
    stream.extend_from_slice(b")\r\n");
    let mut framer = Framer::new(FrameLimits::default());
    for end in (0..stream.len()).step_by(4096).chain([stream.len()]) {
        framer.check(&stream[..end]).unwrap();
    }
    assert!(framer.bytes_examined() < 100, "examined {}", framer.bytes_examined());
}

#[test]
fn framer_resets_after_complete() {
    let mut framer = Framer::new(FrameLimits::default());
    assert_eq!(framer.check(b"* 1 FETCH (BODY[] {3}\r\nab"), Ok(FrameStatus::Incomplete { needed: 3 }));
    assert_eq!(framer.check(b"* 1 FETCH (BODY[] {3}\r\nabc)\r\n* 2"), Ok(FrameStatus::Complete(29)));
    assert_eq!(framer.check(b"* 2"), Ok(FrameStatus::Incomplete { needed: 2 }));
    assert_eq!(framer.check(b"* 2 EXISTS\r\n"), Ok(FrameStatus::Complete(12)));
}

#[test]
fn shorter_buffer_means_the_caller_started_over() {
    let mut framer = Framer::new(FrameLimits::default());
    assert_eq!(framer.check(b"* 1 FETCH (BODY[] {3}\r\n"), Ok(FrameStatus::Incomplete { needed: 5 }));
    assert_eq!(framer.check(b"* 2 EXISTS\r\n"), Ok(FrameStatus::Complete(12)));
}

#[test]
fn framer_resets_after_an_error() {
    let mut framer = Framer::new(FrameLimits::default());
    assert!(framer.check(b"* 1 EXISTS\n").is_err());
    assert_eq!(framer.check(b"* 1 EXISTS\r\n"), Ok(FrameStatus::Complete(12)));
}

#[test]
fn limits_builders_and_accessor() {
    let limits = FrameLimits::default().with_max_line(1).with_max_literal(2).with_max_response(3);
    assert_eq!((limits.max_line, limits.max_literal, limits.max_response), (1, 2, 3));
    assert_eq!(Framer::new(limits).limits(), &limits);
}

// ---- properties ---------------------------------------------------------

/// Pieces that make framing interesting: line ends, literals, quotes, parens.
fn token() -> impl Strategy<Value = Vec<u8>> {
    let pieces: Vec<&'static [u8]> = vec![
        b"* ",
        b"A1 ",
        b"+ ",
        b"OK ",
        b"no ",
        b"1 FETCH ",
        b"(",
        b")",
        b"\"",
        b"\\",
        b"{0}",
        b"{3}",
        b"{2+}",
        b"~{1}",
        b"{99999999999999999999}",
        b"{",
        b"}",
        b"\r\n",
        b"\r",
        b"\n",
        b"abc",
        b" ",
    ];
    prop_oneof![
        4 => proptest::sample::select(pieces).prop_map(<[u8]>::to_vec),
        1 => any::<u8>().prop_map(|b| vec![b]),
    ]
}

fn stream() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(token(), 0..60).prop_map(|t| t.concat()),
        proptest::collection::vec(any::<u8>(), 0..200),
    ]
}

fn limits() -> impl Strategy<Value = FrameLimits> {
    prop_oneof![
        Just(FrameLimits::default()),
        (1..40usize, 0..8u64, 1..120usize).prop_map(|(l, x, r)| FrameLimits::default()
            .with_max_line(l)
            .with_max_literal(x)
            .with_max_response(r)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn chunking_never_changes_the_frames(
        stream in stream(),
        sizes in proptest::collection::vec(1..20usize, 1..8),
        limits in limits(),
    ) {
        let whole = frame_whole(&stream, limits);
        prop_assert_eq!(frame_chunked(&stream, &sizes, limits), whole);
    }

    #[test]
    fn byte_at_a_time_agrees_with_one_shot(stream in stream(), limits in limits()) {
        prop_assert_eq!(frame_chunked(&stream, &[1], limits), frame_whole(&stream, limits));
    }

    #[test]
    fn fewer_bytes_than_needed_never_complete(stream in stream(), cut in any::<prop::sample::Index>()) {
        let cut = cut.index(stream.len() + 1);
        if let Ok(FrameStatus::Incomplete { needed }) = one_shot(&stream[..cut]) {
            prop_assert!(needed >= 1);
            for end in cut..stream.len().min(cut + needed) {
                let status = one_shot(&stream[..end]);
                prop_assert!(!matches!(status, Ok(FrameStatus::Complete(_))), "{:?} at {}", status, end);
            }
        }
    }
}
