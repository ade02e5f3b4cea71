//! Finds where one complete server response ends, without parsing it.
//!
//! A response (RFC 3501 section 7, RFC 9051 section 7) is a line, or a
//! line that ends in a literal announcement followed by that many bytes and
//! more of the response (RFC 3501 section 4.3):
//!
//! ```text
//! * 1 FETCH (BODY[] {5}\r\nhello FLAGS (\Seen))\r\n
//! |------ line ------||lit||------ line -------|
//! ```
//!
//! The framer walks lines and literals, checks every size against
//! [`FrameLimits`] before anything is allocated (it never allocates), and
//! answers [`FrameStatus::Complete`] with the response's length, or
//! [`FrameStatus::Incomplete`] with how many more bytes it needs at the
//! least. The parser ([`super::parse`]) then sees only complete responses.
//!
//! # Incremental use
//!
//! [`Framer::check`] is called with a buffer that starts at the first byte
//! of the current response and grows between calls. The framer remembers
//! how far it scanned (the offset in the current line, whether it is inside
//! a literal and where that literal ends, the quoted-string state and the
//! parenthesis depth), so a 1.4 MB SEARCH line arriving in 16 KiB reads is
//! scanned once, not once per read. Lines are searched with `memchr`; the
//! bytes of a literal are skipped by length, never looked at. The contract:
//!
//! - After `Incomplete`, call again with the same bytes plus whatever
//!   arrived (the buffer may move in memory; only its contents count).
//! - After `Complete(n)`, the caller removes the first `n` bytes; the
//!   framer has reset itself and the next call starts the next response.
//! - After an error, the framer has reset too; the connection should be
//!   closed, as the stream cannot be resynchronised.
//! - A buffer shorter than in the previous call means the caller started
//!   over: the framer rescans it from its first byte.
//!
//! # Rules and quirks
//!
//! - **Lines end in CRLF.** A line ending in LF without CR is a
//!   [`FrameErrorKind::BareLf`] error (imaplib's `test_line_termination`).
//!   A CR not followed by LF inside a line is data.
//! - **Literals** are `{n}`, `{n+}` (non-synchronising, accepted from a
//!   server too) and `~{n}` (literal8, RFC 3516) at the very end of a line.
//!   The size is checked against [`FrameLimits::max_literal`] as soon as
//!   the line's CRLF arrives, before waiting for the bytes; a size that
//!   overflows `u64` is refused as well.
//! - **Quoted strings**: a `{` inside a quoted string does not start a
//!   literal, so a line that ends inside an unterminated quoted string,
//!   like `* LIST () "/" "bar{2}`, carries no literal. `\"` and `\\`
//!   escapes are followed. The quoted state ends with the line.
//! - **Quirk: status lines carry no literal.** A status response
//!   (`* OK|NO|BAD|BYE|PREAUTH ...`, `tag OK|NO|BAD ...`, keywords in any
//!   case) and a continuation request (`+ ...`) end at their first CRLF,
//!   whatever their text ends with: `* OK hello {3}\r\n` is one complete
//!   response (imaplib reads a literal there and desynchronises). The cost:
//!   a literal inside a response code of a status line (RFC 3501 allows a
//!   charset astring in `BADCHARSET`) is not supported.
//! - **Quirk: spurious empty line inside a FETCH.** When a literal is
//!   followed at once by an empty line (CRLF alone) while the response's
//!   parentheses are still open, that CRLF is taken as part of the response
//!   and framing goes on with the next line: in
//!   `* 1 FETCH (BODY[] {3}\r\nabc\r\n FLAGS ())\r\n` the frame ends after
//!   `())\r\n`, and the parser must skip the stray CRLF. One empty line is
//!   skipped per literal. When the parentheses are closed (depth 0), the
//!   CRLF after a literal ends the response as usual
//!   (`* LIST () "/" {3}\r\nfoo\r\n`). The depth counts `(` and `)` outside
//!   quoted strings and literals, from the start of the response; a
//!   stray `)` never makes it negative. When such a blank line follows a
//!   literal that ended its response, it arrives before the next response
//!   and frames as a response of its own, `\r\n` (2 bytes), which the
//!   session skips. This is the behaviour of upstream imaplib since
//!   gh-88574 (a server that sends a blank line after every literal).
//!
//! # Limits
//!
//! A line (the bytes between literals, CRLF included) may be at most
//! [`FrameLimits::max_line`] bytes, a literal at most
//! [`FrameLimits::max_literal`], a whole response at most
//! [`FrameLimits::max_response`]. Each limit is checked at a fixed point
//! of the byte stream: a line when its `max_line`-th byte has arrived
//! without an LF among them, a literal when its announcement's CRLF
//! arrives (before any of its bytes; nothing is reserved for them), a
//! response when a line or an announced literal would take it past
//! `max_response`. So the answer does not depend on the sizes of the
//! reads: feeding a stream byte by byte gives the same frames and errors,
//! at the same positions, as feeding it at once.
//!
//! # Streaming
//!
//! The framer already works in fragments: a line up to a literal
//! announcement, then the literal's bytes, skipped by length. That is the
//! seam where a driver can later hand a large literal inside a FETCH to a
//! sink as it arrives (as swift-nio-imap's `ResponseParser` does) instead
//! of buffering the whole response.

pub(crate) mod find;
mod scan;

use std::fmt;

use scan::{Announcement, Tracker};

/// Size limits for server responses, checked before allocating.
///
/// ```
/// use typed_imap::wire::FrameLimits;
///
/// let limits = FrameLimits::default().with_max_line(1_000_000).with_max_literal(64 << 20);
/// assert_eq!(limits.max_line, 1_000_000);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct FrameLimits {
    /// The longest line (the bytes between literals), CRLF included.
    pub max_line: usize,
    /// The largest literal a response may announce.
    pub max_literal: u64,
    /// The largest complete response, literals included.
    pub max_response: usize,
}

impl Default for FrameLimits {
    /// 16 MiB lines (a SEARCH of one million UIDs is about 8 MB), 256 MiB
    /// literals, 512 MiB responses.
    fn default() -> Self {
        FrameLimits { max_line: 16 << 20, max_literal: 256 << 20, max_response: 512 << 20 }
    }
}

impl FrameLimits {
    /// These limits with the longest line, CRLF included, set to `max_line`.
    pub fn with_max_line(mut self, max_line: usize) -> Self {
        self.max_line = max_line;
        self
    }

    /// These limits with the largest literal set to `max_literal`.
    pub fn with_max_literal(mut self, max_literal: u64) -> Self {
        self.max_literal = max_literal;
        self
    }

    /// These limits with the largest response set to `max_response`.
    pub fn with_max_response(mut self, max_response: usize) -> Self {
        self.max_response = max_response;
        self
    }
}

/// What the framer found in a buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameStatus {
    /// The buffer starts with a complete response of this many bytes.
    Complete(usize),
    /// The response is not complete: at least `needed` more bytes are.
    Incomplete {
        /// The least number of bytes still to come (always at least 1).
        needed: usize,
    },
}

/// The server's bytes cannot be framed: a limit is exceeded or a line ends
/// in a bare LF. The connection cannot be resynchronised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameError {
    kind: FrameErrorKind,
    position: usize,
}

/// Why a response could not be framed.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FrameErrorKind {
    /// A line is longer than [`FrameLimits::max_line`].
    LineTooLong {
        /// The limit in force.
        limit: usize,
    },
    /// A literal announces more than [`FrameLimits::max_literal`] bytes.
    LiteralTooLarge {
        /// The size the server announced (saturated at `u64::MAX`).
        declared: u64,
        /// The limit in force.
        limit: u64,
    },
    /// The response is longer than [`FrameLimits::max_response`].
    ResponseTooLarge {
        /// The limit in force.
        limit: usize,
    },
    /// A line ends in LF without CR.
    BareLf {
        /// The LF's offset from the start of the response.
        position: usize,
    },
}

impl FrameError {
    fn new(kind: FrameErrorKind, position: usize) -> Self {
        FrameError { kind, position }
    }

    /// Why the response could not be framed.
    pub fn kind(&self) -> &FrameErrorKind {
        &self.kind
    }

    /// Where, as an offset from the start of the response: the start of the
    /// line that is too long, the `{` (or `~`) of a literal announcement
    /// that is too large, the LF of a bare LF, and for a response that is
    /// too large, the line or literal announcement that crossed the limit.
    pub fn position(&self) -> usize {
        self.position
    }
}

impl fmt::Display for FrameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = self.position;
        match &self.kind {
            FrameErrorKind::LineTooLong { limit } => {
                write!(f, "got more than {limit} bytes in one line (line at offset {at})")
            }
            FrameErrorKind::LiteralTooLarge { declared: u64::MAX, limit } => {
                write!(f, "literal at offset {at} announces more than the limit of {limit} bytes")
            }
            FrameErrorKind::LiteralTooLarge { declared, limit } => {
                write!(f, "literal of {declared} bytes at offset {at} exceeds the limit of {limit}")
            }
            FrameErrorKind::ResponseTooLarge { limit } => {
                write!(f, "response exceeds the limit of {limit} bytes (at offset {at})")
            }
            FrameErrorKind::BareLf { position } => write!(f, "line ends in a bare LF at offset {position}"),
        }
    }
}

impl std::error::Error for FrameError {}

/// Frames responses one after another from a growing buffer, scanning each
/// byte once (see the [module docs](self) for the calling contract).
///
/// ```
/// use typed_imap::wire::{FrameLimits, FrameStatus, Framer};
///
/// let mut framer = Framer::new(FrameLimits::default());
/// let mut buf = b"* 1 FETCH (BODY[] {5}\r\nhel".to_vec();
/// assert_eq!(framer.check(&buf)?, FrameStatus::Incomplete { needed: 4 });
/// buf.extend_from_slice(b"lo)\r\n* 2 EXISTS\r\n");
/// assert_eq!(framer.check(&buf)?, FrameStatus::Complete(31));
/// buf.drain(..31);
/// assert_eq!(framer.check(&buf)?, FrameStatus::Complete(12));
/// # Ok::<(), typed_imap::wire::FrameError>(())
/// ```
#[derive(Clone, Debug)]
pub struct Framer {
    limits: FrameLimits,
    scan: Scan,
    examined: u64,
}

/// How far the framer got in the current response.
#[derive(Clone, Debug, Default)]
struct Scan {
    /// The buffer length at the previous call (a shorter one means reset).
    seen: usize,
    /// Where the current line starts.
    line_start: usize,
    /// The next byte of the current line to scan.
    pos: usize,
    /// While inside a literal: where it ends.
    literal_end: Option<usize>,
    /// The current line starts right after a literal.
    after_literal: bool,
    /// Quoted-string state and parenthesis depth, up to `tracked`.
    tracker: Tracker,
    /// Where the tracker stopped: it is caught up lazily, only when a
    /// line ends in a literal announcement (see [`Framer::catch_up`]).
    tracked: usize,
}

/// What the end of a line means for the response.
enum LineEnd {
    /// The response ends after this many bytes.
    Complete(usize),
    /// The response goes on (a literal follows, or a skipped empty line).
    More,
}

impl Framer {
    /// A framer enforcing `limits`.
    pub fn new(limits: FrameLimits) -> Self {
        Framer { limits, scan: Scan::default(), examined: 0 }
    }

    /// The limits in force.
    pub fn limits(&self) -> &FrameLimits {
        &self.limits
    }

    /// Looks at `buf`, which starts at the first byte of a response. Call
    /// again with the same buffer grown by new bytes while it answers
    /// `Incomplete`; after `Complete(n)` the caller removes the first `n`
    /// bytes and the framer is ready for the next response.
    pub fn check(&mut self, buf: &[u8]) -> Result<FrameStatus, FrameError> {
        if buf.len() < self.scan.seen {
            self.scan = Scan::default();
        }
        self.scan.seen = buf.len();
        let result = self.run(buf);
        if !matches!(result, Ok(FrameStatus::Incomplete { .. })) {
            self.scan = Scan::default();
        }
        result
    }

    /// True when no response is half scanned: the last call answered
    /// `Complete` or an error, or there was none. The session parses
    /// message data before framing it only then (once a response took the
    /// framed path, the framer finishes it, so no byte is scanned twice).
    pub(crate) fn is_between_responses(&self) -> bool {
        self.scan.seen == 0
    }

    /// How many bytes this framer has scanned since it was created: a byte
    /// of a line counts once however many calls it took to arrive, and
    /// again only if it is rescanned (after a caller reset, or when the end
    /// of a line is read back for a literal announcement). Literal bytes
    /// are skipped and not counted. For tests of the one-pass property.
    #[doc(hidden)]
    pub fn bytes_examined(&self) -> u64 {
        self.examined
    }

    /// Walks lines and literals until the response ends or the bytes run
    /// out. Every turn of the loop returns or moves the line start forward
    /// (past an LF, or past a literal that starts after one), so it ends.
    fn run(&mut self, buf: &[u8]) -> Result<FrameStatus, FrameError> {
        loop {
            if let Some(end) = self.scan.literal_end {
                if buf.len() < end {
                    return Ok(FrameStatus::Incomplete { needed: end - buf.len() + 2 });
                }
                self.start_line(end, true);
            }
            let Some(lf) = self.find_lf(buf)? else {
                return Ok(FrameStatus::Incomplete { needed: self.line_needed(buf) });
            };
            if let LineEnd::Complete(n) = self.end_line(buf, lf)? {
                return Ok(FrameStatus::Complete(n));
            }
        }
    }

    /// Starts a new line at `at` (after a literal if `after_literal`).
    fn start_line(&mut self, at: usize, after_literal: bool) {
        let s = &mut self.scan;
        s.line_start = at;
        s.pos = at;
        s.literal_end = None;
        s.after_literal = after_literal;
        s.tracker.new_line();
    }

    /// Scans the new bytes of the current line for its LF, within the
    /// limits; errors when the limits are reached without one.
    fn find_lf(&mut self, buf: &[u8]) -> Result<Option<usize>, FrameError> {
        let line_cap = self.scan.line_start.saturating_add(self.limits.max_line);
        let cap = line_cap.min(self.limits.max_response);
        let window_end = buf.len().min(cap);
        let from = self.scan.pos;
        if from < window_end {
            let found = memchr::memchr(b'\n', &buf[from..window_end]).map(|i| from + i);
            self.scan.pos = found.map_or(window_end, |lf| lf + 1);
            self.examined += (self.scan.pos - from) as u64;
            if found.is_some() {
                return Ok(found);
            }
        }
        if buf.len() < cap {
            Ok(None)
        } else if line_cap <= self.limits.max_response {
            Err(self.line_too_long())
        } else {
            Err(FrameError::new(
                FrameErrorKind::ResponseTooLarge { limit: self.limits.max_response },
                self.scan.line_start,
            ))
        }
    }

    fn line_too_long(&self) -> FrameError {
        FrameError::new(FrameErrorKind::LineTooLong { limit: self.limits.max_line }, self.scan.line_start)
    }

    /// The least number of bytes that can end the current line: the LF if
    /// the last byte is its CR, else CR and LF.
    fn line_needed(&self, buf: &[u8]) -> usize {
        let s = &self.scan;
        if s.pos > s.line_start && buf.get(s.pos - 1) == Some(&b'\r') { 1 } else { 2 }
    }

    /// Decides what the line ending in the LF at `lf` means: the end of the
    /// response, a literal to skip, or a spurious empty line to skip.
    fn end_line(&mut self, buf: &[u8], lf: usize) -> Result<LineEnd, FrameError> {
        let start = self.scan.line_start;
        if lf == start || buf[lf - 1] != b'\r' {
            return Err(FrameError::new(FrameErrorKind::BareLf { position: lf }, lf));
        }
        let content = &buf[start..lf - 1];
        if content.is_empty() && self.scan.after_literal && self.scan.tracker.depth() > 0 {
            self.start_line(lf + 1, false);
            return Ok(LineEnd::More);
        }
        let Some(announcement) = Announcement::at_end_of(content) else {
            return Ok(LineEnd::Complete(lf + 1));
        };
        self.catch_up(buf, lf);
        if self.scan.tracker.in_quote() {
            return Ok(LineEnd::Complete(lf + 1));
        }
        self.examined += announcement.len as u64;
        if start == 0 && scan::is_status_line(content) {
            return Ok(LineEnd::Complete(lf + 1));
        }
        let end = self.literal_end(start + announcement.offset, announcement.size, lf + 1)?;
        self.scan.literal_end = Some(end);
        // The literal's bytes are never tracked.
        self.scan.tracked = end;
        Ok(LineEnd::More)
    }

    /// Runs the tracker over the lines between where it stopped and the LF
    /// at `lf`, starting afresh on each line.
    ///
    /// Tracking every line as it is scanned cost a third of the time of
    /// `parse_response` on FETCH metadata (ENVELOPE and BODYSTRUCTURE lines
    /// are dense with `"`, `(` and `)`: 2.97M of 10.2M instructions for 200
    /// responses). Its state matters only at a line that ends in a literal
    /// announcement (is the `{` quoted?) and at an empty line right after a
    /// literal (the depth, and then the tracker has just been caught up at
    /// the announcement). Untracked lines hold no literal, so catching up
    /// gives the same state, and each byte is still tracked at most once.
    fn catch_up(&mut self, buf: &[u8], lf: usize) {
        let mut from = self.scan.tracked;
        while from < lf {
            let end = memchr::memchr(b'\n', &buf[from..lf]).map_or(lf, |i| from + i);
            self.scan.tracker.track(&buf[from..end]);
            if end < lf {
                self.scan.tracker.new_line();
            }
            from = end + 1;
        }
        self.scan.tracked = lf;
    }

    /// Checks a literal of `size` bytes (`None`: overflows `u64`) announced
    /// at `at` and starting at `data`; returns where it ends.
    fn literal_end(&self, at: usize, size: Option<u64>, data: usize) -> Result<usize, FrameError> {
        let limit = self.limits.max_literal;
        let declared = size.unwrap_or(u64::MAX);
        if size.is_none() || declared > limit {
            return Err(FrameError::new(FrameErrorKind::LiteralTooLarge { declared, limit }, at));
        }
        // The response goes on after the literal with at least a CRLF.
        let max = self.limits.max_response;
        usize::try_from(declared)
            .ok()
            .and_then(|n| data.checked_add(n))
            .filter(|end| end.saturating_add(2) <= max)
            .ok_or_else(|| FrameError::new(FrameErrorKind::ResponseTooLarge { limit: max }, at))
    }
}

/// Frames the response at the start of `buf` in one call, as a new
/// [`Framer`] would.
///
/// ```
/// use typed_imap::wire::{FrameLimits, FrameStatus, frame};
///
/// let status = frame::check(b"* OK hello {3}\r\n", &FrameLimits::default())?;
/// assert_eq!(status, FrameStatus::Complete(16));
/// # Ok::<(), typed_imap::wire::FrameError>(())
/// ```
pub fn check(buf: &[u8], limits: &FrameLimits) -> Result<FrameStatus, FrameError> {
    if let Some(len) = single_line(buf, limits) {
        return Ok(FrameStatus::Complete(len));
    }
    Framer::new(*limits).check(buf)
}

/// The common case of [`check`], decided without the [`Framer`]'s state:
/// a first line, within the limits, ending in CRLF and not in `}` (so it
/// announces no literal, and the quote and parenthesis state cannot
/// matter). `None` leaves every other case, errors included, to the
/// framer, which would answer `Complete` with the same length here.
///
/// Most responses are one such line; the framer's setup and bookkeeping
/// cost about 190 instructions per response of the small-response corpus,
/// this about 60 (callgrind: 500 small responses 0.852M -> 0.786M, 50 LIST
/// lines 116.5K -> 110.0K; a response with literals pays one extra `memchr`
/// of its first line).
fn single_line(buf: &[u8], limits: &FrameLimits) -> Option<usize> {
    let window = &buf[..buf.len().min(limits.max_line).min(limits.max_response)];
    let lf = memchr::memchr(b'\n', window)?;
    let content = buf[..lf].strip_suffix(b"\r")?;
    match content.last() {
        Some(b'}') => None,
        _ => Some(lf + 1),
    }
}
