//! The message commands (selected state): CHECK, CLOSE, UNSELECT,
//! EXPUNGE, UID EXPUNGE, SEARCH, FETCH, PARTIAL, STORE, COPY, MOVE, SORT,
//! THREAD.
//!
//! Wire snapshots show the whole command line as the session sends it
//! (tag `A1`, `UID ` for the UID form, the name, the arguments), one
//! fragment per line; builders refuse what cannot be sent. Decoding is
//! tested in `commands_message_decode.rs`. Tests named `cNN_...` cover
//! conformance.md section C item NN.

use chrono::NaiveDate;
use insta::assert_snapshot;
use typed_imap::command::{
    Check, Close, Command, Copy, Expunge, Fetch, Move, Partial, PartialItem, Search, SearchReturn, Sort,
    SortKey, State, Store, Thread, ThreadAlgorithm, UidExpunge, Unselect,
};
use typed_imap::types::{
    AString, FetchAttr, FetchItems, Flag, Mailbox, SearchKey, Section, SectionText, SequenceSet,
};
use typed_imap::wire::encode::{EncodeOptions, Encoder};

// ---------------------------------------------------------------- helpers

/// `A1 [UID ]NAME args`, fragments one per line, or `Err(...)`.
fn wire_with<C: Command>(options: EncodeOptions, cmd: &C) -> String {
    let mut enc = Encoder::new(options);
    enc.raw(b"A1 ").unwrap();
    if cmd.is_uid() {
        enc.raw(b"UID ").unwrap();
    }
    enc.raw(cmd.name().as_bytes()).unwrap();
    if let Err(e) = cmd.encode_args(&mut enc) {
        return format!("Err({e})");
    }
    enc.finish().iter().map(|f| format!("{f:?}")).collect::<Vec<_>>().join("\n")
}

fn wire<C: Command>(cmd: &C) -> String {
    wire_with(EncodeOptions::default(), cmd)
}

fn set(s: &str) -> SequenceSet {
    s.parse().unwrap()
}

fn astr(s: &str) -> AString<'static> {
    AString::try_from(s.to_owned()).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

// ------------------------------------------------- CHECK, CLOSE, UNSELECT

#[test]
fn c39_check_close_unselect_wire() {
    assert_snapshot!("check_plain", wire(&Check));
    assert_snapshot!("close_plain", wire(&Close));
    assert_snapshot!("unselect_plain", wire(&Unselect));
}

// -------------------------------------------------- EXPUNGE, UID EXPUNGE

#[test]
fn c39_expunge_wire() {
    assert_snapshot!("expunge_plain", wire(&Expunge));
    assert_snapshot!("uid_expunge_range", wire(&UidExpunge::new(set("3000:3002"))));
    assert_snapshot!("uid_expunge_list", wire(&UidExpunge::new(set("5,7:9"))));
}

// ----------------------------------------------------------------- SEARCH

#[test]
fn c32_search_wire() {
    assert_snapshot!("search_all", wire(&Search::default()));
    let subject = Search::new(SearchKey::Subject(astr("hello world"))).charset("UTF-8").unwrap();
    assert_snapshot!("search_charset_quoted", wire(&subject));
    let utf8 = Search::new(SearchKey::Subject(astr("Grüße"))).charset("UTF-8").unwrap();
    assert_snapshot!("search_charset_literal", wire(&utf8));
    assert_snapshot!(
        "search_charset_literal_plus",
        wire_with(EncodeOptions::default().with_literal_plus(true), &utf8)
    );
    let unseen = Search::new(SearchKey::Unseen & SearchKey::Since(date(1994, 2, 1))).uid();
    assert_snapshot!("search_uid_and_top_level", wire(&unseen));
    let rfc = Search::new(
        SearchKey::Flagged & SearchKey::Since(date(1994, 2, 1)) & !SearchKey::From(astr("Smith")),
    );
    assert_snapshot!("search_rfc3501_example", wire(&rfc));
    let or = Search::new(
        SearchKey::From(astr("alice"))
            | (SearchKey::To(astr("bob")) & SearchKey::Subject(astr("lunch plans"))),
    );
    assert_snapshot!("search_or_nested", wire(&or));
    let ret = Search::new(SearchKey::Unseen).returning(SearchReturn::new().min().max().count());
    assert_snapshot!("search_return_min_max_count", wire(&ret));
    assert_snapshot!(
        "search_return_empty",
        wire(&Search::new(SearchKey::Flagged).returning(SearchReturn::new()))
    );
    let saved = Search::new(SearchKey::ModSeq { entry: None, modseq: 12345 })
        .returning(SearchReturn::new().all().save())
        .uid();
    assert_snapshot!("search_uid_return_all_save_modseq", wire(&saved));
}

#[test]
fn search_refuses_bad_charset() {
    assert!(Search::default().charset("UTF 8").is_err());
    assert!(Search::default().charset("").is_err());
}

#[test]
fn search_capabilities_follow_return() {
    assert!(Search::default().capabilities().is_empty());
    assert_eq!(Search::default().returning(SearchReturn::new()).capabilities(), ["ESEARCH"]);
}

// ------------------------------------------------------------------ FETCH

fn header_fields(names: &[&str]) -> FetchAttr<'static> {
    let names = names.iter().map(|n| typed_imap::types::ByteStr::from(n.as_bytes().to_vec())).collect();
    FetchAttr::body_peek(Section { part: vec![], text: Some(SectionText::HeaderFields(names)) })
}

#[test]
fn c34_c36_fetch_wire() {
    assert_snapshot!("fetch_fast", wire(&Fetch::new(set("1:10"), FetchItems::FAST)));
    let attrs = vec![
        FetchAttr::Uid,
        FetchAttr::Flags,
        FetchAttr::Rfc822Size,
        FetchAttr::InternalDate,
        header_fields(&["DATE", "FROM", "SUBJECT"]),
    ];
    assert_snapshot!("fetch_attrs", wire(&Fetch::new(set("1,3:5,8"), attrs)));
    assert_snapshot!("fetch_single_attr", wire(&Fetch::new(set("2"), FetchAttr::BodyStructure)));
    assert_snapshot!("fetch_uid_flags", wire(&Fetch::new(set("1:*"), vec![FetchAttr::Flags]).uid()));
    let changed = Fetch::new(set("1:*"), vec![FetchAttr::Flags]).changed_since(12345);
    assert_snapshot!("fetch_changedsince", wire(&changed));
    let vanished = Fetch::new(set("1:*"), vec![FetchAttr::Flags, FetchAttr::ModSeq]).vanished(12345).uid();
    assert_snapshot!("fetch_uid_vanished", wire(&vanished));
    let binary = vec![
        FetchAttr::binary_peek(vec![1]).with_partial(typed_imap::types::Partial::new(0, 1024).unwrap()),
        FetchAttr::BinarySize { part: vec![1] },
    ];
    assert_snapshot!("fetch_binary", wire(&Fetch::new(set("7"), binary)));
}

#[test]
fn c34_fetch_uid_form_and_capabilities() {
    let plain = Fetch::new(set("1:*"), vec![FetchAttr::Flags]);
    assert!(plain.capabilities().is_empty());
    assert!(!plain.is_uid());
    let uid = plain.clone().changed_since(5).uid();
    assert!(uid.is_uid());
    assert_eq!(uid.capabilities(), ["CONDSTORE"]);
    assert_eq!(plain.clone().vanished(1).capabilities(), ["CONDSTORE", "QRESYNC"]);
    assert!(!plain.states().contains(State::Authenticated));
}

// ---------------------------------------------------------------- PARTIAL

#[test]
fn c39_partial_wire() {
    let rfc822 = Partial::new(4, PartialItem::Rfc822 { text: false, peek: false }, 1, 1024).unwrap();
    assert_snapshot!("partial_rfc822", wire(&rfc822));
    let text =
        PartialItem::Body { section: Section { part: vec![], text: Some(SectionText::Text) }, peek: false };
    assert_snapshot!("partial_body_text", wire(&Partial::new(4, text, 1, 1024).unwrap()));
    let part = PartialItem::Body { section: Section { part: vec![1, 2], text: None }, peek: true };
    assert_snapshot!("partial_body_peek_part", wire(&Partial::new(1, part, 1, 512).unwrap()));
    let peek = PartialItem::Rfc822 { text: true, peek: true };
    assert_snapshot!("partial_rfc822_text_peek", wire(&Partial::new(2, peek, 100, 200).unwrap()));
    assert_snapshot!(
        "partial_rfc822_header",
        wire(&Partial::new(3, PartialItem::Rfc822Header, 1, 80).unwrap())
    );
}

#[test]
fn partial_refuses_message_zero() {
    assert!(Partial::new(0, PartialItem::Rfc822Header, 1, 1).is_err());
}

// ------------------------------------------------------------------ STORE

fn kw(name: &str) -> Flag<'static> {
    Flag::keyword(name.to_owned()).unwrap()
}

#[test]
fn c30_store_wire() {
    assert_snapshot!("store_add_deleted", wire(&Store::add(set("1:3"), [Flag::Deleted]).unwrap()));
    assert_snapshot!("store_replace_silent", wire(&Store::replace(set("1"), [Flag::Seen]).unwrap().silent()));
    assert_snapshot!("store_remove_keyword", wire(&Store::remove(set("2"), [kw("$Junk")]).unwrap()));
    let uid = Store::add(set("5"), [Flag::Seen, Flag::Flagged]).unwrap().silent().uid();
    assert_snapshot!("store_uid_add_silent", wire(&uid));
    let cond = Store::add(set("1"), [Flag::Answered]).unwrap().unchanged_since(5);
    assert_snapshot!("store_unchangedsince", wire(&cond));
    let rfc = Store::add(set("6,4,8"), [Flag::Deleted]).unwrap().silent().unchanged_since(12121230045).uid();
    assert_snapshot!("store_uid_unchangedsince_silent", wire(&rfc));
    assert_snapshot!("store_replace_empty", wire(&Store::replace(set("1:*"), []).unwrap()));
    let ext = Store::remove(set("3"), [Flag::system("Important").unwrap(), Flag::Draft]).unwrap();
    assert_snapshot!("store_remove_extension_flag", wire(&ext));
}

#[test]
fn store_refuses_recent_and_wildcard() {
    assert!(Store::add(set("1"), [Flag::Recent]).is_err());
    assert!(Store::replace(set("1"), [Flag::Seen, Flag::Wildcard]).is_err());
}

#[test]
fn store_capabilities_follow_unchangedsince() {
    let store = Store::add(set("1"), [Flag::Seen]).unwrap();
    assert!(store.capabilities().is_empty());
    assert_eq!(store.unchanged_since(0).capabilities(), ["CONDSTORE"]);
}

// ------------------------------------------------------------ COPY, MOVE

#[test]
fn c34_c38_copy_move_wire() {
    assert_snapshot!("copy_atom", wire(&Copy::new(set("1"), "Archive").unwrap()));
    assert_snapshot!("copy_uid_quoted", wire(&Copy::new(set("1:*"), "Sent Items").unwrap().uid()));
    assert_snapshot!("copy_quote_escaped", wire(&Copy::new(set("2:4"), "a\"b\\c").unwrap()));
    assert_snapshot!("copy_utf7", wire(&Copy::to(set("3"), Mailbox::new("Entwürfe").unwrap())));
    assert_snapshot!("move_atom", wire(&Move::new(set("1"), "Trash").unwrap()));
    assert_snapshot!("move_uid", wire(&Move::new(set("5"), "Trash").unwrap().uid()));
    assert_snapshot!("move_uid_range_quoted", wire(&Move::new(set("42:69"), "Old Mail").unwrap().uid()));
}

#[test]
fn copy_refuses_bad_mailbox() {
    assert!(Copy::new(set("1"), "a\0b").is_err());
    assert!(Move::new(set("1"), "a\0b").is_err());
}

// ------------------------------------------------------------------- SORT

#[test]
fn c31_c34_sort_wire() {
    let reverse = Sort::new([SortKey::Date.reverse()], "UTF-8", SearchKey::All).unwrap();
    assert_snapshot!("sort_reverse_date", wire(&reverse));
    let uid = Sort::new([SortKey::Subject], "UTF-8", SearchKey::Unseen).unwrap().uid();
    assert_snapshot!("sort_uid_subject", wire(&uid));
    let multi = Sort::new(
        [SortKey::Subject.ascending(), SortKey::Date.reverse(), SortKey::Arrival.into()],
        "US-ASCII",
        SearchKey::Text(astr("not in mailbox")) & SearchKey::Since(date(1994, 2, 1)),
    )
    .unwrap();
    assert_snapshot!("sort_multi_keys_criteria", wire(&multi));
    let all_keys = [SortKey::Cc, SortKey::From, SortKey::Size, SortKey::To];
    assert_snapshot!("sort_other_keys", wire(&Sort::new(all_keys, "UTF-8", SearchKey::All).unwrap()));
}

#[test]
fn sort_refuses_empty_criteria_and_bad_charset() {
    assert!(Sort::new(Vec::<SortKey>::new(), "UTF-8", SearchKey::All).is_err());
    assert!(Sort::new([SortKey::Date], "UTF 8", SearchKey::All).is_err());
}

// ----------------------------------------------------------------- THREAD

#[test]
fn c33_thread_wire() {
    let refs = Thread::new(ThreadAlgorithm::References, "UTF-8", SearchKey::All).unwrap();
    assert_snapshot!("thread_references", wire(&refs));
    let uid = Thread::new(ThreadAlgorithm::Refs, "UTF-8", SearchKey::Since(date(1994, 2, 1))).unwrap().uid();
    assert_snapshot!("thread_uid_refs", wire(&uid));
    let subject =
        Thread::new(ThreadAlgorithm::OrderedSubject, "US-ASCII", SearchKey::Text(astr("gewp"))).unwrap();
    assert_snapshot!("thread_orderedsubject", wire(&subject));
    let other = ThreadAlgorithm::Other(typed_imap::types::Atom::new("X-MINE").unwrap());
    assert_snapshot!("thread_other_algorithm", wire(&Thread::new(other, "UTF-8", SearchKey::All).unwrap()));
}

// ------------------------------------------------------------- all of them
