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
use crate::session::Event;
use crate::types::{Data, Status};

impl Session {
    /// imaplib `response(code)`: removes and returns the queued events
    /// named `code` (`EXISTS`, `FETCH`, `OK`, `BYE`, ...), or untagged
    /// statuses whose response code is `code` (`ALERT`, `UIDVALIDITY`,
    /// `PERMANENTFLAGS`, ...), in arrival order; the name is compared
    /// case-insensitively (conformance item 83). No I/O.
    pub fn response(&mut self, code: &str) -> Vec<Event> {
        self.protocol
            .take_events_where(|event| event.name().eq_ignore_ascii_case(code) || has_code(event, code))
    }

    /// imaplib `recent`: the queued `RECENT` counts (RFC 3501 section
    /// 7.3.2), taken from the queue without I/O; when there are none,
    /// sends NOOP and returns those that arrived (conformance item 84).
    pub fn recent(&mut self) -> Result<Vec<u32>, Error> {
        let queued = recent_counts(self.response("RECENT"));
        if !queued.is_empty() {
            return Ok(queued);
        }
        self.run(Noop)?;
        Ok(recent_counts(self.response("RECENT")))
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

/// The highest version among `IMAP4rev2`, `IMAP4rev1`, `IMAP4` that the
/// capabilities of `session` name.
pub(super) fn highest_version(session: &Session) -> &'static str {
    ["IMAP4REV2", "IMAP4REV1", "IMAP4"].into_iter().find(|v| session.has_capability(v)).unwrap_or("IMAP4REV1")
}

fn has_code(event: &Event, name: &str) -> bool {
    let Event::Status(Status { code: Some(code), .. }) = event else { return false };
    let text = code.to_string();
    text.split(' ').next().is_some_and(|word| word.eq_ignore_ascii_case(name))
}

fn recent_counts(events: Vec<Event>) -> Vec<u32> {
    events
        .into_iter()
        .filter_map(|event| match event {
            Event::Data(Data::Recent(n)) => Some(n),
            _ => None,
        })
        .collect()
}
