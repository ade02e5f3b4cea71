//! Mailboxes on both servers: CREATE, DELETE, RENAME, SUBSCRIBE,
//! UNSUBSCRIBE, LIST (special-use, pattern), LSUB, STATUS, SELECT,
//! EXAMINE, CHECK, CLOSE, UNSELECT; names with spaces and non-ASCII
//! characters round-tripped.

use typed_imap::command::State;
use typed_imap::command::{
    Check, Close, Create, Delete, Examine, List, ListPattern, ListReturn, ListSelect, Lsub, Rename, Select,
    StatusCommand, Store, Subscribe, Unselect, Unsubscribe,
};
use typed_imap::types::{Flag, MailboxAttr, SequenceSet, StatusAttr, StatusItem};

use super::message::{MESSAGE, append, cleanup, fresh};
use super::{Server, create, listed};

/// Each name is created, listed under its own (decoded) name, selected,
/// renamed to the next one, no longer listed under the old name, and
/// deleted.
pub fn non_ascii_names_round_trip(server: &Server) {
    let mut s = server.alice();
    let names: Vec<String> =
        ["Entwürfe", "Отправленные", "My Folder"].iter().map(|n| server.named(n)).collect();
    for (i, name) in names.iter().enumerate() {
        create(&mut s, name);
        let found = listed(&mut s, name, true);
        assert_eq!(found.len(), 1, "{name}: {found:?}");
        assert_eq!(found[0].delimiter, Some(server.delimiter));
        let selected = s.run(Select::new(name).unwrap()).unwrap();
        assert_eq!(selected.state.exists, 0);
        s.run(Unselect).unwrap();
        let renamed = format!("{name} (renamed {i})");
        s.run(Rename::new(name, &renamed).unwrap()).unwrap();
        assert!(listed(&mut s, name, false).is_empty(), "{name} still listed after RENAME");
        assert_eq!(listed(&mut s, &renamed, true)[0].mailbox.name(), renamed.as_str());
        s.run(Delete::new(&renamed).unwrap()).unwrap();
        assert!(listed(&mut s, &renamed, false).is_empty());
    }
}

/// LIST with the SPECIAL-USE return option marks Drafts, Sent, Trash,
/// Junk and Archive; the SPECIAL-USE selection keeps only those and leaves
/// out an ordinary mailbox named with them. Exact names as several
/// patterns (LIST-EXTENDED), no wildcard: a `*` over every mailbox while
/// other tests delete theirs is what deadlocks Dovecot 2.3's locks.
pub fn list_special_use(server: &Server) {
    let mut s = server.alice();
    let plain = fresh(server, &mut s, "special_use");
    let uses = [
        (MailboxAttr::Drafts, "Drafts"),
        (MailboxAttr::Sent, "Sent"),
        (MailboxAttr::Trash, "Trash"),
        (MailboxAttr::Junk, "Junk"),
        (MailboxAttr::Archive, "Archive"),
    ];
    let names: Vec<String> = uses.iter().map(|(_, n)| format!("{}{n}", server.prefix)).collect();
    let patterns = || {
        let all = names.iter().chain([&plain]);
        all.map(|n| ListPattern::new(n).unwrap()).collect::<Vec<_>>()
    };
    let all = s.run(List::patterns("", patterns()).unwrap().returning(ListReturn::SpecialUse)).unwrap();
    assert_eq!(all.len(), uses.len() + 1, "{all:?}");
    for ((attr, _), name) in uses.iter().zip(&names) {
        let item = all.iter().find(|i| i.has(attr)).unwrap_or_else(|| panic!("no {attr:?} in {all:?}"));
        assert_eq!(item.mailbox.name(), name.as_str());
    }
    let only = s.run(List::patterns("", patterns()).unwrap().selecting(ListSelect::SpecialUse)).unwrap();
    assert_eq!(only.len(), uses.len(), "{only:?}");
    assert!(only.iter().all(|i| i.attributes.iter().any(is_special_use)), "{only:?}");
    cleanup(&mut s, &plain);
}

fn is_special_use(attr: &MailboxAttr<'_>) -> bool {
    use MailboxAttr::*;
    matches!(attr, All | Archive | Drafts | Flagged | Junk | Sent | Trash | Important)
}

/// SUBSCRIBE makes LSUB (and LIST (SUBSCRIBED)) list the mailbox;
/// UNSUBSCRIBE removes it.
pub fn subscribe_lsub_unsubscribe(server: &Server) {
    let mut s = server.alice();
    let mb = fresh(server, &mut s, "subscribe");
    s.run(Subscribe::new(&mb).unwrap()).unwrap();
    let lsub = s.run(Lsub::new("", &mb).unwrap()).unwrap();
    assert_eq!(lsub.len(), 1);
    assert_eq!(lsub[0].mailbox.name(), mb.as_str());
    let subscribed = s.run(List::new("", &mb).unwrap().selecting(ListSelect::Subscribed)).unwrap();
    assert!(subscribed[0].has(&MailboxAttr::Subscribed), "{subscribed:?}");
    s.run(Unsubscribe::new(&mb).unwrap()).unwrap();
    assert!(s.run(Lsub::new("", &mb).unwrap()).unwrap().is_empty());
    cleanup(&mut s, &mb);
}

/// A child mailbox makes its parent `\HasChildren`; LIST `%` stops at one
/// level.
pub fn list_hierarchy(server: &Server) {
    let mut s = server.alice();
    let parent = fresh(server, &mut s, "hierarchy");
    let child = server.child(&parent, "child");
    create(&mut s, &child);
    let listed = s.run(List::new("", &format!("{parent}*")).unwrap()).unwrap();
    let names: Vec<_> = listed.iter().map(|i| i.mailbox.name().into_owned()).collect();
    assert_eq!(names, [parent.clone(), child.clone()]);
    assert!(listed[0].has(&MailboxAttr::HasChildren), "{listed:?}");
    assert!(listed[1].has(&MailboxAttr::HasNoChildren), "{listed:?}");
    let one_level = s.run(List::new("", &format!("{parent}%")).unwrap()).unwrap();
    assert_eq!(one_level.len(), 1);
    s.run(Delete::new(&child).unwrap()).unwrap();
    cleanup(&mut s, &parent);
}

/// STATUS counts messages, unseen ones, and gives UIDNEXT/UIDVALIDITY.
pub fn status_counts(server: &Server) {
    let mut s = server.alice();
    let mb = fresh(server, &mut s, "status");
    let first = append(&mut s, &mb, MESSAGE);
    append(&mut s, &mb, MESSAGE);
    let attrs = [StatusAttr::Messages, StatusAttr::Unseen, StatusAttr::UidNext, StatusAttr::UidValidity];
    let status = s.run(StatusCommand::new(&mb, attrs).unwrap()).unwrap();
    assert_eq!(status.mailbox.name(), mb.as_str());
    assert!(status.items.contains(&StatusItem::Messages(2)), "{status:?}");
    assert!(status.items.contains(&StatusItem::Unseen(2)), "{status:?}");
    assert!(status.items.contains(&StatusItem::UidNext(first + 2)), "{status:?}");
    assert!(status.items.iter().any(|i| matches!(i, StatusItem::UidValidity(v) if *v > 0)));
    cleanup(&mut s, &mb);
}

/// EXAMINE opens read-only; SELECT read-write; CHECK is OK; CLOSE
/// expunges the \Deleted message silently and leaves the selected state.
pub fn examine_check_close(server: &Server) {
    let mut s = server.alice();
    let mb = fresh(server, &mut s, "close");
    append(&mut s, &mb, MESSAGE);
    append(&mut s, &mb, MESSAGE);
    let examined = s.run(Examine::new(&mb).unwrap()).unwrap();
    assert!(examined.state.read_only);
    assert_eq!(examined.state.exists, 2);
    let selected = s.run(Select::new(&mb).unwrap()).unwrap();
    assert!(!selected.state.read_only);
    assert!(selected.state.permanent_flags.contains(&Flag::Deleted), "{:?}", selected.state);
    s.run(Check).unwrap();
    s.run(Store::add(SequenceSet::single(1).unwrap(), [Flag::Deleted]).unwrap()).unwrap();
    s.run(Close).unwrap();
    assert_eq!(s.state(), State::Authenticated);
    let status = s.run(StatusCommand::new(&mb, [StatusAttr::Messages]).unwrap()).unwrap();
    assert_eq!(status.items, [StatusItem::Messages(1)]);
    cleanup(&mut s, &mb);
}

/// UNSELECT leaves the selected state without expunging.
pub fn unselect_keeps_deleted(server: &Server) {
    let mut s = server.alice();
    let mb = fresh(server, &mut s, "unselect");
    append(&mut s, &mb, MESSAGE);
    s.run(Select::new(&mb).unwrap()).unwrap();
    s.run(Store::add(SequenceSet::single(1).unwrap(), [Flag::Deleted]).unwrap()).unwrap();
    s.run(Unselect).unwrap();
    assert_eq!(s.state(), State::Authenticated);
    let status = s.run(StatusCommand::new(&mb, [StatusAttr::Messages]).unwrap()).unwrap();
    assert_eq!(status.items, [StatusItem::Messages(1)]);
    cleanup(&mut s, &mb);
}

/// CREATE of an existing mailbox and DELETE of a missing one answer NO.
pub fn create_existing_delete_missing(server: &Server) {
    let mut s = server.alice();
    let mb = fresh(server, &mut s, "existing");
    let again = s.run(Create::new(&mb).unwrap()).unwrap_err();
    assert!(matches!(again, typed_imap::Error::No(_)), "{again:?}");
    cleanup(&mut s, &mb);
    let missing = s.run(Delete::new(&mb).unwrap()).unwrap_err();
    assert!(matches!(missing, typed_imap::Error::No(_)), "{missing:?}");
}
