//! AUTHENTICATE on both servers through the sans-I/O [`Protocol`]'s SASL
//! calls (`authenticate_start`, `poll_authenticate`), driven here over a
//! plain `TcpStream`: PLAIN with an authorisation identity (the admin
//! acting as alice), LOGIN, CRAM-MD5 and a wrong password. Also PLAIN with
//! a SASL-IR initial response through `Session::run(Authenticate)`.

use std::io::{Read, Write};
use std::net::TcpStream;

use typed_imap::Error;
use typed_imap::auth::{Authenticator, CramMd5, Login as SaslLogin, Plain};
use typed_imap::command::{Authenticate, Command, Create, Delete, List, State};
use typed_imap::session::{Config, Protocol};

use super::{Server, TIMEOUT, User};

/// A protocol core over a TCP stream: the smallest driver.
pub struct Driver {
    protocol: Protocol,
    stream: TcpStream,
}

impl Driver {
    /// Connects and reads the greeting.
    pub fn connect(server: &Server) -> Driver {
        let stream = TcpStream::connect((server.host.as_str(), server.port)).unwrap();
        stream.set_read_timeout(Some(TIMEOUT)).unwrap();
        stream.set_write_timeout(Some(TIMEOUT)).unwrap();
        let mut d = Driver { protocol: Protocol::new(Config::default()), stream };
        while !d.protocol.poll_greeting().unwrap() {
            d.read();
        }
        d
    }

    fn flush(&mut self) {
        while let Some(bytes) = self.protocol.poll_transmit() {
            eprintln!("C: {}", String::from_utf8_lossy(&bytes).trim_end());
            self.stream.write_all(&bytes).unwrap();
        }
    }

    fn read(&mut self) {
        let mut buf = [0u8; 16384];
        let n = self.stream.read(&mut buf).unwrap();
        match n {
            0 => self.protocol.handle_eof(),
            n => {
                eprintln!("S: {}", String::from_utf8_lossy(&buf[..n]).trim_end());
                self.protocol.handle_input(&buf[..n]);
            }
        }
    }

    /// Runs a SASL exchange to its end.
    pub fn authenticate(&mut self, auth: &mut dyn Authenticator) -> Result<(), Error> {
        self.protocol.authenticate_start(auth)?;
        loop {
            self.flush();
            if let Some(()) = self.protocol.poll_authenticate(auth)? {
                return Ok(());
            }
            self.flush();
            self.read();
        }
    }

    /// Runs one command to its tagged answer.
    pub fn run<C: Command>(&mut self, cmd: C) -> Result<C::Output, Error> {
        self.protocol.send(&cmd)?;
        loop {
            self.flush();
            if let Some(out) = self.protocol.poll_command(&cmd)? {
                return Ok(out);
            }
            self.flush();
            self.read();
        }
    }

    /// The connection state.
    pub fn state(&self) -> State {
        self.protocol.state()
    }
}

/// A mailbox alice owns, made through a LOGIN session, so that a session
/// authenticated some other way can prove it is alice by listing it.
fn alices_mailbox(server: &Server, test: &str) -> String {
    let name = server.mailbox(test);
    server.alice().run(Create::new(&name).unwrap()).unwrap();
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
