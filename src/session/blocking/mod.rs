//! The blocking driver: a [`Session`] runs the sans-I/O
//! [`Protocol`] over a [`Transport`], one command at a
//! time.
//!
//! The driver moves bytes and nothing else: it writes what the protocol
//! queues, reads in 64 KiB chunks into it, and turns timeouts, errors and
//! the end of the stream into protocol input. `&mut self` on every call
//! means two commands can never interleave (conformance item 114).
//!
//! ```no_run
//! use std::time::Duration;
//! use typed_imap::session::blocking::{DEFAULT_TLS_PORT, Session};
//! use typed_imap::types::{FetchAttr, SearchKey, SequenceSet};
//!
//! # fn main() -> Result<(), typed_imap::Error> {
//! let mut session = Session::builder()
//!     .timeout(Duration::from_secs(30))
//!     .require_tls(true)
//!     .connect_tls("imap.example.org", DEFAULT_TLS_PORT)?;
//! session.login("alice", "secret")?;
//! let inbox = session.select("INBOX", false)?;
//! println!("{} messages", inbox.exists);
//! let unseen = session.search(None, SearchKey::Unseen)?;
//! if !unseen.numbers.is_empty() {
//!     let set = SequenceSet::from_numbers(unseen.numbers)?;
//!     let fetched = session.fetch(set, vec![FetchAttr::Uid, FetchAttr::Flags])?;
//!     println!("{:?}", fetched.messages);
//! }
//! let mut idle = session.idle()?;
//! if let Some(event) = idle.wait(Duration::from_secs(60))? {
//!     println!("{}", event.name());
//! }
//! idle.done()?;
//! let bye = session.logout()?;
//! println!("{}", bye.text);
//! # Ok(())
//! # }
//! ```
//!
//! # The imaplib surface
//!
//! Every method of Python's `imaplib.IMAP4` has a method of the same name
//! on [`Session`], a thin wrapper over [`Session::run`] with typed
//! arguments and a typed result (conformance list, sections C to J):
//!
//! | imaplib | here | RFC |
//! |---|---|---|
//! | `login`, `login_cram_md5`, `authenticate` | [`Session::login`], [`Session::login_cram_md5`], [`Session::authenticate`] | 3501 6.2 |
//! | `capability`, `noop`, `logout`, `starttls` | [`Session::capability`], [`Session::noop`], [`Session::logout`], [`Session::starttls`] | 3501 6.1, 6.2.1 |
//! | `select(readonly)`, `create`, `delete`, `rename`, `subscribe`, `unsubscribe` | [`Session::select`], [`Session::create`], ... | 3501 6.3 |
//! | `list`, `lsub`, `status`, `append`, `namespace`, `enable` | [`Session::list`], [`Session::lsub`], [`Session::status`], [`Session::append`], [`Session::namespace`], [`Session::enable`] | 3501 6.3, 2342, 5161 |
//! | `check`, `close`, `unselect`, `expunge` | [`Session::check`], [`Session::close`], [`Session::unselect`], [`Session::expunge`] | 3501 6.4, 3691 |
//! | `fetch`, `store`, `copy`, `move`, `search`, `sort`, `thread`, `partial`, `uid` | [`Session::fetch`], [`Session::store`], [`Session::copy`], [`Session::r#move`](struct.Session.html#method.move), [`Session::search`], [`Session::sort`], [`Session::thread`], [`Session::partial`], [`Session::uid`] | 3501 6.4, 6851, 5256 |
//! | `getacl`, `setacl`, `deleteacl`, `myrights` | [`Session::getacl`], ... | 4314 |
//! | `getquota`, `getquotaroot`, `setquota` | [`Session::getquota`], ... | 9208 |
//! | `getannotation`, `setannotation` | [`Session::getannotation`], [`Session::setannotation`] | ANNOTATEMORE |
//! | `proxyauth`, `xatom` | [`Session::proxyauth`], [`Session::xatom`] | - |
//! | `idle` | [`Session::idle`] and [`IdleHandle`] | 2177 |
//! | `response`, `recent` | [`Session::response`], [`Session::recent`] | - |
//! | `capabilities`, `PROTOCOL_VERSION`, `state` | [`Session::capabilities`], [`Session::protocol_version`], [`Session::state`] | - |
//!
//! Unsolicited responses are queued as [`Event`]s; [`Session::events`]
//! drains them in order and [`Session::response`] takes them by name.

mod auth;
mod builder;
mod compat_view;
mod compress;
mod idle;
mod io;
mod mailboxes;
mod messages;
mod pipeline;

use std::fmt;
use std::time::Duration;

pub use super::builder::DEFAULT_IDLE_KEEPALIVE;
pub use super::pipeline::{PipelineResults, Ticket};
pub use builder::Builder;
pub use idle::IdleHandle;
pub use pipeline::Pipeline;

use self::builder::Parts;
use super::shared::{self, handshake_error};
use super::{Event, MailboxState, Protocol};
use crate::command::{Capability, Logout, StartTls, State};
use crate::transport::{Stream, TlsOptions, Transport, starttls};
use crate::types::{self, Status};
use crate::{Command, Error};

/// The IMAP port for plain TCP and STARTTLS (RFC 3501 section 2.1).
pub const DEFAULT_PORT: u16 = 143;

/// The IMAP port for implicit TLS (RFC 8314 section 7).
pub const DEFAULT_TLS_PORT: u16 = 993;

/// How long the LOGOUT sent on drop may take, per read or write.
const DROP_TIMEOUT: Duration = Duration::from_secs(2);

/// An IMAP session over a blocking transport: connect, then
/// [`run`](Self::run) commands and read their typed results.
///
/// Dropping a logged-in session sends LOGOUT once, best effort, with a
/// short timeout; after [`logout`](Self::logout) nothing more is sent.
pub struct Session {
    protocol: Protocol,
    transport: Transport,
    host: String,
    tls: TlsOptions,
    require_tls: bool,
    read_timeout: Option<Duration>,
    idle_keepalive: Duration,
    protocol_version: &'static str,
    closed: bool,
    read_buf: Vec<u8>,
}

impl Session {
    /// A builder for timeouts, TLS options, `require_tls` and limits.
    pub fn builder() -> Builder {
        Builder::default()
    }

    /// Connects over plain TCP to `host:port` ([`DEFAULT_PORT`] is 143),
    /// reads the greeting and the capabilities.
    pub fn connect(host: &str, port: u16) -> Result<Session, Error> {
        Builder::default().connect(host, port)
    }

    /// Connects with implicit TLS to `host:port` ([`DEFAULT_TLS_PORT`] is
    /// 993), verifying the certificate against the webpki roots.
    pub fn connect_tls(host: &str, port: u16) -> Result<Session, Error> {
        Builder::default().connect_tls(host, port)
    }

    /// Starts `command` and talks IMAP over its stdin and stdout
    /// (imaplib's `IMAP4_stream`). The child is killed when the session
    /// is dropped.
    pub fn spawn(command: &mut std::process::Command) -> Result<Session, Error> {
        Builder::default().spawn(command)
    }

    /// Talks IMAP over a caller's stream, which must be fresh: the
    /// greeting is read first.
    pub fn from_stream(stream: impl Stream + 'static) -> Result<Session, Error> {
        Builder::default().stream(stream)
    }

    /// Reads the greeting and the capabilities over `transport`; on any
    /// failure the transport is closed before the error is returned
    /// (conformance item 15).
    fn start(transport: Transport, host: &str, builder: Builder) -> Result<Session, Error> {
        let mut session = Session::new(transport, host, builder.into_parts());
        match session.handshake() {
            Ok(()) => Ok(session),
            Err(e) => {
                session.shut();
                Err(e)
            }
        }
    }

    fn new(transport: Transport, host: &str, parts: Parts) -> Self {
        Session {
            protocol: Protocol::new(parts.config),
            transport,
            host: host.to_owned(),
            tls: parts.tls,
            require_tls: parts.require_tls,
            read_timeout: parts.read_timeout,
            idle_keepalive: parts.idle_keepalive,
            protocol_version: "IMAP4REV1",
            closed: false,
            read_buf: Vec::new(),
        }
    }

    /// Greeting (conformance items 1-4), PREAUTH under `require_tls`,
    /// capabilities (items 5, 6, 8).
    fn handshake(&mut self) -> Result<(), Error> {
        self.read_greeting()?;
        shared::refuse_clear_text_preauth(&self.protocol, self.require_tls, self.transport.is_tls())?;
        if self.protocol.capabilities().is_none() {
            self.refresh_capabilities()?;
        }
        self.protocol_version = shared::highest_version(&self.protocol);
        shared::require_imap4(&self.protocol)
    }

    /// Runs `cmd`: sends it, reads until its tagged response, and returns
    /// its typed result. Untagged responses it does not collect are
    /// queued as [`events`](Self::events).
    ///
    /// When the capabilities are unknown (after login) and `cmd` needs
    /// some, they are asked for first.
    pub fn run<C: Command>(&mut self, cmd: C) -> Result<C::Output, Error> {
        self.refuse_clear_text_credentials(cmd.name())?;
        if !cmd.capabilities().is_empty() && self.protocol.capabilities().is_none() {
            self.refresh_capabilities()?;
        }
        let result = self.drive(&cmd);
        self.close_if_over();
        result
    }

    /// Asks the server for its capabilities (CAPABILITY, RFC 3501 section
    /// 6.1.1); an answer without them is an error (conformance item 6).
    pub fn refresh_capabilities(&mut self) -> Result<&[types::Capability<'static>], Error> {
        self.drive(&Capability)?;
        self.protocol.capabilities().ok_or_else(|| Error::Aborted("no CAPABILITY response".into()))
    }

    /// imaplib `starttls`: upgrades a plain connection to TLS (STARTTLS, RFC 3501 section
    /// 6.2.1), verifying the server as the host connected to, then asks
    /// for the capabilities again (conformance items 97-100).
    ///
    /// Refused, with nothing sent, when the session is not in the not
    /// authenticated state, the server does not advertise STARTTLS, or
    /// TLS is already on ([`Error::Tls`]). A NO or BAD is [`Error::Tls`]
    /// ("couldn't establish TLS: ...") and leaves the connection plain and
    /// usable; a failed handshake closes it.
    pub fn starttls(&mut self) -> Result<(), Error> {
        if !self.transport.is_plain_tcp() {
            return Err(shared::tls_error(
                "couldn't establish TLS: the connection is not plain TCP (TLS already on?)",
            ));
        }
        self.send_starttls()?;
        if let Err(e) = starttls::upgrade(&mut self.transport, &self.host, &self.tls) {
            self.protocol.mark_broken("the TLS handshake after STARTTLS failed");
            self.shut();
            return Err(handshake_error(e));
        }
        self.refresh_capabilities().map(|_| ())
    }

    /// STARTTLS up to the server's OK. NO or BAD leave the connection
    /// plain and usable (item 99); bytes after the OK (item 100) or a
    /// broken connection close it.
    fn send_starttls(&mut self) -> Result<(), Error> {
        match self.drive(&StartTls) {
            Ok(()) => Ok(()),
            Err(e @ (Error::No(_) | Error::Bad(_))) => Err(shared::starttls_refused(e)),
            Err(e) => {
                self.close_if_over();
                Err(e)
            }
        }
    }

    /// imaplib `logout`: logs out (LOGOUT, RFC 3501 section 6.1.3) and
    /// closes the connection. The result is the server's BYE (kind
    /// [`StatusKind::Bye`](crate::types::StatusKind::Bye)), or its tagged OK when it sent no BYE
    /// (conformance items 93-95): imaplib's `('BYE', [text])`.
    pub fn logout(&mut self) -> Result<Status<'static>, Error> {
        let result = self.drive(&Logout);
        self.shut();
        result.map(shared::logged_out_status)
    }

    /// imaplib `state`: the connection state (RFC 3501 section 3).
    pub fn state(&self) -> State {
        self.protocol.state()
    }

    /// imaplib `capabilities`: the server's capabilities, `None` while unknown (after login until
    /// a command needs them or [`refresh_capabilities`](Self::refresh_capabilities)).
    pub fn capabilities(&self) -> Option<&[types::Capability<'static>]> {
        self.protocol.capabilities()
    }

    /// True when the server advertises `name` (case-insensitive,
    /// conformance item 7).
    pub fn has_capability(&self, name: &str) -> bool {
        self.protocol.has_capability(name)
    }

    /// True when a command that needs the capability `name` may be sent:
    /// the server advertises it or one that includes it (`IMAP4rev2`, RFC
    /// 9051 Appendix E; see [`Protocol::supports`]).
    pub fn supports(&self, name: &str) -> bool {
        self.protocol.supports(name)
    }

    /// The selected mailbox as the server last described it.
    pub fn mailbox(&self) -> &MailboxState {
        self.protocol.mailbox()
    }

    /// True once `ENABLE UTF8=ACCEPT` succeeded (RFC 6855).
    pub fn utf8_enabled(&self) -> bool {
        self.protocol.utf8_enabled()
    }

    /// True when the connection is encrypted.
    pub fn is_tls(&self) -> bool {
        self.transport.is_tls()
    }

    /// The next unsolicited response, if any (see [`Protocol::poll_event`]).
    pub fn poll_event(&mut self) -> Option<Event> {
        self.protocol.poll_event()
    }

    /// Drains the unsolicited responses received so far, in arrival order.
    pub fn events(&mut self) -> impl Iterator<Item = Event> + '_ {
        std::iter::from_fn(|| self.protocol.poll_event())
    }

    /// Removes and returns the queued events named `name` (imaplib's
    /// `response(code)`).
    pub fn take_events(&mut self, name: &str) -> Vec<Event> {
        self.protocol.take_events(name)
    }

    /// `require_tls`: LOGIN and AUTHENTICATE are refused in the clear,
    /// before anything is sent.
    pub(super) fn refuse_clear_text_credentials(&self, name: &str) -> Result<(), Error> {
        shared::refuse_clear_text_credentials(name, self.require_tls, self.transport.is_tls())
    }

    /// Closes the transport once the protocol says the connection is over
    /// (BYE, broken).
    fn close_if_over(&mut self) {
        if self.state() == State::Logout {
            self.shut();
        }
    }

    fn shut(&mut self) {
        self.closed = true;
        self.transport.close();
    }
}

impl Drop for Session {
    /// Sends LOGOUT once, best effort, when still logged in (conformance
    /// item 96), then closes the transport.
    fn drop(&mut self) {
        if self.closed {
            return;
        }
        if matches!(self.state(), State::Authenticated | State::Selected) {
            let _ = self.transport.set_read_timeout(Some(DROP_TIMEOUT));
            let _ = self.transport.set_write_timeout(Some(DROP_TIMEOUT));
            let _ = self.drive(&Logout);
        }
        self.shut();
    }
}

impl fmt::Debug for Session {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Session").finish_non_exhaustive()
    }
}
