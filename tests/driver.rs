//! The blocking driver against a scripted loopback server: connecting
//! and the greeting, tags, `require_tls` (shared/conformance.md sections
//! A and B; each test names its item), and the V1 vector.

mod support;

use std::io::ErrorKind;
use std::time::Duration;

use support::client::{Login, Noop, connect, io_kind, preauth};
use support::scripted_server::{Script, Server};
use typed_imap::Error;
use typed_imap::command::State;
use typed_imap::session::blocking::{DEFAULT_PORT, DEFAULT_TLS_PORT, Session};
use typed_imap::types::StatusKind;

#[test]
fn c05_item01_nothing_sent_before_a_complete_greeting() {
    let script = Script::new()
        .send("* OK IMAP4")
        .expect_silence(200)
        .send("rev1 ready\r\n")
        .expect("<tag> CAPABILITY\r\n")
        .send("* CAPABILITY IMAP4rev1\r\n<tag> OK done\r\n");
    let server = Server::start(script);
    let session = connect(&server).unwrap();
    assert_eq!(session.state(), State::NotAuthenticated);
    drop(session);
    assert_eq!(server.finish().tags.len(), 1);
}

#[test]
fn c05_item02_ok_greeting_is_not_authenticated_preauth_is_authenticated() {
    let server = Server::start(Script::new().greet("IMAP4rev1").expect_eof());
    assert_eq!(connect(&server).unwrap().state(), State::NotAuthenticated);
    server.finish();

    let script = Script::new()
        .send("* PREAUTH [CAPABILITY IMAP4rev1] logged in\r\n")
        .expect("<tag> LOGOUT\r\n")
        .send("* BYE\r\n<tag> OK\r\n");
    let server = Server::start(script);
    assert_eq!(connect(&server).unwrap().state(), State::Authenticated);
    server.finish();
}

#[test]
fn c05_item03_bye_greeting_fails_connect_and_closes() {
    let server = Server::start(Script::new().send("* BYE go away\r\n").expect_eof());
    let err = connect(&server).unwrap_err();
    assert!(matches!(&err, Error::Bye(text) if text == "go away"), "{err:?}");
    assert!(err.to_string().contains("BYE go away"), "{err}");
    server.finish();
}

#[test]
fn c05_item04_greeting_cut_by_eof_aborts() {
    let server = Server::start(Script::new().send("* OK").close());
    let err = connect(&server).unwrap_err();
    assert!(matches!(err, Error::Aborted(_)), "{err:?}");
    server.finish();
}

#[test]
fn c05_item05_capability_code_in_greeting_is_used_and_not_asked() {
    let script = Script::new()
        .send("* OK [CAPABILITY IMAP4rev1 IDLE] ready\r\n")
        .expect("<tag> NOOP\r\n")
        .send("<tag> OK done\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    assert!(session.has_capability("IDLE"));
    session.run(Noop).unwrap();
    drop(session);
    let tags = server.finish().tags;
    assert!(tags[0].ends_with('0'), "the first command sent is tag 0: {tags:?}");
}

#[test]
fn c05_item05_capability_is_the_first_command() {
    let script = Script::new().greet("IMAP4rev1 IDLE").expect("<tag> NOOP\r\n").send("<tag> OK\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    session.run(Noop).unwrap();
    drop(session);
    assert_eq!(server.finish().tags.len(), 2);
}

#[test]
fn c05_item06_no_capability_response_fails_connect_and_closes() {
    let script = Script::new()
        .send("* OK ready\r\n")
        .expect("<tag> CAPABILITY\r\n")
        .send("<tag> OK nothing to say\r\n")
        .expect_eof();
    let server = Server::start(script);
    let err = connect(&server).unwrap_err();
    assert!(err.to_string().contains("no CAPABILITY response"), "{err}");
    server.finish();
}

#[test]
fn c05_item07_capabilities_compare_case_insensitively() {
    let server = Server::start(Script::new().greet("imap4REV1 auth=cram-md5"));
    let session = connect(&server).unwrap();
    assert!(session.has_capability("IMAP4rev1"));
    assert!(session.has_capability("AUTH=CRAM-MD5"));
    assert!(!session.has_capability("IDLE"));
    drop(session);
    server.finish();
}

#[test]
fn c05_item08_server_without_imap4_is_refused_and_closed() {
    let server = Server::start(Script::new().greet("FOO BAR").expect_eof());
    let err = connect(&server).unwrap_err();
    assert!(err.to_string().contains("server not IMAP4 compliant"), "{err}");
    server.finish();
}

#[test]
fn c05_item08_imap4rev2_alone_is_accepted() {
    let server = Server::start(Script::new().greet("IMAP4rev2"));
    let session = connect(&server).unwrap();
    assert!(session.has_capability("IMAP4rev2"));
    drop(session);
    server.finish();
}

#[test]
fn c05_item09_timeout_while_waiting_for_the_greeting() {
    let server = Server::start(Script::new().sleep(1000).send("* OK late\r\n"));
    let err =
        Session::builder().timeout(Duration::from_millis(1)).connect("127.0.0.1", server.port()).unwrap_err();
    assert_eq!(io_kind(&err), Some(ErrorKind::TimedOut), "{err:?}");
    server.finish();
}

#[test]
fn c05_item10_zero_timeout_refused_before_connecting() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    for builder in [
        Session::builder().timeout(Duration::ZERO),
        Session::builder().read_timeout(Duration::ZERO),
        Session::builder().connect_timeout(Duration::ZERO),
    ] {
        let err = builder.connect("127.0.0.1", port).unwrap_err();
        assert!(matches!(err, Error::InvalidArgument(_)), "{err:?}");
    }
    listener.set_nonblocking(true).unwrap();
    assert_eq!(listener.accept().unwrap_err().kind(), ErrorKind::WouldBlock, "no connection was opened");
}

#[test]
fn c05_item11_default_ports() {
    assert_eq!(DEFAULT_PORT, 143);
    assert_eq!(DEFAULT_TLS_PORT, 993);
}

#[test]
fn c05_item16_tags_prefix_and_counter_without_padding() {
    let mut script = Script::new().greet("IMAP4rev1");
    for _ in 0..11 {
        script = script.expect("<tag> NOOP\r\n").send("<tag> OK\r\n");
    }
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    for _ in 0..11 {
        session.run(Noop).unwrap();
    }
    drop(session);
    let tags = server.finish().tags;
    let prefix = &tags[0][..4];
    assert!(prefix.bytes().all(|b| (b'A'..=b'P').contains(&b)) && prefix.as_bytes()[0] != b'A', "{prefix}");
    let numbers: Vec<&str> = tags.iter().map(|t| &t[4..]).collect();
    assert_eq!(numbers, ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"]);
}

#[test]
fn c05_item17_unknown_tag_breaks_the_connection() {
    let script =
        Script::new().greet("IMAP4rev1").expect("<tag> NOOP\r\n").send("ZZZZ9 OK not yours\r\n").expect_eof();
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let err = session.run(Noop).unwrap_err();
    assert!(matches!(err, Error::Aborted(_)), "{err:?}");
    let again = session.run(Noop).unwrap_err();
    assert!(matches!(again, Error::Aborted(_)), "later calls fail without sending: {again:?}");
    drop(session);
    server.finish();
}

#[test]
fn c05_item18_lowercase_status_and_bare_ok_accepted() {
    let script = Script::new()
        .greet("IMAP4rev1")
        .expect("<tag> NOOP\r\n")
        .send("<tag> ok done\r\n")
        .expect("<tag> NOOP\r\n")
        .send("<tag> OK\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    session.run(Noop).unwrap();
    session.run(Noop).unwrap();
    drop(session);
    server.finish();
}

#[test]
fn c05_v1_greeting_capability_login_logout() {
    let script = Script::new()
        .send("* OK IMAP4rev1\r\n")
        .expect("<tag> CAPABILITY\r\n")
        .send("* CAPABILITY IMAP4rev1\r\n<tag> OK CAPABILITY completed\r\n")
        .expect("<tag> LOGIN user \"pass\"\r\n")
        .send("<tag> OK LOGIN completed\r\n")
        .expect("<tag> LOGOUT\r\n")
        .send("* BYE IMAP4ref1 Server logging out\r\n<tag> OK LOGOUT completed\r\n")
        .expect_eof();
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    session.run(Login { args: "user \"pass\"".into() }).unwrap();
    assert_eq!(session.state(), State::Authenticated);
    let bye = session.logout().unwrap();
    assert_eq!((bye.kind, bye.text.to_string()), (StatusKind::Bye, "IMAP4ref1 Server logging out".into()));
    drop(session);
    assert_eq!(server.finish().tags.len(), 3);
}

/// Conformance item 114: `run` takes `&mut self`, so the borrow checker
/// forbids two commands in flight on one session.
#[test]
fn c05_item114_run_takes_the_session_exclusively() {
    let run: fn(&mut Session, Noop) -> Result<(), Error> = Session::run::<Noop>;
    let starttls: fn(&mut Session) -> Result<(), Error> = Session::starttls;
    assert_ne!(run as usize, starttls as usize);
}

#[test]
fn c05_require_tls_refuses_preauth_in_the_clear() {
    let server = Server::start(preauth("IMAP4rev1").expect_eof());
    let err = Session::builder().require_tls(true).connect("127.0.0.1", server.port()).unwrap_err();
    assert!(matches!(err, Error::Insecure(_)), "{err:?}");
    assert_eq!(server.finish().tags.len(), 0);
}

#[test]
fn c05_require_tls_refuses_login_in_the_clear_nothing_sent() {
    let server = Server::start(Script::new().greet("IMAP4rev1").expect_eof());
    let mut session = Session::builder().require_tls(true).connect("127.0.0.1", server.port()).unwrap();
    let err = session.run(Login { args: "user pass".into() }).unwrap_err();
    assert!(err.to_string().contains("LOGIN refused"), "{err}");
    assert_eq!(session.state(), State::NotAuthenticated);
    drop(session);
    assert_eq!(server.finish().tags.len(), 1);
}

#[test]
fn c05_session_debug_shows_no_internals() {
    let server = Server::start(Script::new().greet("IMAP4rev1"));
    let session = connect(&server).unwrap();
    assert_eq!(format!("{session:?}"), "Session { .. }");
    drop(session);
    server.finish();
}
