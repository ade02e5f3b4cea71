//! AUTHENTICATE on both servers through the sans-I/O protocol core's SASL
//! calls (`authenticate_start`, `poll_authenticate`), driven by
//! [`Driver`] over a plain `TcpStream`: PLAIN with an authorisation identity (the admin
//! acting as alice), LOGIN, CRAM-MD5 and a wrong password. Also PLAIN with
//! a SASL-IR initial response through `Session::run(Authenticate)`.

use typed_imap::Error;
use typed_imap::auth::{CramMd5, Login as SaslLogin, Plain};
use typed_imap::command::{Authenticate, Delete, List, State};

use super::driver::Driver;
use super::{Server, User};

/// A mailbox alice owns, made through a LOGIN session, so that a session
/// authenticated some other way can prove it is alice by listing it.
fn alices_mailbox(server: &Server, test: &str) -> String {
    let name = server.mailbox(test);
    super::create(&mut server.alice(), &name);
    name
}

fn assert_is_alice(server: &Server, d: &mut Driver, mailbox: &str) {
    assert_eq!(d.state(), State::Authenticated);
    let listed = d.run(List::new("", mailbox).unwrap()).unwrap();
    assert_eq!(listed.len(), 1, "{mailbox} not visible: not alice's session? {listed:?}");
    server.alice().run(Delete::new(mailbox).unwrap()).unwrap();
}

/// AUTHENTICATE PLAIN as the admin with authorisation identity alice
/// (Dovecot master user, Cyrus proxyservers): the session is alice's.
pub fn authenticate_plain_authzid(server: &Server) {
    let mb = alices_mailbox(server, "plain_authzid");
    let mut d = Driver::connect(server);
    let mut plain = Plain::new(User::Admin.name(), User::Admin.password())
        .unwrap()
        .with_authzid(User::Alice.name())
        .unwrap();
    d.authenticate(&mut plain).unwrap();
    assert_is_alice(server, &mut d, &mb);
}

/// AUTHENTICATE LOGIN (two challenges) and CRAM-MD5 (an HMAC of the
/// server's challenge) as alice.
pub fn authenticate_login_and_cram_md5(server: &Server) {
    let mb = alices_mailbox(server, "login_cram");
    let mut d = Driver::connect(server);
    d.authenticate(&mut SaslLogin::new(User::Alice.name(), User::Alice.password())).unwrap();
    assert_eq!(d.state(), State::Authenticated);
    let mut d = Driver::connect(server);
    d.authenticate(&mut CramMd5::new(User::Alice.name(), User::Alice.password())).unwrap();
    assert_is_alice(server, &mut d, &mb);
}

/// AUTHENTICATE PLAIN with a wrong password answers NO; the connection
/// stays not authenticated.
pub fn authenticate_wrong_password(server: &Server) {
    let mut d = Driver::connect(server);
    let mut plain = Plain::new(User::Alice.name(), "wrong").unwrap();
    let err = d.authenticate(&mut plain).unwrap_err();
    assert!(matches!(err, Error::No(_)), "{err:?}");
    assert_eq!(d.state(), State::NotAuthenticated);
}

/// `Session::run(Authenticate PLAIN <initial response>)` (SASL-IR: no
/// challenge) logs in.
pub fn authenticate_plain_initial_response(server: &Server) {
    let mut s = server.connect();
    let ir = format!("\0{}\0{}", User::Alice.name(), User::Alice.password());
    s.run(Authenticate::new("PLAIN").unwrap().initial_response(ir.into_bytes())).unwrap();
    assert_eq!(s.state(), State::Authenticated);
}
