//! Plain TCP (RFC 3501 section 2.1), with the timeouts a session uses.

use std::io;
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

/// How long to wait for each step: `None` waits forever.
///
/// The read and write timeouts are set on the socket, so they bound each
/// single read or write, not a whole command.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Timeouts {
    /// Opening the connection (per address tried).
    pub connect: Option<Duration>,
    /// Each read from the server.
    pub read: Option<Duration>,
    /// Each write to the server.
    pub write: Option<Duration>,
}

impl Timeouts {
    /// True when one of the timeouts is zero, which sockets refuse
    /// (conformance item 10).
    pub fn has_zero(&self) -> bool {
        [self.connect, self.read, self.write].contains(&Some(Duration::ZERO))
    }
}

/// Connects to `host:port`, trying each resolved address in turn, and
/// sets the read and write timeouts. The error is the last address's.
pub fn connect(host: &str, port: u16, timeouts: &Timeouts) -> io::Result<TcpStream> {
    let mut last = io::Error::new(io::ErrorKind::NotFound, format!("{host} resolved to no address"));
    for addr in (host, port).to_socket_addrs()? {
        let attempt = match timeouts.connect {
            Some(timeout) => TcpStream::connect_timeout(&addr, timeout),
            None => TcpStream::connect(addr),
        };
        match attempt {
            Ok(tcp) => return configure(tcp, timeouts),
            Err(e) => last = e,
        }
    }
    Err(last)
}

fn configure(tcp: TcpStream, timeouts: &Timeouts) -> io::Result<TcpStream> {
    tcp.set_read_timeout(timeouts.read)?;
    tcp.set_write_timeout(timeouts.write)?;
    tcp.set_nodelay(true)?;
    Ok(tcp)
}
