//! The blocking driver against hostile or broken servers: a clear error
//! within the limits and the time set, no panic, no hang.

mod support;

use support::client::{Noop, connect};
use support::scripted_server::{Script, Server};
use typed_imap::Error;
use typed_imap::session::blocking::Session;

#[test]
fn c05_eof_mid_literal_aborts() {
    let script = Script::new()
        .greet("IMAP4rev1")
        .expect("<tag> NOOP\r\n")
        .send("* 1 FETCH (BODY[] {100}\r\nabc")
        .close();
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let err = session.run(Noop).unwrap_err();
    assert!(matches!(&err, Error::Aborted(why) if why.contains("middle")), "{err:?}");
    server.finish();
}

/// V11: `{2^63}` in the greeting's text (a status line carries no
/// literal), then a stray line and EOF: the connection aborts.
#[test]
fn c05_v11_huge_literal_greeting_is_refused() {
    let script = Script::new().send("* OK {9223372036854775808}\r\nIMAP4rev1\r\n").close();
    let server = Server::start(script);
    let err = connect(&server).unwrap_err();
    assert!(matches!(err, Error::Aborted(_)), "{err:?}");
    server.finish();
}

#[test]
fn c05_v11_literal_over_the_limit_then_eof() {
    let script = Script::new().send("* OK {32768}\r\nIMAP4rev1\r\n").close();
    let server = Server::start(script);
    let err = connect(&server).unwrap_err();
    assert!(matches!(err, Error::Aborted(_)), "{err:?}");
    server.finish();
}

#[test]
fn c05_bye_mid_command_fails_it_and_later_calls() {
    let script =
        Script::new().greet("IMAP4rev1").expect("<tag> NOOP\r\n").send("* BYE shutting down\r\n").close();
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let err = session.run(Noop).unwrap_err();
    assert!(matches!(&err, Error::Bye(text) if text == "shutting down"), "{err:?}");
    let again = session.run(Noop).unwrap_err();
    assert!(matches!(again, Error::Bye(_)), "{again:?}");
    server.finish();
}

#[test]
fn c05_line_over_the_limit_is_refused() {
    let long = format!("* OK {}\r\n", "x".repeat(5000));
    let server = Server::start(Script::new().send(&long).close());
    let config = typed_imap::session::Config::default()
        .with_limits(typed_imap::wire::FrameLimits::default().with_max_line(1000));
    let err = Session::builder().config(config).connect("127.0.0.1", server.port()).unwrap_err();
    assert!(matches!(err, Error::Frame(_)), "{err:?}");
    server.finish();
}

#[test]
fn c05_bare_lf_greeting_is_refused() {
    let server = Server::start(Script::new().send("* CAPABILITY IMAP4rev1 AUTH\n").close());
    let err = connect(&server).unwrap_err();
    assert!(matches!(err, Error::Frame(_)), "{err:?}");
    server.finish();
}

#[test]
fn c05_connection_refused_is_an_io_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let err = Session::connect("127.0.0.1", port).unwrap_err();
    assert!(matches!(err, Error::Io(_)), "{err:?}");
}

/// A literal of 2^63 bytes announced in a FETCH: refused by the framer's
/// literal limit when announced, never allocated; the connection breaks.
#[test]
fn c05_literal_of_2_pow_63_bytes_is_refused_when_announced() {
    let script = Script::new()
        .greet("IMAP4rev1")
        .expect("<tag> NOOP\r\n")
        .send("* 1 FETCH (BODY[] {9223372036854775808}\r\nabc")
        .expect_eof();
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let err = session.run(Noop).unwrap_err();
    assert!(matches!(err, Error::Frame(_)), "{err:?}");
    assert!(session.run(Noop).is_err(), "the stream cannot be resynchronised");
    drop(session);
    server.finish();
}

#[test]
fn c05_response_over_the_line_limit_mid_command_is_refused() {
    let config = typed_imap::session::Config::default()
        .with_limits(typed_imap::wire::FrameLimits::default().with_max_line(1000));
    let long = format!("* OK {}\r\n", "x".repeat(100_000));
    let script = Script::new().greet("IMAP4rev1").expect("<tag> NOOP\r\n").send(&long).expect_eof();
    let server = Server::start(script);
    let mut session = Session::builder().config(config).connect("127.0.0.1", server.port()).unwrap();
    let err = session.run(Noop).unwrap_err();
    assert!(matches!(err, Error::Frame(_)), "{err:?}");
    drop(session);
    server.finish();
}
