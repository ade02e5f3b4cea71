//! Decoding the answers to the mailbox commands: server bytes (RFC
//! examples, Dovecot and Cyrus shapes) parsed, filtered by `collects` as
//! the session does, and decoded into the typed outputs.

use typed_imap::Error;
use typed_imap::command::{
    Append, Command, Create, Delete, Enable, Examine, Id, List, ListReturn, Lsub, Namespace, QResync, Rename,
    Select, StatusCommand, Subscribe, Unsubscribe,
};
use typed_imap::types::{
    Code, Data, FetchItem, Flag, ListExtItem, Mailbox, MailboxAttr, Response, SequenceSet, StatusAttr,
    StatusItem,
};

/// Every response in `server` (CRLF-terminated, the last one tagged),
/// parsed and detached.
fn parse_all(server: &[u8]) -> Vec<Response<'static>> {
    let mut rest = server;
    let mut out = Vec::new();
    while !rest.is_empty() {
        let (response, used) = typed_imap::wire::parse_response(rest).unwrap();
        out.push(response.into_owned());
        rest = &rest[used..];
    }
    out
}

/// Runs `cmd`'s decoding on `server`'s answer: the untagged responses it
/// collects, then the final tagged status.
fn exchange<C: Command>(cmd: &C, server: &[u8]) -> Result<C::Output, Error> {
    let mut responses = parse_all(server);
    let Some(Response::Status(done)) = responses.pop() else { panic!("no tagged status last") };
    let collected = responses.into_iter().filter(|r| cmd.collects(r)).collect();
    cmd.decode(collected, &done)
}

/// The reason of a decode error naming `command`.
fn decode_reason(err: Error, command: &str) -> String {
    match err {
        Error::Decode { command: c, reason } if c == command => reason,
        other => panic!("expected a decode error for {command}: {other:?}"),
    }
}

fn one(line: &[u8]) -> Response<'static> {
    parse_all(line).remove(0)
}

fn mailbox(name: &str) -> Mailbox<'static> {
    Mailbox::new(name).unwrap()
}

// ---- SELECT / EXAMINE ----

const RFC3501_SELECT: &[u8] = b"* 172 EXISTS\r\n* 1 RECENT\r\n\
* OK [UNSEEN 12] Message 12 is first unseen\r\n\
* OK [UIDVALIDITY 3857529045] UIDs valid\r\n\
* OK [UIDNEXT 4392] Predicted next UID\r\n\
* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n\
* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited\r\n\
A142 OK [READ-WRITE] SELECT completed\r\n";

#[test]
fn c28_select_rfc3501_example() {
    let s = exchange(&Select::default(), RFC3501_SELECT).unwrap();
    assert_eq!(s.exists, 172);
    assert_eq!(s.recent, 1);
    assert_eq!(s.first_unseen, Some(12));
    assert_eq!(s.uid_validity, Some(3857529045));
    assert_eq!(s.uid_next, Some(4392));
    assert_eq!(s.flags, [Flag::Answered, Flag::Flagged, Flag::Deleted, Flag::Seen, Flag::Draft]);
    assert_eq!(s.permanent_flags, [Flag::Deleted, Flag::Seen, Flag::Wildcard]);
    assert_eq!(s.highest_modseq, None);
    assert!(!s.read_only);
    assert!(!s.no_modseq);
    assert_eq!(s.vanished, None);
    assert!(s.changed.is_empty());
}

#[test]
fn c29_examine_rfc3501_example_is_read_only() {
    let server = b"* 17 EXISTS\r\n* 2 RECENT\r\n* OK [UNSEEN 8] Message 8 is first unseen\r\n\
* OK [UIDVALIDITY 3857529045] UIDs valid\r\n* OK [UIDNEXT 4392] Predicted next UID\r\n\
* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n\
* OK [PERMANENTFLAGS ()] No permanent flags permitted\r\n\
A932 OK [READ-ONLY] EXAMINE completed\r\n";
    let s = exchange(&Examine::new("blurdybloop").unwrap(), server).unwrap();
    assert_eq!((s.exists, s.recent, s.first_unseen), (17, 2, Some(8)));
    assert!(s.permanent_flags.is_empty());
    assert!(s.read_only);
}

#[test]
fn examine_is_read_only_even_without_the_code() {
    let s = exchange(&Examine::default(), b"* 0 EXISTS\r\nA1 OK done\r\n").unwrap();
    assert!(s.read_only);
}

#[test]
fn select_condstore_rfc7162_example() {
    let server = b"* 172 EXISTS\r\n* 1 RECENT\r\n* OK [UIDVALIDITY 3857529045] UIDs valid\r\n\
* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n* OK [HIGHESTMODSEQ 715194045007]\r\n\
A142 OK [READ-WRITE] SELECT completed, CONDSTORE is now enabled\r\n";
    let s = exchange(&Select::default().condstore(), server).unwrap();
    assert_eq!(s.highest_modseq, Some(715194045007));
    assert_eq!(s.exists, 172);
}

#[test]
fn select_dovecot_shape() {
    let server = b"* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n\
* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted.\r\n\
* 2 EXISTS\r\n* 0 RECENT\r\n* OK [UNSEEN 1] First unseen.\r\n* OK [UIDVALIDITY 1764330000] UIDs valid\r\n\
* OK [UIDNEXT 3] Predicted next UID\r\n* OK [HIGHESTMODSEQ 4] Highest\r\n\
A2 OK [READ-WRITE] Select completed (0.001 + 0.000 secs).\r\n";
    let s = exchange(&Select::default(), server).unwrap();
    assert_eq!((s.exists, s.recent, s.first_unseen), (2, 0, Some(1)));
    assert_eq!((s.uid_validity, s.uid_next, s.highest_modseq), (Some(1764330000), Some(3), Some(4)));
    assert_eq!(s.permanent_flags.len(), 6);
}

#[test]
fn select_cyrus_shape_with_mailboxid_and_unknown_codes() {
    let server = b"* 2 EXISTS\r\n* 0 RECENT\r\n* FLAGS (\\Answered \\Flagged \\Draft \\Deleted \\Seen)\r\n\
* OK [UIDVALIDITY 1764330000] Ok\r\n* OK [UIDNEXT 3] Ok\r\n* OK [HIGHESTMODSEQ 7] Ok\r\n\
* OK [URLMECH INTERNAL] Ok\r\n* OK [ANNOTATIONS 65536] Ok\r\n\
* OK [MAILBOXID (d1f2a7c0-1c4b-4a55-9c1e-0d3f5b7c9e11)] Ok\r\nA2 OK [READ-WRITE] Completed\r\n";
    let s = exchange(&Select::default(), server).unwrap();
    assert_eq!(s.mailbox_id.as_deref(), Some(&b"d1f2a7c0-1c4b-4a55-9c1e-0d3f5b7c9e11"[..]));
    assert_eq!(s.highest_modseq, Some(7));
    assert_eq!(s.flags.len(), 5);
}

#[test]
fn select_qresync_gives_vanished_and_changed() {
    let server = b"* 5 EXISTS\r\n* OK [UIDVALIDITY 1764330000] UIDs valid\r\n\
* OK [HIGHESTMODSEQ 9] Highest\r\n* VANISHED (EARLIER) 3:4\r\n* VANISHED (EARLIER) 8\r\n\
* 1 FETCH (UID 1 FLAGS (\\Seen))\r\nA3 OK [READ-WRITE] Select completed\r\n";
    let q = QResync::new(1764330000, 4).unwrap().known_uids("1:8".parse().unwrap()).unwrap();
    let s = exchange(&Select::default().qresync(q), server).unwrap();
    assert_eq!(s.vanished, Some("3:4,8".parse::<SequenceSet>().unwrap()));
    assert_eq!(s.changed.len(), 1);
    assert_eq!(s.changed[0].seq, 1);
    assert_eq!(s.changed[0].items, [FetchItem::Uid(1), FetchItem::Flags(vec![Flag::Seen])]);
}

#[test]
fn select_ignores_what_came_before_closed() {
    let server = b"* 9 EXISTS\r\n* FLAGS (\\Seen)\r\n* OK [CLOSED] Previous mailbox closed\r\n\
* 3 EXISTS\r\n* FLAGS (\\Deleted)\r\nA1 OK [READ-WRITE] Done\r\n";
    let s = exchange(&Select::default(), server).unwrap();
    assert_eq!(s.exists, 3);
    assert_eq!(s.flags, [Flag::Deleted]);
}

#[test]
fn select_nomodseq_alert_and_rev2_list() {
    let server = b"* 1 EXISTS\r\n* OK [NOMODSEQ] Sorry\r\n* OK [ALERT] Quota at 95%\r\n\
* LIST () \"/\" INBOX\r\nA1 OK [READ-WRITE] Done\r\n";
    let s = exchange(&Select::default(), server).unwrap();
    assert!(s.no_modseq);
    assert_eq!(s.highest_modseq, None);
    assert_eq!(s.alerts.len(), 1);
    assert_eq!(s.alerts[0].as_bytes(), b"Quota at 95%");
    assert_eq!(s.list.as_ref().map(|l| l.mailbox.is_inbox()), Some(true));
}

#[test]
fn select_without_exists_is_a_decode_error() {
    let err = exchange(&Select::default(), b"* FLAGS (\\Seen)\r\nA1 OK [READ-WRITE] Done\r\n").unwrap_err();
    assert!(decode_reason(err, "SELECT").contains("EXISTS"));
}

#[test]
fn select_live_vanished_is_reported_not_dropped() {
    let err = exchange(&Select::default(), b"* 4 EXISTS\r\n* VANISHED 2\r\nA1 OK Done\r\n").unwrap_err();
    assert!(decode_reason(err, "SELECT").contains("Vanished"));
}

#[test]
fn select_collects_its_data_not_expunges_or_searches() {
    let cmd = Select::default();
    for line in [&b"* 3 EXISTS\r\n"[..], b"* 0 RECENT\r\n", b"* FLAGS ()\r\n", b"* OK [UIDNEXT 4] x\r\n"] {
        assert!(cmd.collects(&one(line)), "{}", String::from_utf8_lossy(line));
    }
    assert!(cmd.collects(&one(b"* VANISHED (EARLIER) 1\r\n")));
    assert!(!cmd.collects(&one(b"* 3 EXPUNGE\r\n")));
    assert!(!cmd.collects(&one(b"* SEARCH 1 2\r\n")));
    assert!(!cmd.collects(&one(b"* NO [ALERT] disk full\r\n")));
}

// ---- CREATE and the commands with no data ----

#[test]
fn create_mailboxid_from_the_tagged_ok() {
    let done = b"A1 OK [MAILBOXID (5e2b9c40-0b1a-4f5e-a6a1-7d6c1f0e2b33)] Completed\r\n";
    let created = exchange(&Create::new("Archive").unwrap(), done).unwrap();
    assert_eq!(created.mailbox_id.as_deref(), Some(&b"5e2b9c40-0b1a-4f5e-a6a1-7d6c1f0e2b33"[..]));
    let plain = exchange(&Create::new("Archive").unwrap(), b"A003 OK CREATE completed\r\n").unwrap();
    assert_eq!(plain.mailbox_id, None);
}

#[test]
fn no_data_commands_collect_nothing_and_give_unit() {
    let exists = one(b"* 3 EXISTS\r\n");
    let ok = b"A683 OK completed\r\n";
    assert!(!Create::new("x").unwrap().collects(&exists));
    assert!(!Delete::new("x").unwrap().collects(&exists));
    exchange(&Delete::new("blurdybloop").unwrap(), ok).unwrap();
    exchange(&Rename::new("blurdybloop", "sarasoop").unwrap(), ok).unwrap();
    exchange(&Subscribe::new("#news.comp.mail.mime").unwrap(), ok).unwrap();
    exchange(&Unsubscribe::new("#news.comp.mail.mime").unwrap(), ok).unwrap();
    assert!(!Rename::new("a", "b").unwrap().collects(&exists));
    assert!(!Subscribe::new("a").unwrap().collects(&exists));
    assert!(!Unsubscribe::new("a").unwrap().collects(&exists));
}

// ---- LIST, LSUB ----

#[test]
fn c27_list_rfc5258_children_example() {
    let server =
        b"* LIST (\\Marked \\NoInferiors) \"/\" \"inbox\"\r\n* LIST (\\HasChildren) \"/\" \"Fruit\"\r\n\
* LIST (\\HasNoChildren) \"/\" \"Tofu\"\r\nA03 OK done\r\n";
    let items = exchange(&List::default().returning(ListReturn::Children), server).unwrap();
    assert_eq!(items.len(), 3);
    assert!(items[0].mailbox.is_inbox());
    assert_eq!(items[0].attributes, [MailboxAttr::Marked, MailboxAttr::NoInferiors]);
    assert_eq!(items[1].mailbox.name(), "Fruit");
    assert!(items[1].has(&MailboxAttr::HasChildren));
    assert_eq!(items[2].delimiter, Some('/'));
    assert!(items.iter().all(|i| i.status.is_none()));
}

#[test]
fn list_status_pairs_each_status_with_its_mailbox() {
    let server = b"* LIST (\\HasNoChildren) \"/\" INBOX\r\n* STATUS INBOX (MESSAGES 2 UNSEEN 1)\r\n\
* LIST (\\HasNoChildren \\Drafts) \"/\" Drafts\r\n* STATUS Drafts (MESSAGES 0 UNSEEN 0)\r\n\
* LIST (\\NoSelect) \".\" bar\r\nA3 OK List completed (0.001 + 0.000 secs).\r\n";
    let cmd = List::default().returning(ListReturn::Status(vec![StatusAttr::Messages, StatusAttr::Unseen]));
    let items = exchange(&cmd, server).unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(items[0].status, Some(vec![StatusItem::Messages(2), StatusItem::Unseen(1)]));
    assert!(items[1].has(&MailboxAttr::Drafts));
    assert_eq!(items[1].status, Some(vec![StatusItem::Messages(0), StatusItem::Unseen(0)]));
    assert_eq!(items[2].status, None, "\\NoSelect has no STATUS");
}

#[test]
fn list_status_before_its_list_still_pairs() {
    let server = b"* STATUS foo (MESSAGES 30)\r\n* LIST () \".\" foo\r\nA1 OK done\r\n";
    let items = exchange(&List::default(), server).unwrap();
    assert_eq!(items[0].status, Some(vec![StatusItem::Messages(30)]));
}

#[test]
fn list_status_without_its_list_is_reported() {
    let server = b"* LIST () \".\" foo\r\n* STATUS bar (MESSAGES 1)\r\nA1 OK done\r\n";
    let reason = decode_reason(exchange(&List::default(), server).unwrap_err(), "LIST");
    assert!(reason.contains("bar") && reason.starts_with("1 entries"), "{reason}");
}

#[test]
fn c26_list_decodes_utf7_literal_and_nil_delimiter() {
    let server = b"* LIST () \"/\" &BB4EQgQ,BEAEMAQyBDsENQQ9BD0ESwQ1-\r\n* LIST () NIL {4}\r\nR&-D\r\n\
* LIST (\\Subscribed) \"/\" foo (\"CHILDINFO\" (\"SUBSCRIBED\"))\r\nA1 OK done\r\n";
    let items = exchange(&List::default(), server).unwrap();
    assert_eq!(items[0].mailbox.name(), "Отправленные");
    assert_eq!(items[0].mailbox.wire(), b"&BB4EQgQ,BEAEMAQyBDsENQQ9BD0ESwQ1-");
    assert_eq!(items[1].delimiter, None);
    assert_eq!(items[1].mailbox.name(), "R&D");
    assert_eq!(items[2].extended.len(), 1);
    assert!(matches!(&items[2].extended[0], ListExtItem::ChildInfo(v) if v.len() == 1));
}

#[test]
fn list_collects_list_and_status_only() {
    let cmd = List::default();
    assert!(cmd.collects(&one(b"* LIST () \"/\" a\r\n")));
    assert!(cmd.collects(&one(b"* STATUS a (MESSAGES 1)\r\n")));
    assert!(!cmd.collects(&one(b"* LSUB () \"/\" a\r\n")));
    assert!(!cmd.collects(&one(b"* 3 EXISTS\r\n")));
}

#[test]
fn c27_lsub_rfc3501_example_and_imaplib_v8() {
    let server = b"* LSUB () \".\" #news.comp.mail.mime\r\n* LSUB () \".\" #news.comp.mail.misc\r\n\
* LSUB () \".\" directoryA\r\nA002 OK LSUB completed\r\n";
    let cmd = Lsub::new("#news.", "comp.mail.*").unwrap();
    let items = exchange(&cmd, server).unwrap();
    let names: Vec<_> = items.iter().map(|i| i.mailbox.name().into_owned()).collect();
    assert_eq!(names, ["#news.comp.mail.mime", "#news.comp.mail.misc", "directoryA"]);
    assert_eq!(items[0].delimiter, Some('.'));
    assert!(!cmd.collects(&one(b"* LIST () \"/\" a\r\n")));
}

// ---- STATUS ----

#[test]
fn status_rfc3501_example() {
    let cmd = StatusCommand::new("blurdybloop", [StatusAttr::UidNext, StatusAttr::Messages]).unwrap();
    let server = b"* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)\r\nA042 OK STATUS completed\r\n";
    let s = exchange(&cmd, server).unwrap();
    assert_eq!(s.mailbox, mailbox("blurdybloop"));
    assert_eq!(s.items, [StatusItem::Messages(231), StatusItem::UidNext(44292)]);
}

#[test]
fn status_picks_its_mailbox_and_reports_others() {
    let cmd = StatusCommand::new("Sent Items", [StatusAttr::Messages]).unwrap();
    let lone = exchange(&cmd, b"* STATUS \"sent items\" (MESSAGES 4)\r\nA1 OK done\r\n").unwrap();
    assert_eq!(lone.items, [StatusItem::Messages(4)], "a lone STATUS is the answer");
    let two = b"* STATUS INBOX (MESSAGES 1)\r\n* STATUS \"Sent Items\" (MESSAGES 2)\r\nA1 OK done\r\n";
    let reason = decode_reason(exchange(&cmd, two).unwrap_err(), "STATUS");
    assert!(reason.contains("another mailbox") && reason.contains("INBOX"), "{reason}");
    let none = decode_reason(exchange(&cmd, b"A1 OK done\r\n").unwrap_err(), "STATUS");
    assert!(none.contains("no STATUS"));
}

#[test]
fn status_items_not_asked_for_and_unknown_are_kept() {
    let cmd = StatusCommand::new("INBOX", [StatusAttr::Messages]).unwrap();
    let s = exchange(&cmd, b"* STATUS INBOX (MESSAGES 17 UNSEEN 3 XFOO 9)\r\nA1 OK done\r\n").unwrap();
    assert_eq!(s.items.len(), 3);
    assert_eq!(s.items[1], StatusItem::Unseen(3));
    assert!(matches!(&s.items[2], StatusItem::Other { .. }));
    assert!(!cmd.collects(&one(b"* 3 EXISTS\r\n")));
}

// ---- APPEND ----

#[test]
fn append_appenduid_rfc4315() {
    let cmd = Append::new("saved-messages", b"x\r\n".to_vec()).unwrap();
    let uid = exchange(&cmd, b"A003 OK [APPENDUID 38505 3955] APPEND completed\r\n").unwrap().unwrap();
    assert_eq!(uid.uid_validity, 38505);
    assert_eq!(uid.uids, SequenceSet::single(3955).unwrap());
    assert_eq!(exchange(&cmd, b"A003 OK APPEND completed\r\n").unwrap(), None);
    assert!(!cmd.collects(&one(b"* 3 EXISTS\r\n")), "EXISTS during APPEND is an event");
}

#[test]
fn append_multiappend_uid_set() {
    let cmd = Append::inbox(b"a".to_vec()).unwrap();
    let uid = exchange(&cmd, b"A1 OK [APPENDUID 1764330000 3:4] Append completed\r\n").unwrap().unwrap();
    assert_eq!(uid.uids, "3:4".parse::<SequenceSet>().unwrap());
}

// ---- NAMESPACE, ENABLE, ID ----

#[test]
fn namespace_rfc2342_examples() {
    let ns = exchange(
        &Namespace,
        b"* NAMESPACE ((\"\" \"/\")) NIL ((\"Public Folders/\" \"/\"))\r\nA001 OK done\r\n",
    )
    .unwrap();
    assert_eq!(ns.personal.len(), 1);
    assert_eq!(ns.personal[0].prefix.as_bytes(), b"");
    assert_eq!(ns.personal[0].delimiter, Some('/'));
    assert!(ns.other_users.is_empty());
    assert_eq!(ns.shared[0].prefix.as_bytes(), b"Public Folders/");
    let reason = decode_reason(exchange(&Namespace, b"A001 OK done\r\n").unwrap_err(), "NAMESPACE");
    assert!(reason.contains("no NAMESPACE"));
    assert!(!Namespace.collects(&one(b"* 3 EXISTS\r\n")));
}

#[test]
fn enable_returns_what_the_server_enabled() {
    let cmd = Enable::new(["QRESYNC"]).unwrap();
    let enabled = exchange(&cmd, b"* ENABLED CONDSTORE QRESYNC\r\nA1 OK Enabled\r\n").unwrap();
    let names: Vec<_> = enabled.iter().map(|c| c.as_str().to_owned()).collect();
    assert_eq!(names, ["CONDSTORE", "QRESYNC"]);
    assert!(cmd.collects(&one(b"* ENABLED X\r\n")));
    assert!(!cmd.collects(&one(b"* CAPABILITY IMAP4rev1\r\n")));
}

#[test]
fn c41_enable_utf8_accept_without_enabled_line() {
    let cmd = Enable::new(["UTF8=ACCEPT"]).unwrap();
    assert!(exchange(&cmd, b"A1 OK ENABLE successful\r\n").unwrap().is_empty());
}

#[test]
fn id_server_fields_and_nil() {
    let cmd = Id::new([("name", Some("typed-imap"))]).unwrap();
    let server = b"* ID (\"name\" \"Dovecot\" \"version\" NIL)\r\nA1 OK ID completed.\r\n";
    let fields = exchange(&cmd, server).unwrap().unwrap();
    assert_eq!(fields.len(), 2);
    assert_eq!(fields[0].key.as_bytes(), b"name");
    assert_eq!(fields[0].value.as_deref(), Some(&b"Dovecot"[..]));
    assert_eq!(fields[1].value, None);
    assert_eq!(exchange(&cmd, b"* ID NIL\r\nA1 OK done\r\n").unwrap(), None);
    // Cyrus answers a second ID with a bare tagged OK (found by the live suite).
    assert_eq!(exchange(&cmd, b"A1 OK NIL\r\n").unwrap(), None);
}

#[test]
fn tagged_codes_are_not_mistaken_for_data() {
    // A Code type check: the parser gives the APPENDUID code the decoders read.
    let Response::Status(done) = one(b"A1 OK [APPENDUID 1 2] x\r\n") else { panic!() };
    assert!(matches!(done.code, Some(Code::AppendUid { uid_validity: 1, .. })));
    assert!(matches!(one(b"* 2 EXISTS\r\n"), Response::Data(Data::Exists(2))));
}
