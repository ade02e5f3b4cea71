//! Small queries and queue accessors the drivers need beyond the core's
//! command path: whether a response is half read, and events by position
//! or by a predicate (IDLE iteration, imaplib's `response(code)`).

use super::Protocol;
use crate::session::Event;

impl Protocol {
    /// True when bytes of a response not yet complete are buffered (a
    /// line split across packets, a literal still arriving).
    pub fn has_partial_input(&self) -> bool {
        !self.input.is_empty()
    }

    /// How many unsolicited events are queued.
    pub fn queued_events(&self) -> usize {
        self.events.len()
    }

    /// How many events the queue dropped since the last
    /// [`Event::Lost`] was taken (see [`poll_event`](Self::poll_event)).
    pub fn lost_events(&self) -> u64 {
        self.lost
    }

    /// Removes and returns the queued event at `index` (0 is the oldest),
    /// leaving the others in order.
    pub fn take_event_at(&mut self, index: usize) -> Option<Event> {
        self.events.remove(index)
    }

    /// Removes and returns the queued events `select` picks, in arrival
    /// order; the others stay queued in order.
    pub fn take_events_where(&mut self, mut select: impl FnMut(&Event) -> bool) -> Vec<Event> {
        let (taken, kept): (Vec<Event>, Vec<Event>) =
            std::mem::take(&mut self.events).into_iter().partition(&mut select);
        self.events = kept.into();
        taken
    }
}
