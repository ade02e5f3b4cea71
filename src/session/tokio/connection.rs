//! The streams [`Builder::connect`](super::Builder::connect) and
//! [`Builder::connect_tls`](super::Builder::connect_tls) open: plain TCP
//! (RFC 3501 section 2.1) or TLS over TCP with tokio-rustls (RFC 8314
//! section 3.2, and after STARTTLS, RFC 3501 section 6.2.1). The rustls
//! configuration is the blocking transport's ([`TlsOptions`]).

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;

use crate::transport::compress::DeflateStream;
use crate::transport::{Timeouts, TlsOptions};

/// A connection opened by the tokio [`Builder`](super::Builder): TCP, or
/// TLS over TCP. A [`Session`](super::Session) over it can
/// [`starttls`](super::Session::starttls).
#[derive(Debug)]
pub struct Connection {
    inner: Inner,
}

#[derive(Debug)]
enum Inner {
    Tcp(TcpStream),
    Tls(Box<TlsStream<TcpStream>>),
    /// After COMPRESS DEFLATE (RFC 4978), over what it was.
    Deflate(Box<DeflateStream<Connection>>),
    /// Taken apart for a STARTTLS upgrade that failed half-way.
    Closed,
}

impl Connection {
    /// True when the bytes travel encrypted (implicit TLS or after
    /// STARTTLS).
    pub fn is_tls(&self) -> bool {
        match &self.inner {
            Inner::Tls(_) => true,
            Inner::Deflate(deflate) => deflate.get_ref().is_tls(),
            _ => false,
        }
    }

    /// True once COMPRESS DEFLATE is on (RFC 4978).
    pub fn is_compressed(&self) -> bool {
        matches!(self.inner, Inner::Deflate(_))
    }

    /// Compresses everything from here on, both ways: the connection
    /// becomes a [`DeflateStream`] over what it was. For the session,
    /// right after the server's OK to COMPRESS.
    pub(super) fn start_deflate(&mut self) {
        let plain = Connection { inner: std::mem::replace(&mut self.inner, Inner::Closed) };
        self.inner = Inner::Deflate(Box::new(DeflateStream::new(plain)));
    }

    /// True for a plain TCP connection: the one a STARTTLS can upgrade.
    pub fn is_plain_tcp(&self) -> bool {
        matches!(self.inner, Inner::Tcp(_))
    }

    /// Opens plain TCP to `host:port`, trying each address in turn, each
    /// within the connect timeout; the error is the last address's.
    pub(super) async fn tcp(host: &str, port: u16, timeouts: &Timeouts) -> io::Result<Connection> {
        let mut last = io::Error::new(io::ErrorKind::NotFound, format!("{host} resolved to no address"));
        for addr in within(timeouts.connect, "connect", tokio::net::lookup_host((host, port))).await? {
            match within(timeouts.connect, "connect", TcpStream::connect(addr)).await {
                Ok(tcp) => {
                    tcp.set_nodelay(true)?;
                    return Ok(Connection { inner: Inner::Tcp(tcp) });
                }
                Err(e) => last = e,
            }
        }
        Err(last)
    }

    /// Runs the TLS handshake on a plain connection, verifying the server
    /// as `host` (or the options' server name), within `timeout`. On
    /// failure the connection is left closed.
    pub(super) async fn upgrade(
        &mut self,
        host: &str,
        options: &TlsOptions,
        timeout: Option<Duration>,
    ) -> io::Result<()> {
        let Inner::Tcp(tcp) = std::mem::replace(&mut self.inner, Inner::Closed) else {
            return Err(io::Error::new(io::ErrorKind::Unsupported, "STARTTLS needs a plain TCP connection"));
        };
        let connector = TlsConnector::from(options.client_config()?);
        let name = options.name_for(host)?;
        let tls = within(timeout, "TLS handshake", connector.connect(name, tcp)).await?;
        self.inner = Inner::Tls(Box::new(tls));
        Ok(())
    }
}

/// `fut` within `limit` (none: no limit); running out is a `TimedOut`
/// error naming `what`.
pub(super) async fn within<T>(
    limit: Option<Duration>,
    what: &str,
    fut: impl Future<Output = io::Result<T>>,
) -> io::Result<T> {
    match limit {
        None => fut.await,
        Some(limit) => match tokio::time::timeout(limit, fut).await {
            Ok(result) => result,
            Err(_) => Err(io::Error::new(io::ErrorKind::TimedOut, format!("{what} timed out"))),
        },
    }
}

fn closed() -> io::Error {
    io::Error::new(io::ErrorKind::NotConnected, "the connection is closed")
}

impl AsyncRead for Connection {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        match &mut self.get_mut().inner {
            Inner::Tcp(tcp) => Pin::new(tcp).poll_read(cx, buf),
            Inner::Tls(tls) => Pin::new(tls.as_mut()).poll_read(cx, buf),
            Inner::Deflate(deflate) => Pin::new(deflate.as_mut()).poll_read(cx, buf),
            Inner::Closed => Poll::Ready(Err(closed())),
        }
    }
}

impl AsyncWrite for Connection {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        match &mut self.get_mut().inner {
            Inner::Tcp(tcp) => Pin::new(tcp).poll_write(cx, buf),
            Inner::Tls(tls) => Pin::new(tls.as_mut()).poll_write(cx, buf),
            Inner::Deflate(deflate) => Pin::new(deflate.as_mut()).poll_write(cx, buf),
            Inner::Closed => Poll::Ready(Err(closed())),
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match &mut self.get_mut().inner {
            Inner::Tcp(tcp) => Pin::new(tcp).poll_flush(cx),
            Inner::Tls(tls) => Pin::new(tls.as_mut()).poll_flush(cx),
            Inner::Deflate(deflate) => Pin::new(deflate.as_mut()).poll_flush(cx),
            Inner::Closed => Poll::Ready(Ok(())),
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match &mut self.get_mut().inner {
            Inner::Tcp(tcp) => Pin::new(tcp).poll_shutdown(cx),
            Inner::Tls(tls) => Pin::new(tls.as_mut()).poll_shutdown(cx),
            Inner::Deflate(deflate) => Pin::new(deflate.as_mut()).poll_shutdown(cx),
            Inner::Closed => Poll::Ready(Ok(())),
        }
    }
}
