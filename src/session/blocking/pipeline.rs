//! Several commands sent before any answer is read (RFC 9051 section
//! 5.5), each result taken back typed.
//!
//! ```no_run
//! use typed_imap::command::{Fetch, Search, Store};
//! use typed_imap::session::blocking::Session;
//! use typed_imap::types::{FetchAttr, Flag, SearchKey};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let mut session = Session::connect("localhost", 143)?;
//! let mut pipeline = session.pipeline();
//! let flags = pipeline.add(Fetch::new("1:10".parse()?, vec![FetchAttr::Flags]))?;
//! let seen = pipeline.add(Store::add("1:3".parse()?, vec![Flag::Seen])?)?;
//! let unseen = pipeline.add(Search::new(SearchKey::Unseen))?;
//! let mut results = pipeline.run(); // one write, then the answers
//! println!("{} messages", results.take(flags)?.messages.len());
//! results.take(seen)?;
//! println!("unseen: {:?}", results.take(unseen)?.numbers);
//! # Ok(()) }
//! ```

use std::any::Any;

use super::Session;
use crate::session::Collector;
use crate::session::pipeline::{All, PipelineResults, Pipelined, Ticket};
use crate::{Command, Error};

/// Commands queued to go out together; built by [`Session::pipeline`].
///
/// [`add`](Self::add) checks each command against the session's state and
/// capabilities and against the commands before it: a command using
/// message sequence numbers after anything but FETCH, STORE or SEARCH is
/// refused, as are commands that change the connection state (LOGIN,
/// SELECT, LOGOUT...) and AUTHENTICATE or IDLE, which run alone. A refused
/// command is not queued; those added before it still go out with
/// [`run`](Self::run).
#[must_use = "a pipeline sends nothing until run()"]
pub struct Pipeline<'s> {
    session: &'s mut Session,
    commands: Vec<Box<dyn Pipelined>>,
}

impl Session {
    /// Starts a pipeline: commands [`add`](Pipeline::add)ed to it go out
    /// together when it [`run`](Pipeline::run)s, without waiting for each
    /// other's answers (RFC 9051 section 5.5).
    pub fn pipeline(&mut self) -> Pipeline<'_> {
        Pipeline { session: self, commands: Vec::new() }
    }
}

impl Pipeline<'_> {
    /// Queues `cmd`; its result comes back through the ticket.
    pub fn add<C>(&mut self, cmd: C) -> Result<Ticket<C::Output>, Error>
    where
        C: Command + Send + Sync + 'static,
        C::Output: Send + 'static,
    {
        self.session.refuse_clear_text_credentials(cmd.name())?;
        let slot = self.commands.len();
        self.session.protocol.send_pipelined(&cmd, slot)?;
        self.commands.push(Box::new(cmd));
        Ok(Ticket::new(slot))
    }

    /// Sends every queued command, then reads until each has its answer.
    /// Each command's outcome (its output, its NO or BAD, or the error of a
    /// connection that broke before its answer) is its own result.
    pub fn run(self) -> PipelineResults {
        let Pipeline { session, commands } = self;
        let collector = All(&commands);
        let results = commands.iter().map(|cmd| session.drive_pipelined(cmd.as_ref(), &collector)).collect();
        session.close_if_over();
        PipelineResults::new(results)
    }
}

impl Session {
    /// Drives the connection until the oldest pipelined command, `cmd`, has
    /// its result.
    fn drive_pipelined(
        &mut self,
        cmd: &dyn Pipelined,
        collector: &dyn Collector,
    ) -> Result<Box<dyn Any + Send>, Error> {
        loop {
            let output = cmd.poll(&mut self.protocol, collector)?;
            self.flush()?;
            if let Some(output) = output {
                return Ok(output);
            }
            self.fill()?;
        }
    }
}

impl std::fmt::Debug for Pipeline<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline").field("commands", &self.commands.len()).finish()
    }
}
