//! The winnow grammar of server responses (RFC 3501 section 9, RFC 9051
//! section 9, and the extension RFCs).
//!
//! One free function per ABNF rule, named after it (`resp-text` is
//! `resp_text`), with the rule in its doc comment. Files
//! mirror `types/`. Parsers work on one complete response, which
//! [`frame`] has already delimited; they never see partial
//! input.
//!
//! Nesting (BODYSTRUCTURE, THREAD, nested lists) is bounded by
//! [`ParseOptions::max_depth`]; deeper input is an error, never a stack
//! overflow.

pub(crate) mod acl;
pub(crate) mod annotation;
pub(crate) mod body;
pub(crate) mod byte_class;
pub(crate) mod capability;
pub(crate) mod code;
pub(crate) mod core;
pub(crate) mod datetime;
pub(crate) mod envelope;
pub(crate) mod ext_value;
mod fail;
mod fast;
pub(crate) mod fetch;
pub(crate) mod flag;
pub(crate) mod id;
pub(crate) mod keyword;
pub(crate) mod list;
pub(crate) mod mailbox;
pub(crate) mod metadata;
pub(crate) mod namespace;
pub(crate) mod objectid;
pub(crate) mod paren;
pub(crate) mod quota;
pub(crate) mod response;
pub(crate) mod search_data;
pub(crate) mod section;
pub(crate) mod sequence;
pub(crate) mod status_data;
pub(crate) mod thread;
mod unframed;
pub(crate) use unframed::parse_message_data;

use std::fmt;

use winnow::Stateful;

use crate::types::Response;
use crate::wire::frame::{self, FrameError, FrameLimits, FrameStatus};

pub(crate) use fail::ParseFail;

/// What every rule returns: its value, or why it failed.
pub(crate) type ModalResult<O> = winnow::ModalResult<O, ParseFail>;

/// The parsers' input: the bytes of one response, and the nesting budget.
pub(crate) type Input<'a> = Stateful<&'a [u8], ParseState>;

/// What the parsers carry along besides the bytes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ParseState {
    /// How many more levels of nesting may be entered.
    pub(crate) depth_left: usize,
    /// Inside the attribute list of a FETCH response, where an empty line
    /// right after a literal belongs to the response (the framer's quirk
    /// for servers that send one, conformance 79): the literal reader
    /// skips it. Elsewhere a CRLF after a literal ends the response.
    pub(crate) in_msg_att: bool,
}

impl ParseState {
    /// The state at the start of a response: `depth_left` levels of
    /// nesting allowed.
    pub(crate) fn new(depth_left: usize) -> Self {
        ParseState { depth_left, in_msg_att: false }
    }
}

/// Options of the response parser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParseOptions {
    /// The deepest nesting of parenthesised lists (BODYSTRUCTURE, THREAD,
    /// extension data) accepted. Default 64.
    pub max_depth: usize,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions { max_depth: 64 }
    }
}

impl ParseOptions {
    /// These options with `max_depth` set.
    pub fn with_max_depth(mut self, max_depth: usize) -> Self {
        self.max_depth = max_depth;
        self
    }
}

/// A response that could not be parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseError {
    /// The buffer holds only the start of a response: at least `needed`
    /// more bytes are needed.
    Incomplete {
        /// The least number of bytes still to come.
        needed: usize,
    },
    /// A complete response that does not follow the grammar.
    Malformed(Malformed),
    /// The bytes cannot be framed (a limit, or a bare LF).
    Frame(FrameError),
}

/// Where and why a complete response did not parse.
#[derive(Clone, PartialEq, Eq)]
pub struct Malformed {
    position: usize,
    response_len: usize,
    excerpt: Vec<u8>,
    expected: String,
}

/// How many bytes of a malformed response an error keeps.
const EXCERPT_LEN: usize = 200;

impl Malformed {
    /// The offset, from the start of the response, where parsing failed.
    pub fn position(&self) -> usize {
        self.position
    }

    /// The length of the whole malformed response: skip this many bytes
    /// and the next response parses.
    pub fn response_len(&self) -> usize {
        self.response_len
    }

    /// The start of the response's bytes (at most 200).
    pub fn excerpt(&self) -> &[u8] {
        &self.excerpt
    }

    /// What the grammar expected where it failed.
    pub fn expected(&self) -> &str {
        &self.expected
    }
}

impl fmt::Debug for Malformed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Malformed")
            .field("position", &self.position)
            .field("response_len", &self.response_len)
            .field("excerpt", &self.excerpt.escape_ascii().to_string())
            .field("expected", &self.expected)
            .finish()
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Incomplete { needed } => write!(f, "incomplete response, need {needed} more bytes"),
            ParseError::Malformed(m) => {
                write!(f, "at offset {} of `{}`", m.position, m.excerpt.escape_ascii())?;
                if !m.expected.is_empty() {
                    write!(f, ": expected {}", m.expected)?;
                }
                Ok(())
            }
            ParseError::Frame(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ParseError {}

impl From<FrameError> for ParseError {
    fn from(e: FrameError) -> Self {
        ParseError::Frame(e)
    }
}

/// Parses the response at the start of `bytes` with the default options
/// and limits. Returns the response, borrowing from `bytes`, and how many
/// bytes it took.
///
/// ```
/// use typed_imap::wire::{ParseError, parse_response};
///
/// assert!(matches!(parse_response(b"* 3 EXI"), Err(ParseError::Incomplete { .. })));
/// let (_, used) = parse_response(b"A1 OK done\r\n* 1 EXISTS\r\n").unwrap();
/// assert_eq!(used, 12);
/// ```
pub fn parse_response(bytes: &[u8]) -> Result<(Response<'_>, usize), ParseError> {
    parse_response_with(bytes, &ParseOptions::default(), &FrameLimits::default())
}

/// Parses the response at the start of `bytes` with the given options and
/// limits.
pub fn parse_response_with<'a>(
    bytes: &'a [u8],
    options: &ParseOptions,
    limits: &FrameLimits,
) -> Result<(Response<'a>, usize), ParseError> {
    if let Some(parsed) = unframed::parse_message_data(bytes, options, limits) {
        return Ok(parsed);
    }
    let len = match frame::check(bytes, limits)? {
        FrameStatus::Complete(len) => len,
        FrameStatus::Incomplete { needed } => return Err(ParseError::Incomplete { needed }),
    };
    let frame = &bytes[..len];
    parse_frame(frame, options).map(|r| (r, len))
}

/// Parses one complete, framed response.
pub(crate) fn parse_frame<'a>(frame: &'a [u8], options: &ParseOptions) -> Result<Response<'a>, ParseError> {
    use winnow::Parser;
    let mut input = Input { input: frame, state: ParseState::new(options.max_depth) };
    match response::response.parse_next(&mut input) {
        Ok(r) if input.input.is_empty() => Ok(r),
        Ok(_) => Err(malformed(frame, frame.len() - input.input.len(), "end of response".into())),
        Err(e) => {
            let expected = match e.into_inner() {
                Ok(ctx) => ctx.to_string(),
                Err(_) => String::new(),
            };
            Err(malformed(frame, frame.len() - input.input.len(), expected))
        }
    }
}

fn malformed(frame: &[u8], position: usize, expected: String) -> ParseError {
    ParseError::Malformed(Malformed {
        position,
        response_len: frame.len(),
        excerpt: frame[..frame.len().min(EXCERPT_LEN)].to_vec(),
        expected,
    })
}
