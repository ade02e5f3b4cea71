//! The OAUTHBEARER mechanism (RFC 7628).

use super::check::refuse_byte;
use super::secret::concat;
use super::stage::Stage;
use super::{AuthError, Authenticator, Response, Secret};
use crate::types::ValidationError;

/// OAUTHBEARER: an OAuth 2.0 bearer token (RFC 7628 section 3.1).
///
/// ```text
/// client-resp = gs2-header kvsep *kvpair kvsep
/// gs2-header  = "n," ["a=" saslname] ","        ; RFC 5801 section 4
/// kvpair      = key "=" value kvsep             ; host, port, auth
/// kvsep       = %x01
/// ```
///
/// Sent as `n,a=user,^Ahost=H^Aport=P^Aauth=Bearer T^A^A`; `host` and
/// `port` only when set ([`host`](Self::host), [`port`](Self::port)); RFC
/// 7628 section 3.1 says the client SHOULD send them. In the user name,
/// `,` and `=` are escaped as `=2C` and `=3D` (RFC 5801 section 4); an
/// empty user name omits `a=`.
///
/// Client-first: with `SASL-IR` the message is the [initial response];
/// without, it answers the server's first (empty) challenge. If the token
/// is refused, the server sends an error challenge (JSON, RFC 7628 section
/// 3.2.2); the mechanism answers it with a single `^A`, as section 3.2.3
/// requires, so that the server ends with its tagged NO, and keeps the JSON
/// for [`server_error`](Self::server_error). A challenge after that is
/// [`AuthError::TooManyRounds`].
///
/// ```
/// use typed_imap::auth::{encode_initial_response, Authenticator, OAuthBearer};
///
/// // RFC 7628 section 4.1.
/// let mut bearer = OAuthBearer::new("user@example.com", "vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==")
///     .unwrap()
///     .host("server.example.com")
///     .unwrap()
///     .port(143);
/// let message = bearer.initial_response().unwrap();
/// assert_eq!(
///     encode_initial_response(&message),
///     "bixhPXVzZXJAZXhhbXBsZS5jb20sAWhvc3Q9c2VydmVyLmV4YW1wbGUuY29tAXBvcnQ9MTQzAWF1dGg9QmVhcmVyI\
///      HZGOWRmdDRxbVRjMk52YjNSbGNrQmhiSFJoZG1semRHRXVZMjl0Q2c9PQEB",
/// );
/// ```
///
/// [initial response]: Authenticator::initial_response
#[derive(Clone, Debug)]
pub struct OAuthBearer {
    user: String,
    token: Secret<String>,
    host: Option<String>,
    port: Option<u16>,
    stage: Stage,
    server_error: Option<Vec<u8>>,
}

impl OAuthBearer {
    /// OAUTHBEARER for `user` (the authorisation identity, usually the mail
    /// address) with an OAuth 2.0 access `token` (a `&str`, `String` or
    /// [`Secret`]). Refuses `^A` (0x01) in
    /// either: it separates the fields.
    pub fn new(user: impl Into<String>, token: impl Into<Secret<String>>) -> Result<Self, ValidationError> {
        let token: Secret<String> = token.into();
        let user = user.into();
        refuse_byte("oauthbearer user", &user, 1)?;
        refuse_byte("oauthbearer token", token.expose(), 1)?;
        Ok(OAuthBearer { user, token, host: None, port: None, stage: Stage::Start, server_error: None })
    }

    /// Sends `host=` with the server's host name (RFC 7628 section 3.1).
    /// Refuses `^A` (0x01).
    pub fn host(mut self, host: impl Into<String>) -> Result<Self, ValidationError> {
        let host = host.into();
        refuse_byte("oauthbearer host", &host, 1)?;
        self.host = Some(host);
        Ok(self)
    }

    /// Sends `port=` with the server's port (RFC 7628 section 3.1).
    pub fn port(mut self, port: u16) -> Self {
        self.port = Some(port);
        self
    }

    /// The server's error challenge (JSON, RFC 7628 section 3.2.2), once the
    /// token was refused; `None` before.
    pub fn server_error(&self) -> Option<&[u8]> {
        self.server_error.as_deref()
    }

    /// The client response of RFC 7628 section 3.1.
    fn message(&self) -> Vec<u8> {
        let header = gs2_header(&self.user);
        let host = self.host.as_ref().map(|host| format!("host={host}\x01"));
        let port = self.port.map(|port| format!("port={port}\x01"));
        let token = self.token.expose().as_bytes();
        concat(&[
            header.as_bytes(),
            b"\x01",
            host.as_deref().unwrap_or("").as_bytes(),
            port.as_deref().unwrap_or("").as_bytes(),
            b"auth=Bearer ",
            token,
            b"\x01\x01",
        ])
    }
}

/// `gs2-header` without channel binding: `n,a=saslname,`, or `n,,` for an
/// empty user (RFC 5801 section 4).
fn gs2_header(user: &str) -> String {
    if user.is_empty() {
        return String::from("n,,");
    }
    let escaped = user.replace('=', "=3D").replace(',', "=2C");
    format!("n,a={escaped},")
}

impl Authenticator for OAuthBearer {
    /// `OAUTHBEARER`.
    fn mechanism(&self) -> &str {
        "OAUTHBEARER"
    }

    /// The message, the first time only.
    fn initial_response(&mut self) -> Option<Vec<u8>> {
        self.stage.take_initial().then(|| self.message())
    }

    /// The message to the first prompt; `^A` to the error challenge (RFC
    /// 7628 section 3.2.3); an error to anything after.
    fn respond(&mut self, challenge: &[u8]) -> Result<Response, AuthError> {
        if self.stage.take_challenge(1)? {
            return Ok(Response::Bytes(self.message()));
        }
        self.server_error = Some(challenge.to_vec());
        Ok(Response::Bytes(vec![0x01]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gs2_header_escapes_comma_and_equals() {
        assert_eq!(gs2_header("a,b=c"), "n,a=a=2Cb=3Dc,");
        assert_eq!(gs2_header(""), "n,,");
    }
}
