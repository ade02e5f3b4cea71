//! imaplib's view of unsolicited data: `response(code)`, `recent()`, and
//! `PROTOCOL_VERSION` (conformance items 82 to 84).
//!
//! imaplib keeps untagged data in a dict of lists keyed by name; here the
//! same data is the session's queue of [`Event`]s, in arrival order, and
//! these methods take from it by name. The queue is bounded
//! ([`Config::max_events`](crate::session::Config)), unlike imaplib's dict
//! (item 92).

use super::Session;
use crate::Error;
use crate::command::Noop;
use crate::session::{Event, shared};

impl Session {
    /// imaplib `response(code)`: removes and returns the queued events
    /// named `code` (`EXISTS`, `FETCH`, `OK`, `BYE`, ...), or untagged
    /// statuses whose response code is `code` (`ALERT`, `UIDVALIDITY`,
    /// `PERMANENTFLAGS`, ...), in arrival order; the name is compared
    /// case-insensitively (conformance item 83). No I/O.
    pub fn response(&mut self, code: &str) -> Vec<Event> {
        shared::take_response(&mut self.protocol, code)
    }

    /// imaplib `recent`: the queued `RECENT` counts (RFC 3501 section
    /// 7.3.2), taken from the queue without I/O; when there are none,
    /// sends NOOP and returns those that arrived (conformance item 84).
    pub fn recent(&mut self) -> Result<Vec<u32>, Error> {
        let queued = shared::recent_counts(self.response("RECENT"));
        if !queued.is_empty() {
            return Ok(queued);
        }
        self.run(Noop)?;
        Ok(shared::recent_counts(self.response("RECENT")))
    }

    /// imaplib `PROTOCOL_VERSION`: the highest IMAP version the server
    /// advertised when the session connected, `IMAP4REV2`, `IMAP4REV1`
    /// or `IMAP4`.
    pub fn protocol_version(&self) -> &'static str {
        self.protocol_version
    }

    /// Drops every queued event: imaplib's `select()` starts afresh
    /// (conformance item 82).
    pub(super) fn clear_events(&mut self) {
        while self.protocol.poll_event().is_some() {}
    }
}
