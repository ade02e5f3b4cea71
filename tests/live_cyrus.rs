#![cfg(feature = "live-tests")]
//! The live suite against Cyrus IMAP 3.6 (`scripts/test-servers up`):
//! the shared tests of `tests/live/` and Cyrus' own (CREATE with USE,
//! GETQUOTA and SETQUOTA as admin, GETANNOTATION/SETANNOTATION).

#[allow(dead_code)]
mod live;

use live::{User, cyrus};
use typed_imap::Error;
use typed_imap::command::{
    Create, Delete, GetAnnotation, GetQuota, Id, List, ListReturn, QuotaLimit, SetAnnotation, SetMetadata,
    SetQuota, SpecialUse,
};
use typed_imap::session::blocking::Session;
use typed_imap::types::{Code, MailboxAttr};

shared_live_tests!(cyrus);

/// CREATE with `USE (\Important)` (CREATE-SPECIAL-USE) answers
/// `[MAILBOXID (...)]`, and LIST RETURN (SPECIAL-USE) shows the use; a
/// use Cyrus does not allow (`\Flagged`) is NO `[USEATTR]`. Cyrus allows
/// one `\Important` per user and refuses to DELETE a special-use
/// mailbox, so the use is removed (SETMETADATA `/private/specialuse` NIL)
/// first, and leftovers of an interrupted run are removed before.
#[test]
fn create_special_use_and_mailboxid() {
    let server = cyrus();
    let mut s = server.alice();
    let pattern = format!("{}live-create_use-*", server.prefix);
    for old in s.run(List::new("", &pattern).unwrap()).unwrap() {
        drop_special_use(&mut s, &old.mailbox.name());
    }
    let mb = server.mailbox("create_use");
    let refused = s.run(Create::new(&mb).unwrap().special_use([SpecialUse::Flagged])).unwrap_err();
    let Error::No(refusal) = &refused else { panic!("{refused:?}") };
    assert_eq!(refusal.code, Some(Code::UseAttr), "{refusal:?}");
    let created = s.run(Create::new(&mb).unwrap().special_use([SpecialUse::Important])).unwrap();
    assert!(created.mailbox_id.is_some_and(|id| !id.as_bytes().is_empty()));
    let listed = s.run(List::new("", &mb).unwrap().returning(ListReturn::SpecialUse)).unwrap();
    assert!(listed[0].has(&MailboxAttr::Important), "{listed:?}");
    let refused = s.run(Delete::new(&mb).unwrap()).unwrap_err();
    assert!(matches!(refused, Error::No(_)), "{refused:?}");
    drop_special_use(&mut s, &mb);
    assert!(s.run(List::new("", &mb).unwrap()).unwrap().is_empty());
}

fn drop_special_use(s: &mut Session, mailbox: &str) {
    s.run(SetMetadata::new(mailbox).unwrap().set("/private/specialuse", None::<&str>).unwrap()).unwrap();
    s.run(Delete::new(mailbox).unwrap()).unwrap();
}

/// The first ID answers Cyrus' fields; Cyrus answers a second ID with a
/// tagged `OK NIL` and no `* ID` response (RFC 2971 3.1 says the server
/// MUST send one).
#[test]
fn second_id_without_id_response() {
    let mut s = cyrus().connect();
    assert!(s.run(Id::new([("name", Some("typed-imap"))]).unwrap()).unwrap().is_some());
    assert_eq!(s.run(Id::nil()).unwrap(), None);
}

/// GETQUOTA is admin-only on Cyrus: NO as alice.
#[test]
fn getquota_as_user_is_no() {
    let mut s = cyrus().alice();
    let err = s.run(GetQuota::new("INBOX").unwrap()).unwrap_err();
    assert!(matches!(err, Error::No(_)), "{err:?}");
}

/// SETQUOTA as the admin on bob's root takes effect: GETQUOTA reads the
/// new limits back (SETQUOTA replaces the whole list, so both are set,
/// then restored). A user's SETQUOTA is NO.
#[test]
fn setquota_as_admin_takes_effect() {
    let server = cyrus();
    let root = format!("user{}{}", server.delimiter, User::Bob.name());
    let limits = |storage| {
        vec![QuotaLimit::new("STORAGE", storage).unwrap(), QuotaLimit::new("MESSAGE", 1000).unwrap()]
    };
    let mut user = server.login(User::Bob);
    assert!(matches!(user.run(SetQuota::new("INBOX", limits(20480)).unwrap()), Err(Error::No(_))));
    let mut admin = server.login(User::Admin);
    admin.run(SetQuota::new(&root, limits(20480)).unwrap()).unwrap();
    let quota = admin.run(GetQuota::new(&root).unwrap()).unwrap();
    assert_eq!(quota.root.as_bytes(), root.as_bytes());
    let storage = quota.resources.iter().find(|r| r.name.as_bytes() == b"STORAGE").unwrap();
    assert_eq!(storage.limit, 20480, "{quota:?}");
    admin.run(SetQuota::new(&root, limits(10240)).unwrap()).unwrap();
    let restored = admin.run(GetQuota::new(&root).unwrap()).unwrap();
    assert!(restored.resources.iter().any(|r| r.name.as_bytes() == b"STORAGE" && r.limit == 10240));
}

/// SETANNOTATION of `/comment` `value.priv`, read back by GETANNOTATION
/// (the ANNOTATEMORE draft, turned on in Cyrus' config).
#[test]
fn setannotation_then_getannotation() {
    let server = cyrus();
    let mut s = server.alice();
    let mb = live::message::fresh(&server, &mut s, "annotation");
    s.run(SetAnnotation::new(&mb).unwrap().set("/comment", "value.priv", Some("live note")).unwrap())
        .unwrap();
    let got = s.run(GetAnnotation::new(&mb, &["/comment"], &["value.priv"]).unwrap()).unwrap();
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].mailbox.name(), mb.as_str());
    let entry = &got[0].entries[0];
    assert_eq!(entry.entry.as_bytes(), b"/comment");
    let value = entry.attributes.iter().find(|(name, _)| name.as_bytes() == b"value.priv").unwrap();
    assert_eq!(value.1.as_ref().unwrap().as_bytes(), b"live note");
    live::message::cleanup(&mut s, &mb);
}
