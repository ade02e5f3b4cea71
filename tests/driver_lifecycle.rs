//! The blocking driver's lifecycle against a scripted loopback server:
//! LOGOUT and drop (conformance section H), STARTTLS refusals and the
//! injection check (section I), read timeouts (item 113), literals and
//! unsolicited events.

mod support;

use std::io::ErrorKind;
use std::time::Duration;

use support::client::{Noop, XSend, connect, io_kind, preauth};
use support::scripted_server::{Script, Server};
use typed_imap::Error;
use typed_imap::command::State;
use typed_imap::session::blocking::Session;
use typed_imap::types::StatusKind;

#[test]
fn c05_item93_logout_returns_bye_and_closes() {
    let script = preauth("IMAP4rev1")
        .expect("<tag> LOGOUT\r\n")
        .send("* BYE IMAP4ref1 Server logging out\r\n<tag> OK LOGOUT completed\r\n")
        .expect_eof();
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let bye = session.logout().unwrap();
    assert_eq!(bye.kind, StatusKind::Bye);
    assert_eq!(bye.text.to_string(), "IMAP4ref1 Server logging out");
    assert_eq!(session.state(), State::Logout);
    server.finish();
}

#[test]
fn c05_item94_bye_then_close_without_tagged_reply_still_succeeds() {
    let script = preauth("IMAP4rev1").expect("<tag> LOGOUT\r\n").send("* BYE bye\r\n").close();
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let bye = session.logout().unwrap();
    assert_eq!((bye.kind, bye.text.to_string()), (StatusKind::Bye, "bye".into()));
    server.finish();
}

#[test]
fn c05_item95_logout_with_only_a_tagged_ok_returns_the_ok() {
    let script = preauth("IMAP4rev1").expect("<tag> LOGOUT\r\n").send("<tag> OK see you\r\n").expect_eof();
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let ok = session.logout().unwrap();
    assert_eq!((ok.kind, ok.text.to_string()), (StatusKind::Ok, "see you".into()));
    server.finish();
}

#[test]
fn c05_item96_drop_sends_logout_exactly_once() {
    let script =
        preauth("IMAP4rev1").expect("<tag> LOGOUT\r\n").send("* BYE bye\r\n<tag> OK done\r\n").expect_eof();
    let server = Server::start(script);
    drop(connect(&server).unwrap());
    assert_eq!(server.finish().tags.len(), 1);
}

#[test]
fn c05_item96_nothing_sent_on_drop_after_logout() {
    let script = preauth("IMAP4rev1").expect("<tag> LOGOUT\r\n").send("<tag> OK done\r\n").expect_eof();
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    session.logout().unwrap();
    drop(session);
    assert_eq!(server.finish().tags.len(), 1);
}

#[test]
fn c05_item96_not_logged_in_drop_sends_nothing() {
    let server = Server::start(Script::new().greet("IMAP4rev1").expect_eof());
    drop(connect(&server).unwrap());
    assert_eq!(server.finish().tags.len(), 1, "only the CAPABILITY");
}

#[test]
fn c05_item97_starttls_refused_when_authenticated_nothing_sent() {
    let server = Server::start(preauth("IMAP4rev1 STARTTLS").expect("<tag> LOGOUT\r\n").send("<tag> OK\r\n"));
    let mut session = connect(&server).unwrap();
    let err = session.starttls().unwrap_err();
    assert!(matches!(err, Error::State { .. }), "{err:?}");
    drop(session);
    assert_eq!(server.finish().tags.len(), 1, "only the LOGOUT of the drop");
}

#[test]
fn c05_item97_starttls_refused_when_not_advertised_nothing_sent() {
    let server = Server::start(Script::new().greet("IMAP4rev1").expect_eof());
    let mut session = connect(&server).unwrap();
    let err = session.starttls().unwrap_err();
    assert!(matches!(&err, Error::Unsupported { capability, .. } if capability == "STARTTLS"), "{err:?}");
    drop(session);
    assert_eq!(server.finish().tags.len(), 1);
}

#[test]
fn c05_item99_starttls_no_leaves_the_connection_plain_and_usable() {
    let script = Script::new()
        .greet("IMAP4rev1 STARTTLS")
        .expect("<tag> STARTTLS\r\n")
        .send("<tag> NO not today\r\n")
        .expect("<tag> NOOP\r\n")
        .send("<tag> OK\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let err = session.starttls().unwrap_err();
    assert!(err.to_string().contains("couldn't establish TLS"), "{err}");
    assert!(!session.is_tls());
    session.run(Noop).unwrap();
    drop(session);
    server.finish();
}

#[test]
fn c05_item100_bytes_after_starttls_ok_are_an_attack() {
    let script = Script::new()
        .greet("IMAP4rev1 STARTTLS")
        .expect("<tag> STARTTLS\r\n")
        .send("<tag> OK Begin TLS\r\n* CAPABILITY IMAP4rev1 INJECTED\r\n")
        .expect_eof();
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let err = session.starttls().unwrap_err();
    assert!(matches!(err, Error::Aborted(_)), "{err:?}");
    assert!(!session.has_capability("INJECTED"));
    assert!(session.run(Noop).is_err(), "the connection is closed");
    drop(session);
    server.finish();
}

#[test]
fn c05_item113_read_timeout_mid_response_breaks_the_connection() {
    let script = Script::new()
        .greet("IMAP4rev1")
        .expect("<tag> NOOP\r\n")
        .send("* 1 FETCH (BODY[] {10}\r\nabc")
        .sleep(600)
        .expect_eof();
    let server = Server::start(script);
    let mut session = Session::builder()
        .read_timeout(Duration::from_millis(200))
        .connect("127.0.0.1", server.port())
        .unwrap();
    let err = session.run(Noop).unwrap_err();
    assert_eq!(io_kind(&err), Some(ErrorKind::TimedOut), "{err:?}");
    let again = session.run(Noop).unwrap_err();
    assert!(matches!(&again, Error::Aborted(why) if why.contains("timed out")), "{again:?}");
    drop(session);
    server.finish();
}

#[test]
fn c05_item113_server_that_stops_answering_times_out() {
    let script = Script::new().greet("IMAP4rev1").expect("<tag> NOOP\r\n").sleep(600).expect_eof();
    let server = Server::start(script);
    let mut session = Session::builder()
        .read_timeout(Duration::from_millis(200))
        .connect("127.0.0.1", server.port())
        .unwrap();
    let started = std::time::Instant::now();
    let err = session.run(Noop).unwrap_err();
    assert_eq!(io_kind(&err), Some(ErrorKind::TimedOut), "{err:?}");
    assert!(started.elapsed() < Duration::from_secs(5), "no hang");
    drop(session);
    server.finish();
}

#[test]
fn c05_literal_waits_for_the_continuation_then_is_sent() {
    let script = preauth("IMAP4rev1")
        .expect("<tag> XSEND {5}\r\n")
        .expect_silence(100)
        .send("+ go ahead\r\n")
        .expect("hello\r\n")
        .send("<tag> OK sent\r\n")
        .expect("<tag> LOGOUT\r\n")
        .send("<tag> OK\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    session.run(XSend { body: b"hello".to_vec() }).unwrap();
    drop(session);
    server.finish();
}

#[test]
fn c05_literal_refused_is_not_sent_and_no_is_the_result() {
    let script = preauth("IMAP4rev1")
        .expect("<tag> XSEND {5}\r\n")
        .send("<tag> NO too big\r\n")
        .expect("<tag> LOGOUT\r\n")
        .send("<tag> OK\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let err = session.run(XSend { body: b"hello".to_vec() }).unwrap_err();
    assert!(matches!(&err, Error::No(refusal) if refusal.text.to_string() == "too big"), "{err:?}");
    drop(session);
    server.finish();
}

#[test]
fn c05_unsolicited_responses_are_events_in_arrival_order() {
    let script = Script::new()
        .greet("IMAP4rev1")
        .expect("<tag> NOOP\r\n")
        .send("* 3 EXISTS\r\n* OK [ALERT] disk full\r\n* 1 RECENT\r\n<tag> OK\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    session.run(Noop).unwrap();
    let names: Vec<String> = session.events().map(|e| e.name().to_owned()).collect();
    assert_eq!(names, ["EXISTS", "OK", "RECENT"]);
    assert!(session.poll_event().is_none(), "drained");
    drop(session);
    server.finish();
}

#[test]
fn c05_take_events_by_name() {
    let script = Script::new()
        .greet("IMAP4rev1")
        .expect("<tag> NOOP\r\n")
        .send("* 3 EXISTS\r\n* 1 RECENT\r\n<tag> OK\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    session.run(Noop).unwrap();
    assert_eq!(session.take_events("exists").len(), 1);
    assert_eq!(session.poll_event().map(|e| e.name().to_owned()), Some("RECENT".into()));
    drop(session);
    server.finish();
}

#[test]
fn c05_write_timeout_breaks_the_connection() {
    let size = 32 * 1024 * 1024;
    let script = preauth("IMAP4rev1")
        .expect(&format!("<tag> XSEND {{{size}}}\r\n"))
        .send("+ go ahead\r\n")
        .sleep(1500)
        .close();
    let server = Server::start(script);
    let mut session = Session::builder()
        .write_timeout(Duration::from_millis(200))
        .connect("127.0.0.1", server.port())
        .unwrap();
    let err = session.run(XSend { body: vec![b'x'; size] }).unwrap_err();
    assert_eq!(io_kind(&err), Some(ErrorKind::TimedOut), "{err:?}");
    assert_eq!(session.state(), State::Logout, "broken: a literal was half sent");
    drop(session);
    server.finish();
}
