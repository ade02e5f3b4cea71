//! COMPRESS=DEFLATE on a blocking session (RFC 4978).
//!
//! The server compresses from the byte after the CRLF of its tagged OK
//! (RFC 4978 section 3), and may send its first compressed bytes in the
//! same TCP segment as the OK. The driver's usual 64 KiB reads would hand
//! those bytes to the protocol core, which keeps unparsed input to itself
//! and would parse them as plain text. So the COMPRESS exchange is read
//! one byte at a time: when the tagged OK is complete, the core holds no
//! byte past its CRLF, and the next byte read from the transport is the
//! first compressed one, which the [`DeflateStream`] then inflates. (The
//! answer is one short line: a few dozen reads, once per session. TLS
//! records already read stay in rustls' buffer, under the inflater, where
//! they belong.)
//!
//! [`DeflateStream`]: crate::transport::compress::DeflateStream

use std::io::{self, Read, Write};

use super::Session;
use crate::Error;
use crate::command::Compress;

impl Session {
    /// Compresses the connection both ways (COMPRESS DEFLATE, RFC 4978
    /// section 3): after the server's OK, everything sent and received is
    /// raw DEFLATE, under TLS when TLS is on. Saves bandwidth on slow
    /// links, at some CPU cost on both sides.
    ///
    /// Refused with nothing sent unless the session is authenticated
    /// ([`Error::State`]) and the server advertises `COMPRESS=DEFLATE`
    /// ([`Error::Unsupported`]); the capabilities are asked for first when
    /// unknown (after login). A NO or BAD leaves the connection
    /// uncompressed and usable. A second call is refused with nothing sent
    /// (an `AlreadyExists` I/O error).
    ///
    /// ```no_run
    /// use typed_imap::command::{Login, Select};
    /// use typed_imap::session::blocking::Session;
    ///
    /// # fn main() -> Result<(), typed_imap::Error> {
    /// let mut session = Session::connect_tls("imap.example.org", 993)?;
    /// session.run(Login::new("alice", "secret")?)?;
    /// session.compress()?;
    /// session.run(Select::new("INBOX")?)?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn compress(&mut self) -> Result<(), Error> {
        if self.transport.is_compressed() {
            let why = "COMPRESS refused: compression is already on (RFC 4978 section 3)";
            return Err(Error::Io(io::Error::new(io::ErrorKind::AlreadyExists, why)));
        }
        let cmd = Compress::default();
        if self.protocol.capabilities().is_none() {
            self.refresh_capabilities()?;
        }
        self.protocol.send(&cmd)?;
        if let Err(e) = self.drive_byte_by_byte(&cmd) {
            self.close_if_over();
            return Err(e);
        }
        self.transport.start_deflate();
        Ok(())
    }

    /// Drives the command sent to its tagged response, reading one byte
    /// at a time so that nothing past that response is read.
    fn drive_byte_by_byte(&mut self, cmd: &Compress) -> Result<(), Error> {
        loop {
            let done = self.protocol.poll_command(cmd)?;
            self.write_queued()?;
            if done.is_some() {
                return Ok(());
            }
            self.read_byte()?;
        }
    }

    /// Writes every queued transmit and flushes.
    fn write_queued(&mut self) -> Result<(), Error> {
        while let Some(bytes) = self.protocol.poll_transmit() {
            let written = self.transport.write_all(&bytes).and_then(|()| self.transport.flush());
            if let Err(e) = written {
                return Err(self.connection_lost(e, "write"));
            }
        }
        Ok(())
    }

    /// One byte into the protocol, or the end of the stream.
    fn read_byte(&mut self) -> Result<(), Error> {
        let mut byte = [0; 1];
        loop {
            match self.transport.read(&mut byte) {
                Ok(0) => self.protocol.handle_eof(),
                Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => self.protocol.handle_eof(),
                Ok(_) => self.protocol.handle_input(&byte),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(self.connection_lost(e, "read")),
            }
            return Ok(());
        }
    }

    /// A failed read or write leaves COMPRESS half done: the connection
    /// is marked broken and closed, as the driver does for any command.
    fn connection_lost(&mut self, e: io::Error, what: &str) -> Error {
        let timed_out = matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut);
        let why = match timed_out {
            true => format!("{what} timed out during COMPRESS"),
            false => format!("{what} failed during COMPRESS: {e}"),
        };
        self.protocol.mark_broken(why.clone());
        self.transport.close();
        match timed_out {
            true => Error::Io(io::Error::new(io::ErrorKind::TimedOut, why)),
            false => Error::Io(e),
        }
    }
}
