//! What a session may accept and how long it may wait.

use crate::wire::{FrameLimits, ParseOptions};

/// The limits and options of one session. `Default` gives safe values;
/// each `with_*` method changes one.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Config {
    /// Line, literal and response size limits (see [`FrameLimits`]).
    pub limits: FrameLimits,
    /// Parser options (nesting depth).
    pub parse: ParseOptions,
    /// The most unsolicited events kept before the oldest are dropped (and
    /// an [`Event::Lost`](super::Event::Lost) says how many). Default 100,000.
    pub max_events: usize,
    /// A fixed tag prefix instead of a random one (for transcripts).
    pub tag_prefix: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            limits: FrameLimits::default(),
            parse: ParseOptions::default(),
            max_events: 100_000,
            tag_prefix: None,
        }
    }
}

impl Config {
    /// This configuration with other size limits.
    pub fn with_limits(mut self, limits: FrameLimits) -> Self {
        self.limits = limits;
        self
    }

    /// This configuration with another bound on queued events.
    pub fn with_max_events(mut self, max_events: usize) -> Self {
        self.max_events = max_events;
        self
    }

    /// This configuration with a fixed tag prefix.
    pub fn with_tag_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.tag_prefix = Some(prefix.into());
        self
    }
}
