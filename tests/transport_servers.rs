#![cfg(feature = "live-tests")]
//! The transports against the real test servers (Dovecot and Cyrus, both
//! brought up by `scripts/test-servers up`, which exports the
//! `TYPED_IMAP_*` variables): plain TCP, STARTTLS, implicit TLS with the
//! servers' CA, refusal without it, and Dovecot over a child process.
//! Named after the conformance items they check.
//!
//! Behind the `live-tests` feature (`scripts/test` turns it on); without
//! the variables every test fails with a message saying how to start the
//! servers: nothing is skipped silently.

#[allow(dead_code)]
mod live;

use live::{Server, TIMEOUT, User, cyrus, dovecot};
use typed_imap::command::{Login, State};
use typed_imap::session::blocking::Session;
use typed_imap::types::StatusKind;

fn login(session: &mut Session) {
    session.run(Login::new(&User::Alice.name(), User::Alice.password()).unwrap()).unwrap();
    assert_eq!(session.state(), State::Authenticated);
}

fn starttls_then_login(server: &Server) {
    let mut session = server.builder().require_tls(true).connect(&server.host, server.port).unwrap();
    assert!(session.has_capability("STARTTLS"), "{:?}", session.capabilities());
    session.starttls().unwrap();
    assert!(session.is_tls());
    assert!(!session.has_capability("STARTTLS"), "capabilities asked again over TLS");
    login(&mut session);
    let bye = session.logout().unwrap();
    assert_eq!(bye.kind, StatusKind::Bye);
}

fn implicit_tls_then_login(server: &Server) {
    let mut session = server.builder().connect_tls(&server.host, server.tls_port).unwrap();
    assert!(session.is_tls());
    login(&mut session);
    assert_eq!(session.logout().unwrap().kind, StatusKind::Bye);
}

fn implicit_tls_refused_without_the_ca(server: &Server) {
    let result = Session::builder().timeout(TIMEOUT).connect_tls(&server.host, server.tls_port);
    let err = result.unwrap_err();
    assert!(err.to_string().contains("certificate"), "{err}");
}

#[test]
fn c05_item98_dovecot_starttls_then_login() {
    starttls_then_login(&dovecot());
}

#[test]
fn c05_item98_cyrus_starttls_then_login() {
    starttls_then_login(&cyrus());
}

#[test]
fn c05_item12_dovecot_implicit_tls_then_login() {
    implicit_tls_then_login(&dovecot());
}

#[test]
fn c05_item12_cyrus_implicit_tls_then_login() {
    implicit_tls_then_login(&cyrus());
}

#[test]
fn c05_item13_dovecot_refused_without_the_ca() {
    implicit_tls_refused_without_the_ca(&dovecot());
}

#[test]
fn c05_item13_cyrus_refused_without_the_ca() {
    implicit_tls_refused_without_the_ca(&cyrus());
}

#[test]
fn c05_require_tls_refuses_login_in_the_clear_on_dovecot() {
    let server = dovecot();
    let mut session = server.builder().require_tls(true).connect(&server.host, server.port).unwrap();
    let err = session.run(Login::new(&User::Alice.name(), User::Alice.password()).unwrap()).unwrap_err();
    assert!(err.to_string().contains("not encrypted"), "{err}");
    assert_eq!(session.state(), State::NotAuthenticated);
}

#[test]
fn c05_item14_dovecot_over_a_child_process() {
    let command = live::env("DOVECOT_STREAM");
    let mut child = std::process::Command::new("sh");
    child.args(["-c", &command]).stderr(std::process::Stdio::null());
    let mut session = Session::builder().read_timeout(TIMEOUT).spawn(&mut child).unwrap();
    assert_eq!(session.state(), State::Authenticated, "PREAUTH");
    assert!(session.has_capability("QUOTA"));
    assert_eq!(session.logout().unwrap().kind, StatusKind::Bye);
}
