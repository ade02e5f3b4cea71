//! COPY (RFC 3501 section 6.4.7, RFC 9051 section 6.4.7) and MOVE (RFC
//! 6851 section 3, RFC 9051 section 6.4.8), with the UIDPLUS result
//! (RFC 4315 section 3).
//!
//! ```text
//! copy = "COPY" SP sequence-set SP mailbox
//! move = "MOVE" SP sequence-set SP mailbox
//! resp-code-copy = "COPYUID" SP nz-number SP uid-set SP uid-set
//! ```
//!
//! COPY gives the `[COPYUID ...]` of its tagged OK. MOVE's COPYUID comes
//! in an *untagged* OK sent before the expunges (RFC 6851 section 4.3),
//! or, the UIDPLUS way, in the tagged OK: MOVE collects untagged `OK`s
//! and takes the code from either place. Its other untagged OKs (an
//! `[ALERT]`, say) are kept in [`Moved::unsolicited`].

use crate::Error;
use crate::command::expunge::{Expunged, highest_modseq};
use crate::types::{Code, Mailbox, Response, SequenceSet, Status};

/// COPY (RFC 3501 section 6.4.7): copies the messages to the end of
/// another mailbox. Output: the `[COPYUID]` of the tagged OK, if any.
///
/// ```
/// use typed_imap::command::{Command, Copy};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder, Fragment};
///
/// let cmd = Copy::new("2:4".parse().unwrap(), "Sent Items").unwrap();
/// let mut enc = Encoder::new(EncodeOptions::default());
/// cmd.encode_args(&mut enc).unwrap();
/// assert_eq!(enc.finish(), [Fragment::Line(b" 2:4 \"Sent Items\"\r\n".to_vec())]);
/// ```
#[derive(Debug, Clone, PartialEq, crate::Command)]
#[imap(command = "COPY", uid_capable, state = "selected", output = Option<CopyUid>, decode = decode_copy)]
pub struct Copy {
    /// The messages (sequence numbers, or UIDs in the UID form); `$` needs
    /// SEARCHRES.
    #[imap(requires)]
    pub set: SequenceSet,
    /// The target mailbox.
    pub mailbox: Mailbox<'static>,
}

impl Copy {
    /// `COPY set mailbox`; fails when `mailbox` cannot be a mailbox name.
    pub fn new(set: SequenceSet, mailbox: &str) -> Result<Self, Error> {
        Ok(Copy { set, mailbox: Mailbox::new(mailbox)? })
    }

    /// `COPY set mailbox` with a mailbox already built (from LIST, say).
    pub fn to(set: SequenceSet, mailbox: Mailbox<'static>) -> Self {
        Copy { set, mailbox }
    }
}

/// MOVE (RFC 6851 section 3.1, RFC 9051 section 6.4.8): copies the
/// messages to another mailbox and expunges them from this one. Needs the
/// `MOVE` capability. Output [`Moved`].
///
/// ```
/// use typed_imap::command::{Command, Move};
///
/// let cmd = Move::new("5".parse().unwrap(), "Trash").unwrap().uid();
/// assert!(cmd.is_uid());
/// assert_eq!(cmd.capabilities(), ["MOVE"]);
/// ```
#[derive(Debug, Clone, PartialEq, crate::Command)]
#[imap(
    command = "MOVE",
    uid_capable,
    state = "selected",
    capability = "MOVE",
    collect = "OK, EXPUNGE, VANISHED",
    output = Moved,
    decode = decode_move
)]
pub struct Move {
    /// The messages (sequence numbers, or UIDs in the UID form).
    #[imap(requires)]
    pub set: SequenceSet,
    /// The target mailbox.
    pub mailbox: Mailbox<'static>,
}

impl Move {
    /// `MOVE set mailbox`; fails when `mailbox` cannot be a mailbox name.
    pub fn new(set: SequenceSet, mailbox: &str) -> Result<Self, Error> {
        Ok(Move { set, mailbox: Mailbox::new(mailbox)? })
    }

    /// `MOVE set mailbox` with a mailbox already built.
    pub fn to(set: SequenceSet, mailbox: Mailbox<'static>) -> Self {
        Move { set, mailbox }
    }
}

/// `COPYUID uidvalidity source dest` (UIDPLUS, RFC 4315 section 3): where
/// COPY or MOVE put each message. The n-th UID of `source` became the n-th
/// UID of `destination`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyUid {
    /// The target mailbox's UIDVALIDITY.
    pub uid_validity: u32,
    /// The UIDs of the messages copied, in the source mailbox.
    pub source: SequenceSet,
    /// Their new UIDs in the target mailbox, in the same order.
    pub destination: SequenceSet,
}

impl CopyUid {
    /// The COPYUID of a status response, if it carries one.
    pub fn from_status(status: &Status<'_>) -> Option<CopyUid> {
        match &status.code {
            Some(Code::CopyUid { uid_validity, source, destination }) => Some(CopyUid {
                uid_validity: *uid_validity,
                source: source.clone(),
                destination: destination.clone(),
            }),
            _ => None,
        }
    }
}

/// What MOVE did: where the messages went, and what was expunged here.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Moved {
    /// The `[COPYUID]`, from the untagged OK or the tagged OK.
    pub copy_uid: Option<CopyUid>,
    /// The `* n EXPUNGE` numbers, or the `VANISHED` UIDs under QRESYNC.
    /// The server may include expunges of other messages (RFC 6851
    /// section 3.3).
    pub expunged: Expunged,
    /// Untagged OKs without COPYUID (an `[ALERT]`, `[HIGHESTMODSEQ]`...),
    /// in arrival order.
    pub unsolicited: Vec<Response<'static>>,
}

/// COPY's decode: the COPYUID of the tagged OK; never fails.
fn decode_copy(
    _: &Copy,
    _: Vec<Response<'static>>,
    done: &Status<'static>,
) -> Result<Option<CopyUid>, Error> {
    Ok(CopyUid::from_status(done))
}

/// MOVE's decode. Fails only when the server gave two different COPYUIDs.
fn decode_move(_: &Move, collected: Vec<Response<'static>>, done: &Status<'static>) -> Result<Moved, Error> {
    let mut out = Moved::default();
    out.expunged.highest_modseq = highest_modseq(done);
    for response in collected {
        match response {
            Response::Status(ok) => match CopyUid::from_status(&ok) {
                Some(c) => set_copy_uid(&mut out.copy_uid, c)?,
                None => out.unsolicited.push(Response::Status(ok)),
            },
            other => out.expunged.push(other),
        }
    }
    if let Some(c) = CopyUid::from_status(done) {
        set_copy_uid(&mut out.copy_uid, c)?;
    }
    Ok(out)
}

/// Records `new`; a second, different COPYUID is an error.
fn set_copy_uid(slot: &mut Option<CopyUid>, new: CopyUid) -> Result<(), Error> {
    match slot {
        Some(old) if *old != new => Err(Error::Decode {
            command: "MOVE".into(),
            reason: format!("two different COPYUID codes: {old:?} and {new:?}"),
        }),
        _ => {
            *slot = Some(new);
            Ok(())
        }
    }
}
