//! Conformance section J (items 101-107) and vectors V9, V12, V13
//! through the blocking `Session`: entering IDLE, waiting for events with
//! a timeout, DONE, and the keep-alive, against a scripted server that
//! checks every byte and sends responses split across packets.

mod support;

use std::time::{Duration, Instant};

use support::client::{connect, counts, preauth};
use support::scripted_server::{Script, Server};
use typed_imap::Error;
use typed_imap::command::State;
use typed_imap::session::Event;
use typed_imap::session::blocking::Session;
use typed_imap::types::Data;

/// `name n` for an EXISTS/RECENT event, the name alone for others.
fn show(event: &Event) -> String {
    match event {
        Event::Data(Data::Exists(n) | Data::Recent(n)) => format!("{} {n}", event.name()),
        other => other.name().to_owned(),
    }
}

/// Vector V12's server side up to the `* 3 EXISTS` after the `+`.
fn v12_start() -> Script {
    preauth("IMAP4rev1 IDLE")
        .expect("<tag> IDLE\r\n")
        .send("* 0 EXISTS\r\n")
        .send("+ idling\r\n")
        .send("* 2 EXISTS\r\n")
        .send("* 1 FETCH (BODY[HEADER.FIELDS (DATE)] {41}\r\n")
        .send("Date: Fri, 06 Dec 2024 06:00:00 +0000\r\n\r\n")
        .send(")\r\n")
        .send("* 3 EXISTS\r\n")
}

/// Item 101: without IDLE advertised, idle() fails and sends nothing.
#[test]
fn c101_idle_without_capability_sends_nothing() {
    let server = Server::start(preauth("IMAP4rev1").expect("<tag> LOGOUT\r\n").send("<tag> OK bye\r\n"));
    let mut session = connect(&server).unwrap();
    let err = session.idle().unwrap_err();
    assert!(matches!(&err, Error::Unsupported { capability, .. } if capability == "IDLE"), "{err:?}");
    drop(session);
    assert_eq!(server.finish().tags.len(), 1, "only the LOGOUT on drop");
}

/// Item 102 and vector V9: a NO to IDLE is an error when entering it;
/// the session stays usable.
#[test]
fn c102_v9_idle_refused_with_no() {
    let script = preauth("IMAP4rev1 IDLE")
        .expect("<tag> IDLE\r\n")
        .send("<tag> NO IDLE is not allowed at this time\r\n")
        .expect("<tag> NOOP\r\n")
        .send("<tag> OK\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let err = session.idle().unwrap_err();
    assert!(matches!(&err, Error::No(r) if r.raw == "IDLE is not allowed at this time"), "{err:?}");
    session.noop().unwrap();
    server.finish();
}

/// Item 102: a tagged OK instead of `+` is an abort-class error.
#[test]
fn c102_idle_answered_ok_without_continuation_aborts() {
    let script = preauth("IMAP4rev1 IDLE").expect("<tag> IDLE\r\n").send("<tag> OK what\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let err = session.idle().unwrap_err();
    assert!(matches!(err, Error::Aborted(_)), "{err:?}");
    server.finish();
}

/// Items 103 and 105, vector V12: the events in order, the one before the
/// `+` included; DONE is exactly `DONE\r\n`; the RECENT not waited for
/// and the one after DONE stay retrievable.
#[test]
fn c103_c105_v12_events_in_order_and_done() {
    let script = v12_start()
        .sleep(300)
        .send("* 1 RECENT\r\n")
        .expect("DONE\r\n")
        .send("* 9 RECENT\r\n")
        .send("<tag> OK Idle completed\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let mut idle = session.idle().unwrap();
    let mut events = Vec::new();
    for _ in 0..4 {
        events.push(idle.wait(Duration::from_secs(2)).unwrap().expect("an event"));
    }
    assert_eq!(events.iter().map(show).collect::<Vec<_>>(), ["EXISTS 0", "EXISTS 2", "FETCH", "EXISTS 3"]);
    let Event::Data(Data::Fetch { seq, items }) = &events[2] else { panic!("{:?}", events[2]) };
    assert_eq!((*seq, items.len()), (1, 1));
    std::thread::sleep(Duration::from_millis(500));
    idle.done().unwrap();
    assert_eq!(counts(&session.response("RECENT")), [1, 9]);
    assert_eq!(session.state(), State::Authenticated);
    server.finish();
}

/// Item 104, vector V13: `* 1 EX` / `IS` / `TS` across packets; a 0.5 s
/// wait ends on the timeout without losing the split line, and the DONE
/// exchange afterwards still parses.
#[test]
fn c104_v13_timeout_keeps_a_split_line() {
    let script = preauth("IMAP4rev1 IDLE")
        .expect("<tag> IDLE\r\n")
        .send("+ idling\r\n")
        .send("* 1 EX")
        .sleep(200)
        .send("IS")
        .sleep(1000)
        .send("TS\r\n")
        .expect("DONE\r\n")
        .send("<tag> OK Idle completed\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let mut idle = session.idle().unwrap();
    let started = Instant::now();
    assert_eq!(idle.wait(Duration::from_millis(500)).unwrap(), None);
    assert!(started.elapsed() < Duration::from_millis(1100), "ended on the timeout");
    idle.done().unwrap();
    assert_eq!(counts(&session.response("EXISTS")), [1]);
    assert_eq!(session.state(), State::Authenticated);
    server.finish();
}

/// Item 106: a burst returns the 4 events already there and not the
/// RECENT that comes 1 s later.
#[test]
fn c106_burst_returns_what_is_immediately_available() {
    let script = v12_start()
        .sleep(1000)
        .send("* 1 RECENT\r\n")
        .expect("DONE\r\n")
        .send("* 9 RECENT\r\n<tag> OK Idle completed\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let mut idle = session.idle().unwrap();
    let burst = idle.burst(Duration::from_millis(300)).unwrap();
    assert_eq!(burst.iter().map(show).collect::<Vec<_>>(), ["EXISTS 0", "EXISTS 2", "FETCH", "EXISTS 3"]);
    drop(idle);
    assert_eq!(counts(&session.response("RECENT")), [1, 9], "drop sent DONE and read to the OK");
    server.finish();
}

/// Item 107: once the keep-alive interval passed, wait() re-issues IDLE
/// (DONE, then IDLE) and goes on.
#[test]
fn c107_keepalive_reissues_idle() {
    let script = preauth("IMAP4rev1 IDLE")
        .expect("<tag> IDLE\r\n")
        .send("+ idling\r\n")
        .expect("DONE\r\n")
        .send("<tag> OK Idle completed\r\n")
        .expect("<tag> IDLE\r\n")
        .send("+ idling again\r\n")
        .send("* 5 EXISTS\r\n")
        .expect("DONE\r\n")
        .send("<tag> OK Idle completed\r\n");
    let server = Server::start(script);
    let mut session = Session::builder()
        .timeout(Duration::from_secs(5))
        .idle_keepalive(Duration::from_secs(1))
        .connect("127.0.0.1", server.port())
        .unwrap();
    let mut idle = session.idle().unwrap();
    let started = Instant::now();
    let event = idle.wait(Duration::from_secs(3)).unwrap().expect("the EXISTS after the re-issue");
    assert_eq!(show(&event), "EXISTS 5");
    assert!(started.elapsed() >= Duration::from_millis(900), "{:?}", started.elapsed());
    idle.done().unwrap();
    assert_eq!(server.finish().tags.len(), 2, "two IDLE commands");
}

/// Items 43 and 105: events queued before IDLE are not the IDLE's; they
/// stay for response().
#[test]
fn c105_events_before_idle_stay_queued() {
    let script = preauth("IMAP4rev1 IDLE")
        .expect("<tag> NOOP\r\n")
        .send("* 4 EXISTS\r\n<tag> OK\r\n")
        .expect("<tag> IDLE\r\n")
        .send("+ idling\r\n* 5 EXISTS\r\n")
        .expect("DONE\r\n")
        .send("<tag> OK Idle completed\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    session.noop().unwrap();
    let mut idle = session.idle().unwrap();
    assert_eq!(show(&idle.wait(Duration::from_secs(2)).unwrap().unwrap()), "EXISTS 5");
    idle.done().unwrap();
    assert_eq!(counts(&session.response("EXISTS")), [4]);
    server.finish();
}

/// A BYE while idling ends the wait with `Error::Bye`.
#[test]
fn c91_bye_while_idling() {
    let script = preauth("IMAP4rev1 IDLE")
        .expect("<tag> IDLE\r\n")
        .send("+ idling\r\n")
        .sleep(100)
        .send("* BYE shutting down\r\n")
        .close();
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let mut idle = session.idle().unwrap();
    let err = idle.wait(Duration::from_secs(2)).unwrap_err();
    assert!(matches!(&err, Error::Bye(text) if text == "shutting down"), "{err:?}");
    drop(idle);
    assert_eq!(session.state(), State::Logout);
    server.finish();
}

/// Item 102: a BAD to IDLE is a command error (imaplib aborts); the
/// connection stays usable.
#[test]
fn c102_idle_answered_bad_is_a_command_error() {
    let script = preauth("IMAP4rev1 IDLE")
        .expect("<tag> IDLE\r\n")
        .send("<tag> BAD unknown command\r\n")
        .expect("<tag> NOOP\r\n")
        .send("<tag> OK\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let err = session.idle().unwrap_err();
    assert!(matches!(err, Error::Bad(_)), "{err:?}");
    session.noop().unwrap();
    server.finish();
}

/// Items 104 and 105: waits that time out with nothing leave the
/// connection usable; after DONE the next command runs.
#[test]
fn c104_empty_waits_then_done_then_a_command() {
    let script = preauth("IMAP4rev1 IDLE")
        .expect("<tag> IDLE\r\n")
        .send("+ idling\r\n")
        .expect("DONE\r\n")
        .send("<tag> OK Idle completed\r\n")
        .expect("<tag> NOOP\r\n")
        .send("<tag> OK\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let mut idle = session.idle().unwrap();
    assert_eq!(idle.wait(Duration::from_millis(50)).unwrap(), None);
    assert_eq!(idle.wait(Duration::from_millis(50)).unwrap(), None);
    assert!(format!("{idle:?}").starts_with("IdleHandle"));
    idle.done().unwrap();
    session.noop().unwrap();
    server.finish();
}

/// Item 92 while idling: when the bounded queue drops its oldest events,
/// those from before IDLE go first and the IDLE's own are still returned,
/// whether they came with the `+` or later.
#[test]
fn c92_queue_overflow_while_idling_keeps_the_idle_events() {
    let script = preauth("IMAP4rev1 IDLE")
        .expect("<tag> NOOP\r\n")
        .send("* 1 EXISTS\r\n* 2 EXISTS\r\n<tag> OK\r\n")
        .expect("<tag> IDLE\r\n")
        .send("+ idling\r\n* 3 EXISTS\r\n")
        .sleep(50)
        .send("* 4 EXISTS\r\n")
        .expect("DONE\r\n")
        .send("<tag> OK Idle completed\r\n");
    let server = Server::start(script);
    let mut session = Session::builder()
        .timeout(Duration::from_secs(5))
        .config(typed_imap::session::Config::default().with_max_events(2))
        .connect("127.0.0.1", server.port())
        .unwrap();
    session.noop().unwrap();
    let mut idle = session.idle().unwrap();
    let first = idle.wait(Duration::from_secs(2)).unwrap().unwrap();
    let second = idle.wait(Duration::from_secs(2)).unwrap().unwrap();
    assert_eq!((show(&first), show(&second)), ("EXISTS 3".into(), "EXISTS 4".into()));
    idle.done().unwrap();
    let left: Vec<Event> = session.events().collect();
    assert_eq!(left[0], Event::Lost(1), "EXISTS 1 was dropped for EXISTS 3");
    assert_eq!(counts(&left[1..]), [2]);
    server.finish();
}

/// A timeout of `Duration::MAX` means no timeout, not a panic: the wait
/// returns the next event.
#[test]
fn c104_wait_without_a_timeout() {
    let script = preauth("IMAP4rev1 IDLE")
        .expect("<tag> IDLE\r\n")
        .send("+ idling\r\n")
        .sleep(100)
        .send("* 8 EXISTS\r\n")
        .expect("DONE\r\n")
        .send("<tag> OK Idle completed\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let mut idle = session.idle().unwrap();
    assert_eq!(show(&idle.wait(Duration::MAX).unwrap().unwrap()), "EXISTS 8");
    idle.done().unwrap();
    server.finish();
}
