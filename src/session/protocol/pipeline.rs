//! Several commands in flight at once (RFC 9051 section 5.5): sent
//! without waiting, answered in any order, each result taken in order.
//!
//! A pipeline refuses, before anything is sent, what the RFC calls
//! ambiguous: a command that uses message sequence numbers after any
//! command other than FETCH, STORE or SEARCH (which hold EXPUNGEs back), so
//! `FETCH + STORE + SEARCH + NOOP` and `STORE + COPY + EXPUNGE` go, while
//! `FETCH + NOOP + STORE`, `STORE + COPY + FETCH` and `COPY + COPY` are
//! refused. Commands that change the connection state (LOGIN, SELECT,
//! LOGOUT, ...) and those that answer continuations (AUTHENTICATE, IDLE)
//! run alone.

use super::transition::{self, Kind};
use super::{Collector, Mode, Protocol};
use crate::Error;
use crate::command::Command;
use crate::types::ValidationError;

impl Protocol {
    /// Queues `cmd`, the pipeline's command number `slot`, behind the
    /// commands in flight. Its literals wait for the commands before it.
    pub fn send_pipelined<C: Command + ?Sized>(&mut self, cmd: &C, slot: usize) -> Result<(), Error> {
        if Kind::of(cmd.name()) != Kind::Other {
            return Err(refused("it changes the connection state; run it alone"));
        }
        if self.in_flight.iter().any(|f| !matches!(f.mode, Mode::Literals)) {
            return Err(refused("AUTHENTICATE or IDLE is running"));
        }
        let numbered = transition::uses_sequence_numbers(cmd.name(), cmd.is_uid());
        if numbered && self.in_flight.iter().any(|f| !f.holds_expunges) {
            return Err(refused(
                "it uses message sequence numbers, which a command before it may change \
                 (RFC 9051 section 5.5); run it after that command's result",
            ));
        }
        self.queue(cmd, Mode::Literals, slot)
    }

    /// Reads input until the oldest command in flight, `cmd`, has its
    /// result; `collector` knows every pipelined command, so each untagged
    /// response goes to the oldest unanswered command that collects it.
    pub fn poll_pipelined<C: Command + ?Sized>(
        &mut self,
        cmd: &C,
        collector: &dyn Collector,
    ) -> Result<Option<C::Output>, Error> {
        self.poll_front(cmd, collector)
    }

    /// How many commands are in flight.
    pub fn in_flight(&self) -> usize {
        self.in_flight.len()
    }
}

/// The command being added is refused; the caller knows which it is.
fn refused(why: &'static str) -> Error {
    Error::InvalidArgument(ValidationError::other("pipelined command", why))
}
