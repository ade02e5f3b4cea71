//! Edge cases on both servers: names that need quoting or `&-` in
//! modified UTF-7, a 1 MiB literal each way, response codes the client
//! acts on (TRYCREATE, READ-ONLY), header fields, search keys combined,
//! flag changes.

use typed_imap::Error;
use typed_imap::command::{
    Append, AppendMessage, Copy, Delete, Fetch, ModRights, Rights, Search, Select, SetAcl, State, Store,
    Unselect,
};
use typed_imap::types::{
    AString, ByteStr, Code, FetchAttr, FetchItem, FetchItems, Flag, SearchKey, Section, SectionText,
    SequenceSet,
};

use super::message::{MESSAGE, append, cleanup, fresh, simple};
use super::{Kind, Server, User, create, listed};

/// Names with `"` (quoted with escapes), `&` (sent as `&-`) and LIST
/// wildcards are created, found under the same name by LIST,
/// selected and deleted.
pub fn names_needing_quotes_and_ampersand(server: &Server) {
    let mut s = server.alice();
    let mut names = vec!["R&D (2026)", "[draft] 'x'"];
    if server.kind == Kind::Dovecot {
        // Cyrus refuses `"` and `%` in names ("Invalid mailbox name").
        names.extend(["Say \"hi\"", "50% done"]);
    }
    for name in names {
        let name = server.named(name);
        create(&mut s, &name);
        assert_eq!(listed(&mut s, &name, true).len(), 1, "{name} not listed");
        s.run(Select::new(&name).unwrap()).unwrap();
        s.run(Unselect).unwrap();
        s.run(Delete::new(&name).unwrap()).unwrap();
    }
}

/// A message of a little over 1 MiB goes out as one literal and comes
/// back byte for byte.
pub fn large_literal_round_trip(server: &Server) {
    let mut s = server.alice();
    let mb = fresh(server, &mut s, "large");
    let mut message = simple("large", "amy@example.org", "<large@x>", None);
    let line =
        b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnop\r\n";
    while message.len() < (1 << 20) {
        message.extend_from_slice(line);
    }
    append(&mut s, &mb, &message);
    s.run(Select::new(&mb).unwrap()).unwrap();
    let items = FetchItems::Attrs(vec![FetchAttr::Rfc822Size, FetchAttr::body_peek(Section::default())]);
    let fetched = s.run(Fetch::new(SequenceSet::single(1).unwrap(), items)).unwrap();
    let items = &fetched.messages[0].items;
    assert!(items.contains(&FetchItem::Rfc822Size(message.len() as u64)));
    assert_eq!(fetched.messages[0].size(), Some(message.len() as u64));
    assert!(fetched.messages[0].body() == Some(message.as_slice()), "the 1 MiB body differs");
    cleanup(&mut s, &mb);
}

/// COPY and APPEND to a missing mailbox are NO with `[TRYCREATE]`; SELECT of a
/// missing mailbox is NO and leaves the authenticated state.
pub fn trycreate_and_failed_select(server: &Server) {
    let mut s = server.alice();
    let mb = fresh(server, &mut s, "trycreate");
    append(&mut s, &mb, MESSAGE);
    s.run(Select::new(&mb).unwrap()).unwrap();
    let missing = server.mailbox("missing");
    let err = s.run(Copy::new(SequenceSet::single(1).unwrap(), &missing).unwrap()).unwrap_err();
    let Error::No(refusal) = &err else { panic!("{err:?}") };
    assert_eq!(refusal.code, Some(Code::TryCreate), "{refusal:?}");
    let err = s.run(Append::new(&missing, MESSAGE).unwrap()).unwrap_err();
    let Error::No(refusal) = &err else { panic!("{err:?}") };
    assert_eq!(refusal.code, Some(Code::TryCreate), "APPEND: {refusal:?}");
    let err = s.run(Select::new(&missing).unwrap()).unwrap_err();
    assert!(matches!(err, Error::No(_)), "{err:?}");
    assert_eq!(s.state(), State::Authenticated, "a failed SELECT leaves no mailbox selected");
    cleanup(&mut s, &mb);
}

/// bob, with only `lr` on alice's mailbox, SELECTs it: the server opens it
/// `[READ-ONLY]`, which the session reports as `Error::ReadOnly` while the
/// mailbox is selected; reading it still works.
pub fn select_read_only_is_an_error(server: &Server) {
    let mut s = server.alice();
    let mb = fresh(server, &mut s, "read_only");
    append(&mut s, &mb, MESSAGE);
    s.run(SetAcl::new(&mb, &User::Bob.name(), ModRights::Set(Rights::new("lr").unwrap())).unwrap()).unwrap();
    let shared = server.shared_name(User::Alice, &mb);
    let mut bob = server.login(User::Bob);
    let err = bob.run(Select::new(&shared).unwrap()).unwrap_err();
    assert!(matches!(err, Error::ReadOnly(_)), "{err:?}");
    assert_eq!(bob.state(), State::Selected);
    assert!(bob.mailbox().read_only);
    assert_eq!(bob.mailbox().exists, 1);
    let read = bob.run(Fetch::new(SequenceSet::single(1).unwrap(), FetchItems::Attrs(vec![FetchAttr::Uid])));
    assert_eq!(read.unwrap().messages.len(), 1, "reading stays possible after the READ-ONLY SELECT");
    cleanup(&mut s, &mb);
}

/// `BODY.PEEK[HEADER.FIELDS (SUBJECT FROM)]` returns just those lines;
/// `BODY.PEEK[HEADER]` the whole header up to the blank line.
pub fn fetch_header_fields(server: &Server) {
    let mut s = server.alice();
    let mb = fresh(server, &mut s, "header_fields");
    append(&mut s, &mb, MESSAGE);
    s.run(Select::new(&mb).unwrap()).unwrap();
    let names = vec![ByteStr::new(&b"SUBJECT"[..]).into_owned(), ByteStr::new(&b"FROM"[..]).into_owned()];
    let fields = Section { part: vec![], text: Some(SectionText::HeaderFields(names)) };
    let header = Section { part: vec![], text: Some(SectionText::Header) };
    let items = FetchItems::Attrs(vec![FetchAttr::body_peek(fields), FetchAttr::body_peek(header)]);
    let fetched = s.run(Fetch::new(SequenceSet::single(1).unwrap(), items)).unwrap();
    let message = &fetched.messages[0];
    // Asked upper-case, looked up in another case: the accessor matches
    // header field names case-insensitively, whatever the server echoed.
    let looked_up = vec![ByteStr::from("Subject"), ByteStr::from("From")];
    let lookup = Section { part: vec![], text: Some(SectionText::HeaderFields(looked_up)) };
    let fields = message.section(&lookup).expect("HEADER.FIELDS");
    assert_eq!(fields, b"From: Alice Example <alice@example.org>\r\nSubject: live test message\r\n\r\n");
    let header = message.header().expect("HEADER");
    let end = MESSAGE.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
    assert_eq!(header, &MESSAGE[..end]);
    cleanup(&mut s, &mb);
}

/// STORE -FLAGS and FLAGS (replace) with a keyword; SEARCH combining OR,
/// NOT, KEYWORD, LARGER and a sequence set.
pub fn store_modes_and_combined_search(server: &Server) {
    let mut s = server.alice();
    let mb = fresh(server, &mut s, "store_modes");
    for _ in 0..3 {
        append(&mut s, &mb, MESSAGE);
    }
    s.run(Select::new(&mb).unwrap()).unwrap();
    let live = Flag::keyword("$Live").unwrap();
    let all = SequenceSet::all();
    s.run(Store::replace(all.clone(), [Flag::Seen, live.clone()]).unwrap().silent()).unwrap();
    let stored = s.run(Store::remove(SequenceSet::single(2).unwrap(), [live.clone()]).unwrap()).unwrap();
    let flags: Vec<_> = stored.messages[0].flags().unwrap().iter().filter(|f| **f != Flag::Recent).collect();
    assert_eq!(flags, [&Flag::Seen]);
    let key = |k: &str| SearchKey::Keyword(typed_imap::types::Atom::new(k.to_owned()).unwrap());
    let with = s.run(Search::new(key("$Live"))).unwrap();
    assert_eq!(with.numbers, [1, 3]);
    let either = SearchKey::SequenceSet(SequenceSet::single(2).unwrap()).or(key("$Live").negate());
    let combined = s.run(Search::new(either.and(SearchKey::Larger(100)).and(SearchKey::Seen))).unwrap();
    assert_eq!(combined.numbers, [2]);
    let subject = SearchKey::Subject(AString::new(&b"live test"[..]).unwrap());
    assert_eq!(s.run(Search::new(subject.and(SearchKey::Unseen))).unwrap().numbers, Vec::<u32>::new());
    let fetched = s.run(Fetch::new(all, FetchItems::Attrs(vec![FetchAttr::Flags]))).unwrap();
    assert!(fetched.messages.iter().all(|m| m.flags().unwrap().contains(&Flag::Seen)));
    cleanup(&mut s, &mb);
}

/// 150 messages in one MULTIAPPEND (150 literals in one command), then
/// FETCH 1:* answering 150 responses in few reads, UID SEARCH and a
/// non-silent STORE over all of them.
pub fn many_messages_in_one_command(server: &Server) {
    let mut s = server.alice();
    let mb = fresh(server, &mut s, "many");
    let body = |i: u32| simple(&format!("message {i}"), "amy@example.org", &format!("<many-{i}@x>"), None);
    let mut append = Append::new(&mb, body(1)).unwrap();
    for i in 2..=150 {
        append = append.message(AppendMessage::new(body(i)).unwrap());
    }
    let uids = s.run(append).unwrap().expect("APPENDUID");
    let uids: Vec<u32> = uids.uids.numbers(u32::MAX).collect();
    assert_eq!(uids.len(), 150);
    s.run(Select::new(&mb).unwrap()).unwrap();
    let items = FetchItems::Attrs(vec![FetchAttr::Uid, FetchAttr::Rfc822Size]);
    let fetched = s.run(Fetch::new(SequenceSet::all(), items)).unwrap();
    let seqs: Vec<u32> = fetched.messages.iter().map(|m| m.seq).collect();
    assert_eq!(seqs, (1..=150).collect::<Vec<_>>());
    assert_eq!(fetched.messages.iter().map(|m| m.uid().unwrap()).collect::<Vec<_>>(), uids);
    let found = s.run(Search::new(SearchKey::All).uid()).unwrap();
    assert_eq!(found.numbers, uids);
    let stored = s.run(Store::add(SequenceSet::all(), [Flag::Seen]).unwrap()).unwrap();
    assert_eq!(stored.messages.len(), 150);
    cleanup(&mut s, &mb);
}
