//! [`AuthError`]: why an authenticator could not answer a challenge.

use std::error::Error as StdError;
use std::fmt;

/// Why an [`Authenticator`] could not answer a challenge.
///
/// When [`Authenticator::respond`] returns one, the session cancels the
/// exchange with `*` (RFC 3501 section 6.2.2), reads the server's tagged
/// reply and reports this error; the connection stays usable.
///
/// [`Authenticator`]: super::Authenticator
/// [`Authenticator::respond`]: super::Authenticator::respond
#[derive(Debug)]
#[non_exhaustive]
pub enum AuthError {
    /// The server's fault: a challenge the mechanism cannot answer at this
    /// step (e.g. an empty CRAM-MD5 challenge). The text says which.
    UnexpectedChallenge(&'static str),
    /// The server's fault: the challenge after `+ ` is not base64
    /// (RFC 3501 section 6.2.2).
    InvalidBase64,
    /// The server's fault: more challenges than the mechanism has steps
    /// (e.g. a second challenge to PLAIN, RFC 4616 section 2).
    TooManyRounds,
    /// The authenticator's fault: a user callback (or, never in practice, a
    /// built-in mechanism's crypto) failed; the cause is the source.
    Failed(Box<dyn StdError + Send + Sync>),
}

impl AuthError {
    /// An [`AuthError::Failed`] from any error or message, for user
    /// callbacks: `AuthError::failed("token expired")`.
    pub fn failed(cause: impl Into<Box<dyn StdError + Send + Sync>>) -> Self {
        AuthError::Failed(cause.into())
    }
}

impl fmt::Display for AuthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AuthError::UnexpectedChallenge(why) => write!(f, "unexpected challenge: {why}"),
            AuthError::InvalidBase64 => f.write_str("challenge is not valid base64"),
            AuthError::TooManyRounds => f.write_str("too many challenges for the mechanism"),
            AuthError::Failed(cause) => write!(f, "authenticator failed: {cause}"),
        }
    }
}

impl StdError for AuthError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match self {
            AuthError::Failed(cause) => Some(cause.as_ref()),
            _ => None,
        }
    }
}
