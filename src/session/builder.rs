//! How a session is set up, for either driver: timeouts, TLS options,
//! `require_tls`, the protocol's limits and the IDLE keep-alive. Each
//! driver adds its own ways to connect to its builder:
//! [`blocking::Builder`](crate::session::blocking::Builder) (`Builder<Blocking>`)
//! and, with the feature `tokio`, `tokio::Builder` (`Builder<Tokio>`).
//! One type with a driver parameter, so that the options are written, and
//! documented, once.

use std::marker::PhantomData;
use std::path::PathBuf;
use std::time::Duration;

use crate::Error;
use crate::session::Config;
use crate::transport::{Timeouts, TlsOptions};
use crate::types::ValidationError;

/// How long an IDLE may run before it is re-issued: RFC 2177 section 3
/// lets a server drop an idle client after 30 minutes.
pub const DEFAULT_IDLE_KEEPALIVE: Duration = Duration::from_secs(29 * 60);

/// The blocking driver, as a [`Builder`]'s parameter.
#[derive(Clone, Debug)]
pub enum Blocking {}

/// The tokio driver, as a [`Builder`]'s parameter.
#[cfg(feature = "tokio")]
#[derive(Clone, Debug)]
pub enum Tokio {}

/// Options for a session, then one of the driver's ways to connect
/// (`connect`, `connect_tls`, `stream`, ...).
///
/// A zero timeout is refused when connecting, before any socket is opened
/// (conformance item 10).
#[derive(Clone, Debug)]
pub struct Builder<D> {
    pub(crate) timeouts: Timeouts,
    pub(crate) tls: TlsOptions,
    pub(crate) require_tls: bool,
    pub(crate) config: Config,
    pub(crate) idle_keepalive: Option<Duration>,
    driver: PhantomData<fn() -> D>,
}

impl<D> Builder<D> {
    /// Bounds connecting, and each read and write, by `timeout`.
    pub fn timeout(self, timeout: Duration) -> Self {
        self.connect_timeout(timeout).read_timeout(timeout).write_timeout(timeout)
    }

    /// Bounds opening the TCP connection (name lookup and each address
    /// tried); the tokio driver bounds its implicit-TLS handshake by it
    /// too.
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
    /// a connection without TLS (call the session's `starttls` first). A
    /// stream the caller hands over (`stream`) counts as not encrypted.
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

    /// How long an IDLE runs before the IDLE handle's `wait` re-issues it
    /// (DONE, then IDLE again) so that the server does not drop the
    /// connection (RFC 2177 section 3, conformance item 107). Default
    /// [`DEFAULT_IDLE_KEEPALIVE`], 29 minutes; a zero interval is refused
    /// when connecting.
    pub fn idle_keepalive(mut self, interval: Duration) -> Self {
        self.idle_keepalive = Some(interval);
        self
    }

    /// Refuses a zero timeout (sockets take it for "none").
    pub(crate) fn check(&self) -> Result<(), Error> {
        match self.timeouts.has_zero() || self.idle_keepalive == Some(Duration::ZERO) {
            true => Err(Error::InvalidArgument(ValidationError::other("timeout", "must not be zero"))),
            false => Ok(()),
        }
    }

    /// The keep-alive interval in force.
    pub(crate) fn keepalive(&self) -> Duration {
        self.idle_keepalive.unwrap_or(DEFAULT_IDLE_KEEPALIVE)
    }
}

impl<D> Default for Builder<D> {
    fn default() -> Self {
        Builder {
            timeouts: Timeouts::default(),
            tls: TlsOptions::default(),
            require_tls: false,
            config: Config::default(),
            idle_keepalive: None,
            driver: PhantomData,
        }
    }
}
