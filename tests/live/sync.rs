//! Synchronisation on both servers: CONDSTORE (MODSEQ, CHANGEDSINCE),
//! QRESYNC (ENABLE, VANISHED after an expunge, SELECT with QRESYNC giving
//! VANISHED (EARLIER)), and another session's APPEND seen as an EXISTS
//! event by NOOP, and during IDLE.

use typed_imap::command::{Enable, Expunge, Fetch, Login, Noop, QResync, Search, Select, Store, UidExpunge};
use typed_imap::session::Event;
use typed_imap::types::{Data, FetchAttr, FetchItem, FetchItems, Flag, SearchKey, SequenceSet};

use super::driver::Driver;
use super::message::{MESSAGE, append, cleanup, fresh};
use super::{Server, User};

fn modseq(items: &[FetchItem<'static>]) -> u64 {
    items.iter().find_map(|i| if let FetchItem::ModSeq(m) = i { Some(*m) } else { None }).expect("MODSEQ")
}

/// SELECT (CONDSTORE) reports HIGHESTMODSEQ; a STORE raises the message's
/// MODSEQ; FETCH (CHANGEDSINCE m) returns only that message.
pub fn condstore_changedsince(server: &Server) {
    let mut s = server.alice();
    let mb = fresh(server, &mut s, "condstore");
    append(&mut s, &mb, MESSAGE);
    append(&mut s, &mb, MESSAGE);
    let selected = s.run(Select::new(&mb).unwrap().condstore()).unwrap();
    let highest = selected.state.highest_modseq.expect("HIGHESTMODSEQ");
    let items = || FetchItems::Attrs(vec![FetchAttr::Flags, FetchAttr::ModSeq]);
    let before = s.run(Fetch::new(SequenceSet::all(), items())).unwrap();
    assert_eq!(before.messages.len(), 2);
    assert!(before.messages.iter().all(|m| modseq(&m.items) <= highest));
    s.run(Store::add(SequenceSet::single(2).unwrap(), [Flag::Seen]).unwrap().silent()).unwrap();
    let changed = s.run(Fetch::new(SequenceSet::all(), items()).changed_since(highest)).unwrap();
    assert_eq!(changed.messages.len(), 1, "{changed:?}");
    assert_eq!(changed.messages[0].seq, 2);
    assert!(modseq(&changed.messages[0].items) > highest);
    cleanup(&mut s, &mb);
}

/// With QRESYNC enabled, EXPUNGE answers VANISHED with UIDs; a later
/// SELECT (QRESYNC (uidvalidity modseq)) reports the expunged UID in
/// VANISHED (EARLIER) and the flag change as a FETCH; so does UID FETCH
/// (CHANGEDSINCE m VANISHED); SEARCH MODSEQ finds the changed message.
pub fn qresync_vanished(server: &Server) {
    let mut s = server.alice();
    let mb = fresh(server, &mut s, "qresync");
    let uids: Vec<u32> = (0..3).map(|_| append(&mut s, &mb, MESSAGE)).collect();
    let enabled = s.run(Enable::new(["QRESYNC"]).unwrap()).unwrap();
    assert!(enabled.iter().any(|c| c.as_str().eq_ignore_ascii_case("QRESYNC")), "{enabled:?}");
    let first = s.run(Select::new(&mb).unwrap()).unwrap();
    let (validity, modseq) = (first.state.uid_validity.unwrap(), first.state.highest_modseq.unwrap());
    s.run(Store::add(SequenceSet::single(1).unwrap(), [Flag::Deleted]).unwrap().silent()).unwrap();
    let gone = s.run(Expunge).unwrap();
    assert_eq!(gone.seqs, Vec::<u32>::new(), "EXPUNGE responses must not be sent under QRESYNC");
    assert_eq!(numbers(gone.vanished.as_ref()), [uids[0]]);
    s.run(Store::add(SequenceSet::single(1).unwrap(), [Flag::Flagged]).unwrap().silent()).unwrap();
    s.run(Store::add(SequenceSet::single(2).unwrap(), [Flag::Deleted]).unwrap().silent()).unwrap();
    let by_uid = s.run(UidExpunge::new(SequenceSet::single(uids[2]).unwrap())).unwrap();
    assert_eq!(numbers(by_uid.vanished.as_ref()), [uids[2]]);
    let items = FetchItems::Attrs(vec![FetchAttr::Flags]);
    // The UIDs by name: in `1:*`, `*` is the highest UID left, so Cyrus
    // leaves out the expunged last one.
    let appended = SequenceSet::from_numbers(uids.clone()).unwrap();
    let since = s.run(Fetch::new(appended, items).vanished(modseq).uid()).unwrap();
    assert_eq!(numbers(since.vanished.as_ref()), [uids[0], uids[2]], "UID FETCH (CHANGEDSINCE m VANISHED)");
    assert_eq!(since.messages.len(), 1, "{since:?}");
    assert_eq!(since.messages[0].uid(), Some(uids[1]));
    let modseq_key = SearchKey::ModSeq { entry: None, modseq: modseq + 1 };
    let changed = s.run(Search::new(modseq_key)).unwrap();
    assert_eq!(changed.numbers, [1], "SEARCH MODSEQ");
    assert!(changed.modseq.is_some_and(|m| m > modseq), "{changed:?}");
    let known = SequenceSet::from_numbers(uids.clone()).unwrap();
    let params = QResync::new(validity, modseq).unwrap().known_uids(known).unwrap();
    let again = s.run(Select::new(&mb).unwrap().qresync(params)).unwrap();
    assert_eq!(numbers(again.vanished.as_ref()), [uids[0], uids[2]]);
    assert_eq!(again.changed.len(), 1, "{:?}", again.changed);
    assert!(again.changed[0].items.contains(&FetchItem::Uid(uids[1])), "{:?}", again.changed);
    cleanup(&mut s, &mb);
}

fn numbers(set: Option<&SequenceSet>) -> Vec<u32> {
    set.expect("VANISHED").numbers(u32::MAX).collect()
}

/// A second session's APPEND reaches the first as `* n EXISTS`, seen by
/// NOOP as an event and in the mailbox state.
pub fn append_from_second_session_is_exists_event(server: &Server) {
    let mut first = server.alice();
    let mb = fresh(server, &mut first, "exists_event");
    append(&mut first, &mb, MESSAGE);
    first.run(Select::new(&mb).unwrap()).unwrap();
    first.events().for_each(drop);
    let mut second = server.alice();
    append(&mut second, &mb, MESSAGE);
    let mut seen = Vec::new();
    for _ in 0..50 {
        first.run(Noop).unwrap();
        seen.extend(first.events());
        if seen.iter().any(|e| matches!(e, Event::Data(Data::Exists(2)))) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(seen.iter().any(|e| matches!(e, Event::Data(Data::Exists(2)))), "{seen:?}");
    assert_eq!(first.mailbox().exists, 2);
    drop(first);
    cleanup(&mut second, &mb);
}

/// IDLE (through the protocol core: `idle_start`, `poll_idle`,
/// `idle_done`): the server answers `+`, another session's APPEND arrives
/// as `* 2 EXISTS` while idling, and DONE ends it with the tagged OK.
pub fn idle_woken_by_append(server: &Server) {
    let mut other = server.alice();
    let mb = fresh(server, &mut other, "idle");
    append(&mut other, &mb, MESSAGE);
    let mut d = Driver::connect(server);
    d.run(Login::new(&User::Alice.name(), User::Alice.password()).unwrap()).unwrap();
    let selected = d.run(Select::new(&mb).unwrap()).unwrap();
    assert_eq!(selected.state.exists, 1);
    d.idle_start().unwrap();
    append(&mut other, &mb, MESSAGE);
    let seen = d.idle_until(|e| matches!(e, Event::Data(Data::Exists(2)))).unwrap();
    assert!(seen.iter().any(|e| matches!(e, Event::Data(Data::Exists(2)))), "{seen:?}");
    d.idle_done().unwrap();
    d.run(Noop).unwrap();
    cleanup(&mut other, &mb);
}

/// Another session's flag change and expunge reach the first session as
/// unsolicited `* 1 FETCH (FLAGS ...)` and `* 1 EXPUNGE` events on NOOP;
/// the mailbox state follows.
pub fn flag_change_and_expunge_from_second_session(server: &Server) {
    let mut first = server.alice();
    let mb = fresh(server, &mut first, "other_changes");
    append(&mut first, &mb, MESSAGE);
    append(&mut first, &mb, MESSAGE);
    first.run(Select::new(&mb).unwrap()).unwrap();
    first.events().for_each(drop);
    let mut second = server.alice();
    second.run(Select::new(&mb).unwrap()).unwrap();
    second.run(Store::add(SequenceSet::single(2).unwrap(), [Flag::Flagged]).unwrap().silent()).unwrap();
    second.run(Store::add(SequenceSet::single(1).unwrap(), [Flag::Deleted]).unwrap().silent()).unwrap();
    second.run(Expunge).unwrap();
    let mut seen = Vec::new();
    for _ in 0..50 {
        first.run(Noop).unwrap();
        seen.extend(first.events());
        if seen.iter().any(|e| matches!(e, Event::Data(Data::Expunge(1)))) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let flagged = |e: &Event| match e {
        Event::Data(Data::Fetch { items, .. }) => {
            items.iter().any(|i| matches!(i, FetchItem::Flags(f) if f.contains(&Flag::Flagged)))
        }
        _ => false,
    };
    assert!(seen.iter().any(flagged), "{seen:?}");
    assert!(seen.iter().any(|e| matches!(e, Event::Data(Data::Expunge(1)))), "{seen:?}");
    assert_eq!(first.mailbox().exists, 1);
    drop(first);
    second.run(typed_imap::command::Unselect).unwrap();
    cleanup(&mut second, &mb);
}
