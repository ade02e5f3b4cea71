//! Decoding the message commands' results (CHECK, CLOSE, UNSELECT,
//! EXPUNGE, UID EXPUNGE, SEARCH, FETCH, PARTIAL, STORE, COPY, MOVE, SORT,
//! THREAD) and what each collects.
//!
//! Each test feeds server bytes (RFC examples from spec/vectors,
//! Dovecot/Cyrus shapes) through the parser, keeps the responses the
//! command collects, and checks the typed output of `decode` field by
//! field. The wire snapshots are in `commands_message.rs`. Tests named
//! `cNN_...` cover conformance.md section C item NN.

use typed_imap::command::{
    Check, Close, Command, Copy, Expunge, Fetch, Move, Partial, PartialItem, Search, SearchReturn, Sort,
    SortKey, State, Store, Thread, ThreadAlgorithm, UidExpunge, Unselect,
};
use typed_imap::types::{AString, FetchAttr, FetchItems, Flag, Response, SearchKey, SequenceSet, Status};
use typed_imap::wire::parse_response;

// ---------------------------------------------------------------- helpers

fn set(s: &str) -> SequenceSet {
    s.parse().unwrap()
}

fn astr(s: &str) -> AString<'static> {
    AString::try_from(s.to_owned()).unwrap()
}

/// One response, parsed and detached.
fn response(line: &str) -> Response<'static> {
    let (r, used) = parse_response(line.as_bytes()).unwrap();
    assert_eq!(used, line.len(), "{line:?} not parsed whole");
    r.into_owned()
}

/// The responses of `lines`, which end with CRLF each.
fn responses(lines: &[&str]) -> Vec<Response<'static>> {
    lines.iter().map(|l| response(l)).collect()
}

/// The tagged status of `line`.
fn done(line: &str) -> Status<'static> {
    match response(line) {
        Response::Status(s) => s,
        other => panic!("not a status: {other:?}"),
    }
}

/// The collected responses as the session would gather them: those the
/// command collects, in order.
fn collected<C: Command>(cmd: &C, lines: &[&str]) -> Vec<Response<'static>> {
    responses(lines).into_iter().filter(|r| cmd.collects(r)).collect()
}

// ------------------------------------------------- CHECK, CLOSE, UNSELECT

#[test]
fn c39_check_close_unselect_selected_only_collect_nothing() {
    let noise = responses(&["* 3 EXPUNGE\r\n", "* 4 EXISTS\r\n", "* OK [ALERT] hi\r\n"]);
    for r in &noise {
        assert!(!Check.collects(r));
        assert!(!Close.collects(r), "CLOSE expunges silently: {r:?}");
        assert!(!Unselect.collects(r));
    }
    for states in [Check.states(), Close.states(), Unselect.states()] {
        assert!(states.contains(State::Selected));
        assert!(!states.contains(State::Authenticated));
    }
    assert!(Check.capabilities().is_empty());
    assert_eq!(Unselect.capabilities(), ["UNSELECT"]);
    let ok = done("A341 OK CLOSE completed\r\n");
    Close.decode(vec![], &ok).unwrap();
    Unselect.decode(vec![], &done("A341 OK Unselect completed\r\n")).unwrap();
    Check.decode(vec![], &done("FXXZ OK CHECK Completed\r\n")).unwrap();
}

// -------------------------------------------------- EXPUNGE, UID EXPUNGE

#[test]
fn c39_expunge_rfc3501_numbers_in_order_repeats_kept() {
    let lines = ["* 3 EXPUNGE\r\n", "* 3 EXPUNGE\r\n", "* 5 EXPUNGE\r\n", "* 8 EXPUNGE\r\n"];
    let out = Expunge.decode(collected(&Expunge, &lines), &done("A202 OK EXPUNGE completed\r\n")).unwrap();
    assert_eq!(out.seqs, [3, 3, 5, 8]);
    assert_eq!(out.vanished, None);
    assert_eq!(out.highest_modseq, None);
    assert!(out.unsolicited.is_empty());
    assert!(!out.is_empty());
}

#[test]
fn expunge_qresync_vanished_and_highestmodseq() {
    let lines = ["* VANISHED 405,407,410,425\r\n"];
    let ok = done("B202 OK [HIGHESTMODSEQ 20010715194045319] expunged\r\n");
    let out = Expunge.decode(collected(&Expunge, &lines), &ok).unwrap();
    assert!(out.seqs.is_empty());
    assert_eq!(out.vanished, Some(set("405,407,410,425")));
    assert_eq!(out.highest_modseq, Some(20010715194045319));
}

#[test]
fn expunge_joins_vanished_and_sets_earlier_apart() {
    let lines = ["* VANISHED 1:3\r\n", "* VANISHED (EARLIER) 9\r\n", "* VANISHED 7\r\n"];
    let out = Expunge.decode(collected(&Expunge, &lines), &done("A1 OK done\r\n")).unwrap();
    assert_eq!(out.vanished.unwrap().to_string(), "1:3,7");
    assert_eq!(out.unsolicited, responses(&["* VANISHED (EARLIER) 9\r\n"]));
}

#[test]
fn expunge_with_nothing_deleted_is_empty() {
    let out = Expunge.decode(vec![], &done("A1 OK Expunge completed.\r\n")).unwrap();
    assert!(out.is_empty());
}

#[test]
fn expunge_collects_expunge_and_vanished_only() {
    let [expunge, vanished, exists, fetch] =
        ["* 3 EXPUNGE\r\n", "* VANISHED 4\r\n", "* 4 EXISTS\r\n", "* 1 FETCH (FLAGS ())\r\n"].map(response);
    let uid = UidExpunge::new(set("1"));
    assert!(Expunge.collects(&expunge) && uid.collects(&expunge));
    assert!(Expunge.collects(&vanished) && uid.collects(&vanished));
    assert!(!Expunge.collects(&exists) && !uid.collects(&exists));
    assert!(!Expunge.collects(&fetch) && !uid.collects(&fetch));
}

#[test]
fn uid_expunge_rfc4315_example() {
    let cmd = UidExpunge::new(set("3000:3002"));
    let lines = ["* 3 EXPUNGE\r\n", "* 3 EXPUNGE\r\n", "* 3 EXPUNGE\r\n"];
    let out = cmd.decode(collected(&cmd, &lines), &done("A003 OK UID EXPUNGE completed\r\n")).unwrap();
    assert_eq!(out.seqs, [3, 3, 3]);
    assert!(cmd.is_uid());
    assert_eq!(cmd.name(), "EXPUNGE");
    assert_eq!(cmd.capabilities(), ["UIDPLUS"]);
    assert!(!cmd.states().contains(State::Authenticated));
}

// ----------------------------------------------------------------- SEARCH

#[test]
fn search_rfc3501_numbers() {
    let cmd = Search::default();
    let out = cmd
        .decode(collected(&cmd, &["* SEARCH 2 84 882\r\n"]), &done("A282 OK SEARCH completed\r\n"))
        .unwrap();
    assert_eq!(out.numbers, [2, 84, 882]);
    assert_eq!(out.modseq, None);
    assert!(!out.extended);
    assert!(out.unsolicited.is_empty());
}

#[test]
fn c80_search_without_numbers_is_empty() {
    let cmd = Search::new(SearchKey::Text(astr("string not in mailbox")));
    let out = cmd.decode(collected(&cmd, &["* SEARCH\r\n"]), &done("A283 OK SEARCH completed\r\n")).unwrap();
    assert!(out.numbers.is_empty());
    assert!(!out.extended);
}

#[test]
fn search_condstore_modseq() {
    let cmd = Search::default();
    let lines = ["* SEARCH 2 5 6 7 11 12 18 19 20 23 (MODSEQ 917162500)\r\n"];
    let out = cmd.decode(collected(&cmd, &lines), &done("a OK Search complete\r\n")).unwrap();
    assert_eq!(out.numbers, [2, 5, 6, 7, 11, 12, 18, 19, 20, 23]);
    assert_eq!(out.modseq, Some(917162500));
}

#[test]
fn search_esearch_min_count_rfc4731() {
    let cmd = Search::new(SearchKey::Flagged).returning(SearchReturn::new().min().count());
    let lines = ["* ESEARCH (TAG \"A282\") MIN 2 COUNT 3\r\n"];
    let out = cmd.decode(collected(&cmd, &lines), &done("A282 OK SEARCH completed\r\n")).unwrap();
    assert!(out.extended);
    assert!(!out.uid);
    assert_eq!((out.min, out.max, out.count), (Some(2), None, Some(3)));
    assert_eq!(out.all, None);
    assert!(out.numbers.is_empty());
}

#[test]
fn search_esearch_all_set_and_uid_rfc4731() {
    let cmd = Search::new(SearchKey::Flagged).returning(SearchReturn::new());
    let all = cmd
        .decode(collected(&cmd, &["* ESEARCH (TAG \"A283\") ALL 2,10:11\r\n"]), &done("A283 OK done\r\n"))
        .unwrap();
    assert_eq!(all.all, Some(set("2,10:11")));
    let uid = cmd.clone().uid();
    let lines = ["* ESEARCH (TAG \"A285\") UID MIN 7 MAX 3800\r\n"];
    let out = uid.decode(collected(&uid, &lines), &done("A285 OK SEARCH completed\r\n")).unwrap();
    assert!(out.uid);
    assert_eq!((out.min, out.max, out.count), (Some(7), Some(3800), None));
}

#[test]
fn search_esearch_of_another_command_is_unsolicited() {
    let cmd = Search::default().returning(SearchReturn::new().count());
    let lines = ["* ESEARCH (TAG \"A9\") COUNT 9\r\n", "* ESEARCH (TAG \"A5\") COUNT 2\r\n"];
    let out = cmd
        .decode(collected(&cmd, &lines), &done("A5 OK Search completed (0.001 + 0.000 secs).\r\n"))
        .unwrap();
    assert_eq!(out.count, Some(2));
    assert_eq!(out.unsolicited, responses(&lines[..1]));
}

#[test]
fn search_collects_search_and_esearch_only() {
    let cmd = Search::default();
    assert!(cmd.collects(&response("* SEARCH 1\r\n")));
    assert!(cmd.collects(&response("* ESEARCH COUNT 1\r\n")));
    assert!(!cmd.collects(&response("* 2 EXISTS\r\n")));
    assert!(!cmd.collects(&response("* SORT 1\r\n")));
}

// ------------------------------------------------------------------ FETCH

#[test]
fn fetch_rfc3501_uid_fetch_matches_by_uid() {
    let cmd = Fetch::new(set("4827313:4828442"), vec![FetchAttr::Flags]).uid();
    let lines = [
        "* 23 FETCH (FLAGS (\\Seen) UID 4827313)\r\n",
        "* 24 FETCH (FLAGS (\\Seen) UID 4827943)\r\n",
        "* 25 FETCH (FLAGS (\\Seen) UID 4828442)\r\n",
    ];
    let out = cmd.decode(collected(&cmd, &lines), &done("A999 OK UID FETCH completed\r\n")).unwrap();
    assert_eq!(out.messages.iter().map(|m| m.seq).collect::<Vec<_>>(), [23, 24, 25]);
    assert_eq!(
        out.messages.iter().map(|m| m.uid()).collect::<Vec<_>>(),
        [Some(4827313), Some(4827943), Some(4828442)]
    );
    assert_eq!(out.messages[0].flags(), Some(&[Flag::Seen][..]));
    assert!(out.unsolicited.is_empty());
    assert_eq!(out.vanished, None);
}

#[test]
fn fetch_dovecot_uid_flags() {
    let cmd = Fetch::new(set("1:*"), vec![FetchAttr::Uid, FetchAttr::Flags]).uid();
    let lines = ["* 1 FETCH (UID 1 FLAGS (\\Seen))\r\n", "* 2 FETCH (UID 2 FLAGS ())\r\n"];
    let out = cmd
        .decode(collected(&cmd, &lines), &done("A6 OK Fetch completed (0.001 + 0.000 secs).\r\n"))
        .unwrap();
    assert_eq!(out.messages.len(), 2);
    assert_eq!(out.messages[1].seq, 2);
    assert_eq!(out.messages[1].uid(), Some(2));
    assert_eq!(out.messages[1].flags(), Some(&[][..]));
}

#[test]
fn c89_fetch_keeps_unsolicited_fetches_apart() {
    // FETCH 1:2 (UID): a flag update for message 7 (outside the set) and a
    // bare flag update for message 2 (FLAGS not asked for) are not the result.
    let cmd = Fetch::new(set("1:2"), vec![FetchAttr::Uid]);
    let lines = [
        "* 1 FETCH (UID 10)\r\n",
        "* 7 FETCH (FLAGS (\\Seen))\r\n",
        "* 2 FETCH (FLAGS (\\Deleted))\r\n",
        "* 2 FETCH (UID 11)\r\n",
    ];
    let out = cmd.decode(collected(&cmd, &lines), &done("A1 OK done\r\n")).unwrap();
    assert_eq!(
        out.messages.iter().map(|m| (m.seq, m.uid())).collect::<Vec<_>>(),
        [(1, Some(10)), (2, Some(11))]
    );
    // Not collected at all: the session queues them as events.
    assert!(responses(&lines[1..3]).iter().all(|r| !cmd.collects(r)));
    assert!(out.unsolicited.is_empty());
}

#[test]
fn fetch_flags_asked_keeps_flag_responses_in_set() {
    let cmd = Fetch::new(set("2:*"), FetchItems::FAST);
    let lines = ["* 2 FETCH (FLAGS (\\Seen))\r\n", "* 1 FETCH (FLAGS ())\r\n"];
    let out = cmd.decode(collected(&cmd, &lines), &done("A1 OK done\r\n")).unwrap();
    assert_eq!(out.messages.len(), 1);
    assert_eq!(out.messages[0].seq, 2);
    assert!(!cmd.collects(&response(lines[1])), "message 1 is outside 2:*");
}

#[test]
fn fetch_set_membership_reversed_ranges_star_and_saved() {
    let lines = ["* 3 FETCH (UID 3)\r\n", "* 9 FETCH (UID 9)\r\n"];
    let ok = done("A1 OK done\r\n");
    let seqs = |s: &str| -> Vec<u32> {
        let cmd = Fetch::new(set(s), vec![FetchAttr::Uid]);
        cmd.decode(collected(&cmd, &lines), &ok).unwrap().messages.iter().map(|m| m.seq).collect()
    };
    assert_eq!(seqs("4:2"), [3]);
    assert_eq!(seqs("5:*"), [9]);
    assert_eq!(seqs("*:4"), [9]);
    assert_eq!(seqs("*"), [3, 9]);
    assert_eq!(seqs("$"), [3, 9]);
    assert_eq!(seqs("1,2,10"), Vec::<u32>::new());
}

#[test]
fn fetch_qresync_vanished_earlier() {
    let cmd = Fetch::new(set("300:500"), vec![FetchAttr::Flags]).vanished(12345).uid();
    let lines = ["* VANISHED (EARLIER) 300:310,405,411\r\n", "* 1 FETCH (UID 404 FLAGS (\\Seen))\r\n"];
    let out = cmd.decode(collected(&cmd, &lines), &done("s100 OK FETCH completed\r\n")).unwrap();
    assert_eq!(out.vanished, Some(set("300:310,405,411")));
    assert_eq!(out.messages.len(), 1);
    assert_eq!(out.messages[0].uid(), Some(404));
}

#[test]
fn fetch_live_vanished_is_unsolicited() {
    let cmd = Fetch::new(set("1"), vec![FetchAttr::Uid]);
    assert!(!cmd.collects(&response("* VANISHED 9\r\n")), "a live VANISHED is an event");
    let out = cmd.decode(collected(&cmd, &["* VANISHED 9\r\n"]), &done("A1 OK done\r\n")).unwrap();
    assert_eq!(out.vanished, None);
}

#[test]
fn fetch_collects_fetch_and_vanished_not_exists() {
    let cmd = Fetch::new(set("1"), vec![FetchAttr::Uid]);
    assert!(cmd.collects(&response("* 1 FETCH (UID 3)\r\n")));
    assert!(cmd.collects(&response("* VANISHED (EARLIER) 3\r\n")));
    assert!(!cmd.collects(&response("* 3 EXISTS\r\n")));
    assert!(!cmd.collects(&response("* 3 EXPUNGE\r\n")));
}

// ---------------------------------------------------------------- PARTIAL

#[test]
fn c39_partial_decodes_like_fetch() {
    let cmd = Partial::new(4, PartialItem::Rfc822 { text: false, peek: false }, 1, 1024).unwrap();
    assert_eq!(cmd.name(), "PARTIAL");
    assert!(!cmd.is_uid());
    let ok = done("A005 OK PARTIAL completed\r\n");
    // RFC 1730's example answers `* 1 FETCH` to PARTIAL 4: the first FETCH.
    let first = cmd.decode(collected(&cmd, &["* 1 FETCH (FLAGS (\\Seen))\r\n"]), &ok).unwrap().unwrap();
    assert_eq!(first.seq, 1);
    let lines = ["* 1 FETCH (FLAGS ())\r\n", "* 4 FETCH (FLAGS (\\Seen))\r\n"];
    let ours = cmd.decode(collected(&cmd, &lines), &ok).unwrap().unwrap();
    assert_eq!(ours.seq, 4);
    assert_eq!(ours.flags(), Some(&[Flag::Seen][..]));
    assert_eq!(cmd.decode(vec![], &ok).unwrap(), None);
}

// ------------------------------------------------------------------ STORE

#[test]
fn c30_store_rfc3501_flags_answers() {
    let cmd = Store::add(set("2:4"), [Flag::Deleted]).unwrap();
    let lines = [
        "* 2 FETCH (FLAGS (\\Deleted \\Seen))\r\n",
        "* 3 FETCH (FLAGS (\\Deleted))\r\n",
        "* 4 FETCH (FLAGS (\\Deleted \\Flagged \\Seen))\r\n",
    ];
    let out = cmd.decode(collected(&cmd, &lines), &done("A003 OK STORE completed\r\n")).unwrap();
    assert_eq!(out.messages.iter().map(|m| m.seq).collect::<Vec<_>>(), [2, 3, 4]);
    assert_eq!(out.messages[2].flags(), Some(&[Flag::Deleted, Flag::Flagged, Flag::Seen][..]));
    assert_eq!(out.modified, None);
    assert!(out.unsolicited.is_empty());
}

#[test]
fn store_conditional_modified_code() {
    let cmd = Store::add(set("1"), [Flag::Flagged]).unwrap().unchanged_since(1);
    let lines = ["* 1 FETCH (UID 1 FLAGS (\\Seen))\r\n"];
    let out = cmd
        .decode(collected(&cmd, &lines), &done("A7 OK [MODIFIED 1] Conditional store failed\r\n"))
        .unwrap();
    assert_eq!(out.modified, Some(set("1")));
    assert_eq!(out.messages.len(), 1);
    let rfc = done("d105 OK [MODIFIED 7,9] Conditional STORE failed\r\n");
    assert_eq!(cmd.decode(vec![], &rfc).unwrap().modified, Some(set("7,9")));
}

#[test]
fn store_silent_sets_flag_fetches_apart() {
    let cmd = Store::add(set("1:2"), [Flag::Seen]).unwrap().silent();
    let lines = ["* 2 FETCH (FLAGS (\\Seen \\Answered))\r\n", "* 5 FETCH (UID 9)\r\n"];
    assert!(responses(&lines).iter().all(|r| !cmd.collects(r)), "both are events for the session");
    let out = cmd.decode(collected(&cmd, &lines), &done("A1 OK done\r\n")).unwrap();
    assert!(out.messages.is_empty());
}

#[test]
fn store_uid_form_matches_by_uid() {
    let cmd = Store::add(set("6,4,8"), [Flag::Deleted]).unwrap().uid();
    let lines = ["* 1 FETCH (UID 4 FLAGS (\\Deleted))\r\n", "* 2 FETCH (UID 6 FLAGS (\\Deleted))\r\n"];
    let out = cmd.decode(collected(&cmd, &lines), &done("a103 OK Store completed\r\n")).unwrap();
    assert_eq!(out.messages.iter().map(|m| m.uid()).collect::<Vec<_>>(), [Some(4), Some(6)]);
    assert!(!cmd.collects(&response("* 3 EXISTS\r\n")));
}

// ------------------------------------------------------------ COPY, MOVE

#[test]
fn c38_copy_copyuid_from_tagged_ok() {
    let cmd = Copy::new(set("2:4"), "meeting").unwrap();
    let ok = done("A004 OK [COPYUID 38505 304,319:320 3956:3958] Done\r\n");
    let copy_uid = cmd.decode(vec![], &ok).unwrap().unwrap();
    assert_eq!(copy_uid.uid_validity, 38505);
    assert_eq!(copy_uid.source, set("304,319:320"));
    assert_eq!(copy_uid.destination, set("3956:3958"));
    let none = cmd.decode(vec![], &done("A005 OK No matching messages, so nothing copied\r\n")).unwrap();
    assert_eq!(none, None);
    assert!(!cmd.collects(&response("* OK [COPYUID 1 1 1] x\r\n")));
    assert!(cmd.capabilities().is_empty());
}

#[test]
fn move_rfc6851_untagged_copyuid_then_expunges() {
    let cmd = Move::new(set("42:69"), "foo").unwrap().uid();
    let lines = [
        "* OK [COPYUID 432432 42:69 1202:1229]\r\n",
        "* 22 EXPUNGE\r\n",
        "* 22 EXPUNGE\r\n",
        "* 3 EXISTS\r\n",
    ];
    let out = cmd.decode(collected(&cmd, &lines), &done("a OK Done\r\n")).unwrap();
    let copy_uid = out.copy_uid.unwrap();
    assert_eq!(copy_uid.uid_validity, 432432);
    assert_eq!(copy_uid.source, set("42:69"));
    assert_eq!(copy_uid.destination, set("1202:1229"));
    assert_eq!(out.expunged.seqs, [22, 22]);
    assert!(out.unsolicited.is_empty());
}

#[test]
fn move_dovecot_shape_with_alert_kept_apart() {
    let cmd = Move::new(set("2"), "Trash").unwrap().uid();
    let lines = [
        "* OK [ALERT] Quota warning\r\n",
        "* OK [COPYUID 1764330001 2 1] Moved UIDs.\r\n",
        "* 2 EXPUNGE\r\n",
    ];
    let out =
        cmd.decode(collected(&cmd, &lines), &done("A8 OK Move completed (0.001 + 0.000 secs).\r\n")).unwrap();
    assert_eq!(out.copy_uid.unwrap().destination, set("1"));
    assert_eq!(out.expunged.seqs, [2]);
    assert_eq!(out.unsolicited, responses(&lines[..1]));
}

#[test]
fn move_copyuid_in_tagged_ok_and_vanished() {
    let cmd = Move::new(set("5"), "Trash").unwrap().uid();
    let lines = ["* VANISHED 5\r\n"];
    let ok = done("A1 OK [COPYUID 7 5 100] Moved\r\n");
    let out = cmd.decode(collected(&cmd, &lines), &ok).unwrap();
    assert_eq!(out.copy_uid.unwrap().uid_validity, 7);
    assert_eq!(out.expunged.vanished, Some(set("5")));
}

#[test]
fn move_two_different_copyuids_is_a_decode_error() {
    let cmd = Move::new(set("5"), "Trash").unwrap();
    let lines = ["* OK [COPYUID 7 5 100] Moved\r\n"];
    let err = cmd.decode(collected(&cmd, &lines), &done("A1 OK [COPYUID 7 5 101] Moved\r\n")).unwrap_err();
    match err {
        typed_imap::Error::Decode { command, reason } => {
            assert_eq!(command, "MOVE");
            assert!(reason.contains("COPYUID"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    // The same code twice is no contradiction.
    let same = cmd.decode(collected(&cmd, &lines), &done("A1 OK [COPYUID 7 5 100] Moved\r\n")).unwrap();
    assert_eq!(same.copy_uid.unwrap().destination, set("100"));
}

#[test]
fn move_collects_ok_expunge_vanished_not_no_or_exists() {
    let cmd = Move::new(set("5"), "Trash").unwrap();
    assert_eq!(cmd.capabilities(), ["MOVE"]);
    assert!(cmd.collects(&response("* OK [COPYUID 7 5 100] x\r\n")));
    assert!(cmd.collects(&response("* 1 EXPUNGE\r\n")));
    assert!(cmd.collects(&response("* VANISHED 5\r\n")));
    assert!(!cmd.collects(&response("* NO [ALERT] x\r\n")));
    assert!(!cmd.collects(&response("* 4 EXISTS\r\n")));
}

// ------------------------------------------------------------------- SORT

#[test]
fn c31_sort_rfc5256_numbers_in_sort_order() {
    let cmd =
        Sort::new([SortKey::Subject.ascending(), SortKey::Date.reverse()], "UTF-8", SearchKey::All).unwrap();
    assert_eq!(cmd.capabilities(), ["SORT"]);
    let out =
        cmd.decode(collected(&cmd, &["* SORT 5 3 4 1 2\r\n"]), &done("A283 OK SORT completed\r\n")).unwrap();
    assert_eq!(out.numbers, [5, 3, 4, 1, 2]);
    assert_eq!(out.modseq, None);
    let empty = cmd.decode(collected(&cmd, &["* SORT\r\n"]), &done("A284 OK SORT completed\r\n")).unwrap();
    assert!(empty.numbers.is_empty());
    assert!(!cmd.collects(&response("* SEARCH 1\r\n")));
}

// ----------------------------------------------------------------- THREAD

#[test]
fn c81_thread_rfc5256_tree() {
    let cmd = Thread::new(ThreadAlgorithm::OrderedSubject, "UTF-8", SearchKey::All).unwrap();
    let lines = ["* THREAD (2)(3 6 (4 23)(44 7 96))\r\n"];
    let trees = cmd.decode(collected(&cmd, &lines), &done("A283 OK THREAD completed\r\n")).unwrap();
    assert_eq!(trees.len(), 2);
    assert_eq!(trees[0].messages, [2]);
    assert!(trees[0].children.is_empty());
    assert_eq!(trees[1].messages, [3, 6]);
    assert_eq!(trees[1].children[0].messages, [4, 23]);
    assert_eq!(trees[1].children[1].messages, [44, 7, 96]);
}

#[test]
fn thread_missing_root_and_empty() {
    let cmd = Thread::new(ThreadAlgorithm::References, "UTF-8", SearchKey::All).unwrap();
    let ok = done("A1 OK done\r\n");
    let trees = cmd.decode(collected(&cmd, &["* THREAD ((3)(5))\r\n"]), &ok).unwrap();
    assert_eq!(trees.len(), 1);
    assert!(trees[0].messages.is_empty());
    assert_eq!(trees[0].children.iter().map(|t| t.messages.clone()).collect::<Vec<_>>(), [vec![3], vec![5]]);
    assert!(cmd.decode(collected(&cmd, &["* THREAD\r\n"]), &ok).unwrap().is_empty());
    assert!(!cmd.collects(&response("* SORT 1\r\n")));
    assert_eq!(cmd.capabilities(), ["THREAD=REFERENCES"]);
}

// ------------------------------------------------------------- all of them

#[test]
fn every_message_command_is_selected_state_only() {
    let states = [
        Expunge.states(),
        UidExpunge::new(set("1")).states(),
        Search::default().states(),
        Fetch::new(set("1"), FetchItems::FAST).states(),
        Partial::new(1, PartialItem::Rfc822Header, 1, 1).unwrap().states(),
        Store::add(set("1"), [Flag::Seen]).unwrap().states(),
        Copy::new(set("1"), "A").unwrap().states(),
        Move::new(set("1"), "A").unwrap().states(),
        Sort::new([SortKey::Date], "UTF-8", SearchKey::All).unwrap().states(),
        Thread::new(ThreadAlgorithm::References, "UTF-8", SearchKey::All).unwrap().states(),
    ];
    for s in states {
        assert!(s.contains(State::Selected));
        assert!(!s.contains(State::Authenticated));
        assert!(!s.contains(State::NotAuthenticated));
    }
}
