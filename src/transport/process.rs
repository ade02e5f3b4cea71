//! A child process's stdin and stdout as the connection: imaplib's
//! `IMAP4_stream`, e.g. `doveadm exec imap` for a local Dovecot.
//!
//! The session's line and literal limits apply as on a socket (the framer
//! does not care where bytes come from); pipes have no read timeout.

use std::io::{self, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

/// A running child process, written through its stdin and read through
/// its stdout. Dropping it kills the process and waits for it.
#[derive(Debug)]
pub struct ChildStream {
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: ChildStdout,
}

/// Starts `command` with piped stdin and stdout (stderr is inherited).
pub fn spawn(command: &mut Command) -> io::Result<ChildStream> {
    let mut child = command.stdin(Stdio::piped()).stdout(Stdio::piped()).spawn()?;
    let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
        let _ = child.kill();
        let _ = child.wait();
        return Err(io::Error::other("the child process has no stdin or stdout pipe"));
    };
    Ok(ChildStream { child, stdin: Some(stdin), stdout })
}

impl ChildStream {
    /// Closes stdin, kills the process and reaps it. Idempotent.
    pub fn kill(&mut self) {
        self.stdin = None;
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Read for ChildStream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.stdout.read(buf)
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
