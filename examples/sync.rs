//! Incremental mailbox synchronisation with CONDSTORE and QRESYNC (RFC
//! 7162): a full fetch once, then only what changed.
//!
//! ```sh
//! scripts/test-servers up dovecot && eval "$(scripts/test-servers env dovecot)"
//! cargo run --example sync -- --host 127.0.0.1 --port 11143 --tls starttls \
//!     --user alice --password alicepw
//! ```
//!
//! The example works in a scratch mailbox of its own (`--scratch`, default
//! `typed-imap-sync`), which it creates and deletes, so it can run against
//! any account. A second session plays "another client" that changes the
//! mailbox between the two synchronisations:
//!
//! 1. **Full sync**: `SELECT (CONDSTORE)`, then `UID FETCH 1:* (UID FLAGS
//!    MODSEQ)`; the client keeps UIDVALIDITY, HIGHESTMODSEQ and each UID's
//!    flags (an application would store this cache on disk).
//! 2. Another client flags a message, reads one, expunges one, delivers one.
//! 3. **Resync on open**: `SELECT (QRESYNC (uidvalidity modseq known-uids))`:
//!    the answer holds the expunged UIDs (`VANISHED (EARLIER)`) and a FETCH
//!    for each known message changed since, nothing else; new mail comes
//!    from `UID FETCH <old UIDNEXT>:*`. Without
//!    QRESYNC: `UID FETCH 1:* (FLAGS) (CHANGEDSINCE modseq)` plus `UID
//!    SEARCH ALL` to find what was expunged.
//! 4. **Resync while open**: `UID FETCH 1:* (FLAGS) (CHANGEDSINCE modseq
//!    VANISHED)`, and the live `VANISHED` and FETCH the server pushes.
//!
//! A changed UIDVALIDITY means the cache is void: start again with a full sync.

mod common;

use std::collections::BTreeMap;

use typed_imap::command::{
    Append, Close, Create, Delete, Enable, Expunge, Fetch, QResync, Select, Selected, Store,
};
use typed_imap::session::Event;
use typed_imap::session::blocking::Session;
use typed_imap::types::{Data, FetchAttr, FetchItem, Flag, Response, SequenceSet};
use typed_imap::{Error, command::Search, types::SearchKey};

/// What the client remembers of the mailbox between two runs.
#[derive(Debug, Default)]
struct Cache {
    uid_validity: u32,
    highest_modseq: u64,
    /// UIDNEXT: the messages from this UID on are new to the client.
    uid_next: u32,
    /// Each message's flags, by UID.
    flags: BTreeMap<u32, Vec<String>>,
}

fn main() {
    if let Err(e) = run() {
        eprintln!("sync: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let settings = common::Settings::from_env()?;
    let scratch = common::setting("scratch").unwrap_or_else(|| "typed-imap-sync".into());
    let mut session = settings.login()?;
    session.refresh_capabilities()?;
    if !session.has_capability("CONDSTORE") {
        return Err("the server does not advertise CONDSTORE: no incremental sync".into());
    }
    // --no-qresync shows the CONDSTORE-only path on a server that has both.
    let qresync = session.has_capability("QRESYNC") && !common::flag("no-qresync");
    if qresync {
        // ENABLE comes before any SELECT; it also turns CONDSTORE on.
        session.run(Enable::new(["QRESYNC"])?)?;
    }
    println!("sync: {} in {scratch} (QRESYNC: {qresync})", settings.describe());
    prepare(&mut session, &scratch)?;

    let mut cache = full_sync(&mut session, &scratch)?;
    session.run(Close)?;
    let mut other = settings.login()?;
    another_client(&mut other, &scratch)?;

    match qresync {
        true => resync_qresync(&mut session, &scratch, &mut cache)?,
        false => resync_condstore(&mut session, &scratch, &mut cache)?,
    }
    if qresync {
        change_while_open(&mut session, &mut other, &scratch, &mut cache)?;
    }
    print_cache(&cache);

    session.run(Close)?;
    session.run(Delete::new(&scratch)?)?;
    other.logout()?;
    session.logout()?;
    Ok(())
}

/// A fresh scratch mailbox with four messages.
fn prepare(session: &mut Session, scratch: &str) -> Result<(), Error> {
    match session.run(Delete::new(scratch)?) {
        Ok(()) | Err(Error::No(_)) => {}
        Err(e) => return Err(e),
    }
    session.run(Create::new(scratch)?)?;
    for i in 1..=4 {
        session.run(Append::new(scratch, message(i))?)?;
    }
    Ok(())
}

fn message(i: u32) -> Vec<u8> {
    format!("From: sync@example.org\r\nSubject: message {i}\r\n\r\nbody {i}\r\n").into_bytes()
}

/// Step 1: every UID with its flags and mod-sequence.
fn full_sync(session: &mut Session, scratch: &str) -> Result<Cache, Error> {
    let selected = session.run(Select::new(scratch)?.condstore())?;
    let mut cache = Cache {
        uid_validity: selected.uid_validity.unwrap_or(0),
        highest_modseq: selected.highest_modseq.unwrap_or(0),
        uid_next: selected.uid_next.unwrap_or(1),
        ..Cache::default()
    };
    let items = vec![FetchAttr::Uid, FetchAttr::Flags, FetchAttr::ModSeq];
    let fetched = session.run(Fetch::new(SequenceSet::all(), items).uid())?;
    for message in &fetched.messages {
        cache.apply(&message.items);
    }
    println!(
        "1. full sync: UIDVALIDITY {}, HIGHESTMODSEQ {}, UIDs {:?}",
        cache.uid_validity,
        cache.highest_modseq,
        cache.flags.keys().collect::<Vec<_>>()
    );
    Ok(cache)
}

/// Step 2, by a second session: flag UID 2, read UID 3, expunge UID 4,
/// deliver a fifth message.
fn another_client(other: &mut Session, scratch: &str) -> Result<(), Error> {
    other.run(Select::new(scratch)?)?;
    other.run(Store::add(SequenceSet::single(2)?, [Flag::Flagged])?.uid())?;
    other.run(Store::add(SequenceSet::single(3)?, [Flag::Seen])?.uid())?;
    other.run(Store::add(SequenceSet::single(4)?, [Flag::Deleted])?.uid())?;
    other.run(Expunge)?;
    other.run(Append::new(scratch, message(5))?)?;
    println!("2. another client flags UID 2, reads UID 3, expunges UID 4, delivers UID 5");
    Ok(())
}

/// Step 3 with QRESYNC: one SELECT says what vanished and what changed.
fn resync_qresync(session: &mut Session, scratch: &str, cache: &mut Cache) -> Result<(), Error> {
    let known = SequenceSet::from_numbers(cache.flags.keys().copied())?;
    let params = QResync::new(cache.uid_validity, cache.highest_modseq)?.known_uids(known)?;
    let selected = session.run(Select::new(scratch)?.qresync(params))?;
    check_validity(cache, &selected)?;
    println!("3. SELECT {scratch} (QRESYNC ...): HIGHESTMODSEQ {}", selected.highest_modseq.unwrap_or(0));
    if let Some(vanished) = &selected.vanished {
        cache.vanish(vanished);
    }
    for changed in &selected.changed {
        cache.apply(&changed.items);
    }
    // known-uids limits the answer to the UIDs the client had: new mail
    // comes from a FETCH of the UIDs above them.
    let next = cache.uid_next;
    let items = vec![FetchAttr::Uid, FetchAttr::Flags, FetchAttr::ModSeq];
    let fetched = session.run(Fetch::new(format!("{next}:*").parse()?, items).uid())?;
    println!("   UID FETCH {next}:* (UID FLAGS MODSEQ)");
    for message in &fetched.messages {
        cache.apply(&message.items);
    }
    cache.highest_modseq = selected.highest_modseq.unwrap_or(cache.highest_modseq);
    cache.uid_next = selected.uid_next.unwrap_or(cache.uid_next);
    Ok(())
}

/// Step 3 with CONDSTORE only: CHANGEDSINCE gives the changes; the UIDs
/// that are gone are those the cache has and UID SEARCH ALL has not.
fn resync_condstore(session: &mut Session, scratch: &str, cache: &mut Cache) -> Result<(), Error> {
    let selected = session.run(Select::new(scratch)?.condstore())?;
    check_validity(cache, &selected)?;
    let items = vec![FetchAttr::Uid, FetchAttr::Flags, FetchAttr::ModSeq];
    let fetch = Fetch::new(SequenceSet::all(), items).changed_since(cache.highest_modseq);
    let fetched = session.run(fetch.uid())?;
    let present = session.run(Search::new(SearchKey::All).uid())?.numbers;
    let gone: Vec<u32> = cache.flags.keys().copied().filter(|u| !present.contains(u)).collect();
    println!("3. UID FETCH 1:* (CHANGEDSINCE {}) and UID SEARCH ALL", cache.highest_modseq);
    if !gone.is_empty() {
        cache.vanish(&SequenceSet::from_numbers(gone)?);
    }
    for message in &fetched.messages {
        cache.apply(&message.items);
    }
    cache.highest_modseq = session.mailbox().highest_modseq.unwrap_or(cache.highest_modseq);
    Ok(())
}

/// Step 4: the mailbox stays open; another client answers UID 1 and
/// expunges UID 3, and one FETCH with CHANGEDSINCE and VANISHED catches up.
fn change_while_open(
    session: &mut Session,
    other: &mut Session,
    scratch: &str,
    cache: &mut Cache,
) -> Result<(), Error> {
    other.run(Store::add(SequenceSet::single(1)?, [Flag::Answered])?.uid())?;
    other.run(Store::add(SequenceSet::single(3)?, [Flag::Deleted])?.uid())?;
    other.run(Expunge)?;
    println!("4. while {scratch} is open, another client answers UID 1 and expunges UID 3");
    let items = vec![FetchAttr::Uid, FetchAttr::Flags, FetchAttr::ModSeq];
    let since = cache.highest_modseq;
    let fetched = session.run(Fetch::new(SequenceSet::all(), items).vanished(since).uid())?;
    println!("   UID FETCH 1:* (UID FLAGS MODSEQ) (CHANGEDSINCE {since} VANISHED)");
    if let Some(vanished) = &fetched.vanished {
        cache.vanish(vanished);
    }
    for message in &fetched.messages {
        cache.apply(&message.items);
    }
    // What the server pushed on its own: live VANISHED and flag changes.
    let pushed = fetched.unsolicited.into_iter().filter_map(|r| match r {
        Response::Data(data) => Some(data),
        _ => None,
    });
    let events: Vec<Data<'static>> =
        session.events().filter_map(|e| if let Event::Data(d) = e { Some(d) } else { None }).collect();
    for data in pushed.chain(events) {
        cache.apply_data(&data);
    }
    cache.highest_modseq = session.mailbox().highest_modseq.unwrap_or(cache.highest_modseq);
    Ok(())
}

/// A changed UIDVALIDITY voids the cache (RFC 3501 section 2.3.1.1).
fn check_validity(cache: &Cache, selected: &Selected) -> Result<(), Error> {
    match selected.uid_validity == Some(cache.uid_validity) {
        true => Ok(()),
        false => Err(Error::Decode {
            command: "SELECT".into(),
            reason: "UIDVALIDITY changed: the cache is void, sync again from scratch".into(),
        }),
    }
}

fn print_cache(cache: &Cache) {
    let entries: Vec<String> =
        cache.flags.iter().map(|(uid, flags)| format!("{uid} ({})", flags.join(" "))).collect();
    println!("cache now: HIGHESTMODSEQ {}, {}", cache.highest_modseq, entries.join(", "));
}

impl Cache {
    /// Takes in one FETCH response's UID, FLAGS and MODSEQ.
    fn apply(&mut self, items: &[FetchItem<'static>]) {
        let uid = items.iter().find_map(|i| if let FetchItem::Uid(u) = i { Some(*u) } else { None });
        let Some(uid) = uid else { return };
        let known = self.flags.contains_key(&uid);
        for item in items {
            match item {
                FetchItem::Flags(flags) => {
                    let names: Vec<String> = flags.iter().map(Flag::to_string).collect();
                    let what = if known { "changed" } else { "new" };
                    println!("   {what}: UID {uid} ({})", names.join(" "));
                    self.flags.insert(uid, names);
                }
                FetchItem::ModSeq(m) => self.highest_modseq = self.highest_modseq.max(*m),
                _ => {}
            }
        }
    }

    /// Takes in untagged data the server pushed.
    fn apply_data(&mut self, data: &Data<'static>) {
        match data {
            Data::Fetch { items, .. } => self.apply(items),
            Data::Vanished { uids, .. } => self.vanish(uids),
            _ => {}
        }
    }

    /// Forgets expunged UIDs.
    fn vanish(&mut self, uids: &SequenceSet) {
        let gone: Vec<u32> =
            self.flags.keys().copied().filter(|u| uids.numbers(u32::MAX).any(|g| g == *u)).collect();
        if !gone.is_empty() {
            println!("   vanished: UIDs {gone:?}");
        }
        for uid in gone {
            self.flags.remove(&uid);
        }
    }
}
