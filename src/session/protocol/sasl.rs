//! AUTHENTICATE (RFC 3501 section 6.2.2, RFC 4959 SASL-IR): the server's
//! `+` lines are challenges for an [`Authenticator`], whose answers go
//! back base64-encoded, one line each.
//!
//! ```text
//! C: A1 AUTHENTICATE PLAIN
//! S: +
//! C: AGFsaWNlAHNlY3JldA==
//! S: A1 OK [CAPABILITY IMAP4rev1 ...] Logged in
//! ```

use std::collections::VecDeque;

use super::{Mode, Protocol};
use crate::Error;
use crate::auth::{AuthError, Authenticator, decode_challenge, encode_initial_response, validate_mechanism};
use crate::command::{Command, States};
use crate::types::{ByteStr, Response, Status, ValidationError};
use crate::wire::encode::Encoder;

/// The challenges not yet answered, and what went wrong on our side.
#[derive(Debug, Default)]
pub(super) struct SaslState {
    pub(super) challenges: VecDeque<ByteStr<'static>>,
    mechanism: String,
    error: Option<AuthError>,
}

/// After the tagged answer: the authenticator's own failure comes first
/// (conformance item 59: the client sent `*`, read the answer, and reports
/// why it cancelled).
pub(super) fn check_end(state: &mut SaslState, _done: &Status<'static>) -> Result<(), Error> {
    match state.error.take() {
        Some(source) => Err(Error::Auth { mechanism: state.mechanism.clone(), source }),
        None => Ok(()),
    }
}

/// `AUTHENTICATE mechanism [initial-response]`.
#[derive(Debug, Default)]
struct AuthenticateCommand {
    mechanism: String,
    initial: Option<String>,
}

impl Command for AuthenticateCommand {
    type Output = ();

    fn name(&self) -> &str {
        "AUTHENTICATE"
    }

    fn states(&self) -> States {
        States::NOT_AUTHENTICATED
    }

    fn encode_args(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        enc.sp().atom(&self.mechanism)?;
        if let Some(initial) = &self.initial {
            enc.sp().raw(initial.as_bytes())?;
        }
        Ok(())
    }

    fn decode(&self, _: Vec<Response<'static>>, _: &Status<'static>) -> Result<(), Error> {
        Ok(())
    }
}

impl Protocol {
    /// Sends `AUTHENTICATE` for `auth`'s mechanism, with its initial
    /// response on the same line (an empty one as `=`) when the server has
    /// SASL-IR: advertised, or as part of IMAP4rev2 (RFC 9051 section
    /// 6.2.2). Then call [`poll_authenticate`](Self::poll_authenticate)
    /// as input arrives.
    pub fn authenticate_start<A: Authenticator + ?Sized>(&mut self, auth: &mut A) -> Result<(), Error> {
        let mechanism = auth.mechanism().to_owned();
        validate_mechanism(&mechanism)?;
        let initial = match self.supports("SASL-IR") {
            true => auth.initial_response().map(|r| encode_initial_response(&r)),
            false => None,
        };
        let state = SaslState { mechanism: mechanism.clone(), ..SaslState::default() };
        self.send_with_mode(&AuthenticateCommand { mechanism, initial }, Mode::Sasl(state))
    }

    /// Answers the server's challenges with `auth` and reads the outcome:
    /// `Ok(Some(()))` once authenticated, `Ok(None)` while more input is
    /// needed. A challenge that is not base64, or an authenticator error,
    /// cancels with `*` and is reported after the server's answer.
    pub fn poll_authenticate<A: Authenticator + ?Sized>(
        &mut self,
        auth: &mut A,
    ) -> Result<Option<()>, Error> {
        loop {
            if let Some(done) = self.poll_command(&AuthenticateCommand::default())? {
                return Ok(Some(done));
            }
            let Some(challenge) = self.next_challenge() else { return Ok(None) };
            let line = match decode_challenge(&challenge).and_then(|c| auth.respond(&c)) {
                Ok(response) => response.to_line(),
                Err(error) => {
                    self.sasl_failed(error);
                    "*".to_owned()
                }
            };
            super::trace::sasl_answer_sent();
            self.transmit.push_back(format!("{line}\r\n").into_bytes());
        }
    }

    fn next_challenge(&mut self) -> Option<ByteStr<'static>> {
        match &mut self.in_flight.front_mut()?.mode {
            Mode::Sasl(state) => state.challenges.pop_front(),
            _ => None,
        }
    }

    fn sasl_failed(&mut self, error: AuthError) {
        if let Some(Mode::Sasl(state)) = self.in_flight.front_mut().map(|f| &mut f.mode) {
            state.error.get_or_insert(error);
        }
    }
}
