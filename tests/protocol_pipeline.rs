//! Pipelining in the sans-I/O core (RFC 9051 section 5.5): several
//! commands sent before any answer, each untagged response given to the
//! command that collects it, and the ambiguous combinations refused before
//! anything is sent.

use typed_imap::Command;
use typed_imap::Error;
use typed_imap::session::{Collector, Config, Event, Protocol};
use typed_imap::types::{Data, Mailbox, Response};

#[derive(Debug, Command)]
#[imap(command = "NOOP", state = "any")]
struct Noop;

#[derive(Debug, Command)]
#[imap(command = "FETCH", uid_capable, state = "selected", collect = "FETCH")]
struct Fetch {
    #[imap(raw)]
    args: String,
}

#[derive(Debug, Command)]
#[imap(command = "STORE", uid_capable, state = "selected", collect = "FETCH")]
struct Store {
    #[imap(raw)]
    args: String,
}

#[derive(Debug, Command)]
#[imap(command = "SEARCH", uid_capable, state = "selected", collect = "SEARCH")]
struct Search {
    #[imap(raw)]
    args: String,
}

#[derive(Debug, Command)]
#[imap(command = "COPY", uid_capable, state = "selected")]
struct Copy {
    #[imap(raw)]
    args: String,
}

#[derive(Debug, Command)]
#[imap(command = "EXPUNGE", state = "selected", collect = "EXPUNGE")]
struct Expunge;

#[derive(Debug, Command)]
#[imap(command = "APPEND", state = "authenticated")]
struct Append {
    mailbox: Mailbox<'static>,
    #[imap(literal)]
    message: Vec<u8>,
}

#[derive(Debug, Command)]
#[imap(command = "SELECT", state = "authenticated")]
struct Select {
    mailbox: Mailbox<'static>,
}

fn raw(args: &str) -> String {
    args.to_owned()
}

/// A protocol with INBOX selected, tags `A0`, `A1`, ...
fn selected(caps: &str) -> Protocol {
    let mut p = Protocol::new(Config::default().with_tag_prefix("A"));
    p.handle_input(format!("* PREAUTH [CAPABILITY {caps}] hi\r\n").as_bytes());
    p.poll_greeting().unwrap();
    let select = Select { mailbox: Mailbox::new("INBOX").unwrap() };
    p.send(&select).unwrap();
    p.handle_input(b"* 5 EXISTS\r\nA0 OK [READ-WRITE] done\r\n");
    p.poll_command(&select).unwrap().unwrap();
    sent(&mut p);
    while p.poll_event().is_some() {}
    p
}

fn sent(p: &mut Protocol) -> String {
    let mut out = Vec::new();
    while let Some(bytes) = p.poll_transmit() {
        out.extend(bytes);
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Three commands' collectors by slot: FETCH, STORE, SEARCH.
struct ThreeCollector<'a>(&'a Fetch, &'a Store, &'a Search);

impl Collector for ThreeCollector<'_> {
    fn collects(&self, slot: usize, response: &Response<'_>) -> bool {
        match slot {
            0 => self.0.collects(response),
            1 => self.1.collects(response),
            _ => self.2.collects(response),
        }
    }
}

#[test]
fn fetch_store_search_noop_go_out_at_once() {
    let mut p = selected("IMAP4rev1");
    p.send_pipelined(&Fetch { args: raw("1:2 (FLAGS)") }, 0).unwrap();
    p.send_pipelined(&Store { args: raw("1 +FLAGS (\\Seen)") }, 1).unwrap();
    p.send_pipelined(&Search { args: raw("UNSEEN") }, 2).unwrap();
    p.send_pipelined(&Noop, 3).unwrap();
    assert_eq!(
        sent(&mut p),
        "A1 FETCH 1:2 (FLAGS)\r\nA2 STORE 1 +FLAGS (\\Seen)\r\nA3 SEARCH UNSEEN\r\nA4 NOOP\r\n"
    );
    assert_eq!(p.in_flight(), 4);
}

#[test]
fn each_response_goes_to_the_oldest_command_that_collects_it() {
    let mut p = selected("IMAP4rev1");
    let (fetch, store, search) = (
        Fetch { args: raw("1:2 (FLAGS)") },
        Store { args: raw("1 +FLAGS (\\Seen)") },
        Search { args: raw("UNSEEN") },
    );
    p.send_pipelined(&fetch, 0).unwrap();
    p.send_pipelined(&store, 1).unwrap();
    p.send_pipelined(&search, 2).unwrap();
    p.handle_input(b"* 1 FETCH (FLAGS ())\r\n* 2 FETCH (FLAGS ())\r\nA1 OK fetched\r\n");
    p.handle_input(
        b"* 1 FETCH (FLAGS (\\Seen))\r\nA2 OK stored\r\n* SEARCH 2\r\n* 6 EXISTS\r\nA3 OK searched\r\n",
    );
    let collector = ThreeCollector(&fetch, &store, &search);
    assert_eq!(p.poll_pipelined(&fetch, &collector).unwrap().unwrap().len(), 2);
    assert_eq!(p.poll_pipelined(&store, &collector).unwrap().unwrap().len(), 1);
    let found = p.poll_pipelined(&search, &collector).unwrap().unwrap();
    assert!(matches!(&found[..], [Response::Data(Data::Search(r))] if r.numbers == [2]), "{found:?}");
    assert_eq!(p.poll_event(), Some(Event::Data(Data::Exists(6))));
    assert_eq!(p.in_flight(), 0);
}

#[test]
fn answers_may_come_in_any_order() {
    let mut p = selected("IMAP4rev1");
    let (fetch, store, search) =
        (Fetch { args: raw("1 (FLAGS)") }, Store { args: raw("2 FLAGS ()") }, Search { args: raw("ALL") });
    p.send_pipelined(&fetch, 0).unwrap();
    p.send_pipelined(&store, 1).unwrap();
    p.handle_input(b"A2 OK stored first\r\n* 1 FETCH (FLAGS ())\r\nA1 OK fetched\r\n");
    let collector = ThreeCollector(&fetch, &store, &search);
    assert_eq!(p.poll_pipelined(&fetch, &collector).unwrap().unwrap().len(), 1);
    assert!(p.poll_pipelined(&store, &collector).unwrap().is_some());
}

#[test]
fn rfc9051_invalid_sequences_are_refused_before_sending() {
    // FETCH + NOOP + STORE
    let mut p = selected("IMAP4rev1");
    p.send_pipelined(&Fetch { args: raw("1 (FLAGS)") }, 0).unwrap();
    p.send_pipelined(&Noop, 1).unwrap();
    let err = p.send_pipelined(&Store { args: raw("1 +FLAGS (\\Seen)") }, 2).unwrap_err();
    assert!(matches!(err, Error::InvalidArgument(_)), "{err:?}");
    assert_eq!(sent(&mut p), "A1 FETCH 1 (FLAGS)\r\nA2 NOOP\r\n");
    // STORE + COPY + FETCH
    let mut p = selected("IMAP4rev1");
    p.send_pipelined(&Store { args: raw("1 +FLAGS (\\Seen)") }, 0).unwrap();
    p.send_pipelined(&Copy { args: raw("1 Archive") }, 1).unwrap();
    assert!(p.send_pipelined(&Fetch { args: raw("1 (FLAGS)") }, 2).is_err());
    // COPY + COPY
    let mut p = selected("IMAP4rev1");
    p.send_pipelined(&Copy { args: raw("1 Archive") }, 0).unwrap();
    assert!(p.send_pipelined(&Copy { args: raw("2 Archive") }, 1).is_err());
}

#[test]
fn rfc9051_valid_store_copy_expunge_and_uid_forms() {
    let mut p = selected("IMAP4rev1");
    p.send_pipelined(&Store { args: raw("1 +FLAGS (\\Deleted)") }, 0).unwrap();
    p.send_pipelined(&Copy { args: raw("1 Archive") }, 1).unwrap();
    p.send_pipelined(&Expunge, 2).unwrap();
    let mut p = selected("IMAP4rev1");
    p.send_pipelined(&Copy { args: raw("1 Archive") }, 0).unwrap();
    p.send_pipelined(&Copy { args: raw("7 Archive") }.uid(), 1).expect("UID COPY uses no sequence numbers");
}

#[test]
fn state_changing_commands_run_alone() {
    let mut p = selected("IMAP4rev1");
    let select = Select { mailbox: Mailbox::new("Other").unwrap() };
    assert!(p.send_pipelined(&select, 0).is_err());
    assert_eq!(sent(&mut p), "");
}

#[test]
fn a_later_command_waits_behind_a_synchronising_literal() {
    let mut p = selected("IMAP4rev1");
    let append = Append { mailbox: Mailbox::new("INBOX").unwrap(), message: b"hello".to_vec() };
    p.send_pipelined(&append, 0).unwrap();
    p.send_pipelined(&Noop, 1).unwrap();
    assert_eq!(sent(&mut p), "A1 APPEND INBOX {5}\r\n", "NOOP waits for the literal");
    p.handle_input(b"+ go ahead\r\n");
    assert_eq!(p.poll_command(&append).unwrap(), None);
    assert_eq!(sent(&mut p), "hello\r\nA2 NOOP\r\n");
}
