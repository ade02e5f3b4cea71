//! Several commands sent before any answer is read (RFC 9051 section
//! 5.5) on a tokio session, as the blocking driver's
//! [`Pipeline`](crate::session::blocking::Pipeline): the same checks when a
//! command is added, one write for all, each result taken back typed with
//! its [`Ticket`].
//!
//! ```no_run
//! use typed_imap::command::{Fetch, Search};
//! use typed_imap::session::tokio::{Connection, Session};
//! use typed_imap::types::{FetchAttr, SearchKey};
//!
//! # async fn f(session: &mut Session<Connection>) -> Result<(), Box<dyn std::error::Error>> {
//! let mut pipeline = session.pipeline().await?;
//! let flags = pipeline.add(Fetch::new("1:10".parse()?, vec![FetchAttr::Flags]))?;
//! let unseen = pipeline.add(Search::new(SearchKey::Unseen))?;
//! let mut results = pipeline.run().await; // one write, then the answers
//! println!("{} messages", results.take(flags)?.messages.len());
//! println!("unseen: {:?}", results.take(unseen)?.numbers);
//! # Ok(()) }
//! ```

use std::any::Any;

use tokio::io::{AsyncRead, AsyncWrite};

use super::Session;
use super::io::InFlight;
use crate::session::Collector;
use crate::session::pipeline::{All, PipelineResults, Pipelined, Ticket};
use crate::session::shared;
use crate::{Command, Error};

/// Commands queued to go out together; built by [`Session::pipeline`].
/// What [`add`](Self::add) refuses is what the blocking pipeline refuses.
/// Dropping [`run`](Self::run)'s future before it ends breaks the session,
/// as for any command.
#[must_use = "a pipeline sends nothing until run()"]
pub struct Pipeline<'s, S> {
    session: &'s mut Session<S>,
    commands: Vec<Box<dyn Pipelined>>,
}

impl<S: AsyncRead + AsyncWrite + Unpin + Send> Session<S> {
    /// Starts a pipeline: commands [`add`](Pipeline::add)ed to it go out
    /// together when it [`run`](Pipeline::run)s, without waiting for each
    /// other's answers (RFC 9051 section 5.5). An `async fn`, unlike the
    /// blocking one: an IDLE whose handle was dropped is ended first.
    pub async fn pipeline(&mut self) -> Result<Pipeline<'_, S>, Error> {
        let guard = InFlight::arm(self);
        let settled = guard.session.settle().await;
        guard.disarm();
        settled.map(|()| Pipeline { session: self, commands: Vec::new() })
    }

    /// Drives the connection until the oldest pipelined command, `cmd`,
    /// has its result.
    async fn drive_pipelined(
        &mut self,
        cmd: &dyn Pipelined,
        collector: &(dyn Collector + Sync),
    ) -> Result<Box<dyn Any + Send>, Error> {
        loop {
            let output = cmd.poll(&mut self.protocol, collector)?;
            self.flush().await?;
            if let Some(output) = output {
                return Ok(output);
            }
            self.fill().await?;
        }
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin + Send> Pipeline<'_, S> {
    /// Queues `cmd`; its result comes back through the ticket.
    pub fn add<C>(&mut self, cmd: C) -> Result<Ticket<C::Output>, Error>
    where
        C: Command + Send + Sync + 'static,
        C::Output: Send + 'static,
    {
        let session = &mut *self.session;
        shared::refuse_clear_text_credentials(cmd.name(), session.require_tls, session.encrypted)?;
        let slot = self.commands.len();
        session.protocol.send_pipelined(&cmd, slot)?;
        self.commands.push(Box::new(cmd));
        Ok(Ticket::new(slot))
    }

    /// Sends every queued command, then reads until each has its answer.
    /// Each command's outcome (its output, its NO or BAD, or the error of
    /// a connection that broke before its answer) is its own result.
    pub async fn run(self) -> PipelineResults {
        let Pipeline { session, commands } = self;
        let collector = All(&commands);
        let guard = InFlight::arm(session);
        let mut results = Vec::with_capacity(commands.len());
        for cmd in &commands {
            results.push(guard.session.drive_pipelined(cmd.as_ref(), &collector).await);
        }
        guard.disarm();
        session.close_if_over().await;
        PipelineResults::new(results)
    }
}

impl<S> std::fmt::Debug for Pipeline<'_, S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline").field("commands", &self.commands.len()).finish()
    }
}
