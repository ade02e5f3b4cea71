//! The crate's one error type.
//!
//! Every variant says whose fault it is: the caller's (a value that cannot
//! be sent), the server's (bytes that do not follow the grammar, or that
//! exceed the configured limits), or the connection's.

use std::fmt;

use crate::types::ValidationError;
use crate::wire::frame::FrameError;
use crate::wire::parse::ParseError;

/// Everything that can go wrong in typed-imap.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The caller gave a value that cannot be sent (an atom with a space, a
    /// string with NUL, an empty sequence set). Nothing was sent.
    InvalidArgument(ValidationError),
    /// The server sent a response that does not follow the grammar. The
    /// error carries the position and the offending bytes.
    Parse(ParseError),
    /// The server's bytes cannot be framed: a line or literal over the
    /// configured limits, or a bare LF where CRLF must end a line.
    Frame(FrameError),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidArgument(e) => write!(f, "invalid argument: {e}"),
            Error::Parse(e) => write!(f, "malformed response: {e}"),
            Error::Frame(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::InvalidArgument(e) => Some(e),
            Error::Parse(e) => Some(e),
            Error::Frame(e) => Some(e),
        }
    }
}

impl From<ValidationError> for Error {
    fn from(e: ValidationError) -> Self {
        Error::InvalidArgument(e)
    }
}

impl From<ParseError> for Error {
    fn from(e: ParseError) -> Self {
        Error::Parse(e)
    }
}

impl From<FrameError> for Error {
    fn from(e: FrameError) -> Self {
        Error::Frame(e)
    }
}
