#![cfg(all(feature = "tokio", feature = "live-tests"))]
//! The tokio driver against the real Dovecot 2.3 and Cyrus 3.6
//! (`scripts/test-servers up`): plain TCP, implicit TLS and STARTTLS
//! verified against the test CA, LOGIN, SELECT, FETCH, APPEND with a
//! literal, IDLE woken by a second session's APPEND, a NO as an error,
//! the message commands (STORE, SEARCH, COPY, UID FETCH, EXPUNGE,
//! STATUS) and AUTHENTICATE (LOGIN, CRAM-MD5, a refused PLAIN). Where the servers listen and who logs in is `tests/live/`'s,
//! shared with the blocking suites.

#[allow(dead_code, unused_macros)]
mod live;

use std::time::Duration;

use live::{Server, TIMEOUT, User, cyrus, dovecot};
use typed_imap::Error;
use typed_imap::command::{Fetch, FlagsAction, State, StoreMode};
use typed_imap::session::Event;
use typed_imap::session::tokio::{Builder, Connection, Session};
use typed_imap::types::{
    Data, FetchAttr, FetchItem, Flag, SearchKey, SequenceSet, StatusAttr, StatusItem, StatusKind,
};

/// The live options: the test CA and the suite's timeout.
fn builder(server: &Server) -> Builder {
    Session::builder().timeout(TIMEOUT).ca_pem_file(&server.ca)
}

/// Alice's session over plain TCP.
async fn alice(server: &Server) -> Session<Connection> {
    let mut s = builder(server).connect(&server.host, server.port).await.expect("connect");
    s.login(&User::Alice.name(), &User::Alice.password()).await.expect("LOGIN");
    assert_eq!(s.state(), State::Authenticated);
    s
}

/// A fresh mailbox of alice's for `test`, created over `s`.
async fn mailbox(server: &Server, s: &mut Session<Connection>, test: &str) -> String {
    let name = server.mailbox(test);
    s.create(&name).await.expect("CREATE");
    name
}

/// A small message whose body carries `marker`.
fn message(marker: &str) -> Vec<u8> {
    format!("From: alice@example.org\r\nSubject: tokio {marker}\r\n\r\nbody {marker}\r\n").into_bytes()
}

async fn plain_login_select_fetch_logout(server: &Server) {
    let mut s = alice(server).await;
    assert!(!s.is_tls());
    let name = mailbox(server, &mut s, "tokio-fetch").await;
    s.append(Some(&name), &[], None, message("fetch")).await.unwrap();
    let selected = s.select(&name, false).await.unwrap();
    assert_eq!(selected.exists, 1, "{selected:?}");
    assert_eq!(s.state(), State::Selected);
    let set = SequenceSet::from_numbers([1]).unwrap();
    let fetched = s.fetch(set, vec![FetchAttr::Uid, FetchAttr::Rfc822Size]).await.unwrap();
    assert_eq!(fetched.messages.len(), 1, "{fetched:?}");
    assert!(fetched.messages[0].uid().is_some(), "{fetched:?}");
    assert_eq!(fetched.messages[0].size(), Some(message("fetch").len() as u64), "{fetched:?}");
    // The same through fetch_each, the message handed over as it arrives.
    let mut streamed = Vec::new();
    let attrs = vec![FetchAttr::Uid, FetchAttr::Rfc822Size];
    let rest = s.fetch_each(Fetch::new(SequenceSet::all(), attrs), |m| streamed.push(m)).await.unwrap();
    assert_eq!(streamed, fetched.messages);
    assert!(rest.messages.is_empty(), "{rest:?}");
    let bye = s.logout().await.unwrap();
    assert_eq!(bye.kind, StatusKind::Bye);
    assert_eq!(s.state(), State::Logout);
    assert!(s.noop().await.is_err(), "nothing after LOGOUT");
}

async fn implicit_tls_with_the_test_ca(server: &Server) {
    let b = builder(server).server_name(live::env("TLS_NAME"));
    let mut s = b.connect_tls(&server.host, server.tls_port).await.unwrap();
    assert!(s.is_tls() && s.get_ref().is_tls());
    s.login(&User::Alice.name(), &User::Alice.password()).await.unwrap();
    s.noop().await.unwrap();
    let without_ca = Session::builder().timeout(TIMEOUT).connect_tls(&server.host, server.tls_port).await;
    let err = without_ca.unwrap_err();
    assert!(err.to_string().to_lowercase().contains("certificate"), "{err}");
}

async fn starttls_then_login(server: &Server) {
    let b = builder(server).require_tls(true);
    let mut s = b.connect(&server.host, server.port).await.unwrap();
    assert!(s.has_capability("STARTTLS"), "{:?}", s.capabilities());
    let refused = s.login(&User::Alice.name(), &User::Alice.password()).await.unwrap_err();
    assert!(matches!(refused, Error::Insecure(_)), "{refused:?}");
    s.starttls().await.unwrap();
    assert!(s.is_tls());
    assert!(!s.has_capability("STARTTLS"), "asked again over TLS: {:?}", s.capabilities());
    s.login(&User::Alice.name(), &User::Alice.password()).await.unwrap();
    assert_eq!(s.state(), State::Authenticated);
    assert!(s.starttls().await.is_err(), "TLS is on already");
}

async fn append_literal_and_read_it_back(server: &Server) {
    let mut s = alice(server).await;
    let name = mailbox(server, &mut s, "tokio-append").await;
    // 8-bit bytes in the body only: Cyrus rewrites them in headers.
    let mut body = message("literal");
    body.extend_from_slice("\u{e9}t\u{e9} \"quoted\" {5}\r\n".as_bytes());
    s.append(Some(&name), &[Flag::Seen], None, body.clone()).await.unwrap();
    s.select(&name, true).await.unwrap();
    let set = SequenceSet::from_numbers([1]).unwrap();
    let fetched = s.fetch(set, vec![FetchAttr::Rfc822, FetchAttr::Flags]).await.unwrap();
    let got = fetched.messages[0].items.iter().find_map(|item| match item {
        FetchItem::Rfc822(Some(bytes)) => Some(bytes.as_bytes().to_vec()),
        _ => None,
    });
    assert_eq!(got.as_deref(), Some(body.as_slice()), "{fetched:?}");
    let flags = fetched.messages[0].flags().expect("FLAGS in the answer");
    assert!(flags.contains(&Flag::Seen), "{flags:?}");
}

/// COMPRESS DEFLATE over implicit TLS: after it, APPEND with a literal,
/// FETCH of the message back, NOOP, all compressed; a second COMPRESS is
/// refused with nothing sent.
async fn compress_then_append_and_fetch_over_tls(server: &Server) {
    let b = builder(server).server_name(live::env("TLS_NAME"));
    let mut s = b.connect_tls(&server.host, server.tls_port).await.unwrap();
    s.login(&User::Alice.name(), &User::Alice.password()).await.unwrap();
    assert!(s.has_capability("COMPRESS=DEFLATE"), "{:?}", s.capabilities());
    s.compress().await.unwrap();
    assert!(s.get_ref().is_compressed() && s.is_tls() && s.get_ref().is_tls());
    let name = mailbox(server, &mut s, "tokio-compress").await;
    let mut body = message("compressed");
    body.extend(std::iter::repeat_n(b"a line that compresses well\r\n".as_slice(), 2000).flatten());
    s.append(Some(&name), &[], None, body.clone()).await.unwrap();
    s.select(&name, true).await.unwrap();
    let fetched = s.fetch(SequenceSet::all(), vec![FetchAttr::Rfc822]).await.unwrap();
    assert_eq!(fetched.messages[0].body(), Some(body.as_slice()));
    s.noop().await.unwrap();
    let again = s.compress().await.unwrap_err();
    assert!(matches!(&again, Error::Io(e) if e.kind() == std::io::ErrorKind::AlreadyExists), "{again:?}");
    s.noop().await.expect("still usable after the refused second COMPRESS");
    assert_eq!(s.logout().await.unwrap().kind, StatusKind::Bye);
}

/// FETCH, STORE and SEARCH pipelined (RFC 9051 section 5.5): one write,
/// each result to its ticket, the STORE seen by the SEARCH after it.
async fn pipeline_fetch_store_search(server: &Server) {
    use typed_imap::command::{Search, Store};
    let mut s = alice(server).await;
    let name = mailbox(server, &mut s, "tokio-pipeline").await;
    for marker in ["one", "two", "three"] {
        s.append(Some(&name), &[], None, message(marker)).await.unwrap();
    }
    s.select(&name, false).await.unwrap();
    let mut pipeline = s.pipeline().await.unwrap();
    let fetch = pipeline.add(Fetch::new(SequenceSet::all(), vec![FetchAttr::Uid])).unwrap();
    let store = pipeline.add(Store::add("2".parse().unwrap(), vec![Flag::Flagged]).unwrap()).unwrap();
    let search = pipeline.add(Search::new(SearchKey::Flagged)).unwrap();
    let mut results = pipeline.run().await;
    assert_eq!(results.take(fetch).unwrap().messages.len(), 3);
    results.take(store).unwrap();
    assert_eq!(results.take(search).unwrap().numbers, [2]);
    s.noop().await.expect("the session goes on after the pipeline");
}

async fn idle_sees_an_append_from_another_session(server: &Server) {
    let mut watcher = alice(server).await;
    let name = mailbox(server, &mut watcher, "tokio-idle").await;
    watcher.select(&name, false).await.unwrap();
    let mut idle = watcher.idle().await.unwrap();
    let mut writer = alice(server).await;
    writer.append(Some(&name), &[], None, message("idle")).await.unwrap();
    let mut seen = None;
    for _ in 0..10 {
        match idle.wait(Duration::from_secs(2)).await.unwrap() {
            Some(Event::Data(Data::Exists(n))) => {
                seen = Some(n);
                break;
            }
            Some(_) | None => continue,
        }
    }
    assert_eq!(seen, Some(1), "EXISTS 1 during IDLE");
    idle.done().await.unwrap();
    watcher.noop().await.unwrap();
    assert_eq!(watcher.state(), State::Selected);
}

async fn no_is_an_error_and_the_session_goes_on(server: &Server) {
    let mut s = alice(server).await;
    let missing = server.mailbox("tokio-missing");
    let err = s.select(&missing, false).await.unwrap_err();
    let Error::No(refusal) = &err else { panic!("expected NO, got {err:?}") };
    assert!(!refusal.text.as_bytes().is_empty(), "{refusal:?}");
    s.noop().await.unwrap();
    assert_eq!(s.state(), State::Authenticated);
}

async fn store_search_copy_uid_fetch_expunge(server: &Server) {
    let mut s = alice(server).await;
    let name = mailbox(server, &mut s, "tokio-store").await;
    let target = mailbox(server, &mut s, "tokio-copy").await;
    for marker in ["one", "two"] {
        s.append(Some(&name), &[], None, message(marker)).await.unwrap();
    }
    s.select(&name, false).await.unwrap();
    let first = || SequenceSet::from_numbers([1]).unwrap();
    let action = FlagsAction { mode: StoreMode::Add, silent: false };
    let stored = s.store(first(), action, [Flag::Deleted]).await.unwrap();
    assert!(format!("{stored:?}").contains("Deleted"), "{stored:?}");
    let found = s.search(None, SearchKey::Deleted).await.unwrap();
    assert_eq!(found.numbers, vec![1], "{found:?}");
    let copied = s.copy(first(), &target).await.unwrap();
    assert!(copied.is_some(), "both servers send COPYUID");
    let by_uid = s.uid(Fetch::new(SequenceSet::from_numbers([1, 2]).unwrap(), vec![FetchAttr::Uid])).await;
    let uids: Vec<_> = by_uid.unwrap().messages.iter().filter_map(|m| m.uid()).collect();
    assert_eq!(uids.len(), 2, "{uids:?}");
    let expunged = s.expunge().await.unwrap();
    assert_eq!(expunged.seqs, vec![1], "{expunged:?}");
    let status = s.status(&target, [StatusAttr::Messages]).await.unwrap();
    assert!(status.items.contains(&StatusItem::Messages(1)), "{status:?}");
}

async fn authenticate_login_cram_md5_and_a_wrong_plain(server: &Server) {
    let connect = || builder(server).connect(&server.host, server.port);
    let mut s = connect().await.unwrap();
    let mut login = typed_imap::auth::Login::new(User::Alice.name(), User::Alice.password());
    s.authenticate(&mut login).await.unwrap();
    assert_eq!(s.state(), State::Authenticated);
    assert!(s.capabilities().is_some(), "capabilities known after AUTHENTICATE");
    let mut s = connect().await.unwrap();
    s.login_cram_md5(&User::Alice.name(), &User::Alice.password()).await.unwrap();
    assert_eq!(s.state(), State::Authenticated);
    let mut s = connect().await.unwrap();
    let mut wrong = typed_imap::auth::Plain::new(User::Alice.name(), "wrong").unwrap();
    let err = s.authenticate(&mut wrong).await.unwrap_err();
    assert!(matches!(err, Error::No(_)), "{err:?}");
    assert_eq!(s.state(), State::NotAuthenticated);
    s.noop().await.unwrap();
}

/// A module per case with one `#[tokio::test]` per server:
/// `plain_login_select_fetch_logout::dovecot`, `...::cyrus`.
macro_rules! live_tokio_tests {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test]
                async fn dovecot() {
                    super::$name(&super::dovecot()).await;
                }

                #[tokio::test]
                async fn cyrus() {
                    super::$name(&super::cyrus()).await;
                }
            }
        )*
    };
}

live_tokio_tests!(
    plain_login_select_fetch_logout,
    implicit_tls_with_the_test_ca,
    starttls_then_login,
    append_literal_and_read_it_back,
    idle_sees_an_append_from_another_session,
    no_is_an_error_and_the_session_goes_on,
    store_search_copy_uid_fetch_expunge,
    authenticate_login_cram_md5_and_a_wrong_plain,
    compress_then_append_and_fetch_over_tls,
    pipeline_fetch_store_search,
);
