#![cfg(feature = "tokio")]
//! The tokio driver against a scripted in-process server over
//! `tokio::io::duplex`, for what no real server sends or does: a BYE
//! inside a literal and then the end of the stream, a server that stops
//! answering (the read timeout), and the client's own futures dropped
//! mid-command or mid-IDLE. Everything a real server does is tested
//! against Dovecot and Cyrus in `tests/live_tokio.rs`.

use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, DuplexStream, duplex};
use typed_imap::Error;
use typed_imap::command::{Noop, State};
use typed_imap::session::tokio::{Builder, Session};
use typed_imap::types::Data;

/// The server's end of the duplex: reads command lines, writes responses.
struct Peer {
    io: BufReader<DuplexStream>,
}

impl Peer {
    async fn send(&mut self, text: &str) {
        self.io.get_mut().write_all(text.as_bytes()).await.unwrap();
    }

    /// The next line the client sent, CRLF included ("" at EOF).
    async fn line(&mut self) -> String {
        let mut line = String::new();
        self.io.read_line(&mut line).await.unwrap();
        line
    }

    /// Reads one command line, checks what follows its tag, returns the
    /// tag.
    async fn expect(&mut self, command: &str) -> String {
        let line = self.line().await;
        let (tag, rest) = line.split_once(' ').unwrap_or_else(|| panic!("not a command: {line:?}"));
        assert_eq!(rest, command, "{line:?}");
        tag.to_owned()
    }

    /// Nothing arrives within `ms` milliseconds.
    async fn expect_silence(&mut self, ms: u64) {
        let mut line = String::new();
        let read = tokio::time::timeout(Duration::from_millis(ms), self.io.read_line(&mut line)).await;
        assert!(read.is_err() || line.is_empty(), "unexpected bytes: {line:?}");
    }
}

/// A session over a duplex whose server greets with PREAUTH and IMAP4rev1
/// and IDLE in a CAPABILITY code (so nothing is asked), built with
/// `builder`.
async fn pair(builder: Builder) -> (Session<DuplexStream>, Peer) {
    let (client, server) = duplex(64 * 1024);
    let mut peer = Peer { io: BufReader::new(server) };
    peer.send("* PREAUTH [CAPABILITY IMAP4rev1 IDLE] ready\r\n").await;
    let session = builder.stream(client).await.unwrap();
    (session, peer)
}

#[tokio::test]
async fn bye_inside_a_literal_is_data_and_eof_mid_literal_aborts() {
    let (mut session, mut peer) = pair(Builder::default()).await;
    let server = async {
        peer.expect("NOOP\r\n").await;
        peer.send("* 1 FETCH (BODY[] {100}\r\nabc\r\n* BYE going away\r\n").await;
        drop(peer);
    };
    let (result, ()) = tokio::join!(session.run(Noop), server);
    let err = result.unwrap_err();
    assert!(matches!(&err, Error::Aborted(why) if why.contains("middle")), "{err:?}");
    assert_eq!(session.state(), State::Logout);
    let again = session.noop().await.unwrap_err();
    assert!(matches!(again, Error::Aborted(_) | Error::State { .. }), "{again:?}");
}

#[tokio::test]
async fn read_timeout_breaks_the_session() {
    let builder = Builder::default().read_timeout(Duration::from_millis(100));
    let (mut session, mut peer) = pair(builder).await;
    let server = async {
        peer.expect("NOOP\r\n").await;
        peer.send("* 3 EXISTS\r\n").await;
        peer
    };
    let started = tokio::time::Instant::now();
    let (result, mut peer) = tokio::join!(session.run(Noop), server);
    let err = result.unwrap_err();
    let Error::Io(io) = &err else { panic!("expected an I/O error, got {err:?}") };
    assert_eq!(io.kind(), std::io::ErrorKind::TimedOut, "{err}");
    assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
    assert_eq!(session.state(), State::Logout);
    assert!(matches!(session.noop().await, Err(Error::Aborted(why)) if why.contains("read timed out")));
    peer.send("A0 OK late\r\n").await;
    peer.expect_silence(100).await;
}

#[tokio::test]
async fn dropped_run_future_breaks_the_session_and_nothing_more_is_sent() {
    let (mut session, mut peer) = pair(Builder::default()).await;
    let cancelled = tokio::time::timeout(Duration::from_millis(100), session.run(Noop)).await;
    assert!(cancelled.is_err(), "the server never answers: the timeout must fire");
    let tag = peer.expect("NOOP\r\n").await;
    assert_eq!(session.state(), State::Logout, "marked broken when the future was dropped");
    // The answer to the dropped NOOP arrives late; it must not be taken
    // as the answer of a later command.
    peer.send(&format!("{tag} OK noop done\r\n")).await;
    let err = session.noop().await.unwrap_err();
    assert!(matches!(&err, Error::Aborted(why) if why.contains("cancelled")), "{err:?}");
    peer.expect_silence(100).await;
}

#[tokio::test]
async fn unpolled_run_future_sends_nothing_and_breaks_nothing() {
    let (mut session, mut peer) = pair(Builder::default()).await;
    drop(session.run(Noop));
    assert_eq!(session.state(), State::Authenticated);
    let server = async {
        let tag = peer.expect("NOOP\r\n").await;
        peer.send(&format!("{tag} OK\r\n")).await;
    };
    let (result, ()) = tokio::join!(session.noop(), server);
    result.unwrap();
}

#[tokio::test]
async fn dropped_idle_wait_loses_nothing() {
    let (mut session, mut peer) = pair(Builder::default()).await;
    let server = async {
        let tag = peer.expect("IDLE\r\n").await;
        peer.send("+ idling\r\n").await;
        (peer, tag)
    };
    let (idle, (mut peer, tag)) = tokio::join!(session.idle(), server);
    let mut idle = idle.unwrap();
    // A wait raced against a shorter timer and dropped mid-read.
    tokio::select! {
        _ = idle.wait(Duration::from_secs(60)) => panic!("nothing was sent yet"),
        () = tokio::time::sleep(Duration::from_millis(50)) => {}
    }
    peer.send("* 4 EXISTS\r\n").await;
    let event = idle.wait(Duration::from_secs(5)).await.unwrap().expect("the EXISTS");
    assert!(matches!(event, typed_imap::session::Event::Data(Data::Exists(4))), "{event:?}");
    let server = async {
        assert_eq!(peer.line().await, "DONE\r\n");
        peer.send(&format!("{tag} OK IDLE terminated\r\n")).await;
    };
    let (done, ()) = tokio::join!(idle.done(), server);
    done.unwrap();
    assert_eq!(session.state(), State::Authenticated);
}

#[tokio::test]
async fn dropped_idle_handle_sends_done_before_the_next_command() {
    let (mut session, mut peer) = pair(Builder::default()).await;
    let server = async {
        let tag = peer.expect("IDLE\r\n").await;
        peer.send("+ idling\r\n").await;
        (peer, tag)
    };
    let (idle, (mut peer, idle_tag)) = tokio::join!(session.idle(), server);
    drop(idle.unwrap());
    peer.expect_silence(50).await;
    let server = async {
        assert_eq!(peer.line().await, "DONE\r\n");
        peer.send(&format!("{idle_tag} OK IDLE terminated\r\n")).await;
        let tag = peer.expect("NOOP\r\n").await;
        peer.send(&format!("{tag} OK\r\n")).await;
    };
    let (result, ()) = tokio::join!(session.noop(), server);
    result.unwrap();
}

#[tokio::test]
async fn idle_keepalive_reissues_the_idle() {
    let builder = Builder::default().idle_keepalive(Duration::from_millis(100));
    let (mut session, mut peer) = pair(builder).await;
    let server = async {
        let tag = peer.expect("IDLE\r\n").await;
        peer.send("+ idling\r\n").await;
        (peer, tag)
    };
    let (idle, (mut peer, first)) = tokio::join!(session.idle(), server);
    let mut idle = idle.unwrap();
    let server = async {
        assert_eq!(peer.line().await, "DONE\r\n");
        peer.send(&format!("{first} OK IDLE terminated\r\n")).await;
        let second = peer.expect("IDLE\r\n").await;
        assert_ne!(first, second);
        peer.send("+ idling again\r\n* 7 EXISTS\r\n").await;
    };
    let (event, ()) = tokio::join!(idle.wait(Duration::from_secs(5)), server);
    assert!(matches!(event.unwrap(), Some(typed_imap::session::Event::Data(Data::Exists(7)))));
}

#[tokio::test]
async fn zero_timeout_is_refused_before_the_stream_is_read() {
    let (client, _server) = duplex(1024);
    let err = Builder::default().read_timeout(Duration::ZERO).stream(client).await.unwrap_err();
    assert!(matches!(err, Error::InvalidArgument(_)), "{err:?}");
}

#[tokio::test]
async fn write_timeout_breaks_the_session() {
    // A duplex of 4 bytes that the server never reads: "A0 NOOP\r\n"
    // cannot be written whole.
    let (client, server) = duplex(4);
    let mut peer = Peer { io: BufReader::new(server) };
    let greeting = peer.send("* PREAUTH [CAPABILITY IMAP4rev1 IDLE] ready\r\n");
    let builder = Builder::default().write_timeout(Duration::from_millis(100));
    let (session, ()) = tokio::join!(builder.stream(client), greeting);
    let mut session = session.unwrap();
    let err = session.noop().await.unwrap_err();
    let Error::Io(io) = &err else { panic!("expected an I/O error, got {err:?}") };
    assert_eq!(io.kind(), std::io::ErrorKind::TimedOut, "{err}");
    assert!(io.to_string().contains("write timed out"), "{err}");
    assert_eq!(session.state(), State::Logout);
}

/// The futures of a session over a socket can be spawned on a
/// multi-threaded runtime: they are `Send` (a compile-time check).
#[allow(dead_code)]
fn futures_are_send(session: &mut Session<typed_imap::session::tokio::Connection>) {
    fn send<T: Send>(_: T) {}
    send(session.run(Noop));
    send(session.login("alice", "secret"));
    send(session.idle());
    send(session.starttls());
    send(session.logout());
}

/// A pipeline goes out in one write and each answer comes back to its own
/// ticket, a NO included; its `run` future dropped while it waits breaks
/// the session, as any command's does.
#[tokio::test]
async fn pipeline_one_write_each_answer_to_its_ticket_and_cancellation() {
    use typed_imap::command::{Check, Search};
    use typed_imap::types::SearchKey;
    let (mut session, mut peer) = pair(Builder::default()).await;
    let server = async {
        let tag = peer.expect("SELECT INBOX\r\n").await;
        peer.send(&format!("* 4 EXISTS\r\n{tag} OK [READ-WRITE] done\r\n")).await;
    };
    let (selected, ()) = tokio::join!(session.select("INBOX", false), server);
    selected.unwrap();
    let mut pipeline = session.pipeline().await.unwrap();
    let search = pipeline.add(Search::new(SearchKey::All)).unwrap();
    let noop = pipeline.add(Noop).unwrap();
    let check = pipeline.add(Check).unwrap();
    // Sequence numbers after a NOOP may have moved: refused, not queued.
    assert!(matches!(pipeline.add(Search::new(SearchKey::All)), Err(Error::InvalidArgument(_))));
    let server = async {
        let (a, b, c) = (
            peer.expect("SEARCH ALL\r\n").await,
            peer.expect("NOOP\r\n").await,
            peer.expect("CHECK\r\n").await,
        );
        peer.send(&format!("* SEARCH 2 4\r\n{a} OK done\r\n{b} OK\r\n{c} NO not selected\r\n")).await;
    };
    let (mut results, ()) = tokio::join!(pipeline.run(), server);
    assert_eq!(results.len(), 3);
    results.take(noop).unwrap();
    assert_eq!(results.take(search).unwrap().numbers, [2, 4]);
    assert!(matches!(results.take(check), Err(Error::No(_))));
    // A second pipeline whose answers never come, its run future dropped.
    let mut pipeline = session.pipeline().await.unwrap();
    let _noop = pipeline.add(Noop).unwrap();
    let cancelled = tokio::time::timeout(Duration::from_millis(100), pipeline.run()).await;
    assert!(cancelled.is_err(), "the server never answers: the timeout must fire");
    peer.expect("NOOP\r\n").await;
    assert_eq!(session.state(), State::Logout, "marked broken when the future was dropped");
}
