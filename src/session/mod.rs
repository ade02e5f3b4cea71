//! Sessions: the sans-I/O protocol core and the drivers that move its
//! bytes.
//!
//! [`Protocol`] holds every protocol decision (tags, states, literals and
//! continuations, the capability cache, the selected mailbox's state, the
//! queue of unsolicited responses) and does no I/O; drivers feed it bytes.

pub mod blocking;
pub mod builder;
mod config;
mod event;
mod mailbox;
pub mod pipeline;
mod protocol;
mod shared;
mod tag;
#[cfg(feature = "tokio")]
pub mod tokio;
mod transition;

pub use config::Config;
pub use event::Event;
pub use mailbox::MailboxState;
pub use protocol::{Collector, Protocol};
pub use tag::{TagGenerator, int_to_ap};
