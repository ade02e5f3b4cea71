//! Where real servers bend the response grammar, and the parser bends
//! with them. Each test is one named quirk of spec/quirks.md; the name
//! says the server behaviour. Tests named `cNN_...` cover item NN of
//! conformance section F.

mod parse_support;

use parse_support::{bs, data, status};
use typed_imap::types::*;

fn list(bytes: &[u8]) -> ListData<'_> {
    match data(bytes) {
        Data::List(l) => l,
        other => panic!("{other:?}"),
    }
}

#[test]
fn trailing_space_before_crlf() {
    // imap-codec's quirk_trailing_space_capability: some servers end
    // CAPABILITY (and SEARCH) lines with a space.
    let Data::Capability(caps) = data(b"* CAPABILITY IMAP4rev1 IDLE \r\n") else { panic!() };
    assert_eq!(caps.len(), 2);
    assert_eq!(data(b"* SEARCH 1 2 \r\n"), Data::Search(SearchResult { numbers: vec![1, 2], modseq: None }));
    assert_eq!(data(b"* SEARCH \r\n"), Data::Search(SearchResult::default()));
    assert_eq!(status(b"a1 OK done  \r\n").text, bs("done"));
}

#[test]
fn c76_lowercase_keywords() {
    let s = status(b"* ok still here\r\n");
    assert_eq!((s.kind, s.text), (StatusKind::Ok, bs("still here")));
    assert_eq!(data(b"* 1 exists\r\n"), Data::Exists(1));
    assert_eq!(data(b"* 4 expunge\r\n"), Data::Expunge(4));
    let s = status(b"a1 ok [read-write] done\r\n");
    assert_eq!(s.code, Some(Code::ReadWrite));
    assert_eq!(
        list(b"* list (\\noselect \\hasnochildren) \"/\" foo\r\n").attributes,
        [MailboxAttr::NoSelect, MailboxAttr::HasNoChildren]
    );
    assert_eq!(
        data(b"* vanished (earlier) 3\r\n"),
        Data::Vanished {
            earlier: true,
            uids: SequenceSet::from_ranges([SeqRange::single(SeqNumber::Value(3.try_into().unwrap()))])
                .unwrap()
        }
    );
}

#[test]
fn c67_bracket_inside_flags() {
    // bpo-21815: imaplib's test server stores the keyword `[test]`.
    let Data::Flags(f) = data(b"* FLAGS (\\Answered \\[test])\r\n") else { panic!() };
    assert_eq!(f[1].to_string(), "\\[test]");
    let Data::Fetch { items, .. } =
        data(b"* 1 FETCH (FLAGS (Answered \\Flagged \\Deleted \\Seen \\Draft \\[test]))\r\n")
    else {
        panic!()
    };
    let [FetchItem::Flags(f)] = &items[..] else { panic!("{items:?}") };
    assert_eq!(f.len(), 6);
    let s = status(b"* OK [PERMANENTFLAGS (\\Deleted \\[test] \\*)] Flags permitted.\r\n");
    let Some(Code::PermanentFlags(f)) = s.code else { panic!("{:?}", s.code) };
    assert_eq!((f.len(), &f[2]), (3, &Flag::Wildcard));
    assert_eq!(s.text, bs("Flags permitted."));
}

#[test]
fn permanentflags_without_open_paren_v10() {
    // imaplib's test_bracket_flags builds the code without its `(`; read
    // leniently, the flags are all kept.
    let s = status(b"* OK [PERMANENTFLAGS Answered \\Flagged \\Deleted \\Seen \\Draft \\[test] \\*)] Flags permitted.\r\n");
    let Some(Code::PermanentFlags(f)) = s.code else { panic!("{:?}", s.code) };
    assert_eq!(f.len(), 7);
    assert_eq!(f[0], Flag::Keyword(Atom::new("Answered").unwrap()));
    assert_eq!(f[6], Flag::Wildcard);
    assert_eq!(s.text, bs("Flags permitted."));
}

#[test]
fn wildcard_in_fetch_flags() {
    // Some servers echo `\*` in FETCH FLAGS (it belongs in PERMANENTFLAGS).
    let Data::Fetch { items, .. } = data(b"* 2 FETCH (FLAGS (\\Seen \\*))\r\n") else { panic!() };
    assert_eq!(items, [FetchItem::Flags(vec![Flag::Seen, Flag::Wildcard])]);
}

#[test]
fn nil_mailbox_is_the_mailbox_named_nil() {
    // `NIL` where a mailbox is expected is the astring atom NIL.
    assert_eq!(list(b"* LIST (\\Noselect) \"/\" NIL\r\n").mailbox.wire(), b"NIL");
}

#[test]
fn nil_namespace_prefix_is_empty() {
    let Data::Namespace(n) = data(b"* NAMESPACE ((NIL \"/\")) NIL NIL\r\n") else { panic!() };
    assert_eq!((n.personal[0].prefix.as_bytes(), n.personal[0].delimiter), (&b""[..], Some('/')));
}

#[test]
fn empty_lists() {
    assert!(list(b"* LIST () \"/\" x\r\n").attributes.is_empty());
    assert_eq!(data(b"* FLAGS ()\r\n"), Data::Flags(vec![]));
    assert!(matches!(data(b"* QUOTA \"\" ()\r\n"), Data::Quota(q) if q.resources.is_empty()));
    assert!(matches!(data(b"* STATUS x ()\r\n"), Data::Status(s) if s.items.is_empty()));
    assert_eq!(data(b"* ID ()\r\n"), Data::Id(Some(vec![])));
    assert!(matches!(data(b"* LIST () \"/\" x ()\r\n"), Data::List(l) if l.extended.is_empty()));
}

#[test]
fn spaces_inside_parens() {
    let l = list(b"* LIST ( \\Marked ) \"/\" x\r\n");
    assert_eq!(l.attributes, [MailboxAttr::Marked]);
    let Data::Id(Some(p)) = data(b"* ID ( \"name\" \"x\" )\r\n") else { panic!() };
    assert_eq!(p[0].key, bs("name"));
}

#[test]
fn eight_bit_bytes_in_quoted_strings() {
    // Servers send UTF-8 names before UTF8=ACCEPT, and in status text.
    let l = list("* LIST () \"/\" \"Grüße\"\r\n".as_bytes());
    assert_eq!(l.mailbox.wire(), "Grüße".as_bytes());
    assert_eq!(status("* OK Привет\r\n".as_bytes()).text.to_str(), Some("Привет"));
}

#[test]
fn status_response_with_no_text() {
    assert_eq!(status(b"* OK\r\n").text, bs(""));
    let s = status(b"a1 OK [READ-WRITE]\r\n");
    assert_eq!((s.code, s.text), (Some(Code::ReadWrite), bs("")));
    assert_eq!(status(b"* BYE\r\n").kind, StatusKind::Bye);
    assert_eq!(status(b"a2 NO \r\n").text, bs(""));
}

#[test]
fn doubled_spaces() {
    assert_eq!(data(b"*  3  EXISTS\r\n"), Data::Exists(3));
    let l = list(b"* LIST  (\\Noselect)  \"/\"  foo\r\n");
    assert_eq!(l.mailbox.wire(), b"foo");
    assert_eq!(status(b"a1  OK  done\r\n").text, bs("done"));
}

#[test]
fn c71_brace_in_text_is_not_a_literal() {
    let s = status(b"* OK hello {3}\r\n");
    assert_eq!(s.text, bs("hello {3}"));
    assert_eq!(list(b"* LIST () \"/\" \"bar{2}\"\r\n").mailbox.wire(), b"bar{2}");
}

#[test]
fn no_space_after_code() {
    let s = status(b"* OK [ALERT]Mailbox almost full\r\n");
    assert_eq!((s.code, s.text), (Some(Code::Alert), bs("Mailbox almost full")));
}

#[test]
fn empty_delimiter_is_nil() {
    assert_eq!(list(b"* LIST () \"\" foo\r\n").delimiter, None);
}

#[test]
fn spaces_between_threads_and_namespaces() {
    let Data::Thread(t) = data(b"* THREAD (1) (2 3)\r\n") else { panic!() };
    assert_eq!(t.len(), 2);
    let Data::Namespace(n) = data(b"* NAMESPACE ((\"\" \"/\") (\"Other/\" \"/\")) NIL NIL\r\n") else {
        panic!()
    };
    assert_eq!(n.personal.len(), 2);
}

#[test]
fn malformed_code_is_other() {
    // A server that puts a word where a number belongs still gets its
    // response through; the code is kept raw.
    let s = status(b"* OK [UIDNEXT soon] Predicted next UID\r\n");
    assert_eq!(s.code, Some(Code::Other { name: bs("UIDNEXT"), data: Some(bs("soon")) }));
    assert_eq!(s.text, bs("Predicted next UID"));
}

#[test]
fn zero_in_unseen_code() {
    // Grammar says nz-number; servers with no unseen message send 0.
    assert_eq!(status(b"* OK [UNSEEN 0] none\r\n").code, Some(Code::Unseen(0)));
}

#[test]
fn single_nested_thread() {
    // The grammar wants 2*thread-list after the members; one is accepted.
    let Data::Thread(t) = data(b"* THREAD (3 (4))\r\n") else { panic!() };
    assert_eq!(
        t,
        [Thread { messages: vec![3], children: vec![Thread { messages: vec![4], children: vec![] }] }]
    );
}
