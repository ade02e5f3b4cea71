//! `Session::pipeline` against the scripted server: the commands leave in
//! one go before any answer, each typed result comes back through its
//! ticket, and RFC 9051's ambiguous combinations are refused before
//! anything is sent.

mod support;

use std::time::Duration;

use support::client::preauth;
use support::scripted_server::Server;
use typed_imap::Error;
use typed_imap::command::{Copy, Fetch, Noop, Search, Select, Store};
use typed_imap::session::Config;
use typed_imap::session::blocking::Session;
use typed_imap::types::{FetchAttr, Flag, SearchKey};

fn session(server: &Server) -> Session {
    Session::builder()
        .timeout(Duration::from_secs(5))
        .config(Config::default().with_tag_prefix("T"))
        .connect("127.0.0.1", server.port())
        .unwrap()
}

#[test]
fn three_commands_in_one_write_then_typed_results() {
    let script = preauth("IMAP4rev1")
        .expect("T0 SELECT INBOX\r\n")
        .send("* 3 EXISTS\r\nT0 OK [READ-WRITE] selected\r\n")
        .expect("T1 FETCH 1:2 (FLAGS)\r\nT2 STORE 1 +FLAGS (\\Seen)\r\nT3 SEARCH UNSEEN\r\n")
        .send("* 1 FETCH (FLAGS ())\r\n* 2 FETCH (FLAGS (\\Seen))\r\nT1 OK done\r\n")
        .send("* 1 FETCH (FLAGS (\\Seen))\r\nT2 OK done\r\n* SEARCH 3\r\nT3 OK done\r\n")
        .expect("<tag> LOGOUT\r\n")
        .send("* BYE bye\r\n<tag> OK bye\r\n");
    let server = Server::start(script);
    let mut s = session(&server);
    s.run(Select::default()).unwrap();
    let mut pipeline = s.pipeline();
    let flags = pipeline.add(Fetch::new("1:2".parse().unwrap(), vec![FetchAttr::Flags])).unwrap();
    let seen = pipeline.add(Store::add("1".parse().unwrap(), vec![Flag::Seen]).unwrap()).unwrap();
    let unseen = pipeline.add(Search::new(SearchKey::Unseen)).unwrap();
    let mut results = pipeline.run();
    assert_eq!(results.len(), 3);
    assert_eq!(results.take(flags).unwrap().messages.len(), 2);
    assert_eq!(results.take(seen).unwrap().messages.len(), 1);
    assert_eq!(results.take(unseen).unwrap().numbers, [3]);
    drop(s);
    server.finish();
}

#[test]
fn a_refused_answer_is_that_command_s_result_only() {
    let script = preauth("IMAP4rev1")
        .expect("T0 SELECT INBOX\r\n")
        .send("* 1 EXISTS\r\nT0 OK [READ-WRITE] selected\r\n")
        .expect("T1 NOOP\r\nT2 NOOP\r\n")
        .send("T1 NO not now\r\nT2 OK done\r\n")
        .expect("<tag> LOGOUT\r\n")
        .send("* BYE bye\r\n<tag> OK bye\r\n");
    let server = Server::start(script);
    let mut s = session(&server);
    s.run(Select::default()).unwrap();
    let mut pipeline = s.pipeline();
    let first = pipeline.add(Noop).unwrap();
    let second = pipeline.add(Noop).unwrap();
    let mut results = pipeline.run();
    assert!(matches!(results.take(first), Err(Error::No(_))));
    results.take(second).unwrap();
    drop(s);
    server.finish();
}

#[test]
fn rfc9051_copy_then_fetch_is_refused_before_sending() {
    let script = preauth("IMAP4rev1")
        .expect("T0 SELECT INBOX\r\n")
        .send("* 1 EXISTS\r\nT0 OK [READ-WRITE] selected\r\n")
        .expect("T1 COPY 1 Archive\r\n")
        .send("T1 OK copied\r\n")
        .expect("<tag> LOGOUT\r\n")
        .send("* BYE bye\r\n<tag> OK bye\r\n");
    let server = Server::start(script);
    let mut s = session(&server);
    s.run(Select::default()).unwrap();
    let mut pipeline = s.pipeline();
    let copied = pipeline.add(Copy::new("1".parse().unwrap(), "Archive").unwrap()).unwrap();
    let refused = pipeline.add(Fetch::new("1".parse().unwrap(), vec![FetchAttr::Flags]));
    assert!(matches!(refused, Err(Error::InvalidArgument(_))), "{refused:?}");
    let mut results = pipeline.run();
    results.take(copied).unwrap();
    drop(s);
    server.finish();
}

#[test]
fn a_ticket_of_another_pipeline_is_an_error_not_a_wrong_value() {
    let script = preauth("IMAP4rev1")
        .expect("T0 NOOP\r\n")
        .send("T0 OK done\r\n")
        .expect("T1 NOOP\r\nT2 NOOP\r\n")
        .send("T1 OK done\r\nT2 OK done\r\n")
        .expect("<tag> LOGOUT\r\n")
        .send("* BYE bye\r\n<tag> OK bye\r\n");
    let server = Server::start(script);
    let mut s = session(&server);
    let mut first = s.pipeline();
    let _only = first.add(Noop).unwrap();
    let mut first_results = first.run();
    let mut second = s.pipeline();
    let _a = second.add(Noop).unwrap();
    let b = second.add(Noop).unwrap();
    let _second_results = second.run();
    assert!(first_results.take(b).is_err(), "slot 1 does not exist in the first pipeline");
    drop(s);
    server.finish();
}
