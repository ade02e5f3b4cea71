//! Transports: the byte streams a blocking [`Session`](crate::session::blocking::Session)
//! runs over.
//!
//! - [`tcp`]: plain TCP (RFC 3501 section 2.1, port 143), with connect,
//!   read and write timeouts;
//! - [`tls`]: TLS with rustls, for implicit TLS (RFC 8314, port 993) and
//!   for STARTTLS (RFC 3501 section 6.2.1, [`starttls`]); certificates and
//!   host names are verified by default;
//! - [`process`]: a child process's stdin and stdout (imaplib's
//!   `IMAP4_stream`), e.g. `doveadm exec imap`;
//! - any other `Read + Write` through [`Transport::custom`].
//!
//! A transport moves bytes and nothing else: every protocol decision is in
//! [`Protocol`](crate::session::Protocol).

pub mod compress;
#[cfg(feature = "tokio")]
mod compress_async;
pub mod process;
pub mod starttls;
pub mod tcp;
pub mod tls;

use std::fmt;
use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::Duration;

pub use process::ChildStream;
pub use tcp::Timeouts;
pub use tls::{TlsOptions, TlsStream};

/// A stream a user brings: anything that reads and writes bytes.
pub trait Stream: Read + Write + Send {}

impl<T: Read + Write + Send> Stream for T {}

/// One connection's byte stream: TCP, TLS over TCP, a child process, or a
/// caller's own stream.
pub struct Transport {
    inner: Inner,
}

enum Inner {
    Tcp(TcpStream),
    Tls(Box<TlsStream>),
    Process(ChildStream),
    Custom(Box<dyn Stream>),
    /// COMPRESS=DEFLATE (RFC 4978) over one of the others.
    Deflate(Box<compress::DeflateStream<Transport>>),
    /// Taken apart for a STARTTLS upgrade that failed half-way.
    Closed,
}

impl Transport {
    /// A plain TCP connection to `host:port` (see [`tcp::connect`]).
    pub fn tcp(host: &str, port: u16, timeouts: &Timeouts) -> io::Result<Transport> {
        tcp::connect(host, port, timeouts).map(Transport::from)
    }

    /// An implicit-TLS connection to `host:port`, handshake done (see
    /// [`tls::wrap`]).
    pub fn tls(host: &str, port: u16, timeouts: &Timeouts, options: &TlsOptions) -> io::Result<Transport> {
        let tcp = tcp::connect(host, port, timeouts)?;
        tls::wrap(tcp, host, options).map(Transport::from)
    }

    /// A caller's own stream. Timeouts are the caller's to set on it.
    pub fn custom(stream: impl Stream + 'static) -> Transport {
        Transport { inner: Inner::Custom(Box::new(stream)) }
    }

    /// True when the bytes travel encrypted (implicit TLS or after
    /// STARTTLS).
    pub fn is_tls(&self) -> bool {
        match &self.inner {
            Inner::Tls(_) => true,
            Inner::Deflate(deflate) => deflate.get_ref().is_tls(),
            _ => false,
        }
    }

    /// True once COMPRESS=DEFLATE is on (RFC 4978).
    pub fn is_compressed(&self) -> bool {
        matches!(self.inner, Inner::Deflate(_))
    }

    /// True for a plain TCP connection: the one a STARTTLS can upgrade.
    pub fn is_plain_tcp(&self) -> bool {
        matches!(self.inner, Inner::Tcp(_))
    }

    /// Sets the read timeout of a socket or child-process transport; a
    /// caller's own stream ignores it.
    pub fn set_read_timeout(&mut self, timeout: Option<Duration>) -> io::Result<()> {
        if let Inner::Deflate(deflate) = &mut self.inner {
            return deflate.get_mut().set_read_timeout(timeout);
        }
        if let Inner::Process(child) = &mut self.inner {
            child.set_read_timeout(timeout);
        }
        match self.socket() {
            Some(socket) => socket.set_read_timeout(timeout),
            None => Ok(()),
        }
    }

    /// Sets the write timeout of a socket transport; other transports
    /// ignore it (a pipe write blocks only while the child's pipe buffer
    /// is full).
    pub fn set_write_timeout(&self, timeout: Option<Duration>) -> io::Result<()> {
        match self.socket() {
            Some(socket) => socket.set_write_timeout(timeout),
            None => Ok(()),
        }
    }

    /// Closes the connection: shuts the socket down both ways (sending a
    /// TLS close_notify first), or kills the child process. Idempotent.
    pub fn close(&mut self) {
        match &mut self.inner {
            Inner::Tcp(tcp) => {
                let _ = tcp.shutdown(Shutdown::Both);
            }
            Inner::Tls(tls) => tls::close(tls),
            Inner::Process(child) => child.kill(),
            Inner::Deflate(deflate) => deflate.get_mut().close(),
            Inner::Custom(_) | Inner::Closed => {}
        }
    }

    fn socket(&self) -> Option<&TcpStream> {
        match &self.inner {
            Inner::Tcp(tcp) => Some(tcp),
            Inner::Tls(tls) => Some(tls.get_ref()),
            Inner::Deflate(deflate) => deflate.get_ref().socket(),
            _ => None,
        }
    }

    /// Takes the plain TCP stream out for a STARTTLS upgrade, leaving the
    /// transport closed.
    fn take_tcp(&mut self) -> Option<TcpStream> {
        match std::mem::replace(&mut self.inner, Inner::Closed) {
            Inner::Tcp(tcp) => Some(tcp),
            other => {
                self.inner = other;
                None
            }
        }
    }

    fn stream(&mut self) -> io::Result<&mut dyn Stream> {
        match &mut self.inner {
            Inner::Tcp(s) => Ok(s),
            Inner::Tls(s) => Ok(s.as_mut()),
            Inner::Process(s) => Ok(s),
            Inner::Custom(s) => Ok(s.as_mut()),
            Inner::Deflate(s) => Ok(s.as_mut()),
            Inner::Closed => Err(io::Error::new(io::ErrorKind::NotConnected, "the transport is closed")),
        }
    }
}

impl Read for Transport {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.stream()?.read(buf)
    }
}

impl Write for Transport {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.stream()?.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.stream()?.flush()
    }
}

impl From<TcpStream> for Transport {
    fn from(tcp: TcpStream) -> Self {
        Transport { inner: Inner::Tcp(tcp) }
    }
}

impl From<TlsStream> for Transport {
    fn from(tls: TlsStream) -> Self {
        Transport { inner: Inner::Tls(Box::new(tls)) }
    }
}

impl From<ChildStream> for Transport {
    fn from(child: ChildStream) -> Self {
        Transport { inner: Inner::Process(child) }
    }
}

impl fmt::Debug for Transport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.inner {
            Inner::Tcp(_) => "Tcp",
            Inner::Tls(_) => "Tls",
            Inner::Process(_) => "Process",
            Inner::Custom(_) => "Custom",
            Inner::Deflate(_) => "Deflate",
            Inner::Closed => "Closed",
        };
        f.debug_tuple("Transport").field(&format_args!("{kind}")).finish()
    }
}
