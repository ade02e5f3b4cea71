//! Conformance section E (items 51-62) and vectors V5, V6, V7 through the
//! blocking `Session`: LOGIN, AUTHENTICATE with callbacks and built-in
//! mechanisms, against a scripted server that checks every byte.

mod support;

use std::sync::{Arc, Mutex};

use support::client::{Noop, connect, preauth};
use support::scripted_server::{Script, Server};
use typed_imap::Error;
use typed_imap::auth::{AuthError, Plain, Response, from_fn};
use typed_imap::command::State;
use typed_imap::types::Code;

/// The refusal's `[CODE] text` of a NO.
fn no_text(err: &Error) -> String {
    match err {
        Error::No(refusal) => refusal.raw.clone(),
        other => panic!("expected NO, got {other:?}"),
    }
}

/// Item 51: `S: +` gives the callback empty bytes; `b"fake"` goes as
/// `ZmFrZQ==`. Item 55 (OK): the state is authenticated. Vector V6 (ok).
#[test]
fn c51_empty_challenge_and_fake_answer() {
    let script = Script::new()
        .greet("IMAP4rev1")
        .expect("<tag> AUTHENTICATE MYAUTH\r\n")
        .send("+\r\n")
        .expect("ZmFrZQ==\r\n")
        .send("<tag> OK [CAPABILITY IMAP4rev1 IDLE] FAKEAUTH successful\r\n")
        .expect_silence(50);
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    let mut auth = from_fn("MYAUTH", move |c: &[u8]| {
        log.lock().unwrap().push(c.to_vec());
        Ok(Response::from(b"fake".as_slice()))
    })
    .unwrap();
    session.authenticate(&mut auth).unwrap();
    assert_eq!(*seen.lock().unwrap(), vec![Vec::<u8>::new()]);
    assert_eq!(session.state(), State::Authenticated);
    server.finish();
}

/// Item 52: `+ Y2hhbGxlbmdl` decodes to `challenge`; `+ ` (trailing
/// space) is an empty challenge.
#[test]
fn c52_challenges_are_decoded_and_trailing_space_is_empty() {
    let script = Script::new()
        .greet("IMAP4rev1")
        .expect("<tag> AUTHENTICATE X-TWO\r\n")
        .send("+ Y2hhbGxlbmdl\r\n")
        .expect("YQ==\r\n")
        .send("+ \r\n")
        .expect("Yg==\r\n")
        .send("<tag> OK [CAPABILITY IMAP4rev1] done\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    let mut auth = from_fn("X-TWO", move |c: &[u8]| {
        let mut log = log.lock().unwrap();
        log.push(c.to_vec());
        Ok(Response::from(if log.len() == 1 { b"a".as_slice() } else { b"b".as_slice() }))
    })
    .unwrap();
    session.authenticate(&mut auth).unwrap();
    assert_eq!(*seen.lock().unwrap(), vec![b"challenge".to_vec(), Vec::new()]);
    server.finish();
}

/// Item 53 and V6 (aborted): a cancelling callback sends `*`; the NO
/// `[AUTHENTICATIONFAILED] aborted` is the error.
#[test]
fn c53_cancel_sends_star_and_the_no_is_the_error() {
    let script = Script::new()
        .greet("IMAP4rev1")
        .expect("<tag> AUTHENTICATE MYAUTH\r\n")
        .send("+\r\n")
        .expect("*\r\n")
        .send("<tag> NO [AUTHENTICATIONFAILED] aborted\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let mut auth = from_fn("MYAUTH", |_: &[u8]| Ok(Response::Cancel)).unwrap();
    let err = session.authenticate(&mut auth).unwrap_err();
    assert_eq!(no_text(&err), "[AUTHENTICATIONFAILED] aborted");
    assert!(matches!(&err, Error::No(r) if r.code == Some(Code::AuthenticationFailed)), "{err:?}");
    assert_eq!(session.state(), State::NotAuthenticated);
    server.finish();
}

/// Item 54: a text answer is sent UTF-8 encoded (`ü` is C3 BC, `w7w=`).
#[test]
fn c54_text_answer_is_sent_as_utf8() {
    let script = Script::new()
        .greet("IMAP4rev1")
        .expect("<tag> AUTHENTICATE MYAUTH\r\n")
        .send("+\r\n")
        .expect("w7w=\r\n")
        .send("<tag> OK [CAPABILITY IMAP4rev1] ok\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let mut auth = from_fn("MYAUTH", |_: &[u8]| Ok(Response::from("ü"))).unwrap();
    session.authenticate(&mut auth).unwrap();
    server.finish();
}

/// Item 55 and V6 (invalid): a NO carries its code and text; the state
/// stays not authenticated.
#[test]
fn c55_v6_no_carries_code_and_text() {
    let script = Script::new()
        .greet("IMAP4rev1")
        .expect("<tag> AUTHENTICATE MYAUTH\r\n")
        .send("+\r\n")
        .expect("ZmFrZQ==\r\n")
        .send("<tag> NO [AUTHENTICATIONFAILED] invalid\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let mut auth = from_fn("MYAUTH", |_: &[u8]| Ok(Response::from("fake"))).unwrap();
    let err = session.authenticate(&mut auth).unwrap_err();
    assert!(err.to_string().contains("[AUTHENTICATIONFAILED] invalid"), "{err}");
    assert_eq!(session.state(), State::NotAuthenticated);
    server.finish();
}

/// Item 55: BAD is a command error, not an authentication failure.
#[test]
fn c55_bad_is_a_command_error() {
    let script = Script::new()
        .greet("IMAP4rev1")
        .expect("<tag> AUTHENTICATE MYAUTH\r\n")
        .send("<tag> BAD command unknown\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let mut auth = from_fn("MYAUTH", |_: &[u8]| Ok(Response::from("fake"))).unwrap();
    let err = session.authenticate(&mut auth).unwrap_err();
    assert!(matches!(err, Error::Bad(_)), "{err:?}");
    server.finish();
}

/// V6 (name refused): a mechanism the server does not know gives its NO;
/// `AUTH=<mechanism>` is not checked client-side (as imaplib).
#[test]
fn c55_v6_unknown_mechanism_is_refused_by_the_server() {
    let script = Script::new()
        .greet("IMAP4rev1 AUTH=PLAIN")
        .expect("<tag> AUTHENTICATE METHOD\r\n")
        .send("<tag> NO unrecognized authentication type METHOD\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let mut auth = from_fn("METHOD", |_: &[u8]| Ok(Response::from("x"))).unwrap();
    let err = session.authenticate(&mut auth).unwrap_err();
    assert_eq!(no_text(&err), "unrecognized authentication type METHOD");
    server.finish();
}

/// Item 56 and V7: CRAM-MD5 answers the RFC 2195 example (without its
/// closing `>`) with exactly this line.
#[test]
fn c56_v7_cram_md5() {
    let script = Script::new()
        .greet("IMAP4rev1 AUTH=CRAM-MD5")
        .expect("<tag> AUTHENTICATE CRAM-MD5\r\n")
        .send("+ PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ=\r\n")
        .expect("dGltIGYxY2E2YmU0NjRiOWVmYTFjY2E2ZmZkNmNmMmQ5ZjMy\r\n")
        .send("<tag> OK [CAPABILITY IMAP4rev1] CRAM-MD5 successful\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    session.login_cram_md5("tim", "tanstaaftanstaaf").unwrap();
    assert_eq!(session.state(), State::Authenticated);
    server.finish();
}

/// V7: any other reply to CRAM-MD5 (`NO No access`) is an error.
#[test]
fn c56_v7_cram_md5_refused() {
    let script = Script::new()
        .greet("IMAP4rev1 AUTH=CRAM-MD5")
        .expect("<tag> AUTHENTICATE CRAM-MD5\r\n")
        .send("+ PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ=\r\n")
        .expect("dGltIGYxY2E2YmU0NjRiOWVmYTFjY2E2ZmZkNmNmMmQ5ZjMy\r\n")
        .send("<tag> NO No access\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let err = session.login_cram_md5("tim", "tanstaaftanstaaf").unwrap_err();
    assert_eq!(no_text(&err), "No access");
    server.finish();
}

/// Item 57: a 150-octet answer goes as one base64 line of 200
/// characters, no newline inside.
#[test]
fn c57_long_answer_is_one_base64_line() {
    let expected = "eHh4".repeat(50);
    let script = Script::new()
        .greet("IMAP4rev1")
        .expect("<tag> AUTHENTICATE MYAUTH\r\n")
        .send("+\r\n")
        .expect(&format!("{expected}\r\n"))
        .send("<tag> OK [CAPABILITY IMAP4rev1] ok\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let mut auth = from_fn("MYAUTH", |_: &[u8]| Ok(Response::from(vec![b'x'; 150]))).unwrap();
    session.authenticate(&mut auth).unwrap();
    server.finish();
}

/// Item 58: with SASL-IR, PLAIN's initial response is on the command
/// line and the server answers at once.
#[test]
fn c58_sasl_ir_puts_plain_on_the_command_line() {
    let script = Script::new()
        .greet("IMAP4rev1 SASL-IR AUTH=PLAIN")
        .expect("<tag> AUTHENTICATE PLAIN AHRpbQB0YW5zdGFhZnRhbnN0YWFm\r\n")
        .send("<tag> OK [CAPABILITY IMAP4rev1 IDLE] Logged in\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    session.authenticate(&mut Plain::new("tim", "tanstaaftanstaaf").unwrap()).unwrap();
    assert!(session.has_capability("IDLE"));
    server.finish();
}

/// Item 58: an empty initial response goes as `=`.
#[test]
fn c58_sasl_ir_empty_initial_response_is_equals() {
    let script = Script::new()
        .greet("IMAP4rev1 SASL-IR")
        .expect("<tag> AUTHENTICATE X-EMPTY =\r\n")
        .send("<tag> OK [CAPABILITY IMAP4rev1] ok\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let mut auth =
        from_fn("X-EMPTY", |_: &[u8]| Ok(Response::Cancel)).unwrap().with_initial_response(Vec::new());
    session.authenticate(&mut auth).unwrap();
    server.finish();
}

/// Without SASL-IR, PLAIN waits for the server's `+` (item 58's
/// counterpart).
#[test]
fn c58_without_sasl_ir_plain_waits_for_the_continuation() {
    let script = Script::new()
        .greet("IMAP4rev1 AUTH=PLAIN")
        .expect("<tag> AUTHENTICATE PLAIN\r\n")
        .send("+\r\n")
        .expect("AHRpbQB0YW5zdGFhZnRhbnN0YWFm\r\n")
        .send("<tag> OK [CAPABILITY IMAP4rev1] ok\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    session.authenticate(&mut Plain::new("tim", "tanstaaftanstaaf").unwrap()).unwrap();
    server.finish();
}

/// Item 59: a failing callback sends `*`, the tagged reply is read, the
/// callback's error is reported, and the connection stays usable.
#[test]
fn c59_callback_failure_cancels_and_connection_stays_usable() {
    let script = Script::new()
        .greet("IMAP4rev1")
        .expect("<tag> AUTHENTICATE MYAUTH\r\n")
        .send("+\r\n")
        .expect("*\r\n")
        .send("<tag> NO [AUTHENTICATIONFAILED] aborted\r\n")
        .expect("<tag> NOOP\r\n")
        .send("<tag> OK still here\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let mut auth = from_fn("MYAUTH", |_: &[u8]| Err(AuthError::failed("token expired"))).unwrap();
    let err = session.authenticate(&mut auth).unwrap_err();
    assert!(matches!(&err, Error::Auth { mechanism, .. } if mechanism == "MYAUTH"), "{err:?}");
    assert!(err.to_string().contains("token expired"), "{err}");
    session.run(Noop).unwrap();
    server.finish();
}

/// Item 60: the tagged OK's `[CAPABILITY ...]` replaces the capabilities,
/// with no CAPABILITY command after LOGIN.
#[test]
fn c60_capabilities_from_the_tagged_ok() {
    let script = Script::new()
        .greet("IMAP4rev1")
        .expect("<tag> LOGIN u \"p\"\r\n")
        .send("<tag> OK [CAPABILITY IMAP4rev1 IDLE MOVE] Logged in\r\n")
        .expect_silence(50);
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let authenticated = session.login("u", "p").unwrap();
    assert!(session.has_capability("IDLE") && session.has_capability("move"));
    assert!(authenticated.capabilities.is_some_and(|c| c.has("IDLE")));
    server.finish();
}

/// Item 60: without a code, the session asks for the capabilities again
/// at once.
#[test]
fn c60_capabilities_asked_again_after_login() {
    let script = Script::new()
        .greet("IMAP4rev1")
        .expect("<tag> LOGIN u \"p\"\r\n")
        .send("<tag> OK Logged in\r\n")
        .expect("<tag> CAPABILITY\r\n")
        .send("* CAPABILITY IMAP4rev1 IDLE\r\n<tag> OK done\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    session.login("u", "p").unwrap();
    assert!(session.has_capability("IDLE"));
    assert_eq!(session.state(), State::Authenticated);
    server.finish();
}

/// Item 61: a non-ASCII password goes in LOGIN as a literal (UTF-8).
#[test]
fn c61_non_ascii_password_in_login_is_a_literal() {
    let script = Script::new()
        .greet("IMAP4rev1")
        .expect("<tag> LOGIN u {5}\r\n")
        .send("+ go\r\n")
        .expect("p\u{e4}ss\r\n")
        .send("<tag> OK [CAPABILITY IMAP4rev1] Logged in\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    session.login("u", "p\u{e4}ss").unwrap();
    server.finish();
}

/// Item 61: a non-ASCII password through AUTHENTICATE PLAIN.
#[test]
fn c61_non_ascii_password_in_plain() {
    let script = Script::new()
        .greet("IMAP4rev1 SASL-IR AUTH=PLAIN")
        .expect("<tag> AUTHENTICATE PLAIN AHUAcMOkc3M=\r\n")
        .send("<tag> OK [CAPABILITY IMAP4rev1] ok\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    session.authenticate(&mut Plain::new("u", "p\u{e4}ss").unwrap()).unwrap();
    server.finish();
}

/// Item 62: with LOGINDISABLED advertised, `login()` refuses before
/// anything is sent.
#[test]
fn c62_logindisabled_refuses_login_nothing_sent() {
    let server = Server::start(Script::new().greet("IMAP4rev1 STARTTLS LOGINDISABLED").expect_eof());
    let mut session = connect(&server).unwrap();
    let err = session.login("u", "secret").unwrap_err();
    assert!(matches!(&err, Error::Insecure(why) if why.contains("LOGINDISABLED")), "{err:?}");
    assert_eq!(session.state(), State::NotAuthenticated);
    drop(session);
    assert_eq!(server.finish().tags.len(), 1, "only the CAPABILITY");
}

/// Vector V5: AUTHENTICATE, the capabilities asked again, ENABLE
/// UTF8=ACCEPT, then APPEND with `UTF8 (~{25}` and the literal.
#[test]
fn c48_v5_utf8_accept_append() {
    let message = "Subject: \u{fc}\u{f1}\u{ed}\u{a9}\u{f6}\u{f0}\u{e9}\r\n";
    let script = Script::new()
        .greet("IMAP4rev1 ENABLE UTF8=ACCEPT")
        .expect("<tag> AUTHENTICATE MYAUTH\r\n")
        .send("+\r\n")
        .expect("ZmFrZQ==\r\n")
        .send("<tag> OK FAKEAUTH successful\r\n")
        .expect("<tag> CAPABILITY\r\n")
        .send("* CAPABILITY IMAP4rev1 ENABLE UTF8=ACCEPT\r\n<tag> OK done\r\n")
        .expect("<tag> ENABLE UTF8=ACCEPT\r\n")
        .send("* ENABLED UTF8=ACCEPT\r\n<tag> OK ENABLE successful\r\n")
        .expect("<tag> APPEND INBOX UTF8 (~{25}\r\n")
        .send("+\r\n")
        .expect(&format!("{message})\r\n"))
        .send("<tag> OK okay\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let mut auth = from_fn("MYAUTH", |_: &[u8]| Ok(Response::from("fake"))).unwrap();
    session.authenticate(&mut auth).unwrap();
    session.enable(&["UTF8=ACCEPT"]).unwrap();
    assert!(session.utf8_enabled());
    assert_eq!(message.len(), 25);
    assert_eq!(session.append(None, &[], None, message).unwrap(), None);
    server.finish();
}

/// `require_tls` refuses AUTHENTICATE in the clear with `Error::Insecure`.
#[test]
fn c62_require_tls_refuses_authenticate_in_the_clear() {
    let server = Server::start(Script::new().greet("IMAP4rev1 AUTH=PLAIN").expect_eof());
    let mut session = typed_imap::session::blocking::Session::builder()
        .require_tls(true)
        .connect("127.0.0.1", server.port())
        .unwrap();
    let err = session.authenticate(&mut Plain::new("u", "p").unwrap()).unwrap_err();
    assert!(matches!(err, Error::Insecure(_)), "{err:?}");
    drop(session);
    assert_eq!(server.finish().tags.len(), 1);
}

/// PREAUTH sessions refuse LOGIN client-side (state check, nothing sent).
#[test]
fn c42_login_after_preauth_is_a_state_error() {
    let server = Server::start(preauth("IMAP4rev1").expect("<tag> LOGOUT\r\n").send("<tag> OK bye\r\n"));
    let mut session = connect(&server).unwrap();
    let err = session.login("u", "p").unwrap_err();
    assert!(matches!(err, Error::State { .. }), "{err:?}");
    drop(session);
    assert_eq!(server.finish().tags.len(), 1, "only the LOGOUT on drop");
}
