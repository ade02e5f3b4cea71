#![cfg(feature = "live-tests")]
//! COMPRESS=DEFLATE (RFC 4978) against the real servers, Dovecot 2.3
//! (`imap_zlib`) and Cyrus 3.6, brought up by `scripts/test-servers up`
//! (which exports the `TYPED_IMAP_*` variables; run with
//! `--features live-tests`). Under the feature the variables must be set:
//! a live test is never skipped silently.
//!
//! Each test works in a mailbox of its own, deleted at the end, so that it
//! does not disturb the other live suites running against alice's INBOX.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use typed_imap::Error;
use typed_imap::command::{Append, Create, Delete, Fetch, Login, Noop, Select, State};
use typed_imap::session::blocking::{Builder, Session};
use typed_imap::types::{FetchAttr, FetchItem, Section, StatusKind};

/// One server, from the environment.
struct Target {
    host: String,
    port: u16,
    tls_port: u16,
    ca: String,
    /// Where alice's mailboxes go: `""` or `"INBOX."`.
    prefix: &'static str,
}

fn var(name: &str) -> String {
    let var = format!("TYPED_IMAP_{name}");
    std::env::var(&var).unwrap_or_else(|_| {
        panic!("{var} is not set: start the servers: eval \"$(scripts/test-servers up)\"")
    })
}

fn target(server: &str) -> Target {
    let cyrus_dots = server == "CYRUS" && var("CYRUS_UNIXSEP") == "no";
    Target {
        host: var(&format!("{server}_HOST")),
        port: var(&format!("{server}_PORT")).parse().unwrap(),
        tls_port: var(&format!("{server}_TLS_PORT")).parse().unwrap(),
        ca: var("CA"),
        prefix: if cyrus_dots { "INBOX." } else { "" },
    }
}

fn builder(t: &Target) -> Builder {
    Session::builder().timeout(Duration::from_secs(10)).ca_pem_file(&t.ca)
}

fn login(session: &mut Session) {
    session.run(Login::new(&var("ALICE_USER"), var("ALICE_PASSWORD")).unwrap()).unwrap();
    assert_eq!(session.state(), State::Authenticated);
}

/// A mailbox name no other test run uses.
fn scratch_name(t: &Target, what: &str) -> String {
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_nanos();
    format!("{}compress-{what}-{}-{nanos}", t.prefix, std::process::id())
}

/// A message of about 200 KiB: headers, then text that compresses well,
/// then base64-like noise that does not.
fn message(subject: &str) -> Vec<u8> {
    let mut m = format!("From: alice@example.org\r\nSubject: {subject}\r\n\r\n").into_bytes();
    for n in 0..2000 {
        m.extend(format!("line {n}: the quick brown fox jumps over the lazy dog\r\n").bytes());
    }
    let mut x: u32 = 7;
    for _ in 0..1500 {
        let line: String = (0..76)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                char::from(
                    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[(x >> 26) as usize],
                )
            })
            .collect();
        m.extend(line.bytes().chain(*b"\r\n"));
    }
    m
}

/// The BODY[] the server returns for `uid` in the selected mailbox.
fn fetch_body(session: &mut Session, uid: u32) -> Vec<u8> {
    let cmd = Fetch::new(uid.try_into().unwrap(), vec![FetchAttr::body_peek(Section::default())]).uid();
    let fetched = session.run(cmd).unwrap();
    let [message] = fetched.messages.as_slice() else { panic!("{fetched:?}") };
    let body = message.items.iter().find_map(|item| match item {
        FetchItem::BodySection { data: Some(data), .. } => Some(data.as_bytes().to_vec()),
        _ => None,
    });
    body.unwrap_or_else(|| panic!("no BODY[] in {message:?}"))
}

/// Compresses, selects a fresh mailbox, appends a message, fetches it
/// back and compares the bytes; then deletes the mailbox.
fn append_and_fetch(session: &mut Session, t: &Target) {
    assert!(session.has_capability("COMPRESS=DEFLATE"), "{:?}", session.capabilities());
    let tls = session.is_tls();
    session.compress().unwrap();
    assert_eq!(session.is_tls(), tls, "TLS is still on under DEFLATE");
    let name = scratch_name(t, "append");
    session.run(Create::new(&name).unwrap()).unwrap();
    session.run(Select::new(&name).unwrap()).unwrap();
    let sent = message(&name);
    let appended = session.run(Append::new(&name, sent.clone()).unwrap()).unwrap();
    let uid = appended.expect("APPENDUID (UIDPLUS)").uids.numbers(u32::MAX).next().unwrap();
    let got = fetch_body(session, uid);
    assert_eq!(got.len(), sent.len());
    assert!(got == sent, "the fetched message differs from the appended one");
    session.run(Noop).unwrap();
    session.run(Select::new("INBOX").unwrap()).unwrap();
    session.run(Delete::new(&name).unwrap()).unwrap();
}

/// Logs in, then [`append_and_fetch`], then logs out.
fn append_and_fetch_compressed(mut session: Session, t: &Target) {
    login(&mut session);
    append_and_fetch(&mut session, t);
    assert_eq!(session.logout().unwrap().kind, StatusKind::Bye);
}

/// A second COMPRESS is refused by the session, with nothing sent (the
/// servers would answer it with COMPRESSIONACTIVE: Dovecot NO, Cyrus BAD);
/// the connection stays compressed and usable.
fn second_compress_is_refused(server: &str) {
    let t = target(server);
    let mut session = builder(&t).connect(&t.host, t.port).unwrap();
    login(&mut session);
    session.compress().unwrap();
    let err = session.compress().unwrap_err();
    assert!(matches!(&err, Error::Io(e) if e.kind() == std::io::ErrorKind::AlreadyExists), "{err:?}");
    session.run(Noop).unwrap();
    assert_eq!(session.logout().unwrap().kind, StatusKind::Bye);
}

#[test]
fn dovecot_compress_append_fetch() {
    let t = target("DOVECOT");
    append_and_fetch_compressed(builder(&t).connect(&t.host, t.port).unwrap(), &t);
}

#[test]
fn cyrus_compress_append_fetch() {
    let t = target("CYRUS");
    append_and_fetch_compressed(builder(&t).connect(&t.host, t.port).unwrap(), &t);
}

#[test]
fn dovecot_compress_under_implicit_tls() {
    let t = target("DOVECOT");
    append_and_fetch_compressed(builder(&t).connect_tls(&t.host, t.tls_port).unwrap(), &t);
}

#[test]
fn cyrus_compress_after_starttls() {
    let t = target("CYRUS");
    let mut session = builder(&t).connect(&t.host, t.port).unwrap();
    session.starttls().unwrap();
    append_and_fetch_compressed(session, &t);
}

#[test]
fn dovecot_second_compress_is_refused() {
    second_compress_is_refused("DOVECOT");
}

#[test]
fn cyrus_second_compress_is_refused() {
    second_compress_is_refused("CYRUS");
}

#[test]
fn dovecot_compress_over_a_child_process() {
    // `imap -u alice` is preauthenticated; its pipes carry the DEFLATE streams.
    let t = target("DOVECOT");
    let mut session =
        Session::spawn(std::process::Command::new("sh").args(["-c", &var("DOVECOT_STREAM")])).unwrap();
    assert_eq!(session.state(), State::Authenticated);
    append_and_fetch(&mut session, &t);
    assert_eq!(session.logout().unwrap().kind, StatusKind::Bye);
}
