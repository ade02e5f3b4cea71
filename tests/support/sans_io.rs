//! A sans-I/O `Protocol` brought to a given state, for the tests that
//! drive the core directly.

#![allow(dead_code)]

use typed_imap::command::Select;
use typed_imap::session::{Config, Protocol};

/// A protocol in the authenticated state (PREAUTH) with these capabilities;
/// tags are `A0`, `A1`, ...
pub fn preauth(caps: &str) -> Protocol {
    let mut p = Protocol::new(Config::default().with_tag_prefix("A"));
    p.handle_input(format!("* PREAUTH [CAPABILITY {caps}] hi\r\n").as_bytes());
    assert!(p.poll_greeting().unwrap());
    p
}

/// A protocol with INBOX selected (3 messages); the next tag is `A1`.
pub fn selected(caps: &str) -> Protocol {
    let mut p = preauth(caps);
    let select = Select::new("INBOX").unwrap();
    p.send(&select).unwrap();
    sent(&mut p);
    p.handle_input(b"* 3 EXISTS\r\n* OK [UIDVALIDITY 7] ok\r\nA0 OK [READ-WRITE] done\r\n");
    p.poll_command(&select).unwrap().expect("SELECT completes");
    p
}

/// Everything the protocol wants to write, joined.
pub fn sent(p: &mut Protocol) -> String {
    let mut out = Vec::new();
    while let Some(bytes) = p.poll_transmit() {
        out.extend(bytes);
    }
    String::from_utf8_lossy(&out).into_owned()
}
