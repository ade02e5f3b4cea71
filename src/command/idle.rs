//! IDLE (RFC 2177, RFC 9051 section 6.3.13).

/// IDLE: the client waits for the server's updates without polling.
///
/// This is the command line only. The session sends `IDLE`, waits for the
/// `+` continuation, hands every response that arrives meanwhile to the
/// unsolicited events, and ends the wait by sending `DONE`; the tagged OK
/// that follows completes the command. No other command can be sent
/// while IDLE runs (conformance item 43). Needs the `IDLE` capability
/// (conformance item 101).
///
/// ```
/// use typed_imap::command::{Command, Idle, State};
///
/// assert_eq!(Idle.name(), "IDLE");
/// assert_eq!(Idle.capabilities(), ["IDLE"]);
/// assert!(Idle.states().contains(State::Selected));
/// assert!(!Idle.states().contains(State::NotAuthenticated));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, crate::Command)]
#[imap(command = "IDLE", state = "authenticated", capability = "IDLE")]
pub struct Idle;
