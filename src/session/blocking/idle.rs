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

/// A running IDLE, borrowed from its [`Session`] so that no other command
/// can be sent meanwhile (conformance item 43). Made by
/// [`Session::idle`].
///
/// Dropping the handle ends the IDLE as [`done`](Self::done) does, best
/// effort, ignoring errors.
#[must_use = "an IDLE runs until done() or drop"]
pub struct IdleHandle<'s> {
    session: &'s mut Session,
    /// When the current IDLE command started (for the keep-alive).
    started: Instant,
    /// The events queued before IDLE, left where they are.
    skip: usize,
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
        let skip = self.protocol.queued_events();
        let lost = self.protocol.lost_events();
        self.enter_idle()?;
        let mut handle = IdleHandle { session: self, started: Instant::now(), skip, open: true };
        handle.forget_dropped(lost);
        Ok(handle)
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
            if let Some(event) = self.session.protocol.take_event_at(self.skip) {
                return Ok(Some(event));
            }
            let now = Instant::now();
            let renew_at = later(self.started, self.session.idle_keepalive);
            if now >= renew_at {
                self.renew()?;
                continue;
            }
            if now >= deadline {
                return Ok(None);
            }
            self.read(deadline.min(renew_at) - now)?;
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
        let lost = self.session.protocol.lost_events();
        let result = self.session.leave_idle().and_then(|()| self.session.enter_idle());
        self.forget_dropped(lost);
        result?;
        self.open = true;
        self.started = Instant::now();
        Ok(())
    }

    fn read(&mut self, timeout: Duration) -> Result<(), Error> {
        let lost = self.session.protocol.lost_events();
        let result = self.session.idle_read(timeout);
        if result.is_err() {
            self.open = false;
        }
        self.forget_dropped(lost);
        result
    }

    /// When the full queue dropped its oldest events since the count was
    /// `lost`, those from before IDLE went first: fewer are left to skip.
    fn forget_dropped(&mut self, lost: u64) {
        let dropped = self.session.protocol.lost_events().saturating_sub(lost);
        self.skip = self.skip.saturating_sub(usize::try_from(dropped).unwrap_or(usize::MAX));
    }
}

/// `start + wait`, or about a century later when that overflows (a
/// timeout of `Duration::MAX` means no timeout).
fn later(start: Instant, wait: Duration) -> Instant {
    const CENTURY: Duration = Duration::from_secs(100 * 365 * 24 * 3600);
    start.checked_add(wait).or_else(|| start.checked_add(CENTURY)).unwrap_or(start)
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
