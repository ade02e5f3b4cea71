//! The LOGIN mechanism (de facto; draft-murchison-sasl-login, no RFC).

use super::{AuthError, Authenticator, Response, Secret};

/// LOGIN: the server prompts for the user name, then for the password; each
/// answer goes on its own line (draft-murchison-sasl-login; no RFC).
///
/// ```text
/// C: A1 AUTHENTICATE LOGIN
/// S: + VXNlcm5hbWU6          ("Username:")
/// C: dGlt                    ("tim")
/// S: + UGFzc3dvcmQ6          ("Password:")
/// C: dGFuc3RhYWZ0YW5zdGFhZg==
/// S: A1 OK Logged in
/// ```
///
/// Answers by order, not by wording: the first challenge gets the user
/// name, the second the password, a third is [`AuthError::TooManyRounds`].
/// The prompt text is ignored, because servers word it differently (`Username:`, `User Name`, `login:`, with
/// or without a trailing NUL, or an empty challenge). No initial response:
/// LOGIN is server-first. Send LOGIN only over TLS; prefer [`Plain`].
///
/// [`Plain`]: super::Plain
#[derive(Clone, Debug)]
pub struct Login {
    user: String,
    password: Secret<String>,
    answered: u8,
}

impl Login {
    /// LOGIN for `user` with `password` (a `&str`, `String` or [`Secret`]),
    /// sent as their UTF-8 bytes.
    pub fn new(user: impl Into<String>, password: impl Into<Secret<String>>) -> Self {
        Login { user: user.into(), password: password.into(), answered: 0 }
    }
}

impl Authenticator for Login {
    /// `LOGIN`.
    fn mechanism(&self) -> &str {
        "LOGIN"
    }

    /// The user name to the first challenge, the password to the second.
    fn respond(&mut self, _challenge: &[u8]) -> Result<Response, AuthError> {
        let answer = match self.answered {
            0 => self.user.as_bytes(),
            1 => self.password.expose().as_bytes(),
            _ => return Err(AuthError::TooManyRounds),
        };
        self.answered += 1;
        Ok(Response::Bytes(answer.to_vec()))
    }
}
