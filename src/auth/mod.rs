//! SASL authentication: the [`Authenticator`] trait and the built-in
//! mechanisms (RFC 3501 section 6.2.2, RFC 4422, RFC 4959).
//!
//! Everything here is pure: no sockets, no session. An authenticator turns
//! challenges into responses; the session moves the bytes. That is the
//! whole split:
//!
//! - **The session** sends `AUTHENTICATE <mechanism>` (with the [initial
//!   response] when the server advertises `SASL-IR`), decodes each `+` line
//!   with [`decode_challenge`], sends each answer with [`encode_response`]
//!   or `*`, and reads the tagged result.
//! - **An [`Authenticator`]** knows the mechanism: it turns each decoded
//!   challenge into a [`Response`], or an [`AuthError`].
//!
//! Built in: [`Plain`] (RFC 4616), [`Login`] (the de-facto LOGIN
//! mechanism), [`CramMd5`] (RFC 2195), [`XOAuth2`] (Google, Microsoft) and
//! [`OAuthBearer`] (RFC 7628). Any other mechanism is a user type
//! implementing [`Authenticator`], or a closure given to [`from_fn`]: the
//! equivalent of imaplib's `authenticate(mechanism, authobject)`.
//!
//! ## One exchange, one authenticator
//!
//! An authenticator is a small state machine for a single exchange: it
//! counts the challenges it has answered and refuses one too many with
//! [`AuthError::TooManyRounds`], so a confused or hostile server cannot make
//! it repeat a password. Build a new one (or clone a fresh one) for each
//! AUTHENTICATE command.
//!
//! ## Secrets
//!
//! Passwords and tokens are held in [`Secret`], whose `Debug` is
//! `Secret(<redacted>)` and whose bytes are overwritten on drop. `Debug` of
//! every built-in mechanism, and of [`Response`], therefore shows neither a
//! secret nor its base64. The response bytes an authenticator returns are
//! handed to the session as a plain `Vec<u8>`: sending and dropping them
//! is the session's job.
//!
//! Constructors take the password or token as `impl Into<Secret<String>>`:
//! a `&str`, a `String` (moved, not copied), or a [`Secret`] the caller
//! already keeps its credentials in.
//!
//! ## Decisions where the specifications leave room
//!
//! - **Challenges of client-first mechanisms are not checked.** PLAIN,
//!   XOAUTH2 and OAUTHBEARER answer the server's first prompt with their
//!   message whatever it holds (RFC 4422 section 5: the server sends an
//!   empty challenge; some send text).
//! - **LOGIN answers by order**: user name, then password, whatever the
//!   prompts say ([`Login`]).
//! - **Token refusals end with the server's NO**: XOAUTH2 answers the error
//!   challenge with an empty response (as Google and Microsoft document),
//!   OAUTHBEARER with `^A` (RFC 7628 section 3.2.3); both keep the error
//!   JSON for the caller.
//! - **Base64 padding is optional in challenges**; anything else outside the
//!   alphabet is an error ([`decode_challenge`]).
//! - **Mechanism names are checked** before they reach the command line
//!   ([`validate_mechanism`]).
//!
//! ## Example: PLAIN with and without SASL-IR
//!
//! With `SASL-IR` advertised (RFC 4959), the credentials go on the command
//! line and the server answers at once:
//!
//! ```text
//! C: A1 AUTHENTICATE PLAIN AHRpbQB0YW5zdGFhZnRhbnN0YWFm
//! S: A1 OK [CAPABILITY IMAP4rev1 IDLE] Logged in
//! ```
//!
//! Without it, the server first sends an empty challenge:
//!
//! ```text
//! C: A1 AUTHENTICATE PLAIN
//! S: +
//! C: AHRpbQB0YW5zdGFhZnRhbnN0YWFm
//! S: A1 OK Logged in
//! ```
//!
//! What the session does for each, with the authenticator:
//!
//! ```
//! use typed_imap::auth::{
//!     decode_challenge, encode_initial_response, encode_response, Authenticator, Plain, Response,
//! };
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! // With SASL-IR: the initial response goes on the AUTHENTICATE line.
//! let mut plain = Plain::new("tim", "tanstaaftanstaaf")?;
//! assert_eq!(plain.mechanism(), "PLAIN");
//! let initial = plain.initial_response().expect("PLAIN is client-first");
//! assert_eq!(encode_initial_response(&initial), "AHRpbQB0YW5zdGFhZnRhbnN0YWFm");
//!
//! // Without SASL-IR: `S: +` is an empty challenge, answered on its own line.
//! let mut plain = Plain::new("tim", "tanstaaftanstaaf")?;
//! let challenge = decode_challenge(b"")?;
//! let line = match plain.respond(&challenge)? {
//!     Response::Bytes(bytes) => encode_response(&bytes),
//!     Response::Cancel => String::from("*"),
//! };
//! assert_eq!(line, "AHRpbQB0YW5zdGFhZnRhbnN0YWFm");
//!
//! // A second challenge is one too many for PLAIN: the session sends `*`.
//! assert!(plain.respond(b"").is_err());
//! # Ok(())
//! # }
//! ```
//!
//! [initial response]: Authenticator::initial_response

mod check;
mod codec;
mod cram_md5;
mod error;
mod fn_auth;
mod login;
mod name;
mod oauthbearer;
mod plain;
mod response;
mod secret;
mod stage;
mod xoauth2;

pub use codec::{decode_challenge, encode_initial_response, encode_response};
pub use cram_md5::CramMd5;
pub use error::AuthError;
pub use fn_auth::{FnAuthenticator, from_fn};
pub use login::Login;
pub use name::validate_mechanism;
pub use oauthbearer::OAuthBearer;
pub use plain::Plain;
pub use response::Response;
pub use secret::{Secret, Wipe};
pub use xoauth2::XOAuth2;

/// A SASL mechanism's client side: challenges in, responses out
/// (RFC 3501 section 6.2.2, RFC 4422 section 3; imaplib's `authobject`).
///
/// The session drives it:
///
/// 1. It sends `AUTHENTICATE` with [`mechanism`](Self::mechanism), which it
///    checks with [`validate_mechanism`] first.
/// 2. If the server advertises `SASL-IR` (RFC 4959), it asks for
///    [`initial_response`](Self::initial_response) and, if there is one,
///    puts it on the command line ([`encode_initial_response`]).
/// 3. For each `+` continuation, it decodes the challenge
///    ([`decode_challenge`]) and calls [`respond`](Self::respond); it sends
///    [`Response::Bytes`] base64-encoded ([`encode_response`]) and
///    [`Response::Cancel`] as `*`. On an [`AuthError`] it sends `*`, reads
///    the tagged reply and reports the error.
/// 4. The tagged OK, NO or BAD ends the exchange; the authenticator is not
///    told.
///
/// ```
/// use typed_imap::auth::{AuthError, Authenticator, Response};
///
/// /// A mechanism that answers each challenge with it reversed.
/// struct Mirror;
///
/// impl Authenticator for Mirror {
///     fn mechanism(&self) -> &str {
///         "X-MIRROR"
///     }
///
///     fn respond(&mut self, challenge: &[u8]) -> Result<Response, AuthError> {
///         Ok(Response::Bytes(challenge.iter().rev().copied().collect()))
///     }
/// }
///
/// let mut mirror = Mirror;
/// assert_eq!(mirror.initial_response(), None);
/// assert_eq!(mirror.respond(b"abc").unwrap(), Response::Bytes(b"cba".to_vec()));
/// ```
pub trait Authenticator {
    /// The SASL mechanism name sent after `AUTHENTICATE`, e.g. `PLAIN`
    /// (RFC 4422 section 3.1).
    fn mechanism(&self) -> &str;

    /// The client's first message, for a client-first mechanism when the
    /// server advertises `SASL-IR` (RFC 4959 section 3; RFC 4422 section
    /// 5). `None`: the mechanism has none, or it was already taken; the
    /// session then waits for the first challenge. `Some(vec![])` is an
    /// empty initial response, sent as `=`.
    ///
    /// Calling it counts as sending it: the authenticator then expects the
    /// next challenge to be the server's answer, not a prompt.
    fn initial_response(&mut self) -> Option<Vec<u8>> {
        None
    }

    /// Answers one server challenge, already base64-decoded
    /// (RFC 3501 section 6.2.2, RFC 4422 section 3.4): the response to
    /// send, [`Response::Cancel`] to abort the exchange, or an error (the
    /// session then aborts with `*`).
    fn respond(&mut self, challenge: &[u8]) -> Result<Response, AuthError>;
}

impl<A: Authenticator + ?Sized> Authenticator for &mut A {
    fn mechanism(&self) -> &str {
        (**self).mechanism()
    }

    fn initial_response(&mut self) -> Option<Vec<u8>> {
        (**self).initial_response()
    }

    fn respond(&mut self, challenge: &[u8]) -> Result<Response, AuthError> {
        (**self).respond(challenge)
    }
}

impl<A: Authenticator + ?Sized> Authenticator for Box<A> {
    fn mechanism(&self) -> &str {
        (**self).mechanism()
    }

    fn initial_response(&mut self) -> Option<Vec<u8>> {
        (**self).initial_response()
    }

    fn respond(&mut self, challenge: &[u8]) -> Result<Response, AuthError> {
        (**self).respond(challenge)
    }
}
