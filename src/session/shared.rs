//! What the blocking and the tokio drivers share beyond [`Protocol`]: the
//! session's own policies (`require_tls`, the IMAP4 check after the
//! greeting), the commands that imaplib-style methods build from their
//! arguments, the IDLE event cursor and keep-alive clock, and the errors
//! both report. Each driver only moves bytes around these.

use std::time::{Duration, Instant};

use super::{Event, Protocol};
use crate::Error;
use crate::command::{
    Append, FetchCommand, Fetched, FetchedMessage, FlagsAction, LoggedOut, Search, State, Store,
};
use crate::types::{Data, Flag, InternalDate, SearchKey, SequenceSet, Status, StatusKind};

/// One step of `fetch_each`, the same in both drivers: the messages among
/// `part` (what the FETCH collected so far, `Protocol::take_collected`,
/// or its final output) go to `each`, in order; the vanished UIDs and the
/// unsolicited responses are kept in `rest`, the method's result.
pub(crate) fn hand_over(part: Fetched, rest: &mut Fetched, each: &mut dyn FnMut(FetchedMessage)) {
    let Fetched { messages, vanished, unsolicited } = part;
    messages.into_iter().for_each(each);
    rest.append(Fetched { messages: Vec::new(), vanished, unsolicited });
}

/// What a FETCH collected so far, sorted (`fetch_each`).
pub(crate) fn collected_part(cmd: &impl FetchCommand, protocol: &mut Protocol) -> Fetched {
    cmd.fetch().sort(protocol.take_collected())
}

/// A TLS failure: [`Error::Tls`].
pub(crate) fn tls_error(message: impl Into<String>) -> Error {
    Error::Tls(message.into())
}

/// A failed TLS handshake: [`Error::Tls`] when TLS itself refused (a
/// certificate that does not verify, a protocol alert), else the I/O
/// error (a timeout, a reset).
pub(crate) fn handshake_error(e: std::io::Error) -> Error {
    match e.get_ref().and_then(|inner| inner.downcast_ref::<rustls::Error>()) {
        Some(tls) => tls_error(format!("couldn't establish TLS: {tls}")),
        None => Error::Io(e),
    }
}

/// A refusal by the session's own security policy: [`Error::Insecure`].
pub(crate) fn policy_error(message: impl Into<String>) -> Error {
    Error::Insecure(message.into())
}

/// A STARTTLS answered NO or BAD is [`Error::Tls`] ("couldn't establish
/// TLS: ..."); other errors are returned as they are.
pub(crate) fn starttls_refused(e: Error) -> Error {
    match e {
        Error::No(_) | Error::Bad(_) => tls_error(format!("couldn't establish TLS: {e}")),
        e => e,
    }
}

/// `require_tls`: LOGIN and AUTHENTICATE are refused in the clear, before
/// anything is sent.
pub(crate) fn refuse_clear_text_credentials(
    name: &str,
    require_tls: bool,
    is_tls: bool,
) -> Result<(), Error> {
    let credentials = ["LOGIN", "AUTHENTICATE"].iter().any(|n| name.eq_ignore_ascii_case(n));
    match require_tls && credentials && !is_tls {
        true => Err(policy_error(format!("{name} refused: the connection is not encrypted (require_tls)"))),
        false => Ok(()),
    }
}

/// `require_tls`: a PREAUTH greeting on a connection without TLS is
/// refused.
pub(crate) fn refuse_clear_text_preauth(
    protocol: &Protocol,
    require_tls: bool,
    is_tls: bool,
) -> Result<(), Error> {
    match require_tls && !is_tls && protocol.state() == State::Authenticated {
        true => Err(policy_error("PREAUTH on a connection without TLS refused (require_tls)")),
        false => Ok(()),
    }
}

/// A server that names no IMAP4 version among its capabilities is refused
/// after the greeting, as imaplib does.
pub(crate) fn require_imap4(protocol: &Protocol) -> Result<(), Error> {
    match ["IMAP4rev1", "IMAP4", "IMAP4rev2"].iter().any(|v| protocol.has_capability(v)) {
        true => Ok(()),
        false => Err(Error::Aborted("server not IMAP4 compliant".into())),
    }
}

/// imaplib's `PROTOCOL_VERSION`: the highest of `IMAP4rev2`, `IMAP4rev1`,
/// `IMAP4` the capabilities name.
pub(crate) fn highest_version(protocol: &Protocol) -> &'static str {
    ["IMAP4REV2", "IMAP4REV1", "IMAP4"]
        .into_iter()
        .find(|v| protocol.has_capability(v))
        .unwrap_or("IMAP4REV1")
}

/// LOGOUT's answer as the status imaplib returns: BYE with its text, or
/// the tagged OK's text.
pub(crate) fn logged_out_status(out: LoggedOut) -> Status<'static> {
    let kind = match out.bye {
        true => StatusKind::Bye,
        false => StatusKind::Ok,
    };
    Status { tag: None, kind, code: None, text: out.text }
}

/// imaplib `response(code)`: removes the queued events named `code`, or
/// untagged statuses whose response code is `code`.
pub(crate) fn take_response(protocol: &mut Protocol, code: &str) -> Vec<Event> {
    protocol.take_events_where(|event| event.name().eq_ignore_ascii_case(code) || has_code(event, code))
}

fn has_code(event: &Event, name: &str) -> bool {
    let Event::Status(Status { code: Some(code), .. }) = event else { return false };
    let text = code.to_string();
    text.split(' ').next().is_some_and(|word| word.eq_ignore_ascii_case(name))
}

/// The counts of `RECENT` events.
pub(crate) fn recent_counts(events: Vec<Event>) -> Vec<u32> {
    events
        .into_iter()
        .filter_map(|event| match event {
            Event::Data(Data::Recent(n)) => Some(n),
            _ => None,
        })
        .collect()
}

/// imaplib `append`'s command: `None` is INBOX; no flags and no date are
/// left out.
pub(crate) fn append_command(
    mailbox: Option<&str>,
    flags: &[Flag<'static>],
    date: Option<InternalDate>,
    message: impl Into<Vec<u8>>,
) -> Result<Append, Error> {
    let mut append = Append::new(mailbox.unwrap_or("INBOX"), message)?;
    if !flags.is_empty() {
        append = append.flags(flags.iter().cloned())?;
    }
    if let Some(date) = date {
        append = append.date(date);
    }
    Ok(append)
}

/// imaplib `store`'s command: `action` is its `+FLAGS`, `-FLAGS.SILENT`, ...
pub(crate) fn store_command<'f>(
    set: SequenceSet,
    action: FlagsAction,
    flags: impl IntoIterator<Item = Flag<'f>>,
) -> Result<Store, Error> {
    let store = Store::with_mode(set, action.mode, flags)?;
    Ok(if action.silent { store.silent() } else { store })
}

/// imaplib `search`'s command, with `CHARSET` when given.
pub(crate) fn search_command(charset: Option<&str>, criteria: SearchKey<'static>) -> Result<Search, Error> {
    let search = Search::new(criteria);
    Ok(match charset {
        Some(name) => search.charset(name)?,
        None => search,
    })
}

/// What an IDLE handle does next (see [`IdleCursor::step`]).
#[derive(Debug)]
pub(crate) enum IdleStep {
    /// An event of this IDLE, to return.
    Event(Event),
    /// The keep-alive interval passed: DONE, then IDLE again.
    Renew,
    /// The caller's timeout passed with nothing.
    TimedOut,
    /// Read for at most this long.
    Read(Duration),
}

/// The part of an IDLE handle that is not I/O: which queued events are
/// the IDLE's (those queued before it started are not: they stay for
/// `response` and `events`), and when the keep-alive is due. Time comes
/// in as `now`, so the drivers choose their clock.
#[derive(Debug)]
pub(crate) struct IdleCursor {
    /// When the current IDLE command started.
    started: Instant,
    /// The events queued before IDLE, left where they are.
    skip: usize,
    /// The protocol's count of dropped events when `skip` was last right.
    lost: u64,
}

impl IdleCursor {
    /// A cursor for an IDLE about to start on `protocol` at `now`.
    pub(crate) fn new(protocol: &Protocol, now: Instant) -> Self {
        IdleCursor { started: now, skip: protocol.queued_events(), lost: protocol.lost_events() }
    }

    /// The next step of `wait` until `deadline`, re-issuing the IDLE every
    /// `keepalive`.
    pub(crate) fn step(
        &mut self,
        protocol: &mut Protocol,
        now: Instant,
        deadline: Instant,
        keepalive: Duration,
    ) -> IdleStep {
        self.forget_dropped(protocol);
        if let Some(event) = protocol.take_event_at(self.skip) {
            return IdleStep::Event(event);
        }
        let renew_at = later(self.started, keepalive);
        if now >= renew_at {
            return IdleStep::Renew;
        }
        if now >= deadline {
            return IdleStep::TimedOut;
        }
        IdleStep::Read(deadline.min(renew_at) - now)
    }

    /// The IDLE was re-issued at `now`.
    pub(crate) fn renewed(&mut self, protocol: &Protocol, now: Instant) {
        self.forget_dropped(protocol);
        self.started = now;
    }

    /// When the full queue dropped its oldest events since the count was
    /// last seen, those from before IDLE went first: fewer are left to
    /// skip.
    pub(crate) fn forget_dropped(&mut self, protocol: &Protocol) {
        let lost = protocol.lost_events();
        let dropped = lost.saturating_sub(self.lost);
        self.lost = lost;
        self.skip = self.skip.saturating_sub(usize::try_from(dropped).unwrap_or(usize::MAX));
    }
}

/// `start + wait`, or about a century later when that overflows (a
/// timeout of `Duration::MAX` means no timeout).
pub(crate) fn later(start: Instant, wait: Duration) -> Instant {
    const CENTURY: Duration = Duration::from_secs(100 * 365 * 24 * 3600);
    start.checked_add(wait).or_else(|| start.checked_add(CENTURY)).unwrap_or(start)
}
