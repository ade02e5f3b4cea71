//! The transports against the real test servers (Dovecot and Cyrus, both
//! brought up by `scripts/test-servers up`, which exports the
//! `TYPED_IMAP_*` variables): plain TCP, STARTTLS, implicit TLS with the
//! servers' CA, refusal without it, and Dovecot over a child process.
//!
//! Without the variables (a bare `cargo test`) each test says it was
//! skipped and passes; `scripts/test` runs them for real.

use std::time::Duration;

use typed_imap::command::State;
use typed_imap::session::blocking::{Builder, Session};
use typed_imap::types::StatusKind;

/// LOGIN with pre-encoded arguments (the public LOGIN lands elsewhere).
#[derive(Debug, Clone, typed_imap::Command)]
#[imap(command = "LOGIN", state = "not_authenticated")]
struct Login {
    #[imap(raw)]
    args: String,
}

/// Where one server listens, from the environment.
struct Target {
    host: String,
    port: u16,
    tls_port: u16,
    ca: String,
    user: String,
    password: String,
}

fn target(server: &str) -> Option<Target> {
    let var = |name: &str| std::env::var(format!("TYPED_IMAP_{name}")).ok();
    let Some(port) = var(&format!("{server}_PORT")) else {
        eprintln!("skipped: TYPED_IMAP_{server}_PORT is not set (run scripts/test)");
        return None;
    };
    Some(Target {
        host: var(&format!("{server}_HOST")).unwrap_or_else(|| "127.0.0.1".into()),
        port: port.parse().unwrap(),
        tls_port: var(&format!("{server}_TLS_PORT")).unwrap().parse().unwrap(),
        ca: var("CA").unwrap(),
        user: var("ALICE_USER").unwrap(),
        password: var("ALICE_PASSWORD").unwrap(),
    })
}

fn builder(t: &Target) -> Builder {
    Session::builder().timeout(Duration::from_secs(10)).ca_pem_file(&t.ca)
}

fn login(session: &mut Session, t: &Target) {
    session.run(Login { args: format!("{} {}", t.user, t.password) }).unwrap();
    assert_eq!(session.state(), State::Authenticated);
}

fn starttls_then_login(server: &str) {
    let Some(t) = target(server) else { return };
    let mut session = builder(&t).require_tls(true).connect(&t.host, t.port).unwrap();
    assert!(session.has_capability("STARTTLS"), "{:?}", session.capabilities());
    session.starttls().unwrap();
    assert!(session.is_tls());
    assert!(!session.has_capability("STARTTLS"), "capabilities asked again over TLS");
    login(&mut session, &t);
    let bye = session.logout().unwrap();
    assert_eq!(bye.kind, StatusKind::Bye);
}

fn implicit_tls_then_login(server: &str) {
    let Some(t) = target(server) else { return };
    let mut session = builder(&t).connect_tls(&t.host, t.tls_port).unwrap();
    assert!(session.is_tls());
    login(&mut session, &t);
    assert_eq!(session.logout().unwrap().kind, StatusKind::Bye);
}

fn implicit_tls_refused_without_the_ca(server: &str) {
    let Some(t) = target(server) else { return };
    let result = Session::builder().timeout(Duration::from_secs(10)).connect_tls(&t.host, t.tls_port);
    let err = result.unwrap_err();
    assert!(err.to_string().contains("certificate"), "{err}");
}

#[test]
fn c05_item98_dovecot_starttls_then_login() {
    starttls_then_login("DOVECOT");
}

#[test]
fn c05_item98_cyrus_starttls_then_login() {
    starttls_then_login("CYRUS");
}

#[test]
fn c05_item12_dovecot_implicit_tls_then_login() {
    implicit_tls_then_login("DOVECOT");
}

#[test]
fn c05_item12_cyrus_implicit_tls_then_login() {
    implicit_tls_then_login("CYRUS");
}

#[test]
fn c05_item13_dovecot_refused_without_the_ca() {
    implicit_tls_refused_without_the_ca("DOVECOT");
}

#[test]
fn c05_item13_cyrus_refused_without_the_ca() {
    implicit_tls_refused_without_the_ca("CYRUS");
}

#[test]
fn c05_require_tls_refuses_login_in_the_clear_on_dovecot() {
    let Some(t) = target("DOVECOT") else { return };
    let mut session = builder(&t).require_tls(true).connect(&t.host, t.port).unwrap();
    let err = session.run(Login { args: format!("{} {}", t.user, t.password) }).unwrap_err();
    assert!(err.to_string().contains("not encrypted"), "{err}");
    assert_eq!(session.state(), State::NotAuthenticated);
}

#[test]
fn c05_item14_dovecot_over_a_child_process() {
    let Ok(command) = std::env::var("TYPED_IMAP_DOVECOT_STREAM") else {
        eprintln!("skipped: TYPED_IMAP_DOVECOT_STREAM is not set (run scripts/test)");
        return;
    };
    let mut child = std::process::Command::new("sh");
    child.args(["-c", &command]);
    let mut session = Session::builder().read_timeout(Duration::from_secs(10)).spawn(&mut child).unwrap();
    assert_eq!(session.state(), State::Authenticated, "PREAUTH");
    assert!(session.has_capability("QUOTA"));
    assert_eq!(session.logout().unwrap().kind, StatusKind::Bye);
}
