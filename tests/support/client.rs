//! What the driver tests share: small commands declared with the derive,
//! and how a test connects to its scripted server.

#![allow(dead_code)]

use std::io::ErrorKind;
use std::time::Duration;

use super::scripted_server::{Script, Server};
use typed_imap::Error;
use typed_imap::session::Event;
use typed_imap::session::blocking::Session;
use typed_imap::types::Data;

/// NOOP (RFC 3501 section 6.1.2).
#[derive(Debug, Clone, typed_imap::Command)]
#[imap(command = "NOOP", state = "any")]
pub struct Noop;

/// LOGIN with pre-encoded arguments (the public LOGIN lands elsewhere).
#[derive(Debug, Clone, typed_imap::Command)]
#[imap(command = "LOGIN", state = "not_authenticated")]
pub struct Login {
    #[imap(raw)]
    pub args: String,
}

/// A command with a literal argument (the public APPEND lands elsewhere).
#[derive(Debug, Clone, typed_imap::Command)]
#[imap(command = "XSEND")]
pub struct XSend {
    #[imap(literal)]
    pub body: Vec<u8>,
}

/// Connects to the scripted server with a 5 s timeout.
pub fn connect(server: &Server) -> Result<Session, Error> {
    Session::builder().timeout(Duration::from_secs(5)).connect("127.0.0.1", server.port())
}

/// The kind of an I/O error, `None` for other errors.
pub fn io_kind(e: &Error) -> Option<ErrorKind> {
    match e {
        Error::Io(io) => Some(io.kind()),
        _ => None,
    }
}

/// A script that greets with PREAUTH (logged in) and `caps`.
pub fn preauth(caps: &str) -> Script {
    Script::new().send(&format!("* PREAUTH [CAPABILITY {caps}] hello\r\n"))
}

/// The numbers of EXISTS or RECENT events, in order.
pub fn counts(events: &[Event]) -> Vec<u32> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Data(Data::Exists(n) | Data::Recent(n)) => Some(*n),
            _ => None,
        })
        .collect()
}
