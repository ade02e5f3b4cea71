//! The tokio driver (feature `tokio`): a [`Session`] runs the sans-I/O
//! [`Protocol`] over any `AsyncRead + AsyncWrite`, one command at a time,
//! with the blocking [`Session`](crate::session::blocking::Session)'s
//! methods as `async fn`s.
//!
//! The driver moves bytes and nothing else: it writes what the protocol
//! queues, reads in 64 KiB chunks into it, and turns timeouts
//! (`tokio::time::timeout`), errors and the end of the stream into
//! protocol input. `&mut self` on every call means two commands can never
//! interleave (conformance item 114). It needs a tokio runtime with the
//! time and I/O drivers on (`tokio::main` has both).
//!
//! ```no_run
//! use std::time::Duration;
//! use typed_imap::session::blocking::DEFAULT_TLS_PORT;
//! use typed_imap::session::tokio::Session;
//! use typed_imap::types::{FetchAttr, SequenceSet};
//!
//! # async fn example() -> Result<(), typed_imap::Error> {
//! let mut session = Session::builder()
//!     .timeout(Duration::from_secs(30))
//!     .connect_tls("imap.example.org", DEFAULT_TLS_PORT)
//!     .await?;
//! session.login("alice", "secret").await?;
//! let inbox = session.select("INBOX", false).await?;
//! if inbox.exists > 0 {
//!     let set = SequenceSet::from_numbers([1])?;
//!     let fetched = session.fetch(set, vec![FetchAttr::Uid, FetchAttr::Flags]).await?;
//!     println!("{:?}", fetched.messages);
//! }
//! let mut idle = session.idle().await?;
//! if let Some(event) = idle.wait(Duration::from_secs(60)).await? {
//!     println!("{}", event.name());
//! }
//! idle.done().await?;
//! session.logout().await?;
//! # Ok(())
//! # }
//! ```
//!
//! # Cancellation
//!
//! Every future of a [`Session`] may be dropped (by `tokio::select!`, a
//! `tokio::time::timeout` around it, an aborted task). A command's bytes
//! may then be half written, or its answer half read, and the next
//! command would read the rest as its own. So when a future is dropped
//! while a command is in flight, the session marks itself broken
//! ([`Protocol::mark_broken`]) at that moment: [`state`](Session::state)
//! is `Logout` and every later call fails with [`Error::Aborted`]
//! ("cancelled: ..."), with nothing sent. Connect again to go on.
//!
//! The one exception is [`IdleHandle::wait`]: dropping it while it waits
//! for the server loses nothing (a read either delivered its bytes to the
//! protocol or took none), so `wait` may race other futures in
//! `tokio::select!`; the IDLE stays on and `wait` may be called again.
//! Dropping it while it re-issues the IDLE (the keep-alive) breaks the
//! session as above.
//!
//! # What is shared with the blocking driver
//!
//! The protocol ([`Protocol`]: tags, states, literals, continuations,
//! capabilities, events), the TLS configuration
//! ([`crate::transport::TlsOptions`]: roots, CA, client
//! certificate, server name), the `require_tls` policy, the commands that
//! methods build from their arguments, and the IDLE event cursor and
//! keep-alive clock. Each `async fn` here is the blocking method's body
//! with `.await`.
//!
//! # Left out
//!
//! - `spawn` (imaplib's `IMAP4_stream`): [`Builder::stream`] takes a child
//!   process's pipes joined by the caller (`tokio::io::join`).
//! - LOGOUT on drop: `Drop` cannot await. Call [`Session::logout`]; a
//!   dropped session just closes its stream.

mod auth;
mod builder;
mod compress;
mod connection;
mod idle;
mod io;
mod mailboxes;
mod messages;
mod pipeline;

use std::fmt;
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite};

pub use crate::session::pipeline::{PipelineResults, Ticket};
pub use builder::Builder;
pub use connection::Connection;
pub use idle::IdleHandle;
pub use pipeline::Pipeline;

use self::builder::Parts;
use super::shared::{self, handshake_error};
use super::{Event, MailboxState, Protocol};
use crate::command::{Capability, Logout, Noop, StartTls, State};
use crate::transport::{Timeouts, TlsOptions};
use crate::types::{self, Status};
use crate::{Command, Error};

/// An IMAP session over a tokio stream: connect, then
/// [`run`](Self::run) commands and `.await` their typed results.
///
/// `S` is [`Connection`] when the [`Builder`] opened the connection, or
/// the caller's own stream given to [`Builder::stream`]. Dropping a
/// session sends nothing (call [`logout`](Self::logout) first).
pub struct Session<S> {
    protocol: Protocol,
    stream: S,
    host: String,
    tls: TlsOptions,
    require_tls: bool,
    encrypted: bool,
    timeouts: Timeouts,
    idle_keepalive: Duration,
    protocol_version: &'static str,
    read_buf: Vec<u8>,
    /// An [`IdleHandle`] was dropped with the IDLE on: DONE is queued and
    /// the tagged OK is read before the next command.
    leaving_idle: bool,
    closed: bool,
}

impl Session<Connection> {
    /// A builder for timeouts, TLS options, `require_tls` and limits.
    pub fn builder() -> Builder {
        Builder::default()
    }

    /// Connects over plain TCP to `host:port` (143 is
    /// [`DEFAULT_PORT`](crate::session::blocking::DEFAULT_PORT)), reads
    /// the greeting and the capabilities.
    pub async fn connect(host: &str, port: u16) -> Result<Self, Error> {
        Builder::default().connect(host, port).await
    }

    /// Connects with implicit TLS to `host:port` (993 is
    /// [`DEFAULT_TLS_PORT`](crate::session::blocking::DEFAULT_TLS_PORT)),
    /// verifying the certificate against the webpki roots.
    pub async fn connect_tls(host: &str, port: u16) -> Result<Self, Error> {
        Builder::default().connect_tls(host, port).await
    }

    /// imaplib `starttls`: upgrades a plain connection to TLS (STARTTLS,
    /// RFC 3501 section 6.2.1), verifying the server as the host
    /// connected to, then asks for the capabilities again (conformance
    /// items 97-100).
    ///
    /// Refused, with nothing sent, when TLS is already on ([`Error::Tls`]),
    /// the session is not in the not authenticated state, or the server
    /// does not advertise STARTTLS. A NO or BAD is [`Error::Tls`] and
    /// leaves the connection plain and usable; a failed handshake breaks
    /// it.
    pub async fn starttls(&mut self) -> Result<(), Error> {
        if !self.stream.is_plain_tcp() {
            return Err(shared::tls_error(
                "couldn't establish TLS: the connection is not plain TCP (TLS already on?)",
            ));
        }
        let answered = self.drive(&StartTls).await;
        self.close_if_over().await;
        answered.map_err(shared::starttls_refused)?;
        let limit = self.timeouts.read;
        let guard = io::InFlight::arm(self);
        let upgraded = guard.session.stream.upgrade(&guard.session.host, &guard.session.tls, limit).await;
        guard.disarm();
        if let Err(e) = upgraded {
            self.protocol.mark_broken("the TLS handshake after STARTTLS failed");
            return Err(handshake_error(e));
        }
        self.encrypted = true;
        self.refresh_capabilities().await.map(|_| ())
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin + Send> Session<S> {
    /// Talks IMAP over a caller's stream, which must be fresh: the
    /// greeting is read first.
    pub async fn from_stream(stream: S) -> Result<Self, Error> {
        Builder::default().stream(stream).await
    }

    /// Reads the greeting and the capabilities over `stream`; on failure
    /// the stream is shut down before the error is returned.
    async fn start(stream: S, host: &str, encrypted: bool, builder: Builder) -> Result<Self, Error> {
        let mut session = Session::new(stream, host, encrypted, builder.into_parts());
        match session.handshake().await {
            Ok(()) => Ok(session),
            Err(e) => {
                session.shut().await;
                Err(e)
            }
        }
    }

    fn new(stream: S, host: &str, encrypted: bool, parts: Parts) -> Self {
        Session {
            protocol: Protocol::new(parts.config),
            stream,
            host: host.to_owned(),
            tls: parts.tls,
            require_tls: parts.require_tls,
            encrypted,
            timeouts: parts.timeouts,
            idle_keepalive: parts.idle_keepalive,
            protocol_version: "IMAP4REV1",
            read_buf: Vec::new(),
            leaving_idle: false,
            closed: false,
        }
    }

    /// Greeting, PREAUTH under `require_tls`, capabilities, as the
    /// blocking driver.
    async fn handshake(&mut self) -> Result<(), Error> {
        self.read_greeting().await?;
        shared::refuse_clear_text_preauth(&self.protocol, self.require_tls, self.encrypted)?;
        if self.protocol.capabilities().is_none() {
            self.refresh_capabilities().await?;
        }
        self.protocol_version = shared::highest_version(&self.protocol);
        shared::require_imap4(&self.protocol)
    }

    /// Runs `cmd`: sends it, reads until its tagged response, and returns
    /// its typed result. Untagged responses it does not collect are
    /// queued as [`events`](Self::events).
    ///
    /// When the capabilities are unknown (after login) and `cmd` needs
    /// some, they are asked for first. Dropping the future before it is
    /// ready breaks the session (see the module documentation).
    pub async fn run<C: Command>(&mut self, cmd: C) -> Result<C::Output, Error> {
        shared::refuse_clear_text_credentials(cmd.name(), self.require_tls, self.encrypted)?;
        if !cmd.capabilities().is_empty() && self.protocol.capabilities().is_none() {
            self.refresh_capabilities().await?;
        }
        let result = self.drive(&cmd).await;
        self.close_if_over().await;
        result
    }

    /// Asks the server for its capabilities (CAPABILITY, RFC 3501 section
    /// 6.1.1); an answer without them is an error.
    pub async fn refresh_capabilities(&mut self) -> Result<&[types::Capability<'static>], Error> {
        self.drive(&Capability).await?;
        self.protocol.capabilities().ok_or_else(|| Error::Aborted("no CAPABILITY response".into()))
    }

    /// imaplib `logout`: logs out (LOGOUT, RFC 3501 section 6.1.3) and
    /// shuts the stream down. The result is the server's BYE, or its
    /// tagged OK when it sent no BYE.
    pub async fn logout(&mut self) -> Result<Status<'static>, Error> {
        let result = self.drive(&Logout).await;
        self.shut().await;
        result.map(shared::logged_out_status)
    }

    /// imaplib `state`: the connection state (RFC 3501 section 3);
    /// `Logout` once the session is broken or cancelled mid-command.
    pub fn state(&self) -> State {
        self.protocol.state()
    }

    /// imaplib `capabilities`: the server's capabilities, `None` while
    /// unknown (after login until a command needs them or
    /// [`refresh_capabilities`](Self::refresh_capabilities)).
    pub fn capabilities(&self) -> Option<&[types::Capability<'static>]> {
        self.protocol.capabilities()
    }

    /// True when the server advertises `name` (case-insensitive).
    pub fn has_capability(&self, name: &str) -> bool {
        self.protocol.has_capability(name)
    }

    /// True when a command that needs the capability `name` may be sent
    /// (see [`Protocol::supports`]).
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

    /// True when the connection is encrypted: implicit TLS or after
    /// [`starttls`](Session::starttls). A caller's own stream counts as
    /// not encrypted.
    pub fn is_tls(&self) -> bool {
        self.encrypted
    }

    /// imaplib `PROTOCOL_VERSION`: the highest IMAP version the server
    /// advertised when the session connected.
    pub fn protocol_version(&self) -> &'static str {
        self.protocol_version
    }

    /// The next unsolicited response, if any (see [`Protocol::poll_event`]).
    pub fn poll_event(&mut self) -> Option<Event> {
        self.protocol.poll_event()
    }

    /// Drains the unsolicited responses received so far, in arrival order.
    pub fn events(&mut self) -> impl Iterator<Item = Event> + '_ {
        std::iter::from_fn(|| self.protocol.poll_event())
    }

    /// Removes and returns the queued events named `name`.
    pub fn take_events(&mut self, name: &str) -> Vec<Event> {
        self.protocol.take_events(name)
    }

    /// imaplib `response(code)`: removes and returns the queued events
    /// named `code` (`EXISTS`, `FETCH`, ...) or untagged statuses whose
    /// response code is `code` (`ALERT`, `UIDVALIDITY`, ...). No I/O.
    pub fn response(&mut self, code: &str) -> Vec<Event> {
        shared::take_response(&mut self.protocol, code)
    }

    /// imaplib `recent`: the queued `RECENT` counts (RFC 3501 section
    /// 7.3.2); when there are none, sends NOOP and returns those that
    /// arrived.
    pub async fn recent(&mut self) -> Result<Vec<u32>, Error> {
        let queued = shared::recent_counts(self.response("RECENT"));
        if !queued.is_empty() {
            return Ok(queued);
        }
        self.run(Noop).await?;
        Ok(shared::recent_counts(self.response("RECENT")))
    }

    /// The stream, for what the session does not wrap (peer address,
    /// TLS details). Reading or writing it desynchronises the session.
    pub fn get_ref(&self) -> &S {
        &self.stream
    }

    /// Drops every queued event: imaplib's `select()` starts afresh.
    fn clear_events(&mut self) {
        while self.protocol.poll_event().is_some() {}
    }

    /// Shuts the stream down once the protocol says the connection is
    /// over (BYE, broken).
    async fn close_if_over(&mut self) {
        if self.state() == State::Logout {
            self.shut().await;
        }
    }
}

impl<S> fmt::Debug for Session<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Session").finish_non_exhaustive()
    }
}
