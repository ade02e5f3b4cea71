//! EXPUNGE (RFC 3501 section 6.4.3, RFC 9051 section 6.4.3) and UID
//! EXPUNGE (UIDPLUS, RFC 4315 section 2.1; RFC 9051 section 6.4.9), with
//! their QRESYNC form (RFC 7162 sections 3.2.7 and 3.2.9).
//!
//! ```text
//! expunge     = "EXPUNGE"
//! uid-expunge = "UID" SP "EXPUNGE" SP sequence-set
//! ```
//!
//! UID EXPUNGE takes a set that EXPUNGE does not, so it is its own struct,
//! [`UidExpunge`], which is always sent in its UID form (there is no
//! `Expunge.uid()`: a plain `EXPUNGE 5` does not exist).
//!
//! Both give an [`Expunged`]: the `* n EXPUNGE` numbers in the order sent,
//! or, once QRESYNC is enabled, the UIDs of `* VANISHED`.

use crate::Error;
use crate::command::support;
use crate::command::{Command, States, requirements_of};
use crate::types::{Code, Data, Response, SequenceSet, Status, ValidationError};
use crate::wire::encode::Encoder;

/// EXPUNGE (RFC 3501 section 6.4.3): removes every message flagged
/// `\Deleted` from the selected mailbox. Output [`Expunged`].
///
/// ```
/// use typed_imap::command::{Command, Expunge};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder, Fragment};
///
/// let mut enc = Encoder::new(EncodeOptions::default());
/// Expunge.encode_args(&mut enc).unwrap();
/// assert_eq!(Expunge.name(), "EXPUNGE");
/// assert_eq!(enc.finish(), [Fragment::Line(b"\r\n".to_vec())]);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, crate::Command)]
#[imap(
    command = "EXPUNGE",
    state = "selected",
    collect = "EXPUNGE, VANISHED",
    output = Expunged,
    decode = decode_expunge
)]
pub struct Expunge;

/// UID EXPUNGE (UIDPLUS, RFC 4315 section 2.1; RFC 9051 section 6.4.9):
/// removes the messages that are flagged `\Deleted` *and* have a UID in
/// the set. Always sent as `UID EXPUNGE set`. Output [`Expunged`].
///
/// Implemented by hand rather than derived: the value is the UID form
/// itself, so [`Command::is_uid`] is always true.
///
/// ```
/// use typed_imap::command::{Command, UidExpunge};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder, Fragment};
///
/// let cmd = UidExpunge::new("3000:3002".parse().unwrap());
/// let mut enc = Encoder::new(EncodeOptions::default());
/// cmd.encode_args(&mut enc).unwrap();
/// assert!(cmd.is_uid());
/// assert_eq!(cmd.capabilities(), ["UIDPLUS"]);
/// assert_eq!(enc.finish(), [Fragment::Line(b" 3000:3002\r\n".to_vec())]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UidExpunge {
    /// The UIDs of the messages that may be expunged.
    pub set: SequenceSet,
}

impl UidExpunge {
    /// `UID EXPUNGE set`.
    pub fn new(set: SequenceSet) -> Self {
        UidExpunge { set }
    }
}

impl Command for UidExpunge {
    type Output = Expunged;

    fn name(&self) -> &str {
        "EXPUNGE"
    }

    fn is_uid(&self) -> bool {
        true
    }

    fn states(&self) -> States {
        States::SELECTED
    }

    /// UIDPLUS (RFC 4315 section 2.1), and SEARCHRES for `$`.
    fn capabilities(&self) -> Vec<&'static str> {
        let mut caps = vec!["UIDPLUS"];
        caps.extend(requirements_of(&self.set));
        caps
    }

    fn encode_args(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        support::arg(enc, &self.set)
    }

    fn collects(&self, response: &Response<'_>) -> bool {
        support::collects(response, &["EXPUNGE", "VANISHED"])
    }

    fn decode(&self, collected: Vec<Response<'static>>, done: &Status<'static>) -> Result<Expunged, Error> {
        Ok(Expunged::from_responses(collected, done))
    }
}

/// What EXPUNGE, UID EXPUNGE (and the expunge half of MOVE) removed.
///
/// Without QRESYNC the server sends `* n EXPUNGE` per message: `seqs`
/// holds the numbers in the order sent, repeats kept (each number is
/// relative to the mailbox after the previous expunge: `3, 3, 5, 8` in
/// RFC 3501 section 6.4.3). With QRESYNC enabled it sends `* VANISHED
/// uids` instead: `vanished` holds those UIDs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expunged {
    /// The `* n EXPUNGE` message numbers, in order.
    pub seqs: Vec<u32>,
    /// The UIDs of `* VANISHED` (QRESYNC, RFC 7162 section 3.2.7), all
    /// such responses joined; `None` when none came.
    pub vanished: Option<SequenceSet>,
    /// `[HIGHESTMODSEQ n]` from the tagged OK (RFC 7162 section 3.2.7).
    pub highest_modseq: Option<u64>,
    /// Collected responses that are not expunges of this command: a
    /// `VANISHED (EARLIER)` (an answer to a FETCH or SELECT, not an expunge
    /// notice, RFC 7162 section 3.2.10.1), kept in arrival order.
    pub unsolicited: Vec<Response<'static>>,
}

impl Expunged {
    /// True when nothing was expunged.
    pub fn is_empty(&self) -> bool {
        self.seqs.is_empty() && self.vanished.is_none()
    }

    /// Adds one collected response: an expunge, or an unsolicited one.
    pub(crate) fn push(&mut self, response: Response<'static>) {
        match response {
            Response::Data(Data::Expunge(n)) => self.seqs.push(n),
            Response::Data(Data::Vanished { earlier: false, uids }) => join_sets(&mut self.vanished, uids),
            other => self.unsolicited.push(other),
        }
    }

    /// The result from every collected response and the tagged OK.
    pub(crate) fn from_responses(collected: Vec<Response<'static>>, done: &Status<'static>) -> Self {
        let mut out = Expunged { highest_modseq: highest_modseq(done), ..Expunged::default() };
        collected.into_iter().for_each(|r| out.push(r));
        out
    }
}

/// Joins the ranges of `add` to `into` (several VANISHED responses).
pub(crate) fn join_sets(into: &mut Option<SequenceSet>, add: SequenceSet) {
    let joined = match into.take() {
        Some(set) => SequenceSet::from_ranges(set.ranges().iter().chain(add.ranges()).copied()),
        None => Ok(add),
    };
    *into = joined.ok();
}

/// `[HIGHESTMODSEQ n]` of a status response.
pub(crate) fn highest_modseq(status: &Status<'_>) -> Option<u64> {
    match status.code {
        Some(Code::HighestModSeq(n)) => Some(n),
        _ => None,
    }
}

/// EXPUNGE's decode: never fails; see [`Expunged`].
fn decode_expunge(
    _: &Expunge,
    collected: Vec<Response<'static>>,
    done: &Status<'static>,
) -> Result<Expunged, Error> {
    Ok(Expunged::from_responses(collected, done))
}
