//! STATUS (RFC 3501 section 6.3.10, RFC 9051 section 6.3.11; CONDSTORE
//! RFC 7162 section 3.1.7, OBJECTID RFC 8474, APPENDLIMIT RFC 7889).
//!
//! ```text
//! status = "STATUS" SP mailbox SP "(" status-att *(SP status-att) ")"
//! ```

use crate::Command;
use crate::Error;
use crate::types::{Data, Mailbox, Response, Status, StatusAttr, StatusData, ValidationError};

/// STATUS: counters of a mailbox without selecting it. Named
/// `StatusCommand` because [`types::Status`](crate::types::Status) is the
/// status response.
///
/// The answer is the server's `* STATUS` line for the mailbox, items in
/// the order sent (possibly more than asked for). When several STATUS
/// lines were collected, the one naming the mailbox is the answer; a lone
/// STATUS line is taken even when the server spelled the name otherwise.
/// Lines for other mailboxes, or none at all, give [`Error::Decode`].
///
/// HIGHESTMODSEQ needs CONDSTORE and SIZE or DELETED need IMAP4rev2 (or
/// STATUS=SIZE, QUOTA=RES-MESSAGE); the session does not check those per
/// item (the server answers BAD).
///
/// ```
/// use typed_imap::command::{Command, StatusCommand};
/// use typed_imap::types::StatusAttr;
/// use typed_imap::wire::encode::{EncodeOptions, Encoder, Fragment};
///
/// let cmd = StatusCommand::new("INBOX", [StatusAttr::Messages, StatusAttr::Unseen]).unwrap();
/// let mut enc = Encoder::new(EncodeOptions::default());
/// cmd.encode_args(&mut enc).unwrap();
/// assert_eq!(cmd.name(), "STATUS");
/// assert_eq!(enc.finish(), [Fragment::Line(b" INBOX (MESSAGES UNSEEN)\r\n".to_vec())]);
/// ```
#[derive(Debug, Clone, PartialEq, Command)]
#[imap(command = "STATUS", state = "authenticated", collect = "STATUS", output = StatusData<'static>, decode = decode_status)]
pub struct StatusCommand {
    /// The mailbox.
    pub mailbox: Mailbox<'static>,
    /// The items asked for; at least one. Each item's extension is
    /// required ([`StatusAttr`]'s `Requirements`).
    #[imap(requires)]
    pub items: Vec<StatusAttr<'static>>,
}

impl StatusCommand {
    /// `STATUS name (items)`; fails when the name holds NUL or no item is
    /// given.
    pub fn new(name: &str, items: impl IntoIterator<Item = StatusAttr<'static>>) -> Result<Self, Error> {
        StatusCommand::mailbox(Mailbox::new(name)?, items)
    }

    /// `STATUS mailbox (items)`; fails when no item is given.
    pub fn mailbox(
        mailbox: Mailbox<'static>,
        items: impl IntoIterator<Item = StatusAttr<'static>>,
    ) -> Result<Self, Error> {
        let items: Vec<_> = items.into_iter().collect();
        if items.is_empty() {
            return Err(ValidationError::empty("STATUS items").into());
        }
        Ok(StatusCommand { mailbox, items })
    }
}

fn decode_status(
    cmd: &StatusCommand,
    collected: Vec<Response<'static>>,
    _: &Status<'static>,
) -> Result<StatusData<'static>, Error> {
    let mut lines: Vec<StatusData<'static>> = Vec::new();
    let mut misfits: Vec<String> = Vec::new();
    for response in collected {
        match response {
            Response::Data(Data::Status(status)) => lines.push(status),
            other => misfits.push(format!("{other:?}")),
        }
    }
    let index = lines.iter().position(|s| s.mailbox == cmd.mailbox).or((lines.len() == 1).then_some(0));
    let answer = index.map(|i| lines.remove(i));
    misfits.extend(lines.iter().map(|s| format!("STATUS for another mailbox: {s:?}")));
    match answer {
        Some(answer) if misfits.is_empty() => Ok(answer),
        Some(_) => Err(decode_error(misfits)),
        None => Err(decode_error(vec![format!("no STATUS response for {:?}", cmd.mailbox)])),
    }
}

fn decode_error(reasons: Vec<String>) -> Error {
    Error::Decode { command: "STATUS".to_owned(), reason: reasons.join("; ") }
}
