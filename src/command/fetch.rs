//! FETCH (RFC 3501 section 6.4.5, RFC 9051 section 6.4.5) with the
//! CONDSTORE `CHANGEDSINCE` and QRESYNC `VANISHED` modifiers (RFC 7162
//! sections 3.1.4 and 3.2.6).
//!
//! ```text
//! fetch           = "FETCH" SP sequence-set SP ("ALL" / "FULL" / "FAST" /
//!                   fetch-att / "(" fetch-att *(SP fetch-att) ")")
//!                   [fetch-modifiers]
//! fetch-modifiers = SP "(" fetch-modifier *(SP fetch-modifier) ")"
//! fetch-modifier  = "CHANGEDSINCE" SP mod-sequence-value / "VANISHED"
//! ```
//!
//! # Which FETCH responses are the result
//!
//! FETCH collects every `* n FETCH` by name, then sorts them in `decode`:
//! a response is part of the result when the message is in the set
//! asked for (by sequence number, or by the `UID` item it carries, since
//! a command does not know whether it is sent in its UID form) and it is
//! not a bare flag update. A bare flag update is a FETCH that holds FLAGS
//! (and at most UID besides) when FLAGS was not asked for: another
//! client changed the flags (RFC 3501 section 7.4.2). Every other FETCH
//! goes to [`Fetched::unsolicited`], in arrival order, so nothing is lost
//! and nothing unasked is mixed into the result (conformance item 89).
//! `n:*` is taken as "n and above": when n is past the last message the
//! server answers for the last one, which then counts as unsolicited.

use std::num::NonZeroU32;

use crate::Error;
use crate::command::expunge::join_sets;
use crate::command::{Command, FetchedMessage, Uid};
use crate::types::{Data, FetchAttr, FetchItem, FetchItems, Response, SeqNumber, SequenceSet, Status};

/// FETCH (RFC 3501 section 6.4.5): message data. `.uid()` gives UID FETCH
/// (the set is then UIDs). Output [`Fetched`].
///
/// ```
/// use typed_imap::command::{Command, Fetch};
/// use typed_imap::types::{FetchAttr, FetchItems};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder, Fragment};
///
/// let cmd = Fetch::new("1:*".parse().unwrap(), vec![FetchAttr::Flags, FetchAttr::Uid])
///     .vanished(12345)
///     .uid();
/// let mut enc = Encoder::new(EncodeOptions::default());
/// cmd.encode_args(&mut enc).unwrap();
/// let line = b" 1:* (FLAGS UID) (CHANGEDSINCE 12345 VANISHED)\r\n".to_vec();
/// assert_eq!(enc.finish(), [Fragment::Line(line)]);
/// assert_eq!(cmd.capabilities(), ["CONDSTORE", "QRESYNC"]);
/// ```
#[derive(Debug, Clone, PartialEq, crate::Command)]
#[imap(
    command = "FETCH",
    uid_capable,
    state = "selected",
    collect = "FETCH, VANISHED",
    collect_if = answers_fetch,
    output = Fetched,
    decode = decode_fetch
)]
pub struct Fetch {
    /// The messages (sequence numbers, or UIDs in the UID form); `$` needs
    /// SEARCHRES.
    #[imap(requires)]
    pub set: SequenceSet,
    /// What to fetch: a macro or a list of attributes; each attribute's
    /// extension is required ([`FetchAttr`]'s `Requirements`).
    #[imap(requires)]
    pub items: FetchItems<'static>,
    /// `CHANGEDSINCE n` (CONDSTORE, RFC 7162 section 3.1.4.1): only the
    /// messages whose mod-sequence is greater than n.
    #[imap(modifier = "CHANGEDSINCE", capability = "CONDSTORE")]
    pub changed_since: Option<u64>,
    /// `VANISHED` (QRESYNC, RFC 7162 section 3.2.6): also report the UIDs
    /// in the set expunged since `changed_since`. UID FETCH only, after
    /// `ENABLE QRESYNC`, together with CHANGEDSINCE.
    #[imap(modifier = "VANISHED", capability = "QRESYNC")]
    pub vanished: bool,
}

impl Fetch {
    /// `FETCH set items`.
    pub fn new(set: SequenceSet, items: impl Into<FetchItems<'static>>) -> Self {
        Fetch { set, items: items.into(), changed_since: None, vanished: false }
    }

    /// Adds `(CHANGEDSINCE modseq)` (CONDSTORE).
    pub fn changed_since(mut self, modseq: u64) -> Self {
        self.changed_since = Some(modseq);
        self
    }

    /// Adds `(CHANGEDSINCE modseq VANISHED)` (QRESYNC): VANISHED is only
    /// valid with CHANGEDSINCE, so it sets both. Use with `.uid()`.
    pub fn vanished(mut self, changed_since: u64) -> Self {
        self.changed_since = Some(changed_since);
        self.vanished = true;
        self
    }

    /// Sorts FETCH's responses into its result (see the module
    /// documentation): the messages asked for, `VANISHED (EARLIER)`, and
    /// the rest as unsolicited. Each response is sorted on its own, so
    /// the answer may be sorted in parts as it arrives (`fetch_each`).
    pub(crate) fn sort(&self, responses: Vec<Response<'static>>) -> Fetched {
        let mut out = Fetched::default();
        for response in responses {
            match response {
                Response::Data(Data::Fetch { seq, items }) => {
                    let message = FetchedMessage { seq, items };
                    if message.in_set(&self.set) && (self.asks_flags() || !message.is_flag_update()) {
                        out.messages.push(message);
                    } else {
                        out.unsolicited.push(message.into_response());
                    }
                }
                Response::Data(Data::Vanished { earlier: true, uids }) => join_sets(&mut out.vanished, uids),
                other => out.unsolicited.push(other),
            }
        }
        out
    }

    /// True when the items ask for FLAGS (the ALL, FAST and FULL macros
    /// include it).
    fn asks_flags(&self) -> bool {
        match &self.items {
            FetchItems::Attrs(attrs) => attrs.contains(&FetchAttr::Flags),
            _ => true,
        }
    }
}

/// The `UID` item of a FETCH response's items.
pub(crate) fn uid_of(items: &[FetchItem<'_>]) -> Option<u32> {
    items.iter().find_map(|i| match i {
        FetchItem::Uid(u) => Some(*u),
        _ => None,
    })
}

/// FLAGS and nothing but UID or MODSEQ besides: how servers report a flag
/// change (RFC 3501 section 7.4.2, RFC 7162 section 3.2.4).
pub(crate) fn is_flag_update(items: &[FetchItem<'_>]) -> bool {
    items.iter().any(|i| matches!(i, FetchItem::Flags(_)))
        && items.iter().all(|i| matches!(i, FetchItem::Flags(_) | FetchItem::Uid(_) | FetchItem::ModSeq(_)))
}

/// The message `seq` (with these items) is in `set`, by number or by UID.
pub(crate) fn in_set(seq: u32, items: &[FetchItem<'_>], set: &SequenceSet) -> bool {
    set_may_contain(set, seq) || uid_of(items).is_some_and(|u| set_may_contain(set, u))
}

/// What FETCH collects: the FETCH responses of the messages asked for (a
/// bare flag update counts only when FLAGS was asked for) and `VANISHED
/// (EARLIER)`. Other FETCHes and a live VANISHED are unsolicited: the
/// session queues them as events (conformance item 89).
fn answers_fetch(cmd: &Fetch, response: &Response<'_>) -> bool {
    match response {
        Response::Data(Data::Fetch { seq, items }) => {
            in_set(*seq, items, &cmd.set) && (cmd.asks_flags() || !is_flag_update(items))
        }
        Response::Data(Data::Vanished { earlier, .. }) => *earlier,
        _ => false,
    }
}

/// What FETCH gave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fetched {
    /// One entry per `* n FETCH` that answers the command, in arrival
    /// order. Several responses for one message stay separate.
    pub messages: Vec<FetchedMessage>,
    /// The UIDs of `* VANISHED (EARLIER)` (QRESYNC `VANISHED` modifier),
    /// all such responses joined.
    pub vanished: Option<SequenceSet>,
    /// Responses given to `decode` that do not answer the command (FETCHes
    /// for other messages, bare flag updates, a live `* VANISHED`), in
    /// order. Empty when the session ran the command: it never collects
    /// those (`collect_if`), they are events. Filled when `decode` is
    /// called by hand on a mix of responses.
    pub unsolicited: Vec<Response<'static>>,
}

/// True when `n` may be in `set`: `*` alone and `$` may be anything,
/// `k:*` is taken as `k` and above.
pub(crate) fn set_may_contain(set: &SequenceSet, n: u32) -> bool {
    if set.is_saved() {
        return true;
    }
    set.ranges().iter().any(|r| match (r.start(), r.end()) {
        (SeqNumber::Largest, SeqNumber::Largest) => true,
        (SeqNumber::Value(k), SeqNumber::Largest) | (SeqNumber::Largest, SeqNumber::Value(k)) => n >= k.get(),
        (SeqNumber::Value(a), SeqNumber::Value(b)) => between(n, a, b),
    })
}

fn between(n: u32, a: NonZeroU32, b: NonZeroU32) -> bool {
    (a.get().min(b.get())..=a.get().max(b.get())).contains(&n)
}

/// FETCH's decode: sorts the collected responses; never fails.
fn decode_fetch(
    cmd: &Fetch,
    collected: Vec<Response<'static>>,
    _: &Status<'static>,
) -> Result<Fetched, Error> {
    Ok(cmd.sort(collected))
}

/// FETCH or UID FETCH: what the sessions' `fetch_each` takes, which hands
/// the messages over as they arrive. Implemented for [`Fetch`] and
/// [`Uid<Fetch>`](crate::command::Uid) (`Fetch::uid()`) only.
pub trait FetchCommand: Command<Output = Fetched> + sealed::Sealed {
    /// The FETCH itself.
    fn fetch(&self) -> &Fetch;
}

impl FetchCommand for Fetch {
    fn fetch(&self) -> &Fetch {
        self
    }
}

impl FetchCommand for Uid<Fetch> {
    fn fetch(&self) -> &Fetch {
        self.inner()
    }
}

mod sealed {
    /// Keeps [`FetchCommand`](super::FetchCommand) to the two forms of FETCH.
    pub trait Sealed {}
    impl Sealed for super::Fetch {}
    impl Sealed for super::Uid<super::Fetch> {}
}

impl Fetched {
    /// Adds a later part of the same answer: its messages, its vanished
    /// UIDs and its unsolicited responses after this one's.
    pub(crate) fn append(&mut self, later: Fetched) {
        self.messages.extend(later.messages);
        if let Some(uids) = later.vanished {
            join_sets(&mut self.vanished, uids);
        }
        self.unsolicited.extend(later.unsolicited);
    }
}
