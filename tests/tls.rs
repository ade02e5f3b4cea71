//! TLS: implicit TLS and STARTTLS against a scripted loopback server with
//! a CA and a server certificate made for the test (conformance items 12,
//! 13, 97, 98), and the refusals: unknown CA, wrong host name.

mod support;

use std::time::Duration;

use support::certs::pki;
use support::scripted_server::{Script, Server};
use typed_imap::Error;
use typed_imap::session::blocking::{Builder, Session};

fn builder(ca_pem: &str) -> Builder {
    Session::builder().timeout(Duration::from_secs(5)).ca_pem(ca_pem)
}

/// The message of a refused connection, which must be a TLS refusal.
fn refusal(result: Result<Session, Error>) -> String {
    let err = result.unwrap_err();
    assert!(matches!(&err, Error::Tls(why) if why.starts_with("couldn't establish TLS")), "{err:?}");
    err.to_string()
}

#[test]
fn c05_item12_certificate_for_localhost_accepted_for_localhost() {
    let pki = pki(&["localhost"]);
    let server = Server::start(Script::new().tls(pki.server.clone()).greet("IMAP4rev1").expect_eof());
    let session = builder(&pki.ca_pem).connect_tls("localhost", server.port()).unwrap();
    assert!(session.is_tls());
    assert!(session.has_capability("IMAP4rev1"));
    drop(session);
    let report = server.finish();
    assert_eq!((report.tls_error, report.tags.len()), (None, 1));
}

#[test]
fn c05_item12_certificate_for_localhost_refused_for_127_0_0_1() {
    let pki = pki(&["localhost"]);
    let server = Server::start(Script::new().tls(pki.server.clone()));
    let why = refusal(builder(&pki.ca_pem).connect_tls("127.0.0.1", server.port()));
    assert!(why.contains("not valid for name"), "{why}");
    assert!(server.finish().tls_error.is_some());
}

#[test]
fn c05_item12_ip_address_in_the_certificate_is_accepted() {
    let pki = pki(&["localhost", "127.0.0.1"]);
    let server = Server::start(Script::new().tls(pki.server.clone()).greet("IMAP4rev1"));
    let session = builder(&pki.ca_pem).connect_tls("127.0.0.1", server.port()).unwrap();
    assert!(session.is_tls());
    drop(session);
    server.finish();
}

#[test]
fn c05_item13_unknown_ca_refused_by_default() {
    let pki = pki(&["localhost"]);
    let server = Server::start(Script::new().tls(pki.server.clone()));
    let result = Session::builder().timeout(Duration::from_secs(5)).connect_tls("localhost", server.port());
    let why = refusal(result);
    assert!(why.contains("UnknownIssuer"), "{why}");
    assert!(server.finish().tls_error.is_some());
}

#[test]
fn c05_item13_another_ca_refused() {
    let pki = pki(&["localhost"]);
    let other = support::certs::pki(&["localhost"]);
    let server = Server::start(Script::new().tls(pki.server.clone()));
    let why = refusal(builder(&other.ca_pem).connect_tls("localhost", server.port()));
    assert!(why.contains("UnknownIssuer"), "{why}");
    server.finish();
}

#[test]
fn c05_wrong_server_name_refused() {
    let pki = pki(&["localhost"]);
    let server = Server::start(Script::new().tls(pki.server.clone()));
    let result = builder(&pki.ca_pem).server_name("imap.example.org").connect_tls("localhost", server.port());
    let why = refusal(result);
    assert!(why.contains("not valid for name"), "{why}");
    server.finish();
}

#[test]
fn c05_server_name_override_verifies_that_name() {
    let pki = pki(&["imap.example.org"]);
    let server = Server::start(Script::new().tls(pki.server.clone()).greet("IMAP4rev1"));
    let session =
        builder(&pki.ca_pem).server_name("imap.example.org").connect_tls("127.0.0.1", server.port());
    assert!(session.unwrap().is_tls());
    server.finish();
}

#[test]
fn c05_ca_pem_file_is_read_when_connecting() {
    let pki = pki(&["localhost"]);
    let path = std::env::temp_dir().join(format!("typed-imap-ca-{}.pem", std::process::id()));
    std::fs::write(&path, &pki.ca_pem).unwrap();
    let server = Server::start(Script::new().tls(pki.server.clone()).greet("IMAP4rev1"));
    let result = Session::builder().ca_pem_file(&path).connect_tls("localhost", server.port());
    std::fs::remove_file(&path).unwrap();
    assert!(result.unwrap().is_tls());
    server.finish();
}

#[test]
fn c05_malformed_ca_pem_is_an_error_before_connecting() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let err = Session::builder().ca_pem("not a certificate").connect_tls("127.0.0.1", port).unwrap_err();
    assert!(matches!(&err, Error::Io(io) if io.kind() == std::io::ErrorKind::InvalidData), "{err:?}");
}

#[test]
fn c05_item98_starttls_upgrades_and_asks_capabilities_again() {
    let pki = pki(&["localhost"]);
    let script = Script::new()
        .greet("IMAP4rev1 STARTTLS LOGINDISABLED")
        .expect("<tag> STARTTLS\r\n")
        .send("<tag> OK Begin TLS negotiation now\r\n")
        .tls(pki.server.clone())
        .expect("<tag> CAPABILITY\r\n")
        .send("* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n<tag> OK done\r\n")
        .expect_eof();
    let server = Server::start(script);
    let mut session = builder(&pki.ca_pem).connect("localhost", server.port()).unwrap();
    assert!(!session.is_tls());
    session.starttls().unwrap();
    assert!(session.is_tls());
    assert!(session.has_capability("AUTH=PLAIN"));
    assert!(!session.has_capability("STARTTLS"), "capabilities from before TLS are gone");
    drop(session);
    let report = server.finish();
    assert_eq!((report.tls_error, report.tags.len()), (None, 3));
}

#[test]
fn c05_item98_starttls_handshake_refused_closes_the_connection() {
    let pki = pki(&["localhost"]);
    let script = Script::new()
        .greet("IMAP4rev1 STARTTLS")
        .expect("<tag> STARTTLS\r\n")
        .send("<tag> OK Begin TLS\r\n")
        .tls(pki.server.clone());
    let server = Server::start(script);
    let mut session =
        Session::builder().timeout(Duration::from_secs(5)).connect("localhost", server.port()).unwrap();
    let err = session.starttls().unwrap_err();
    assert!(err.to_string().contains("UnknownIssuer"), "{err}");
    assert!(!session.is_tls());
    assert_eq!(session.state(), typed_imap::command::State::Logout, "the connection is unusable");
    assert!(server.finish().tls_error.is_some());
}

#[test]
fn c05_item97_starttls_refused_when_tls_is_already_on() {
    let pki = pki(&["localhost"]);
    let server =
        Server::start(Script::new().tls(pki.server.clone()).greet("IMAP4rev1 STARTTLS").expect_eof());
    let mut session = builder(&pki.ca_pem).connect_tls("localhost", server.port()).unwrap();
    let err = session.starttls().unwrap_err();
    assert!(err.to_string().contains("couldn't establish TLS"), "{err}");
    drop(session);
    assert_eq!(server.finish().tags.len(), 1, "only the CAPABILITY");
}

#[test]
fn c05_require_tls_allows_preauth_over_tls() {
    let pki = pki(&["localhost"]);
    let script = Script::new()
        .tls(pki.server.clone())
        .send("* PREAUTH [CAPABILITY IMAP4rev1] welcome\r\n")
        .expect("<tag> LOGOUT\r\n")
        .send("* BYE\r\n<tag> OK\r\n")
        .expect_eof();
    let server = Server::start(script);
    let session = builder(&pki.ca_pem).require_tls(true).connect_tls("localhost", server.port()).unwrap();
    assert_eq!(session.state(), typed_imap::command::State::Authenticated);
    drop(session);
    assert_eq!(server.finish().tags.len(), 1, "LOGOUT on drop, over TLS");
}

/// Conformance item 94 over TLS: the server closes TCP after BYE without a
/// TLS close_notify (rustls calls it an unexpected EOF); LOGOUT still
/// succeeds.
#[test]
fn c05_item94_bye_then_close_without_close_notify() {
    let pki = pki(&["localhost"]);
    let script = Script::new()
        .tls(pki.server.clone())
        .send("* PREAUTH [CAPABILITY IMAP4rev1] welcome\r\n")
        .expect("<tag> LOGOUT\r\n")
        .send("* BYE going\r\n")
        .hang_up();
    let server = Server::start(script);
    let mut session = builder(&pki.ca_pem).connect_tls("localhost", server.port()).unwrap();
    let bye = session.logout().unwrap();
    assert_eq!(bye.text.to_string(), "going");
    server.finish();
}

/// imaplib's `certfile`/`keyfile`: a client certificate and key in PEM.
#[test]
fn c05_client_certificate_is_shown_to_a_server_that_requires_one() {
    let pki = support::certs::client_auth_pki();
    let server = Server::start(Script::new().tls(pki.server.clone()).greet("IMAP4rev1").expect_eof());
    let session = builder(&pki.ca_pem)
        .client_cert_pem(pki.client_cert_pem.as_str(), pki.client_key_pem.as_str())
        .connect_tls("localhost", server.port())
        .unwrap();
    assert!(session.is_tls());
    drop(session);
    assert_eq!(server.finish().tls_error, None);
}

#[test]
fn c05_server_requiring_a_client_certificate_refuses_none() {
    let pki = support::certs::client_auth_pki();
    let server = Server::start(Script::new().tls(pki.server.clone()).greet("IMAP4rev1"));
    let result = builder(&pki.ca_pem).connect_tls("localhost", server.port());
    assert!(result.is_err(), "TLS 1.3: the refusal arrives with the first read");
    let report = server.finish();
    assert!(report.tls_error.is_some_and(|e| e.contains("certificate")), "the server refused the handshake");
}

#[test]
fn c05_a_caller_made_tls_transport_counts_as_tls() {
    let pki = pki(&["localhost"]);
    let script = Script::new()
        .tls(pki.server.clone())
        .send("* PREAUTH [CAPABILITY IMAP4rev1] welcome\r\n")
        .expect("<tag> LOGOUT\r\n")
        .send("<tag> OK\r\n");
    let server = Server::start(script);
    let options = typed_imap::transport::TlsOptions::default().ca_pem(pki.ca_pem.as_str());
    let tcp = std::net::TcpStream::connect(("localhost", server.port())).unwrap();
    let tls = typed_imap::transport::tls::wrap(tcp, "localhost", &options).unwrap();
    let transport = typed_imap::transport::Transport::from(tls);
    let session = Session::builder().require_tls(true).transport(transport, "localhost").unwrap();
    assert!(session.is_tls(), "require_tls accepts the PREAUTH");
    drop(session);
    server.finish();
}

/// Conformance item 100, second shape: the injected bytes come in their
/// own segment after the OK, so the client cannot see them before the
/// handshake; the handshake reads them as a broken TLS record and fails.
/// They are never parsed as IMAP.
#[test]
fn c05_item100_bytes_after_starttls_ok_in_a_later_segment_fail_the_handshake() {
    let pki = pki(&["localhost"]);
    let script = Script::new()
        .greet("IMAP4rev1 STARTTLS")
        .expect("<tag> STARTTLS\r\n")
        .send("<tag> OK Begin TLS\r\n")
        .sleep(100)
        .send("* CAPABILITY IMAP4rev1 INJECTED\r\n")
        .tls(pki.server.clone());
    let server = Server::start(script);
    let mut session = builder(&pki.ca_pem).connect("localhost", server.port()).unwrap();
    let err = session.starttls().unwrap_err();
    assert!(matches!(err, Error::Tls(_)), "the injected bytes break the handshake: {err:?}");
    assert!(!session.has_capability("INJECTED"));
    assert_eq!(session.state(), typed_imap::command::State::Logout);
    server.finish();
}
