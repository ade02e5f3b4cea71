//! The XOAUTH2 mechanism (Google, Microsoft; no RFC).

use super::check::refuse_byte;
use super::secret::concat;
use super::stage::Stage;
use super::{AuthError, Authenticator, Response, Secret};
use crate::types::ValidationError;

/// XOAUTH2: an OAuth 2.0 bearer token, as Gmail and Outlook.com take it
/// (Google's "OAuth 2.0 Mechanism" page; Microsoft's "Authenticate an IMAP
/// connection using OAuth"). The format predates and resembles
/// [`OAuthBearer`] (RFC 7628), which is the standard one.
///
/// ```text
/// message = "user=" user ^A "auth=Bearer " token ^A ^A
/// ```
///
/// Client-first: with `SASL-IR` the message is the [initial response];
/// without, it answers the server's first (empty) challenge. If the token
/// is refused, the server sends one more challenge, base64 JSON such as
/// `{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}`;
/// the mechanism answers it with an empty response so that the server ends
/// the exchange with its tagged NO (as Google documents), and keeps the
/// JSON for [`server_error`](Self::server_error). A challenge after that is
/// [`AuthError::TooManyRounds`].
///
/// ```
/// use typed_imap::auth::{Authenticator, XOAuth2};
///
/// let token = "ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg";
/// let mut xoauth2 = XOAuth2::new("someuser@example.com", token).unwrap();
/// let message = xoauth2.initial_response().unwrap();
/// assert!(message.starts_with(b"user=someuser@example.com\x01auth=Bearer ya29."));
/// assert!(message.ends_with(b"\x01\x01"));
/// ```
///
/// [`OAuthBearer`]: super::OAuthBearer
/// [initial response]: Authenticator::initial_response
#[derive(Clone, Debug)]
pub struct XOAuth2 {
    user: String,
    token: Secret<String>,
    stage: Stage,
    server_error: Option<Vec<u8>>,
}

impl XOAuth2 {
    /// XOAUTH2 for `user` (the mail address) with an OAuth 2.0 access
    /// `token` (a `&str`, `String` or [`Secret`]). Refuses `^A` (0x01) in
    /// either: it separates the fields.
    pub fn new(user: impl Into<String>, token: impl Into<Secret<String>>) -> Result<Self, ValidationError> {
        let token: Secret<String> = token.into();
        let user = user.into();
        refuse_byte("xoauth2 user", &user, 1)?;
        refuse_byte("xoauth2 token", token.expose(), 1)?;
        Ok(XOAuth2 { user, token, stage: Stage::Start, server_error: None })
    }

    /// The server's error challenge (JSON, decoded from base64), once the
    /// token was refused; `None` before.
    pub fn server_error(&self) -> Option<&[u8]> {
        self.server_error.as_deref()
    }

    /// `user=... ^A auth=Bearer ... ^A ^A`.
    fn message(&self) -> Vec<u8> {
        let token = self.token.expose().as_bytes();
        concat(&[b"user=", self.user.as_bytes(), b"\x01auth=Bearer ", token, b"\x01\x01"])
    }
}

impl Authenticator for XOAuth2 {
    /// `XOAUTH2`.
    fn mechanism(&self) -> &str {
        "XOAUTH2"
    }

    /// The message, the first time only.
    fn initial_response(&mut self) -> Option<Vec<u8>> {
        self.stage.take_initial().then(|| self.message())
    }

    /// The message to the first prompt; an empty response to the error
    /// challenge; an error to anything after.
    fn respond(&mut self, challenge: &[u8]) -> Result<Response, AuthError> {
        if self.stage.take_challenge(1)? {
            return Ok(Response::Bytes(self.message()));
        }
        self.server_error = Some(challenge.to_vec());
        Ok(Response::Bytes(Vec::new()))
    }
}
