//! A server that advertises IMAP4rev2 has the extensions RFC 9051 folds in
//! (Appendix E) even when it does not list them: the sans-I/O core must
//! send those commands, not refuse them with `Error::Unsupported`. One test
//! per family of implied capabilities, plus what IMAP4rev2 does not give.

mod support;

use support::sans_io::{preauth, selected, sent};
use typed_imap::Error;
use typed_imap::auth::Plain;
use typed_imap::command::implied::{IMAP4REV2_IMPLIES, implied_by_imap4rev2};
use typed_imap::command::{
    Command, Enable, Fetch, Idle, List, ListReturn, Move, Namespace, Search, SearchReturn, UidExpunge,
    Unselect,
};
use typed_imap::session::{Config, Protocol};
use typed_imap::types::{Capability, FetchAttr, SearchKey, SequenceSet, StatusAttr};
use typed_imap::wire::encode::EncodeOptions;

/// Sends `cmd` and returns the line that went out; panics when refused.
fn sends<C: Command>(p: &mut Protocol, cmd: &C) -> String {
    p.send(cmd).unwrap_or_else(|e| panic!("{} refused: {e:?}", cmd.name()));
    sent(p)
}

/// Sends `cmd` expecting `Error::Unsupported` naming `capability`, with
/// nothing written.
fn refused<C: Command>(p: &mut Protocol, cmd: &C, capability: &str) {
    match p.send(cmd) {
        Err(Error::Unsupported { capability: missing, .. }) => assert_eq!(missing, capability),
        other => panic!("expected Unsupported {capability}, got {other:?}"),
    }
    assert_eq!(sent(p), "", "nothing is sent");
}

#[test]
fn rev2_supports_each_implied_capability_without_advertising_it() {
    let p = preauth("IMAP4rev2 AUTH=PLAIN");
    for name in IMAP4REV2_IMPLIES {
        assert!(p.supports(name), "{name}");
        assert!(p.supports(&name.to_ascii_lowercase()), "{name}, any case");
        assert!(!p.has_capability(name), "has_capability still means advertised: {name}");
    }
}

#[test]
fn rev2_does_not_imply_what_rfc_9051_leaves_out() {
    let p = preauth("IMAP4rev2");
    for name in ["SPECIAL-USE", "CONDSTORE", "QRESYNC", "OBJECTID", "COMPRESS=DEFLATE", "LITERAL+", "SORT"] {
        assert!(!p.supports(name), "{name}");
        assert!(!implied_by_imap4rev2(name), "{name}");
    }
}

#[test]
fn rev1_supports_only_what_it_advertises() {
    let p = preauth("IMAP4rev1 MOVE");
    assert!(p.supports("MOVE"));
    assert!(!p.supports("UNSELECT"));
    assert!(!p.supports("IDLE"));
}

#[test]
fn unknown_capabilities_support_nothing() {
    let mut p = Protocol::new(Config::default());
    p.handle_input(b"* OK ready\r\n");
    assert!(p.poll_greeting().unwrap());
    assert!(!p.supports("IDLE"));
}

#[test]
fn rev2_move_unselect_and_uid_expunge_are_sent() {
    let set: SequenceSet = "1:2".parse().unwrap();
    let mut p = selected("IMAP4rev2");
    assert_eq!(sends(&mut p, &Move::new(set.clone(), "Trash").unwrap()), "A1 MOVE 1:2 Trash\r\n");
    let mut p = selected("IMAP4rev2");
    assert_eq!(sends(&mut p, &UidExpunge::new(set)), "A1 UID EXPUNGE 1:2\r\n");
    let mut p = selected("IMAP4rev2");
    assert_eq!(sends(&mut p, &Unselect), "A1 UNSELECT\r\n");
}

#[test]
fn rev1_without_them_refuses_move_unselect_and_uid_expunge() {
    let set: SequenceSet = "1:2".parse().unwrap();
    refused(&mut selected("IMAP4rev1"), &Move::new(set.clone(), "Trash").unwrap(), "MOVE");
    refused(&mut selected("IMAP4rev1"), &UidExpunge::new(set), "UIDPLUS");
    refused(&mut selected("IMAP4rev1"), &Unselect, "UNSELECT");
}

#[test]
fn rev2_idle_namespace_and_enable_are_sent() {
    let mut p = preauth("IMAP4rev2");
    assert_eq!(sends(&mut p, &Idle), "A0 IDLE\r\n");
    let mut p = preauth("IMAP4rev2");
    p.idle_start().expect("idle_start under IMAP4rev2");
    assert_eq!(sent(&mut p), "A0 IDLE\r\n");
    let mut p = preauth("IMAP4rev2");
    assert_eq!(sends(&mut p, &Namespace), "A0 NAMESPACE\r\n");
    let mut p = preauth("IMAP4rev2");
    assert_eq!(sends(&mut p, &Enable::new(["UTF8=ACCEPT"]).unwrap()), "A0 ENABLE UTF8=ACCEPT\r\n");
}

#[test]
fn rev1_without_them_refuses_idle_namespace_and_enable() {
    refused(&mut preauth("IMAP4rev1"), &Idle, "IDLE");
    refused(&mut preauth("IMAP4rev1"), &Namespace, "NAMESPACE");
    refused(&mut preauth("IMAP4rev1"), &Enable::new(["UTF8=ACCEPT"]).unwrap(), "ENABLE");
}

#[test]
fn rev2_search_return_options_are_sent() {
    let mut p = selected("IMAP4rev2");
    let search = Search::new(SearchKey::All).returning(SearchReturn::new().count().save());
    assert_eq!(sends(&mut p, &search), "A1 SEARCH RETURN (COUNT SAVE) ALL\r\n");
    let mut p = selected("IMAP4rev2");
    let fetch = Fetch::new(SequenceSet::saved(), vec![FetchAttr::Flags]);
    assert_eq!(sends(&mut p, &fetch), "A1 FETCH $ (FLAGS)\r\n");
}

#[test]
fn rev2_list_extended_and_list_status_are_sent() {
    let mut p = preauth("IMAP4rev2");
    let list =
        List::default().returning(ListReturn::Children).returning(ListReturn::Status(vec![StatusAttr::Size]));
    assert_eq!(sends(&mut p, &list), "A0 LIST \"\" * RETURN (CHILDREN STATUS (SIZE))\r\n");
}

#[test]
fn rev2_binary_fetch_is_sent() {
    let mut p = selected("IMAP4rev2");
    let fetch = Fetch::new("1".parse().unwrap(), vec![FetchAttr::binary_peek(vec![1])]);
    assert_eq!(sends(&mut p, &fetch), "A1 FETCH 1 (BINARY.PEEK[1])\r\n");
}

#[test]
fn rev2_sends_the_sasl_initial_response_on_the_command_line() {
    let mut p = Protocol::new(Config::default().with_tag_prefix("A"));
    p.handle_input(b"* OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready\r\n");
    assert!(p.poll_greeting().unwrap());
    p.authenticate_start(&mut Plain::new("alice", "secret").unwrap()).unwrap();
    assert_eq!(sent(&mut p), "A0 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==\r\n");
}

#[test]
fn rev2_allows_literal_minus_but_not_binary_literals() {
    let caps = [Capability::new("IMAP4rev2").unwrap()];
    let options = EncodeOptions::from_capabilities(&caps);
    assert!(options.literal_minus, "LITERAL- is part of IMAP4rev2 (RFC 9051 Appendix E item 2)");
    assert!(!options.binary, "APPEND literal8 is not (RFC 9051 Appendix B)");
}

#[test]
fn qresync_includes_condstore_and_searchres_includes_esearch() {
    let p = preauth("IMAP4rev1 QRESYNC SEARCHRES");
    assert!(p.supports("CONDSTORE"), "RFC 7162 section 3.2.3");
    assert!(p.supports("ESEARCH"), "RFC 5182 section 2.1");
    assert!(!p.supports("IDLE"));
    let p = preauth("IMAP4rev1 CONDSTORE ESEARCH");
    assert!(!p.supports("QRESYNC") && !p.supports("SEARCHRES"), "not the other way round");
}

#[test]
fn rev2_authenticate_command_with_an_initial_response_is_sent() {
    let cmd = typed_imap::command::Authenticate::new("PLAIN").unwrap().initial_response(*b"\0u\0p");
    let mut p = Protocol::new(Config::default().with_tag_prefix("A"));
    p.handle_input(b"* OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready\r\n");
    assert!(p.poll_greeting().unwrap());
    assert_eq!(sends(&mut p, &cmd), "A0 AUTHENTICATE PLAIN AHUAcA==\r\n");
    let mut p = Protocol::new(Config::default().with_tag_prefix("A"));
    p.handle_input(b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n");
    assert!(p.poll_greeting().unwrap());
    refused(&mut p, &cmd, "SASL-IR");
}
