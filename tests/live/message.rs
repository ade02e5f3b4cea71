//! Messages on both servers: APPEND with flags and a date, FETCH of
//! ENVELOPE, BODYSTRUCTURE, BODY[] and partial bodies compared with the
//! appended bytes, SEARCH (CHARSET UTF-8, ESEARCH), SORT, THREAD, STORE,
//! COPY, MOVE, EXPUNGE, UID EXPUNGE and PARTIAL.

use chrono::{DateTime, FixedOffset};
use typed_imap::Error;
use typed_imap::command::{
    Append, AppendMessage, Copy, Delete, Expunge, Fetch, Move, Partial, PartialItem, Search, SearchReturn,
    Select, Sort, SortKey, Store, Thread, ThreadAlgorithm, UidExpunge,
};
use typed_imap::session::blocking::Session;
use typed_imap::types::{
    AString, BodyStructure, FetchAttr, FetchItem, FetchItems, Flag, Partial as Range, SearchKey, Section,
    SequenceSet, SinglePartKind, Thread as ThreadTree,
};

use super::Server;

/// A two-part message with every envelope field the tests check.
pub const MESSAGE: &[u8] = b"Date: Tue, 03 Nov 2026 10:00:00 +0100\r\n\
From: Alice Example <alice@example.org>\r\n\
To: Bob <bob@example.org>\r\n\
Cc: carol@example.org\r\n\
Subject: live test message\r\n\
Message-ID: <live-1@example.org>\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=\"b1\"\r\n\
\r\n\
--b1\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
\r\n\
Hello from the live suite.\r\n\
--b1\r\n\
Content-Type: application/octet-stream; name=\"data.bin\"\r\n\
Content-Transfer-Encoding: base64\r\n\
\r\n\
AAECAwQF\r\n\
--b1--\r\n";

/// A one-part message with `subject`, `from` and `message_id`, and
/// optionally a reply to `in_reply_to`.
pub fn simple(subject: &str, from: &str, message_id: &str, in_reply_to: Option<&str>) -> Vec<u8> {
    let reply =
        in_reply_to.map(|id| format!("In-Reply-To: {id}\r\nReferences: {id}\r\n")).unwrap_or_default();
    format!(
        "From: {from}\r\nTo: alice@example.org\r\nSubject: {subject}\r\nMessage-ID: {message_id}\r\n{reply}\
         Content-Type: text/plain; charset=utf-8\r\n\r\nbody of {subject}\r\n"
    )
    .into_bytes()
}

fn date() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-03T10:00:00+01:00").unwrap()
}

/// Creates a fresh mailbox for `test` in `session` and returns its name.
pub fn fresh(server: &Server, session: &mut Session, test: &str) -> String {
    let name = server.mailbox(test);
    super::create(session, &name);
    name
}

/// Appends `message` to `mailbox` and returns its UID (APPENDUID).
pub fn append(session: &mut Session, mailbox: &str, message: &[u8]) -> u32 {
    let uid = session.run(Append::new(mailbox, message).unwrap()).expect("APPEND").expect("APPENDUID");
    uid.uids.numbers(u32::MAX).next().expect("one UID")
}

/// Deletes `mailbox`, after leaving it if selected.
pub fn cleanup(session: &mut Session, mailbox: &str) {
    session.run(Delete::new(mailbox).unwrap()).expect("DELETE");
}

fn set(n: u32) -> SequenceSet {
    SequenceSet::single(n).unwrap()
}

fn attrs(list: Vec<FetchAttr<'static>>) -> FetchItems<'static> {
    FetchItems::Attrs(list)
}

fn body_of(items: &[FetchItem<'static>], origin: Option<u32>) -> Vec<u8> {
    items
        .iter()
        .find_map(|i| match i {
            FetchItem::BodySection { section, origin: o, data } if section.text.is_none() && *o == origin => {
                Some(data.as_ref().expect("not NIL").as_bytes().to_vec())
            }
            _ => None,
        })
        .unwrap_or_else(|| panic!("no BODY[]<{origin:?}> in {items:?}"))
}

/// APPEND with flags and a date gives APPENDUID; FETCH of ENVELOPE,
/// BODYSTRUCTURE, INTERNALDATE, FLAGS, RFC822.SIZE and BODY[] returns
/// what was appended, byte for byte.
pub fn append_then_fetch(server: &Server) {
    let mut s = server.alice();
    let mb = fresh(server, &mut s, "append_then_fetch");
    let append =
        Append::new(&mb, MESSAGE).unwrap().flags([Flag::Seen, Flag::keyword("$Live").unwrap()]).unwrap();
    let uid = s.run(append.date(date())).unwrap().expect("APPENDUID");
    let selected = s.run(Select::new(&mb).unwrap()).unwrap();
    assert_eq!(selected.state.exists, 1);
    assert_eq!(Some(uid.uid_validity), selected.state.uid_validity);
    let items = attrs(vec![
        FetchAttr::Uid,
        FetchAttr::Flags,
        FetchAttr::InternalDate,
        FetchAttr::Rfc822Size,
        FetchAttr::Envelope,
        FetchAttr::BodyStructure,
        FetchAttr::body_peek(Section::default()),
    ]);
    let fetched = s.run(Fetch::new(set(1), items)).unwrap();
    assert_eq!(fetched.messages.len(), 1);
    let msg = &fetched.messages[0];
    assert_eq!(msg.uid(), Some(uid.uids.numbers(u32::MAX).next().unwrap()));
    let flags = msg.flags().unwrap();
    assert!(flags.contains(&Flag::Seen) && flags.contains(&Flag::keyword("$Live").unwrap()), "{flags:?}");
    assert_eq!(body_of(&msg.items, None), MESSAGE);
    for item in &msg.items {
        match item {
            FetchItem::InternalDate(d) => assert_eq!(d.as_datetime(), date()),
            FetchItem::Rfc822Size(n) => assert_eq!(*n, MESSAGE.len() as u64),
            FetchItem::Envelope(env) => check_envelope(env),
            FetchItem::BodyStructure(body) => check_structure(body),
            _ => {}
        }
    }
    assert_eq!(msg.items.len(), 7, "{:?}", msg.items);
    cleanup(&mut s, &mb);
}

fn check_envelope(env: &typed_imap::types::Envelope<'static>) {
    let text = |b: &Option<typed_imap::types::ByteStr<'static>>| b.as_ref().map(|b| b.as_bytes().to_vec());
    assert_eq!(text(&env.subject).unwrap(), b"live test message");
    assert_eq!(text(&env.message_id).unwrap(), b"<live-1@example.org>");
    assert_eq!(text(&env.date).unwrap(), b"Tue, 03 Nov 2026 10:00:00 +0100");
    assert_eq!(env.from.len(), 1);
    assert_eq!(text(&env.from[0].name).unwrap(), b"Alice Example");
    assert_eq!(text(&env.from[0].mailbox).unwrap(), b"alice");
    assert_eq!(text(&env.from[0].host).unwrap(), b"example.org");
    assert_eq!(env.sender, env.from, "sender defaults to from (RFC 3501 7.4.2)");
    assert_eq!(env.reply_to, env.from);
    assert_eq!(text(&env.to[0].mailbox).unwrap(), b"bob");
    assert_eq!(text(&env.cc[0].host).unwrap(), b"example.org");
    assert!(env.bcc.is_empty() && env.in_reply_to.is_none());
}

fn check_structure(body: &BodyStructure<'static>) {
    let BodyStructure::Multi(multi) = body else { panic!("not multipart: {body:?}") };
    assert!(multi.subtype.as_bytes().eq_ignore_ascii_case(b"mixed"));
    assert_eq!(multi.parts.len(), 2);
    let Some(BodyStructure::Single(text)) = body.part(&[1]) else { panic!("part 1: {body:?}") };
    assert!(text.media_type.as_bytes().eq_ignore_ascii_case(b"text"));
    // The CRLF before the boundary belongs to the boundary (RFC 2046
    // 5.1.1): 26 octets; Cyrus counts 0 lines, Dovecot 1.
    assert!(matches!(text.kind, SinglePartKind::Text { lines: 0 | 1, .. }), "{:?}", text.kind);
    assert_eq!(text.fields.octets, 26);
    let Some(BodyStructure::Single(bin)) = body.part(&[2]) else { panic!("part 2: {body:?}") };
    assert!(bin.media_subtype.as_bytes().eq_ignore_ascii_case(b"octet-stream"));
    assert!(bin.fields.encoding.as_bytes().eq_ignore_ascii_case(b"base64"));
    let name = bin.fields.params.iter().find(|p| p.name.as_bytes().eq_ignore_ascii_case(b"name")).unwrap();
    assert_eq!(name.value.as_bytes(), b"data.bin");
}

/// `BODY.PEEK[]<0.10>` and `<30.25>` give those octets of the message with
/// the origin echoed; `BODY.PEEK[1]` gives the first part's text.
pub fn fetch_partial_body(server: &Server) {
    let mut s = server.alice();
    let mb = fresh(server, &mut s, "fetch_partial_body");
    append(&mut s, &mb, MESSAGE);
    s.run(Select::new(&mb).unwrap()).unwrap();
    let whole = || FetchAttr::body_peek(Section::default());
    let items = attrs(vec![
        whole().with_partial(Range::new(0, 10).unwrap()),
        whole().with_partial(Range::new(30, 25).unwrap()),
        FetchAttr::body_peek(Section { part: vec![1], text: None }),
    ]);
    let fetched = s.run(Fetch::new(set(1), items)).unwrap();
    let msg = &fetched.messages[0];
    assert_eq!(body_of(&msg.items, Some(0)), &MESSAGE[..10]);
    assert_eq!(body_of(&msg.items, Some(30)), &MESSAGE[30..55]);
    let part1 = msg.section(&Section { part: vec![1], text: None });
    assert_eq!(part1.expect("BODY[1]"), b"Hello from the live suite.");
    cleanup(&mut s, &mb);
}

/// `Grüße aus Köln` as an RFC 2047 encoded word (Cyrus would munge raw
/// 8-bit header bytes).
const GRUSSE: &str = "=?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus_K=C3=B6ln?=";

/// Three messages from different senders, one a reply to another.
fn three_messages(server: &Server, s: &mut Session, test: &str) -> String {
    let mb = fresh(server, s, test);
    append(s, &mb, &simple(GRUSSE, "zed@example.org", "<a@x>", None));
    append(s, &mb, &simple("Apples", "amy@example.org", "<b@x>", None));
    append(s, &mb, &simple(&format!("Re: {GRUSSE}"), "kim@example.org", "<c@x>", Some("<a@x>")));
    s.run(Select::new(&mb).unwrap()).unwrap();
    mb
}

/// `SEARCH CHARSET UTF-8 SUBJECT {n}` with a non-ASCII literal finds the
/// two messages whose subject holds it.
pub fn search_utf8_literal(server: &Server) {
    let mut s = server.alice();
    let mb = three_messages(server, &mut s, "search_utf8_literal");
    let key = SearchKey::Subject(AString::new("Grüße".as_bytes().to_vec()).unwrap());
    let found = s.run(Search::new(key).charset("UTF-8").unwrap()).unwrap();
    assert_eq!(found.numbers, [1, 3]);
    assert!(!found.extended);
    let none = s.run(Search::new(SearchKey::Subject(AString::new("Äpfel".as_bytes().to_vec()).unwrap())));
    assert_eq!(none.unwrap().numbers, Vec::<u32>::new());
    cleanup(&mut s, &mb);
}

/// `SEARCH RETURN (MIN MAX COUNT ALL)` answers ESEARCH; `UID SEARCH`
/// answers UIDs.
pub fn esearch_min_max_count_all(server: &Server) {
    let mut s = server.alice();
    let mb = three_messages(server, &mut s, "esearch");
    let ret = SearchReturn::new().min().max().count().all();
    let found = s.run(Search::new(SearchKey::All).returning(ret)).unwrap();
    assert!(found.extended);
    assert_eq!((found.min, found.max, found.count), (Some(1), Some(3), Some(3)));
    assert_eq!(found.all.unwrap().numbers(u32::MAX).collect::<Vec<_>>(), [1, 2, 3]);
    let uids = s.run(Search::new(SearchKey::From(AString::new(&b"amy"[..]).unwrap())).uid()).unwrap();
    assert!(uids.uid || !uids.extended);
    assert_eq!(uids.numbers.len(), 1);
    cleanup(&mut s, &mb);
}

/// `SORT (FROM)` and `SORT (REVERSE SUBJECT)` order the messages; the
/// base subject ignores `Re:`.
pub fn sort_by_from_and_subject(server: &Server) {
    let mut s = server.alice();
    let mb = three_messages(server, &mut s, "sort");
    let by_from = s.run(Sort::new([SortKey::From.ascending()], "UTF-8", SearchKey::All).unwrap()).unwrap();
    assert_eq!(by_from.numbers, [2, 3, 1], "amy, kim, zed");
    let reverse = s.run(Sort::new([SortKey::From.reverse()], "UTF-8", SearchKey::All).unwrap()).unwrap();
    assert_eq!(reverse.numbers, [1, 3, 2], "zed, kim, amy");
    let subject = [SortKey::Subject.ascending(), SortKey::Arrival.ascending()];
    let by_subject = s.run(Sort::new(subject, "UTF-8", SearchKey::All).unwrap().uid()).unwrap();
    assert_eq!(by_subject.numbers.len(), 3);
    cleanup(&mut s, &mb);
}

/// `THREAD REFERENCES` puts the reply under its parent: `(1 3)(2)`;
/// ORDEREDSUBJECT groups by base subject the same way.
pub fn thread_references(server: &Server) {
    let mut s = server.alice();
    let mb = three_messages(server, &mut s, "thread");
    for alg in [ThreadAlgorithm::References, ThreadAlgorithm::OrderedSubject] {
        let threads = s.run(Thread::new(alg.clone(), "UTF-8", SearchKey::All).unwrap()).unwrap();
        let mut flat: Vec<Vec<u32>> = threads.iter().map(flatten).collect();
        flat.sort();
        assert_eq!(flat, [vec![1, 3], vec![2]], "{alg:?}: {threads:?}");
    }
    cleanup(&mut s, &mb);
}

fn flatten(t: &ThreadTree) -> Vec<u32> {
    let mut out = t.messages.clone();
    out.extend(t.children.iter().flat_map(flatten));
    out
}

/// STORE +FLAGS answers the new FLAGS; with UNCHANGEDSINCE below the
/// message's MODSEQ it answers `[MODIFIED n]` and changes nothing.
pub fn store_unchangedsince_modified(server: &Server) {
    let mut s = server.alice();
    let mb = fresh(server, &mut s, "store_unchangedsince");
    append(&mut s, &mb, MESSAGE);
    append(&mut s, &mb, MESSAGE);
    let selected = s.run(Select::new(&mb).unwrap().condstore()).unwrap();
    assert!(selected.state.highest_modseq.is_some());
    let stored = s.run(Store::add(set(1), [Flag::Flagged]).unwrap()).unwrap();
    assert_eq!(stored.messages.len(), 1);
    assert!(stored.messages[0].flags().unwrap().contains(&Flag::Flagged));
    assert_eq!(stored.modified, None);
    let all = SequenceSet::from_numbers([1, 2]).unwrap();
    let refused = s.run(Store::add(all, [Flag::Answered]).unwrap().unchanged_since(1)).unwrap();
    let modified = refused.modified.expect("[MODIFIED]");
    assert_eq!(modified.numbers(u32::MAX).collect::<Vec<_>>(), [1, 2]);
    let fetched = s.run(Fetch::new(SequenceSet::all(), FetchItems::Attrs(vec![FetchAttr::Flags]))).unwrap();
    assert!(fetched.messages.iter().all(|m| !m.flags().unwrap().contains(&Flag::Answered)));
    cleanup(&mut s, &mb);
}

/// `UID COPY` and `UID MOVE` give COPYUID naming the source and new UIDs;
/// MOVE expunges the source message.
pub fn copy_and_move_copyuid(server: &Server) {
    let mut s = server.alice();
    let from = fresh(server, &mut s, "copy_move_from");
    let to = fresh(server, &mut s, "copy_move_to");
    let uid = append(&mut s, &from, MESSAGE);
    let selected = s.run(Select::new(&from).unwrap()).unwrap();
    let copied = s.run(Copy::new(set(uid), &to).unwrap().uid()).unwrap().expect("COPYUID");
    assert_eq!(copied.source.numbers(u32::MAX).collect::<Vec<_>>(), [uid]);
    let first = copied.destination.numbers(u32::MAX).next().unwrap();
    let moved = s.run(Move::new(set(uid), &to).unwrap().uid()).unwrap();
    let move_uid = moved.copy_uid.expect("COPYUID of MOVE");
    assert_eq!(move_uid.uid_validity, copied.uid_validity);
    assert_eq!(move_uid.destination.numbers(u32::MAX).collect::<Vec<_>>(), [first + 1]);
    assert_eq!(moved.expunged.seqs, [1]);
    assert_eq!(s.mailbox().exists, selected.state.exists - 1);
    let status = s.run(Select::new(&to).unwrap()).unwrap();
    assert_eq!(status.state.exists, 2);
    let body = s.run(Fetch::new(set(2), attrs(vec![FetchAttr::body_peek(Section::default())]))).unwrap();
    assert_eq!(body_of(&body.messages[0].items, None), MESSAGE);
    cleanup(&mut s, &from);
    cleanup(&mut s, &to);
}

/// `UID EXPUNGE` removes only the \Deleted messages named; plain EXPUNGE
/// then removes the rest marked.
pub fn uid_expunge_then_expunge(server: &Server) {
    let mut s = server.alice();
    let mb = fresh(server, &mut s, "uid_expunge");
    let uids: Vec<u32> = (0..3).map(|_| append(&mut s, &mb, MESSAGE)).collect();
    s.run(Select::new(&mb).unwrap()).unwrap();
    s.run(Store::add(SequenceSet::all(), [Flag::Deleted]).unwrap().silent()).unwrap();
    let gone = s.run(UidExpunge::new(set(uids[1]))).unwrap();
    assert_eq!(gone.seqs, [2]);
    assert_eq!(s.mailbox().exists, 2);
    let rest = s.run(Expunge).unwrap();
    // `1, 1` (Cyrus) or `2, 1` (Dovecot): both empty the mailbox.
    assert!(rest.seqs == [1, 1] || rest.seqs == [2, 1], "{rest:?}");
    assert_eq!(s.mailbox().exists, 0);
    cleanup(&mut s, &mb);
}

/// PARTIAL (RFC 1730) is implemented by neither server: its BAD comes
/// back as `Error::Bad` and the session stays usable.
pub fn partial_is_bad(server: &Server) {
    let mut s = server.alice();
    let mb = fresh(server, &mut s, "partial");
    append(&mut s, &mb, MESSAGE);
    s.run(Select::new(&mb).unwrap()).unwrap();
    let item = PartialItem::Body { section: Section::default(), peek: true };
    let err = s.run(Partial::new(1, item, 0, 10).unwrap()).unwrap_err();
    assert!(matches!(err, Error::Bad(_)), "{err:?}");
    assert_eq!(s.run(Search::new(SearchKey::All)).unwrap().numbers, [1]);
    cleanup(&mut s, &mb);
}

/// MULTIAPPEND: two messages in one APPEND; APPENDUID names both UIDs and
/// `UID FETCH` of them returns each message's bytes.
pub fn multiappend_then_uid_fetch(server: &Server) {
    let mut s = server.alice();
    let mb = fresh(server, &mut s, "multiappend");
    let second = simple("second", "bob@example.org", "<m2@x>", None);
    let draft = AppendMessage::new(second.clone()).unwrap().flags([Flag::Draft]).unwrap();
    let uids = s.run(Append::new(&mb, MESSAGE).unwrap().message(draft)).unwrap().expect("APPENDUID");
    let uids: Vec<u32> = uids.uids.numbers(u32::MAX).collect();
    assert_eq!(uids.len(), 2, "{uids:?}");
    s.run(Select::new(&mb).unwrap()).unwrap();
    let items = attrs(vec![FetchAttr::Flags, FetchAttr::body_peek(Section::default())]);
    let fetched = s.run(Fetch::new(SequenceSet::from_numbers(uids.clone()).unwrap(), items).uid()).unwrap();
    assert_eq!(fetched.messages.len(), 2);
    let by_uid = |uid| fetched.messages.iter().find(|m| m.uid() == Some(uid)).expect("UID in FETCH");
    assert_eq!(body_of(&by_uid(uids[0]).items, None), MESSAGE);
    assert_eq!(body_of(&by_uid(uids[1]).items, None), second);
    assert!(by_uid(uids[1]).flags().unwrap().contains(&Flag::Draft));
    cleanup(&mut s, &mb);
}

/// `fetch_each` hands over the messages `fetch` returns, in the same
/// order, with nothing left in the result's `messages`; so does its UID
/// form. 40 messages, enough for the answer to arrive in several reads.
pub fn fetch_each_gives_what_fetch_gives(server: &Server) {
    let mut s = server.alice();
    let mb = fresh(server, &mut s, "fetch_each");
    let messages: Vec<Vec<u8>> =
        (0..40).map(|i| simple(&format!("n{i}"), "bob@example.org", "<e@x>", None)).collect();
    let mut append = Append::new(&mb, messages[0].clone()).unwrap();
    for m in &messages[1..] {
        append = append.message(AppendMessage::new(m.clone()).unwrap());
    }
    s.run(append).unwrap();
    s.run(Select::new(&mb).unwrap()).unwrap();
    let items = || attrs(vec![FetchAttr::Uid, FetchAttr::Envelope, FetchAttr::body_peek(Section::default())]);
    let all = || "1:*".parse::<SequenceSet>().unwrap();
    let fetched = s.run(Fetch::new(all(), items())).unwrap();
    assert_eq!(fetched.messages.len(), 40);
    let mut streamed = Vec::new();
    let rest = s.fetch_each(Fetch::new(all(), items()), |m| streamed.push(m)).unwrap();
    assert_eq!(streamed, fetched.messages);
    assert!(rest.messages.is_empty() && rest.vanished.is_none(), "{rest:?}");
    let mut by_uid = Vec::new();
    s.fetch_each(Fetch::new(all(), items()).uid(), |m| by_uid.push(m.body().map(<[u8]>::to_vec))).unwrap();
    assert_eq!(by_uid.len(), 40);
    assert_eq!(by_uid[7].as_deref(), Some(messages[7].as_slice()));
    cleanup(&mut s, &mb);
}

/// APPEND of a message holding NUL and 8-bit bytes as a `literal8`
/// (`~{n}`, BINARY): `BINARY.PEEK[1]` returns the part's bytes unchanged.
pub fn append_binary_literal8(server: &Server) {
    let mut s = server.alice();
    let mb = fresh(server, &mut s, "binary_append");
    let payload: Vec<u8> = (0u8..=255).collect();
    let mut message = b"From: amy@example.org\r\nSubject: binary\r\nMIME-Version: 1.0\r\n\
Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n\r\n"
        .to_vec();
    message.extend_from_slice(&payload);
    let append =
        Append::mailbox(typed_imap::types::Mailbox::new(&mb).unwrap(), AppendMessage::binary(message));
    s.run(append).unwrap();
    s.run(Select::new(&mb).unwrap()).unwrap();
    let fetched = s.run(Fetch::new(set(1), attrs(vec![FetchAttr::binary_peek(vec![1])]))).unwrap();
    assert_eq!(fetched.messages[0].binary(&[1]).expect("BINARY[1]"), payload.as_slice());
    cleanup(&mut s, &mb);
}

/// SEARCH RETURN (SAVE) then `FETCH $` (SEARCHRES, RFC 5182): the saved
/// result is the set fetched.
pub fn searchres_save_then_fetch(server: &Server) {
    let mut s = server.alice();
    let mb = three_messages(server, &mut s, "searchres");
    let key = SearchKey::From(AString::new(&b"kim"[..]).unwrap());
    let saved = s.run(Search::new(key).returning(SearchReturn::new().save())).unwrap();
    assert!(saved.numbers.is_empty() && saved.count.is_none(), "SAVE alone returns nothing: {saved:?}");
    let fetched = s.run(Fetch::new(SequenceSet::saved(), attrs(vec![FetchAttr::Envelope]))).unwrap();
    assert_eq!(fetched.messages.len(), 1);
    assert_eq!(fetched.messages[0].seq, 3);
    cleanup(&mut s, &mb);
}
