//! How a [`Session`] is set up: timeouts, TLS options, `require_tls` and
//! the protocol's limits, then one of the ways to connect.

use std::path::PathBuf;
use std::time::Duration;

use super::Session;
use crate::Error;
use crate::session::Config;
use crate::transport::{self, Stream, Timeouts, TlsOptions, Transport};
use crate::types::ValidationError;

/// Options for a [`Session`], then [`connect`](Self::connect),
/// [`connect_tls`](Self::connect_tls), [`spawn`](Self::spawn),
/// [`stream`](Self::stream) or [`transport`](Self::transport).
///
/// A zero timeout is refused when connecting, before any socket is opened
/// (conformance item 10).
#[derive(Clone, Debug, Default)]
pub struct Builder {
    timeouts: Timeouts,
    tls: TlsOptions,
    require_tls: bool,
    config: Config,
    idle_keepalive: Option<Duration>,
}

/// What a [`Session`] keeps of its builder.
pub(super) struct Parts {
    pub(super) config: Config,
    pub(super) tls: TlsOptions,
    pub(super) require_tls: bool,
    /// The read timeout commands run under, restored after IDLE waits.
    pub(super) read_timeout: Option<Duration>,
    pub(super) idle_keepalive: Duration,
}

/// How long an IDLE may run before it is re-issued: RFC 2177 section 3
/// lets a server drop an idle client after 30 minutes.
pub const DEFAULT_IDLE_KEEPALIVE: Duration = Duration::from_secs(29 * 60);

impl Builder {
    /// Bounds connecting, and each read and write, by `timeout`.
    pub fn timeout(self, timeout: Duration) -> Self {
        self.connect_timeout(timeout).read_timeout(timeout).write_timeout(timeout)
    }

    /// Bounds opening the TCP connection.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.timeouts.connect = Some(timeout);
        self
    }

    /// Bounds each read; a read that times out breaks the connection
    /// (conformance item 113).
    pub fn read_timeout(mut self, timeout: Duration) -> Self {
        self.timeouts.read = Some(timeout);
        self
    }

    /// Bounds each write.
    pub fn write_timeout(mut self, timeout: Duration) -> Self {
        self.timeouts.write = Some(timeout);
        self
    }

    /// Replaces the TLS options.
    pub fn tls(mut self, options: TlsOptions) -> Self {
        self.tls = options;
        self
    }

    /// Trusts the CA certificates in `pem` instead of the default roots
    /// (see [`TlsOptions::ca_pem`]).
    pub fn ca_pem(mut self, pem: impl Into<Vec<u8>>) -> Self {
        self.tls = self.tls.ca_pem(pem);
        self
    }

    /// Trusts the CA certificates in the PEM file at `path` instead of
    /// the default roots.
    pub fn ca_pem_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.tls = self.tls.ca_pem_file(path);
        self
    }

    /// Shows the server a client certificate chain and key, both PEM
    /// (imaplib's `certfile`/`keyfile`).
    pub fn client_cert_pem(mut self, cert_chain: impl Into<Vec<u8>>, key: impl Into<Vec<u8>>) -> Self {
        self.tls = self.tls.client_cert_pem(cert_chain, key);
        self
    }

    /// Verifies the server's certificate for `name` instead of the host
    /// connected to.
    pub fn server_name(mut self, name: impl Into<String>) -> Self {
        self.tls = self.tls.server_name(name);
        self
    }

    /// When true, refuses a PREAUTH greeting and LOGIN or AUTHENTICATE on
    /// a connection without TLS (call [`Session::starttls`] first).
    pub fn require_tls(mut self, require: bool) -> Self {
        self.require_tls = require;
        self
    }

    /// The protocol's limits and options (line and literal sizes, the
    /// event queue bound, a fixed tag prefix).
    pub fn config(mut self, config: Config) -> Self {
        self.config = config;
        self
    }

    /// How long an IDLE runs before [`IdleHandle::wait`](super::IdleHandle::wait)
    /// re-issues it (DONE, then IDLE again) so that the server does not
    /// drop the connection (conformance item 107). Default
    /// [`DEFAULT_IDLE_KEEPALIVE`], 29 minutes; a zero interval is refused
    /// when connecting.
    pub fn idle_keepalive(mut self, interval: Duration) -> Self {
        self.idle_keepalive = Some(interval);
        self
    }

    /// Connects over plain TCP (port [`DEFAULT_PORT`](super::DEFAULT_PORT)).
    pub fn connect(self, host: &str, port: u16) -> Result<Session, Error> {
        self.check()?;
        let transport = Transport::tcp(host, port, &self.timeouts)?;
        Session::start(transport, host, self)
    }

    /// Connects with implicit TLS (port
    /// [`DEFAULT_TLS_PORT`](super::DEFAULT_TLS_PORT)); the handshake and
    /// the certificate check happen before the greeting is read.
    pub fn connect_tls(self, host: &str, port: u16) -> Result<Session, Error> {
        self.check()?;
        let transport = Transport::tls(host, port, &self.timeouts, &self.tls)
            .map_err(crate::session::shared::handshake_error)?;
        Session::start(transport, host, self)
    }

    /// Starts `command` and talks over its stdin and stdout (imaplib's
    /// `IMAP4_stream`); the limits and the read timeout apply as on a
    /// socket.
    pub fn spawn(self, command: &mut std::process::Command) -> Result<Session, Error> {
        self.check()?;
        let mut transport = Transport::from(transport::process::spawn(command)?);
        transport.set_read_timeout(self.timeouts.read)?;
        Session::start(transport, "", self)
    }

    /// Talks over a caller's fresh stream (its timeouts are the caller's).
    pub fn stream(self, stream: impl Stream + 'static) -> Result<Session, Error> {
        self.check()?;
        Session::start(Transport::custom(stream), "", self)
    }

    /// Talks over a transport the caller opened (a TLS stream with their
    /// own rustls configuration, say); `host` is the name STARTTLS
    /// verifies. The builder's timeouts are not applied to it.
    pub fn transport(self, transport: Transport, host: &str) -> Result<Session, Error> {
        self.check()?;
        Session::start(transport, host, self)
    }

    /// Refuses a zero timeout (sockets take it for "none").
    fn check(&self) -> Result<(), Error> {
        match self.timeouts.has_zero() || self.idle_keepalive == Some(Duration::ZERO) {
            true => Err(Error::InvalidArgument(ValidationError::other("timeout", "must not be zero"))),
            false => Ok(()),
        }
    }

    pub(super) fn into_parts(self) -> Parts {
        Parts {
            config: self.config,
            tls: self.tls,
            require_tls: self.require_tls,
            read_timeout: self.timeouts.read,
            idle_keepalive: self.idle_keepalive.unwrap_or(DEFAULT_IDLE_KEEPALIVE),
        }
    }
}
