//! `Command::capabilities()` names what each option's value needs: one test
//! per command, each checking that the option adds its capability and that
//! leaving it out adds none.

use chrono::NaiveDate;
use typed_imap::command::{
    Command, Copy, Fetch, List, ListReturn, ListSelect, Move, Requirements, Search, SearchReturn, Sort,
    SortKey, StatusCommand, Store, Thread, ThreadAlgorithm, UidExpunge, requirements_of,
};
use typed_imap::types::{Atom, FetchAttr, FetchItems, Flag, SearchKey, SequenceSet, StatusAttr};

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 5, 1).unwrap()
}

fn atom(s: &str) -> Atom<'static> {
    Atom::new(s.to_owned()).unwrap()
}

fn fetch(attr: FetchAttr<'static>) -> Vec<&'static str> {
    Fetch::new("1".parse().unwrap(), vec![FetchAttr::Uid, attr]).capabilities()
}

#[test]
fn fetch_requires_each_attributes_extension() {
    assert_eq!(fetch(FetchAttr::ModSeq), ["CONDSTORE"]);
    assert_eq!(fetch(FetchAttr::binary_peek(vec![1])), ["BINARY"]);
    assert_eq!(fetch(FetchAttr::BinarySize { part: vec![] }), ["BINARY"]);
    assert_eq!(fetch(FetchAttr::EmailId), ["OBJECTID"]);
    assert_eq!(fetch(FetchAttr::ThreadId), ["OBJECTID"]);
    assert_eq!(fetch(FetchAttr::SaveDate), ["SAVEDATE"]);
    assert_eq!(fetch(FetchAttr::Preview), ["PREVIEW"]);
    assert_eq!(fetch(FetchAttr::PreviewLazy), ["PREVIEW"]);
}

#[test]
fn fetch_of_base_attributes_macros_and_unknown_atoms_requires_nothing() {
    assert!(fetch(FetchAttr::Envelope).is_empty());
    assert!(fetch(FetchAttr::Other(atom("X-GM-LABELS"))).is_empty());
    for items in [FetchItems::ALL, FetchItems::FAST, FetchItems::FULL] {
        assert!(Fetch::new("1:*".parse().unwrap(), items).capabilities().is_empty());
    }
}

#[test]
fn fetch_names_each_capability_once_in_order() {
    let items = vec![FetchAttr::ModSeq, FetchAttr::EmailId, FetchAttr::ModSeq, FetchAttr::ThreadId];
    let cmd = Fetch::new("1".parse().unwrap(), items).changed_since(5);
    assert_eq!(cmd.capabilities(), ["CONDSTORE", "OBJECTID"]);
    assert_eq!(cmd.uid().capabilities(), ["CONDSTORE", "OBJECTID"], "the UID form requires the same");
}

#[test]
fn saved_result_as_a_set_requires_searchres() {
    let saved = SequenceSet::saved;
    assert_eq!(Fetch::new(saved(), FetchItems::FAST).capabilities(), ["SEARCHRES"]);
    assert_eq!(Copy::new(saved(), "Archive").unwrap().capabilities(), ["SEARCHRES"]);
    assert_eq!(Move::new(saved(), "Archive").unwrap().capabilities(), ["MOVE", "SEARCHRES"]);
    assert_eq!(Store::add(saved(), [Flag::Seen]).unwrap().capabilities(), ["SEARCHRES"]);
    assert_eq!(UidExpunge::new(saved()).capabilities(), ["UIDPLUS", "SEARCHRES"]);
    assert!(Copy::new("1:3".parse().unwrap(), "Archive").unwrap().capabilities().is_empty());
    assert_eq!(UidExpunge::new("1".parse().unwrap()).capabilities(), ["UIDPLUS"]);
}

fn search(key: SearchKey<'static>) -> Vec<&'static str> {
    Search::new(key).capabilities()
}

#[test]
fn search_requires_each_keys_extension() {
    assert_eq!(search(SearchKey::ModSeq { entry: None, modseq: 7 }), ["CONDSTORE"]);
    assert_eq!(search(SearchKey::Older(60)), ["WITHIN"]);
    assert_eq!(search(SearchKey::Younger(60)), ["WITHIN"]);
    assert_eq!(search(SearchKey::EmailId(atom("M1"))), ["OBJECTID"]);
    assert_eq!(search(SearchKey::ThreadId(atom("T1"))), ["OBJECTID"]);
    for key in [SearchKey::SavedBefore(date()), SearchKey::SavedOn(date()), SearchKey::SavedSince(date())] {
        assert_eq!(search(key), ["SAVEDATE"]);
    }
    assert_eq!(search(SearchKey::SaveDateSupported), ["SAVEDATE"]);
    assert_eq!(search(SearchKey::SequenceSet(SequenceSet::saved())), ["SEARCHRES"]);
    assert_eq!(search(SearchKey::Uid(SequenceSet::saved())), ["SEARCHRES"]);
}

#[test]
fn search_finds_keys_inside_not_or_and_parentheses() {
    let nested = !(SearchKey::Seen | SearchKey::Older(60)) & SearchKey::EmailId(atom("M1"));
    assert_eq!(search(nested), ["WITHIN", "OBJECTID"]);
    let and = SearchKey::And(vec![SearchKey::Flagged, SearchKey::ModSeq { entry: None, modseq: 1 }]);
    assert_eq!(search(and), ["CONDSTORE"]);
}

#[test]
fn search_of_rfc3501_keys_requires_nothing() {
    let key = SearchKey::Seen & SearchKey::Since(date()) & !SearchKey::Deleted
        | SearchKey::Uid("1:*".parse().unwrap());
    assert!(search(key).is_empty());
}

#[test]
fn search_return_save_requires_searchres_beside_esearch() {
    let save = Search::new(SearchKey::All).returning(SearchReturn::new().save());
    assert_eq!(save.capabilities(), ["ESEARCH", "SEARCHRES"]);
    let count = Search::new(SearchKey::All).returning(SearchReturn::new().count());
    assert_eq!(count.capabilities(), ["ESEARCH"]);
}

#[test]
fn sort_and_thread_require_what_their_search_keys_need() {
    let sort = Sort::new([SortKey::Date.reverse()], "UTF-8", SearchKey::Older(60)).unwrap();
    assert_eq!(sort.capabilities(), ["SORT", "WITHIN"]);
    let thread = Thread::new(ThreadAlgorithm::References, "UTF-8", SearchKey::EmailId(atom("M1"))).unwrap();
    assert_eq!(thread.capabilities(), ["THREAD=REFERENCES", "OBJECTID"]);
}

#[test]
fn sort_by_display_name_requires_sort_display() {
    let sort =
        |keys: &[SortKey]| Sort::new(keys.iter().copied(), "UTF-8", SearchKey::All).unwrap().capabilities();
    assert_eq!(sort(&[SortKey::DisplayFrom]), ["SORT", "SORT=DISPLAY"]);
    assert_eq!(sort(&[SortKey::Date, SortKey::DisplayTo, SortKey::DisplayFrom]), ["SORT", "SORT=DISPLAY"]);
    assert_eq!(sort(&[SortKey::From, SortKey::To, SortKey::Arrival]), ["SORT"]);
}

#[test]
fn thread_requires_its_algorithm() {
    let thread = |alg| Thread::new(alg, "UTF-8", SearchKey::All).unwrap().capabilities();
    assert_eq!(thread(ThreadAlgorithm::OrderedSubject), ["THREAD=ORDEREDSUBJECT"]);
    assert_eq!(thread(ThreadAlgorithm::References), ["THREAD=REFERENCES"]);
    assert_eq!(thread(ThreadAlgorithm::Refs), ["THREAD=REFS"]);
    assert!(
        thread(ThreadAlgorithm::Other(atom("X-MINE"))).is_empty(),
        "an unknown algorithm: the server decides"
    );
}

#[test]
fn list_return_options_require_their_extensions() {
    let list = |r| List::default().returning(r).capabilities();
    assert_eq!(list(ListReturn::Children), ["LIST-EXTENDED"]);
    assert_eq!(list(ListReturn::Subscribed), ["LIST-EXTENDED"]);
    assert_eq!(list(ListReturn::SpecialUse), ["LIST-EXTENDED", "SPECIAL-USE"]);
    assert_eq!(list(ListReturn::Status(vec![StatusAttr::Messages])), ["LIST-EXTENDED", "LIST-STATUS"]);
    let size = ListReturn::Status(vec![StatusAttr::Size, StatusAttr::HighestModSeq]);
    assert_eq!(list(size), ["LIST-EXTENDED", "LIST-STATUS", "STATUS=SIZE", "CONDSTORE"]);
    assert!(List::default().capabilities().is_empty());
}

#[test]
fn list_selection_options_require_their_extensions() {
    let list = |s| List::default().selecting(s).capabilities();
    assert_eq!(list(ListSelect::SpecialUse), ["LIST-EXTENDED", "SPECIAL-USE"]);
    assert_eq!(list(ListSelect::Subscribed), ["LIST-EXTENDED"]);
    assert_eq!(list(ListSelect::Other(atom("X-FOO"))), ["LIST-EXTENDED"]);
    let both = List::default().selecting(ListSelect::SpecialUse).returning(ListReturn::SpecialUse);
    assert_eq!(both.capabilities(), ["LIST-EXTENDED", "SPECIAL-USE"], "each name once");
}

fn status(attr: StatusAttr<'static>) -> Vec<&'static str> {
    StatusCommand::new("INBOX", [StatusAttr::Messages, attr]).unwrap().capabilities()
}

#[test]
fn status_requires_each_items_extension() {
    assert_eq!(status(StatusAttr::Size), ["STATUS=SIZE"]);
    assert_eq!(status(StatusAttr::HighestModSeq), ["CONDSTORE"]);
    assert_eq!(status(StatusAttr::AppendLimit), ["APPENDLIMIT"]);
    assert_eq!(status(StatusAttr::MailboxId), ["OBJECTID"]);
    assert_eq!(status(StatusAttr::Deleted), ["IMAP4rev2 or QUOTA=RES-MESSAGE"]);
    assert_eq!(status(StatusAttr::DeletedStorage), ["QUOTA=RES-STORAGE"]);
}

#[test]
fn status_of_base_items_and_unknown_atoms_requires_nothing() {
    for attr in [StatusAttr::UidNext, StatusAttr::Recent, StatusAttr::Other(atom("X-FOO"))] {
        assert!(status(attr.clone()).is_empty(), "{attr:?}");
    }
}

#[test]
fn requirements_of_containers_are_those_of_their_items() {
    let attrs = vec![FetchAttr::ModSeq, FetchAttr::Preview];
    assert_eq!(requirements_of(&attrs), ["CONDSTORE", "PREVIEW"]);
    assert_eq!(requirements_of(attrs.as_slice()), ["CONDSTORE", "PREVIEW"]);
    assert_eq!(requirements_of(&Some(FetchAttr::SaveDate)), ["SAVEDATE"]);
    assert!(requirements_of(&None::<FetchAttr<'_>>).is_empty());
    assert_eq!(requirements_of(&Box::new(StatusAttr::Size)), ["STATUS=SIZE"]);
    let mut out = vec!["X"];
    FetchAttr::ModSeq.requirements(&mut out);
    assert_eq!(out, ["X", "CONDSTORE"], "requirements() appends");
}
