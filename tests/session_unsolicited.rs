//! Conformance section G (items 82-92) and vector V10 through the
//! blocking `Session`: unsolicited data, imaplib's `response()` and
//! `recent()`, and the selected mailbox's state, against a scripted server
//! that checks every byte.

mod support;

use std::time::Duration;

use support::client::{connect, counts, preauth};
use support::scripted_server::{Script, Server};
use typed_imap::Error;
use typed_imap::command::{FlagsAction, State, StoreMode};
use typed_imap::session::blocking::Session;
use typed_imap::session::{Config, Event};
use typed_imap::types::{FetchAttr, Flag, SequenceSet};

/// A PREAUTH session that has selected INBOX (`* 2 EXISTS`, READ-WRITE).
fn selected(caps: &str) -> Script {
    preauth(caps)
        .expect("<tag> SELECT INBOX\r\n")
        .send("* 2 EXISTS\r\n<tag> OK [READ-WRITE] SELECT completed.\r\n")
}

/// Item 82: EXISTS values accumulate across commands until taken; select()
/// clears everything.
#[test]
fn c82_untagged_values_accumulate_and_select_clears() {
    let script = preauth("IMAP4rev1")
        .expect("<tag> NOOP\r\n")
        .send("* 5 EXISTS\r\n<tag> OK\r\n")
        .expect("<tag> NOOP\r\n")
        .send("* 6 EXISTS\r\n<tag> OK\r\n")
        .expect("<tag> NOOP\r\n")
        .send("* 7 EXISTS\r\n* OK [ALERT] hello\r\n<tag> OK\r\n")
        .expect("<tag> SELECT INBOX\r\n")
        .send("* 1 EXISTS\r\n<tag> OK [READ-WRITE] done\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    session.noop().unwrap();
    session.noop().unwrap();
    assert_eq!(counts(&session.response("EXISTS")), [5, 6]);
    session.noop().unwrap();
    session.select("INBOX", false).unwrap();
    assert!(session.response("EXISTS").is_empty(), "select() cleared the queue");
    assert!(session.response("OK").is_empty());
    server.finish();
}

/// Item 82, deliberate difference: an untagged OK (an ALERT, say) stays
/// queued when the next command starts, where imaplib drops it; nothing
/// the server says is lost silently.
#[test]
fn c82_untagged_ok_is_kept_across_commands() {
    let script = preauth("IMAP4rev1")
        .expect("<tag> NOOP\r\n")
        .send("* OK [ALERT] disk almost full\r\n<tag> OK\r\n")
        .expect("<tag> NOOP\r\n")
        .send("<tag> OK\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    session.noop().unwrap();
    session.noop().unwrap();
    let alerts = session.response("ALERT");
    assert_eq!(alerts.len(), 1, "found by its code");
    assert!(session.response("OK").is_empty(), "taken once");
    server.finish();
}

/// Item 83: response() returns and removes the values, case-insensitive.
#[test]
fn c83_response_takes_and_removes_case_insensitively() {
    let script =
        preauth("IMAP4rev1").expect("<tag> NOOP\r\n").send("* 4 EXISTS\r\n* 1 RECENT\r\n<tag> OK\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    session.noop().unwrap();
    assert_eq!(counts(&session.response("exists")), [4]);
    assert!(session.response("EXISTS").is_empty());
    assert_eq!(counts(&session.response("Recent")), [1], "other names stay queued");
    server.finish();
}

/// Item 84: recent() gives the stored RECENT values without I/O; with
/// none stored it sends NOOP and returns what arrived.
#[test]
fn c84_recent_without_io_then_with_noop() {
    let script = preauth("IMAP4rev1")
        .expect("<tag> NOOP\r\n")
        .send("* 3 RECENT\r\n<tag> OK\r\n")
        .expect_silence(100)
        .expect("<tag> NOOP\r\n")
        .send("* 1 RECENT\r\n<tag> OK\r\n")
        .expect("<tag> NOOP\r\n")
        .send("<tag> OK\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    session.noop().unwrap();
    assert_eq!(session.recent().unwrap(), [3]);
    std::thread::sleep(Duration::from_millis(150));
    assert_eq!(session.recent().unwrap(), [1]);
    assert_eq!(session.recent().unwrap(), Vec::<u32>::new());
    server.finish();
}

/// Item 85: select() returns EXISTS and the mailbox's data.
#[test]
fn c85_select_exposes_the_mailbox() {
    let script = preauth("IMAP4rev1")
        .expect("<tag> SELECT INBOX\r\n")
        .send("* FLAGS (\\Answered \\Seen)\r\n* 2 EXISTS\r\n* 1 RECENT\r\n")
        .send("* OK [PERMANENTFLAGS (\\Deleted \\*)] Limited\r\n* OK [UIDVALIDITY 3857529045] UIDs valid\r\n")
        .send("* OK [UIDNEXT 4392] Predicted next UID\r\n* OK [UNSEEN 2] first unseen\r\n")
        .send("<tag> OK [READ-WRITE] SELECT completed\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let selected = session.select("INBOX", false).unwrap();
    assert_eq!((selected.exists, selected.recent), (2, 1));
    assert_eq!(selected.flags, [Flag::Answered, Flag::Seen]);
    assert_eq!(selected.permanent_flags, [Flag::Deleted, Flag::Wildcard]);
    assert_eq!((selected.uid_validity, selected.uid_next), (Some(3857529045), Some(4392)));
    assert_eq!(selected.first_unseen, Some(2));
    assert!(!selected.read_only);
    assert_eq!(session.state(), State::Selected);
    assert_eq!(session.mailbox().exists, 2);
    server.finish();
}

/// Items 29 and 85: select(readonly) sends EXAMINE; read-only is shown.
#[test]
fn c29_select_readonly_is_examine() {
    let script = preauth("IMAP4rev1")
        .expect("<tag> EXAMINE INBOX\r\n")
        .send("* 2 EXISTS\r\n<tag> OK [READ-ONLY] EXAMINE completed\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    assert!(session.select("INBOX", true).unwrap().read_only);
    server.finish();
}

/// Item 86: a NO to SELECT leaves the state authenticated, even when a
/// mailbox was selected before.
#[test]
fn c86_select_no_leaves_authenticated() {
    let script = selected("IMAP4rev1")
        .expect("<tag> SELECT Missing\r\n")
        .send("<tag> NO [NONEXISTENT] Unknown Mailbox\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    session.select("INBOX", false).unwrap();
    let err = session.select("Missing", false).unwrap_err();
    assert!(matches!(&err, Error::No(r) if r.raw == "[NONEXISTENT] Unknown Mailbox"), "{err:?}");
    assert_eq!(session.state(), State::Authenticated);
    server.finish();
}

/// Item 87: SELECT answered `OK [READ-ONLY]` is a read-only error; the
/// state is selected.
#[test]
fn c87_select_answered_read_only_is_an_error() {
    let script = preauth("IMAP4rev1")
        .expect("<tag> SELECT INBOX\r\n")
        .send("* 3 EXISTS\r\n<tag> OK [READ-ONLY] SELECT completed\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let err = session.select("INBOX", false).unwrap_err();
    assert!(matches!(err, Error::ReadOnly(_)), "{err:?}");
    assert_eq!(session.state(), State::Selected);
    server.finish();
}

/// Item 88: `* OK [READ-ONLY]` later makes the next command fail before
/// anything is sent.
#[test]
fn c88_read_only_mid_session_refuses_the_next_command() {
    let script = selected("IMAP4rev1")
        .expect("<tag> NOOP\r\n")
        .send("* OK [READ-ONLY] mailbox now read-only\r\n<tag> OK\r\n")
        .expect_silence(100)
        .expect("<tag> LOGOUT\r\n")
        .send("<tag> OK bye\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    session.select("INBOX", false).unwrap();
    session.noop().unwrap();
    let err = session.expunge().unwrap_err();
    assert!(matches!(&err, Error::ReadOnly(text) if text.contains("now read-only")), "{err:?}");
    std::thread::sleep(Duration::from_millis(150));
    drop(session);
    server.finish();
}

/// Item 89: an EXISTS and a FETCH for another message during FETCH are
/// events, in order, never part of the answer.
#[test]
fn c89_unsolicited_data_is_not_mixed_into_the_result() {
    let script = selected("IMAP4rev1")
        .expect("<tag> FETCH 1 (FLAGS)\r\n")
        .send("* 1 FETCH (FLAGS (\\Seen))\r\n* 3 EXISTS\r\n* 7 FETCH (FLAGS (\\Deleted))\r\n<tag> OK\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    session.select("INBOX", false).unwrap();
    let fetched = session.fetch(SequenceSet::single(1).unwrap(), FetchAttr::Flags).unwrap();
    assert_eq!(fetched.messages.len(), 1);
    assert_eq!(fetched.messages[0].seq, 1);
    assert!(fetched.unsolicited.is_empty());
    let names: Vec<String> = session.events().map(|e| e.name().to_owned()).collect();
    assert_eq!(names, ["EXISTS", "FETCH"], "the FETCH of message 7 comes after the EXISTS");
    server.finish();
}

/// Item 90: close() and unselect() leave the state authenticated even
/// when the server says NO.
#[test]
fn c90_close_and_unselect_leave_authenticated_even_on_no() {
    let script = selected("IMAP4rev1 UNSELECT")
        .expect("<tag> CLOSE\r\n")
        .send("<tag> NO cannot\r\n")
        .expect("<tag> SELECT INBOX\r\n")
        .send("* 2 EXISTS\r\n<tag> OK [READ-WRITE] done\r\n")
        .expect("<tag> UNSELECT\r\n")
        .send("<tag> NO cannot\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    session.select("INBOX", false).unwrap();
    assert!(session.close().is_err());
    assert_eq!(session.state(), State::Authenticated);
    session.select("INBOX", false).unwrap();
    assert!(session.unselect().is_err());
    assert_eq!(session.state(), State::Authenticated);
    server.finish();
}

/// Item 91: BYE during a command fails it with the text; later commands
/// fail without being sent.
#[test]
fn c91_bye_mid_command_then_nothing_sent() {
    let script = preauth("IMAP4rev1")
        .expect("<tag> NOOP\r\n")
        .send("* BYE Autologout; idle for too long\r\n<tag> OK NOOP\r\n")
        .expect_eof();
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let err = session.noop().unwrap_err();
    assert!(matches!(&err, Error::Bye(text) if text == "Autologout; idle for too long"), "{err:?}");
    assert!(matches!(session.noop().unwrap_err(), Error::Bye(_)));
    assert_eq!(session.state(), State::Logout);
    drop(session);
    assert_eq!(server.finish().tags.len(), 1);
}

/// Item 92: the queue is bounded; overflow drops the oldest and says how
/// many with `Event::Lost`.
#[test]
fn c92_event_queue_is_bounded() {
    let script = preauth("IMAP4rev1")
        .expect("<tag> NOOP\r\n")
        .send("* 1 EXISTS\r\n* 2 EXISTS\r\n* 3 EXISTS\r\n<tag> OK\r\n");
    let server = Server::start(script);
    let mut session = Session::builder()
        .timeout(Duration::from_secs(5))
        .config(Config::default().with_max_events(2))
        .connect("127.0.0.1", server.port())
        .unwrap();
    session.noop().unwrap();
    let events: Vec<Event> = session.events().collect();
    assert_eq!(events[0], Event::Lost(1));
    assert_eq!(counts(&events[1..]), [2, 3]);
    server.finish();
}

/// Vector V10: flags with brackets are accepted in a STORE answer and in
/// PERMANENTFLAGS; STORE sends `+FLAGS (...)`.
#[test]
fn c67_v10_bracket_flags() {
    let script = preauth("IMAP4rev1")
        .expect("<tag> SELECT INBOX\r\n")
        .send("* FLAGS (Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n* 2 EXISTS\r\n* 0 RECENT\r\n")
        .send("* OK [PERMANENTFLAGS (Answered \\Flagged \\Deleted \\Seen \\Draft \\[test] \\*)] Flags permitted.\r\n")
        .send("<tag> OK [READ-WRITE] SELECT completed.\r\n")
        .expect("<tag> STORE 1 +FLAGS (\\Flagged)\r\n")
        .send("* 1 FETCH (FLAGS (Answered \\Flagged \\Deleted \\Seen \\Draft \\[test]))\r\n")
        .send("<tag> OK STORE completed.\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let selected = session.select("INBOX", false).unwrap();
    assert!(selected.permanent_flags.iter().any(|f| f.to_string() == "\\[test]"), "{selected:?}");
    let action = FlagsAction { mode: StoreMode::Add, silent: false };
    let stored = session.store(SequenceSet::single(1).unwrap(), action, [Flag::Flagged]).unwrap();
    let flags = stored.messages[0].flags().unwrap();
    assert!(flags.iter().any(|f| f.to_string() == "\\[test]"), "{flags:?}");
    server.finish();
}
