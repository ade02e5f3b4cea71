//! [`from_fn`]: an [`Authenticator`] from a closure (imaplib's
//! `authenticate(mechanism, authobject)`).

use std::fmt;

use super::{AuthError, Authenticator, Response, Secret, validate_mechanism};
use crate::types::ValidationError;

/// An [`Authenticator`] for any mechanism, from a closure that answers each
/// challenge (RFC 4422 section 3.4); made by [`from_fn`].
///
/// `Debug` shows the mechanism only, never the initial response.
pub struct FnAuthenticator<F> {
    mechanism: String,
    initial: Option<Secret<Vec<u8>>>,
    respond: F,
}

/// An [`Authenticator`] named `mechanism` whose closure answers each
/// decoded challenge, as imaplib's `authobject` does.
///
/// The closure returns a [`Response`] (text and bytes convert with
/// `.into()`; text is sent as UTF-8), [`Response::Cancel`] to abort, or an
/// [`AuthError`] (e.g. [`AuthError::failed`]) to abort and report. The
/// mechanism name is checked with [`validate_mechanism`].
///
/// ```
/// use typed_imap::auth::{from_fn, Authenticator, Response};
///
/// // conformance item 51: `S: +` gives b"", the answer b"fake" goes as `ZmFrZQ==`.
/// let mut fake = from_fn("FAKE", |challenge: &[u8]| {
///     assert!(challenge.is_empty());
///     Ok(Response::from("fake"))
/// })
/// .unwrap();
/// assert_eq!(fake.mechanism(), "FAKE");
/// assert_eq!(fake.respond(b"").unwrap().to_line(), "ZmFrZQ==");
/// ```
pub fn from_fn<F>(mechanism: impl Into<String>, respond: F) -> Result<FnAuthenticator<F>, ValidationError>
where
    F: FnMut(&[u8]) -> Result<Response, AuthError>,
{
    let mechanism = mechanism.into();
    validate_mechanism(&mechanism)?;
    Ok(FnAuthenticator { mechanism, initial: None, respond })
}

impl<F> FnAuthenticator<F> {
    /// Gives the mechanism an initial response, sent on the AUTHENTICATE
    /// line when the server advertises `SASL-IR` (RFC 4959 section 3); an
    /// empty one is sent as `=`. Kept as a [`Secret`] until taken.
    pub fn with_initial_response(mut self, initial: impl Into<Vec<u8>>) -> Self {
        self.initial = Some(Secret::new(initial.into()));
        self
    }
}

impl<F> Authenticator for FnAuthenticator<F>
where
    F: FnMut(&[u8]) -> Result<Response, AuthError>,
{
    /// The name given to [`from_fn`].
    fn mechanism(&self) -> &str {
        &self.mechanism
    }

    /// The response given to [`with_initial_response`](FnAuthenticator::with_initial_response),
    /// the first time only.
    fn initial_response(&mut self) -> Option<Vec<u8>> {
        self.initial.take().map(|initial| initial.expose().clone())
    }

    /// Calls the closure.
    fn respond(&mut self, challenge: &[u8]) -> Result<Response, AuthError> {
        (self.respond)(challenge)
    }
}

impl<F> fmt::Debug for FnAuthenticator<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FnAuthenticator").field("mechanism", &self.mechanism).finish_non_exhaustive()
    }
}
