//! How a tokio [`Session`] is set up: the same options as the blocking
//! [`Builder`](crate::session::blocking::Builder) (timeouts, TLS options,
//! `require_tls`, the protocol's limits, the IDLE keep-alive), then one
//! of the ways to connect.

use std::path::PathBuf;
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite};

use super::{Connection, Session};
use crate::Error;
use crate::session::Config;
use crate::session::blocking::DEFAULT_IDLE_KEEPALIVE;
use crate::session::shared::handshake_error;
use crate::transport::{Timeouts, TlsOptions};
use crate::types::ValidationError;

/// Options for a tokio [`Session`], then [`connect`](Self::connect),
/// [`connect_tls`](Self::connect_tls) or [`stream`](Self::stream).
///
/// Each timeout bounds one step (opening the connection, one read, one
/// write) with `tokio::time::timeout`, as the blocking builder's bound
/// one socket call. A zero timeout is refused when connecting.
#[derive(Clone, Debug, Default)]
pub struct Builder {
    timeouts: Timeouts,
    tls: TlsOptions,
    require_tls: bool,
    config: Config,
    idle_keepalive: Option<Duration>,
}

impl Builder {
    /// Bounds connecting, the TLS handshake, and each read and write, by
    /// `timeout`.
    pub fn timeout(self, timeout: Duration) -> Self {
        self.connect_timeout(timeout).read_timeout(timeout).write_timeout(timeout)
    }

    /// Bounds opening the TCP connection (name lookup and each address
    /// tried) and the implicit-TLS handshake.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.timeouts.connect = Some(timeout);
        self
    }

    /// Bounds each read; a read that times out breaks the connection
    /// (conformance item 113). IDLE waits are bounded by their own
    /// timeout instead.
    pub fn read_timeout(mut self, timeout: Duration) -> Self {
        self.timeouts.read = Some(timeout);
        self
    }

    /// Bounds each write (one transmit, flushed).
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
    /// a connection without TLS (call [`Session::starttls`] first). A
    /// caller's own stream counts as not encrypted.
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
    /// re-issues it (DONE, then IDLE again; RFC 2177 section 3). Default
    /// [`DEFAULT_IDLE_KEEPALIVE`], 29 minutes; zero is refused when
    /// connecting.
    pub fn idle_keepalive(mut self, interval: Duration) -> Self {
        self.idle_keepalive = Some(interval);
        self
    }

    /// Connects over plain TCP (port
    /// [`DEFAULT_PORT`](crate::session::blocking::DEFAULT_PORT), RFC 3501
    /// section 2.1), reads the greeting and the capabilities.
    pub async fn connect(self, host: &str, port: u16) -> Result<Session<Connection>, Error> {
        self.check()?;
        let connection = Connection::tcp(host, port, &self.timeouts).await?;
        Session::start(connection, host, false, self).await
    }

    /// Connects with implicit TLS (port
    /// [`DEFAULT_TLS_PORT`](crate::session::blocking::DEFAULT_TLS_PORT),
    /// RFC 8314 section 3.2); the handshake and the certificate check
    /// happen before the greeting is read.
    pub async fn connect_tls(self, host: &str, port: u16) -> Result<Session<Connection>, Error> {
        self.check()?;
        let mut connection = Connection::tcp(host, port, &self.timeouts).await?;
        let limit = self.timeouts.connect.or(self.timeouts.read);
        connection.upgrade(host, &self.tls, limit).await.map_err(handshake_error)?;
        Session::start(connection, host, true, self).await
    }

    /// Talks over a caller's fresh stream (a `tokio::io::duplex` half, a
    /// Unix socket, a TLS stream of their own): the greeting is read
    /// first. The builder's read and write timeouts apply to it.
    pub async fn stream<S>(self, stream: S) -> Result<Session<S>, Error>
    where
        S: AsyncRead + AsyncWrite + Unpin + Send,
    {
        self.check()?;
        Session::start(stream, "", false, self).await
    }

    /// Refuses a zero timeout, as the blocking builder does.
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
            timeouts: self.timeouts,
            idle_keepalive: self.idle_keepalive.unwrap_or(DEFAULT_IDLE_KEEPALIVE),
        }
    }
}

/// What a [`Session`] keeps of its builder.
pub(super) struct Parts {
    pub(super) config: Config,
    pub(super) tls: TlsOptions,
    pub(super) require_tls: bool,
    pub(super) timeouts: Timeouts,
    pub(super) idle_keepalive: Duration,
}
