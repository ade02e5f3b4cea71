//! The sans-I/O core refuses a command whose option needs a capability the
//! server lacks, with `Error::Unsupported` naming it and nothing written;
//! with the capability (or IMAP4rev2, where it includes it) the command
//! goes out.

mod support;

use support::sans_io::{preauth, selected, sent};
use typed_imap::Error;
use typed_imap::command::{
    Command, Fetch, List, ListReturn, ListSelect, Search, SearchReturn, Sort, SortKey, StatusCommand, Thread,
    ThreadAlgorithm,
};
use typed_imap::session::Protocol;
use typed_imap::types::{Atom, FetchAttr, SearchKey, SequenceSet, StatusAttr};

fn refused<C: Command>(p: &mut Protocol, cmd: &C, capability: &str) {
    match p.send(cmd) {
        Err(Error::Unsupported { capability: missing, .. }) => assert_eq!(missing, capability),
        other => panic!("expected Unsupported {capability}, got {other:?}"),
    }
    assert_eq!(sent(p), "", "nothing is sent");
}

fn sends<C: Command>(p: &mut Protocol, cmd: &C) -> String {
    p.send(cmd).unwrap_or_else(|e| panic!("{} refused: {e:?}", cmd.name()));
    sent(p)
}

#[test]
fn thread_without_its_algorithm_is_refused_naming_it() {
    let cmd = Thread::new(ThreadAlgorithm::References, "UTF-8", SearchKey::All).unwrap();
    refused(&mut selected("IMAP4rev1 THREAD=ORDEREDSUBJECT"), &cmd, "THREAD=REFERENCES");
    assert_eq!(
        sends(&mut selected("IMAP4rev1 THREAD=REFERENCES"), &cmd),
        "A1 THREAD REFERENCES UTF-8 ALL\r\n"
    );
}

#[test]
fn thread_with_an_unknown_algorithm_is_left_to_the_server() {
    let cmd =
        Thread::new(ThreadAlgorithm::Other(Atom::new("X-MINE").unwrap()), "UTF-8", SearchKey::All).unwrap();
    assert_eq!(sends(&mut selected("IMAP4rev1"), &cmd), "A1 THREAD X-MINE UTF-8 ALL\r\n");
}

#[test]
fn fetch_modseq_without_condstore_is_refused() {
    let cmd = Fetch::new("1".parse().unwrap(), vec![FetchAttr::Flags, FetchAttr::ModSeq]);
    refused(&mut selected("IMAP4rev2"), &cmd, "CONDSTORE");
    assert_eq!(sends(&mut selected("IMAP4rev1 QRESYNC"), &cmd), "A1 FETCH 1 (FLAGS MODSEQ)\r\n");
}

#[test]
fn fetch_binary_needs_binary_or_imap4rev2() {
    let cmd = Fetch::new("1".parse().unwrap(), vec![FetchAttr::binary_peek(vec![])]);
    refused(&mut selected("IMAP4rev1"), &cmd, "BINARY");
    assert_eq!(sends(&mut selected("IMAP4rev1 BINARY"), &cmd), "A1 FETCH 1 (BINARY.PEEK[])\r\n");
    assert_eq!(sends(&mut selected("IMAP4rev2"), &cmd), "A1 FETCH 1 (BINARY.PEEK[])\r\n");
}

#[test]
fn fetch_objectid_savedate_and_preview_are_refused_without_them() {
    let fetch = |a| Fetch::new("1".parse().unwrap(), vec![a]);
    refused(&mut selected("IMAP4rev2"), &fetch(FetchAttr::EmailId), "OBJECTID");
    refused(&mut selected("IMAP4rev2"), &fetch(FetchAttr::SaveDate), "SAVEDATE");
    refused(&mut selected("IMAP4rev2"), &fetch(FetchAttr::Preview), "PREVIEW");
    assert_eq!(
        sends(&mut selected("IMAP4rev2 PREVIEW"), &fetch(FetchAttr::Preview)),
        "A1 FETCH 1 (PREVIEW)\r\n"
    );
}

#[test]
fn search_keys_of_extensions_are_refused_without_them() {
    let search = |k| Search::new(k);
    refused(&mut selected("IMAP4rev1"), &search(SearchKey::ModSeq { entry: None, modseq: 9 }), "CONDSTORE");
    refused(&mut selected("IMAP4rev1"), &search(SearchKey::Younger(600)), "WITHIN");
    refused(&mut selected("IMAP4rev1"), &search(SearchKey::SaveDateSupported), "SAVEDATE");
    refused(&mut selected("IMAP4rev1"), &search(SearchKey::Uid(SequenceSet::saved())), "SEARCHRES");
    let line = sends(&mut selected("IMAP4rev1 WITHIN"), &search(SearchKey::Younger(600)));
    assert_eq!(line, "A1 SEARCH YOUNGER 600\r\n");
}

#[test]
fn search_return_save_is_refused_without_searchres() {
    let cmd = Search::new(SearchKey::All).returning(SearchReturn::new().save());
    refused(&mut selected("IMAP4rev1 ESEARCH"), &cmd, "SEARCHRES");
    assert_eq!(sends(&mut selected("IMAP4rev1 SEARCHRES"), &cmd), "A1 SEARCH RETURN (SAVE) ALL\r\n");
}

#[test]
fn fetch_of_the_saved_result_is_refused_without_searchres() {
    let cmd = Fetch::new(SequenceSet::saved(), vec![FetchAttr::Uid]);
    refused(&mut selected("IMAP4rev1 ESEARCH"), &cmd, "SEARCHRES");
}

#[test]
fn list_status_is_refused_without_list_status() {
    let cmd = List::default().returning(ListReturn::Status(vec![StatusAttr::Messages]));
    refused(&mut preauth("IMAP4rev1 LIST-EXTENDED"), &cmd, "LIST-STATUS");
    let line = sends(&mut preauth("IMAP4rev1 LIST-EXTENDED LIST-STATUS"), &cmd);
    assert_eq!(line, "A0 LIST \"\" * RETURN (STATUS (MESSAGES))\r\n");
}

#[test]
fn list_special_use_needs_special_use_even_under_imap4rev2() {
    refused(&mut preauth("IMAP4rev2"), &List::default().returning(ListReturn::SpecialUse), "SPECIAL-USE");
    refused(&mut preauth("IMAP4rev2"), &List::default().selecting(ListSelect::SpecialUse), "SPECIAL-USE");
    let line =
        sends(&mut preauth("IMAP4rev2 SPECIAL-USE"), &List::default().selecting(ListSelect::SpecialUse));
    assert_eq!(line, "A0 LIST (SPECIAL-USE) \"\" *\r\n");
}

#[test]
fn status_items_of_extensions_are_refused_without_them() {
    let status = |a| StatusCommand::new("INBOX", [a]).unwrap();
    refused(&mut preauth("IMAP4rev1"), &status(StatusAttr::Size), "STATUS=SIZE");
    refused(&mut preauth("IMAP4rev2"), &status(StatusAttr::AppendLimit), "APPENDLIMIT");
    refused(&mut preauth("IMAP4rev2"), &status(StatusAttr::MailboxId), "OBJECTID");
    refused(&mut preauth("IMAP4rev2"), &status(StatusAttr::HighestModSeq), "CONDSTORE");
    assert_eq!(sends(&mut preauth("IMAP4rev2"), &status(StatusAttr::Size)), "A0 STATUS INBOX (SIZE)\r\n");
    assert_eq!(
        sends(&mut preauth("IMAP4rev1 STATUS=SIZE"), &status(StatusAttr::Size)),
        "A0 STATUS INBOX (SIZE)\r\n"
    );
}

#[test]
fn status_deleted_needs_imap4rev2_or_quota_res_message() {
    let status = |a| StatusCommand::new("INBOX", [a]).unwrap();
    let either = "IMAP4rev2 or QUOTA=RES-MESSAGE";
    refused(&mut preauth("IMAP4rev1 QUOTA QUOTA=RES-STORAGE"), &status(StatusAttr::Deleted), either);
    for caps in ["IMAP4rev2", "IMAP4rev1 QUOTA QUOTA=RES-MESSAGE", "IMAP4rev1 quota=res-message"] {
        assert_eq!(
            sends(&mut preauth(caps), &status(StatusAttr::Deleted)),
            "A0 STATUS INBOX (DELETED)\r\n",
            "{caps}"
        );
    }
    refused(
        &mut preauth("IMAP4rev2 QUOTA=RES-MESSAGE"),
        &status(StatusAttr::DeletedStorage),
        "QUOTA=RES-STORAGE",
    );
    assert_eq!(
        sends(&mut preauth("IMAP4rev1 QUOTA=RES-STORAGE"), &status(StatusAttr::DeletedStorage)),
        "A0 STATUS INBOX (DELETED-STORAGE)\r\n"
    );
}

#[test]
fn an_unmet_any_of_requirement_names_every_alternative() {
    let err =
        preauth("IMAP4rev1").send(&StatusCommand::new("INBOX", [StatusAttr::Deleted]).unwrap()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "STATUS needs the server capability IMAP4rev2 or QUOTA=RES-MESSAGE, which it does not advertise"
    );
}

#[test]
fn sort_by_display_name_is_refused_without_sort_display() {
    let cmd = Sort::new([SortKey::DisplayFrom.reverse()], "UTF-8", SearchKey::All).unwrap();
    refused(&mut selected("IMAP4rev2 SORT"), &cmd, "SORT=DISPLAY");
    let line = sends(&mut selected("IMAP4rev1 SORT SORT=DISPLAY"), &cmd);
    assert_eq!(line, "A1 SORT (REVERSE DISPLAYFROM) UTF-8 ALL\r\n");
}
