//! IDLE (RFC 2177, RFC 9051 section 6.3.13): the server reports changes as
//! they happen until the client says `DONE`.
//!
//! ```text
//! C: A1 IDLE
//! S: + idling
//! S: * 4 EXISTS          (an event, like every response while idling)
//! C: DONE
//! S: A1 OK IDLE terminated
//! ```

use super::{Mode, Protocol};
use crate::Error;
use crate::command::{Command, States};
use crate::types::{Response, Status, StatusKind, ValidationError};
use crate::wire::encode::Encoder;

/// Where an IDLE stands.
#[derive(Debug, Default)]
pub(super) struct IdleState {
    /// The server answered `+`.
    idling: bool,
    /// The user asked to stop before the `+` came.
    done_requested: bool,
    /// `DONE` has been queued.
    done_sent: bool,
}

const DONE: &[u8] = b"DONE\r\n";

impl IdleState {
    /// `+`: idling now; `DONE` to send if the user already asked to stop.
    pub(super) fn on_continue(&mut self) -> Option<Vec<u8>> {
        self.idling = true;
        (self.done_requested && !self.done_sent).then(|| {
            self.done_sent = true;
            DONE.to_vec()
        })
    }

    /// A tagged OK before the `+` is not how IDLE starts (conformance item
    /// 102); NO and BAD are reported as usual by the caller.
    pub(super) fn check_end(&self, done: &Status<'static>) -> Result<(), Error> {
        match (self.idling, done.kind) {
            (false, StatusKind::Ok) => {
                Err(Error::Aborted("the server answered IDLE with OK before idling".into()))
            }
            _ => Ok(()),
        }
    }
}

/// `IDLE`, sent by [`Protocol::idle_start`]; it collects nothing, so every
/// response while idling is an event.
#[derive(Debug, Default)]
struct IdleCommand;

impl Command for IdleCommand {
    type Output = ();

    fn name(&self) -> &str {
        "IDLE"
    }

    fn states(&self) -> States {
        States::AUTHENTICATED
    }

    fn capabilities(&self) -> Vec<&'static str> {
        vec!["IDLE"]
    }

    fn encode_args(&self, _: &mut Encoder) -> Result<(), ValidationError> {
        Ok(())
    }

    fn decode(&self, _: Vec<Response<'static>>, _: &Status<'static>) -> Result<(), Error> {
        Ok(())
    }
}

impl Protocol {
    /// Sends `IDLE` (refused, with nothing sent, when the server lacks the
    /// IDLE capability: conformance item 101). Then call
    /// [`poll_idle`](Self::poll_idle) as input arrives and drain the
    /// events; [`idle_done`](Self::idle_done) ends it. No other command
    /// can be sent meanwhile (item 43).
    pub fn idle_start(&mut self) -> Result<(), Error> {
        self.send_with_mode(&IdleCommand, Mode::Idle(IdleState::default()))
    }

    /// True once the server has answered IDLE with `+`.
    pub fn is_idling(&self) -> bool {
        matches!(self.in_flight.front(), Some(f) if matches!(&f.mode, Mode::Idle(s) if s.idling && !s.done_sent))
    }

    /// Ends IDLE: queues exactly `DONE` CRLF (item 105), at once when the
    /// server is idling, else as soon as its `+` comes.
    pub fn idle_done(&mut self) -> Result<(), Error> {
        let Some(flight) = self.in_flight.front_mut() else {
            return Err(Error::Aborted("idle_done without IDLE".into()));
        };
        let Mode::Idle(state) = &mut flight.mode else {
            return Err(Error::Aborted("idle_done while another command runs".into()));
        };
        if state.done_sent {
            return Ok(());
        }
        state.done_requested = true;
        if state.idling {
            state.done_sent = true;
            self.transmit.push_back(DONE.to_vec());
        }
        Ok(())
    }

    /// Reads what arrived during IDLE: `Ok(Some(()))` once the tagged OK
    /// after `DONE` came, `Ok(None)` while idling. Every untagged response
    /// goes to [`poll_event`](Self::poll_event).
    pub fn poll_idle(&mut self) -> Result<Option<()>, Error> {
        self.poll_command(&IdleCommand)
    }
}
