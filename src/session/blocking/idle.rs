//! IDLE over the blocking driver (RFC 2177, RFC 9051 section 6.3.13):
//! imaplib's `idle()` context manager and its iterator, as a handle.
//!
//! ```text
//! C: A1 IDLE
//! S: * 0 EXISTS          (before the +: still one of the IDLE's events)
//! S: + idling
//! S: * 2 EXISTS          -> wait() gives Event EXISTS 2
//! C: DONE                <- done(), or the handle dropped
//! S: * 9 RECENT          (stays queued for response("RECENT"))
//! S: A1 OK IDLE terminated
//! ```
//!
//! The events queued before IDLE started are not the IDLE's: `wait` leaves
//! them for [`Session::response`] and [`Session::events`], as imaplib
//! leaves them in `untagged_responses`. So does the handle with the events
//! nobody waited for, and with those that arrive after DONE
//! (conformance item 105).

use std::time::{Duration, Instant};

use super::Session;
use crate::Error;
use crate::session::Event;
use crate::session::shared::{IdleCursor, IdleStep, later};

/// A running IDLE, borrowed from its [`Session`] so that no other command
/// can be sent meanwhile (conformance item 43). Made by
/// [`Session::idle`].
///
/// Dropping the handle ends the IDLE as [`done`](Self::done) does, best
/// effort, ignoring errors.
#[must_use = "an IDLE runs until done() or drop"]
pub struct IdleHandle<'s> {
    session: &'s mut Session,
    /// Which events are the IDLE's, when the keep-alive is due.
    cursor: IdleCursor,
    open: bool,
}

impl Session {
    /// imaplib `idle`: sends IDLE (RFC 2177) and waits for the server's
    /// `+`. Refused with [`Error::Unsupported`], with nothing sent, when
    /// the server lacks the IDLE capability (conformance item 101); a NO
    /// is [`Error::No`] and a tagged OK before any `+` is
    /// [`Error::Aborted`] (item 102, vector V9).
    pub fn idle(&mut self) -> Result<IdleHandle<'_>, Error> {
        if self.capabilities().is_none() {
            self.refresh_capabilities()?;
        }
        let cursor = IdleCursor::new(&self.protocol, Instant::now());
        self.enter_idle()?;
        Ok(IdleHandle { session: self, cursor, open: true })
    }

    /// IDLE up to the server's `+`.
    fn enter_idle(&mut self) -> Result<(), Error> {
        self.protocol.idle_start()?;
        loop {
            let ended = self.protocol.poll_idle();
            self.close_if_over();
            if ended?.is_some() {
                return Err(Error::Aborted("the server ended IDLE before it started".into()));
            }
            self.flush()?;
            if self.protocol.is_idling() {
                return Ok(());
            }
            self.fill()?;
        }
    }

    /// DONE, then the events up to the tagged OK.
    fn leave_idle(&mut self) -> Result<(), Error> {
        self.protocol.idle_done()?;
        loop {
            let ended = self.protocol.poll_idle();
            self.close_if_over();
            let ended = ended?;
            self.flush()?;
            if ended.is_some() {
                return Ok(());
            }
            self.fill()?;
        }
    }

    /// One read of at most `timeout` while idling, and what it brought.
    fn idle_read(&mut self, timeout: Duration) -> Result<(), Error> {
        self.fill_within(timeout)?;
        let ended = self.protocol.poll_idle();
        self.close_if_over();
        if ended?.is_some() {
            return Err(Error::Aborted("the server ended IDLE on its own".into()));
        }
        self.flush()
    }
}

impl IdleHandle<'_> {
    /// The next event of this IDLE: one already received (conformance
    /// item 106), or the next to arrive within `timeout`; `None` when
    /// `timeout` passed with nothing. A timeout does not break the
    /// connection, and part of a response received so far is kept for
    /// the next call (item 104, vector V13).
    ///
    /// Once the keep-alive interval has passed since the IDLE started
    /// (29 minutes by default, see
    /// [`Builder::idle_keepalive`](super::Builder::idle_keepalive)), the
    /// IDLE is re-issued, DONE then IDLE, before waiting on (item 107).
    pub fn wait(&mut self, timeout: Duration) -> Result<Option<Event>, Error> {
        let deadline = later(Instant::now(), timeout);
        loop {
            let keepalive = self.session.idle_keepalive;
            match self.cursor.step(&mut self.session.protocol, Instant::now(), deadline, keepalive) {
                IdleStep::Event(event) => return Ok(Some(event)),
                IdleStep::TimedOut => return Ok(None),
                IdleStep::Renew => self.renew()?,
                IdleStep::Read(within) => self.read(within)?,
            }
        }
    }

    /// imaplib `Idler.burst(interval)`: the events that come without a
    /// pause longer than `interval`; those already received are returned
    /// without waiting (conformance item 106).
    pub fn burst(&mut self, interval: Duration) -> Result<Vec<Event>, Error> {
        let mut events = Vec::new();
        while let Some(event) = self.wait(interval)? {
            events.push(event);
        }
        Ok(events)
    }

    /// Ends the IDLE: sends exactly `DONE` CRLF and reads up to the tagged
    /// OK (conformance item 105). Events that arrive meanwhile, and those
    /// not waited for, stay queued on the session.
    pub fn done(mut self) -> Result<(), Error> {
        self.finish()
    }

    fn finish(&mut self) -> Result<(), Error> {
        if !std::mem::replace(&mut self.open, false) {
            return Ok(());
        }
        self.session.leave_idle()
    }

    /// The keep-alive: DONE, then IDLE again.
    fn renew(&mut self) -> Result<(), Error> {
        self.open = false;
        self.session.leave_idle()?;
        self.session.enter_idle()?;
        self.open = true;
        self.cursor.renewed(&self.session.protocol, Instant::now());
        Ok(())
    }

    fn read(&mut self, timeout: Duration) -> Result<(), Error> {
        let result = self.session.idle_read(timeout);
        if result.is_err() {
            self.open = false;
        }
        result
    }
}

impl Drop for IdleHandle<'_> {
    /// Ends the IDLE, best effort.
    fn drop(&mut self) {
        let _ = self.finish();
    }
}

impl std::fmt::Debug for IdleHandle<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IdleHandle").field("open", &self.open).finish_non_exhaustive()
    }
}
