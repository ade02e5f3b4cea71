#![cfg(feature = "live-tests")]
//! The live suite against Dovecot 2.3 (`scripts/test-servers up`):
//! the shared tests of `tests/live/` and Dovecot's own (the stream
//! command, SETQUOTA that answers OK without effect, GETANNOTATION BAD).

#[allow(dead_code)]
mod live;

use live::{User, dovecot};
use typed_imap::Error;
use typed_imap::command::{GetAnnotation, GetQuota, GetQuotaRoot, QuotaLimit, SetQuota, State};
use typed_imap::types::StatusKind;

shared_live_tests!(dovecot);
live_tests!(dovecot;
    message::searchres_save_then_fetch,
);

/// `Session::spawn` over `TYPED_IMAP_DOVECOT_STREAM` (the imap binary on
/// stdin/stdout): PREAUTH as alice with the full capability list, and a
/// command that needs the imap protocol block (GETQUOTAROOT).
#[test]
fn spawn_stream_preauth() {
    let command = live::env("DOVECOT_STREAM");
    let mut child = std::process::Command::new("sh");
    child.args(["-c", &command]).stderr(std::process::Stdio::null());
    let mut s =
        typed_imap::session::blocking::Session::builder().timeout(live::TIMEOUT).spawn(&mut child).unwrap();
    assert_eq!(s.state(), State::Authenticated, "PREAUTH");
    assert!(s.has_capability("QUOTA") && s.has_capability("METADATA"), "{:?}", s.capabilities());
    let roots = s.run(GetQuotaRoot::new("INBOX").unwrap()).unwrap();
    assert_eq!(roots.roots[0].as_bytes(), b"User quota");
    assert_eq!(s.logout().unwrap().kind, StatusKind::Bye);
}

/// GETQUOTA of alice's root as alice.
#[test]
fn getquota_as_user() {
    let mut s = dovecot().alice();
    let quota = s.run(GetQuota::new("User quota").unwrap()).unwrap();
    assert_eq!(quota.root.as_bytes(), b"User quota");
    assert!(quota.resources.iter().any(|r| r.name.as_bytes() == b"STORAGE" && r.limit == 10240), "{quota:?}");
}

/// SETQUOTA: NO for a user; OK for the master user acting as alice
/// (Dovecot 2.3 writes the limit to a dict and never reads it back, so
/// only the OK is checked).
#[test]
fn setquota_user_no_admin_ok() {
    let server = dovecot();
    let limits = || vec![QuotaLimit::new("STORAGE", 20480).unwrap()];
    let mut user = server.alice();
    let err = user.run(SetQuota::new("User quota", limits()).unwrap()).unwrap_err();
    assert!(matches!(err, Error::No(_)), "{err:?}");
    let mut admin = server.connect();
    let master = format!("{}*{}", User::Alice.name(), User::Admin.name());
    admin.run(typed_imap::command::Login::new(&master, User::Admin.password()).unwrap()).unwrap();
    let reported = admin.run(SetQuota::new("User quota", limits()).unwrap()).unwrap();
    assert!(reported.iter().all(|q| q.root.as_bytes() == b"User quota"), "{reported:?}");
}

/// DELETE of a missing mailbox: NO [NONEXISTENT].
#[test]
fn delete_missing_is_nonexistent() {
    let server = dovecot();
    let mut s = server.alice();
    let err = s.run(typed_imap::command::Delete::new(&server.mailbox("missing")).unwrap()).unwrap_err();
    let Error::No(refusal) = &err else { panic!("{err:?}") };
    assert!(refusal.raw.contains("NONEXISTENT"), "{refusal:?}");
}

/// GETANNOTATION is unknown to Dovecot: refused before sending, since
/// ANNOTATEMORE is not advertised.
#[test]
fn getannotation_unsupported() {
    let mut s = dovecot().alice();
    let err = s.run(GetAnnotation::new("INBOX", &["/comment"], &["value"]).unwrap()).unwrap_err();
    assert!(matches!(err, Error::Unsupported { .. }), "{err:?}");
}

/// Dovecot answers every ID, `ID NIL` too, with its fields.
#[test]
fn id_nil_answers_too() {
    let mut s = dovecot().connect();
    let first = s.run(typed_imap::command::Id::nil()).unwrap().expect("fields");
    let again = s.run(typed_imap::command::Id::nil()).unwrap().expect("fields");
    assert_eq!(first, again);
}

/// Dovecot answers DELETE of the selected mailbox with OK, then says BYE
/// ("Selected mailbox was deleted, have to disconnect."): the next command
/// fails with `Error::Bye` and the session is over.
#[test]
fn delete_selected_mailbox_then_bye() {
    let server = dovecot();
    let mut s = server.alice();
    let mb = live::message::fresh(&server, &mut s, "delete_selected");
    s.run(typed_imap::command::Select::new(&mb).unwrap()).unwrap();
    s.run(typed_imap::command::Delete::new(&mb).unwrap()).unwrap();
    let err = s.run(typed_imap::command::Noop).unwrap_err();
    let Error::Bye(text) = &err else { panic!("{err:?}") };
    assert!(text.contains("deleted"), "{text}");
    assert_eq!(s.state(), State::Logout);
}
