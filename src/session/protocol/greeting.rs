//! The greeting (RFC 3501 section 7.1, RFC 9051 section 7.1.1): the
//! server's first response says whether the client must log in, is
//! already logged in (PREAUTH), or is turned away (BYE).

use super::Protocol;
use crate::Error;
use crate::command::State;
use crate::types::{Code, Response, Status, StatusKind};

impl Protocol {
    /// Reads the greeting (RFC 3501 section 7.1): `Ok(true)` once it
    /// arrived, `Ok(false)` while more bytes are needed.
    ///
    /// OK leaves the state not authenticated, PREAUTH makes it
    /// authenticated, BYE is an error. A `[CAPABILITY ...]` code is kept.
    pub fn poll_greeting(&mut self) -> Result<bool, Error> {
        if self.greeted {
            return Ok(true);
        }
        let Some(response) = self.next_response()? else {
            return match self.eof {
                true => Err(Error::Aborted("connection closed before the greeting was complete".into())),
                false => Ok(false),
            };
        };
        self.greeted = true;
        match response {
            Response::Status(status) if status.tag.is_none() => self.take_greeting(status),
            other => {
                self.mark_broken("the server's first response is not a greeting");
                Err(Error::Aborted(format!("expected a greeting, got {:?}", other.name())))
            }
        }
    }

    fn take_greeting(&mut self, status: Status<'static>) -> Result<bool, Error> {
        if let Some(Code::Capability(caps)) = &status.code {
            self.capabilities = Some(caps.clone());
        }
        match status.kind {
            StatusKind::Ok => Ok(true),
            StatusKind::PreAuth => {
                self.state = State::Authenticated;
                Ok(true)
            }
            StatusKind::Bye => {
                self.mark_broken("the server said BYE in its greeting");
                Err(Error::Bye(status.text.to_string()))
            }
            _ => {
                self.mark_broken("the greeting is neither OK, PREAUTH nor BYE");
                Err(Error::Aborted(format!("unexpected greeting {}", status.kind.as_str())))
            }
        }
    }
}
