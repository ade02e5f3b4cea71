//! What the protocol core reports through `tracing` (imaplib's `debug`
//! levels): each command line sent at DEBUG, each response received at
//! TRACE. Credentials never appear: LOGIN's and AUTHENTICATE's arguments
//! and every SASL answer are shown as `<redacted>`, and literals only by
//! their size (conformance item 112).

use crate::wire::encode::Fragment;

/// Logs a command's fragments; `redact` hides everything after the
/// command name.
pub(super) fn command_sent(tag: &str, name: &str, fragments: &[Fragment], redact: bool) {
    if !tracing::enabled!(tracing::Level::DEBUG) {
        return;
    }
    if redact {
        tracing::debug!(target: "typed_imap::wire", "C: {tag} {name} <redacted>");
        return;
    }
    for fragment in fragments {
        match fragment {
            Fragment::Line(line) => tracing::debug!(target: "typed_imap::wire", "C: {}", show(line)),
            Fragment::Literal { data, .. } => {
                tracing::debug!(target: "typed_imap::wire", "C: <literal of {} bytes>", data.len());
            }
        }
    }
}

/// Logs an answer to a SASL challenge, redacted.
pub(super) fn sasl_answer_sent() {
    tracing::debug!(target: "typed_imap::wire", "C: <redacted SASL response>");
}

/// Logs a response's name and size.
pub(super) fn response_received(name: &str, len: usize) {
    tracing::trace!(target: "typed_imap::wire", "S: {name} ({len} bytes)");
}

/// At most 200 bytes, escaped, without the line end.
fn show(line: &[u8]) -> String {
    let line = line.strip_suffix(b"\r\n").unwrap_or(line);
    let shown = &line[..line.len().min(200)];
    let more = if line.len() > shown.len() { "..." } else { "" };
    format!("{}{more}", shown.escape_ascii())
}
