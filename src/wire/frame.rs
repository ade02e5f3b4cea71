//! Finds where one complete server response ends, without parsing it.
//!
//! A response is a line, or a line that ends in a literal announcement
//! `{n}` followed by `n` bytes and more of the response. The framer walks
//! lines and literals, checks every size against [`FrameLimits`] before
//! anything is allocated, and answers [`FrameStatus::Complete`] with the
//! response's length, or [`FrameStatus::Incomplete`] with how many more
//! bytes it needs at the least.
//!
//! CONTRACT STUB: a simple framer that rescans; the framer work makes it
//! incremental and adds the quirks.

use std::fmt;

/// Size limits for server responses, checked before allocating.
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

/// What the framer found in a buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameStatus {
    /// The buffer starts with a complete response of this many bytes.
    Complete(usize),
    /// The response is not complete: at least `needed` more bytes are.
    Incomplete {
        /// The least number of bytes still to come.
        needed: usize,
    },
}

/// The server's bytes cannot be framed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameError {
    kind: FrameErrorKind,
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
    /// Why the response could not be framed.
    pub fn kind(&self) -> &FrameErrorKind {
        &self.kind
    }
}

impl fmt::Display for FrameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            FrameErrorKind::LineTooLong { limit } => write!(f, "got more than {limit} bytes in one line"),
            FrameErrorKind::LiteralTooLarge { declared, limit } => {
                write!(f, "literal of {declared} bytes exceeds the limit of {limit}")
            }
            FrameErrorKind::ResponseTooLarge { limit } => {
                write!(f, "response exceeds the limit of {limit} bytes")
            }
            FrameErrorKind::BareLf { position } => write!(f, "line ends in a bare LF at offset {position}"),
        }
    }
}

impl std::error::Error for FrameError {}

/// Frames responses one after another from a growing buffer.
#[derive(Clone, Debug)]
pub struct Framer {
    limits: FrameLimits,
}

impl Framer {
    /// A framer enforcing `limits`.
    pub fn new(limits: FrameLimits) -> Self {
        Framer { limits }
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
        check(buf, &self.limits)
    }
}

/// Frames the response at the start of `buf` in one call.
pub fn check(buf: &[u8], limits: &FrameLimits) -> Result<FrameStatus, FrameError> {
    let err = |kind| Err(FrameError { kind });
    let mut pos = 0;
    loop {
        let line_end = match memchr::memchr(b'\n', &buf[pos..]) {
            Some(i) => pos + i,
            None => {
                if buf.len() - pos > limits.max_line {
                    return err(FrameErrorKind::LineTooLong { limit: limits.max_line });
                }
                return Ok(FrameStatus::Incomplete { needed: 1 });
            }
        };
        if line_end - pos + 1 > limits.max_line {
            return err(FrameErrorKind::LineTooLong { limit: limits.max_line });
        }
        if line_end == 0 || buf[line_end - 1] != b'\r' {
            return err(FrameErrorKind::BareLf { position: line_end });
        }
        let line = &buf[pos..line_end - 1];
        let literal = if pos == 0 && is_status_line(line) { None } else { literal_len(line) };
        match literal {
            None => return Ok(FrameStatus::Complete(line_end + 1)),
            Some(n) if n > limits.max_literal => {
                return err(FrameErrorKind::LiteralTooLarge { declared: n, limit: limits.max_literal });
            }
            Some(n) => {
                let end = (line_end as u64 + 1).saturating_add(n);
                if end > limits.max_response as u64 {
                    return err(FrameErrorKind::ResponseTooLarge { limit: limits.max_response });
                }
                let end = end as usize;
                if end > buf.len() {
                    return Ok(FrameStatus::Incomplete { needed: end - buf.len() + 2 });
                }
                pos = end;
            }
        }
    }
}

/// A status response (`* OK ...`, `tag NO ...`) or a continuation: these
/// carry text, never a literal, whatever the text ends with.
fn is_status_line(line: &[u8]) -> bool {
    if line.first() == Some(&b'+') {
        return true;
    }
    let mut words = line.splitn(3, |&b| b == b' ');
    let _tag = words.next();
    let word = words.next().unwrap_or_default();
    ["OK", "NO", "BAD", "BYE", "PREAUTH"].iter().any(|w| word.eq_ignore_ascii_case(w.as_bytes()))
}

/// The size of the literal announced at the end of `line`, if it ends in
/// `{n}`, `{n+}` or `~{n}`.
fn literal_len(line: &[u8]) -> Option<u64> {
    let body = line.strip_suffix(b"}")?;
    let open = memchr::memrchr(b'{', body)?;
    let digits = &body[open + 1..];
    let digits = digits.strip_suffix(b"+").unwrap_or(digits);
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(digits.iter().fold(0u64, |n, d| n.saturating_mul(10).saturating_add(u64::from(d - b'0'))))
}
