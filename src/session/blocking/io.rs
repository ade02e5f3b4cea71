//! The driver loop: write what the protocol queued, read what the server
//! sent, and turn I/O outcomes into protocol input. No protocol decision
//! is made here (quinn's `ConnectionDriver`, rustls' `complete_io`).

use std::io::{self, Read, Write};
use std::time::Duration;

use super::Session;
use crate::auth::Authenticator;
use crate::session::Protocol;
use crate::{Command, Error};

/// How much is read from the transport at a time.
const CHUNK: usize = 64 * 1024;

impl Session {
    /// Sends `cmd` and drives the connection until its result is in.
    pub(super) fn drive<C: Command + ?Sized>(&mut self, cmd: &C) -> Result<C::Output, Error> {
        self.drive_with(cmd, |_| {})
    }

    /// [`drive`](Self::drive), calling `between_reads` with the protocol
    /// each time the command is not done yet, before the next read
    /// (`fetch_each` takes what was collected so far there).
    pub(super) fn drive_with<C: Command + ?Sized>(
        &mut self,
        cmd: &C,
        mut between_reads: impl FnMut(&mut Protocol),
    ) -> Result<C::Output, Error> {
        self.protocol.send(cmd)?;
        loop {
            let output = self.protocol.poll_command(cmd)?;
            self.flush()?;
            if let Some(output) = output {
                return Ok(output);
            }
            between_reads(&mut self.protocol);
            self.fill()?;
        }
    }

    /// Runs an AUTHENTICATE exchange with `auth` answering the server's
    /// challenges, until the tagged answer.
    pub(super) fn drive_sasl<A: Authenticator + ?Sized>(&mut self, auth: &mut A) -> Result<(), Error> {
        self.protocol.authenticate_start(auth)?;
        loop {
            let done = self.protocol.poll_authenticate(auth)?;
            self.flush()?;
            if done.is_some() {
                return Ok(());
            }
            self.fill()?;
        }
    }

    /// Reads until the greeting is complete.
    pub(super) fn read_greeting(&mut self) -> Result<(), Error> {
        while !self.protocol.poll_greeting()? {
            self.fill()?;
        }
        Ok(())
    }

    /// Waits up to `timeout` for bytes (IDLE): a timeout is not an error
    /// and leaves whatever part of a response arrived buffered
    /// (conformance item 104); the session's own read timeout is restored
    /// afterwards. A caller's own stream ignores timeouts, so this blocks
    /// until it has bytes.
    pub(super) fn fill_within(&mut self, timeout: Duration) -> Result<(), Error> {
        let timeout = timeout.max(Duration::from_millis(1));
        if let Err(e) = self.transport.set_read_timeout(Some(timeout)) {
            return Err(self.broken(e, "setting the read timeout"));
        }
        let read = self.read_once();
        let restored = self.transport.set_read_timeout(self.read_timeout);
        match read.and(restored) {
            Err(e) if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) => Ok(()),
            Err(e) => Err(self.broken(e, "read")),
            Ok(()) => Ok(()),
        }
    }

    /// Writes every queued transmit. A failed write leaves a command half
    /// sent: the connection is marked broken.
    pub(super) fn flush(&mut self) -> Result<(), Error> {
        while let Some(bytes) = self.protocol.poll_transmit() {
            if let Err(e) = write_all(&mut self.transport, &bytes) {
                return Err(self.broken(e, "write"));
            }
        }
        Ok(())
    }

    /// One read into the protocol: bytes, or the end of the stream. A
    /// timeout or any other error leaves a response half read: the
    /// connection is marked broken (conformance item 113).
    pub(super) fn fill(&mut self) -> Result<(), Error> {
        self.read_once().map_err(|e| self.broken(e, "read"))
    }

    /// One read into the protocol: bytes, or the end of the stream; other
    /// errors (a timeout among them) are returned as they are.
    fn read_once(&mut self) -> io::Result<()> {
        if self.read_buf.len() != CHUNK {
            self.read_buf = vec![0; CHUNK];
        }
        loop {
            match self.transport.read(&mut self.read_buf) {
                // rustls reports a close without close_notify as UnexpectedEof;
                // IMAP responses delimit themselves, so the protocol judges
                // whether the close cut one.
                Ok(0) => self.protocol.handle_eof(),
                Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => self.protocol.handle_eof(),
                Ok(n) => self.protocol.handle_input(self.read_buf.get(..n).unwrap_or_default()),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
            return Ok(());
        }
    }

    fn broken(&mut self, e: io::Error, what: &str) -> Error {
        let timed_out = matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut);
        let why = match timed_out {
            true => format!("{what} timed out"),
            false => format!("{what} failed: {e}"),
        };
        self.protocol.mark_broken(why.clone());
        self.transport.close();
        match timed_out {
            true => Error::Io(io::Error::new(io::ErrorKind::TimedOut, why)),
            false => Error::Io(e),
        }
    }
}

/// `write_all` with `WouldBlock` (a socket write timeout) and `Ok(0)`
/// (the peer cannot take more) as errors, and `Interrupted` retried.
fn write_all(out: &mut impl Write, mut bytes: &[u8]) -> io::Result<()> {
    while !bytes.is_empty() {
        match out.write(bytes) {
            Ok(0) => {
                return Err(io::Error::new(io::ErrorKind::WriteZero, "the connection takes no more bytes"));
            }
            Ok(n) => bytes = bytes.get(n..).unwrap_or_default(),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                return Err(io::Error::new(io::ErrorKind::TimedOut, "write timed out"));
            }
            Err(e) => return Err(e),
        }
    }
    out.flush()
}
