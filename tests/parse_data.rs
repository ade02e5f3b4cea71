//! Untagged data of the response grammar (RFC 3501 / RFC 9051 section 9
//! and the extension RFCs) on realistic server lines, Dovecot and Cyrus
//! style. Tests named `cNN_...` cover item NN of conformance section F.

mod parse_support;

use std::borrow::Cow;

use parse_support::{bs, data, set};
use typed_imap::types::*;
use typed_imap::wire::{ParseError, parse_response};

#[test]
fn c63_numeric_responses() {
    assert_eq!(data(b"* 3 EXISTS\r\n"), Data::Exists(3));
    assert_eq!(data(b"* 0 RECENT\r\n"), Data::Recent(0));
    assert_eq!(data(b"* 3 EXPUNGE\r\n"), Data::Expunge(3));
}

#[test]
fn c64_flags() {
    assert_eq!(data(b"* FLAGS (\\Seen \\Deleted)\r\n"), Data::Flags(vec![Flag::Seen, Flag::Deleted]));
}

#[test]
fn capability_and_enabled() {
    let Data::Capability(caps) = data(b"* CAPABILITY IMAP4rev1 STARTTLS AUTH=GSSAPI LOGINDISABLED\r\n")
    else {
        panic!()
    };
    assert_eq!(
        caps.iter().map(Capability::as_str).collect::<Vec<_>>(),
        ["IMAP4rev1", "STARTTLS", "AUTH=GSSAPI", "LOGINDISABLED"]
    );
    let Data::Enabled(caps) = data(b"* ENABLED CONDSTORE QRESYNC\r\n") else { panic!() };
    assert_eq!(caps.len(), 2);
    assert!(caps[1].is("qresync"));
    assert_eq!(data(b"* ENABLED\r\n"), Data::Enabled(vec![]));
}

fn list(bytes: &[u8]) -> ListData<'_> {
    match data(bytes) {
        Data::List(l) | Data::Lsub(l) => l,
        other => panic!("{other:?}"),
    }
}

#[test]
fn list_dovecot_utf7_name() {
    let l = list(b"* LIST (\\HasNoChildren) \"/\" \"Entw&APw-rfe\"\r\n");
    assert_eq!(l.attributes, [MailboxAttr::HasNoChildren]);
    assert_eq!(l.delimiter, Some('/'));
    assert_eq!(l.mailbox.wire(), b"Entw&APw-rfe");
    assert!(l.extended.is_empty());
}

#[test]
fn list_cyrus_atom_name_and_special_use() {
    let l = list(b"* LIST (\\HasNoChildren) \".\" INBOX.Drafts\r\n");
    assert_eq!((l.delimiter, l.mailbox.wire()), (Some('.'), &b"INBOX.Drafts"[..]));
    let l = list(b"* LIST (\\Sent \\HasNoChildren \\Noselect \\NonExistent \\Subscribed \\Remote \\Junk \\XCustom) \"/\" Sent\r\n");
    assert_eq!(
        l.attributes,
        [
            MailboxAttr::Sent,
            MailboxAttr::HasNoChildren,
            MailboxAttr::NoSelect,
            MailboxAttr::NonExistent,
            MailboxAttr::Subscribed,
            MailboxAttr::Remote,
            MailboxAttr::Junk,
            MailboxAttr::Other(Atom::new("XCustom").unwrap()),
        ]
    );
}

#[test]
fn list_nil_delimiter_and_lsub() {
    let l = list(b"* LIST (\\Noselect) NIL \"\"\r\n");
    assert_eq!((l.delimiter, l.mailbox.wire()), (None, &b""[..]));
    assert!(
        matches!(data(b"* LSUB () \".\" directoryA\r\n"), Data::Lsub(l) if l.mailbox.wire() == b"directoryA")
    );
}

#[test]
fn c70_list_literal_name() {
    let l = list(b"* LIST () \"/\" {4}\r\nx\"yz\r\n");
    assert_eq!(l.mailbox.wire(), b"x\"yz");
}

#[test]
fn list_extended_childinfo_oldname_and_unknown() {
    let l = list(b"* LIST (\\NonExistent) \"/\" Foo (\"CHILDINFO\" (\"SUBSCRIBED\"))\r\n");
    assert_eq!(l.extended, [ListExtItem::ChildInfo(vec![bs("SUBSCRIBED")])]);
    let l = list(b"* LIST () \"/\" NewName (\"OLDNAME\" (\"OldName\"))\r\n");
    assert!(matches!(&l.extended[..], [ListExtItem::OldName(m)] if m.wire() == b"OldName"));
    let l = list(b"* LIST () \"/\" X (\"X-ITEM\" (1 (\"a\" b) NIL) \"MYID\" 3:*)\r\n");
    assert_eq!(
        l.extended,
        [
            ListExtItem::Other {
                tag: bs("X-ITEM"),
                value: ExtValue::List(vec![
                    ExtValue::Atom(bs("1")),
                    ExtValue::List(vec![ExtValue::String(bs("a")), ExtValue::Atom(bs("b"))]),
                    ExtValue::Nil,
                ])
            },
            ListExtItem::Other { tag: bs("MYID"), value: ExtValue::Atom(bs("3:*")) },
        ]
    );
}

#[test]
fn status_every_attribute() {
    let Data::Status(s) = data(
        b"* STATUS \"INBOX\" (MESSAGES 231 UIDNEXT 44292 UIDVALIDITY 1 UNSEEN 3 RECENT 0 DELETED 2 SIZE 8589934592 \
HIGHESTMODSEQ 90060115205545359 MAILBOXID (F2212ea87) APPENDLIMIT NIL DELETED-STORAGE 17 X-FOO 5)\r\n",
    ) else {
        panic!()
    };
    assert_eq!(s.mailbox.wire(), b"INBOX");
    assert_eq!(
        s.items,
        [
            StatusItem::Messages(231),
            StatusItem::UidNext(44292),
            StatusItem::UidValidity(1),
            StatusItem::Unseen(3),
            StatusItem::Recent(0),
            StatusItem::Deleted(2),
            StatusItem::Size(8589934592),
            StatusItem::HighestModSeq(90060115205545359),
            StatusItem::MailboxId(bs("F2212ea87")),
            StatusItem::AppendLimit(None),
            StatusItem::DeletedStorage(17),
            StatusItem::Other { name: bs("X-FOO"), value: ExtValue::Atom(bs("5")) },
        ]
    );
    let Data::Status(s) = data(b"* STATUS blurdybloop (MESSAGES 17 UNSEEN 3 APPENDLIMIT 1024)\r\n") else {
        panic!()
    };
    assert_eq!(s.items[2], StatusItem::AppendLimit(Some(1024)));
}

#[test]
fn c80_c81_search_and_sort() {
    assert_eq!(
        data(b"* SEARCH 2 84 882\r\n"),
        Data::Search(SearchResult { numbers: vec![2, 84, 882], modseq: None })
    );
    assert_eq!(data(b"* SEARCH\r\n"), Data::Search(SearchResult::default()));
    assert_eq!(
        data(b"* SEARCH 2 5 6 (MODSEQ 917162500)\r\n"),
        Data::Search(SearchResult { numbers: vec![2, 5, 6], modseq: Some(917162500) })
    );
    assert_eq!(data(b"* SORT 5 3 4\r\n"), Data::Sort(SearchResult { numbers: vec![5, 3, 4], modseq: None }));
    assert_eq!(
        data(b"* SORT 5 (MODSEQ 7)\r\n"),
        Data::Sort(SearchResult { numbers: vec![5], modseq: Some(7) })
    );
}

#[test]
fn esearch_items() {
    let Data::Esearch(e) =
        data(b"* ESEARCH (TAG \"A285\") UID MIN 7 MAX 3800 COUNT 15 ALL 7,9:11 MODSEQ 4\r\n")
    else {
        panic!()
    };
    assert_eq!((e.tag, e.uid), (Some(bs("A285")), true));
    assert_eq!(
        e.items,
        [
            EsearchItem::Min(7),
            EsearchItem::Max(3800),
            EsearchItem::Count(15),
            EsearchItem::All(set(&[(7, 7), (9, 11)])),
            EsearchItem::ModSeq(4)
        ]
    );
    let Data::Esearch(e) = data(b"* ESEARCH (TAG \"A1\")\r\n") else { panic!() };
    assert_eq!((e.uid, e.items.len()), (false, 0));
    let Data::Esearch(e) = data(b"* ESEARCH\r\n") else { panic!() };
    assert_eq!(e.tag, None);
}

#[test]
fn esearch_partial_multisearch_and_unknown() {
    let Data::Esearch(e) = data(
        b"* ESEARCH (TAG \"a\") UID PARTIAL (-1:-100 200:250,252:300) PARTIAL (1:5 NIL) X-NEW (1 2)\r\n",
    ) else {
        panic!()
    };
    assert_eq!(
        e.items[0],
        EsearchItem::Partial { first: -1, last: -100, set: Some(set(&[(200, 250), (252, 300)])) }
    );
    assert_eq!(e.items[1], EsearchItem::Partial { first: 1, last: 5, set: None });
    assert_eq!(
        e.items[2],
        EsearchItem::Other {
            name: bs("X-NEW"),
            value: ExtValue::List(vec![ExtValue::Atom(bs("1")), ExtValue::Atom(bs("2"))])
        }
    );
    let Data::Esearch(e) =
        data(b"* ESEARCH (TAG \"B1\" MAILBOX \"folder1\" UIDVALIDITY 1) UID ALL 3001:3004\r\n")
    else {
        panic!()
    };
    assert_eq!((e.mailbox.map(|m| m.wire().to_vec()), e.uid_validity), (Some(b"folder1".to_vec()), Some(1)));
}

fn t(messages: &[u32], children: Vec<Thread>) -> Thread {
    Thread { messages: messages.to_vec(), children }
}

#[test]
fn c81_thread_tree() {
    let Data::Thread(threads) = data(b"* THREAD (2)(3 6 (4 23)(44 7 96))\r\n") else { panic!() };
    assert_eq!(threads, [t(&[2], vec![]), t(&[3, 6], vec![t(&[4, 23], vec![]), t(&[44, 7, 96], vec![])])]);
    let Data::Thread(threads) = data(b"* THREAD ((3)(5))\r\n") else { panic!() };
    assert_eq!(threads, [t(&[], vec![t(&[3], vec![]), t(&[5], vec![])])]);
    assert_eq!(data(b"* THREAD\r\n"), Data::Thread(vec![]));
}

#[test]
fn thread_depth_is_bounded() {
    let deep = format!("* THREAD {}1{}\r\n", "(".repeat(100), ")".repeat(100));
    let Err(ParseError::Malformed(m)) = parse_response(deep.as_bytes()) else { panic!("deep THREAD parsed") };
    assert_eq!(m.response_len(), deep.len());
    let ok = format!("* THREAD {}1{}\r\n", "(".repeat(30), ")".repeat(30));
    assert!(matches!(data(ok.as_bytes()), Data::Thread(t) if t.len() == 1));
}

#[test]
fn vanished() {
    assert_eq!(
        data(b"* VANISHED (EARLIER) 41,43:116\r\n"),
        Data::Vanished { earlier: true, uids: set(&[(41, 41), (43, 116)]) }
    );
    assert_eq!(data(b"* VANISHED 405\r\n"), Data::Vanished { earlier: false, uids: set(&[(405, 405)]) });
}

#[test]
fn namespace_dovecot_and_extensions() {
    let Data::Namespace(n) = data(b"* NAMESPACE ((\"\" \"/\")) ((\"~\" \"/\")) ((\"#shared/\" \"/\" \"X-PARAM\" (\"a\" \"b\"))(\"#public/\" NIL))\r\n") else { panic!() };
    assert_eq!(
        (n.personal.len(), n.personal[0].prefix.as_bytes(), n.personal[0].delimiter),
        (1, &b""[..], Some('/'))
    );
    assert_eq!(n.other_users[0].prefix, bs("~"));
    assert_eq!(n.shared[0].extensions, [(bs("X-PARAM"), vec![bs("a"), bs("b")])]);
    assert_eq!((n.shared[1].prefix.as_bytes(), n.shared[1].delimiter), (&b"#public/"[..], None));
    let Data::Namespace(n) = data(b"* NAMESPACE ((\"INBOX.\" \".\")) NIL NIL\r\n") else { panic!() };
    assert_eq!(
        (n.personal[0].prefix.as_bytes(), n.other_users.len(), n.shared.len()),
        (&b"INBOX."[..], 0, 0)
    );
}

#[test]
fn acl_listrights_myrights() {
    let Data::Acl(a) = data(b"* ACL INBOX Fred rwipslxetad \"anyone\" lr\r\n") else { panic!() };
    assert_eq!(a.mailbox.wire(), b"INBOX");
    assert_eq!(
        a.entries,
        [
            AclEntry { identifier: bs("Fred"), rights: bs("rwipslxetad") },
            AclEntry { identifier: bs("anyone"), rights: bs("lr") }
        ]
    );
    let Data::ListRights(l) = data(b"* LISTRIGHTS ~/Mail/saved smith la r swicdkxte\r\n") else { panic!() };
    assert_eq!(
        (l.identifier, l.required, l.optional),
        (bs("smith"), bs("la"), vec![bs("r"), bs("swicdkxte")])
    );
    let Data::MyRights(m) = data(b"* MYRIGHTS INBOX rwiptsldaex\r\n") else { panic!() };
    assert_eq!((m.mailbox.wire(), m.rights), (&b"INBOX"[..], bs("rwiptsldaex")));
}

#[test]
fn c81_quota_and_quotaroot() {
    let Data::QuotaRoot(q) = data(b"* QUOTAROOT INBOX \"\"\r\n") else { panic!() };
    assert_eq!((q.mailbox.wire(), q.roots), (&b"INBOX"[..], vec![bs("")]));
    let Data::Quota(q) = data(b"* QUOTA \"\" (STORAGE 10 512)\r\n") else { panic!() };
    assert_eq!(
        (q.root, q.resources),
        (bs(""), vec![QuotaResource { name: bs("STORAGE"), usage: 10, limit: 512 }])
    );
    let Data::Quota(q) = data(b"* QUOTA \"User quota\" (STORAGE 5368709120 10737418240 MESSAGE 3 100)\r\n")
    else {
        panic!()
    };
    assert_eq!((q.resources[0].usage, q.resources[1].name.as_bytes()), (5368709120, &b"MESSAGE"[..]));
}

#[test]
fn metadata_values_with_literal_as_dovecot_sends() {
    let line = b"* METADATA \"INBOX\" (/private/comment {12}\r\nhello\r\nthere /shared/x NIL)\r\n";
    let Data::Metadata(m) = data(line) else { panic!() };
    assert_eq!(m.mailbox.wire(), b"INBOX");
    let MetadataEntries::Values(v) = &m.entries else { panic!() };
    assert_eq!(v[0], (bs("/private/comment"), Some(bs("hello\r\nthere"))));
    assert_eq!(v[1], (bs("/shared/x"), None));
    // The literal is a slice of the input, not a copy.
    let MetadataEntries::Values(v) = m.entries else { panic!() };
    assert!(matches!(v[0].1.clone().unwrap().into_inner(), Cow::Borrowed(_)));
}

#[test]
fn metadata_entry_list_and_server_entries() {
    let Data::Metadata(m) = data(b"* METADATA INBOX /shared/comment /private/comment\r\n") else { panic!() };
    assert_eq!(m.entries, MetadataEntries::Names(vec![bs("/shared/comment"), bs("/private/comment")]));
    let Data::Metadata(m) = data(b"* METADATA \"\" (/shared/comment \"Shared comment\")\r\n") else {
        panic!()
    };
    assert_eq!(m.mailbox.wire(), b"");
}

#[test]
fn annotation_cyrus_style() {
    let Data::Annotation(a) =
        data(b"* ANNOTATION INBOX \"/comment\" (\"value.priv\" \"My comment\" \"value.shared\" NIL)\r\n")
    else {
        panic!()
    };
    assert_eq!(a.entries[0].entry, bs("/comment"));
    assert_eq!(
        a.entries[0].attributes,
        [(bs("value.priv"), Some(bs("My comment"))), (bs("value.shared"), None)]
    );
    let Data::Annotation(a) = data(b"* ANNOTATION INBOX \"/comment\" \"/vendor/x\"\r\n") else { panic!() };
    assert_eq!(a.entries.len(), 2);
}

#[test]
fn id_response() {
    let Data::Id(Some(p)) = data(b"* ID (\"name\" \"Dovecot\" \"version\" NIL)\r\n") else { panic!() };
    assert_eq!(
        p,
        [
            IdParam { key: bs("name"), value: Some(bs("Dovecot")) },
            IdParam { key: bs("version"), value: None }
        ]
    );
    assert_eq!(data(b"* ID NIL\r\n"), Data::Id(None));
}

#[test]
fn c77_unknown_untagged_kept_raw() {
    assert_eq!(
        data(b"* XYZZY foo (bar) baz\r\n"),
        Data::Other { number: None, name: bs("XYZZY"), rest: bs("foo (bar) baz") }
    );
    assert_eq!(data(b"* 5 XCOUNT 7\r\n"), Data::Other { number: Some(5), name: bs("XCOUNT"), rest: bs("7") });
    assert_eq!(data(b"* NOOP\r\n"), Data::Other { number: None, name: bs("NOOP"), rest: bs("") });
    let d = data(b"* XLIT {3}\r\nabc\r\n");
    assert_eq!(d, Data::Other { number: None, name: bs("XLIT"), rest: bs("{3}\r\nabc") });
}

#[test]
fn fetch_dispatch_kept() {
    assert_eq!(data(b"* 12 FETCH (UID 7)\r\n"), Data::Fetch { seq: 12, items: vec![FetchItem::Uid(7)] });
}

#[test]
fn c69_zero_length_literal_mailbox() {
    let l = list(b"* LIST () \"/\" {0}\r\n\r\n");
    assert_eq!(l.mailbox.wire(), b"");
}
