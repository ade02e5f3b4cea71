//! SELECT and EXAMINE (RFC 3501 sections 6.3.1 and 6.3.2, RFC 9051
//! sections 6.3.2 and 6.3.3), with the CONDSTORE and QRESYNC parameters
//! (RFC 7162 sections 3.1.8 and 3.2.5).
//!
//! ```text
//! select         = "SELECT" SP mailbox [select-params]
//! examine        = "EXAMINE" SP mailbox [select-params]
//! select-params  = SP "(" select-param *(SP select-param) ")"
//! select-param   = "CONDSTORE"
//!                / "QRESYNC" SP "(" uidvalidity SP mod-sequence-value
//!                  [SP known-uids] [SP seq-match-data] ")"
//! seq-match-data = "(" known-sequence-set SP known-uid-set ")"
//! ```
//!
//! Both give a [`Selected`]: the mailbox's state as the answer described
//! it (a [`MailboxState`]), plus what CONDSTORE, QRESYNC, OBJECTID and
//! IMAP4rev2 add.
//!
//! Decoding keeps what fits and reports the rest: a collected response
//! that belongs nowhere in [`Selected`] (a live `VANISHED` without
//! `(EARLIER)`) or an answer without `EXISTS` gives
//! [`Error::Decode`] naming the command, after every other response was
//! looked at; the reason lists each misfit as received.

use std::num::NonZeroU32;
use std::ops::Deref;

use crate::Command;
use crate::Error;
use crate::session::MailboxState;
use crate::types::{
    ByteStr, Code, Data, FetchItem, ListData, Mailbox, Response, SeqNumber, SequenceSet, Status, StatusKind,
    ValidationError,
};
use crate::wire::encode::{Encode, Encoder};

/// SELECT (RFC 3501 section 6.3.1, RFC 9051 section 6.3.2): opens a
/// mailbox for reading and writing. `Select::default()` is `SELECT INBOX`.
///
/// ```
/// use typed_imap::command::{Command, Select};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder, Fragment};
///
/// let cmd = Select::new("Sent Items").unwrap().condstore();
/// let mut enc = Encoder::new(EncodeOptions::default());
/// cmd.encode_args(&mut enc).unwrap();
/// assert_eq!(enc.finish(), [Fragment::Line(b" \"Sent Items\" (CONDSTORE)\r\n".to_vec())]);
/// assert_eq!(cmd.capabilities(), ["CONDSTORE"]);
/// ```
#[derive(Debug, Clone, PartialEq, Command)]
#[imap(
    command = "SELECT",
    state = "authenticated",
    collect = "FLAGS, EXISTS, RECENT, OK, VANISHED, FETCH, LIST",
    output = Selected,
    decode = decode_select
)]
pub struct Select {
    /// The mailbox to open.
    pub mailbox: Mailbox<'static>,
    /// `(CONDSTORE)`: turn on mod-sequences (RFC 7162 section 3.1.8).
    #[imap(modifier = "CONDSTORE", capability = "CONDSTORE")]
    pub condstore: bool,
    /// `(QRESYNC (...))`: resynchronise a cached mailbox (RFC 7162
    /// section 3.2.5); needs `ENABLE QRESYNC` first.
    #[imap(modifier = "QRESYNC", capability = "QRESYNC")]
    pub qresync: Option<QResync>,
}

/// EXAMINE (RFC 3501 section 6.3.2, RFC 9051 section 6.3.3): opens a
/// mailbox read-only; otherwise as [`Select`].
///
/// ```
/// use typed_imap::command::{Command, Examine};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder, Fragment};
///
/// let cmd = Examine::default();
/// let mut enc = Encoder::new(EncodeOptions::default());
/// cmd.encode_args(&mut enc).unwrap();
/// assert_eq!(cmd.name(), "EXAMINE");
/// assert_eq!(enc.finish(), [Fragment::Line(b" INBOX\r\n".to_vec())]);
/// ```
#[derive(Debug, Clone, PartialEq, Command)]
#[imap(
    command = "EXAMINE",
    state = "authenticated",
    collect = "FLAGS, EXISTS, RECENT, OK, VANISHED, FETCH, LIST",
    output = Selected,
    decode = decode_examine
)]
pub struct Examine {
    /// The mailbox to open.
    pub mailbox: Mailbox<'static>,
    /// `(CONDSTORE)` (RFC 7162 section 3.1.8).
    #[imap(modifier = "CONDSTORE", capability = "CONDSTORE")]
    pub condstore: bool,
    /// `(QRESYNC (...))` (RFC 7162 section 3.2.5).
    #[imap(modifier = "QRESYNC", capability = "QRESYNC")]
    pub qresync: Option<QResync>,
}

impl Select {
    /// `SELECT name`; fails when the name holds NUL.
    pub fn new(name: &str) -> Result<Self, Error> {
        Ok(Select::mailbox(Mailbox::new(name)?))
    }

    /// `SELECT mailbox`.
    pub fn mailbox(mailbox: Mailbox<'static>) -> Self {
        Select { mailbox, condstore: false, qresync: None }
    }

    /// Adds `CONDSTORE`.
    pub fn condstore(self) -> Self {
        Select { condstore: true, ..self }
    }

    /// Adds `QRESYNC (...)`.
    pub fn qresync(self, params: QResync) -> Self {
        Select { qresync: Some(params), ..self }
    }

    /// The same mailbox and parameters as EXAMINE (imaplib's
    /// `select(readonly=True)`).
    pub fn read_only(self) -> Examine {
        Examine { mailbox: self.mailbox, condstore: self.condstore, qresync: self.qresync }
    }
}

impl Default for Select {
    /// `SELECT INBOX`, as imaplib's `select()`.
    fn default() -> Self {
        Select::mailbox(Mailbox::inbox())
    }
}

impl Examine {
    /// `EXAMINE name`; fails when the name holds NUL.
    pub fn new(name: &str) -> Result<Self, Error> {
        Ok(Examine::mailbox(Mailbox::new(name)?))
    }

    /// `EXAMINE mailbox`.
    pub fn mailbox(mailbox: Mailbox<'static>) -> Self {
        Examine { mailbox, condstore: false, qresync: None }
    }

    /// Adds `CONDSTORE`.
    pub fn condstore(self) -> Self {
        Examine { condstore: true, ..self }
    }

    /// Adds `QRESYNC (...)`.
    pub fn qresync(self, params: QResync) -> Self {
        Examine { qresync: Some(params), ..self }
    }
}

impl Default for Examine {
    /// `EXAMINE INBOX`.
    fn default() -> Self {
        Examine::mailbox(Mailbox::inbox())
    }
}

/// The QRESYNC select parameter (RFC 7162 section 3.2.5): what the
/// client knew of the mailbox when it last synchronised.
///
/// ```text
/// "QRESYNC" SP "(" uidvalidity SP mod-sequence-value [SP known-uids]
///           [SP seq-match-data] ")"
/// ```
///
/// The UID and sequence sets may not hold `*` or `$` (RFC 7162 section 7).
///
/// ```
/// use typed_imap::command::QResync;
/// let q = QResync::new(67890007, 20050715194045000).unwrap().known_uids("41,43:211".parse().unwrap());
/// assert!(q.is_ok());
/// assert!(QResync::new(1, 1).unwrap().known_uids("1:*".parse().unwrap()).is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QResync {
    uid_validity: NonZeroU32,
    mod_seq: u64,
    known_uids: Option<SequenceSet>,
    seq_match: Option<(SequenceSet, SequenceSet)>,
}

impl QResync {
    /// The last known UIDVALIDITY and HIGHESTMODSEQ; fails when either is
    /// zero or the mod-sequence exceeds 2^63 - 1.
    pub fn new(uid_validity: u32, mod_seq: u64) -> Result<Self, ValidationError> {
        let uid_validity = NonZeroU32::new(uid_validity)
            .ok_or_else(|| ValidationError::other("QRESYNC uidvalidity", "must not be zero"))?;
        if mod_seq == 0 || mod_seq > i64::MAX as u64 {
            return Err(ValidationError::other("QRESYNC mod-sequence", "must be 1 to 2^63 - 1"));
        }
        Ok(QResync { uid_validity, mod_seq, known_uids: None, seq_match: None })
    }

    /// The UIDs the client has cached; fails on `*` or `$`.
    pub fn known_uids(self, uids: SequenceSet) -> Result<Self, ValidationError> {
        check_known("QRESYNC known-uids", &uids)?;
        Ok(QResync { known_uids: Some(uids), ..self })
    }

    /// Sample message numbers and their UIDs (`seq-match-data`), so the
    /// server can tell which expunges the client missed; fails on `*` or `$`.
    pub fn seq_match(self, seqs: SequenceSet, uids: SequenceSet) -> Result<Self, ValidationError> {
        check_known("QRESYNC known-sequence-set", &seqs)?;
        check_known("QRESYNC known-uid-set", &uids)?;
        Ok(QResync { seq_match: Some((seqs, uids)), ..self })
    }
}

/// Fails when `set` holds `*` or is `$`.
fn check_known(what: &'static str, set: &SequenceSet) -> Result<(), ValidationError> {
    let open = set.ranges().iter().any(|r| r.start() == SeqNumber::Largest || r.end() == SeqNumber::Largest);
    match open || set.is_saved() {
        true => Err(ValidationError::other(what, "must not hold `*` or `$`")),
        false => Ok(()),
    }
}

/// `"(" uidvalidity SP mod-sequence-value [SP known-uids] [SP seq-match-data] ")"`.
impl Encode for QResync {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        enc.raw(b"(")?.encode(&self.uid_validity)?.sp().encode(&self.mod_seq)?;
        if let Some(uids) = &self.known_uids {
            enc.sp().sequence_set(uids);
        }
        if let Some((seqs, uids)) = &self.seq_match {
            enc.raw(b" (")?.sequence_set(seqs).sp().sequence_set(uids).raw(b")")?;
        }
        enc.raw(b")").map(drop)
    }
}

/// The answer to SELECT or EXAMINE. Derefs to the [`MailboxState`] it
/// holds, so `selected.exists` reads as expected.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Selected {
    /// EXISTS, RECENT, FLAGS, the codes UIDVALIDITY, UIDNEXT, UNSEEN,
    /// PERMANENTFLAGS, HIGHESTMODSEQ, and READ-ONLY / READ-WRITE.
    pub state: MailboxState,
    /// `[NOMODSEQ]` (RFC 7162 section 3.1.2): the mailbox keeps no
    /// mod-sequences.
    pub no_modseq: bool,
    /// `[MAILBOXID (id)]` (RFC 8474 section 4.2).
    pub mailbox_id: Option<ByteStr<'static>>,
    /// `VANISHED (EARLIER) uids` (QRESYNC): the UIDs expunged since the
    /// client's last synchronisation, all such responses together.
    pub vanished: Option<SequenceSet>,
    /// The `FETCH` responses of a QRESYNC select: the messages changed
    /// since the client's mod-sequence.
    pub changed: Vec<Changed>,
    /// The untagged `LIST` an IMAP4rev2 server sends for the mailbox
    /// (RFC 9051 section 6.3.2).
    pub list: Option<ListData<'static>>,
    /// The texts of the untagged `OK [ALERT]` responses, which must be
    /// shown to the user (RFC 3501 section 7.1).
    pub alerts: Vec<ByteStr<'static>>,
}

impl Deref for Selected {
    type Target = MailboxState;

    fn deref(&self) -> &MailboxState {
        &self.state
    }
}

/// One `FETCH` response of a QRESYNC select: a message's number and the
/// attributes that changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changed {
    /// The message sequence number.
    pub seq: u32,
    /// The attributes (UID, FLAGS, MODSEQ), in the order sent.
    pub items: Vec<FetchItem<'static>>,
}

fn decode_select(
    _: &Select,
    collected: Vec<Response<'static>>,
    done: &Status<'static>,
) -> Result<Selected, Error> {
    Selected::decode("SELECT", collected, done)
}

fn decode_examine(
    _: &Examine,
    collected: Vec<Response<'static>>,
    done: &Status<'static>,
) -> Result<Selected, Error> {
    let mut selected = Selected::decode("EXAMINE", collected, done)?;
    selected.state.read_only = true;
    Ok(selected)
}

impl Selected {
    /// Builds the answer from the responses after the last `[CLOSED]` (those
    /// before it describe the previous mailbox, RFC 7162 section 3.2.11)
    /// and the tagged OK.
    fn decode(
        command: &str,
        collected: Vec<Response<'static>>,
        done: &Status<'static>,
    ) -> Result<Self, Error> {
        let start = collected.iter().rposition(is_closed).map_or(0, |i| i + 1);
        let mut selected = Selected::default();
        let mut saw_exists = false;
        let mut misfits = Vec::new();
        for response in collected.into_iter().skip(start) {
            saw_exists |= matches!(response, Response::Data(Data::Exists(_)));
            if let Some(misfit) = selected.take(response) {
                misfits.push(format!("{misfit:?}"));
            }
        }
        selected.take_status(done);
        if !saw_exists {
            misfits.push("no EXISTS response".to_owned());
        }
        match misfits.is_empty() {
            true => Ok(selected),
            false => Err(Error::Decode { command: command.to_owned(), reason: misfits.join("; ") }),
        }
    }

    /// Takes in one response; gives it back when it fits nowhere.
    fn take(&mut self, response: Response<'static>) -> Option<Response<'static>> {
        match response {
            Response::Status(status) if status.kind == StatusKind::Ok => self.take_status(&status),
            Response::Data(Data::Vanished { earlier: true, uids }) => self.add_vanished(uids),
            Response::Data(Data::Fetch { seq, items }) => self.changed.push(Changed { seq, items }),
            Response::Data(Data::List(list)) => self.list = Some(list),
            Response::Data(data @ (Data::Exists(_) | Data::Recent(_) | Data::Flags(_))) => {
                self.state.apply_data(&data)
            }
            other => return Some(other),
        }
        None
    }

    /// A status response's code: the state's, NOMODSEQ, MAILBOXID, ALERT.
    fn take_status(&mut self, status: &Status<'_>) {
        self.state.apply_status(status);
        match &status.code {
            Some(Code::Alert) => self.alerts.push(status.text.clone().into_owned()),
            Some(Code::NoModSeq) => self.no_modseq = true,
            Some(Code::MailboxId(id)) => self.mailbox_id = Some(id.clone().into_owned()),
            _ => {}
        }
    }

    /// Adds `uids` to the vanished set.
    fn add_vanished(&mut self, uids: SequenceSet) {
        self.vanished = Some(match self.vanished.take() {
            None => uids,
            Some(seen) => {
                let ranges = seen.ranges().iter().chain(uids.ranges()).copied();
                SequenceSet::from_ranges(ranges).map_or(seen, |s| s.normalise())
            }
        });
    }
}

/// An untagged `OK [CLOSED]`.
fn is_closed(response: &Response<'_>) -> bool {
    matches!(response, Response::Status(Status { code: Some(Code::Closed), .. }))
}
