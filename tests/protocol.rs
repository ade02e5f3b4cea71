//! The sans-I/O protocol core, driven byte by byte with no sockets: what it
//! sends, when it waits, and what it makes of each server answer.
//! Conformance items are named `cNN_...`.

use typed_imap::command::State;
use typed_imap::session::{Config, Event, Protocol};
use typed_imap::types::{Code, Data, Mailbox, Response};
use typed_imap::{Command, Error};

#[derive(Debug, Command)]
#[imap(command = "NOOP", state = "any")]
struct Noop;

#[derive(Debug, Command)]
#[imap(command = "LOGOUT", state = "any", collect = "BYE")]
struct Logout;

#[derive(Debug, Command)]
#[imap(command = "LOGIN", state = "not_authenticated")]
struct Login {
    user: String,
    password: String,
}

#[derive(Debug, Command)]
#[imap(command = "SELECT", state = "authenticated", collect = "FLAGS, EXISTS, RECENT, OK")]
struct Select {
    mailbox: Mailbox<'static>,
}

#[derive(Debug, Command)]
#[imap(command = "FETCH", state = "selected", collect = "FETCH")]
struct Fetch {
    set: String,
    #[imap(raw)]
    items: String,
}

#[derive(Debug, Command)]
#[imap(command = "APPEND", state = "authenticated")]
struct Append {
    mailbox: Mailbox<'static>,
    #[imap(literal)]
    message: Vec<u8>,
}

#[derive(Debug, Command)]
#[imap(command = "STARTTLS", state = "not_authenticated", capability = "STARTTLS")]
struct StartTls;

#[derive(Debug, Command)]
#[imap(command = "IDLE", capability = "IDLE")]
struct NeedsIdle;

/// A protocol past an `* OK [CAPABILITY ...]` greeting, tags `A0`, `A1`, ...
fn greeted(caps: &str) -> Protocol {
    let mut p = Protocol::new(Config::default().with_tag_prefix("A"));
    p.handle_input(format!("* OK [CAPABILITY {caps}] ready\r\n").as_bytes());
    assert!(p.poll_greeting().unwrap());
    p
}

fn logged_in(caps: &str) -> Protocol {
    let mut p = greeted(caps);
    let login = Login { user: "u".into(), password: "p".into() };
    run(&mut p, &login, &format!("A0 OK [CAPABILITY {caps}] hi\r\n")).unwrap();
    p
}

/// Everything the protocol wants to write, joined.
fn sent(p: &mut Protocol) -> String {
    let mut out = Vec::new();
    while let Some(bytes) = p.poll_transmit() {
        out.extend(bytes);
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Sends `cmd`, feeds `reply`, and polls once.
fn run<C: Command>(p: &mut Protocol, cmd: &C, reply: &str) -> Result<C::Output, Error> {
    p.send(cmd)?;
    sent(p);
    p.handle_input(reply.as_bytes());
    p.poll_command(cmd).map(|o| o.expect("the reply completes the command"))
}

fn events(p: &mut Protocol) -> Vec<Event> {
    std::iter::from_fn(|| p.poll_event()).collect()
}

#[test]
fn c02_greetings_set_the_state() {
    let p = greeted("IMAP4rev1");
    assert_eq!(p.state(), State::NotAuthenticated);
    let mut p = Protocol::new(Config::default());
    p.handle_input(b"* PREAUTH IMAP4rev1 logged in\r\n");
    assert!(p.poll_greeting().unwrap());
    assert_eq!(p.state(), State::Authenticated);
}

#[test]
fn c03_bye_greeting_is_an_error_with_its_text() {
    let mut p = Protocol::new(Config::default());
    p.handle_input(b"* BYE go away\r\n");
    match p.poll_greeting() {
        Err(Error::Bye(text)) => assert_eq!(text, "go away"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn c04_greeting_cut_by_eof_aborts() {
    let mut p = Protocol::new(Config::default());
    p.handle_input(b"* OK");
    assert!(!p.poll_greeting().unwrap());
    p.handle_eof();
    assert!(matches!(p.poll_greeting(), Err(Error::Aborted(_))));
}

#[test]
fn c05_greeting_capabilities_are_kept() {
    let p = greeted("IMAP4rev1 IDLE");
    assert!(p.has_capability("idle"));
    let mut p = Protocol::new(Config::default());
    p.handle_input(b"* OK ready\r\n");
    p.poll_greeting().unwrap();
    assert!(p.capabilities().is_none(), "unknown until asked");
}

#[test]
fn c42_wrong_state_sends_nothing_and_names_the_states() {
    let mut p = greeted("IMAP4rev1");
    let err = p.send(&Fetch { set: "1".into(), items: "FLAGS".into() }).unwrap_err();
    assert_eq!(sent(&mut p), "");
    match err {
        Error::State { command, current, allowed } => {
            assert_eq!(command, "FETCH");
            assert_eq!(current, State::NotAuthenticated);
            assert_eq!(allowed, [State::Selected]);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn c101_missing_capability_sends_nothing() {
    let mut p = logged_in("IMAP4rev1");
    let err = p.send(&NeedsIdle).unwrap_err();
    assert!(matches!(err, Error::Unsupported { ref capability, .. } if capability == "IDLE"), "{err:?}");
    assert_eq!(sent(&mut p), "");
}

#[test]
fn c60_login_takes_capabilities_from_the_tagged_ok() {
    let mut p = greeted("IMAP4rev1");
    run(
        &mut p,
        &Login { user: "u".into(), password: "p".into() },
        "A0 OK [CAPABILITY IMAP4rev1 IDLE MOVE] hi\r\n",
    )
    .unwrap();
    assert_eq!(p.state(), State::Authenticated);
    assert!(p.has_capability("IDLE"));
}

#[test]
fn login_without_capability_code_forgets_the_old_list() {
    let mut p = greeted("IMAP4rev1 STARTTLS");
    run(&mut p, &Login { user: "u".into(), password: "p".into() }, "A0 OK hi\r\n").unwrap();
    assert!(p.capabilities().is_none());
}

#[test]
fn c44_sync_literal_waits_for_the_continuation() {
    let mut p = logged_in("IMAP4rev1");
    let append = Append { mailbox: Mailbox::new("INBOX").unwrap(), message: b"hello".to_vec() };
    p.send(&append).unwrap();
    assert_eq!(sent(&mut p), "A1 APPEND INBOX {5}\r\n");
    assert!(p.poll_command(&append).unwrap().is_none());
    assert_eq!(sent(&mut p), "", "nothing before +");
    p.handle_input(b"+ Ready for literal data\r\n");
    assert!(p.poll_command(&append).unwrap().is_none());
    assert_eq!(sent(&mut p), "hello\r\n");
    p.handle_input(b"A1 OK [APPENDUID 38505 3955] APPEND completed\r\n");
    assert!(p.poll_command(&append).unwrap().is_some());
}

#[test]
fn c45_no_instead_of_continuation_sends_no_literal() {
    let mut p = logged_in("IMAP4rev1");
    let append = Append { mailbox: Mailbox::new("nope").unwrap(), message: b"hello".to_vec() };
    p.send(&append).unwrap();
    sent(&mut p);
    p.handle_input(b"A1 NO [TRYCREATE] no such mailbox\r\n");
    match p.poll_command(&append) {
        Err(Error::No(refusal)) => {
            assert_eq!(refusal.code, Some(Code::TryCreate));
            assert_eq!(refusal.raw, "[TRYCREATE] no such mailbox");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(sent(&mut p), "", "the literal is never sent");
}

#[test]
fn c49_literal_plus_sends_everything_at_once() {
    let mut p = logged_in("IMAP4rev1 LITERAL+");
    let append = Append { mailbox: Mailbox::new("INBOX").unwrap(), message: b"hello".to_vec() };
    p.send(&append).unwrap();
    assert_eq!(sent(&mut p), "A1 APPEND INBOX {5+}\r\nhello\r\n");
}

#[test]
fn c50_untagged_data_while_waiting_for_continuation_is_kept() {
    let mut p = logged_in("IMAP4rev1");
    let append = Append { mailbox: Mailbox::new("INBOX").unwrap(), message: b"x".to_vec() };
    p.send(&append).unwrap();
    sent(&mut p);
    p.handle_input(b"* 4 EXISTS\r\n+ go\r\nA1 OK done\r\n");
    assert!(p.poll_command(&append).unwrap().is_some());
    assert_eq!(events(&mut p), [Event::Data(Data::Exists(4))]);
}

#[test]
fn c89_unsolicited_responses_are_events_not_results() {
    let mut p = logged_in("IMAP4rev1");
    let select = Select { mailbox: Mailbox::new("INBOX").unwrap() };
    run(&mut p, &select, "* 2 EXISTS\r\n* OK [UIDVALIDITY 7] ok\r\nA1 OK [READ-WRITE] done\r\n").unwrap();
    assert_eq!(p.state(), State::Selected);
    assert_eq!(p.mailbox().exists, 2);
    assert_eq!(p.mailbox().uid_validity, Some(7));
    let fetch = Fetch { set: "1".into(), items: "FLAGS".into() };
    let got = run(&mut p, &fetch, "* 1 FETCH (FLAGS (\\Seen))\r\n* 3 EXISTS\r\nA2 OK done\r\n").unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!(events(&mut p), [Event::Data(Data::Exists(3))]);
    assert_eq!(p.mailbox().exists, 3);
}

#[test]
fn c17_unknown_tag_breaks_the_connection() {
    let mut p = logged_in("IMAP4rev1");
    let err = run(&mut p, &Noop, "ZZ9 OK what\r\n").unwrap_err();
    assert!(matches!(err, Error::Aborted(_)), "{err:?}");
    assert!(matches!(p.send(&Noop), Err(Error::Aborted(_))));
}

#[test]
fn c18_lower_case_status_and_empty_text_are_accepted() {
    let mut p = logged_in("IMAP4rev1");
    run(&mut p, &Noop, "A1 ok done\r\n").unwrap();
    run(&mut p, &Noop, "A2 OK\r\n").unwrap();
}

#[test]
fn c78_unexpected_continuation_does_not_fail_the_command() {
    let mut p = logged_in("IMAP4rev1");
    run(&mut p, &Noop, "+ hello\r\nA1 OK done\r\n").unwrap();
}

#[test]
fn c91_bye_during_a_command_fails_it_and_later_commands() {
    let mut p = logged_in("IMAP4rev1");
    let err = run(&mut p, &Noop, "* BYE Autologout; idle for too long\r\nA1 OK NOOP\r\n").unwrap_err();
    assert!(matches!(err, Error::Bye(ref t) if t == "Autologout; idle for too long"), "{err:?}");
    assert!(matches!(p.send(&Noop), Err(Error::Bye(_))));
    assert_eq!(sent(&mut p), "");
}

#[test]
fn c93_logout_collects_the_bye() {
    let mut p = logged_in("IMAP4rev1");
    let got =
        run(&mut p, &Logout, "* BYE IMAP4ref1 Server logging out\r\nA1 OK LOGOUT completed\r\n").unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].name(), "BYE");
    assert_eq!(p.state(), State::Logout);
}

#[test]
fn c94_logout_bye_then_close_still_succeeds() {
    let mut p = logged_in("IMAP4rev1");
    p.send(&Logout).unwrap();
    p.handle_input(b"* BYE bye\r\n");
    p.handle_eof();
    assert!(p.poll_command(&Logout).unwrap().is_some());
}

#[test]
fn c73_eof_in_a_literal_is_an_error() {
    let mut p = logged_in("IMAP4rev1");
    p.send(&Noop).unwrap();
    p.handle_input(b"* 1 FETCH (BODY[] {10}\r\nabc");
    p.handle_eof();
    match p.poll_command(&Noop) {
        Err(Error::Aborted(why)) => assert!(why.contains("middle of a response"), "{why}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn c86_failed_select_leaves_authenticated() {
    let mut p = logged_in("IMAP4rev1");
    let select = Select { mailbox: Mailbox::new("INBOX").unwrap() };
    run(&mut p, &select, "A1 OK [READ-WRITE] done\r\n").unwrap();
    let missing = Select { mailbox: Mailbox::new("missing").unwrap() };
    let err = run(&mut p, &missing, "A2 NO [NONEXISTENT] Unknown Mailbox\r\n").unwrap_err();
    assert!(matches!(err, Error::No(ref r) if r.code == Some(Code::NonExistent)), "{err:?}");
    assert_eq!(p.state(), State::Authenticated);
}

#[test]
fn c87_select_answered_read_only_is_an_error_but_selected() {
    let mut p = logged_in("IMAP4rev1");
    let select = Select { mailbox: Mailbox::new("INBOX").unwrap() };
    let err = run(&mut p, &select, "* 3 EXISTS\r\nA1 OK [READ-ONLY] SELECT completed\r\n").unwrap_err();
    assert!(matches!(err, Error::ReadOnly(_)), "{err:?}");
    assert_eq!(p.state(), State::Selected);
}

#[test]
fn c88_read_only_later_fails_the_next_command_before_sending() {
    let mut p = logged_in("IMAP4rev1");
    let select = Select { mailbox: Mailbox::new("INBOX").unwrap() };
    run(&mut p, &select, "A1 OK [READ-WRITE] done\r\n").unwrap();
    run(&mut p, &Noop, "* OK [READ-ONLY] mailbox now read-only\r\nA2 OK done\r\n").unwrap();
    let fetch = Fetch { set: "1".into(), items: "FLAGS".into() };
    assert!(matches!(p.send(&fetch), Err(Error::ReadOnly(_))));
    assert_eq!(sent(&mut p), "");
    run(&mut p, &select, "A3 OK [READ-WRITE] done\r\n").expect("SELECT again is allowed and clears it");
}

#[test]
fn c100_bytes_after_starttls_ok_are_an_attack() {
    let mut p = greeted("IMAP4rev1 STARTTLS");
    let err = run(&mut p, &StartTls, "A0 OK Begin TLS\r\n* CAPABILITY IMAP4rev1 INJECTED\r\n").unwrap_err();
    assert!(matches!(err, Error::Aborted(_)), "{err:?}");
    assert!(p.send(&Noop).is_err());
}

#[test]
fn starttls_ok_forgets_the_capabilities() {
    let mut p = greeted("IMAP4rev1 STARTTLS");
    run(&mut p, &StartTls, "A0 OK Begin TLS\r\n").unwrap();
    assert!(p.capabilities().is_none());
}

#[test]
fn c92_event_queue_is_bounded_and_says_what_it_dropped() {
    let mut p = Protocol::new(Config::default().with_tag_prefix("A").with_max_events(2));
    p.handle_input(b"* OK [CAPABILITY IMAP4rev1] hi\r\n");
    p.poll_greeting().unwrap();
    run(&mut p, &Noop, "* 1 EXISTS\r\n* 2 EXISTS\r\n* 3 EXISTS\r\n* 4 EXISTS\r\nA0 OK done\r\n").unwrap();
    assert_eq!(events(&mut p), [Event::Lost(2), Event::Data(Data::Exists(3)), Event::Data(Data::Exists(4))]);
}

#[test]
fn malformed_untagged_response_is_skipped_and_reported() {
    let mut p = logged_in("IMAP4rev1");
    run(&mut p, &Noop, "* 1 FETCH (FLAGS (\\Seen)\r\n* 5 EXISTS\r\nA1 OK done\r\n").unwrap();
    let got = events(&mut p);
    assert!(matches!(got[0], Event::Malformed(_)), "{got:?}");
    assert_eq!(got[1], Event::Data(Data::Exists(5)));
}

#[test]
fn malformed_answer_with_our_tag_fails_the_command_and_breaks_the_connection() {
    let mut p = logged_in("IMAP4rev1");
    // `A10` is not the running command's tag `A1`: an event, not the answer.
    p.send(&Noop).unwrap();
    sent(&mut p);
    p.handle_input(b"A10 XYZZY what\r\n");
    assert!(p.poll_command(&Noop).unwrap().is_none());
    assert!(matches!(events(&mut p)[..], [Event::Malformed(_)]));
    p.handle_input(b"A1 XYZZY what\r\n");
    let err = p.poll_command(&Noop).unwrap_err();
    assert!(matches!(err, Error::Parse(_)), "{err:?}");
    assert!(p.send(&Noop).is_err(), "the connection is unusable after a malformed answer");
}

#[test]
fn empty_line_between_responses_is_skipped() {
    let mut p = logged_in("IMAP4rev1");
    run(&mut p, &Noop, "* 5 EXISTS\r\n\r\nA1 OK done\r\n").unwrap();
    assert_eq!(events(&mut p), [Event::Data(Data::Exists(5))]);
}

#[test]
fn c83_take_events_by_name_removes_only_those() {
    let mut p = logged_in("IMAP4rev1");
    run(&mut p, &Noop, "* 5 EXISTS\r\n* 1 RECENT\r\nA1 OK done\r\n").unwrap();
    run(&mut p, &Noop, "* 6 EXISTS\r\nA2 OK done\r\n").unwrap();
    let exists: Vec<Event> = p.take_events("exists");
    assert_eq!(exists, [Event::Data(Data::Exists(5)), Event::Data(Data::Exists(6))]);
    assert!(p.take_events("EXISTS").is_empty());
    assert_eq!(events(&mut p), [Event::Data(Data::Recent(1))]);
}

#[test]
fn c19_tags_count_up_and_every_line_ends_in_crlf() {
    let mut p = greeted("IMAP4rev1");
    p.send(&Noop).unwrap();
    assert_eq!(sent(&mut p), "A0 NOOP\r\n");
    p.handle_input(b"A0 OK\r\n");
    p.poll_command(&Noop).unwrap();
    p.send(&Login { user: "us er".into(), password: "p".into() }).unwrap();
    assert_eq!(sent(&mut p), "A1 LOGIN \"us er\" p\r\n");
}

#[test]
fn one_command_at_a_time() {
    let mut p = logged_in("IMAP4rev1");
    p.send(&Noop).unwrap();
    assert!(p.send(&Noop).is_err());
}

#[test]
fn status_only_in_collected_when_asked() {
    let mut p = logged_in("IMAP4rev1");
    let select = Select { mailbox: Mailbox::new("INBOX").unwrap() };
    let got = run(&mut p, &select, "* OK [UIDNEXT 4] next\r\n* FLAGS (\\Seen)\r\nA1 OK [READ-WRITE] ok\r\n")
        .unwrap();
    let names: Vec<&str> = got.iter().map(Response::name).collect();
    assert_eq!(names, ["OK", "FLAGS"]);
}

#[test]
fn c89_fetch_for_another_message_is_an_event_not_part_of_the_result() {
    use typed_imap::command::Fetch as RealFetch;
    use typed_imap::types::FetchAttr;
    let mut p = logged_in("IMAP4rev1");
    let select = Select { mailbox: Mailbox::new("INBOX").unwrap() };
    run(&mut p, &select, "* 9 EXISTS\r\nA1 OK [READ-WRITE] done\r\n").unwrap();
    events(&mut p);
    let fetch = RealFetch::new("1:2".parse().unwrap(), vec![FetchAttr::Uid]);
    let reply = "* 1 FETCH (UID 10)\r\n* 7 FETCH (FLAGS (\\Seen))\r\n* 2 FETCH (UID 11)\r\nA2 OK done\r\n";
    let fetched = run(&mut p, &fetch, reply).unwrap();
    assert_eq!(fetched.messages.iter().map(|m| m.seq).collect::<Vec<_>>(), [1, 2]);
    assert!(fetched.unsolicited.is_empty());
    let got = events(&mut p);
    assert!(matches!(&got[..], [Event::Data(Data::Fetch { seq: 7, .. })]), "{got:?}");
}

#[test]
fn c62_logindisabled_refuses_login_in_the_core_nothing_sent() {
    let mut p = greeted("IMAP4rev1 LOGINDISABLED STARTTLS");
    let err = p.send(&Login { user: "u".into(), password: "p".into() }).unwrap_err();
    assert!(matches!(err, Error::Insecure(_)), "{err:?}");
    assert_eq!(sent(&mut p), "");
}
