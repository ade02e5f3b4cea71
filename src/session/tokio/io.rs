//! The driver loop: write what the protocol queued, read what the server
//! sent, and turn I/O outcomes into protocol input, as the blocking
//! driver's `io.rs` does, with `.await` and `tokio::time::timeout`. No
//! protocol decision is made here.
//!
//! Cancellation: the loops that carry a command run under an
//! [`InFlight`] guard, which marks the session broken when the future is
//! dropped before the loop ended (see the module documentation of
//! [`tokio`](super)).

use std::io;
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

use super::Session;
use super::connection::within;
use crate::auth::Authenticator;
use crate::session::Protocol;
use crate::{Command, Error};

/// How much is read from the stream at a time.
const CHUNK: usize = 64 * 1024;

/// How long the shutdown of a stream that is over may take.
const SHUTDOWN_TIMEOUT: Duration = Duration::from_secs(2);

/// A command in flight on `session`: dropped while armed (its future was
/// dropped mid-command), it marks the session broken.
pub(super) struct InFlight<'s, S> {
    pub(super) session: &'s mut Session<S>,
    armed: bool,
}

impl<'s, S> InFlight<'s, S> {
    pub(super) fn arm(session: &'s mut Session<S>) -> Self {
        InFlight { session, armed: true }
    }

    /// The loop ended, with a result or an error: nothing to undo.
    pub(super) fn disarm(mut self) {
        self.armed = false;
    }
}

impl<S> Drop for InFlight<'_, S> {
    fn drop(&mut self) {
        if self.armed {
            self.session
                .protocol
                .mark_broken("cancelled: a command's future was dropped before it completed");
        }
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin + Send> Session<S> {
    /// Sends `cmd` and drives the connection until its result is in.
    pub(super) async fn drive<C: Command + ?Sized>(&mut self, cmd: &C) -> Result<C::Output, Error> {
        self.drive_with(cmd, |_| {}).await
    }

    /// [`drive`](Self::drive), calling `between_reads` with the protocol
    /// each time the command is not done yet, before the next read
    /// (`fetch_each` takes what was collected so far there). A dropped
    /// future breaks the session (the [`InFlight`] guard).
    pub(super) async fn drive_with<C: Command + ?Sized>(
        &mut self,
        cmd: &C,
        between_reads: impl FnMut(&mut Protocol) + Send,
    ) -> Result<C::Output, Error> {
        let guard = InFlight::arm(self);
        let result = guard.session.drive_command(cmd, between_reads).await;
        guard.disarm();
        result
    }

    async fn drive_command<C: Command + ?Sized>(
        &mut self,
        cmd: &C,
        mut between_reads: impl FnMut(&mut Protocol) + Send,
    ) -> Result<C::Output, Error> {
        self.settle().await?;
        self.protocol.send(cmd)?;
        loop {
            let output = self.protocol.poll_command(cmd)?;
            self.flush().await?;
            if let Some(output) = output {
                return Ok(output);
            }
            between_reads(&mut self.protocol);
            self.fill().await?;
        }
    }

    /// Runs an AUTHENTICATE exchange with `auth` answering the server's
    /// challenges, until the tagged answer.
    pub(super) async fn drive_sasl<A: Authenticator + ?Sized>(&mut self, auth: &mut A) -> Result<(), Error> {
        let guard = InFlight::arm(self);
        let result = guard.session.drive_sasl_exchange(auth).await;
        guard.disarm();
        result
    }

    async fn drive_sasl_exchange<A: Authenticator + ?Sized>(&mut self, auth: &mut A) -> Result<(), Error> {
        self.settle().await?;
        self.protocol.authenticate_start(auth)?;
        loop {
            let done = self.protocol.poll_authenticate(auth)?;
            self.flush().await?;
            if done.is_some() {
                return Ok(());
            }
            self.fill().await?;
        }
    }

    /// Reads until the greeting is complete.
    pub(super) async fn read_greeting(&mut self) -> Result<(), Error> {
        while !self.protocol.poll_greeting()? {
            self.fill().await?;
        }
        Ok(())
    }

    /// Waits up to `timeout` for bytes (IDLE): a timeout is not an error
    /// and leaves whatever part of a response arrived buffered. Dropping
    /// this future loses nothing: a read either handed its bytes to the
    /// protocol or took none.
    pub(super) async fn fill_within(&mut self, timeout: Duration) -> Result<(), Error> {
        match self.read_once(Some(timeout.max(Duration::from_millis(1)))).await {
            Err(e) if e.kind() == io::ErrorKind::TimedOut => Ok(()),
            Err(e) => Err(self.broken(e, "read")),
            Ok(()) => Ok(()),
        }
    }

    /// Writes every queued transmit, each within the write timeout. A
    /// failed write leaves a command half sent: the connection is marked
    /// broken.
    pub(super) async fn flush(&mut self) -> Result<(), Error> {
        while let Some(bytes) = self.protocol.poll_transmit() {
            let stream = &mut self.stream;
            let write = async {
                stream.write_all(&bytes).await?;
                stream.flush().await
            };
            if let Err(e) = within(self.timeouts.write, "write", write).await {
                return Err(self.broken(e, "write"));
            }
        }
        Ok(())
    }

    /// One read into the protocol, within the read timeout: bytes, or the
    /// end of the stream. A timeout or any other error leaves a response
    /// half read: the connection is marked broken (conformance item 113).
    pub(super) async fn fill(&mut self) -> Result<(), Error> {
        match self.read_once(self.timeouts.read).await {
            Ok(()) => Ok(()),
            Err(e) => Err(self.broken(e, "read")),
        }
    }

    /// One read into the protocol within `limit`: bytes, or the end of
    /// the stream; other errors (a timeout among them) are returned as
    /// they are.
    async fn read_once(&mut self, limit: Option<Duration>) -> io::Result<()> {
        if self.read_buf.len() != CHUNK {
            self.read_buf = vec![0; CHUNK];
        }
        loop {
            match within(limit, "read", self.stream.read(&mut self.read_buf)).await {
                // rustls reports a close without close_notify as
                // UnexpectedEof; IMAP responses delimit themselves, so the
                // protocol judges whether the close cut one.
                Ok(0) => self.protocol.handle_eof(),
                Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => self.protocol.handle_eof(),
                Ok(n) => self.protocol.handle_input(self.read_buf.get(..n).unwrap_or_default()),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
            return Ok(());
        }
    }

    /// Marks the connection broken after the I/O error `e` in `what`.
    pub(super) fn broken(&mut self, e: io::Error, what: &str) -> Error {
        let timed_out = e.kind() == io::ErrorKind::TimedOut;
        let why = match timed_out {
            true => format!("{what} timed out"),
            false => format!("{what} failed: {e}"),
        };
        self.protocol.mark_broken(why.clone());
        match timed_out {
            true => Error::Io(io::Error::new(io::ErrorKind::TimedOut, why)),
            false => Error::Io(e),
        }
    }

    /// Shuts the stream down (a TLS close_notify first), best effort,
    /// once.
    pub(super) async fn shut(&mut self) {
        if !std::mem::replace(&mut self.closed, true) {
            let _ = within(Some(SHUTDOWN_TIMEOUT), "shutdown", self.stream.shutdown()).await;
        }
    }
}
