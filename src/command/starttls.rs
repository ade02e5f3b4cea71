//! STARTTLS (RFC 3501 section 6.2.1, RFC 9051 section 6.2.1, RFC 2595
//! section 3.1).

/// STARTTLS: asks the server to start TLS negotiation on this
/// connection. Only before login, and only when the server advertises
/// `STARTTLS`. The session does the handshake after the tagged OK,
/// refuses any byte that arrived before it, and asks for the
/// capabilities again (conformance items 97 to 100).
///
/// ```
/// use typed_imap::command::{Command, StartTls, State};
///
/// assert_eq!(StartTls.name(), "STARTTLS");
/// assert_eq!(StartTls.capabilities(), ["STARTTLS"]);
/// assert!(!StartTls.states().contains(State::Authenticated));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, crate::Command)]
#[imap(command = "STARTTLS", state = "not_authenticated", capability = "STARTTLS")]
pub struct StartTls;
