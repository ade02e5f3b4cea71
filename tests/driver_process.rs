//! The blocking driver over a child process's stdin and stdout
//! (conformance item 14, imaplib's `IMAP4_stream`) and over a caller's
//! own stream.

mod support;

use std::io::ErrorKind;
use std::time::Duration;

use support::client::io_kind;
use support::scripted_server::{Script, Server};
use typed_imap::Error;
use typed_imap::command::State;
use typed_imap::session::Config;
use typed_imap::session::blocking::Session;
use typed_imap::types::StatusKind;
use typed_imap::wire::FrameLimits;

/// A shell script speaking just enough IMAP: greeting, then CAPABILITY.
const STREAM_SERVER: &str = r#"printf '* OK IMAP4rev1 stream\r\n'; read tag rest; printf '* CAPABILITY IMAP4rev1\r\n%s OK done\r\n' "$tag"; read tag rest; printf '* BYE\r\n%s OK bye\r\n' "$tag""#;

#[test]
fn c05_item14_spawned_process_is_a_transport() {
    let mut session = Session::spawn(std::process::Command::new("sh").args(["-c", STREAM_SERVER])).unwrap();
    assert!(session.has_capability("IMAP4rev1"));
    let bye = session.logout().unwrap();
    assert_eq!(bye.kind, StatusKind::Bye);
    assert_eq!(session.state(), State::Logout);
}

#[test]
fn c05_item14_limits_apply_to_a_spawned_process() {
    let long_greeting = "printf '* OK %0100d\\r\\n' 0; sleep 5";
    let config = Config::default().with_limits(FrameLimits::default().with_max_line(50));
    let err = Session::builder()
        .config(config)
        .spawn(std::process::Command::new("sh").args(["-c", long_greeting]))
        .unwrap_err();
    assert!(matches!(err, Error::Frame(_)), "{err:?}");
}

#[test]
fn c05_item14_silent_process_times_out() {
    let err = Session::builder()
        .read_timeout(Duration::from_millis(200))
        .spawn(std::process::Command::new("sh").args(["-c", "sleep 5"]))
        .unwrap_err();
    assert_eq!(io_kind(&err), Some(ErrorKind::TimedOut), "{err:?}");
}

#[test]
fn c05_item14_process_exiting_before_the_greeting_aborts() {
    let err = Session::spawn(std::process::Command::new("sh").args(["-c", "exit 0"])).unwrap_err();
    assert!(matches!(err, Error::Aborted(_)), "{err:?}");
}

#[test]
fn c05_from_stream_runs_over_any_read_write() {
    let server = Server::start(Script::new().greet("IMAP4rev1").expect_eof());
    let tcp = std::net::TcpStream::connect(("127.0.0.1", server.port())).unwrap();
    let session = Session::from_stream(tcp).unwrap();
    assert!(session.has_capability("IMAP4rev1"));
    assert!(!session.is_tls());
    drop(session);
    server.finish();
}
