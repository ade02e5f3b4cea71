//! A child process's stdin and stdout as the connection: imaplib's
//! `IMAP4_stream`, e.g. `doveadm exec imap` for a local Dovecot.
//!
//! The session's line and literal limits apply as on a socket (the framer
//! does not care where bytes come from). Pipes have no timeouts of their
//! own, so a thread reads stdout into a small bounded queue and reads
//! from the queue honour the read timeout: a silent child cannot hang the
//! session, not even the LOGOUT sent on drop.

use std::io::{self, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, sync_channel};
use std::thread;
use std::time::Duration;

/// How much the reader thread reads at a time.
const CHUNK: usize = 64 * 1024;

/// How many chunks may wait in the queue: memory stays bounded when the
/// child writes faster than the session reads.
const QUEUED_CHUNKS: usize = 4;

/// A running child process, written through its stdin and read through
/// its stdout. Dropping it kills the process and waits for it.
#[derive(Debug)]
pub struct ChildStream {
    child: Child,
    stdin: Option<ChildStdin>,
    chunks: Receiver<io::Result<Vec<u8>>>,
    unread: Vec<u8>,
    eof: bool,
    read_timeout: Option<Duration>,
}

/// Starts `command` with piped stdin and stdout (stderr is inherited).
pub fn spawn(command: &mut Command) -> io::Result<ChildStream> {
    let mut child = command.stdin(Stdio::piped()).stdout(Stdio::piped()).spawn()?;
    let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
        let _ = child.kill();
        let _ = child.wait();
        return Err(io::Error::other("the child process has no stdin or stdout pipe"));
    };
    let (sender, chunks) = sync_channel(QUEUED_CHUNKS);
    thread::Builder::new().name("typed-imap child stdout".into()).spawn(move || pump(stdout, sender))?;
    Ok(ChildStream { child, stdin: Some(stdin), chunks, unread: Vec::new(), eof: false, read_timeout: None })
}

/// Moves stdout into the queue until EOF, an error, or the stream is
/// dropped. EOF is sent as an empty chunk.
fn pump(mut stdout: ChildStdout, sender: SyncSender<io::Result<Vec<u8>>>) {
    loop {
        let mut buf = vec![0; CHUNK];
        let chunk = match stdout.read(&mut buf) {
            Ok(n) => {
                buf.truncate(n);
                Ok(buf)
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => Err(e),
        };
        let last = !matches!(&chunk, Ok(bytes) if !bytes.is_empty());
        if sender.send(chunk).is_err() || last {
            return;
        }
    }
}

impl ChildStream {
    /// Bounds each read by `timeout` (`None`: wait forever).
    pub fn set_read_timeout(&mut self, timeout: Option<Duration>) {
        self.read_timeout = timeout;
    }

    /// Closes stdin, kills the process and reaps it. Idempotent.
    pub fn kill(&mut self) {
        self.stdin = None;
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// The next chunk from the reader thread, waiting at most the read
    /// timeout; an empty chunk at EOF.
    fn next_chunk(&mut self) -> io::Result<Vec<u8>> {
        let received = match self.read_timeout {
            Some(timeout) => self.chunks.recv_timeout(timeout),
            None => self.chunks.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match received {
            Ok(chunk) => chunk,
            Err(RecvTimeoutError::Timeout) => Err(io::Error::new(io::ErrorKind::TimedOut, "read timed out")),
            Err(RecvTimeoutError::Disconnected) => Ok(Vec::new()),
        }
    }
}

impl Read for ChildStream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.unread.is_empty() && !self.eof {
            self.unread = self.next_chunk()?;
            self.eof = self.unread.is_empty();
        }
        let n = buf.len().min(self.unread.len());
        buf[..n].copy_from_slice(&self.unread[..n]);
        self.unread.drain(..n);
        Ok(n)
    }
}

impl Write for ChildStream {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.stdin {
            Some(stdin) => stdin.write(buf),
            None => Err(io::Error::new(io::ErrorKind::BrokenPipe, "the child process was stopped")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.stdin {
            Some(stdin) => stdin.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for ChildStream {
    fn drop(&mut self) {
        self.kill();
    }
}
