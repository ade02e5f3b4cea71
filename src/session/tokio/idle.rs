//! IDLE over the tokio driver (RFC 2177, RFC 9051 section 6.3.13), as
//! the blocking driver's handle: [`IdleHandle::wait`] for the next event,
//! [`IdleHandle::done`] to end it, the keep-alive re-IDLE in between.
//! Which events are the IDLE's and when to re-issue it is the shared
//! [`IdleCursor`]'s decision; this file only does the I/O.
//!
//! `wait` is cancel-safe while it waits for the server (see the module
//! documentation of [`tokio`](super)): it may race other futures in
//! `tokio::select!`.

use std::time::{Duration, Instant};

use tokio::io::{AsyncRead, AsyncWrite};

use super::Session;
use super::io::InFlight;
use crate::Error;
use crate::session::Event;
use crate::session::shared::{IdleCursor, IdleStep, later};

/// A running IDLE, borrowed from its [`Session`] so that no other command
/// can be sent meanwhile. Made by [`Session::idle`].
///
/// Dropping the handle with the IDLE on queues DONE (`Drop` cannot
/// await): the session sends it and reads the IDLE's tagged OK before its
/// next command.
#[must_use = "an IDLE runs until done() or drop"]
pub struct IdleHandle<'s, S> {
    session: &'s mut Session<S>,
    cursor: IdleCursor,
    open: bool,
}

/// The tokio clock (paused in tests) as an `Instant` for the cursor.
fn now() -> Instant {
    tokio::time::Instant::now().into_std()
}

impl<S: AsyncRead + AsyncWrite + Unpin + Send> Session<S> {
    /// imaplib `idle`: sends IDLE (RFC 2177) and waits for the server's
    /// `+`. Refused with [`Error::Unsupported`], with nothing sent, when
    /// the server lacks the IDLE capability; a NO is [`Error::No`] and a
    /// tagged OK before any `+` is [`Error::Aborted`].
    pub async fn idle(&mut self) -> Result<IdleHandle<'_, S>, Error> {
        if self.capabilities().is_none() {
            self.refresh_capabilities().await?;
        }
        let cursor = IdleCursor::new(&self.protocol, now());
        self.enter_idle().await?;
        Ok(IdleHandle { session: self, cursor, open: true })
    }

    /// IDLE up to the server's `+`.
    async fn enter_idle(&mut self) -> Result<(), Error> {
        let guard = InFlight::arm(self);
        let result = guard.session.enter_idle_unguarded().await;
        guard.disarm();
        result
    }

    async fn enter_idle_unguarded(&mut self) -> Result<(), Error> {
        self.settle().await?;
        self.protocol.idle_start()?;
        loop {
            let ended = self.protocol.poll_idle();
            self.close_if_over().await;
            if ended?.is_some() {
                return Err(Error::Aborted("the server ended IDLE before it started".into()));
            }
            self.flush().await?;
            if self.protocol.is_idling() {
                return Ok(());
            }
            self.fill().await?;
        }
    }

    /// DONE, then the events up to the tagged OK.
    async fn leave_idle(&mut self) -> Result<(), Error> {
        let guard = InFlight::arm(self);
        let result = match guard.session.protocol.idle_done() {
            Ok(()) => guard.session.finish_idle().await,
            Err(e) => Err(e),
        };
        guard.disarm();
        result
    }

    /// After DONE was queued: send it and read up to the tagged OK.
    async fn finish_idle(&mut self) -> Result<(), Error> {
        loop {
            let ended = self.protocol.poll_idle();
            self.close_if_over().await;
            let ended = ended?;
            self.flush().await?;
            if ended.is_some() {
                return Ok(());
            }
            self.fill().await?;
        }
    }

    /// Ends an IDLE whose handle was dropped, before anything else is
    /// sent.
    pub(super) async fn settle(&mut self) -> Result<(), Error> {
        match std::mem::take(&mut self.leaving_idle) {
            true => self.finish_idle().await,
            false => Ok(()),
        }
    }

    /// One read of at most `timeout` while idling, and what it brought.
    /// Only the write of what the protocol queued meanwhile is guarded:
    /// the read loses nothing when dropped.
    async fn idle_read(&mut self, timeout: Duration) -> Result<(), Error> {
        self.fill_within(timeout).await?;
        let ended = self.protocol.poll_idle();
        self.close_if_over().await;
        if ended?.is_some() {
            return Err(Error::Aborted("the server ended IDLE on its own".into()));
        }
        let guard = InFlight::arm(self);
        let result = guard.session.flush().await;
        guard.disarm();
        result
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin + Send> IdleHandle<'_, S> {
    /// The next event of this IDLE: one already received, or the next to
    /// arrive within `timeout`; `None` when `timeout` passed with nothing.
    /// A timeout does not break the connection, and part of a response
    /// received so far is kept for the next call.
    ///
    /// Once the keep-alive interval has passed since the IDLE started
    /// (29 minutes by default, see
    /// [`Builder::idle_keepalive`](super::Builder::idle_keepalive)), the
    /// IDLE is re-issued, DONE then IDLE, before waiting on (RFC 2177
    /// section 3).
    pub async fn wait(&mut self, timeout: Duration) -> Result<Option<Event>, Error> {
        let deadline = later(now(), timeout);
        loop {
            let keepalive = self.session.idle_keepalive;
            match self.cursor.step(&mut self.session.protocol, now(), deadline, keepalive) {
                IdleStep::Event(event) => return Ok(Some(event)),
                IdleStep::TimedOut => return Ok(None),
                IdleStep::Renew => self.renew().await?,
                IdleStep::Read(within) => self.read(within).await?,
            }
        }
    }

    /// imaplib `Idler.burst(interval)`: the events that come without a
    /// pause longer than `interval`; those already received are returned
    /// without waiting.
    pub async fn burst(&mut self, interval: Duration) -> Result<Vec<Event>, Error> {
        let mut events = Vec::new();
        while let Some(event) = self.wait(interval).await? {
            events.push(event);
        }
        Ok(events)
    }

    /// Ends the IDLE: sends exactly `DONE` CRLF and reads up to the tagged
    /// OK. Events that arrive meanwhile, and those not waited for, stay
    /// queued on the session.
    pub async fn done(mut self) -> Result<(), Error> {
        match std::mem::replace(&mut self.open, false) {
            true => self.session.leave_idle().await,
            false => Ok(()),
        }
    }

    /// The keep-alive: DONE, then IDLE again.
    async fn renew(&mut self) -> Result<(), Error> {
        self.open = false;
        self.session.leave_idle().await?;
        self.session.enter_idle().await?;
        self.open = true;
        self.cursor.renewed(&self.session.protocol, now());
        Ok(())
    }

    async fn read(&mut self, timeout: Duration) -> Result<(), Error> {
        let result = self.session.idle_read(timeout).await;
        if result.is_err() {
            self.open = false;
        }
        result
    }
}

impl<S> Drop for IdleHandle<'_, S> {
    /// Queues DONE; the session finishes the IDLE before its next command.
    fn drop(&mut self) {
        if std::mem::replace(&mut self.open, false) && self.session.protocol.idle_done().is_ok() {
            self.session.leaving_idle = true;
        }
    }
}

impl<S> std::fmt::Debug for IdleHandle<'_, S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IdleHandle").field("open", &self.open).finish_non_exhaustive()
    }
}
