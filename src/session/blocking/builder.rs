//! How a blocking [`Session`] is set up: the options every driver shares
//! ([`session::builder`](crate::session::builder)), then one of the ways
//! to connect.

use std::time::Duration;

use super::Session;
use crate::Error;
use crate::session::Config;
use crate::session::builder::Blocking;
use crate::transport::{self, Stream, TlsOptions, Transport};

/// Options for a blocking [`Session`] (the shared setters of
/// [`session::builder::Builder`](crate::session::builder::Builder)), then
/// [`connect`](Self::connect), [`connect_tls`](Self::connect_tls),
/// [`spawn`](Self::spawn), [`stream`](Self::stream) or
/// [`transport`](Self::transport).
pub type Builder = crate::session::builder::Builder<Blocking>;

/// What a [`Session`] keeps of its builder.
pub(super) struct Parts {
    pub(super) config: Config,
    pub(super) tls: TlsOptions,
    pub(super) require_tls: bool,
    /// The read timeout commands run under, restored after IDLE waits.
    pub(super) read_timeout: Option<Duration>,
    pub(super) idle_keepalive: Duration,
}

impl Builder {
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

    pub(super) fn into_parts(self) -> Parts {
        let idle_keepalive = self.keepalive();
        Parts {
            config: self.config,
            tls: self.tls,
            require_tls: self.require_tls,
            read_timeout: self.timeouts.read,
            idle_keepalive,
        }
    }
}
