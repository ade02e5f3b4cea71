//! What the server says that no command asked for.

use crate::types::{Data, Status};
use crate::wire::ParseError;

/// An unsolicited response, delivered in arrival order by
/// [`Protocol::poll_event`](super::Protocol::poll_event).
///
/// Untagged data that the running command does not collect (EXISTS,
/// EXPUNGE, FETCH flag changes, VANISHED), untagged status responses
/// (alerts, codes, BYE), and responses that could not be parsed all
/// arrive here; nothing the server sends is dropped silently.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Event {
    /// Untagged data.
    Data(Data<'static>),
    /// An untagged OK, NO, BAD or BYE.
    Status(Status<'static>),
    /// A response that does not follow the grammar; the session skipped
    /// it and went on with the next one.
    Malformed(ParseError),
    /// The queue was full (see [`Config::max_events`](super::Config));
    /// this many of the oldest events were dropped to make room.
    Lost(u64),
}

impl Event {
    /// The response's name as imaplib keys it (`EXISTS`, `FETCH`, `OK`,
    /// `BYE`, ...), for [`Session::response`]-style lookups.
    ///
    /// [`Session::response`]: crate::session
    pub fn name(&self) -> &str {
        match self {
            Event::Data(data) => data.name(),
            Event::Status(status) => status.kind.as_str(),
            Event::Malformed(_) => "MALFORMED",
            Event::Lost(_) => "LOST",
        }
    }
}
