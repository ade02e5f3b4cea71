//! The transport half of STARTTLS (RFC 3501 section 6.2.1): once the
//! server said OK, the plain TCP stream becomes a TLS stream.
//!
//! The command itself, and the check that no byte arrived after the
//! server's tagged OK (conformance item 100), are the session's.

use std::io;

use super::tls::{self, TlsOptions};
use super::{Inner, Transport};

/// Runs the TLS handshake on `transport`'s plain TCP stream, verifying
/// the server as `host` (or the options' server name), and makes the
/// transport encrypted. On failure the transport is closed.
pub fn upgrade(transport: &mut Transport, host: &str, options: &TlsOptions) -> io::Result<()> {
    let Some(tcp) = transport.take_tcp() else {
        return Err(io::Error::new(io::ErrorKind::Unsupported, "STARTTLS needs a plain TCP connection"));
    };
    let tls = tls::wrap(tcp, host, options)?;
    transport.inner = Inner::Tls(Box::new(tls));
    Ok(())
}
