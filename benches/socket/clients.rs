//! The clients the session benchmark compares, each behind one call: log
//! in, SELECT, one FETCH of every message over a loopback TCP socket, and
//! read one value of each message from the typed result (the subject of
//! its ENVELOPE, or the length of its BODY[]), as an application would.

use std::net::TcpStream;

use typed_imap::command::{Fetch, Fetched, FetchedMessage};
use typed_imap::session::blocking::Session;
use typed_imap::types::{FetchAttr, Section, SequenceSet};

/// What a client's FETCH gave: the number of messages and the sum of the
/// probed values' lengths.
pub type Probe = (usize, usize);

/// A client: what it is called, and its run against a port.
pub type Client = (&'static str, fn(u16, What) -> Probe);

/// The clients, typed-imap first (its tokio driver too when the bench is
/// built with `--features tokio`).
pub const ALL: &[Client] = &[
    ("typed-imap", typed_imap_blocking),
    ("typed-imap fetch_each", typed_imap_each),
    #[cfg(feature = "tokio")]
    ("typed-imap tokio", typed_imap_tokio),
    ("imap-2.4", imap_2),
    ("imap-3.0a15", imap_3),
];

/// Which corpus is fetched, and so what is asked and probed.
#[derive(Clone, Copy)]
pub enum What {
    /// FLAGS UID RFC822.SIZE INTERNALDATE ENVELOPE BODYSTRUCTURE; the subject.
    Metadata,
    /// UID FLAGS BODY.PEEK[]; the body's length.
    Bodies,
}

impl What {
    /// The FETCH items as the peers take them, a string.
    fn query(self) -> &'static str {
        match self {
            What::Metadata => "(FLAGS UID RFC822.SIZE INTERNALDATE ENVELOPE BODYSTRUCTURE)",
            What::Bodies => "(UID FLAGS BODY.PEEK[])",
        }
    }
}

/// The FETCH items typed-imap asks for.
fn attrs(what: What) -> Vec<FetchAttr<'static>> {
    match what {
        What::Metadata => vec![
            FetchAttr::Flags,
            FetchAttr::Uid,
            FetchAttr::Rfc822Size,
            FetchAttr::InternalDate,
            FetchAttr::Envelope,
            FetchAttr::BodyStructure,
        ],
        What::Bodies => vec![FetchAttr::Uid, FetchAttr::Flags, FetchAttr::body_peek(Section::default())],
    }
}

/// What typed-imap's FETCH gave, read as the peers' is.
fn probe(fetched: Fetched, what: What) -> Probe {
    (fetched.messages.len(), fetched.messages.iter().map(|m| probed(m, what)).sum())
}

/// The value read of one message.
fn probed(message: &FetchedMessage, what: What) -> usize {
    match what {
        What::Metadata => message.envelope().and_then(|e| e.subject.as_ref()).map_or(0, |s| s.len()),
        What::Bodies => message.body().map_or(0, <[u8]>::len),
    }
}

/// typed-imap's blocking `Session`, each message read and dropped as it
/// arrives (`fetch_each`).
fn typed_imap_each(port: u16, what: What) -> Probe {
    let mut session = Session::builder().connect("127.0.0.1", port).expect("connect");
    session.login("user", "password").expect("LOGIN");
    session.select("INBOX", false).expect("SELECT");
    let (mut messages, mut sum) = (0, 0);
    let fetch = Fetch::new(SequenceSet::all(), attrs(what));
    session
        .fetch_each(fetch, |m| {
            messages += 1;
            sum += probed(&m, what);
        })
        .expect("FETCH");
    session.logout().expect("LOGOUT");
    (messages, sum)
}

/// typed-imap's blocking `Session`.
fn typed_imap_blocking(port: u16, what: What) -> Probe {
    let mut session = Session::builder().connect("127.0.0.1", port).expect("connect");
    session.login("user", "password").expect("LOGIN");
    session.select("INBOX", false).expect("SELECT");
    let probe = probe(session.fetch(SequenceSet::all(), attrs(what)).expect("FETCH"), what);
    session.logout().expect("LOGOUT");
    probe
}

/// typed-imap's tokio `Session`, on a current-thread runtime.
#[cfg(feature = "tokio")]
fn typed_imap_tokio(port: u16, what: What) -> Probe {
    use typed_imap::session::tokio::Session;
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    runtime.block_on(async {
        let mut session = Session::builder().connect("127.0.0.1", port).await.expect("connect");
        session.login("user", "password").await.expect("LOGIN");
        session.select("INBOX", false).await.expect("SELECT");
        let probe = probe(session.fetch(SequenceSet::all(), attrs(what)).await.expect("FETCH"), what);
        session.logout().await.expect("LOGOUT");
        probe
    })
}

/// rust-imap 2.4 (imap-proto 0.10), the release most services use.
fn imap_2(port: u16, what: What) -> Probe {
    let mut client = imap_2::Client::new(TcpStream::connect(("127.0.0.1", port)).expect("connect"));
    client.read_greeting().expect("greeting");
    let mut session = client.login("user", "password").map_err(|(e, _)| e).expect("LOGIN");
    session.select("INBOX").expect("SELECT");
    let fetches = session.fetch("1:*", what.query()).expect("FETCH");
    let probed = fetches.iter().map(|f| match what {
        What::Metadata => f.envelope().and_then(|e| e.subject).map_or(0, <[u8]>::len),
        What::Bodies => f.body().map_or(0, <[u8]>::len),
    });
    let probe = (fetches.len(), probed.sum());
    drop(fetches);
    session.logout().expect("LOGOUT");
    probe
}

/// rust-imap 3.0 alpha 15 (imap-proto 0.16).
fn imap_3(port: u16, what: What) -> Probe {
    let mut client = imap_3::Client::new(TcpStream::connect(("127.0.0.1", port)).expect("connect"));
    client.read_greeting().expect("greeting");
    let mut session = client.login("user", "password").map_err(|(e, _)| e).expect("LOGIN");
    session.select("INBOX").expect("SELECT");
    let fetches = session.fetch("1:*", what.query()).expect("FETCH");
    let probed = fetches.iter().map(|f| match what {
        What::Metadata => f.envelope().and_then(|e| e.subject.as_ref()).map_or(0, |s| s.len()),
        What::Bodies => f.body().map_or(0, <[u8]>::len),
    });
    let probe = (fetches.len(), probed.sum());
    drop(fetches);
    session.logout().expect("LOGOUT");
    probe
}
