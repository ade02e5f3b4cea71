//! The crate's one error type.
//!
//! Every variant says whose fault it is: the caller's (a value that cannot
//! be sent, a command in the wrong state), the server's (an answer of NO or
//! BAD, bytes that do not follow the grammar or exceed the limits), or the
//! connection's (closed, timed out, TLS).

use std::fmt;
use std::io;

use crate::auth::AuthError;
use crate::command::State;
use crate::types::{ByteStr, Code, Status, ValidationError};
use crate::wire::frame::FrameError;
use crate::wire::parse::ParseError;

/// Everything that can go wrong in typed-imap.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The server answered the command with NO: it understood the command
    /// and refused it. The code says why, when the server gave one.
    No(Box<ServerRefusal>),
    /// The server answered with BAD: it did not understand the command,
    /// or it is not valid now.
    Bad(Box<ServerRefusal>),
    /// The server said BYE (outside LOGOUT) and closed the connection.
    /// The session is unusable.
    Bye(String),
    /// The connection broke: closed in the middle of a response, a read
    /// timed out, or the server broke the protocol. The session is
    /// unusable; the text says what happened.
    Aborted(String),
    /// The selected mailbox is read-only although it was opened for
    /// writing (SELECT answered `[READ-ONLY]`, or the server said so
    /// later). Select the mailbox again to go on.
    ReadOnly(String),
    /// The caller gave a value that cannot be sent (an atom with a space, a
    /// string with NUL, an empty sequence set). Nothing was sent.
    InvalidArgument(ValidationError),
    /// The command cannot be sent in the session's current state. Nothing
    /// was sent.
    State {
        /// The command's name.
        command: String,
        /// The session's state.
        current: State,
        /// The states in which the command may be sent.
        allowed: Vec<State>,
    },
    /// The server does not advertise a capability the command needs.
    /// Nothing was sent.
    Unsupported {
        /// The command's name.
        command: String,
        /// The capability that is missing.
        capability: String,
    },
    /// The server sent a response that does not follow the grammar. The
    /// error carries the position and the offending bytes.
    Parse(ParseError),
    /// The server's bytes cannot be framed: a line or literal over the
    /// configured limits, or a bare LF where CRLF must end a line.
    Frame(FrameError),
    /// The server's answer to a command does not fit what the command
    /// expects (a SELECT with no EXISTS, say).
    Decode {
        /// The command's name.
        command: String,
        /// What did not fit.
        reason: String,
    },
    /// Authentication failed on the client side: the mechanism could not
    /// answer the server's challenge, or the user's callback failed. (A
    /// server that refuses the credentials answers NO: [`Error::No`].)
    Auth {
        /// The SASL mechanism.
        mechanism: String,
        /// What went wrong.
        source: AuthError,
    },
    /// TLS could not be established or is not possible: the server
    /// answered STARTTLS with NO or BAD (the connection stays plain and
    /// usable, conformance item 99), TLS is already on, or the server's
    /// certificate was refused. The text starts with "couldn't establish
    /// TLS" and says why.
    Tls(String),
    /// The session's own security policy refused to go on: with
    /// `require_tls`, a PREAUTH greeting or LOGIN/AUTHENTICATE on a
    /// connection without TLS; or LOGIN while the server advertises
    /// `LOGINDISABLED` (conformance item 62). Nothing secret was sent.
    Insecure(String),
    /// An I/O error of the transport (including timeouts).
    Io(io::Error),
}

/// A NO or BAD answer: the response code, if any, and the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerRefusal {
    /// The response code (`[TRYCREATE]`, `[AUTHENTICATIONFAILED]`, ...).
    pub code: Option<Code<'static>>,
    /// The human-readable text.
    pub text: ByteStr<'static>,
    /// The status response as sent, code and text together, for display.
    pub raw: String,
}

impl ServerRefusal {
    /// The refusal carried by a status response.
    pub fn from_status(status: &Status<'_>) -> Self {
        let raw = match &status.code {
            Some(_) => status_line_text(status),
            None => status.text.to_string_lossy().into_owned(),
        };
        ServerRefusal {
            code: status.code.clone().map(Code::into_owned),
            text: status.text.clone().into_owned(),
            raw,
        }
    }
}

/// `[CODE ...] text` as the server wrote it, rebuilt from the parts.
fn status_line_text(status: &Status<'_>) -> String {
    match &status.code {
        Some(code) => format!("[{code}] {}", status.text),
        None => status.text.to_string(),
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::No(r) => write!(f, "NO {}", r.raw),
            Error::Bad(r) => write!(f, "BAD {}", r.raw),
            Error::Bye(text) => write!(f, "connection closed by the server: BYE {text}"),
            Error::Aborted(why) => write!(f, "connection aborted: {why}"),
            Error::ReadOnly(text) => write!(f, "mailbox is read-only: {text}"),
            Error::InvalidArgument(e) => write!(f, "invalid argument: {e}"),
            Error::State { command, current, allowed } => {
                write!(f, "{command} is not allowed in state {current:?}; allowed in {allowed:?}")
            }
            Error::Unsupported { command, capability } => {
                write!(f, "{command} needs the server capability {capability}, which it does not advertise")
            }
            Error::Parse(e) => write!(f, "malformed response: {e}"),
            Error::Frame(e) => write!(f, "{e}"),
            Error::Decode { command, reason } => write!(f, "unexpected answer to {command}: {reason}"),
            Error::Auth { mechanism, source } => write!(f, "{mechanism} authentication failed: {source}"),
            Error::Tls(why) => f.write_str(why),
            Error::Insecure(why) => write!(f, "refused for security: {why}"),
            Error::Io(e) => write!(f, "i/o error: {e}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::InvalidArgument(e) => Some(e),
            Error::Parse(e) => Some(e),
            Error::Frame(e) => Some(e),
            Error::Io(e) => Some(e),
            Error::Auth { source, .. } => Some(source),
            _ => None,
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

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        Error::Io(e)
    }
}
