//! The PLAIN mechanism (RFC 4616).

use super::check::refuse_byte;
use super::secret::concat;
use super::stage::Stage;
use super::{AuthError, Authenticator, Response, Secret};
use crate::types::ValidationError;

/// PLAIN: user name and password in one message (RFC 4616 section 2).
///
/// ```text
/// message   = [authzid] UTF8NUL authcid UTF8NUL passwd
/// ```
///
/// Client-first: with `SASL-IR` the message is the [initial response];
/// without, it answers the server's first (empty) challenge. Any further
/// challenge is [`AuthError::TooManyRounds`]. The content of that first
/// challenge is not checked: RFC 4616 servers send it empty, and PLAIN has
/// nothing to learn from it. Send PLAIN only over TLS (RFC 4616 section 5).
///
/// ```
/// use typed_imap::auth::{Authenticator, Plain, Response};
///
/// let mut plain = Plain::new("Kurt", "xipj3plmq").unwrap().with_authzid("Ursel").unwrap();
/// assert_eq!(plain.respond(b"").unwrap(), Response::Bytes(b"Ursel\0Kurt\0xipj3plmq".to_vec()));
/// ```
///
/// [initial response]: Authenticator::initial_response
#[derive(Clone, Debug)]
pub struct Plain {
    authzid: Option<String>,
    authcid: String,
    password: Secret<String>,
    stage: Stage,
}

impl Plain {
    /// PLAIN for user `authcid` with `password` (a `&str`, `String` or
    /// [`Secret`]; UTF-8, RFC 4616 section 2).
    ///
    /// Refuses a NUL in either (it would split the message) and an empty
    /// user name (`authcid = 1*SAFE`). An empty password is passed on: the
    /// server decides.
    pub fn new(
        authcid: impl Into<String>,
        password: impl Into<Secret<String>>,
    ) -> Result<Self, ValidationError> {
        let password: Secret<String> = password.into();
        let authcid = authcid.into();
        refuse_byte("plain user name", &authcid, 0)?;
        if authcid.is_empty() {
            return Err(ValidationError::empty("plain user name"));
        }
        refuse_byte("plain password", password.expose(), 0)?;
        Ok(Plain { authzid: None, authcid, password, stage: Stage::Start })
    }

    /// Asks to act as `authzid` (the authorisation identity, RFC 4616
    /// section 2), e.g. an administrator logging in as a user. An empty
    /// `authzid` is the same as none. Refuses a NUL.
    pub fn with_authzid(mut self, authzid: impl Into<String>) -> Result<Self, ValidationError> {
        let authzid = authzid.into();
        refuse_byte("plain authorisation identity", &authzid, 0)?;
        self.authzid = Some(authzid).filter(|id| !id.is_empty());
        Ok(self)
    }

    /// The message: `[authzid] NUL authcid NUL passwd`, built in one
    /// allocation so no partial copy of the password is left behind.
    fn message(&self) -> Vec<u8> {
        let authzid = self.authzid.as_deref().unwrap_or("");
        let password = self.password.expose();
        concat(&[authzid.as_bytes(), b"\0", self.authcid.as_bytes(), b"\0", password.as_bytes()])
    }
}

impl Authenticator for Plain {
    /// `PLAIN`.
    fn mechanism(&self) -> &str {
        "PLAIN"
    }

    /// The message, the first time only.
    fn initial_response(&mut self) -> Option<Vec<u8>> {
        self.stage.take_initial().then(|| self.message())
    }

    /// The message to the first challenge; an error to any later one.
    fn respond(&mut self, _challenge: &[u8]) -> Result<Response, AuthError> {
        self.stage.take_challenge(0)?;
        Ok(Response::Bytes(self.message()))
    }
}
