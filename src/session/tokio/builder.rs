//! How a tokio [`Session`] is set up: the options every driver shares
//! ([`session::builder`](crate::session::builder)), then one of the ways
//! to connect.

use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite};

use super::{Connection, Session};
use crate::Error;
use crate::session::Config;
use crate::session::builder::Tokio;
use crate::session::shared::handshake_error;
use crate::transport::{Timeouts, TlsOptions};

/// Options for a tokio [`Session`] (the shared setters of
/// [`session::builder::Builder`](crate::session::builder::Builder)), then
/// [`connect`](Self::connect), [`connect_tls`](Self::connect_tls) or
/// [`stream`](Self::stream).
///
/// Each timeout bounds one step (opening the connection, one read, one
/// write) with `tokio::time::timeout`, as the blocking builder's bound
/// one socket call.
pub type Builder = crate::session::builder::Builder<Tokio>;

impl Builder {
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

    pub(super) fn into_parts(self) -> Parts {
        let idle_keepalive = self.keepalive();
        Parts {
            config: self.config,
            tls: self.tls,
            require_tls: self.require_tls,
            timeouts: self.timeouts,
            idle_keepalive,
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
