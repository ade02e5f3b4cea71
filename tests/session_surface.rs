//! The imaplib surface of the blocking `Session`: each wrapper sends the
//! exact command imaplib users expect (conformance section C through the
//! session) and returns the typed result; caller mistakes are refused
//! before anything is sent. A scripted server checks every byte.

mod support;

use chrono::DateTime;
use support::client::{connect, preauth};
use support::scripted_server::{Script, Server};
use typed_imap::Error;
use typed_imap::command::{
    Fetch, FlagsAction, ModRights, Move, QuotaLimit, RawArg, Rights, SetAnnotation, Sort, SortKey, State,
    StoreMode, ThreadAlgorithm,
};
use typed_imap::types::{AString, FetchAttr, Flag, SearchKey, SequenceSet, StatusAttr};

const ALL_CAPS: &str =
    "IMAP4rev1 ACL QUOTA ANNOTATEMORE NAMESPACE ID SORT THREAD=REFERENCES MOVE UNSELECT ENABLE";

fn set(text: &str) -> SequenceSet {
    text.parse().unwrap()
}

fn subject(text: &str) -> SearchKey<'static> {
    SearchKey::Subject(AString::new(text.as_bytes().to_vec()).unwrap())
}

/// Items 27, 37, 39, 40, 46: the mailbox-level wrappers, byte for byte.
#[test]
fn c39_mailbox_wrappers_send_the_imaplib_commands() {
    let script = preauth(ALL_CAPS)
        .expect("<tag> CAPABILITY\r\n")
        .send("* CAPABILITY IMAP4rev1 IDLE\r\n<tag> OK\r\n")
        .expect("<tag> CREATE Archive\r\n")
        .send("<tag> OK\r\n")
        .expect("<tag> RENAME Archive Old\r\n")
        .send("<tag> OK\r\n")
        .expect("<tag> SUBSCRIBE Old\r\n")
        .send("<tag> OK\r\n")
        .expect("<tag> UNSUBSCRIBE Old\r\n")
        .send("<tag> OK\r\n")
        .expect("<tag> DELETE Old\r\n")
        .send("<tag> OK\r\n")
        .expect("<tag> LIST \"\" *\r\n")
        .send("* LIST () \"/\" INBOX\r\n* LIST () \"/\" &BB4EQgQ,BEAEMAQyBDsENQQ9BD0ESwQ1-\r\n<tag> OK\r\n")
        .expect("<tag> LSUB \"\" *\r\n")
        .send("* LSUB () \".\" directoryA\r\n<tag> OK LSUB completed\r\n")
        .expect("<tag> STATUS INBOX (MESSAGES UNSEEN)\r\n")
        .send("* STATUS INBOX (MESSAGES 17 UNSEEN 3)\r\n<tag> OK\r\n")
        .expect("<tag> APPEND \"Sent Items\" (\\Seen \\Draft) \"18-May-2033 05:33:20 +0000\" {5}\r\n")
        .send("+ Ready for literal data\r\n")
        .expect("hello\r\n")
        .send("<tag> OK [APPENDUID 38505 3955] APPEND completed\r\n")
        .expect("<tag> ID (\"name\" \"x\")\r\n")
        .send("* ID NIL\r\n<tag> OK\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    assert!(session.capability().unwrap().has("IDLE"));
    assert!(session.has_capability("IDLE"), "capability() refreshes the cache");
    session.create("Archive").unwrap();
    session.rename("Archive", "Old").unwrap();
    session.subscribe("Old").unwrap();
    session.unsubscribe("Old").unwrap();
    session.delete("Old").unwrap();
    let list = session.list("", "*").unwrap();
    assert_eq!(list[1].mailbox.name(), "Отправленные", "item 26");
    let lsub = session.lsub("", "*").unwrap();
    assert_eq!((lsub[0].delimiter, lsub.len()), (Some('.'), 1), "vector V8");
    let status = session.status("INBOX", [StatusAttr::Messages, StatusAttr::Unseen]).unwrap();
    assert_eq!(status.items.len(), 2);
    let date = DateTime::parse_from_rfc3339("2033-05-18T05:33:20+00:00").unwrap();
    let uid =
        session.append(Some("Sent Items"), &[Flag::Seen, Flag::Draft], Some(date.into()), "hello").unwrap();
    assert_eq!(uid.map(|u| u.uid_validity), Some(38505));
    let args = vec![RawArg::List(vec![RawArg::string("name").unwrap(), RawArg::string("x").unwrap()])];
    let raw = session.xatom("ID", args).unwrap();
    assert_eq!(raw.untagged.len(), 1);
    server.finish();
}

/// Item 39: ACL, QUOTA, ANNOTATION and NAMESPACE wrappers, byte for byte.
#[test]
fn c39_acl_quota_annotation_namespace_wrappers() {
    let script = preauth(ALL_CAPS)
        .expect("<tag> NAMESPACE\r\n")
        .send("* NAMESPACE ((\"\" \"/\")) NIL NIL\r\n<tag> OK\r\n")
        .expect("<tag> GETACL INBOX\r\n")
        .send("* ACL INBOX alice lrswipkxtecda\r\n<tag> OK\r\n")
        .expect("<tag> SETACL INBOX bob +lr\r\n")
        .send("<tag> OK\r\n")
        .expect("<tag> DELETEACL INBOX bob\r\n")
        .send("<tag> OK\r\n")
        .expect("<tag> MYRIGHTS INBOX\r\n")
        .send("* MYRIGHTS INBOX lrs\r\n<tag> OK\r\n")
        .expect("<tag> GETQUOTAROOT INBOX\r\n")
        .send("* QUOTAROOT INBOX \"\"\r\n* QUOTA \"\" (STORAGE 10 512)\r\n<tag> OK\r\n")
        .expect("<tag> GETQUOTA \"\"\r\n")
        .send("* QUOTA \"\" (STORAGE 10 512)\r\n<tag> OK\r\n")
        .expect("<tag> SETQUOTA \"\" (STORAGE 512)\r\n")
        .send("* QUOTA \"\" (STORAGE 10 512)\r\n<tag> OK\r\n")
        .expect("<tag> GETANNOTATION INBOX \"/comment\" \"value.shared\"\r\n")
        .send("* ANNOTATION INBOX \"/comment\" (\"value.shared\" \"hi\")\r\n<tag> OK\r\n")
        .expect("<tag> SETANNOTATION INBOX \"/comment\" (\"value.shared\" \"hi\")\r\n")
        .send("<tag> OK\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    assert_eq!(session.namespace().unwrap().personal.len(), 1);
    assert_eq!(session.getacl("INBOX").unwrap().entries.len(), 1);
    session.setacl("INBOX", "bob", ModRights::Add(Rights::new("lr").unwrap())).unwrap();
    session.deleteacl("INBOX", "bob").unwrap();
    session.myrights("INBOX").unwrap();
    assert_eq!(session.getquotaroot("INBOX").unwrap().quotas.len(), 1);
    session.getquota("").unwrap();
    session.setquota("", vec![QuotaLimit::new("STORAGE", 512).unwrap()]).unwrap();
    assert_eq!(session.getannotation("INBOX", &["/comment"], &["value.shared"]).unwrap().len(), 1);
    let annotation =
        SetAnnotation::new("INBOX").unwrap().set("/comment", "value.shared", Some("hi")).unwrap();
    session.setannotation(annotation).unwrap();
    server.finish();
}

/// Items 28, 30-34, 38, 81: the selected-state wrappers, byte for byte,
/// with typed results.
#[test]
fn c34_message_wrappers_send_the_imaplib_commands() {
    let script = preauth(ALL_CAPS)
        .expect("<tag> SELECT INBOX\r\n")
        .send("* 9 EXISTS\r\n<tag> OK [READ-WRITE] SELECT completed\r\n")
        .expect("<tag> CHECK\r\n")
        .send("<tag> OK\r\n")
        .expect("<tag> FETCH 1:3 (FLAGS)\r\n")
        .send("* 1 FETCH (FLAGS (\\Seen))\r\n<tag> OK\r\n")
        .expect("<tag> STORE 1:3 +FLAGS (\\Deleted)\r\n")
        .send("<tag> OK\r\n")
        .expect("<tag> STORE 1 FLAGS.SILENT (\\Seen)\r\n")
        .send("<tag> OK\r\n")
        .expect("<tag> COPY 1 Archive\r\n")
        .send("<tag> OK\r\n")
        .expect("<tag> MOVE 1 Trash\r\n")
        .send("* 1 EXPUNGE\r\n<tag> OK\r\n")
        .expect("<tag> SEARCH CHARSET UTF-8 SUBJECT \"hello world\"\r\n")
        .send("* SEARCH 2 84 882\r\n<tag> OK\r\n")
        .expect("<tag> SEARCH ALL\r\n")
        .send("* SEARCH\r\n<tag> OK\r\n")
        .expect("<tag> SORT (REVERSE DATE) UTF-8 ALL\r\n")
        .send("* SORT 5 3 4\r\n<tag> OK\r\n")
        .expect("<tag> THREAD REFERENCES UTF-8 ALL\r\n")
        .send("* THREAD (2)(3 6 (4 23)(44 7 96))\r\n<tag> OK\r\n")
        .expect("<tag> UID FETCH 1:* (FLAGS)\r\n")
        .send("* 1 FETCH (UID 7 FLAGS ())\r\n<tag> OK\r\n")
        .expect("<tag> UID SORT (DATE) UTF-8 ALL\r\n")
        .send("* SORT 7\r\n<tag> OK\r\n")
        .expect("<tag> UID MOVE 5 Trash\r\n")
        .send("<tag> OK\r\n")
        .expect("<tag> EXPUNGE\r\n")
        .send("* 3 EXPUNGE\r\n* 3 EXPUNGE\r\n* 5 EXPUNGE\r\n<tag> OK\r\n")
        .expect("<tag> CLOSE\r\n")
        .send("<tag> OK\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    assert_eq!(session.select("INBOX", false).unwrap().exists, 9);
    session.check().unwrap();
    assert_eq!(session.fetch(set("1:3"), FetchAttr::Flags).unwrap().messages.len(), 1);
    session.store(set("1:3"), FlagsAction { mode: StoreMode::Add, silent: false }, [Flag::Deleted]).unwrap();
    session.store(set("1"), FlagsAction { mode: StoreMode::Replace, silent: true }, [Flag::Seen]).unwrap();
    assert_eq!(session.copy(set("1"), "Archive").unwrap(), None);
    assert_eq!(session.r#move(set("1"), "Trash").unwrap().expunged.seqs, [1]);
    assert_eq!(session.search(Some("UTF-8"), subject("hello world")).unwrap().numbers, [2, 84, 882]);
    assert!(session.search(None, SearchKey::All).unwrap().numbers.is_empty(), "item 80");
    let sorted = session.sort([SortKey::Date.reverse()], "UTF-8", SearchKey::All).unwrap();
    assert_eq!(sorted.numbers, [5, 3, 4]);
    assert_eq!(session.thread(ThreadAlgorithm::References, "UTF-8", SearchKey::All).unwrap().len(), 2);
    let uid_fetch = session.uid(Fetch::new(set("1:*"), FetchAttr::Flags)).unwrap();
    assert_eq!(uid_fetch.messages[0].uid(), Some(7));
    session.uid(Sort::new([SortKey::Date], "UTF-8", SearchKey::All).unwrap()).unwrap();
    session.uid(Move::new(set("5"), "Trash").unwrap()).unwrap();
    assert_eq!(session.expunge().unwrap().seqs, [3, 3, 5]);
    session.close().unwrap();
    assert_eq!(session.state(), State::Authenticated);
    server.finish();
}

/// Items 22, 24, 25: names are quoted, non-ASCII is modified UTF-7, and
/// CR/LF in a mailbox name is modified UTF-7 too (`&AA0ACg-`): the
/// server receives exactly one command line.
#[test]
fn c24_select_names_cannot_inject() {
    let script = preauth("IMAP4rev1")
        .expect("<tag> SELECT \"My Folder\"\r\n")
        .send("<tag> NO no\r\n")
        .expect("<tag> SELECT Entw&APw-rfe\r\n")
        .send("<tag> NO no\r\n")
        .expect("<tag> SELECT \"INBOX&AA0ACg-A1 DELETE victim\"\r\n")
        .send("<tag> NO no such mailbox\r\n")
        .expect_silence(50);
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    assert!(matches!(session.select("My Folder", false), Err(Error::No(_))));
    assert!(matches!(session.select("Entwürfe", false), Err(Error::No(_))));
    assert!(matches!(session.select("INBOX\r\nA1 DELETE victim", false), Err(Error::No(_))));
    assert_eq!(server.finish().tags.len(), 3);
}

/// Item 35: UID FETCH in the authenticated state fails and sends nothing.
#[test]
fn c35_uid_command_in_the_wrong_state_sends_nothing() {
    let server = Server::start(preauth("IMAP4rev1").expect("<tag> LOGOUT\r\n").send("<tag> OK\r\n"));
    let mut session = connect(&server).unwrap();
    let err = session.uid(Fetch::new(set("1:*"), FetchAttr::Flags)).unwrap_err();
    assert!(matches!(&err, Error::State { command, .. } if command == "UID FETCH"), "{err:?}");
    drop(session);
    assert_eq!(server.finish().tags.len(), 1, "only the LOGOUT on drop");
}

/// Item 41: ENABLE without the capability, or before login, sends
/// nothing; with it, UTF8=ACCEPT turns UTF-8 mode on.
#[test]
fn c41_enable_checks_capability_and_state() {
    let server = Server::start(preauth("IMAP4rev1").expect("<tag> LOGOUT\r\n").send("<tag> OK\r\n"));
    let mut session = connect(&server).unwrap();
    assert!(matches!(session.enable(&["UTF8=ACCEPT"]), Err(Error::Unsupported { .. })));
    drop(session);
    assert_eq!(server.finish().tags.len(), 1);

    let server = Server::start(Script::new().greet("IMAP4rev1 ENABLE").expect_eof());
    let mut session = connect(&server).unwrap();
    assert!(matches!(session.enable(&["UTF8=ACCEPT"]), Err(Error::State { .. })));
    drop(session);
    assert_eq!(server.finish().tags.len(), 1);
}

/// Item 42: PROXYAUTH in the selected state fails and sends nothing.
#[test]
fn c42_proxyauth_in_selected_sends_nothing() {
    let script = preauth("IMAP4rev1")
        .expect("<tag> SELECT INBOX\r\n")
        .send("* 1 EXISTS\r\n<tag> OK [READ-WRITE] done\r\n")
        .expect("<tag> LOGOUT\r\n")
        .send("<tag> OK\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    session.select("INBOX", false).unwrap();
    assert!(matches!(session.proxyauth("bob"), Err(Error::State { .. })));
    drop(session);
    assert_eq!(server.finish().tags.len(), 2);
}

/// Item 8: an IMAP4rev2-only server is accepted; protocol_version() names
/// the highest version advertised, as imaplib's PROTOCOL_VERSION.
#[test]
fn c08_protocol_version() {
    let server = Server::start(preauth("IMAP4rev2").expect("<tag> LOGOUT\r\n").send("<tag> OK\r\n"));
    assert_eq!(connect(&server).unwrap().protocol_version(), "IMAP4REV2");
    server.finish();
    let server = Server::start(preauth("IMAP4 IMAP4rev1").expect("<tag> LOGOUT\r\n").send("<tag> OK\r\n"));
    assert_eq!(connect(&server).unwrap().protocol_version(), "IMAP4REV1");
    server.finish();
}

/// Item 99: a NO to STARTTLS is `Error::Tls` ("couldn't establish TLS");
/// the connection stays plain and usable.
#[test]
fn c99_starttls_no_is_a_tls_error() {
    let script = Script::new()
        .greet("IMAP4rev1 STARTTLS")
        .expect("<tag> STARTTLS\r\n")
        .send("<tag> NO not now\r\n")
        .expect("<tag> NOOP\r\n")
        .send("<tag> OK\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let err = session.starttls().unwrap_err();
    assert!(matches!(&err, Error::Tls(why) if why.starts_with("couldn't establish TLS")), "{err:?}");
    session.noop().unwrap();
    server.finish();
}

/// Item 93 through the public LOGOUT: the BYE's text and kind.
#[test]
fn c93_logout_returns_the_bye() {
    let script = preauth("IMAP4rev1")
        .expect("<tag> LOGOUT\r\n")
        .send("* BYE IMAP4ref1 Server logging out\r\n<tag> OK LOGOUT completed\r\n")
        .expect_eof();
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    let bye = session.logout().unwrap();
    assert_eq!((bye.kind.as_str(), bye.text.to_string()), ("BYE", "IMAP4ref1 Server logging out".into()));
    server.finish();
}

/// Item 39: PARTIAL (obsolete, RFC 1730) through `partial()`, with the
/// FETCH it answers.
#[test]
fn c39_partial_wrapper() {
    let script = preauth("IMAP4rev1")
        .expect("<tag> SELECT INBOX\r\n")
        .send("* 1 EXISTS\r\n<tag> OK [READ-WRITE] done\r\n")
        .expect("<tag> PARTIAL 1 RFC822.HEADER 0 10\r\n")
        .send("* 1 FETCH (RFC822.HEADER {10}\r\nSubject: x)\r\n<tag> OK\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    session.select("INBOX", false).unwrap();
    let message = session.partial(1, typed_imap::command::PartialItem::Rfc822Header, 0, 10).unwrap();
    assert_eq!(message.map(|m| m.seq), Some(1));
    server.finish();
}

/// Item 10: a zero IDLE keep-alive interval is refused before connecting,
/// like a zero timeout.
#[test]
fn c10_zero_idle_keepalive_refused_before_connecting() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let result = typed_imap::session::blocking::Session::builder()
        .idle_keepalive(std::time::Duration::ZERO)
        .connect("127.0.0.1", port);
    assert!(matches!(result, Err(Error::InvalidArgument(_))), "{result:?}");
    listener.set_nonblocking(true).unwrap();
    assert!(listener.accept().is_err(), "no connection was opened");
}
