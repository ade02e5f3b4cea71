//! The CRAM-MD5 mechanism (RFC 2195).

use hmac::{Hmac, KeyInit, Mac};
use md5::Md5;

use super::{AuthError, Authenticator, Response, Secret};

/// CRAM-MD5: the server sends a challenge, the client answers with its user
/// name, a space, and the HMAC-MD5 (RFC 2104) of the challenge keyed with
/// the password, as 32 lower-case hex digits (RFC 2195 section 2).
///
/// ```text
/// C: A1 AUTHENTICATE CRAM-MD5
/// S: + PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+
/// C: dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw
/// S: A1 OK CRAM authentication successful
/// ```
///
/// Server-first, one round: no initial response; an empty challenge is
/// [`AuthError::UnexpectedChallenge`] (the server must send its timestamp),
/// a second challenge [`AuthError::TooManyRounds`]. The password does not
/// cross the wire, but MD5 is weak: RFC 2195's own advice is to prefer a
/// stronger mechanism, or TLS.
///
/// ```
/// use typed_imap::auth::{Authenticator, CramMd5, Response};
///
/// let mut cram = CramMd5::new("tim", "tanstaaftanstaaf");
/// let response = cram.respond(b"<1896.697170952@postoffice.reston.mci.net>").unwrap();
/// assert_eq!(response, Response::from("tim b913a602c7eda7a495b4e6e7334d3890"));
/// ```
#[derive(Clone, Debug)]
pub struct CramMd5 {
    user: String,
    password: Secret<String>,
    answered: bool,
}

impl CramMd5 {
    /// CRAM-MD5 for `user` with `password` (a `&str`, `String` or
    /// [`Secret`]; the HMAC key is its UTF-8 bytes).
    pub fn new(user: impl Into<String>, password: impl Into<Secret<String>>) -> Self {
        CramMd5 { user: user.into(), password: password.into(), answered: false }
    }

    /// `user SP digest` for `challenge` (RFC 2195 section 2).
    fn digest_response(&self, challenge: &[u8]) -> Result<Vec<u8>, AuthError> {
        let key = self.password.expose().as_bytes();
        // HMAC takes keys of any length; the error case cannot happen.
        let mut mac = Hmac::<Md5>::new_from_slice(key).map_err(AuthError::failed)?;
        mac.update(challenge);
        let digest = mac.finalize().into_bytes();
        let mut response = Vec::with_capacity(self.user.len() + 1 + 2 * digest.len());
        response.extend_from_slice(self.user.as_bytes());
        response.push(b' ');
        for byte in digest.iter() {
            response.push(hex_digit(byte >> 4));
            response.push(hex_digit(byte & 0x0f));
        }
        Ok(response)
    }
}

/// The lower-case hex digit for a nibble (0..=15).
fn hex_digit(nibble: u8) -> u8 {
    match nibble {
        0..=9 => b'0' + nibble,
        _ => b'a' + (nibble - 10),
    }
}

impl Authenticator for CramMd5 {
    /// `CRAM-MD5`.
    fn mechanism(&self) -> &str {
        "CRAM-MD5"
    }

    /// `user SP digest` to the one challenge.
    fn respond(&mut self, challenge: &[u8]) -> Result<Response, AuthError> {
        if self.answered {
            return Err(AuthError::TooManyRounds);
        }
        if challenge.is_empty() {
            return Err(AuthError::UnexpectedChallenge("cram-md5 challenge is empty"));
        }
        self.answered = true;
        self.digest_response(challenge).map(Response::Bytes)
    }
}
