//! Conformance item 112: trace output never shows the LOGIN password or an
//! AUTHENTICATE payload, in any form.

use std::io::Write;
use std::sync::{Arc, Mutex};

use typed_imap::auth::Plain;
use typed_imap::command::{Login, Raw, RawArg};
use typed_imap::session::{Config, Protocol};
use typed_imap::types::Atom;

/// A `tracing` writer into a shared buffer.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Runs `f` with every trace event written into the returned text.
fn traced(f: impl FnOnce()) -> String {
    let out = Captured::default();
    let writer = out.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    tracing::subscriber::with_default(subscriber, f);
    String::from_utf8(out.0.lock().unwrap().clone()).unwrap()
}

fn greeted(caps: &str) -> Protocol {
    let mut p = Protocol::new(Config::default().with_tag_prefix("A"));
    p.handle_input(format!("* OK [CAPABILITY {caps}] ready\r\n").as_bytes());
    p.poll_greeting().unwrap();
    p
}

#[test]
fn c112_login_password_is_redacted() {
    let log = traced(|| {
        let mut p = greeted("IMAP4rev1");
        let login = Login::new("alice", "s3cret pw").unwrap();
        p.send(&login).unwrap();
        p.handle_input(b"A0 OK done\r\n");
        p.poll_command(&login).unwrap();
    });
    assert!(log.contains("C: A0 LOGIN <redacted>"), "{log}");
    assert!(!log.contains("s3cret"), "{log}");
    assert!(log.contains("S: OK"), "responses are traced: {log}");
}

#[test]
fn c112_authenticate_payloads_are_redacted() {
    let log = traced(|| {
        let mut p = greeted("IMAP4rev1 SASL-IR");
        let mut plain = Plain::new("alice", "s3cret").unwrap();
        p.authenticate_start(&mut plain).unwrap();
        let mut p2 = greeted("IMAP4rev1");
        let mut plain2 = Plain::new("alice", "s3cret").unwrap();
        p2.authenticate_start(&mut plain2).unwrap();
        p2.handle_input(b"+ \r\n");
        p2.poll_authenticate(&mut plain2).unwrap();
    });
    for secret in ["s3cret", "AGFsaWNlAHMzY3JldA==", "YWxpY2UAczNjcmV0"] {
        assert!(!log.contains(secret), "{secret} in {log}");
    }
    assert!(log.contains("AUTHENTICATE <redacted>"), "{log}");
    assert!(log.contains("<redacted SASL response>"), "{log}");
}

#[test]
fn other_commands_are_traced_in_full_but_literals_only_by_size() {
    let log = traced(|| {
        let mut p = greeted("IMAP4rev1 LITERAL+");
        let body = b"hello\r\nworld".to_vec();
        let raw = Raw::new("XAPPEND", vec![RawArg::Atom(Atom::new("INBOX").unwrap()), RawArg::String(body)])
            .unwrap();
        p.send(&raw).unwrap();
    });
    assert!(log.contains("C: A0 XAPPEND INBOX {12+}"), "{log}");
    assert!(log.contains("C: <literal of 12 bytes>"), "{log}");
    assert!(!log.contains("world"), "{log}");
}
