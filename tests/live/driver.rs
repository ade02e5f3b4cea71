//! The smallest driver of the sans-I/O [`Protocol`] over a `TcpStream`,
//! for what the blocking `Session` does not expose yet: AUTHENTICATE's
//! challenges and IDLE. It prints every line sent (`C:`) and received
//! (`S:`), shown when a test fails.

use std::io::{Read, Write};
use std::net::TcpStream;

use typed_imap::Error;
use typed_imap::auth::Authenticator;
use typed_imap::command::{Command, State};
use typed_imap::session::{Config, Event, Protocol};

use super::{Server, TIMEOUT};

/// A protocol core over a TCP stream: the smallest driver.
pub struct Driver {
    protocol: Protocol,
    stream: TcpStream,
}

impl Driver {
    /// Connects and reads the greeting.
    pub fn connect(server: &Server) -> Driver {
        let stream = TcpStream::connect((server.host.as_str(), server.port)).unwrap();
        stream.set_read_timeout(Some(TIMEOUT)).unwrap();
        stream.set_write_timeout(Some(TIMEOUT)).unwrap();
        let mut d = Driver { protocol: Protocol::new(Config::default()), stream };
        while !d.protocol.poll_greeting().unwrap() {
            d.read();
        }
        d
    }

    fn flush(&mut self) {
        while let Some(bytes) = self.protocol.poll_transmit() {
            eprintln!("C: {}", String::from_utf8_lossy(&bytes).trim_end());
            self.stream.write_all(&bytes).unwrap();
        }
    }

    fn read(&mut self) {
        let mut buf = [0u8; 16384];
        let n = self.stream.read(&mut buf).unwrap();
        match n {
            0 => self.protocol.handle_eof(),
            n => {
                eprintln!("S: {}", String::from_utf8_lossy(&buf[..n]).trim_end());
                self.protocol.handle_input(&buf[..n]);
            }
        }
    }

    /// Runs a SASL exchange to its end.
    pub fn authenticate(&mut self, auth: &mut dyn Authenticator) -> Result<(), Error> {
        self.protocol.authenticate_start(auth)?;
        loop {
            self.flush();
            if let Some(()) = self.protocol.poll_authenticate(auth)? {
                return Ok(());
            }
            self.flush();
            self.read();
        }
    }

    /// Runs one command to its tagged answer.
    pub fn run<C: Command>(&mut self, cmd: C) -> Result<C::Output, Error> {
        self.protocol.send(&cmd)?;
        loop {
            self.flush();
            if let Some(out) = self.protocol.poll_command(&cmd)? {
                return Ok(out);
            }
            self.flush();
            self.read();
        }
    }

    /// The connection state.
    pub fn state(&self) -> State {
        self.protocol.state()
    }

    /// Sends IDLE and waits for the server's `+`.
    pub fn idle_start(&mut self) -> Result<(), Error> {
        self.protocol.idle_start()?;
        loop {
            self.flush();
            self.protocol.poll_idle()?;
            if self.protocol.is_idling() {
                return Ok(());
            }
            self.read();
        }
    }

    /// While idling, reads until an event matches `wanted` (each read is
    /// bounded by the timeout) and returns the events seen.
    pub fn idle_until(&mut self, wanted: impl Fn(&Event) -> bool) -> Result<Vec<Event>, Error> {
        let mut seen = Vec::new();
        loop {
            self.protocol.poll_idle()?;
            seen.extend(std::iter::from_fn(|| self.protocol.poll_event()));
            if seen.iter().any(&wanted) {
                return Ok(seen);
            }
            self.read();
        }
    }

    /// Sends DONE and reads up to IDLE's tagged OK.
    pub fn idle_done(&mut self) -> Result<(), Error> {
        self.protocol.idle_done()?;
        loop {
            self.flush();
            if self.protocol.poll_idle()?.is_some() {
                return Ok(());
            }
            self.read();
        }
    }
}
