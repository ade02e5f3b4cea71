//! Connections and the any-state and session commands on both servers:
//! plain, STARTTLS and implicit TLS verified against the test CA (and
//! refused without it), LOGIN and a wrong password, CAPABILITY, NOOP,
//! LOGOUT, ID, ENABLE, NAMESPACE, PROXYAUTH.

use typed_imap::Error;
use typed_imap::command::{
    Capability, Enable, Id, Login, Logout, Namespace, Noop, ProxyAuth, Raw, RawArg, State,
};
use typed_imap::session::blocking::Session;
use typed_imap::types::{Data, Response, StatusKind};

use super::{Kind, Server, TIMEOUT, User};

/// STARTTLS on the plain port, verified against the test CA, then LOGIN:
/// the capabilities are asked again over TLS (no STARTTLS any more).
pub fn starttls_then_login(server: &Server) {
    let mut s = server.builder().require_tls(true).connect(&server.host, server.port).unwrap();
    assert!(!s.is_tls());
    assert!(s.has_capability("STARTTLS"), "{:?}", s.capabilities());
    s.starttls().unwrap();
    assert!(s.is_tls());
    assert!(!s.has_capability("STARTTLS"), "{:?}", s.capabilities());
    s.run(Login::new(&User::Alice.name(), User::Alice.password()).unwrap()).unwrap();
    assert_eq!(s.state(), State::Authenticated);
    let bye = s.logout().unwrap();
    assert_eq!(bye.kind, typed_imap::types::StatusKind::Bye);
}

/// Implicit TLS on the TLS port, verified against the test CA, for the
/// name `localhost` (the certificate's DNS name) as well as the address.
pub fn implicit_tls_then_login(server: &Server) {
    let builder = server.builder().server_name(super::env("TLS_NAME"));
    let mut s = builder.connect_tls(&server.host, server.tls_port).unwrap();
    assert!(s.is_tls());
    s.run(Login::new(&User::Alice.name(), User::Alice.password()).unwrap()).unwrap();
    assert_eq!(s.state(), State::Authenticated);
    let mut by_address = server.builder().connect_tls(&server.host, server.tls_port).unwrap();
    assert!(by_address.run(Noop).is_ok());
}

/// Without the test CA (only the webpki roots) the handshake fails on the
/// certificate, before any IMAP byte.
pub fn implicit_tls_refused_without_the_ca(server: &Server) {
    let result = Session::builder().timeout(TIMEOUT).connect_tls(&server.host, server.tls_port);
    let err = result.unwrap_err();
    assert!(err.to_string().to_lowercase().contains("certificate"), "{err}");
}

/// STARTTLS without the test CA fails and the session is closed.
pub fn starttls_refused_without_the_ca(server: &Server) {
    let mut s = Session::builder().timeout(TIMEOUT).connect(&server.host, server.port).unwrap();
    let err = s.starttls().unwrap_err();
    assert!(err.to_string().to_lowercase().contains("certificate"), "{err}");
    assert!(s.run(Noop).is_err(), "the session must be unusable after a failed handshake");
}

/// A wrong password answers NO and leaves the session not authenticated
/// and usable: the right password then works.
pub fn login_wrong_password(server: &Server) {
    let mut s = server.connect();
    let err = s.run(Login::new(&User::Alice.name(), "not-the-password").unwrap()).unwrap_err();
    let Error::No(refusal) = &err else { panic!("expected NO, got {err:?}") };
    if server.kind == Kind::Dovecot {
        assert_eq!(refusal.code, Some(typed_imap::types::Code::AuthenticationFailed), "{refusal:?}");
    }
    assert_eq!(s.state(), State::NotAuthenticated);
    let ok = s.run(Login::new(&User::Alice.name(), User::Alice.password()).unwrap()).unwrap();
    let _ = ok.capabilities;
    assert_eq!(s.state(), State::Authenticated);
}

/// CAPABILITY lists IMAP4rev1 and the extensions both servers have;
/// NOOP is OK in every state; LOGOUT answers BYE and ends the session.
pub fn capability_noop_logout(server: &Server) {
    let mut s = server.connect();
    s.run(Noop).unwrap();
    let caps = s.run(Capability).unwrap();
    assert!(caps.has("IMAP4rev1") && caps.has("STARTTLS"), "{caps:?}");
    assert!(caps.auth_mechanisms().any(|m| m.eq_ignore_ascii_case("PLAIN")), "{caps:?}");
    s.run(Login::new(&User::Alice.name(), User::Alice.password()).unwrap()).unwrap();
    let caps = s.run(Capability).unwrap();
    for name in ["IDLE", "QUOTA", "ACL", "METADATA", "CONDSTORE", "QRESYNC", "MOVE", "ESEARCH", "SORT"] {
        assert!(caps.has(name), "{name} missing from {caps:?}");
    }
    s.run(Noop).unwrap();
    let out = s.run(Logout).unwrap();
    assert!(out.bye, "{out:?}");
    assert_eq!(s.state(), State::Logout);
    assert!(s.run(Noop).is_err());
}

/// ID with the client's fields answers the server's: its name.
pub fn id_names_the_server(server: &Server) {
    let mut s = server.connect();
    let fields = s.run(Id::new([("name", Some("typed-imap")), ("version", Some("0.1"))]).unwrap()).unwrap();
    let fields = fields.expect("server ID fields");
    let name = fields.iter().find(|f| f.key.as_bytes().eq_ignore_ascii_case(b"name")).expect("name field");
    let expected: &[u8] = match server.kind {
        Kind::Dovecot => b"Dovecot",
        Kind::Cyrus => b"Cyrus IMAPD",
    };
    assert_eq!(name.value.as_ref().unwrap().as_bytes(), expected);
}

/// ENABLE CONDSTORE answers `ENABLED CONDSTORE`; ENABLE of an unknown
/// extension answers OK with nothing enabled.
pub fn enable_condstore(server: &Server) {
    let mut s = server.alice();
    let enabled = s.run(Enable::new(["CONDSTORE"]).unwrap()).unwrap();
    assert!(enabled.iter().any(|c| c.as_str().eq_ignore_ascii_case("CONDSTORE")), "{enabled:?}");
    let unknown = s.run(Enable::new(["X-TYPED-IMAP-UNKNOWN"]).unwrap()).unwrap();
    assert!(unknown.is_empty(), "{unknown:?}");
}

/// NAMESPACE: the personal namespace has the prefix and delimiter the
/// suite uses; both servers also have an other-users namespace.
pub fn namespace_personal(server: &Server) {
    let mut s = server.alice();
    let ns = s.run(Namespace).unwrap();
    assert_eq!(ns.personal.len(), 1, "{ns:?}");
    assert_eq!(ns.personal[0].prefix.as_bytes(), server.prefix.as_bytes());
    assert_eq!(ns.personal[0].delimiter, Some(server.delimiter));
    assert_eq!(ns.other_users.len(), 1, "{ns:?}");
    let other: &[u8] = match (server.kind, server.prefix) {
        (Kind::Dovecot, _) => b"Other Users/",
        (Kind::Cyrus, "") => b"Other Users/",
        (Kind::Cyrus, _) => b"user.",
    };
    assert_eq!(ns.other_users[0].prefix.as_bytes(), other);
}

/// PROXYAUTH: neither server has it; the BAD comes back as `Error::Bad`
/// and the session stays usable.
pub fn proxyauth_is_bad(server: &Server) {
    let mut s = server.alice();
    let err = s.run(ProxyAuth::new(&User::Bob.name()).unwrap()).unwrap_err();
    assert!(matches!(err, Error::Bad(_)), "{err:?}");
    s.run(Noop).unwrap();
    assert_eq!(s.state(), State::Authenticated);
}

/// Raw (imaplib's `xatom`): `LIST "" INBOX` sent by name returns the
/// tagged status and every untagged response, parsed; an unknown command
/// is `Error::Bad`.
pub fn raw_list_and_unknown(server: &Server) {
    let mut s = server.alice();
    let args = vec![RawArg::mailbox("").unwrap(), RawArg::mailbox("INBOX").unwrap()];
    let out = s.run(Raw::new("LIST", args).unwrap()).unwrap();
    assert_eq!(out.status.kind, StatusKind::Ok);
    assert_eq!(out.untagged.len(), 1, "{:?}", out.untagged);
    let Response::Data(Data::List(item)) = &out.untagged[0] else { panic!("{:?}", out.untagged) };
    assert!(item.mailbox.is_inbox());
    let err = s.run(Raw::new("XTYPEDIMAPUNKNOWN", vec![]).unwrap()).unwrap_err();
    assert!(matches!(err, Error::Bad(_)), "{err:?}");
}
