//! STORE (RFC 3501 section 6.4.6, RFC 9051 section 6.4.6) with the
//! CONDSTORE `UNCHANGEDSINCE` modifier (RFC 7162 section 3.1.3).
//!
//! ```text
//! store           = "STORE" SP sequence-set [store-modifiers] SP store-att-flags
//! store-modifiers = SP "(" store-modifier *(SP store-modifier) ")"
//! store-modifier  = "UNCHANGEDSINCE" SP mod-sequence-valzer
//! store-att-flags = (["+" / "-"] "FLAGS" [".SILENT"]) SP
//!                   (flag-list / (flag *(SP flag)))
//! ```
//!
//! STORE's modifiers come *before* the flags, not at the end as the
//! derive's `modifier` fields are sent, so `UNCHANGEDSINCE` is a field of
//! its own type ([`UnchangedSince`]) in its place.
//!
//! The FETCH responses are sorted as FETCH's are (see `fetch`): those for
//! messages in the set are the result, except, under `.SILENT`, one that
//! carries FLAGS (the server reports a flag change made by someone else,
//! RFC 3501 section 6.4.6).

use crate::Error;
use crate::command::FetchedMessage;
use crate::command::fetch::in_set;
use crate::types::{Code, Data, FetchItem, Flag, Response, SequenceSet, Status, ValidationError};
use crate::wire::encode::{Encode, Encoder};

/// STORE (RFC 3501 section 6.4.6): changes the flags of messages.
/// `.uid()` gives UID STORE. Output [`Stored`].
///
/// ```
/// use typed_imap::command::{Command, Store};
/// use typed_imap::types::Flag;
/// use typed_imap::wire::encode::{EncodeOptions, Encoder, Fragment};
///
/// let cmd = Store::add("1:3".parse().unwrap(), [Flag::Deleted]).unwrap();
/// let mut enc = Encoder::new(EncodeOptions::default());
/// cmd.encode_args(&mut enc).unwrap();
/// assert_eq!(enc.finish(), [Fragment::Line(b" 1:3 +FLAGS (\\Deleted)\r\n".to_vec())]);
/// ```
#[derive(Debug, Clone, PartialEq, crate::Command)]
#[imap(
    command = "STORE",
    uid_capable,
    state = "selected",
    collect = "FETCH",
    collect_if = answers_store,
    output = Stored,
    decode = decode_store
)]
pub struct Store {
    #[imap(requires)]
    set: SequenceSet,
    #[imap(capability = "CONDSTORE")]
    unchanged_since: Option<UnchangedSince>,
    action: FlagsAction,
    #[imap(list)]
    flags: Vec<Flag<'static>>,
}

/// How STORE changes the flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum StoreMode {
    /// `FLAGS`: replace them.
    Replace,
    /// `+FLAGS`: add these.
    Add,
    /// `-FLAGS`: remove these.
    Remove,
}

/// `["+" / "-"] "FLAGS" [".SILENT"]`: the data item STORE sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FlagsAction {
    /// Replace, add or remove.
    pub mode: StoreMode,
    /// `.SILENT`: the server need not answer with the new flags.
    pub silent: bool,
}

impl Encode for FlagsAction {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        let name: &[u8] = match (self.mode, self.silent) {
            (StoreMode::Replace, false) => b"FLAGS",
            (StoreMode::Replace, true) => b"FLAGS.SILENT",
            (StoreMode::Add, false) => b"+FLAGS",
            (StoreMode::Add, true) => b"+FLAGS.SILENT",
            (StoreMode::Remove, false) => b"-FLAGS",
            (StoreMode::Remove, true) => b"-FLAGS.SILENT",
        };
        enc.raw(name).map(drop)
    }
}

/// `(UNCHANGEDSINCE n)` (CONDSTORE, RFC 7162 section 3.1.3): store only
/// into messages whose mod-sequence is at most n; 0 always fails for
/// existing messages (example 7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UnchangedSince(pub u64);

impl Encode for UnchangedSince {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        enc.raw(b"(UNCHANGEDSINCE ")?.number(self.0).raw(b")").map(drop)
    }
}

impl Store {
    /// `STORE set FLAGS (flags)`: replaces the flags.
    pub fn replace<'f>(set: SequenceSet, flags: impl IntoIterator<Item = Flag<'f>>) -> Result<Self, Error> {
        Store::with_mode(set, StoreMode::Replace, flags)
    }

    /// `STORE set +FLAGS (flags)`: adds the flags.
    pub fn add<'f>(set: SequenceSet, flags: impl IntoIterator<Item = Flag<'f>>) -> Result<Self, Error> {
        Store::with_mode(set, StoreMode::Add, flags)
    }

    /// `STORE set -FLAGS (flags)`: removes the flags.
    pub fn remove<'f>(set: SequenceSet, flags: impl IntoIterator<Item = Flag<'f>>) -> Result<Self, Error> {
        Store::with_mode(set, StoreMode::Remove, flags)
    }

    /// `STORE set <mode> (flags)`; fails for `\Recent` and `\*`, which a
    /// client cannot store (RFC 3501 section 9, `flag`).
    pub fn with_mode<'f>(
        set: SequenceSet,
        mode: StoreMode,
        flags: impl IntoIterator<Item = Flag<'f>>,
    ) -> Result<Self, Error> {
        let flags: Vec<Flag<'static>> = flags.into_iter().map(Flag::into_owned).collect();
        if flags.iter().any(|f| matches!(f, Flag::Recent | Flag::Wildcard)) {
            return Err(ValidationError::other("store flag", "\\Recent and \\* cannot be stored").into());
        }
        let action = FlagsAction { mode, silent: false };
        Ok(Store { set, unchanged_since: None, action, flags })
    }

    /// `.SILENT`: the server need not send the new flags back.
    pub fn silent(mut self) -> Self {
        self.action.silent = true;
        self
    }

    /// `(UNCHANGEDSINCE modseq)` (CONDSTORE): a conditional store.
    pub fn unchanged_since(mut self, modseq: u64) -> Self {
        self.unchanged_since = Some(UnchangedSince(modseq));
        self
    }

    /// The messages (sequence numbers, or UIDs in the UID form).
    pub fn set(&self) -> &SequenceSet {
        &self.set
    }

    /// The data item: mode and `.SILENT`.
    pub fn action(&self) -> FlagsAction {
        self.action
    }

    /// The flags stored.
    pub fn flags(&self) -> &[Flag<'static>] {
        &self.flags
    }

    /// True when `message` is part of the result (see the module doc).
    fn answers(&self, message: &FetchedMessage) -> bool {
        message.in_set(&self.set) && !(self.action.silent && message.flags().is_some())
    }
}

/// What STORE collects: the FETCHes of the messages it stored into (with
/// `.SILENT`, only those without FLAGS: the MODSEQ CONDSTORE sends). The
/// others are unsolicited: the session queues them as events
/// (conformance item 89).
fn answers_store(cmd: &Store, response: &Response<'_>) -> bool {
    match response {
        Response::Data(Data::Fetch { seq, items }) => {
            let has_flags = items.iter().any(|i| matches!(i, FetchItem::Flags(_)));
            in_set(*seq, items, &cmd.set) && !(cmd.action.silent && has_flags)
        }
        _ => false,
    }
}

/// What STORE gave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stored {
    /// The `* n FETCH` responses for the messages stored into (empty with
    /// `.SILENT`, but for the MODSEQ-only ones CONDSTORE sends).
    pub messages: Vec<FetchedMessage>,
    /// `[MODIFIED set]` of the tagged OK (CONDSTORE): the messages a
    /// conditional store left alone; numbers for STORE, UIDs for UID
    /// STORE. An OK, not an error.
    pub modified: Option<SequenceSet>,
    /// FETCHes given to `decode` that do not answer the command, in order.
    /// Empty when the session ran the command: it never collects those
    /// (`collect_if`), they are events.
    pub unsolicited: Vec<Response<'static>>,
}

/// STORE's decode: sorts the FETCH responses; never fails.
fn decode_store(
    cmd: &Store,
    collected: Vec<Response<'static>>,
    done: &Status<'static>,
) -> Result<Stored, Error> {
    let modified = match &done.code {
        Some(Code::Modified(set)) => Some(set.clone()),
        _ => None,
    };
    let mut out = Stored { modified, ..Stored::default() };
    for response in collected {
        match response {
            Response::Data(Data::Fetch { seq, items }) => {
                let message = FetchedMessage { seq, items };
                if cmd.answers(&message) {
                    out.messages.push(message);
                } else {
                    out.unsolicited.push(message.into_response());
                }
            }
            other => out.unsolicited.push(other),
        }
    }
    Ok(out)
}
