//! Where a client-first mechanism (PLAIN, XOAUTH2, OAUTHBEARER) stands.

use super::AuthError;

/// The steps of a client-first exchange (RFC 4422 section 5): the client
/// message goes first (as the initial response or as the answer to the
/// server's empty prompt), then at most `extra` challenges are answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stage {
    /// The client message has not been produced yet.
    Start,
    /// The client message was produced; `answered` later challenges were
    /// answered since.
    Sent { answered: u8 },
}

impl Stage {
    /// Takes the initial response step: true if the message is due now.
    pub(crate) fn take_initial(&mut self) -> bool {
        let due = *self == Stage::Start;
        if due {
            *self = Stage::Sent { answered: 0 };
        }
        due
    }

    /// Takes a challenge: `Ok(true)` if the client message answers it (the
    /// first prompt), `Ok(false)` if it is one of the `extra` later
    /// challenges, [`AuthError::TooManyRounds`] past those.
    pub(crate) fn take_challenge(&mut self, extra: u8) -> Result<bool, AuthError> {
        match *self {
            Stage::Start => {
                *self = Stage::Sent { answered: 0 };
                Ok(true)
            }
            Stage::Sent { answered } if answered < extra => {
                *self = Stage::Sent { answered: answered + 1 };
                Ok(false)
            }
            Stage::Sent { .. } => Err(AuthError::TooManyRounds),
        }
    }
}
