//! COMPRESS=DEFLATE on a tokio session (RFC 4978), as the blocking
//! driver's (`session/blocking/compress.rs` says why in full): the answer
//! to COMPRESS is read one byte at a time, so that a compressed byte the
//! server sends right after the CRLF of its OK never reaches the protocol
//! as plain text; then the connection becomes a
//! [`DeflateStream`](crate::transport::compress::DeflateStream) over what
//! it was (TLS included), whose tokio side is
//! `transport/compress_async.rs`.

use std::io;

use tokio::io::AsyncReadExt;

use super::Session;
use super::connection::{Connection, within};
use super::io::InFlight;
use crate::Error;
use crate::command::Compress;

impl Session<Connection> {
    /// Compresses the connection both ways (COMPRESS DEFLATE, RFC 4978
    /// section 3): after the server's OK, everything sent and received is
    /// raw DEFLATE, under TLS when TLS is on.
    ///
    /// Refused with nothing sent unless the session is authenticated
    /// ([`Error::State`]) and the server advertises `COMPRESS=DEFLATE`
    /// ([`Error::Unsupported`]); the capabilities are asked for first when
    /// unknown. A NO or BAD leaves the connection uncompressed and usable.
    /// A second call is refused with nothing sent (an `AlreadyExists` I/O
    /// error). Dropping the future before the answer breaks the session,
    /// as for any command.
    pub async fn compress(&mut self) -> Result<(), Error> {
        if self.stream.is_compressed() {
            let why = "COMPRESS refused: compression is already on (RFC 4978 section 3)";
            return Err(Error::Io(io::Error::new(io::ErrorKind::AlreadyExists, why)));
        }
        if self.protocol.capabilities().is_none() {
            self.refresh_capabilities().await?;
        }
        let guard = InFlight::arm(self);
        let answered = guard.session.compress_exchange().await;
        guard.disarm();
        match answered {
            Ok(()) => self.stream.start_deflate(),
            Err(_) => self.close_if_over().await,
        }
        answered
    }

    /// COMPRESS DEFLATE up to its tagged answer, reading one byte at a
    /// time so that nothing past that answer is read.
    async fn compress_exchange(&mut self) -> Result<(), Error> {
        self.settle().await?;
        let cmd = Compress::default();
        self.protocol.send(&cmd)?;
        loop {
            let done = self.protocol.poll_command(&cmd)?;
            self.flush().await?;
            if done.is_some() {
                return Ok(());
            }
            self.read_byte().await?;
        }
    }

    /// One byte into the protocol, or the end of the stream.
    async fn read_byte(&mut self) -> Result<(), Error> {
        let mut byte = [0; 1];
        match within(self.timeouts.read, "read", self.stream.read(&mut byte)).await {
            Ok(0) => self.protocol.handle_eof(),
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => self.protocol.handle_eof(),
            Ok(_) => self.protocol.handle_input(&byte),
            Err(e) => return Err(self.broken(e, "read")),
        }
        Ok(())
    }
}
